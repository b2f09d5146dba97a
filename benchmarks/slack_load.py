"""The Slack server under load: 200 signed events, 20 at a time, against `tender-coach serve --http`
with the real embedding model, talking to the local Slack Web API emulator from tests/slack/.

Prints a table (median over RUNS rounds of 200 events on one warm server):
- ack latency p50/p99: how long Slack would wait for the HTTP 200 (target p99 < 300 ms), beside a
  bare GET /healthz on the same server as the baseline, measured in the same run;
- event to reply posted, p50/p99, for one-page reviews and for questions (target: review p50 < 1 s);
- start-up time to ready (first start builds the guidance index; the second finds it);
- peak RSS of the serving process (target < 1 GB).

    python benchmarks/slack_load.py [--runs N] [--events N] [--concurrency N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "slack"))

from bot_process import BotProcess, dm  # noqa: E402 - the test harness is the client
from emulator import SlackEmulator  # noqa: E402

QUESTIONS = [
    "How should we weight price against quality?",
    "What weighting should social value get?",
    "How can we measure wellbeing for young people?",
    "Are 15 minute homecare visits ever acceptable?",
]


def one_page() -> str:
    """About one page (~450 words) of a real-looking output-focused specification."""
    words = (ROOT / "examples" / "youth-service-spec.md").read_text(encoding="utf-8").split()
    return " ".join(words[:450])


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def healthz_latency(bot: BotProcess, n: int = 50) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        with urllib.request.urlopen(bot.url + "/healthz", timeout=5) as r:
            r.read()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def one_round(bot: BotProcess, emu: SlackEmulator, round_no: int, events: int, concurrency: int) -> dict:
    """`concurrency` people at once, each sending a message and waiting for its reply before the next,
    as people in Slack do; `events` messages in all."""
    page = one_page()
    emu.clear()
    acks: list[float] = []
    latency: dict[str, list[float]] = {"review": [], "question": []}

    def send(i: int) -> None:
        channel = f"D{round_no:02d}{i:04d}"
        kind = "review" if i % 2 == 0 else "question"
        text = page if kind == "review" else QUESTIONS[i % len(QUESTIONS)]
        started = time.monotonic()
        status, _, seconds = bot.event(dm(text, channel=channel, user=f"U{i % 40}"))
        assert status == 200, status
        reply = emu.wait_for("chat.postMessage", timeout=120, predicate=lambda c: c.params["channel"] == channel)[0]
        acks.append(seconds)
        latency[kind].append(reply.time - started)

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(send, range(events)))
    return {"ack_p50": percentile(acks, 50), "ack_p99": percentile(acks, 99),
            "review_p50": percentile(latency["review"], 50), "review_p99": percentile(latency["review"], 99),
            "question_p50": percentile(latency["question"], 50), "question_p99": percentile(latency["question"], 99)}


def alone(bot: BotProcess, emu: SlackEmulator, text: str, n: int = 6) -> list[float]:
    """Event-to-reply times with nothing else running, first one first: the floor the load is
    compared to, and whether the first request after start-up is as fast as the later ones."""
    times = []
    for i in range(n):
        emu.clear()
        started = time.monotonic()
        bot.event(dm(text, channel=f"DSOLO{i}"))
        times.append(emu.wait_for("chat.postMessage", timeout=60)[0].time - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--workers", default=None, help="TENDER_COACH_WORKERS for the server (default: its own)")
    args = parser.parse_args()

    with SlackEmulator() as emu, tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        env = {"TENDER_COACH_EMBEDDER": None, "TENDER_COACH_RATE_LIMIT": "10000", "TENDER_COACH_LOG_LEVEL": "WARNING",
               "TENDER_COACH_WORKERS": args.workers}
        starts = []
        for _ in range(2):  # the first start builds the guidance index; the second only loads it
            bot = BotProcess(emu.api_url, data, extra_env=env)
            started = time.monotonic()
            bot.__enter__()
            starts.append(time.monotonic() - started)
            bot.__exit__(None, None, None)
        with BotProcess(emu.api_url, data, extra_env=env) as bot:
            baseline = healthz_latency(bot)
            questions = alone(bot, emu, QUESTIONS[0])
            solo = statistics.median(alone(bot, emu, one_page()))
            rounds = [one_round(bot, emu, r, args.events, args.concurrency) for r in range(args.runs)]
            rss = peak_rss_mb(bot.proc.pid)
        emu.assert_no_violations()

    med = {k: statistics.median(r[k] for r in rounds) for k in rounds[0]}
    ms = lambda s: f"{s * 1000:,.1f} ms" if s < 0.01 else f"{s * 1000:,.0f} ms"  # noqa: E731
    rows = [
        ("GET /healthz (baseline)", ms(baseline), "", ""),
        ("ack latency p50", ms(med["ack_p50"]), f"{med['ack_p50'] / baseline:.1f}× baseline", ""),
        ("ack latency p99", ms(med["ack_p99"]), f"{med['ack_p99'] / baseline:.1f}× baseline", "< 300 ms"),
        ("first question after start-up", ms(questions[0]), f"{questions[0] / statistics.median(questions[1:]):.1f}× later ones", ""),
        ("question alone, later (median)", ms(statistics.median(questions[1:])), "", ""),
        ("one-page review alone (warm)", ms(solo), "", ""),
        ("review: event to reply p50", ms(med["review_p50"]), f"{med['review_p50'] / solo:.1f}× alone", "< 1 s"),
        ("review: event to reply p99", ms(med["review_p99"]), f"{med['review_p99'] / solo:.1f}× alone", ""),
        ("question: event to reply p50", ms(med["question_p50"]), f"{med['question_p50'] / statistics.median(questions[1:]):.1f}× alone", ""),
        ("question: event to reply p99", ms(med["question_p99"]), "", ""),
        ("start-up to ready, first (builds index)", f"{starts[0]:.1f} s", "", ""),
        ("start-up to ready, later", f"{starts[1]:.1f} s", "", ""),
        ("peak RSS of the server", f"{rss:,.0f} MB", "", "< 1,024 MB"),
    ]
    print(f"Slack load: {args.events} signed events, {args.concurrency} at a time, median of {args.runs} rounds "
          "(half one-page reviews, half questions), real embedding model\n")
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'value':>10}  {'ratio':<16}  target")
    for name, value, ratio, target in rows:
        print(f"{name:<{width}}  {value:>10}  {ratio:<16}  {target}")


if __name__ == "__main__":
    main()
