"""Messages: a DM to the bot, an @mention in a channel, and files shared in a thread with the bot.

Edits, deletions, other bots and the bot's own posts are ignored: a person gets one reply to one
message. A channel message without a mention is answered only when it shares a file in a
thread the bot is already part of."""

from __future__ import annotations

import re

from bot.slack.context import Deps
from bot.slack.conversation import Place, handle_text
from bot.slack.files import handle_files
from bot.store import repo

# Subtypes that carry a person's new words; every other subtype is an edit, a join, a bot, ...
_PERSON_SUBTYPES = (None, "file_share", "thread_broadcast")
_MENTION_RE = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")


def from_person(event: dict) -> bool:
    return event.get("subtype") in _PERSON_SUBTYPES and not event.get("bot_id") and bool(event.get("user"))


def place_of(event: dict, team: str, *, source: str = "message") -> Place:
    dm = event.get("channel_type") == "im"
    return Place(team=team, channel=event["channel"], user=event["user"],
                 thread_ts=event.get("thread_ts") or event.get("ts"),
                 visibility="dm" if dm else "channel", source=source)


def on_message(deps: Deps):
    def handler(event, context, client) -> None:
        if not from_person(event):
            return
        team = context.team_id or event.get("team") or ""
        place = place_of(event, team)
        files = event.get("files") or []
        if place.visibility == "dm":
            _text_and_files(deps, client, context, place, event, files)
        elif files and not _mentions_bot(event, context) and event.get("thread_ts") and \
                repo.is_bot_thread(deps.db, team, event["channel"], event["thread_ts"]):
            handle_files(deps, client, place, files, context.bot_token or client.token)
        # any other channel message is not for us (an @mention arrives as app_mention too)
    return handler


def on_mention(deps: Deps):
    def handler(event, context, client) -> None:
        if not from_person(event):
            return
        place = place_of(event, context.team_id or event.get("team") or "")
        _text_and_files(deps, client, context, place, event, event.get("files") or [])
    return handler


def _text_and_files(deps: Deps, client, context, place: Place, event: dict, files: list[dict], status=None) -> None:
    if files:  # the words beside a file ("here's our draft spec") are a caption, not a second request
        handle_files(deps, client, place, files, context.bot_token or client.token)
        return
    handle_text(deps, client, place, _MENTION_RE.sub(" ", event.get("text") or "").strip(), status=status)


def _mentions_bot(event: dict, context) -> bool:
    return bool(context.bot_user_id) and f"<@{context.bot_user_id}" in (event.get("text") or "")
