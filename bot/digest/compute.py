"""The numbers of a channel's weekly digest, read from the stored reviews.

A channel's reviews are the ones made in it (visibility "channel", counted when made) and the
ones shared into it (counted when shared). DM, ephemeral and modal reviews appear only once
someone shares them; a review made in a channel and shared back into it counts once.

Two queries serve any number of channels in one time zone, each driven by an index on (team,
channel, time): the 8-week series, counted and summed in SQL, and the rows of the week itself,
from which the checklist items, categories and re-reviews are read. Weeks run on the channel's
clock. Nothing here opens the vector store or loads a model."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import ColumnElement, Select, case, exists, func, or_, select, type_coerce, union_all
from sqlalchemy.dialects.postgresql import JSONB, array

from bot.store.db import Database
from bot.store.models import Review

from .tips import choose_tip

WINDOW = timedelta(days=7)
WEEKS = 8  # the chart's span, the current week included
TOP = 3
CLEAN_OF = ("output-only", "cost-first")  # a draft free of these counts towards the chart's bars
WEAK = ("missing", "partial")


@dataclass(frozen=True)
class WeakItem:
    id: str
    title: str
    missing: int  # reviews in the week where the item was missing
    partial: int  # … and where it was partly met


@dataclass(frozen=True)
class TopCategory:
    category: str
    count: int  # findings of this category in the week
    example: str | None  # the quoted words of one such finding (raw: escape before showing)
    guidance: dict[str, str] | None  # {"id", "title", "source", "url"}


@dataclass(frozen=True)
class Improvement:
    before: int
    after: int


@dataclass(frozen=True)
class Week:
    start: datetime
    end: datetime
    first_day: date  # in the channel's time zone
    average: float | None  # mean score of the scored reviews, 1 decimal
    reviews: int
    clean_percent: float | None  # share of reviews with no output-only or cost-first finding, 0-100, 1 decimal


@dataclass(frozen=True)
class Digest:
    team_id: str
    channel_id: str
    start: datetime  # the week is [start, end), as UTC instants
    end: datetime
    tz: str
    week: str  # ISO week key, e.g. "2026-W47": the tip rotates on it
    first_day: date  # the window's first and last local days, for "Week of 16–22 Nov 2026"
    last_day: date
    reviews: int
    people: int
    average: float | None
    previous_average: float | None
    change: float | None
    weak_items: tuple[WeakItem, ...]
    top_categories: tuple[TopCategory, ...]
    improvement: Improvement | None
    weekly: tuple[Week, ...]  # oldest first; the last is this digest's week
    tip: dict[str, str] | None

    @property
    def quiet(self) -> bool:
        return self.reviews == 0

    @property
    def first_scored_week(self) -> bool:
        """No scored review in the weeks before this one (within the chart's 8)."""
        return all(week.average is None for week in self.weekly[:-1])

    def to_dict(self) -> dict[str, Any]:
        return _jsonable({**asdict(self), "quiet": self.quiet, "first_scored_week": self.first_scored_week})


# ---- the public entry points ----------------------------------------------------------------

def compute_digest(db: Database, team_id: str, channel_id: str, *, end: datetime, tz: str,
                   recent_tips: Sequence[str] = (), week: str | None = None) -> Digest:
    """The digest of the week before `end` (7 days on the clock of `tz`, an IANA name) for one
    channel. An `end` at local midnight makes the week whole days: "Week of 16–22 Nov 2026".
    `recent_tips`: the tip ids of the last weeks' posts, not chosen again; `week`: the ledger's
    key for this post, else `week_key(end, tz)`; the tip rotates on it."""
    return compute_many(db, team_id, [(channel_id, tz)], end=end, recent_tips={channel_id: recent_tips},
                        weeks={channel_id: week} if week else None)[0]


def compute_many(db: Database, team_id: str, channels: Iterable[tuple[str, str]], *, end: datetime,
                 recent_tips: Mapping[str, Sequence[str]] | None = None,
                 weeks: Mapping[str, str] | None = None) -> list[Digest]:
    """The digests of several channels of one team, in the order given, for the same `end`: two
    queries for each time zone among the channels, whatever their number."""
    if end.tzinfo is None:
        raise ValueError("end must be a timezone-aware datetime")
    channels = list(channels)
    by_zone: dict[str, list[str]] = defaultdict(list)
    for channel, tz in channels:
        _zone(tz)
        if channel not in by_zone[tz]:
            by_zone[tz].append(channel)
    digests: dict[tuple[str, str], Digest] = {}
    for tz, ids in by_zone.items():
        bounds = week_bounds(end, tz)
        series = _weekly(db, team_id, ids, bounds)
        rows = _week_rows(db, team_id, ids, bounds)
        for channel in ids:
            digests[(channel, tz)] = _digest(
                team_id, channel, tz, bounds, series.get(channel, {}), rows.get(channel, []),
                recent=(recent_tips or {}).get(channel, ()), week=(weeks or {}).get(channel))
    return [digests[(channel, tz)] for channel, tz in channels]


def week_bounds(end: datetime, tz: str) -> list[datetime]:
    """The WEEKS + 1 moments (UTC, oldest first) that cut the WEEKS weeks before `end` into
    weeks. Weeks are counted on the channel's clock: across a clock change a week is 167 or 169
    hours long, so a digest posted at 09:00 always covers 09:00 to 09:00."""
    local = end.astimezone(_zone(tz))
    # Aware datetime minus timedelta is wall-clock arithmetic; astimezone then finds the real instant.
    return [(local - k * WINDOW).astimezone(timezone.utc) for k in range(WEEKS, -1, -1)]


def week_key(end: datetime, tz: str) -> str:
    """The ISO week ("2026-W47") that the 7 days before `end` belong to, in time zone `tz`: the
    week of the window's middle, so consecutive weekly windows never share a key, whatever the
    posting day. A digest posted on Monday covers, and is keyed by, the week before."""
    middle = end.astimezone(_zone(tz)) - WINDOW / 2
    year, number, _ = middle.isocalendar()
    return f"{year}-W{number:02d}"


# ---- SQL -----------------------------------------------------------------------------------

def _one_of(column, values: list[str]) -> ColumnElement[bool]:
    return column == values[0] if len(values) == 1 else column.in_(values)


def _channel_reviews(team_id: str, channels: list[str], lo: datetime, hi: datetime,
                     columns: Callable[[Any], list]) -> Any:
    """The reviews that belong to `channels` in [lo, hi), as a subquery with `channel`, `at` and
    `columns(at)`. Each half of the UNION ALL filters on one index's columns."""
    def half(channel_column, at, *conditions) -> Select:
        return select(channel_column.label("channel"), at.label("at"), *columns(at)).where(
            Review.team_id == team_id, _one_of(channel_column, channels), at >= lo, at < hi, *conditions)

    made = half(Review.channel_id, Review.created_at, Review.visibility == "channel")
    shared = half(Review.shared_channel_id, Review.shared_at,
                  # made in this very channel: already counted, when it was made
                  or_(Review.visibility != "channel", Review.channel_id != Review.shared_channel_id))
    return union_all(made, shared).subquery("channel_reviews")


def _has_any(column, values: Sequence[str], dialect: str) -> ColumnElement[bool]:
    """Whether the JSON list in `column` holds any of `values`."""
    if dialect == "postgresql":
        return type_coerce(column, JSONB).has_any(array(list(values)))
    items = func.json_each(column).table_valued("value")
    return exists(select(1).select_from(items).where(items.c.value.in_(values)))


def weekly_query(dialect: str, team_id: str, channels: list[str], bounds: list[datetime]) -> Select:
    """Per channel and week (0 oldest … WEEKS-1 the digest's own, cut at `bounds`): reviews,
    scored reviews, the sum of scores, and reviews free of output-only and cost-first findings."""
    def columns(at) -> list:
        bucket = case(*((at >= bounds[i], i) for i in range(WEEKS - 1, 0, -1)), else_=0)
        clean = case((_has_any(Review.categories, CLEAN_OF, dialect), 0), else_=1)
        return [bucket.label("bucket"), Review.score.label("score"), clean.label("clean")]

    sub = _channel_reviews(team_id, channels, bounds[0], bounds[-1], columns)
    return (select(sub.c.channel, sub.c.bucket, func.count(), func.count(sub.c.score), func.sum(sub.c.score),
                   func.sum(sub.c.clean))
            .group_by(sub.c.channel, sub.c.bucket))


def _weekly(db: Database, team_id: str, channels: list[str], bounds: list[datetime]) -> dict[str, dict[int, tuple]]:
    """channel -> week index -> (reviews, scored reviews, sum of scores, clean reviews)."""
    series: dict[str, dict[int, tuple]] = defaultdict(dict)
    with db.session() as session:
        for channel, bucket, n, scored, total, clean in session.execute(
                weekly_query(db.dialect, team_id, channels, bounds)):
            series[channel][int(bucket)] = (int(n), int(scored), int(total or 0), int(clean or 0))
    return series


def _week_rows(db: Database, team_id: str, channels: list[str], bounds: list[datetime]) -> dict[str, list]:
    def columns(_at) -> list:
        return [Review.id, Review.user_id, Review.score, Review.categories, Review.rule_ids, Review.checklist,
                Review.examples, Review.thread_ts]

    sub = _channel_reviews(team_id, channels, bounds[-2], bounds[-1], columns)
    rows: dict[str, list] = defaultdict(list)
    with db.session() as session:
        for row in session.execute(select(sub).order_by(sub.c.channel, sub.c.at, sub.c.id)):
            rows[row.channel].append(row)
    return rows


# ---- from rows to a digest -----------------------------------------------------------------

def _digest(team_id: str, channel: str, tz: str, bounds: list[datetime], series: dict[int, tuple], rows: list,
            *, recent: Sequence[str], week: str | None) -> Digest:
    zone = _zone(tz)
    weekly = tuple(_week(zone, bounds[i], bounds[i + 1], series.get(i)) for i in range(WEEKS))
    average, previous = weekly[-1].average, weekly[-2].average
    top = _top_categories(rows)
    start, end = bounds[-2], bounds[-1]
    key = week or week_key(end, tz)
    return Digest(
        team_id=team_id, channel_id=channel, start=start, end=end, tz=tz, week=key,
        first_day=start.astimezone(zone).date(), last_day=(end - timedelta(microseconds=1)).astimezone(zone).date(),
        reviews=len(rows), people=len({row.user_id for row in rows}),
        average=average, previous_average=previous,
        change=None if average is None or previous is None else round(average - previous, 1),
        weak_items=_weak_items(rows), top_categories=top, improvement=_improvement(rows), weekly=weekly,
        tip=choose_tip(team_id, channel, key, list(recent), avoid=[c.guidance["id"] for c in top if c.guidance]),
    )


def _week(zone: ZoneInfo, start: datetime, end: datetime, counts: tuple | None) -> Week:
    reviews, scored, total, clean = counts or (0, 0, 0, 0)
    return Week(start=start, end=end, first_day=start.astimezone(zone).date(),
                average=round(total / scored, 1) if scored else None, reviews=reviews,
                clean_percent=round(100 * clean / reviews, 1) if reviews else None)


def _weak_items(rows: list) -> tuple[WeakItem, ...]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        for item, status in (row.checklist or {}).items():
            if status in WEAK:
                counts[item][status] += 1
    order = {item_id: n for n, item_id in enumerate(checklist_titles())}
    ranked = sorted(counts.items(), key=lambda kv: (-sum(kv[1].values()), -kv[1]["missing"],
                                                    order.get(kv[0], len(order)), kv[0]))
    return tuple(WeakItem(item, checklist_titles().get(item, item), c["missing"], c["partial"])
                 for item, c in ranked[:TOP])


def _top_categories(rows: list) -> tuple[TopCategory, ...]:
    findings: Counter[str] = Counter()
    rules: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, str] = {}
    for row in reversed(rows):  # newest first, so the newest example of each category wins
        findings.update(row.categories or ())
        for rule, category in zip(row.rule_ids or (), row.categories or ()):
            rules[category][rule] += 1
        for category, words in (row.examples or {}).items():
            if words and words.strip():
                examples.setdefault(category, " ".join(words.split()))
    ranked = sorted(findings.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
    return tuple(TopCategory(category, count, examples.get(category), _guidance(category, rules[category]))
                 for category, count in ranked)


def _improvement(rows: list) -> Improvement | None:
    """The biggest rise between a person's scored review and their next scored one, in the same
    thread when the review has one, else in the channel. Rows arrive oldest first."""
    last: dict[tuple[str, str | None], int] = {}
    best: tuple[int, int, int, int] | None = None  # (rise, position, before, after): of equal rises, the later
    for position, row in enumerate(rows):
        if row.score is None:
            continue
        key = (row.user_id, row.thread_ts)
        before = last.get(key)
        if before is not None and row.score > before:
            best = max(best or (0, -1, 0, 0), (row.score - before, position, before, row.score))
        last[key] = row.score
    return Improvement(before=best[2], after=best[3]) if best else None


# ---- titles and links, read without running a review ----------------------------------------

@lru_cache(maxsize=1)
def checklist_titles() -> dict[str, str]:
    """Checklist item id -> title, in checklist order."""
    from scoring.checklist import load_checklist

    return {item.id: item.title for item in load_checklist()}


@lru_cache(maxsize=1)
def _rule_guidance() -> dict[str, tuple[str, ...]]:
    from scoring.rules import load_rules

    return {rule.id: rule.guidance for rule in load_rules()}


def _guidance(category: str, rules: Counter[str]) -> dict[str, str] | None:
    """The first guidance passage of the category's most frequent rule this week; failing that,
    of any rule in the category."""
    from knowledge.catalog import passage

    known = _rule_guidance()
    ranked = [rule for rule, _ in sorted(rules.items(), key=lambda kv: (-kv[1], kv[0]))]
    ranked += sorted(rule for rule in known if rule.split("/")[0] == category and rule not in rules)
    for rule in ranked:
        for passage_id in known.get(rule, ()):
            found = passage(passage_id)
            if found:
                return found.citation()
    return None


# ---- helpers -------------------------------------------------------------------------------

def _zone(tz: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {tz!r}; use an IANA name such as Europe/London") from None


def _jsonable(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    return value

