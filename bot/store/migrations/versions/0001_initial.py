"""The first schema: reviews, answers, feedback, dismissals, channel settings, processed events.

Revision ID: 0001
Revises:
Create Date: 2026-11-28

Written out by hand rather than imported from the models: a migration is a snapshot, and must
keep meaning the same thing after the models move on.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String(64)


def _json():
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _when():
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", ID, nullable=False),
        sa.Column("channel_id", ID, nullable=False),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("assessable", sa.Integer(), nullable=False),
        sa.Column("finding_count", sa.Integer(), nullable=False),
        sa.Column("rule_ids", _json(), nullable=False),
        sa.Column("categories", _json(), nullable=False),
        sa.Column("checklist", _json(), nullable=False),
        sa.Column("text_sha256", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("text_expires_at", _when(), nullable=True),
        sa.Column("visibility", sa.String(16), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("shared_channel_id", ID, nullable=True),
        sa.Column("shared_at", _when(), nullable=True),
        sa.Column("thread_ts", sa.String(32), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_reviews"),
    )
    op.create_index("ix_reviews_team_channel_created", "reviews", ["team_id", "channel_id", "created_at"])
    op.create_index("ix_reviews_team_user_created", "reviews", ["team_id", "user_id", "created_at"])
    op.create_index("ix_reviews_text_expires_at", "reviews", ["text_expires_at"])

    op.create_table(
        "answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", ID, nullable=False),
        sa.Column("channel_id", ID, nullable=False),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        sa.Column("question_sha256", sa.String(64), nullable=False),
        sa.Column("covered", sa.Boolean(), nullable=False),
        sa.Column("thread_ts", sa.String(32), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_answers"),
    )
    op.create_index("ix_answers_team_created", "answers", ["team_id", "created_at"])

    op.create_table(
        "feedback",
        sa.Column("answer_id", sa.Integer(), nullable=False),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("helpful", sa.Boolean(), nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        sa.Column("updated_at", _when(), nullable=False),
        sa.ForeignKeyConstraint(
            ["answer_id"], ["answers.id"], name="fk_feedback_answer_id_answers", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("answer_id", "user_id", name="pk_feedback"),
    )

    op.create_table(
        "dismissals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("finding_index", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(128), nullable=False),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("created_at", _when(), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"], ["reviews.id"], name="fk_dismissals_review_id_reviews", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_dismissals"),
        sa.UniqueConstraint("review_id", "finding_index", "user_id", name="uq_dismissals_finding_user"),
    )

    op.create_table(
        "channel_settings",
        sa.Column("team_id", ID, nullable=False),
        sa.Column("channel_id", ID, nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", _json(), nullable=False),
        sa.Column("changed_by", ID, nullable=False),
        sa.Column("changed_at", _when(), nullable=False),
        sa.PrimaryKeyConstraint("team_id", "channel_id", "key", name="pk_channel_settings"),
    )

    op.create_table(
        "processed_events",
        sa.Column("team_id", ID, nullable=False),
        sa.Column("event_id", sa.String(255), nullable=False),
        sa.Column("received_at", _when(), nullable=False),
        sa.PrimaryKeyConstraint("team_id", "event_id", name="pk_processed_events"),
    )
    op.create_index("ix_processed_events_received_at", "processed_events", ["received_at"])


def downgrade() -> None:
    # Children before parents: the foreign keys would refuse the other order.
    for table in ("processed_events", "channel_settings", "dismissals", "feedback", "answers", "reviews"):
        op.drop_table(table)
