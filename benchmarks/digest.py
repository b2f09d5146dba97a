"""Computing the weekly digests of a whole workspace: 100 channels, 50,000 stored reviews.

Builds the workspace by bulk insert (10 weeks of reviews, busy and quiet channels, a share of
DM, ephemeral and modal reviews, some of them shared into channels), then times, median of RUNS:
- the baseline, measured in the same run: one `SELECT count(*)` over the reviews table;
- all 100 digests one channel at a time (`compute_digest`, as the scheduler does), target < 5 s;
- all 100 in one batch (`compute_many`, as `tender-coach digest run` over every channel can).
on SQLite (a file) and on PostgreSQL (a throwaway cluster from tests/pg.py). Then prints
PostgreSQL's EXPLAIN ANALYZE of the main digest query (the 8-week series of one channel) and
whether it reads the table through an index.

    python benchmarks/digest.py [--reviews N] [--channels N] [--runs N] [--backend sqlite|postgresql|both]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from sqlalchemy import func, insert, select, text  # noqa: E402

from bot.digest.compute import compute_digest, compute_many, weekly_query, week_bounds  # noqa: E402
from bot.store import Database  # noqa: E402
from bot.store.models import Review  # noqa: E402

TEAM = "T0BENCH"
TZ = "Europe/London"
END = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)  # Monday 09:00 in London
WEEKS_OF_DATA = 10
TARGET_SECONDS = 5.0
QUOTES = ["200 youth sessions per year", "Price 70%", "5,000 contacts a year", "lowest priced bid",
          "15 minute visits", "zero-hours contracts", "improved wellbeing", "Minimum 40 referrals per quarter"]


def workspace(reviews: int, channels: int, seed: int = 20261123) -> list[dict]:
    """Rows for the reviews table: a few busy channels and many quiet ones, working days busier."""
    from scoring.checklist import load_checklist
    from scoring.rules import load_rules

    rng = random.Random(seed)
    rules = [rule.id for rule in load_rules()]
    items = [item.id for item in load_checklist()]
    names = [f"C{n:07d}" for n in range(channels)]
    weights = [1 / (n + 1) ** 0.8 for n in range(channels)]
    rows = []
    for n in range(reviews):
        created = END - timedelta(days=rng.uniform(0, 7 * WEEKS_OF_DATA))
        if created.weekday() >= 5 and rng.random() < 0.7:  # fewer drafts at weekends
            created -= timedelta(days=2)
        kind = rng.random()
        visibility = "channel" if kind < 0.7 else "dm" if kind < 0.85 else "ephemeral" if kind < 0.95 else "modal"
        channel = rng.choices(names, weights)[0]
        shared = visibility in ("ephemeral", "modal", "dm") and rng.random() < 0.3
        found = rng.choices(rules, k=rng.choice([0, 1, 1, 2, 3, 4, 6]))
        categories = [rule.split("/")[0] for rule in found]
        rows.append({
            "team_id": TEAM, "channel_id": f"D{n % 500:07d}" if visibility == "dm" else channel,
            "user_id": f"U{rng.randrange(400):07d}", "created_at": created,
            "score": None if rng.random() < 0.05 else max(0, min(100, int(rng.gauss(55, 18)))),
            "assessable": rng.randrange(3, 12), "finding_count": len(found), "rule_ids": found,
            "categories": categories,
            "checklist": {item: rng.choice(["met", "partial", "missing", "n/a"]) for item in items},
            "examples": {category: rng.choice(QUOTES) for category in categories} or None,
            "text_sha256": f"{n:064x}", "text": None, "text_expires_at": None,
            "visibility": visibility, "source": "message",
            "shared_channel_id": channel if shared else None,
            "shared_at": created + timedelta(minutes=rng.uniform(1, 600)) if shared else None,
            "thread_ts": f"{1_700_000_000 + n}.000100" if rng.random() < 0.6 else None,
        })
    return rows


def load(db: Database, rows: list[dict]) -> float:
    started = time.perf_counter()
    with db.session() as session:
        for at in range(0, len(rows), 5000):
            session.execute(insert(Review), rows[at:at + 5000])
    with db.engine.connect() as connection:
        connection.execute(text("ANALYZE reviews" if db.dialect == "postgresql" else "ANALYZE"))
        connection.commit()
    return time.perf_counter() - started


def median_seconds(work, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure(db: Database, channels: list[str], runs: int) -> dict[str, float]:
    def count() -> None:
        with db.session() as session:
            session.scalar(select(func.count()).select_from(Review))

    def one_at_a_time() -> None:
        for channel in channels:
            compute_digest(db, TEAM, channel, end=END, tz=TZ)

    def batched() -> None:
        compute_many(db, TEAM, [(channel, TZ) for channel in channels], end=END)

    one_at_a_time()  # warm: the rule pack, the checklist and the guidance catalogue are read once a process
    return {"baseline": median_seconds(count, runs), "one": median_seconds(one_at_a_time, runs),
            "batch": median_seconds(batched, runs)}


def explain(db: Database, channels: list[str]) -> tuple[str, str]:
    """The plan (long lines cut), and whether it reads reviews through an index: yes, partly
    (one half of the UNION scans the table), or no."""
    query = weekly_query(db.dialect, TEAM, channels, week_bounds(END, TZ))
    compiled = query.compile(dialect=db.engine.dialect, compile_kwargs={"literal_binds": True})
    with db.engine.connect() as connection:
        lines = [row[0] for row in connection.execute(text(f"EXPLAIN (ANALYZE, COSTS OFF) {compiled}"))]
    plan = "\n".join(line if len(line) <= 220 else line[:219] + "…" for line in lines)
    indexed, scanned = "Index Scan" in plan or "Index Only Scan" in plan, "Seq Scan" in plan
    return plan, "yes" if indexed and not scanned else "partly" if indexed else "no"


def check(digests_one, digests_batch) -> None:
    if digests_one != digests_batch:
        raise SystemExit("compute_many and compute_digest disagree")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=50_000)
    parser.add_argument("--channels", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args()

    rows = workspace(args.reviews, args.channels)
    channels = sorted({r["channel_id"] for r in rows if r["channel_id"].startswith("C")}
                      | {r["shared_channel_id"] for r in rows if r["shared_channel_id"]})[:args.channels]
    in_week = sum(1 for r in rows if END - timedelta(days=7) <= r["created_at"] < END)
    print(f"workspace: {len(rows):,} reviews over {WEEKS_OF_DATA} weeks in {len(channels)} channels "
          f"({in_week:,} made in the digest's week; "
          f"{sum(r['visibility'] != 'channel' for r in rows):,} DM, ephemeral or modal, "
          f"{sum(r['shared_channel_id'] is not None for r in rows):,} of them shared)")

    results, plans = [], []
    with tempfile.TemporaryDirectory(prefix="tender-coach-bench-") as folder:
        backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
        for backend in backends:
            if backend == "sqlite":
                results.append(run(f"sqlite:///{folder}/bench.db", "SQLite", rows, channels, args.runs, plans))
            else:
                from pg import postgres_cluster

                with postgres_cluster() as url:
                    results.append(run(url, "PostgreSQL", rows, channels, args.runs, plans))

    print()
    print(f"{'backend':<11} {'measure (median of %d runs)' % args.runs:<44} {'seconds':>8} "
          f"{'× baseline':>11} {'target':>7}")
    for name, load_seconds, timing in results:
        base = timing["baseline"]
        print(f"{name:<11} {'bulk load + ANALYZE (once)':<44} {load_seconds:8.3f} {'':>11} {'':>7}")
        print(f"{name:<11} {'baseline: SELECT count(*) FROM reviews':<44} {base:8.4f} {1:11.1f} {'':>7}")
        for key, label in (("one", f"{len(channels)} digests, one channel at a time"),
                           ("batch", f"{len(channels)} digests, compute_many")):
            verdict = "ok" if timing[key] < TARGET_SECONDS else "MISSED"
            print(f"{name:<11} {label:<44} {timing[key]:8.3f} {timing[key] / base:11.1f} "
                  f"{'< 5 s ' + verdict:>7}")
    for title, plan, uses in plans:
        print(f"\n{title}\n{plan}\nuses index: {uses}")
    if plans and plans[0][2] != "yes":
        raise SystemExit("the main digest query does not read reviews through an index")
    if any(timing[key] >= TARGET_SECONDS for _, _, timing in results for key in ("one", "batch")):
        raise SystemExit(f"computing the digests took {TARGET_SECONDS:g} s or more")


def run(url: str, name: str, rows: list[dict], channels: list[str], runs: int, plans: list) -> tuple:
    db = Database(url)
    try:
        db.migrate()
        load_seconds = load(db, rows)
        check([compute_digest(db, TEAM, c, end=END, tz=TZ) for c in channels[:10]],
              compute_many(db, TEAM, [(c, TZ) for c in channels[:10]], end=END))
        timing = measure(db, channels, runs)
        if db.dialect == "postgresql":
            busiest = channels[0]
            plan, uses = explain(db, [busiest])
            plans.append((f"PostgreSQL EXPLAIN ANALYZE, the main digest query (8-week series of channel {busiest}, "
                          "the busiest):", plan, uses))
            plan, uses = explain(db, channels)
            plans.append((f"PostgreSQL EXPLAIN ANALYZE, the same query batched over all {len(channels)} channels "
                          "(compute_many; reading most of the table, a sequential scan is the planner's right "
                          "choice for the made-in-channel half):", plan, uses))
        return name, load_seconds, timing
    finally:
        db.dispose()


if __name__ == "__main__":
    main()
