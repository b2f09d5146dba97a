"""The message shortcut "Review with Tender Coach": review any message, privately, in its thread."""

from __future__ import annotations

from bot.slack import ids
from bot.slack.context import Deps
from bot.slack.conversation import Place, allowed, fail, review_draft
from bot.slack.files import handle_files


def run_shortcut(deps: Deps):
    def lazy(body, context, client) -> None:
        message = body.get("message") or {}
        place = Place(team=(body.get("team") or {}).get("id") or context.team_id or "",
                      channel=(body.get("channel") or {}).get("id") or "", user=(body.get("user") or {}).get("id") or "",
                      thread_ts=message.get("thread_ts") or message.get("ts"), visibility="ephemeral",
                      source="shortcut")
        try:
            if message.get("files"):
                handle_files(deps, client, place, message["files"], context.bot_token or client.token)
            elif allowed(deps, client, place, len(message.get("text") or "")):
                review_draft(deps, client, place, message.get("text") or "")
        except Exception as exc:
            fail(client, place, "the review shortcut", exc)
    return lazy


def register(app, deps: Deps) -> None:
    app.message_shortcut(ids.REVIEW_SHORTCUT)(ack=lambda ack: ack(), lazy=[run_shortcut(deps)])
