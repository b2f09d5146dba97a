"""The Slack emulator and the Socket Mode server behave like Slack towards slack_sdk's own clients,
so that the end-to-end tests built on them test the bot, not the fakes."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from emulator import DEFAULT_BOT_TOKEN, SlackEmulator
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from slack_sdk.socket_mode import SocketModeClient
from slack_sdk.socket_mode.response import SocketModeResponse
from socket_server import SocketModeServer, event_callback

SECTION = {"type": "section", "text": {"type": "mrkdwn", "text": "*Checklist score*: 37/100"}}


@pytest.fixture
def emu():
    with SlackEmulator() as emu:
        yield emu


@pytest.fixture
def client(emu) -> WebClient:
    return WebClient(base_url=emu.api_url, token=DEFAULT_BOT_TOKEN)


def _get(url: str, token: str | None) -> tuple[int, bytes, str]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=5) as response:
            return response.status, response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers.get("Content-Type", "")


def test_post_message_is_recorded_with_blocks_decoded(emu, client):
    first = client.chat_postMessage(channel="C1", text="score", blocks=[SECTION], thread_ts="1700000000.000001")
    second = client.chat_postMessage(channel="U42", text="a DM by user id")

    call, _ = emu.wait_for("chat.postMessage", count=2)
    assert call.params["blocks"] == [SECTION] and call.token == DEFAULT_BOT_TOKEN
    assert first["channel"] == "C1" and first["message"]["thread_ts"] == "1700000000.000001"
    assert first["message"]["user"] == "UBOT" and first["message"]["blocks"] == [SECTION]
    assert re.fullmatch(r"\d{10}\.\d{6}", first["ts"]) and float(second["ts"]) > float(first["ts"])
    assert second["channel"] == emu.dm_channel("U42") == client.conversations_open(users="U42")["channel"]["id"]
    assert emu.violations == []


@pytest.mark.parametrize("encoding", ["form", "json", "query", "multipart"])
def test_arguments_arrive_however_slack_accepts_them(emu, encoding):
    fields = {"channel": "C1", "text": "hi", "blocks": json.dumps([SECTION])}
    url, headers, body = emu.api_url + "chat.postMessage", {"Authorization": f"Bearer {DEFAULT_BOT_TOKEN}"}, None
    if encoding == "form":
        headers, body = {}, urllib.parse.urlencode({**fields, "token": DEFAULT_BOT_TOKEN}).encode()
    elif encoding == "json":
        headers["Content-Type"] = "application/json; charset=utf-8"
        body = json.dumps({**fields, "blocks": [SECTION]}).encode()
    elif encoding == "query":
        url += "?" + urllib.parse.urlencode(fields)
    else:
        headers["Content-Type"] = "multipart/form-data; boundary=XyZ"
        body = b"".join(f'--XyZ\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
                        for k, v in fields.items()) + b"--XyZ--\r\n"
    with urllib.request.urlopen(urllib.request.Request(url, data=body, headers=headers), timeout=5) as response:
        answer = json.load(response)

    assert answer["ok"], answer
    [call] = emu.calls("chat.postMessage")
    assert call.params == {"channel": "C1", "text": "hi", "blocks": [SECTION]} and call.token == DEFAULT_BOT_TOKEN


def test_a_token_inside_a_json_body_does_not_authenticate(emu):
    body = json.dumps({"token": DEFAULT_BOT_TOKEN, "channel": "C1", "text": "hi"}).encode()
    request = urllib.request.Request(emu.api_url + "chat.postMessage", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as response:
        assert json.load(response) == {"ok": False, "error": "not_authed"}


def test_tokens_identify_workspaces_and_unknown_tokens_are_refused(emu):
    emu.add_workspace("T0002", "xoxb-other", "UBOT2", "Other Council")
    me = WebClient(base_url=emu.api_url, token="xoxb-other").auth_test()
    assert (me["team_id"], me["user_id"], me["team"], me["is_enterprise_install"]) == \
        ("T0002", "UBOT2", "Other Council", False)
    assert me["bot_id"] and me["url"].startswith("https://")

    with pytest.raises(SlackApiError) as refused:
        WebClient(base_url=emu.api_url, token="xoxb-wrong").chat_postMessage(channel="C1", text="hi")
    assert refused.value.response["error"] == "invalid_auth"
    assert emu.calls("chat.postMessage")[0].token == "xoxb-wrong"


def test_rate_limit_sends_retry_after_and_slack_sdk_retries(emu, client):
    emu.fail_next("chat.postMessage", status=429, retry_after=7)
    with pytest.raises(SlackApiError) as limited:
        client.chat_postMessage(channel="C1", text="hi")
    assert limited.value.response.status_code == 429 and limited.value.response["error"] == "ratelimited"
    assert limited.value.response.headers["Retry-After"] == "7"

    emu.fail_next("chat.postMessage", status=429, retry_after=0)
    client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=1))
    assert client.chat_postMessage(channel="C1", text="hi")["ok"]
    assert [c.failed for c in emu.calls("chat.postMessage", include_failed=True)] == [True, True, False]
    assert len(emu.calls("chat.postMessage")) == 1


def test_server_errors_can_be_injected_several_times(emu, client):
    emu.fail_next("views.publish", status=500, times=2)
    home = {"type": "home", "blocks": [SECTION]}
    for _ in range(2):
        with pytest.raises(SlackApiError) as failed:
            client.views_publish(user_id="U1", view=home)
        assert failed.value.response.status_code == 500
    assert client.views_publish(user_id="U1", view=home)["view"]["id"].startswith("V")


def test_file_download_needs_a_bot_token_of_the_files_workspace(emu):
    emu.add_workspace("T0002", "xoxb-other", "UBOT2", "Other Council")
    file = emu.add_file("F1", "draft spec.md", b"# Draft\nWe will deliver 40 sessions.\n", "markdown")
    url = file["url_private_download"]
    assert url.startswith(emu.base_url + "files/F1/")

    assert _get(url, DEFAULT_BOT_TOKEN)[:2] == (200, b"# Draft\nWe will deliver 40 sessions.\n")
    for token in (None, "xoxb-wrong", "xoxb-other"):
        status, body, kind = _get(url, token)
        assert status == 403 and kind.startswith("text/html") and b"Sign in" in body
    emu.download_without_token = "redirect"  # slack.com's way: urllib follows it to a 200 sign-in page
    status, body, kind = _get(url, None)
    assert status == 200 and kind.startswith("text/html") and b"Sign in" in body


def test_files_upload_v2_delivers_the_bytes(emu, client):
    content = bytes(range(256)) * 8 + b"\r\n--boundary--\r\n"
    result = client.files_upload_v2(content=content, filename="report.md", title="Full report", channel="C1",
                                    thread_ts="1700000000.000100", initial_comment="The full report")

    file_id = result["file"]["id"]
    assert emu.uploads[file_id] == content
    assert [c.method for c in emu.calls()] == ["files.getUploadURLExternal", "files.completeUploadExternal"]
    [done] = emu.calls("files.completeUploadExternal")
    assert done.params["files"] == [{"id": file_id, "title": "Full report"}]
    assert (done.params["channel_id"], done.params["thread_ts"], done.params["initial_comment"]) == \
        ("C1", "1700000000.000100", "The full report")
    info = client.files_info(file=file_id)["file"]
    assert (info["title"], info["name"], info["size"], info["filetype"]) == \
        ("Full report", "report.md", len(content), "markdown")
    assert _get(info["url_private_download"], DEFAULT_BOT_TOKEN)[1] == content


def _divider(n: int) -> list[dict]:
    return [{"type": "divider"}] * n


def _section(chars: int) -> list[dict]:
    return [{"type": "section", "text": {"type": "mrkdwn", "text": "x" * chars}}]


def _header(chars: int) -> list[dict]:
    return [{"type": "header", "text": {"type": "plain_text", "text": "x" * chars}}]


def _button(chars: int) -> list[dict]:
    return [{"type": "actions", "elements": [
        {"type": "button", "action_id": "a", "value": "1", "text": {"type": "plain_text", "text": "x" * chars}}]}]


@pytest.mark.parametrize("too_big, at_limit, error, pointer", [
    ({"blocks": _divider(51)}, {"blocks": _divider(50)}, "invalid_blocks", "/blocks]"),
    ({"blocks": _section(3001)}, {"blocks": _section(3000)}, "invalid_blocks", "/blocks/0/text/text"),
    ({"blocks": _header(151)}, {"blocks": _header(150)}, "invalid_blocks", "/blocks/0/text/text"),
    ({"blocks": _button(76)}, {"blocks": _button(75)}, "invalid_blocks", "/blocks/0/elements/0/text/text"),
    ({"text": "x" * 40_001}, {"text": "x" * 40_000}, "msg_too_long", "/text"),
])
def test_block_kit_limits_are_refused_and_recorded(emu, client, too_big, at_limit, error, pointer):
    assert client.chat_postMessage(channel="C1", **{"text": "fallback", **at_limit})["ok"]
    assert emu.violations == []

    with pytest.raises(SlackApiError) as refused:
        client.chat_update(channel="C1", ts="1700000000.000100", **{"text": "fallback", **too_big})
    assert refused.value.response["error"] == error
    [violation] = emu.violations
    assert (violation.method, violation.error) == ("chat.update", error) and pointer in violation.message


def test_blocks_must_be_known_objects(emu, client):
    with pytest.raises(SlackApiError) as refused:
        client.chat_postEphemeral(channel="C1", user="U1", text="hi", blocks=[{"type": "sektion"}, "divider"])
    assert refused.value.response["error"] == "invalid_blocks"
    assert [v.message.split(" [")[0] for v in emu.violations] == \
        ["unsupported block type 'sektion'", "must provide an object"]


def test_views_answer_with_an_id_and_refuse_a_long_title_or_a_stale_trigger(emu, client):
    modal = {"type": "modal", "callback_id": "REVIEW_MODAL", "title": {"type": "plain_text", "text": "Review a draft"},
             "submit": {"type": "plain_text", "text": "Review"}, "blocks": [SECTION]}
    view = client.views_open(trigger_id=emu.new_trigger_id(), view=modal)["view"]
    assert view["id"].startswith("V") and view["callback_id"] == "REVIEW_MODAL"

    long_title = {**modal, "title": {"type": "plain_text", "text": "Review a draft of your tender"}}
    with pytest.raises(SlackApiError) as refused:
        client.views_open(trigger_id=emu.new_trigger_id(), view=long_title)
    assert refused.value.response["error"] == "invalid_arguments"
    assert "/view/title/text" in emu.violations[0].message

    with pytest.raises(SlackApiError) as expired:
        client.views_open(trigger_id=emu.new_trigger_id(issued_ago=3.5), view=modal)
    assert expired.value.response["error"] == "expired_trigger_id"


def test_oauth_v2_access_trades_a_code_once_for_the_workspace_token(emu):
    emu.add_workspace("T0002", "xoxb-installed", "UBOT2", "New Council")
    emu.add_oauth_code("code-1", "T0002", user_id="U42")
    oauth = WebClient(base_url=emu.api_url)
    grant = oauth.oauth_v2_access(client_id=emu.oauth_client_id, client_secret=emu.oauth_client_secret,
                                  code="code-1")
    assert (grant["access_token"], grant["token_type"], grant["bot_user_id"]) == ("xoxb-installed", "bot", "UBOT2")
    assert grant["team"] == {"id": "T0002", "name": "New Council"} and grant["authed_user"] == {"id": "U42"}
    assert grant["enterprise"] is None and grant["is_enterprise_install"] is False and "chat:write" in grant["scope"]

    for secret, error in ((emu.oauth_client_secret, "invalid_code"), ("guess", "bad_client_secret")):
        with pytest.raises(SlackApiError) as refused:
            oauth.oauth_v2_access(client_id=emu.oauth_client_id, client_secret=secret, code="code-1")
        assert refused.value.response["error"] == error


def test_users_info_gives_a_time_zone(client):
    user = client.users_info(user="U42")["user"]
    assert user["tz"] == "Europe/London" and user["tz_offset"] in (0, 3600)


def test_socket_mode_round_trip_with_slack_sdk_builtin_client(emu, client):
    with SocketModeServer() as ws:
        emu.socket_url = ws.url
        with pytest.raises(SlackApiError) as wrong_token:
            client.apps_connections_open(app_token=DEFAULT_BOT_TOKEN)
        assert wrong_token.value.response["error"] == "not_allowed_token_type"

        socket_client = SocketModeClient(app_token="xapp-1-test", web_client=client)
        hellos, requests = [], []

        def ack(c, request):
            requests.append(request)
            c.send_socket_mode_response(SocketModeResponse(envelope_id=request.envelope_id,
                                                           payload={"text": "Reviewing…"}))

        socket_client.socket_mode_request_listeners.append(ack)
        socket_client.message_listeners.append(lambda c, message, raw: hellos.append(message)
                                               if message.get("type") == "hello" else None)
        try:
            socket_client.connect()
            assert ws.wait_connected(5) == 1
            command = ws.send_envelope("slash_commands", {"command": "/tender", "text": "help"},
                                       accepts_response_payload=True)
            event = ws.send_envelope("events_api", event_callback({"type": "app_mention", "text": "<@UBOT> hi"}))
            command_ack, event_ack = ws.wait_ack(command, 5), ws.wait_ack(event, 5)
        finally:
            ws.close_client(socket_client)

    assert command_ack.payload == {"text": "Reviewing…"} and command_ack.elapsed < 3
    assert event_ack.envelope_id == event
    assert {r.type for r in requests} == {"slash_commands", "events_api"}
    assert hellos[0]["connection_info"] == {"app_id": "A1"}
    assert emu.calls("apps.connections.open")[-1].token == "xapp-1-test"


def test_bolt_answers_an_event_and_a_slash_command_through_both_servers(emu, client):
    app = App(client=client)

    @app.event("app_mention")
    def mention(event, say):
        say(text="On it", thread_ts=event["ts"])

    @app.command("/tender")
    def tender(ack, respond):
        ack("Working on it")
        respond(text="Done")

    with SocketModeServer() as ws:
        emu.socket_url = ws.url
        handler = SocketModeHandler(app, "xapp-1-test")
        handler.connect()
        try:
            mentioned = ws.send_envelope("events_api", event_callback(
                {"type": "app_mention", "user": "U1", "text": "<@UBOT> hi", "channel": "C1",
                 "ts": "1700000000.000001", "event_ts": "1700000000.000001"}))
            command = ws.send_envelope("slash_commands", {
                "command": "/tender", "text": "help", "user_id": "U1", "channel_id": "C1", "team_id": "T0001",
                "response_url": emu.new_response_url(), "trigger_id": emu.new_trigger_id()},
                accepts_response_payload=True)
            assert ws.wait_ack(mentioned, 5).payload is None
            assert ws.wait_ack(command, 5).payload == {"text": "Working on it"}
            [said] = emu.wait_for("chat.postMessage")
            [responded] = emu.wait_for("response_url")
        finally:
            ws.close_client(handler.client)

    assert (said.params["channel"], said.params["text"], said.params["thread_ts"]) == \
        ("C1", "On it", "1700000000.000001")
    assert responded.params == {"text": "Done"}
    assert emu.calls("auth.test"), "Bolt checks its token with auth.test on start"
