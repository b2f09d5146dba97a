"""How long a whole `tender-coach review` process takes, and how it grows with length.

Prints three tables:
1. median of 5 runs for a one-page draft, a 20,000-word and a 40,000-word specification,
   the bare interpreter start-up as a baseline measured in the same run, and the import
   time of `scoring`. Targets: one page < 0.5 s, 20,000 words < 2 s, 40k/20k ≈ 2.
2. a one-page review side by side with proselint's `check` on the same text, both whole
   processes, measured in the same run (wall and CPU time). proselint comes from the
   optional `bench` extra (`pip install -e '.[bench]'`); without it that table is skipped.
3. worst-case shapes of input (one repeated character, long tokens, table rows, ...) at
   40,000 characters and at 2x and 4x, in-process after warm-up: target < 1 s at 40k,
   and x2 / x4 close to 2 and 4 (linear). tests/scoring/test_bounds.py holds the same
   shapes to linear *work* without timing them.
"""

from __future__ import annotations

import os
import resource
import shutil
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


# Byte-code is written once and reused, as in any installed copy; some shells turn that off.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _run(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) for one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=False, cwd=ROOT, env=_ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _median_seconds(cmd: list[str]) -> float:
    _run(cmd)  # warm: byte-code, the compiled-pattern cache, the disk cache
    return statistics.median(_run(cmd)[0] for _ in range(RUNS))


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


def one_page_text() -> str:
    """About one page (~500 words) of a real-looking specification."""
    words, out = 0, []
    for part in _corpus_text():
        out.append(part)
        words += len(part.split())
        if words >= 500:
            break
    return "\n\n".join(out)


def _tender_coach() -> list[str]:
    """The installed `tender-coach` command, as a user runs it (and as proselint's `check` runs: a console
    script); `python -m bot.cli` where it is not installed, which also imports runpy (about 4 ms)."""
    exe = shutil.which("tender-coach", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "bot.cli"]


def _proselint() -> list[str] | None:
    exe = shutil.which("proselint", path=str(Path(sys.executable).parent)) or shutil.which("proselint")
    return [exe] if exe else None


def _bytecode_ready() -> None:
    """Write the project's .pyc files first. Where PYTHONDONTWRITEBYTECODE is set (or a module was edited
    since the last run), every process would compile those modules from source, about 5 ms of a
    one-page review that a user, whose install has them compiled, never pays."""
    import compileall

    for room in ("bot", "knowledge", "prompts", "scoring"):
        compileall.compile_dir(str(ROOT / room), quiet=1)


def side_by_side(runs: int = 9) -> None:
    """A one-page review next to proselint's check of the same file, interleaved in one run."""
    prose = _proselint()
    if prose is None:
        print("\nproselint is not installed: pip install -e '.[bench]' to compare with it.")
        return
    _bytecode_ready()
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.txt"
        page.write_text(one_page_text(), encoding="utf-8")
        ours = [*_tender_coach(), "review", "--format", "json", str(page)]
        theirs = [*prose, "check", str(page)]
        _run(ours), _run(theirs)  # warm both
        a, b = [], []
        for _ in range(runs):  # interleaved, so a busy moment hits both
            a.append(_run(ours))
            b.append(_run(theirs))
    print(f"\n{'one page, whole process (median of %d)' % runs:<40} {'wall s':>8} {'CPU s':>8}")
    for label, rows in (("tender-coach review --format json", a), ("proselint check", b)):
        print(f"{label:<40} {statistics.median(r[0] for r in rows):8.3f} {statistics.median(r[1] for r in rows):8.3f}")
    ratio = statistics.median(r[1] for r in a) / statistics.median(r[1] for r in b)
    print(f"{'tender-coach / proselint (CPU)':<40} {ratio:8.2f}   (target < 1)")


# Worst-case shapes (tests/scoring/shapes.py, shared with the linearity tests), plus a real specification.
sys.path.insert(0, str(ROOT / "tests" / "scoring"))
from shapes import SHAPES as _SHAPES  # noqa: E402

SHAPES = {**_SHAPES, "real specification": lambda n: make_document(n // 5)[:n]}


def worst_cases(size: int = 40_000, runs: int = 3) -> None:
    """In-process review time of each shape at size, 2x and 4x: median of `runs` after a warm-up."""
    sys.path.insert(0, str(ROOT))
    from scoring import review

    review("The provider will deliver 200 youth sessions per year.", learned=True)

    def median(text: str) -> float:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            review(text, learned=True)  # as the command line and the Slack server run it
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    print(f"\n{'shape (in-process, median of %d)' % runs:<34} {'40k s':>7} {'80k s':>7} {'160k s':>7} {'x2':>5} {'x4':>5}")
    worst = 0.0
    for name, make in SHAPES.items():
        t1, t2, t4 = (median(make(size * k)) for k in (1, 2, 4))
        worst = max(worst, t1)
        print(f"{name:<34} {t1:7.3f} {t2:7.3f} {t4:7.3f} {t2 / t1:5.1f} {t4 / t1:5.1f}")
    print(f"{'worst at 40k (target < 1 s)':<34} {worst:7.3f}")


def whole_process() -> None:
    tc = [*_tender_coach(), "review", "--format", "json"]
    with tempfile.TemporaryDirectory() as tmp:
        docs = {}
        for label, words in (("one page (~500 words)", 500), ("20,000 words", 20_000), ("40,000 words", 40_000)):
            path = Path(tmp) / f"{words}.txt"
            path.write_text(make_document(words), encoding="utf-8")
            docs[label] = path
        baseline = _median_seconds([sys.executable, "-c", "pass"])
        imports = _median_seconds([sys.executable, "-c", "import scoring.engine, prompts.reports"])
        rows = [("python start-up (baseline)", baseline, None)]
        rows.append(("import checker + reports", imports, None))
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




def main() -> None:
    """All three tables; or name some of them: process, side-by-side, shapes."""
    parts = set(sys.argv[1:]) or {"process", "side-by-side", "shapes"}
    if "process" in parts:
        whole_process()
    if "side-by-side" in parts:
        side_by_side()
    if "shapes" in parts:
        worst_cases()


if __name__ == "__main__":
    main()
