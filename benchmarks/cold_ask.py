"""Cold and warm `tender-coach ask`: questions embedded with torch (sentence-transformers, the old
path) against the numpy engine (knowledge/minilm.py, the default), side by side in one run.

    .venv/bin/python benchmarks/cold_ask.py [--runs 5] [--queries 100]

Cold: a new `tender-coach ask` process each time on an index that is already built, the two
engines taking turns, median of --runs. Warm: in one process, `answer` against the bare query
embedding (median over --queries questions from the question set), for each engine. Also checks
that both engines return the same passages for the timed question, and times `import chromadb`
alone in a new process (part of every cold ask). Uses a throwaway data folder, never yours.
Targets (issue 10): cold ask under 3 s and under a third of the old path's; warm ask within
2x a bare query embedding.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUESTION = "How should we weight price against quality?"
ENGINES = {"sentence-transformers (old)": "sentence-transformers", "numpy engine (new)": "real"}


def _cli() -> list[str]:
    script = Path(sys.executable).with_name("tender-coach")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]


def _env(choice: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "CHROMA_URL"}
    return {**env, "TENDER_COACH_EMBEDDER": choice, "PYTHONPATH": str(ROOT)}


def _run(cmd: list[str], env: dict) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr}")
    return elapsed, done.stdout


def cold(runs: int) -> tuple[dict[str, list[float]], dict[str, list[str]]]:
    times: dict[str, list[float]] = {label: [] for label in ENGINES}
    passages: dict[str, list[str]] = {}
    cmd = [*_cli(), "ask", QUESTION, "--format", "json"]
    for _ in range(runs):
        for label, choice in ENGINES.items():  # taking turns: a noisy neighbour slows both alike
            elapsed, out = _run(cmd, _env(choice))
            times[label].append(elapsed)
            passages[label] = [p["id"] for p in json.loads(out)["passages"]]
    return times, passages


def import_seconds(module: str, runs: int) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    return statistics.median(float(_run([sys.executable, "-c", code], _env("real"))[1]) for _ in range(runs))


def _medians_ms(fns, texts: list[str], queries: int) -> list[float]:
    """The median time of each function, called in turn on each question so that both see the same load."""
    times: list[list[float]] = [[] for _ in fns]
    for i in range(queries):
        for fn, bucket in zip(fns, times):
            start = time.perf_counter()
            fn(texts[i % len(texts)])
            bucket.append((time.perf_counter() - start) * 1000)
    return [statistics.median(bucket) for bucket in times]


def warm(queries: int) -> dict[str, tuple[float, float]]:
    """{engine: (warm ask ms, bare query embedding ms)}, medians, in this process."""
    import yaml

    from knowledge.answer import answer
    from knowledge.embedder import SentenceTransformerEmbedder
    from knowledge.runtime import runtime

    texts = [q["q"] for q in yaml.safe_load((ROOT / "tests/data/questions.yaml").read_text())["questions"]]
    out = {}
    for label, choice in ENGINES.items():
        rt = runtime(SentenceTransformerEmbedder(fast_single=choice == "real"))
        answer(QUESTION, rt=rt)  # load the model and the in-memory BM25 outside the timing
        for text in texts:
            rt.embedder.encode([text])  # torch sets up kernels per input shape: one untimed pass
        ask_ms, embed_ms = _medians_ms([lambda q: answer(q, rt=rt), lambda q: rt.embedder.encode([q])], texts, queries)
        out[label] = (ask_ms, embed_ms)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="cold processes per engine (default 5)")
    parser.add_argument("--queries", type=int, default=100, help="warm questions per engine (default 100)")
    args = parser.parse_args()

    data = tempfile.mkdtemp(prefix="tender-coach-cold-")
    os.environ["TENDER_COACH_DATA"] = data
    os.environ.pop("CHROMA_URL", None)
    try:
        build_s, _ = _run([*_cli(), "ask", QUESTION], _env("real"))  # builds the index: not a cold ask
        times, passages = cold(args.runs)
        chroma_s = import_seconds("chromadb", args.runs)
        warm_ms = warm(args.queries)
    finally:
        shutil.rmtree(data, ignore_errors=True)

    old, new = ENGINES
    med = {label: statistics.median(values) for label, values in times.items()}
    rows = [
        (f"cold ask, whole process (median of {args.runs})", f"{med[old]:.2f} s", f"{med[new]:.2f} s",
         f"{med[new] / med[old]:.2f}"),
        ("cold ask, fastest / slowest", f"{min(times[old]):.2f} / {max(times[old]):.2f} s",
         f"{min(times[new]):.2f} / {max(times[new]):.2f} s", ""),
        ("top passages for the timed question", ", ".join(passages[old]), ", ".join(passages[new]),
         "same" if passages[old] == passages[new] else "DIFFERENT"),
        (f"warm ask (median of {args.queries})", f"{warm_ms[old][0]:.1f} ms", f"{warm_ms[new][0]:.1f} ms",
         f"{warm_ms[new][0] / warm_ms[old][0]:.2f}"),
        ("bare query embedding (warm, median)", f"{warm_ms[old][1]:.1f} ms", f"{warm_ms[new][1]:.1f} ms",
         f"{warm_ms[new][1] / warm_ms[old][1]:.2f}"),
        ("warm ask / bare embedding (target <= 2)", f"{warm_ms[old][0] / warm_ms[old][1]:.2f}",
         f"{warm_ms[new][0] / warm_ms[new][1]:.2f}", ""),
        ("`import chromadb` alone, new process (both paths)", f"{chroma_s:.2f} s", f"{chroma_s:.2f} s", ""),
        ("first ask on an empty folder (builds the index; new engine)", "", f"{build_s:.1f} s", ""),
    ]
    headers = ("measure", old, new, "new / old")
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(4)]

    def line(cells) -> str:
        return "| " + " | ".join(f"{c:<{w}}" for c, w in zip(cells, widths)) + " |"

    print(line(headers))
    print(line(["-" * w for w in widths]))
    for row in rows:
        print(line(row))


if __name__ == "__main__":
    main()
