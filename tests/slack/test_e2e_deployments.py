"""End to end, the other ways the bot is run: Socket Mode through a local websocket server that
plays Slack's side, the OAuth install into two workspaces, and two HTTP workers on one
PostgreSQL database answering a retried event once."""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from bot_process import BotProcess, block_action, command_form, dm, event_body, mention
from socket_server import SocketModeServer

from bot.slack import ids

QUESTION = "How should we weight price against quality?"
DRAFT = "The provider will deliver 200 youth sessions per year. Price 70%, quality 30%."


# --- Socket Mode -----------------------------------------------------------------------------

def test_socket_mode_answers_events_commands_and_buttons(emu, tmp_path):
    with SocketModeServer() as ws:
        emu.socket_url = ws.url
        env = {"SLACK_APP_TOKEN": emu.app_token, "SLACK_SIGNING_SECRET": None}
        with BotProcess(emu.api_url, tmp_path, http=False, extra_env=env) as bot:
            ws.wait_connected(timeout=60)
            assert emu.calls("apps.connections.open")[0].token == emu.app_token

            event = dm(QUESTION)
            ack = ws.wait_ack(ws.send_envelope("events_api", event_body(event)), timeout=10)
            assert ack.elapsed < 1.0
            reply = emu.wait_for("chat.postMessage", timeout=15)[0]
            assert reply.params["channel"] == "D1" and reply.params["thread_ts"] == event["ts"]

            ws.wait_ack(ws.send_envelope("slash_commands", command_form(f"review {DRAFT}", channel="C5"),
                                         accepts_response_payload=True))
            private = emu.wait_for("chat.postEphemeral", timeout=15)[0]
            assert private.params["channel"] == "C5" and "200 youth sessions" in json.dumps(private.params)

            answer_id = next(e["value"] for b in reply.params["blocks"] if b["type"] == "actions"
                             for e in b["elements"] if e["action_id"] == ids.ANSWER_HELPFUL)
            ws.wait_ack(ws.send_envelope("interactive", block_action(ids.ANSWER_HELPFUL, answer_id, channel="D1")))
            emu.wait_for("chat.postEphemeral", count=2, timeout=15)

            # Slack re-sends an envelope it thinks was lost: still one reply.
            again = event_body(dm(QUESTION, channel="D9"), event_id="EvSocketRetry")
            ws.wait_ack(ws.send_envelope("events_api", again))
            ws.wait_ack(ws.send_envelope("events_api", again, retry_attempt=1, retry_reason="timeout"))
            emu.wait_for("chat.postMessage", predicate=lambda c: c.params["channel"] == "D9", timeout=15)
            time.sleep(1.0)
            assert len([c for c in emu.calls("chat.postMessage") if c.params["channel"] == "D9"]) == 1
            assert "xapp-" not in bot.log().replace("xapp-[redacted]", "")


# --- OAuth: one deployment, many workspaces ----------------------------------------------------

def _get(url: str, headers: dict | None = None) -> tuple[int, str, object]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=15) as r:
            return r.status, r.read().decode(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(), e.headers


def _install(bot: BotProcess, code: str) -> None:
    status, page, headers = _get(bot.url + "/slack/install")
    assert status == 200
    link = re.search(r'<a href="([^"]+)"', page).group(1).replace("&amp;", "&")
    state = parse_qs(urlsplit(link).query)["state"][0]
    cookie = headers.get("Set-Cookie", "").split(";")[0]
    status, page, _ = _get(f"{bot.url}/slack/oauth_redirect?code={code}&state={state}", {"Cookie": cookie})
    assert status == 200, page


def test_oauth_installs_into_two_workspaces_and_answers_each_with_its_own_token(emu, tmp_path):
    emu.add_workspace("T0AAA", "xoxb-aaa-token", "UBOTA", "Anytown Council")
    emu.add_workspace("T0BBB", "xoxb-bbb-token", "UBOTB", "Borough Council")
    emu.add_oauth_code("code-a", "T0AAA")
    emu.add_oauth_code("code-b", "T0BBB")
    env = {"SLACK_CLIENT_ID": emu.oauth_client_id, "SLACK_CLIENT_SECRET": emu.oauth_client_secret,
           "SLACK_STATE_SECRET": "state-secret", "SLACK_BOT_TOKEN": None}
    with BotProcess(emu.api_url, tmp_path, extra_env=env) as bot:
        status, page, _ = _get(bot.url + "/slack/install")
        assert "oauth/v2/authorize" in page and emu.oauth_client_id in page
        _install(bot, "code-a")
        _install(bot, "code-b")
        assert len(emu.calls("oauth.v2.access")) == 2

        bot.event(mention(QUESTION, channel="CAAA"), team="T0AAA")
        bot.event(mention(QUESTION, channel="CBBB"), team="T0BBB")
        replies = emu.wait_for("chat.postMessage", count=2, timeout=15)
        tokens = {c.params["channel"]: c.token for c in replies}
        assert tokens == {"CAAA": "xoxb-aaa-token", "CBBB": "xoxb-bbb-token"}

        bot.event(mention(QUESTION, channel="CZZZ"), team="T0ZZZ")  # never installed
        time.sleep(1.0)
        assert not [c for c in emu.calls("chat.postMessage") if c.params["channel"] == "CZZZ"]
        log = bot.log()
        assert "xoxb-aaa-token" not in log and "xoxb-bbb-token" not in log


# --- Two workers on one PostgreSQL database ----------------------------------------------------

def test_two_workers_on_postgresql_answer_a_retried_event_once(emu, tmp_path, pg_url):
    env = {"DATABASE_URL": pg_url, "TENDER_COACH_RATE_LIMIT": "1000"}
    with BotProcess(emu.api_url, tmp_path / "a", extra_env=env) as first, \
            BotProcess(emu.api_url, tmp_path / "b", extra_env=env) as second:
        # A retry that reaches the other worker.
        event = dm(QUESTION, channel="D100")
        assert first.event(event, event_id="EvPg1")[0] == 200
        assert second.event(event, event_id="EvPg1", retry=1)[0] == 200

        # Both workers receive the same event at the same moment, several times over.
        for n in range(5):
            body = dm(QUESTION, channel=f"D2{n:02d}")
            results = []
            threads = [threading.Thread(target=lambda w=w: results.append(w.event(body, event_id=f"EvRace{n}")))
                       for w in (first, second)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert [r[0] for r in results] == [200, 200]

        emu.wait_for("chat.postMessage", count=6, timeout=20)
        time.sleep(1.5)
        channels = [c.params["channel"] for c in emu.calls("chat.postMessage")]
        assert sorted(channels) == sorted(["D100"] + [f"D2{n:02d}" for n in range(5)])
