"""The tables. Migrations in `migrations/versions/` create exactly these; a test compares the two.

Slack ids are short (`T0123ABCD`), but lengths leave room for enterprise grid and for event keys
the handlers make up themselves."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bot.store.types import JSONType, UTCDateTime

# Named constraints, so a later migration can drop or alter one by name on every backend
# (SQLite's batch mode needs the names).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ID = String(64)  # a Slack team, channel or user id


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime()}


class Review(Base):
    """One review of one draft. `rule_ids[i]` and `categories[i]` belong to finding i, in the
    order the findings were shown, so a dismissal's `finding_index` points into them."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(ID)
    channel_id: Mapped[str] = mapped_column(ID)
    user_id: Mapped[str] = mapped_column(ID)
    created_at: Mapped[datetime]
    score: Mapped[int | None]
    assessable: Mapped[int]  # checklist items that could be judged (not n/a)
    finding_count: Mapped[int]
    rule_ids: Mapped[list[str]] = mapped_column(JSONType)
    categories: Mapped[list[str]] = mapped_column(JSONType)
    checklist: Mapped[dict[str, str]] = mapped_column(JSONType)  # item id -> met|partial|missing|n/a
    text_sha256: Mapped[str] = mapped_column(String(64))
    text: Mapped[str | None] = mapped_column(Text)  # NULL once the retention period has passed
    text_expires_at: Mapped[datetime | None]
    visibility: Mapped[str] = mapped_column(String(16))  # channel | dm | ephemeral | modal
    source: Mapped[str] = mapped_column(String(16))  # message | command | shortcut | file | modal | assistant
    shared_channel_id: Mapped[str | None] = mapped_column(ID)
    shared_at: Mapped[datetime | None]
    thread_ts: Mapped[str | None] = mapped_column(String(32))
    # category -> the quoted words of its first finding, for the weekly digest; purged with `text`
    examples: Mapped[dict[str, str] | None] = mapped_column(JSONType)

    __table_args__ = (
        Index("ix_reviews_team_channel_created", "team_id", "channel_id", "created_at"),
        Index("ix_reviews_team_user_created", "team_id", "user_id", "created_at"),
        Index("ix_reviews_text_expires_at", "text_expires_at"),
        Index("ix_reviews_team_shared_channel_shared", "team_id", "shared_channel_id", "shared_at"),
    )


class Answer(Base):
    """A question answered. Only a hash of the question is kept: questions can name people."""

    __tablename__ = "answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(ID)
    channel_id: Mapped[str] = mapped_column(ID)
    user_id: Mapped[str] = mapped_column(ID)
    created_at: Mapped[datetime]
    question_sha256: Mapped[str] = mapped_column(String(64))
    covered: Mapped[bool]  # False when no guidance passage fitted the question
    thread_ts: Mapped[str | None] = mapped_column(String(32))  # the thread the answer went to

    __table_args__ = (Index("ix_answers_team_created", "team_id", "created_at"),)


class Feedback(Base):
    """Helpful / not helpful on an answer: one row a person, a later click changes it."""

    __tablename__ = "feedback"

    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[str] = mapped_column(ID, primary_key=True)
    helpful: Mapped[bool]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Dismissal(Base):
    """"Not applicable here" on one finding. One row a person and finding; a second submission
    replaces the reason."""

    __tablename__ = "dismissals"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    finding_index: Mapped[int]
    rule: Mapped[str] = mapped_column(String(128))
    user_id: Mapped[str] = mapped_column(ID)
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]

    __table_args__ = (UniqueConstraint("review_id", "finding_index", "user_id", name="uq_dismissals_finding_user"),)


class ChannelSetting(Base):
    """Per-channel settings (digest on/off, its day and time, …), with who changed them last."""

    __tablename__ = "channel_settings"

    team_id: Mapped[str] = mapped_column(ID, primary_key=True)
    channel_id: Mapped[str] = mapped_column(ID, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSONType)
    changed_by: Mapped[str] = mapped_column(ID)
    changed_at: Mapped[datetime]


class ProcessedEvent(Base):
    """Slack event ids already taken by some worker: the primary key makes the claim atomic."""

    __tablename__ = "processed_events"

    team_id: Mapped[str] = mapped_column(ID, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    received_at: Mapped[datetime]

    __table_args__ = (Index("ix_processed_events_received_at", "received_at"),)


class DigestPost(Base):
    """One channel's digest for one ISO week (in the channel's time zone). The primary key is
    the claim: whoever inserts the row posts; `state` says how far it got, so a post whose
    runner died after claiming is retried, and a posted one is never repeated."""

    __tablename__ = "digest_ledger"

    team_id: Mapped[str] = mapped_column(ID, primary_key=True)
    channel_id: Mapped[str] = mapped_column(ID, primary_key=True)
    week: Mapped[str] = mapped_column(String(10), primary_key=True)  # "2026-W48"
    state: Mapped[str] = mapped_column(String(16))  # claimed | posted | skipped
    claimed_by: Mapped[str] = mapped_column(String(64))
    claimed_at: Mapped[datetime]
    attempts: Mapped[int]
    covers_from: Mapped[datetime]
    covers_to: Mapped[datetime]
    tip_id: Mapped[str | None] = mapped_column(String(128))
    message_ts: Mapped[str | None] = mapped_column(String(32))
    finished_at: Mapped[datetime | None]
