"""How consistently the labels themselves are applied: a second reader's labels against a batch's own.

    .venv/bin/python benchmarks/label_agreement.py                       # every batch with second labels
    .venv/bin/python benchmarks/label_agreement.py --batch real-eighteenth

A second reader labelled every clause of a batch again, from the definitions and conventions in
tests/data/real/README.md, without seeing the batch's labels, the rules or any checker output. Their
labels are in benchmarks/second_labels/<batch>.yaml (document, clause number, labels, uncertain; no
clause text). For each category this prints how many clauses each reader labelled, how many both did,
the second reader's precision and recall taken against the first (the numbers the checker is held
to, on the same footing), and Cohen's kappa; for all clauses and for those neither reader marked
uncertain. If two careful readers of the same conventions do not reach 0.90 / 0.85 against each
other, a checker will not reach it against either.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SECOND = ROOT / "benchmarks" / "second_labels"
CATEGORIES = ("output-only", "cost-first")


def pairs(batch: str) -> list[tuple[set[str], bool, set[str], bool]]:
    """(first labels, first uncertain, second labels, second uncertain) for every clause both readers labelled."""
    second = yaml.safe_load((SECOND / f"{batch}.yaml").read_text(encoding="utf-8"))
    by_doc = {d["doc"]: {c["n"]: c for c in d["clauses"]} for d in second["documents"]}
    out = []
    for path in sorted((ROOT / "tests" / "data" / batch).glob("*.yaml")):
        theirs = by_doc.get(path.stem)
        if theirs is None:
            raise SystemExit(f"{batch}: the second labels have no document {path.stem}")
        clauses = yaml.safe_load(path.read_text(encoding="utf-8"))["clauses"]
        if len(theirs) != len(clauses):
            raise SystemExit(f"{batch}/{path.stem}: {len(clauses)} clauses, {len(theirs)} second labels")
        for n, clause in enumerate(clauses, start=1):
            other = theirs[n]
            out.append((set(clause["labels"]), bool(clause.get("uncertain")), set(other["labels"]), bool(other.get("uncertain"))))
    return out


def kappa(first: list[bool], second: list[bool]) -> float:
    n = len(first)
    observed = sum(a == b for a, b in zip(first, second)) / n
    p1, p2 = sum(first) / n, sum(second) / n
    chance = p1 * p2 + (1 - p1) * (1 - p2)
    return 1.0 if chance == 1 else (observed - chance) / (1 - chance)


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "  - "


def table(batch: str) -> None:
    rows = pairs(batch)
    print(f"{batch}: {len(rows)} clauses")
    print(f"  {'category':12} {'clauses':13} {'first':>5} {'second':>6} {'both':>5} {'P':>5} {'R':>5} {'kappa':>6}")
    for category in CATEGORIES:
        for name, subset in (("all", rows), ("both certain", [r for r in rows if not r[1] and not r[3]])):
            first = [category in r[0] for r in subset]
            second = [category in r[2] for r in subset]
            both = sum(a and b for a, b in zip(first, second))
            print(f"  {category:12} {name:13} {sum(first):5} {sum(second):6} {both:5} "
                  f"{_ratio(both, sum(second)):>5} {_ratio(both, sum(first)):>5} {kappa(first, second):6.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", action="append", help="a batch folder name under tests/data (default: every batch "
                        "with second labels)")
    args = parser.parse_args(argv)
    for batch in args.batch or sorted(p.stem for p in SECOND.glob("*.yaml")):
        table(batch)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
