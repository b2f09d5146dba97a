"""Precision and recall on real public documents the rules were not written around.

    .venv/bin/python benchmarks/real_documents.py [--root PATH] [--data DIR] [--no-context]
                                                  [--certain-only] [--json OUT] [--learned]

Loads every `*.yaml` in tests/data/real (see the README there for the labels), reviews each
clause with `scoring.review` - with its context line (a heading or a table header) above it,
as it sits in the document - and prints, per category: precision, recall, TP / FP / FN for
all clauses and for the clauses not marked `uncertain`; the same per document; then every
miss and false alarm. A finding counts for a clause only if it touches the clause itself,
not only its context line.

`--root PATH` imports `scoring` from another checkout (put first on sys.path), so the code as
it was before tuning can be measured on the same data.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CATEGORIES = ("output-only", "cost-first")


@dataclass
class Clause:
    doc: str
    index: int
    text: str
    context: str | None
    labels: frozenset[str]
    uncertain: bool


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[Clause] = field(default_factory=list)
    false_alarms: list[Clause] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def add(self, clause: Clause, expected: bool, got: bool) -> None:
        if expected and got:
            self.tp += 1
        elif got:
            self.fp += 1
            self.false_alarms.append(clause)
        elif expected:
            self.fn += 1
            self.misses.append(clause)


def load_clauses(data: Path) -> list[Clause]:
    clauses = []
    for path in sorted(data.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, c in enumerate(doc["clauses"], start=1):
            clauses.append(Clause(path.stem, i, c["text"], c.get("context"),
                                  frozenset(c["labels"]) - {"none"}, bool(c.get("uncertain"))))
    return clauses


def import_review(root: Path | None):
    if root is not None:
        sys.path.insert(0, str(root.resolve()))
    else:
        sys.path.insert(0, str(ROOT))
    import scoring

    return scoring.review, Path(scoring.__file__).resolve().parent


LEARNED = False  # --learned: the learned check's suggestions count as findings too


def _review(review, text: str):
    if LEARNED:
        return review(text, rewrites=False, learned=True)
    try:
        return review(text, rewrites=False)
    except TypeError:  # an older checkout without the keyword
        return review(text)


def flagged(review, clause: Clause, with_context: bool = True) -> set[str]:
    """Categories flagged on the clause itself (a finding only on the context line does not count)."""
    prefix = f"{clause.context}\n" if with_context and clause.context else ""
    report = _review(review, prefix + clause.text)
    offset, context_lines = len(prefix), prefix.count("\n")
    out = set()
    for f in report.findings:
        end, line = getattr(f, "end", None), getattr(f, "line", None)
        if end is not None and end <= offset:
            continue
        if end is None and line is not None and line <= context_lines:
            continue
        out.add(f.category)
    return out


def score(clauses: list[Clause], results: dict[tuple[str, int], set[str]], certain_only: bool = False):
    """{category: Tally} over all clauses, and {doc: {category: Tally}}."""
    overall = {c: Tally() for c in CATEGORIES}
    per_doc: dict[str, dict[str, Tally]] = {}
    for clause in clauses:
        if certain_only and clause.uncertain:
            continue
        got = results[(clause.doc, clause.index)]
        doc = per_doc.setdefault(clause.doc, {c: Tally() for c in CATEGORIES})
        for c in CATEGORIES:
            overall[c].add(clause, c in clause.labels, c in got)
            doc[c].add(clause, c in clause.labels, c in got)
    return overall, per_doc


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.2f}"


def _short(text: str, width: int = 110) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, help="checkout to import `scoring` from (default: this one)")
    ap.add_argument("--data", type=Path, default=ROOT / "tests/data/real", help="folder of labelled yaml files")
    ap.add_argument("--no-context", action="store_true", help="review each clause without its context line")
    ap.add_argument("--certain-only", action="store_true", help="per-document table and lists without uncertain clauses")
    ap.add_argument("--json", type=Path, help="also write the numbers and lists as JSON here")
    ap.add_argument("--learned", action="store_true",
                    help="count the learned check's suggestions too (scoring/learned.py; a checkout that has it)")
    args = ap.parse_args(argv)
    global LEARNED
    LEARNED = args.learned

    review, where = import_review(args.root)
    clauses = load_clauses(args.data)
    if not clauses:
        print(f"no labelled clauses under {args.data}")
        return 2
    results = {(c.doc, c.index): flagged(review, c, not args.no_context) for c in clauses}
    docs = sorted({c.doc for c in clauses})
    n_unc = sum(c.uncertain for c in clauses)
    print(f"scoring imported from {where}")
    print(f"{len(docs)} documents, {len(clauses)} clauses ({n_unc} marked uncertain) from {args.data}"
          f"{'' if not args.no_context else ' - without context lines'}\n")

    tables = {"all": score(clauses, results), "certain": score(clauses, results, certain_only=True)}
    print(f"{'category':<12} {'clauses':<8} {'P':>5} {'R':>5} {'TP':>4} {'FP':>4} {'FN':>4}")
    for c in CATEGORIES:
        for name, (overall, _) in tables.items():
            t = overall[c]
            print(f"{c:<12} {name:<8} {_fmt(t.precision):>5} {_fmt(t.recall):>5} {t.tp:>4} {t.fp:>4} {t.fn:>4}")

    view = "certain" if args.certain_only else "all"
    overall, per_doc = tables[view]
    print(f"\nper document ({view} clauses): TP/FP/FN")
    print(f"{'document':<62} {'output-only':>12} {'cost-first':>12}")
    for d in docs:
        if d not in per_doc:
            continue
        cells = [f"{per_doc[d][c].tp}/{per_doc[d][c].fp}/{per_doc[d][c].fn}" for c in CATEGORIES]
        print(f"{d:<62} {cells[0]:>12} {cells[1]:>12}")

    for title, attr in (("misses", "misses"), ("false alarms", "false_alarms")):
        print(f"\n{title} ({view} clauses):")
        for c in CATEGORIES:
            for clause in getattr(overall[c], attr):
                mark = " (uncertain)" if clause.uncertain else ""
                print(f"  [{c}] {clause.doc} #{clause.index}{mark}: {_short(clause.text)}")

    if args.json:
        out = {
            "scoring": str(where), "data": str(args.data), "context": not args.no_context,
            "totals": {name: {c: {"precision": o[c].precision, "recall": o[c].recall, "tp": o[c].tp,
                                  "fp": o[c].fp, "fn": o[c].fn} for c in CATEGORIES}
                       for name, (o, _) in tables.items()},
            "misses": [{"category": c, "doc": k.doc, "clause": k.index, "uncertain": k.uncertain}
                       for c in CATEGORIES for k in overall[c].misses],
            "false_alarms": [{"category": c, "doc": k.doc, "clause": k.index, "uncertain": k.uncertain}
                             for c in CATEGORIES for k in overall[c].false_alarms],
        }
        args.json.write_text(json.dumps(out, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
