"""The numbers behind `tender-coach feedback`: which rules people dismiss, and how answers are rated.

Rule ids live in a JSON list per review; they are counted in Python so the same code runs on
SQLite and PostgreSQL (an admin report, not a hot path)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.store.models import Answer, Dismissal, Feedback, Review


@dataclass(frozen=True)
class RuleStats:
    rule: str
    shown: int  # findings of this rule shown
    reviews: int  # reviews with at least one such finding
    dismissed: int  # of those findings, how many someone marked "not applicable here"
    reasons: tuple[tuple[str, int], ...]  # (reason, how many gave it), most common first

    @property
    def rate(self) -> float | None:
        return self.dismissed / self.shown if self.shown else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule, "shown": self.shown, "reviews": self.reviews, "dismissed": self.dismissed,
            "rate": None if self.rate is None else round(self.rate, 4),
            "reasons": [{"reason": reason, "count": count} for reason, count in self.reasons],
        }


@dataclass(frozen=True)
class AnswerStats:
    answers: int
    covered: int  # answers that found guidance
    helpful: int
    not_helpful: int

    def to_dict(self) -> dict[str, int]:
        return {"answers": self.answers, "covered": self.covered, "helpful": self.helpful,
                "not_helpful": self.not_helpful}


def rule_stats(session: Session, since: datetime | None) -> list[RuleStats]:
    shown: Counter[str] = Counter()
    reviews: Counter[str] = Counter()
    query = select(Review.rule_ids)
    if since is not None:
        query = query.where(Review.created_at >= since)
    for rule_ids in session.scalars(query.execution_options(yield_per=1000)):
        shown.update(rule_ids)
        reviews.update(set(rule_ids))

    # Several people may dismiss one finding: it counts once, each reason counts.
    dismissed: dict[str, set[tuple[int, int]]] = defaultdict(set)
    reasons: dict[str, Counter[str]] = defaultdict(Counter)
    spelling: dict[str, str] = {}
    query = select(Dismissal.rule, Dismissal.review_id, Dismissal.finding_index, Dismissal.reason).join(
        Review, Review.id == Dismissal.review_id).order_by(Dismissal.id)  # first spelling of a reason wins
    if since is not None:
        query = query.where(Review.created_at >= since)
    for rule, review_id, index, reason in session.execute(query):
        dismissed[rule].add((review_id, index))
        words = " ".join((reason or "").split())
        if words:
            key = words.casefold()  # "Not relevant" and "not relevant " are one reason
            spelling.setdefault(key, words)
            reasons[rule][key] += 1

    stats = [
        RuleStats(
            rule=rule, shown=shown[rule], reviews=reviews[rule], dismissed=len(dismissed[rule]),
            reasons=tuple((spelling[key], count)
                          for key, count in sorted(reasons[rule].items(), key=lambda kv: (-kv[1], kv[0]))),
        )
        for rule in set(shown) | set(dismissed)
    ]
    return sorted(stats, key=lambda s: (-s.dismissed, -(s.rate or 0.0), -s.shown, s.rule))


def answer_stats(session: Session, since: datetime | None) -> AnswerStats:
    answers = select(func.count(), func.count().filter(Answer.covered.is_(True))).select_from(Answer)
    votes = select(Feedback.helpful, func.count()).join(Answer, Answer.id == Feedback.answer_id)
    if since is not None:
        answers = answers.where(Answer.created_at >= since)
        votes = votes.where(Answer.created_at >= since)
    total, covered = session.execute(answers).one()
    counted = dict(session.execute(votes.group_by(Feedback.helpful)).all())
    return AnswerStats(answers=total, covered=covered, helpful=counted.get(True, 0),
                       not_helpful=counted.get(False, 0))
