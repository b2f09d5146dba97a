"""What the Slack handlers and the CLI ask of the database. Each function is one short transaction.

Reads return plain values (dataclasses, dicts), never ORM objects bound to a session."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.store.db import Database
from bot.store.models import Answer, ChannelSetting, Dismissal, Feedback, ProcessedEvent, Review
from bot.store.stats import AnswerStats, RuleStats, answer_stats, rule_stats
from bot.store.types import utcnow

if TYPE_CHECKING:
    from scoring.report import Report

VISIBILITIES = ("channel", "dm", "ephemeral", "modal")
SOURCES = ("message", "command", "shortcut", "file", "modal", "assistant")

__all__ = [
    "AnswerStats", "ReviewRow", "RuleStats", "SOURCES", "VISIBILITIES", "answer_feedback", "channel_trends",
    "claim_event", "dismissal_stats", "get_review", "get_setting", "is_bot_thread", "mark_shared",
    "prune_events", "purge_expired_text", "recent_reviews", "record_answer", "record_dismissal",
    "record_feedback", "save_review", "set_setting", "setting_changed", "settings_for_key", "sha256_text",
]


@dataclass(frozen=True)
class ReviewRow:
    id: int
    team_id: str
    channel_id: str
    user_id: str
    created_at: datetime
    score: int | None
    assessable: int
    finding_count: int
    rule_ids: tuple[str, ...]  # one a finding, in the order shown: finding i is rule_ids[i]
    categories: tuple[str, ...]  # likewise
    checklist: dict[str, str]  # checklist item id -> met | partial | missing | n/a
    text_sha256: str
    text: str | None  # None once the retention period has passed
    text_expires_at: datetime | None
    visibility: str
    source: str
    shared_channel_id: str | None
    shared_at: datetime | None
    thread_ts: str | None
    examples: dict[str, str] | None = None  # category -> quoted words of its first finding; None once purged


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- Events --------------------------------------------------------------------------------


def claim_event(db: Database, team_id: str, event_id: str) -> bool:
    """True for the first caller with this (team, event id), in any process; False for a retry."""
    with db.session() as session:
        return insert_ignore(session, ProcessedEvent,
                              {"team_id": team_id or "", "event_id": event_id, "received_at": utcnow()})


def prune_events(db: Database, older_than: timedelta | datetime) -> int:
    """Forget event ids received before `older_than` (an age, or a moment). Slack retries for
    minutes, not days, so an hour's memory is plenty. Returns how many were forgotten."""
    cutoff = utcnow() - older_than if isinstance(older_than, timedelta) else older_than
    with db.session() as session:
        return session.execute(delete(ProcessedEvent).where(ProcessedEvent.received_at < cutoff)).rowcount


# --- Reviews -------------------------------------------------------------------------------


def save_review(
    db: Database,
    *,
    team_id: str,
    channel_id: str,
    user_id: str,
    text: str,
    report: Report,
    visibility: str,
    thread_ts: str | None = None,
    retention_days: int | None = 90,
    source: str = "message",
    created_at: datetime | None = None,
) -> int:
    """Store a review and return its id. The draft's words are kept for `retention_days` (so a
    private review can be shared later), then `purge_expired_text` drops them; None keeps them,
    0 never stores them. Score, rule ids, categories and checklist statuses are kept for good."""
    if visibility not in VISIBILITIES:
        raise ValueError(f"visibility must be one of {VISIBILITIES}, not {visibility!r}")
    if source not in SOURCES:
        raise ValueError(f"source must be one of {SOURCES}, not {source!r}")
    now = created_at or utcnow()
    keep = retention_days is None or retention_days > 0
    review = Review(
        team_id=team_id, channel_id=channel_id or "", user_id=user_id, created_at=now,
        score=report.score.value, assessable=report.score.assessable, finding_count=len(report.findings) + report.omitted,
        rule_ids=[f.rule for f in report.findings], categories=[f.category for f in report.findings],
        checklist={item.id: item.status for item in report.score.items},
        text_sha256=sha256_text(text), text=text if keep else None,
        text_expires_at=now + timedelta(days=retention_days) if keep and retention_days is not None else None,
        visibility=visibility, source=source, thread_ts=thread_ts,
        examples=_examples(report) if keep else None,
    )
    with db.session() as session:
        session.add(review)
        session.flush()
        return review.id


EXAMPLE_CHARS = 120


def _examples(report: Report) -> dict[str, str]:
    """The quoted words of each category's first finding: what the weekly digest quotes."""
    examples: dict[str, str] = {}
    for finding in report.findings:
        if finding.category not in examples:
            words = " ".join(finding.match.split())
            examples[finding.category] = words if len(words) <= EXAMPLE_CHARS else words[:EXAMPLE_CHARS - 1] + "…"
    return examples


def get_review(db: Database, review_id: int) -> ReviewRow | None:
    with db.session() as session:
        review = session.get(Review, review_id)
        return _review_row(review) if review else None


def mark_shared(db: Database, review_id: int, channel_id: str) -> bool:
    """Note that a private review was posted to a channel. False if there is no such review."""
    with db.session() as session:
        result = session.execute(
            update(Review).where(Review.id == review_id).values(shared_channel_id=channel_id, shared_at=utcnow())
        )
        return result.rowcount == 1


def is_bot_thread(db: Database, team_id: str, channel_id: str, thread_ts: str) -> bool:
    """Whether we posted a review or an answer in this thread (so a file dropped into it is meant
    for us)."""
    reviews = (
        select(Review.id)
        .where(Review.team_id == team_id, Review.thread_ts == thread_ts)
        .where((Review.channel_id == channel_id) | (Review.shared_channel_id == channel_id))
        .limit(1)
    )
    answers = select(Answer.id).where(
        Answer.team_id == team_id, Answer.channel_id == channel_id, Answer.thread_ts == thread_ts).limit(1)
    with db.session() as session:
        return session.scalar(reviews) is not None or session.scalar(answers) is not None


def recent_reviews(db: Database, team_id: str, user_id: str, limit: int = 5) -> list[dict[str, Any]]:
    """A person's latest reviews, newest first, shaped for the Home tab:
    {created_at, score, findings, channel}; channel is None for a DM or a channel-less modal."""
    query = (
        select(Review)
        .where(Review.team_id == team_id, Review.user_id == user_id)
        .order_by(Review.created_at.desc(), Review.id.desc())
        .limit(limit)
    )
    with db.session() as session:
        return [
            {
                "created_at": r.created_at,
                "score": r.score,
                "findings": r.finding_count,
                "channel": r.channel_id if r.channel_id and r.visibility != "dm" else None,
            }
            for r in session.scalars(query)
        ]


def channel_trends(db: Database, team_id: str, weeks: int = 4, *, now: datetime | None = None) -> list[dict[str, Any]]:
    """Per channel and ISO week (e.g. "2026-W48"), over the last `weeks` weeks including this one:
    {channel, week, average (of scored reviews, else None), reviews}. Sorted by channel, then week.
    DM reviews are private and never counted."""
    now = now or utcnow()
    monday = (now - timedelta(days=now.weekday())).replace(hour=0, minute=0, second=0, microsecond=0)
    start = monday - timedelta(weeks=max(weeks, 1) - 1)
    query = select(Review.channel_id, Review.created_at, Review.score).where(
        Review.team_id == team_id, Review.created_at >= start, Review.visibility != "dm", Review.channel_id != ""
    )
    groups: dict[tuple[str, str], list[int | None]] = defaultdict(list)
    with db.session() as session:
        for channel, created_at, score in session.execute(query):
            year, week, _ = created_at.isocalendar()
            groups[(channel, f"{year}-W{week:02d}")].append(score)
    trends = []
    for (channel, week), scores in sorted(groups.items()):
        scored = [s for s in scores if s is not None]
        average = round(sum(scored) / len(scored), 1) if scored else None
        trends.append({"channel": channel, "week": week, "average": average, "reviews": len(scores)})
    return trends


def purge_expired_text(db: Database, now: datetime | None = None) -> int:
    """Drop the words of drafts past their retention date; keep hash, score and rule ids.
    Returns how many drafts were purged."""
    now = now or utcnow()
    with db.session() as session:
        result = session.execute(
            update(Review)
            .where(Review.text.is_not(None), Review.text_expires_at < now)
            .values(text=None, examples=None)
        )
        return result.rowcount


# --- Dismissals, answers, feedback ---------------------------------------------------------


def record_dismissal(
    db: Database, *, review_id: int, finding_index: int, rule: str, user_id: str, reason: str | None = None
) -> int:
    """Record "not applicable here" on one finding and return the dismissal id. The same person
    dismissing the same finding again keeps one row; a new reason replaces the old one."""
    values = {"review_id": review_id, "finding_index": finding_index, "rule": rule, "user_id": user_id,
              "reason": reason, "created_at": utcnow()}
    with db.session() as session:
        inserted = insert_ignore(session, Dismissal, values)
        dismissal = session.scalars(
            select(Dismissal).where(Dismissal.review_id == review_id, Dismissal.finding_index == finding_index,
                                    Dismissal.user_id == user_id)
        ).one()
        if not inserted and reason:
            dismissal.reason = reason
        return dismissal.id


def record_answer(
    db: Database,
    *,
    team_id: str,
    channel_id: str,
    user_id: str,
    covered: bool,
    question_hash: str | None = None,
    question: str | None = None,
    thread_ts: str | None = None,
) -> int:
    """Record that a question was answered and return the answer id (for the feedback buttons).
    Give the question's sha256 as `question_hash`, or the question itself (only its hash is kept).
    `thread_ts`, the thread the answer was posted in, lets `is_bot_thread` recognise it."""
    if (question_hash is None) == (question is None):
        raise TypeError("give exactly one of question_hash or question")
    answer = Answer(team_id=team_id, channel_id=channel_id or "", user_id=user_id, created_at=utcnow(),
                    question_sha256=question_hash or sha256_text(question or ""), covered=covered,
                    thread_ts=thread_ts)
    with db.session() as session:
        session.add(answer)
        session.flush()
        return answer.id


def record_feedback(db: Database, *, answer_id: int, user_id: str, helpful: bool) -> None:
    """Helpful / not helpful on an answer: one vote a person, the latest click wins."""
    now = utcnow()
    values = {"answer_id": answer_id, "user_id": user_id, "helpful": helpful, "created_at": now, "updated_at": now}
    with db.session() as session:
        _upsert(session, Feedback, values, keys=("answer_id", "user_id"), changes=("helpful", "updated_at"))


def dismissal_stats(db: Database, *, since: datetime | None = None) -> list[RuleStats]:
    """Per rule: findings shown, findings dismissed, the rate, and the reasons given (most common
    first); over reviews made since `since` (default: all). Most dismissed rules first."""
    with db.session() as session:
        return rule_stats(session, since)


def answer_feedback(db: Database, *, since: datetime | None = None) -> AnswerStats:
    """Answers given since `since`, how many found guidance, and the helpful / not helpful votes."""
    with db.session() as session:
        return answer_stats(session, since)


# --- Channel settings ----------------------------------------------------------------------


def get_setting(db: Database, team_id: str, channel_id: str, key: str, default: Any = None) -> Any:
    with db.session() as session:
        setting = session.get(ChannelSetting, (team_id, channel_id, key))
        return default if setting is None else setting.value


def setting_changed(db: Database, team_id: str, channel_id: str, key: str) -> tuple[str, datetime] | None:
    """Who last changed a channel setting, and when."""
    with db.session() as session:
        setting = session.get(ChannelSetting, (team_id, channel_id, key))
        return None if setting is None else (setting.changed_by, setting.changed_at)


def set_setting(db: Database, team_id: str, channel_id: str, key: str, value: Any, *, changed_by: str) -> None:
    """Set one channel setting (any JSON value), noting who changed it and when."""
    values = {"team_id": team_id, "channel_id": channel_id, "key": key, "value": value,
              "changed_by": changed_by, "changed_at": utcnow()}
    with db.session() as session:
        _upsert(session, ChannelSetting, values, keys=("team_id", "channel_id", "key"),
                changes=("value", "changed_by", "changed_at"))


def settings_for_key(db: Database, key: str) -> list[tuple[str, str, Any]]:
    """Every channel's value for one setting, as (team_id, channel_id, value): e.g. all digests."""
    query = select(ChannelSetting.team_id, ChannelSetting.channel_id, ChannelSetting.value).where(
        ChannelSetting.key == key).order_by(ChannelSetting.team_id, ChannelSetting.channel_id)
    with db.session() as session:
        return [tuple(row) for row in session.execute(query)]


# --- Helpers -------------------------------------------------------------------------------


def _review_row(review: Review) -> ReviewRow:
    return ReviewRow(
        id=review.id, team_id=review.team_id, channel_id=review.channel_id, user_id=review.user_id,
        created_at=review.created_at, score=review.score, assessable=review.assessable,
        finding_count=review.finding_count, rule_ids=tuple(review.rule_ids), categories=tuple(review.categories),
        checklist=dict(review.checklist), text_sha256=review.text_sha256, text=review.text,
        text_expires_at=review.text_expires_at, visibility=review.visibility, source=review.source,
        shared_channel_id=review.shared_channel_id, shared_at=review.shared_at, thread_ts=review.thread_ts,
        examples=dict(review.examples) if review.examples is not None else None,
    )


def _dialect_insert(session: Session, model):
    """INSERT with ON CONFLICT support where the backend has it (SQLite, PostgreSQL), else None."""
    name = session.get_bind().dialect.name
    if name == "sqlite":
        return sqlite.insert(model.__table__)
    if name == "postgresql":
        return postgresql.insert(model.__table__)
    return None


def insert_ignore(session: Session, model, values: dict[str, Any]) -> bool:
    """Insert unless the primary key or a unique constraint already has the row; True if inserted.
    Atomic across processes: the database, not a prior SELECT, decides who was first."""
    statement = _dialect_insert(session, model)
    if statement is not None:
        # RETURNING, not rowcount: drivers need not report a row count for an INSERT.
        key = list(model.__table__.primary_key.columns)[0]
        inserted = session.execute(statement.values(**values).on_conflict_do_nothing().returning(key))
        return inserted.first() is not None
    try:
        with session.begin_nested():
            session.execute(insert(model.__table__).values(**values))
        return True
    except IntegrityError:
        return False


def _upsert(session: Session, model, values: dict[str, Any], *, keys: tuple[str, ...],
            changes: tuple[str, ...]) -> None:
    statement = _dialect_insert(session, model)
    if statement is not None:
        statement = statement.values(**values)
        session.execute(statement.on_conflict_do_update(
            index_elements=list(keys), set_={name: statement.excluded[name] for name in changes}))
        return
    if not insert_ignore(session, model, values):
        key = [getattr(model, name) == values[name] for name in keys]
        session.execute(update(model).where(*key).values({name: values[name] for name in changes}))
