"""The digest ledger: one row per (team, channel, ISO week), claimed before anything is posted.

Whoever inserts the row posts. A row left `claimed` by a runner that died (a crash between the
claim and the post) may be taken over once its lease has run out, so the post is retried, not
lost; a `posted` or `skipped` row is final, so nothing is ever posted twice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update

from bot.store.db import Database
from bot.store.models import DigestPost
from bot.store.repo import insert_ignore
from bot.store.types import utcnow

# Longer than computing and posting one digest ever takes; short enough that a crashed post is
# retried within the same scheduled hour.
LEASE = timedelta(minutes=10)


@dataclass(frozen=True)
class Entry:
    week: str
    state: str
    tip_id: str | None
    message_ts: str | None
    attempts: int


def claim(db: Database, team_id: str, channel_id: str, week: str, *, runner: str, covers: tuple[datetime, datetime],
          now: datetime | None = None) -> bool:
    """True if this runner may post this week's digest now; False if another has it or it is done."""
    now = now or utcnow()
    values = {"team_id": team_id, "channel_id": channel_id, "week": week, "state": "claimed", "claimed_by": runner,
              "claimed_at": now, "attempts": 1, "covers_from": covers[0], "covers_to": covers[1]}
    with db.session() as session:
        if insert_ignore(session, DigestPost, values):
            return True
        taken_over = session.execute(
            update(DigestPost)
            .where(DigestPost.team_id == team_id, DigestPost.channel_id == channel_id, DigestPost.week == week,
                   DigestPost.state == "claimed", DigestPost.claimed_at < now - LEASE)
            .values(claimed_by=runner, claimed_at=now, attempts=DigestPost.attempts + 1)
            .returning(DigestPost.week)
        )
        return taken_over.first() is not None


def finish(db: Database, team_id: str, channel_id: str, week: str, *, runner: str, state: str,
           tip_id: str | None = None, message_ts: str | None = None) -> None:
    """Record that the claimed digest was posted (or deliberately skipped, for a quiet week)."""
    if state not in ("posted", "skipped"):
        raise ValueError(f"a digest finishes as posted or skipped, not {state!r}")
    with db.session() as session:
        session.execute(
            update(DigestPost)
            .where(DigestPost.team_id == team_id, DigestPost.channel_id == channel_id, DigestPost.week == week,
                   DigestPost.claimed_by == runner)
            .values(state=state, tip_id=tip_id, message_ts=message_ts, finished_at=utcnow())
        )


def entries(db: Database, team_id: str, channel_id: str, *, limit: int = 8) -> list[Entry]:
    """The channel's latest ledger rows, newest week first (for status, and tips not to repeat)."""
    query = (select(DigestPost).where(DigestPost.team_id == team_id, DigestPost.channel_id == channel_id)
             .order_by(DigestPost.week.desc()).limit(limit))
    with db.session() as session:
        return [Entry(r.week, r.state, r.tip_id, r.message_ts, r.attempts) for r in session.scalars(query)]


def state_of(db: Database, team_id: str, channel_id: str, week: str) -> str | None:
    with db.session() as session:
        row = session.get(DigestPost, (team_id, channel_id, week))
        return None if row is None else row.state
