"""The digest's numbers, against the stored reviews, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from digest_helpers import END, TZ, add, day
from sqlalchemy import event, insert, select, text, update

from bot.digest import compute_digest, compute_many, week_key
from bot.digest.compute import WEEKS, checklist_titles, weekly_query, week_bounds
from bot.store import repo
from bot.store.models import Review

ROOT = Path(__file__).parents[2]


def seed_channel(db) -> dict[str, int]:
    """One week of channel C1 with everything that must and must not count."""
    ids = {
        "a": add(db, at=day(6), user="U1", score=40, thread="t1",
                 rules=("output-only/activity-count", "output-only/activity-count", "cost-first/price-majority"),
                 checklist={"outcomes-stated": "missing", "quality-over-cost": "partial",
                            "outcomes-measured": "missing", "wellbeing": "n/a"},
                 examples={"output-only": "200 youth sessions per year", "cost-first": "Price 70%"}),
        "b": add(db, at=day(5), user="U1", score=70, thread="t1", rules=("output-only/people-reached",),
                 checklist={"outcomes-stated": "partial", "quality-over-cost": "met"},
                 examples={"output-only": "reach 500 people"}),
        "c": add(db, at=day(4), user="U2", score=None, rules=("cost-first/lowest-price",),
                 checklist={"quality-over-cost": "missing"}, examples={"cost-first": "the lowest price"}),
        # private when made (and made before the week), shared into C1 during it: counts, when shared
        "d": add(db, at=day(20), user="U3", score=90, visibility="ephemeral", shared_to="C1", shared_at=day(3),
                 checklist={"outcomes-stated": "met"}),
        # made in C1 and shared back into C1: counts once
        "e": add(db, at=day(2), user="U2", score=60, shared_to="C1", shared_at=day(1),
                 rules=("unmeasured-outcome/no-measure",), checklist={"outcomes-measured": "missing"}),
        # made in another channel long ago, shared into C1 this week
        "f": add(db, at=day(30), user="U4", channel="C2", score=20, shared_to="C1", shared_at=day(2),
                 rules=("output-only/activity-count",)),
        # the week before: 30 and 50
        "p1": add(db, at=day(7) - timedelta(hours=12, seconds=1), score=30),
        "p2": add(db, at=day(10), score=50, user="U9"),
    }
    never = dict(score=1, rules=("cost-first/price-majority",) * 3, user="U8",
                 examples={"cost-first": "NEVER QUOTED"}, checklist={"social-value": "missing"})
    add(db, at=day(2), channel="D1", visibility="dm", **never)
    add(db, at=day(2), visibility="ephemeral", **never)  # in C1, never shared
    add(db, at=day(2), visibility="modal", **never)
    add(db, at=day(2), channel="D1", visibility="dm", shared_to="C2", shared_at=day(1), **never)  # shared elsewhere
    add(db, at=day(2), team="T2", **never)  # the same channel id in another workspace
    add(db, at=day(2), channel="C2", **never)
    add(db, at=END, **never)  # the week ends before END
    add(db, at=day(2), visibility="ephemeral", shared_to="C1", shared_at=END + timedelta(hours=1), **never)
    return ids


def test_the_week_counts_channel_and_shared_reviews_only(db):
    seed_channel(db)
    digest = compute_digest(db, "T1", "C1", end=END, tz=TZ)

    assert digest.reviews == 6  # a, b, c, d, e, f
    assert digest.people == 4  # U1 … U4
    assert digest.average == 56.0  # (40 + 70 + 90 + 60 + 20) / 5: the unscored review is left out
    assert digest.previous_average == 40.0 and digest.change == 16.0
    assert (digest.first_day, digest.last_day) == (date(2026, 11, 16), date(2026, 11, 22))
    assert not digest.quiet and not digest.first_scored_week
    assert "NEVER QUOTED" not in json.dumps(digest.to_dict())


def test_weak_items_are_the_checklist_items_most_often_missing_or_partly_met(db):
    seed_channel(db)
    weak = compute_digest(db, "T1", "C1", end=END, tz=TZ).weak_items

    titles = checklist_titles()
    # Two each: more "missing" first, then checklist order.
    assert [(w.id, w.missing, w.partial) for w in weak] == [
        ("outcomes-measured", 2, 0), ("outcomes-stated", 1, 1), ("quality-over-cost", 1, 1)]
    assert [w.title for w in weak] == [titles[w.id] for w in weak]
    assert weak[1].title == "Outcomes are stated as change for people"


def test_top_categories_count_findings_and_carry_an_example_and_guidance(db):
    seed_channel(db)
    top = compute_digest(db, "T1", "C1", end=END, tz=TZ).top_categories

    assert [(c.category, c.count) for c in top] == [("output-only", 4), ("cost-first", 2), ("unmeasured-outcome", 1)]
    assert [c.example for c in top] == ["reach 500 people", "the lowest price", None]  # newest example wins
    # the guidance of the category's most frequent rule this week (a tie goes to the first rule id)
    assert [c.guidance["id"] for c in top] == ["outputs-vs-outcomes", "lowest-price-race-to-bottom",
                                               "writing-outcome-statements"]
    assert all(c.guidance["url"].startswith("http") and c.guidance["title"] for c in top)


def test_the_biggest_rise_of_a_draft_reviewed_again(db):
    seed_channel(db)
    improvement = compute_digest(db, "T1", "C1", end=END, tz=TZ).improvement
    assert (improvement.before, improvement.after) == (40, 70)


def test_a_re_review_is_the_same_person_in_the_same_thread_or_channel(sqlite_db):
    db = sqlite_db
    add(db, at=day(6), user="U1", thread="x", score=30)
    add(db, at=day(5), user="U1", thread="x", score=50)  # +20 in thread x
    add(db, at=day(4, 13), user="U1", thread="y", score=95)  # another thread: not a re-review of x
    add(db, at=day(6), user="U2", score=20)
    add(db, at=day(5), user="U2", score=15)  # lower: no rise
    add(db, at=day(4), user="U2", score=None)  # unscored: skipped
    add(db, at=day(3), user="U2", score=60)  # +45 on their previous score, the biggest
    add(db, at=day(2), user="U3", score=10)
    add(db, at=day(1), user="U1", score=99)  # U1 outside any thread: nothing before it there
    add(db, at=day(1, 13), user="U4", thread="x", score=99)  # someone else in thread x

    improvement = compute_digest(db, "T1", "C1", end=END, tz=TZ).improvement
    assert (improvement.before, improvement.after) == (15, 60)


def test_no_improvement_without_a_higher_re_review(sqlite_db):
    add(sqlite_db, at=day(3), score=60)
    add(sqlite_db, at=day(2), score=40)
    assert compute_digest(sqlite_db, "T1", "C1", end=END, tz=TZ).improvement is None


def test_eight_weeks_of_averages_counts_and_clean_shares(db):
    for week, scores in {0: [50, 70], 1: [None], 3: [20, 40, 90], 7: [10]}.items():
        for n, score in enumerate(scores):
            rules = ("output-only/activity-count",) if n == 0 else ("co-production/not-in-design",)
            add(db, at=day(7 * week + 2 + n), score=score, rules=rules)
    add(db, at=day(7 * 8 + 1), score=100)  # nine weeks back: not on the chart
    digest = compute_digest(db, "T1", "C1", end=END, tz=TZ)

    newest_first = list(reversed(digest.weekly))
    assert len(digest.weekly) == WEEKS
    assert [w.average for w in newest_first] == [60.0, None, None, 50.0, None, None, None, 10.0]
    assert [w.reviews for w in newest_first] == [2, 1, 0, 3, 0, 0, 0, 1]
    # the first review of each week has an output-only finding, the others a co-production one
    assert [w.clean_percent for w in newest_first] == [50.0, 0.0, None, 66.7, None, None, None, 0.0]
    assert [w.first_day for w in newest_first][:2] == [date(2026, 11, 16), date(2026, 11, 9)]
    # London's clocks went back on 25 October: eight weeks before 00:00 GMT is 00:00 BST
    assert digest.weekly[-1].end == END and digest.weekly[0].start == datetime(2026, 9, 28, tzinfo=ZoneInfo(TZ))
    assert digest.previous_average is None and digest.change is None and not digest.first_scored_week


def test_a_first_week_and_a_quiet_week(sqlite_db):
    add(sqlite_db, at=day(2), score=40)
    first = compute_digest(sqlite_db, "T1", "C1", end=END, tz=TZ)
    assert first.first_scored_week and first.change is None

    quiet = compute_digest(sqlite_db, "T1", "C1", end=END + timedelta(weeks=1), tz=TZ)
    assert quiet.quiet and quiet.reviews == quiet.people == 0 and quiet.average is None
    assert quiet.previous_average == 40.0 and quiet.weak_items == quiet.top_categories == ()
    assert quiet.tip and quiet.tip["url"].startswith("http")


def test_weeks_follow_the_channels_clock_across_a_clock_change(db):
    # New York leaves daylight saving time on Sunday 1 November 2026: the week before Monday 9
    # November starts at 00:00 EDT on 26 October, 169 hours earlier, not 168.
    zone = ZoneInfo("America/New_York")
    end = datetime(2026, 11, 9, tzinfo=zone)
    early = datetime(2026, 10, 26, 0, 30, tzinfo=zone)  # 04:30 UTC: in that week by the local clock
    add(db, at=early.astimezone(timezone.utc), score=30)
    add(db, at=datetime(2026, 11, 2, 0, 30, tzinfo=zone).astimezone(timezone.utc), score=80)

    digest = compute_digest(db, "T1", "C1", end=end, tz="America/New_York")
    assert digest.previous_average == 30.0 and digest.average == 80.0 and digest.change == 50.0
    assert digest.weekly[-2].end - digest.weekly[-2].start == timedelta(hours=169)
    assert (digest.first_day, digest.last_day) == (date(2026, 11, 2), date(2026, 11, 8))
    assert [w.first_day.weekday() for w in digest.weekly] == [0] * WEEKS


def test_the_week_key_is_the_iso_week_the_digest_covers():
    assert week_key(END, TZ) == "2026-W47"  # 16–22 November
    assert week_key(END + timedelta(hours=9), TZ) == "2026-W47"  # posted at 09:00 on the Monday
    assert week_key(END + timedelta(days=3), TZ) == "2026-W47"  # Thursday's covers Thu 19 – Wed 25: mostly W47
    assert week_key(END + timedelta(days=4), TZ) == "2026-W48"  # Friday's covers Fri 20 – Thu 26: mostly W48
    keys = [week_key(END + timedelta(weeks=n, hours=9), TZ) for n in range(60)]
    assert len(set(keys)) == 60  # never two posts for one key, over a new year too


def test_compute_many_equals_one_at_a_time_and_runs_two_queries_a_time_zone(db):
    seed_channel(db)
    for channel in ("C2", "C3"):
        add(db, at=day(3), channel=channel, score=55, rules=("fair-work/zero-hours",))
    channels = [("C1", TZ), ("C2", TZ), ("C3", "America/New_York"), ("C9", TZ)]

    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        many = compute_many(db, "T1", channels, end=END)
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)

    assert [d.channel_id for d in many] == ["C1", "C2", "C3", "C9"]
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 4  # two for Europe/London's three channels, two for New York's one
    for got, (channel, tz) in zip(many, channels):
        assert got == compute_digest(db, "T1", channel, end=END, tz=tz)
    assert many[3].quiet


def test_the_numbers_match_the_stored_reviews(db):
    """Real reviews, stored the way the Slack handlers store them, against a plain reading of the table."""
    from scoring.engine import review

    drafts = [
        "The provider will deliver 200 youth sessions per year.",
        "Evaluation: Price 70% / Quality 30%.",
        "The contract will be awarded to the lowest priced bid. Care workers are on zero-hours contracts.",
        "Young people report higher self-esteem, measured on the Rosenberg scale at entry and after six months.",
        "Award criteria: quality 60%, price 30%, social value 10%. Service users sit on the evaluation panel.",
        "Visits of 15 minutes. The provider will make 5,000 contacts a year.",
    ]
    reports = [review(text) for text in drafts]
    rng = random.Random(8)
    for n in range(80):
        pick = rng.randrange(len(drafts))
        visibility = rng.choice(["channel", "channel", "channel", "dm", "ephemeral", "modal"])
        channel = "D7" if visibility == "dm" else rng.choice(["C1", "C1", "C2"])
        created = END - timedelta(days=rng.uniform(-1, 60))
        review_id = repo.save_review(db, team_id="T1", channel_id=channel, user_id=f"U{rng.randrange(6)}",
                                     text=drafts[pick], report=reports[pick], visibility=visibility,
                                     created_at=created, thread_ts=rng.choice([None, "1.1", "2.2"]))
        if visibility != "channel" and rng.random() < 0.5:
            with db.session() as session:
                session.execute(update(Review).where(Review.id == review_id).values(
                    shared_channel_id="C1", shared_at=created + timedelta(hours=rng.uniform(0, 100))))

    with db.session() as session:
        stored = session.scalars(select(Review)).all()
    for weeks_later in (0, 1, 3):
        end = END - timedelta(weeks=weeks_later)
        digest = compute_digest(db, "T1", "C1", end=end, tz=TZ)
        expected = _plain_reading(stored, "C1", end)
        week = expected[-1]
        assert digest.reviews == len(week) and digest.reviews > 0
        assert digest.people == len({r.user_id for r in week})
        assert [w.average for w in digest.weekly] == [_mean(w) for w in expected]
        assert [w.reviews for w in digest.weekly] == [len(w) for w in expected]
        assert [w.clean_percent for w in digest.weekly] == [_clean(w) for w in expected]
        findings = Counter(c for r in week for c in r.categories)
        assert [(c.category, c.count) for c in digest.top_categories] == sorted(
            findings.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        for c in digest.top_categories:
            assert c.example in {r.examples.get(c.category) for r in week if r.examples}
        weak = Counter((item, status) for r in week for item, status in r.checklist.items())
        totals = Counter({item: n for (item, status), n in weak.items() if status in ("missing", "partial")})
        for (item, _), n in weak.items():
            if item in totals:
                totals[item] = weak[(item, "missing")] + weak[(item, "partial")]
        assert [(w.missing, w.partial) for w in digest.weak_items] == [
            (weak[(w.id, "missing")], weak[(w.id, "partial")]) for w in digest.weak_items]
        assert sorted(totals.values(), reverse=True)[:3] == [w.missing + w.partial for w in digest.weak_items]


def _plain_reading(stored, channel: str, end: datetime) -> list[list[Review]]:
    """The digest's definition, read straight: the 8 weeks on London's clock, oldest first, each a
    list of reviews."""
    local = end.astimezone(ZoneInfo(TZ))
    weeks = []
    for k in range(WEEKS, 0, -1):
        lo, hi = local - timedelta(weeks=k), local - timedelta(weeks=k - 1)
        weeks.append([r for r in stored if (r.visibility == "channel" and r.channel_id == channel
                                            and lo <= r.created_at < hi)
                      or (r.shared_channel_id == channel and lo <= r.shared_at < hi
                          and not (r.visibility == "channel" and r.channel_id == channel))])
    return weeks


def _mean(week) -> float | None:
    scores = [r.score for r in week if r.score is not None]
    return round(sum(scores) / len(scores), 1) if scores else None


def _clean(week) -> float | None:
    if not week:
        return None
    clean = [r for r in week if not {"output-only", "cost-first"} & set(r.categories)]
    return round(100 * len(clean) / len(week), 1)


def test_the_weekly_query_reads_each_half_through_its_index(db):
    rows = [{"team_id": "T1", "channel_id": f"C{n % 40}", "user_id": "U1", "created_at": day(n % 70),
             "score": 50, "assessable": 3, "finding_count": 0, "rule_ids": [], "categories": [], "checklist": {},
             "text_sha256": "0" * 64, "visibility": "channel" if n % 3 else "dm", "source": "message",
             "shared_channel_id": f"C{n % 40}" if n % 3 == 0 else None, "shared_at": day(n % 70) if n % 3 == 0 else None}
            for n in range(4000)]
    with db.session() as session:
        session.execute(insert(Review), rows)
    query = weekly_query(db.dialect, "T1", ["C1"], week_bounds(END, TZ))
    compiled = query.compile(dialect=db.engine.dialect, compile_kwargs={"literal_binds": True})
    with db.engine.connect() as connection:
        connection.execute(text("ANALYZE reviews" if db.dialect == "postgresql" else "ANALYZE"))
        if db.dialect == "postgresql":
            connection.execute(text("SET enable_seqscan = off"))  # a small table: ask what the plan can use
            plan = "\n".join(row[0] for row in connection.execute(text(f"EXPLAIN {compiled}")))
        else:
            plan = "\n".join(row[-1] for row in connection.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
    assert "ix_reviews_team_channel_created" in plan, plan
    assert "ix_reviews_team_shared_channel_shared" in plan, plan


def test_importing_and_computing_a_digest_loads_no_vector_store_or_model(tmp_path):
    script = f"""
import sys
from datetime import datetime, timezone
from bot.store import Database
import bot.digest
from bot.digest import compute_digest
assert "matplotlib" not in sys.modules, "matplotlib is imported only to draw a chart"
db = Database("sqlite:///{tmp_path / 'light.db'}")
db.migrate()
digest = compute_digest(db, "T1", "C1", end=datetime(2026, 11, 23, tzinfo=timezone.utc), tz="Europe/London")
from bot.slack.blocks import digest_message
digest_message(digest)
bot.digest.render_chart(digest)
heavy = sorted(m for m in ("chromadb", "torch", "sentence_transformers", "bm25s") if m in sys.modules)
print(",".join(heavy))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"loaded: {result.stdout.strip()}"


def test_an_unknown_time_zone_or_a_naive_end_is_refused(sqlite_db):
    with pytest.raises(ValueError, match="time zone"):
        compute_digest(sqlite_db, "T1", "C1", end=END, tz="Mars/Olympus")
    with pytest.raises(ValueError, match="timezone-aware"):
        compute_digest(sqlite_db, "T1", "C1", end=END.replace(tzinfo=None), tz=TZ)
