"""The one path every surface shares: decide what a message asks for, do it, reply in its place.

A DM, an @mention, the assistant panel, a slash command, a shortcut and a modal differ only in
*where* the reply goes (`Place`); what happens to the text is the same everywhere."""

from __future__ import annotations

from dataclasses import dataclass, replace

from slack_sdk.errors import SlackApiError

from bot.slack import blocks
from prompts.slack import notice_text
from bot.slack.classify import classify
from bot.slack.context import Deps, log_failure
from bot.store import repo

# Errors that mean "the bot cannot post an ephemeral message there" (not a member, a private
# channel, someone else's DM): the reply then goes to the person's DM with the bot instead.
_NOT_THERE = {"channel_not_found", "not_in_channel", "is_archived", "user_not_in_channel", "restricted_action"}


@dataclass(frozen=True)
class Place:
    team: str
    channel: str
    user: str
    thread_ts: str | None = None
    visibility: str = "channel"  # channel | dm | ephemeral | modal
    source: str = "message"  # message | command | shortcut | file | modal | assistant

    @property
    def private(self) -> bool:
        return self.visibility in ("ephemeral", "modal")


def handle_text(deps: Deps, client, place: Place, text: str, *, status=None) -> None:
    """Answer a question or review a draft, whichever the text is. `status(str)` shows progress
    in the assistant panel."""
    try:
        intent = classify(text or "")
        if intent.kind in ("help", "empty"):
            post(client, place, blocks.help_message())
            return
        if not allowed(deps, client, place, len(intent.text)):
            return
        if intent.kind == "question":
            if status:
                status("is looking through the guidance…")
            answer_question(deps, client, place, intent.text)
        else:
            if status:
                status("is reviewing your draft…")
            review_draft(deps, client, place, intent.text)
    except Exception as exc:  # the edge: a short fixed reply, details only in the log
        fail(client, place, "handling a message", exc)


def allowed(deps: Deps, client, place: Place, length: int) -> bool:
    wait = deps.limiter.wait_needed(place.team, place.user)
    if wait:
        post(client, place, blocks.notice(notice_text("rate_limited", seconds=wait)))
        return False
    if length > deps.settings.max_chars:
        post(client, place, blocks.notice(notice_text("too_long", limit=deps.settings.max_chars)))
        return False
    return True


def answer_question(deps: Deps, client, place: Place, question: str) -> None:
    from knowledge.answer import answer
    from scoring.errors import TenderCoachError

    try:
        result = answer(question, k=3)
    except TenderCoachError as exc:  # our own typed errors say what to do; they are safe to show
        post(client, place, blocks.notice(str(exc)))
        return
    if deps.llm is not None:
        from prompts.generated_answer import generate

        result = generate(result, deps.llm)
    answer_id = repo.record_answer(deps.db, team_id=place.team, channel_id=place.channel, user_id=place.user,
                                   question=question, covered=result.covered,
                                   thread_ts=place.thread_ts)
    post(client, place, blocks.answer_message(result, answer_id=answer_id))


def review_draft(deps: Deps, client, place: Place, text: str, *, source_name: str | None = None) -> None:
    from scoring import review
    from scoring.errors import TenderCoachError

    try:
        report = review(text, learned=deps.settings.learned)
    except TenderCoachError as exc:
        post(client, place, blocks.notice(str(exc)))
        return
    if deps.llm is not None:  # the same checked polish as the command line's
        from prompts.llm import polish_report

        report = polish_report(report, deps.llm)
    review_id = repo.save_review(
        deps.db, team_id=place.team, channel_id=place.channel, user_id=place.user, text=text, report=report,
        visibility=place.visibility, thread_ts=place.thread_ts, source=place.source,
        retention_days=deps.settings.retention_days)
    message = blocks.review_message(report, review_id=review_id, source=source_name,
                                    ephemeral=place.private)
    post(client, place, message)
    if message.attach_markdown:
        attach_report(client, place, report, source_name)


def attach_report(client, place: Place, report, source_name: str | None) -> None:
    """The full Markdown report as a file in the thread, for a review too long for one message.
    A private review's file goes to the person's DM: a file cannot be ephemeral."""
    from prompts.reports import render_report

    markdown = render_report(report, "markdown", source=source_name or "your draft")
    channel, thread_ts = place.channel, place.thread_ts
    if place.private:
        channel, thread_ts = dm_channel(client, place.user), None
    client.files_upload_v2(
        channel=channel, thread_ts=thread_ts, content=markdown.encode("utf-8"),
        filename="tender-coach-review.md", title="Tender Coach review (full report)",
        initial_comment="The full review, with every finding and rewrite.",
    )


def post(client, place: Place, message: blocks.Message) -> None:
    """Post in the thread (or privately), never with link_names, never unfurling pasted links."""
    common = {"text": message.text, "blocks": message.blocks, "unfurl_links": False, "unfurl_media": False}
    if place.private:
        try:
            client.chat_postEphemeral(channel=place.channel, user=place.user, thread_ts=place.thread_ts,
                                      **{k: v for k, v in common.items() if not k.startswith("unfurl")})
            return
        except SlackApiError as exc:
            if exc.response.get("error") not in _NOT_THERE:
                raise
        common["text"] = message.text
        client.chat_postMessage(channel=dm_channel(client, place.user), **common)
        return
    client.chat_postMessage(channel=place.channel, thread_ts=place.thread_ts, **common)


def dm_channel(client, user: str) -> str:
    return client.conversations_open(users=user)["channel"]["id"]


def fail(client, place: Place, where: str, exc: BaseException) -> None:
    correlation = log_failure(where, exc)
    try:
        post(client, place, blocks.notice(notice_text("error", reference=correlation)))
    except Exception as again:  # Slack itself is failing: the log is all we can do
        log_failure("replying about a failure", again)


def private(place: Place) -> Place:
    return replace(place, visibility="ephemeral")
