"""The weekly digest: a quoted example per finding category on each review, an index for
reviews shared into a channel, and the ledger that makes each weekly post happen exactly once.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ID = sa.String(64)


def upgrade() -> None:
    # Existing reviews keep every value; they simply have no examples to quote.
    with op.batch_alter_table("reviews") as batch:
        batch.add_column(sa.Column("examples", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"),
                                   nullable=True))
    op.create_index("ix_reviews_team_shared_channel_shared", "reviews",
                    ["team_id", "shared_channel_id", "shared_at"])
    op.create_table(
        "digest_ledger",
        sa.Column("team_id", ID, nullable=False),
        sa.Column("channel_id", ID, nullable=False),
        sa.Column("week", sa.String(10), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("claimed_by", sa.String(64), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("covers_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("covers_to", sa.DateTime(timezone=True), nullable=False),
        sa.Column("tip_id", sa.String(128), nullable=True),
        sa.Column("message_ts", sa.String(32), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("team_id", "channel_id", "week", name="pk_digest_ledger"),
    )


def downgrade() -> None:
    op.drop_table("digest_ledger")
    op.drop_index("ix_reviews_team_shared_channel_shared", table_name="reviews")
    with op.batch_alter_table("reviews") as batch:
        batch.drop_column("examples")
