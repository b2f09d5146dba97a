"""Slack's assistant side panel: suggested prompts when a thread opens, a status while the bot
works, a thread title from the first message, then the same answer-or-review as a DM."""

from __future__ import annotations

from slack_bolt import Assistant

from bot.slack.context import Deps, log
from bot.slack.conversation import Place, handle_text
from bot.slack.files import handle_files
from bot.slack.messages import from_person
from prompts.inert import strip_controls

GREETING = ("Hi! Paste a draft clause or a whole specification and I'll review it for output-only targets "
            "and cost-first criteria, with rewrites. Or ask me anything about commissioning for outcomes.")
SUGGESTED_PROMPTS = [
    {"title": "Review a KPI", "message": "review: The provider will deliver 200 youth sessions per year."},
    {"title": "Weighting price and quality", "message": "How should we weight price against quality?"},
    {"title": "Social value", "message": "What weighting should social value get in a tender?"},
    {"title": "Measuring wellbeing", "message": "How can we measure wellbeing outcomes for young people?"},
]
TITLE_CHARS = 60


def build(deps: Deps) -> Assistant:
    assistant = Assistant()

    @assistant.thread_started
    def started(say, set_suggested_prompts) -> None:
        say(GREETING)
        set_suggested_prompts(prompts=SUGGESTED_PROMPTS, title="Try one of these")

    @assistant.user_message
    def message(payload, context, client, set_status, set_title) -> None:
        if not from_person(payload):
            return
        place = Place(team=context.team_id or payload.get("team") or "", channel=payload["channel"],
                      user=payload["user"], thread_ts=payload.get("thread_ts") or payload["ts"],
                      visibility="dm", source="assistant")
        text = (payload.get("text") or "").strip()
        _quietly(set_title, " ".join(strip_controls(text).split())[:TITLE_CHARS] or "Tender Coach")
        status = lambda words: _quietly(set_status, words)  # noqa: E731
        if payload.get("files"):
            status("is reading your file…")
            handle_files(deps, client, place, payload["files"], context.bot_token or client.token)
        else:
            handle_text(deps, client, place, text, status=status)
        _quietly(set_status, "")  # posting a reply clears it too; this covers a reply that failed

    return assistant


def _quietly(call, *args) -> None:
    """Title and status are niceties: an old client or a plain DM thread refusing them must not
    stop the answer."""
    try:
        call(*args)
    except Exception as exc:
        log.info("the assistant status or title was refused (%s)", exc.__class__.__name__)
