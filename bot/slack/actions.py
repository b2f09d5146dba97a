"""Buttons and modals: share a private review, dismiss a finding with a reason, rate an answer,
and the paste-a-draft modal that `/tender review` opens."""

from __future__ import annotations

import json

from bot.slack import blocks, ids
from bot.slack.context import Deps, log
from bot.slack.conversation import Place, allowed, fail, post, review_draft
from bot.store import repo
from prompts.slack import notice_text


def _user(body: dict) -> str:
    return (body.get("user") or {}).get("id") or ""


def _team(body: dict) -> str:
    return (body.get("team") or {}).get("id") or (body.get("user") or {}).get("team_id") or ""


def _place(body: dict, *, private: bool = True) -> Place:
    container = body.get("container") or {}
    channel = (body.get("channel") or {}).get("id") or container.get("channel_id") or ""
    thread = (body.get("message") or {}).get("thread_ts") or container.get("thread_ts")
    return Place(team=_team(body), channel=channel, user=_user(body), thread_ts=thread,
                 visibility="ephemeral" if private else "channel", source="message")


def _value(body: dict) -> str:
    return (body.get("actions") or [{}])[0].get("value") or ""


# --- Share a private review in its channel -------------------------------------------------

def share_review(deps: Deps):
    def lazy(body, client, respond) -> None:
        place = _place(body)
        try:
            row = repo.get_review(deps.db, int(_value(body)))
            if row is None or row.team_id != place.team:
                post(client, place, blocks.notice(notice_text("review_gone", days=deps.settings.retention_days)))
            elif row.user_id != place.user:
                post(client, place, blocks.notice("Only the person who asked for this review can share it."))
            elif row.text is None:
                post(client, place, blocks.notice(notice_text("review_gone", days=deps.settings.retention_days)))
            else:
                _share(deps, client, row, place)
                _quietly_delete(respond)
        except Exception as exc:
            fail(client, place, "sharing a review", exc)
    return lazy


def _share(deps: Deps, client, row, place: Place) -> None:
    from scoring import review

    channel = row.channel_id or place.channel
    report = review(row.text, learned=deps.settings.learned)
    message = blocks.review_message(report, review_id=row.id, shared_by=place.user)
    shared = Place(team=row.team_id, channel=channel, user=place.user, thread_ts=row.thread_ts, visibility="channel")
    post(client, shared, message)
    repo.mark_shared(deps.db, row.id, channel)
    if message.attach_markdown:
        from bot.slack.conversation import attach_report

        attach_report(client, shared, report, None)


def _quietly_delete(respond) -> None:
    """Remove the private copy once it is shared. Best effort: a copy left behind is harmless."""
    try:
        respond(delete_original=True)
    except Exception as exc:
        log.info("could not remove the private copy of a shared review (%s)", exc.__class__.__name__)


# --- "Not applicable here" on a finding ------------------------------------------------------

def open_dismiss(body, ack, client) -> None:
    ack()  # the modal must open within the trigger's 3 seconds, so it opens here, not lazily
    value = _value(body)
    meta = json.dumps({"v": value, "c": _place(body).channel, "t": _place(body).thread_ts})
    client.views_open(trigger_id=body["trigger_id"], view=blocks.dismiss_modal(private_metadata=meta))


def dismiss_submitted(deps: Deps):
    def handler(body, ack, view, client) -> None:
        meta = json.loads(view.get("private_metadata") or "{}")
        finding = json.loads(meta.get("v") or "{}")
        reason = (((view.get("state") or {}).get("values") or {}).get(ids.REASON_BLOCK) or {}) \
            .get(ids.REASON_INPUT, {}).get("value")
        row = repo.get_review(deps.db, int(finding.get("r", 0)))
        index = int(finding.get("i", -1))
        if row is None or not 0 <= index < len(row.rule_ids):
            ack()
            return
        repo.record_dismissal(deps.db, review_id=row.id, finding_index=index, rule=row.rule_ids[index],
                              user_id=_user(body), reason=(reason or "").strip()[:500] or None)
        ack()
        place = Place(team=_team(body), channel=meta.get("c") or "", user=_user(body), thread_ts=meta.get("t"),
                      visibility="ephemeral")
        post(client, place, blocks.notice(notice_text("dismissed")))
    return handler


# --- Helpful / Not helpful on an answer ------------------------------------------------------

def rate_answer(deps: Deps, helpful: bool):
    def lazy(body, client) -> None:
        place = _place(body)
        try:
            repo.record_feedback(deps.db, answer_id=int(_value(body)), user_id=place.user, helpful=helpful)
            post(client, place, blocks.notice(notice_text("feedback_thanks", helpful=helpful)))
        except Exception as exc:
            fail(client, place, "recording answer feedback", exc)
    return lazy


# --- The paste-a-draft modal -----------------------------------------------------------------

def _draft(view: dict) -> str:
    values = (view.get("state") or {}).get("values") or {}
    return ((values.get(ids.DRAFT_BLOCK) or {}).get(ids.DRAFT_INPUT) or {}).get("value") or ""


def ack_review_modal(ack, view) -> None:
    if not _draft(view).strip():
        ack(response_action="errors", errors={ids.DRAFT_BLOCK: "Paste the clause or section you'd like reviewed."})
        return
    ack()


def review_modal_submitted(deps: Deps):
    def lazy(body, view, client) -> None:
        text = _draft(view)
        if not text.strip():
            return
        meta = json.loads(view.get("private_metadata") or "{}")
        place = Place(team=meta.get("team") or _team(body), channel=meta.get("channel") or "", user=_user(body),
                      visibility="modal", source="modal")
        if not place.channel:  # opened from somewhere without a channel: reply in the DM
            from bot.slack.conversation import dm_channel

            place = Place(team=place.team, channel=dm_channel(client, place.user), user=place.user,
                          visibility="modal", source="modal")
        try:
            if allowed(deps, client, place, len(text)):
                review_draft(deps, client, place, text)
        except Exception as exc:
            fail(client, place, "reviewing a draft from the modal", exc)
    return lazy


def register(app, deps: Deps) -> None:
    acked = lambda ack: ack()  # noqa: E731 - buttons only need Slack's 200; the work is lazy
    app.action(ids.SHARE_REVIEW)(ack=acked, lazy=[share_review(deps)])
    app.action(ids.DISMISS_FINDING)(open_dismiss)
    app.view_submission(ids.DISMISS_MODAL)(dismiss_submitted(deps))
    app.action(ids.ANSWER_HELPFUL)(ack=acked, lazy=[rate_answer(deps, True)])
    app.action(ids.ANSWER_NOT_HELPFUL)(ack=acked, lazy=[rate_answer(deps, False)])
    app.view_submission(ids.REVIEW_MODAL)(ack=ack_review_modal, lazy=[review_modal_submitted(deps)])
