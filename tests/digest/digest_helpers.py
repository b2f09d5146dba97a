"""Reviews stored row by row, so each digest test says exactly what the channel saw."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.store.models import Review

END = datetime(2026, 11, 23, 0, 0, tzinfo=timezone.utc)  # Monday midnight in London (GMT in November)
TZ = "Europe/London"


def day(n: float, hour: int = 12) -> datetime:
    """`n` days before END, at `hour`:00 UTC on that day."""
    return (END - timedelta(days=n)).replace(hour=hour)


def add(db, *, at: datetime, rules: tuple[str, ...] = (), score: int | None = 50, user: str = "U1",
        channel: str = "C1", team: str = "T1", visibility: str = "channel", checklist: dict | None = None,
        examples: dict | None = None, shared_to: str | None = None, shared_at: datetime | None = None,
        thread: str | None = None) -> int:
    review = Review(
        team_id=team, channel_id=channel, user_id=user, created_at=at, score=score, assessable=3,
        finding_count=len(rules), rule_ids=list(rules), categories=[r.split("/")[0] for r in rules],
        checklist=checklist or {}, text_sha256="0" * 64, text="draft", text_expires_at=None,
        visibility=visibility, source="message", shared_channel_id=shared_to, shared_at=shared_at,
        thread_ts=thread, examples=examples,
    )
    with db.session() as session:
        session.add(review)
        session.flush()
        return review.id
