"""How long a whole `tender-coach review` process takes, and how it grows with length.

Prints a table: median of 5 runs for a one-page draft, a 20,000-word and a 40,000-word
specification, the bare interpreter start-up as a baseline measured in the same run, and
the import time of `scoring`. Targets: one page < 0.5 s, 20,000 words < 2 s, 40k/20k ≈ 2.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5


def _corpus_text() -> list[str]:
    items = yaml.safe_load((ROOT / "tests/data/clauses.yaml").read_text(encoding="utf-8"))
    parts = [i["text"] for i in items]
    parts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.md"))]
    return parts


def make_document(words: int) -> str:
    """A deterministic specification of about `words` words built from real-looking clauses."""
    parts, out, count = _corpus_text(), [], 0
    i = 0
    while count < words:
        part = parts[i % len(parts)]
        out.append(part)
        count += len(part.split())
        i += 1
    return "\n\n".join(out)


def _median_seconds(cmd: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _rewrite_cost() -> None:
    """In-process: the 20,000-word review with and without rewrites, per finding rewritten."""
    sys.path.insert(0, str(ROOT))
    from scoring import review

    doc = make_document(20_000)
    review(doc)  # warm caches: rules, templates, outcome library
    with_rw, without = [], []
    for _ in range(RUNS):
        start = time.perf_counter()
        report = review(doc)
        with_rw.append(time.perf_counter() - start)
        start = time.perf_counter()
        review(doc, rewrites=False)
        without.append(time.perf_counter() - start)
    rewritten = sum(1 for f in report.findings if f.rewrite)
    extra = statistics.median(with_rw) - statistics.median(without)
    print(f"{'in-process review, rules + checklist':<40} {statistics.median(without):8.3f}")
    print(f"{'in-process review with rewrites':<40} {statistics.median(with_rw):8.3f}   ({rewritten} findings rewritten)")
    print(f"{'rewrite time per finding (ms)':<40} {1000 * extra / max(1, rewritten):8.2f}")


def main() -> None:
    tc = [sys.executable, "-m", "bot.cli", "review", "--format", "json"]
    with tempfile.TemporaryDirectory() as tmp:
        docs = {}
        for label, words in (("one page (~500 words)", 500), ("20,000 words", 20_000), ("40,000 words", 40_000)):
            path = Path(tmp) / f"{words}.txt"
            path.write_text(make_document(words), encoding="utf-8")
            docs[label] = path
        baseline = _median_seconds([sys.executable, "-c", "pass"])
        imports = _median_seconds([sys.executable, "-c", "import scoring, prompts.reports"])
        rows = [("python start-up (baseline)", baseline, None)]
        rows.append(("import scoring + reports", imports, None))
        results = {label: _median_seconds([*tc, str(path)]) for label, path in docs.items()}
        targets = {"one page (~500 words)": 0.5, "20,000 words": 2.0, "40,000 words": None}
        for label, secs in results.items():
            rows.append((f"review {label}", secs, targets[label]))

    print(f"{'measure (median of %d runs)' % RUNS:<40} {'seconds':>8} {'× start-up':>11} {'target':>8}")
    for label, secs, target in rows:
        tgt = f"< {target}" if target else ""
        print(f"{label:<40} {secs:8.3f} {secs / baseline:11.1f} {tgt:>8}")
    ratio = results["40,000 words"] / results["20,000 words"]
    work20 = results["20,000 words"] - imports
    work40 = results["40,000 words"] - imports
    print(f"{'40k / 20k words (whole process)':<40} {ratio:8.2f}")
    print(f"{'40k / 20k words (after imports)':<40} {work40 / work20:8.2f}   (2.0 = linear)")
    _rewrite_cost()


if __name__ == "__main__":
    main()
