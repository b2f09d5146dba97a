"""The /tender slash command: review (private), ask, help; `review` alone opens a modal.

Each is acknowledged at once; the slow work runs in a lazy listener after Slack has its 200."""

from __future__ import annotations

import json

from bot.slack import blocks, digest_commands
from bot.slack.context import Deps
from bot.slack.mrkdwn import escape
from bot.slack.conversation import Place, allowed, answer_question, fail, post, review_draft

USAGE = "Try `/tender review <draft text>`, `/tender ask <question>` or `/tender help`."


def split(text: str) -> tuple[str, str]:
    """'/tender review The provider will…' -> ('review', 'The provider will…')."""
    head, _, rest = (text or "").strip().partition(" ")
    return head.lower().rstrip(":"), rest.strip()


def place_of(body: dict, *, source: str = "command") -> Place:
    return Place(team=body.get("team_id") or "", channel=body.get("channel_id") or "", user=body.get("user_id") or "",
                 visibility="ephemeral", source=source)


def ack_command(body, ack, client) -> None:
    """Fast: acknowledge, and open the modal here, because its trigger_id expires in 3 seconds."""
    verb, rest = split(body.get("text", ""))
    if verb == "review" and not rest:
        ack()
        meta = json.dumps({"channel": body.get("channel_id"), "team": body.get("team_id")})
        client.views_open(trigger_id=body["trigger_id"], view=blocks.review_modal(private_metadata=meta))
        return
    if verb in ("", "help"):
        message = blocks.help_message()
        ack(text=message.text, blocks=message.blocks)
        return
    if verb in ("review", "ask"):
        ack(text="Reviewing your draft…" if verb == "review" else "Looking through the guidance…")
        return
    if verb == "digest":
        ack()
        return
    ack(text=f"I don't know `{escape(verb[:30])}`. {USAGE}")


def run_command(deps: Deps):
    def lazy(body, client) -> None:
        verb, rest = split(body.get("text", ""))
        place = place_of(body)
        try:
            if verb == "review" and rest:
                if allowed(deps, client, place, len(rest)):
                    review_draft(deps, client, place, rest)
            elif verb == "ask" and rest:
                if allowed(deps, client, place, len(rest)):
                    answer_question(deps, client, place, rest)
            elif verb == "ask":
                post(client, place, blocks.notice(f"Ask me something after `ask`. {USAGE}"))
            elif verb == "digest":
                digest_commands.handle(deps, client, place, rest)
        except Exception as exc:
            fail(client, place, "the /tender command", exc)
    return lazy


def register(app, deps: Deps) -> None:
    app.command("/tender")(ack=ack_command, lazy=[run_command(deps)])

