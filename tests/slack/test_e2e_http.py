"""End to end over HTTP: the real `tender-coach serve --http` process, signed requests as Slack
sends them, and assertions on the Web API calls it makes to the local Slack emulator."""

from __future__ import annotations

import io
import json
import re
import time

import pytest
from bot_process import (
    BOT_TOKEN,
    BotProcess,
    block_action,
    dm,
    mention,
    message_shortcut,
    next_ts,
    view_submission,
)
from emulator import SlackEmulator

from bot.slack import ids

DRAFT = ("The provider will deliver 200 youth sessions per year and 40 outreach events. "
         "Price will be weighted at 70% and quality at 30%.")
QUESTION = "How should we weight price against quality?"
HOSTILE = "<!channel> <!here> <!everyone> <@U999> <#C999> @channel"


@pytest.fixture(scope="module")
def emu():
    with SlackEmulator() as emulator:
        yield emulator


@pytest.fixture(scope="module")
def bot(emu, tmp_path_factory):
    data = tmp_path_factory.mktemp("bot")
    with BotProcess(emu.api_url, data, extra_env={"TENDER_COACH_RATE_LIMIT": "1000"}) as process:
        yield process


@pytest.fixture(autouse=True)
def _fresh(emu):
    emu.clear()
    yield
    emu.assert_no_violations()


def _texts(calls) -> str:
    """Everything the bot wrote in these calls: fallback text and blocks, as one string."""
    return "\n".join(json.dumps(c.params, ensure_ascii=False) for c in calls)


def _button(call, action_id: str) -> dict:
    return next(e for b in call.params["blocks"] if b["type"] == "actions" for e in b["elements"]
                if e["action_id"] == action_id)


def _replies(emu, channel, count=1, timeout=15):
    return emu.wait_for("chat.postMessage", count=count, timeout=timeout,
                        predicate=lambda c: c.params.get("channel") == channel)


# --- the door: signatures --------------------------------------------------------------------

def test_unsigned_stale_and_forged_requests_get_401(bot, emu):
    body = json.dumps({"type": "event_callback", "event": dm("hi")}).encode()
    assert bot.post(body, "application/json", signed=False)[0] == 401
    assert bot.post(body, "application/json", timestamp=int(time.time()) - 600)[0] == 401
    status, *_ = bot.post(body, "application/json", headers={"X-Slack-Signature": "v0=" + "0" * 64})
    assert status == 401
    time.sleep(0.5)
    assert emu.calls("chat.postMessage") == []


def test_healthz_answers_for_a_load_balancer(bot):
    import urllib.request

    with urllib.request.urlopen(bot.url + "/healthz", timeout=5) as r:
        assert r.status == 200 and json.loads(r.read())["ok"] is True


# --- conversations ---------------------------------------------------------------------------

def test_a_question_in_a_dm_gets_an_answer_with_sources_in_its_thread(bot, emu):
    event = dm(QUESTION)
    status, _, seconds = bot.event(event)
    assert status == 200 and seconds < 1.0
    reply = _replies(emu, "D1")[0]
    assert reply.params["thread_ts"] == event["ts"]
    assert reply.token == BOT_TOKEN
    assert reply.params["text"]  # a plain-text fallback
    blocks = json.dumps(reply.params["blocks"])
    assert "<http" in blocks  # sources are links
    actions = [e["action_id"] for b in reply.params["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert ids.ANSWER_HELPFUL in actions and ids.ANSWER_NOT_HELPFUL in actions


def test_a_draft_in_a_dm_gets_a_review_with_score_findings_and_rewrites(bot, emu):
    event = dm(DRAFT)
    bot.event(event)
    reply = _replies(emu, "D1")[0]
    assert reply.params["thread_ts"] == event["ts"]
    text = _texts([reply])
    assert "/100" in text  # the checklist score
    assert "200 youth sessions per year" in text  # the quoted words
    assert "output-only" in text and "cost-first" in text
    actions = [e["action_id"] for b in reply.params["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert actions.count(ids.DISMISS_FINDING) >= 2


def test_a_pasted_payment_term_no_rule_reads_gets_the_shipped_cost_first_learned_suggestion(bot, emu):
    """The server runs the learned check unless TENDER_COACH_LEARNED=0, each category at its chosen threshold: as
    shipped cost-first is on at 0.90 (its own suggestions right 83% of the time there on batches never seen), so an
    hourly rate no rule was written for gets a cost-first suggestion, marked as the learned check's (the check itself is
    tested in tests/scoring/test_learned.py)."""
    event = dm("review: Independent living skills coaching is paid at $29.00 per hour.")
    bot.event(event)
    reply = _replies(emu, "D1")[0]
    assert reply.params["thread_ts"] == event["ts"]
    text = _texts([reply])
    assert "cost-first" in text and "output-only" not in text
    assert "learned" in text.lower()


def test_an_at_mention_in_a_channel_is_answered_in_its_thread(bot, emu):
    event = mention(QUESTION, channel="C7")
    bot.event(event)
    reply = _replies(emu, "C7")[0]
    assert reply.params["thread_ts"] == event["ts"]


def test_a_reply_inside_a_thread_stays_in_that_thread(bot, emu):
    parent = next_ts()
    bot.event(mention(DRAFT, channel="C7", thread_ts=parent))
    assert _replies(emu, "C7")[0].params["thread_ts"] == parent


@pytest.mark.parametrize("text, kind", [
    ("review: What outcomes should a youth service have?", "review"),
    ("ask: The provider will deliver 200 sessions.", "question"),
])
def test_prefixes_force_a_review_or_an_answer(bot, emu, text, kind):
    bot.event(dm(text, channel="D2"))
    posted = _texts(_replies(emu, "D2"))
    if kind == "review":
        assert "/100" in posted or "checklist" in posted.lower()
    else:
        assert ids.ANSWER_HELPFUL in posted


def test_pasted_mentions_never_ping_anyone(bot, emu):
    bot.event(dm(f"{HOSTILE} The provider will deliver 300 sessions a year. {HOSTILE}", channel="D3"))
    bot.event(dm(f"ask: {HOSTILE} how do we weight social value?", channel="D3"))
    posted = _texts(_replies(emu, "D3", count=2))
    for raw in ("<!channel>", "<!here>", "<!everyone>", "<@U999>", "<#C999>"):
        assert raw not in posted
    for call in _replies(emu, "D3", count=2):
        assert not call.params.get("link_names")


def test_a_long_review_is_summarised_and_the_full_report_attached(bot, emu):
    clauses = [f"The provider will deliver {n * 10} group sessions in area {n} each year." for n in range(1, 40)]
    event = dm("\n\n".join(clauses), channel="D4")
    bot.event(event)
    reply = _replies(emu, "D4")[0]
    assert len(reply.params["blocks"]) <= 50
    assert "attached" in _texts([reply])
    done = emu.wait_for("files.completeUploadExternal", timeout=15)[0]
    assert done.params["channel_id"] == "D4" and done.params["thread_ts"] == event["ts"]
    uploaded = b"".join(emu.uploads.values()).decode()
    assert "group sessions in area 39" in uploaded  # the last finding is in the full report


def test_the_same_event_retried_is_answered_once(bot, emu):
    event = dm(QUESTION, channel="D5")
    first = bot.event(event, event_id="EvRetry1")
    again = bot.event(event, event_id="EvRetry1", retry=1)
    assert first[0] == again[0] == 200
    _replies(emu, "D5")
    time.sleep(1.0)
    assert len([c for c in emu.calls("chat.postMessage") if c.params.get("channel") == "D5"]) == 1


@pytest.mark.parametrize("event", [
    dm(DRAFT, channel="D6", bot_id="B123"),
    dm(DRAFT, channel="D6", user="UBOT", bot_id="BBOT"),
    {**dm(DRAFT, channel="D6"), "subtype": "message_changed", "message": {"text": DRAFT}},
    {**dm(DRAFT, channel="D6"), "subtype": "message_deleted"},
    {"type": "message", "channel": "C8", "channel_type": "channel", "user": "U1", "text": DRAFT, "ts": next_ts()},
])
def test_bots_edits_own_posts_and_plain_channel_chatter_are_ignored(bot, emu, event):
    bot.event(event)
    time.sleep(1.0)
    assert [c for c in emu.calls() if c.method.startswith("chat.")] == []


def test_too_long_a_paste_gets_a_clear_reply(bot, emu):
    bot.event(dm("The provider will deliver sessions. " * 1500, channel="D9"))
    text = _texts(_replies(emu, "D9"))
    assert "characters" in text and "file" in text


# --- /tender ---------------------------------------------------------------------------------

def test_slash_review_is_private_with_a_share_button_that_posts_to_the_channel(bot, emu):
    status, body, seconds = bot.command(f"review {DRAFT}", channel="C10", response_url=emu.new_response_url())
    assert status == 200 and seconds < 1.0
    private = emu.wait_for("chat.postEphemeral", predicate=lambda c: c.params.get("channel") == "C10")[0]
    assert private.params["user"] == "U1"
    assert [c for c in emu.calls("chat.postMessage") if c.params.get("channel") == "C10"] == []
    share = _button(private, ids.SHARE_REVIEW)
    bot.interaction(block_action(ids.SHARE_REVIEW, share["value"], channel="C10",
                                 response_url=emu.new_response_url()))
    shared = _replies(emu, "C10")[0]
    assert "200 youth sessions per year" in _texts([shared])


def test_only_the_author_can_share_a_private_review(bot, emu):
    bot.command(f"review {DRAFT}", channel="C11", user="U5")
    private = emu.wait_for("chat.postEphemeral", predicate=lambda c: c.params.get("channel") == "C11")[0]
    share = _button(private, ids.SHARE_REVIEW)
    emu.clear()
    bot.interaction(block_action(ids.SHARE_REVIEW, share["value"], channel="C11", user="U6"))
    notice = emu.wait_for("chat.postEphemeral")[0]
    assert notice.params["user"] == "U6" and "Only the person" in _texts([notice])
    assert [c for c in emu.calls("chat.postMessage") if c.params.get("channel") == "C11"] == []


def test_slash_review_alone_opens_a_modal_and_the_submission_is_reviewed(bot, emu):
    bot.command("review", channel="C12")
    opened = emu.wait_for("views.open")[0]
    view = opened.params["view"]
    assert view["callback_id"] == ids.REVIEW_MODAL
    values = {ids.DRAFT_BLOCK: {ids.DRAFT_INPUT: {"type": "plain_text_input", "value": DRAFT}}}
    status, _, _ = bot.interaction(view_submission(ids.REVIEW_MODAL, values,
                                                   private_metadata=view["private_metadata"]))
    assert status == 200
    private = emu.wait_for("chat.postEphemeral", predicate=lambda c: c.params.get("channel") == "C12")[0]
    assert "/100" in _texts([private])


def test_an_empty_modal_is_refused_in_the_modal(bot, emu):
    values = {ids.DRAFT_BLOCK: {ids.DRAFT_INPUT: {"type": "plain_text_input", "value": "   "}}}
    status, body, _ = bot.interaction(view_submission(ids.REVIEW_MODAL, values, private_metadata="{}"))
    assert status == 200 and json.loads(body)["response_action"] == "errors"


def test_slash_ask_and_help(bot, emu):
    bot.command(f"ask {QUESTION}", channel="C13")
    answer = emu.wait_for("chat.postEphemeral", predicate=lambda c: c.params.get("channel") == "C13")[0]
    assert ids.ANSWER_HELPFUL in _texts([answer])
    status, body, _ = bot.command("help", channel="C13")
    assert status == 200 and "/tender review" in body.decode()


def test_the_message_shortcut_reviews_that_message_privately(bot, emu):
    payload = message_shortcut(DRAFT, channel="C14")
    bot.interaction(payload)
    private = emu.wait_for("chat.postEphemeral", predicate=lambda c: c.params.get("channel") == "C14")[0]
    assert private.params["thread_ts"] == payload["message"]["ts"]
    assert "200 youth sessions" in _texts([private])


# --- files -----------------------------------------------------------------------------------

def _docx(paragraphs) -> bytes:
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_word_file_shared_in_a_dm_is_downloaded_with_the_token_and_reviewed(bot, emu):
    file = emu.add_file("F1", "homecare-spec.docx", _docx(["Service specification", DRAFT]), "docx")
    event = dm("here's our draft", channel="D20", files=[file], subtype="file_share")
    bot.event(event)
    reply = _replies(emu, "D20")[0]
    assert reply.params["thread_ts"] == event["ts"]
    assert "homecare-spec.docx" in _texts([reply]) and "200 youth sessions" in _texts([reply])


def test_an_unsupported_file_gets_a_clear_reply(bot, emu):
    file = emu.add_file("F2", "budget.xlsx", b"PK\x03\x04 not really", "xlsx")
    bot.event(dm("", channel="D21", files=[file], subtype="file_share"))
    assert ".docx" in _texts(_replies(emu, "D21"))


def test_a_file_shared_in_a_thread_with_the_bot_is_reviewed(bot, emu):
    parent = next_ts()
    bot.event(mention(QUESTION, channel="C22", ts=parent))
    _replies(emu, "C22")
    file = emu.add_file("F3", "spec.md", DRAFT.encode(), "markdown")
    bot.event({"type": "message", "channel": "C22", "channel_type": "channel", "user": "U1", "text": "",
               "ts": next_ts(), "thread_ts": parent, "files": [file], "subtype": "file_share"})
    replies = _replies(emu, "C22", count=2)
    assert "spec.md" in _texts(replies[1:]) and replies[1].params["thread_ts"] == parent


# --- buttons, feedback, App Home -------------------------------------------------------------

def test_not_applicable_records_a_dismissal_with_its_reason(bot, emu):
    bot.event(dm(DRAFT, channel="D30"))
    reply = _replies(emu, "D30")[0]
    dismiss = _button(reply, ids.DISMISS_FINDING)
    bot.interaction(block_action(ids.DISMISS_FINDING, dismiss["value"], channel="D30"))
    modal = emu.wait_for("views.open")[0].params["view"]
    assert modal["callback_id"] == ids.DISMISS_MODAL
    values = {ids.REASON_BLOCK: {ids.REASON_INPUT: {"type": "plain_text_input", "value": "sessions are a grant condition"}}}
    status, _, _ = bot.interaction(view_submission(ids.DISMISS_MODAL, values, private_metadata=modal["private_metadata"]))
    assert status == 200
    emu.wait_for("chat.postEphemeral", predicate=lambda c: c.params.get("channel") == "D30")
    out = _feedback(bot)
    assert "sessions are a grant condition" in out


def test_helpful_and_not_helpful_are_stored(bot, emu):
    bot.event(dm(QUESTION, channel="D31"))
    reply = _replies(emu, "D31")[0]
    helpful = _button(reply, ids.ANSWER_NOT_HELPFUL)
    bot.interaction(block_action(ids.ANSWER_NOT_HELPFUL, helpful["value"], channel="D31"))
    emu.wait_for("chat.postEphemeral", predicate=lambda c: c.params.get("channel") == "D31")
    assert "not helpful" in _feedback(bot).lower()


def _feedback(bot) -> str:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "bot.cli", "feedback"], env=bot.env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_app_home_shows_the_last_reviews(bot, emu):
    bot.event(dm(DRAFT, channel="D40", user="U40"))
    _replies(emu, "D40")
    bot.event({"type": "app_home_opened", "user": "U40", "channel": "D40", "tab": "home", "event_ts": next_ts()})
    published = emu.wait_for("views.publish")[0]
    assert published.params["user_id"] == "U40"
    view = published.params["view"]
    assert view["type"] == "home" and "/100" in json.dumps(view)


# --- robustness ------------------------------------------------------------------------------

def test_a_rate_limited_slack_is_retried_after_retry_after(bot, emu):
    emu.fail_next("chat.postMessage", status=429, retry_after=1)
    bot.event(dm(QUESTION, channel="D50"))
    replies = _replies(emu, "D50", timeout=20)
    assert len(replies) == 1
    failed = [c for c in emu.calls("chat.postMessage", include_failed=True) if c.failed]
    assert failed and replies[0].time - failed[0].time >= 1.0


def test_a_slack_server_error_is_retried(bot, emu):
    emu.fail_next("chat.postMessage", status=500)
    bot.event(dm(QUESTION, channel="D51"))
    assert len(_replies(emu, "D51", timeout=20)) == 1


def test_a_failing_handler_replies_with_a_reference_not_a_traceback(bot, emu):
    emu.fail_next("chat.postMessage", status=200, error="internal_error")
    bot.event(dm(QUESTION, channel="D52"))
    reply = _replies(emu, "D52")[0]
    text = _texts([reply])
    assert "Traceback" not in text and "SlackApiError" not in text and "internal_error" not in text
    ref = re.search(r"`([0-9a-f]{8})`", text).group(1)
    time.sleep(0.3)
    assert ref in bot.log()


def test_tokens_and_pasted_text_never_reach_the_log(bot, emu):
    secret_words = "Zanzibar-quokka-procurement-7731"
    bot.event(dm(f"The provider will deliver 200 sessions. {secret_words}", channel="D53"))
    _replies(emu, "D53")
    log = bot.log()
    assert BOT_TOKEN not in log and secret_words not in log and "test-signing-secret" not in log


def test_the_rate_limit_answers_kindly(emu, tmp_path):
    with BotProcess(emu.api_url, tmp_path / "limited", extra_env={"TENDER_COACH_RATE_LIMIT": "2"}) as limited:
        for _ in range(3):
            limited.event(dm(QUESTION, channel="D60", user="U60"))
        replies = _replies(emu, "D60", count=3, timeout=20)
        assert "try again" in _texts(replies).lower()


def test_a_workspace_off_the_allow_list_is_ignored(emu, tmp_path):
    with BotProcess(emu.api_url, tmp_path / "allow", extra_env={"TENDER_COACH_ALLOWED_TEAMS": "T0001"}) as only:
        only.event(dm(QUESTION, channel="D70"), team="T9999")
        only.event(dm(QUESTION, channel="D71"))
        _replies(emu, "D71")
        assert [c for c in emu.calls("chat.postMessage") if c.params.get("channel") == "D70"] == []


# --- the assistant side panel ----------------------------------------------------------------

def test_the_assistant_panel_suggests_prompts_shows_status_and_titles_the_thread(bot, emu):
    thread = next_ts()
    bot.event({"type": "assistant_thread_started", "event_ts": next_ts(),
               "assistant_thread": {"user_id": "U1", "channel_id": "D80", "thread_ts": thread, "context": {}}})
    emu.wait_for("assistant.threads.setSuggestedPrompts")
    assert _replies(emu, "D80")[0].params["thread_ts"] == thread
    bot.event(dm(DRAFT, channel="D80", thread_ts=thread))
    statuses = emu.wait_for("assistant.threads.setStatus")
    assert any("review" in c.params.get("status", "") for c in statuses)
    emu.wait_for("assistant.threads.setTitle")
    replies = _replies(emu, "D80", count=2)
    assert replies[1].params["thread_ts"] == thread and "/100" in _texts(replies[1:])
