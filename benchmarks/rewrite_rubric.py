"""How good are the checker's rewrites on real documents? A rubric, scored by hand.

    .venv/bin/python benchmarks/rewrite_rubric.py              # summary of the scored record
    .venv/bin/python benchmarks/rewrite_rubric.py --collect OUT   # write the current rewrites, unscored
    .venv/bin/python benchmarks/rewrite_rubric.py --record benchmarks/rewrite_rubric_after.yaml   # another record
    .venv/bin/python benchmarks/rewrite_rubric.py --compare benchmarks/rewrite_rubric_after.yaml  # before -> after
    .venv/bin/python benchmarks/rewrite_rubric.py --data tests/data/real-fourth --record benchmarks/rewrite_rubric_fourth.yaml
    .venv/bin/python benchmarks/rewrite_rubric.py --learned --data tests/data/real-fourteenth --record benchmarks/rewrite_rubric_fourteenth.yaml

The record, benchmarks/rewrite_rubric.yaml, holds the rubric and one entry per rewrite the
checker wrote for a clause of tests/data/real (reviewed as benchmarks/real_documents.py does:
the clause's context line above it), plus the rewrites for tables rebuilt from a file's rows
under their header, so a run of rows shows. Each entry was scored by a person on four criteria
(0-2 each) and an overall 1-5. This script prints the means, and reviews the same texts again:
an entry whose rewrite the current code no longer writes is counted as changed, because its
scores describe a rewrite nobody sees any more.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests/data/real"
RECORD = ROOT / "benchmarks/rewrite_rubric.yaml"
CRITERIA = ("fits_place", "keeps_group_and_numbers", "right_measure", "pasteable")


LEARNED = False  # --learned: the learned check's suggestions are rewritten too, as the product does by default


def _review():
    sys.path.insert(0, str(ROOT))
    from scoring import review

    return (lambda text: review(text, learned=True)) if LEARNED else review


def _slash_cells(text: str) -> list[str]:
    return [c.strip() for c in text.split(" / ")]


def _pipe_row(cells: list[str], width: int) -> str:
    return "| " + " | ".join(cells + [""] * (width - len(cells))) + " |"


def tables(doc: dict) -> list[tuple[str, list[tuple[int, str]]]]:
    """Runs of two or more table rows under the same context line, each rebuilt as a table:
    the header line, then the rows. A header stored as "A / B / C" whose rows split into at most
    as many cells is rebuilt as a pipe table, as it would be pasted from a word processor; otherwise
    the rows stay as the stored copy has them (a PDF's flattened rows, or rows already in pipes)."""
    runs: list[tuple[str, list[tuple[int, str]]]] = []
    for i, c in enumerate(doc["clauses"], start=1):
        if c.get("form") != "table-row" or not c.get("context"):
            continue
        if runs and runs[-1][0] == c["context"] and runs[-1][1][-1][0] == i - 1:
            runs[-1][1].append((i, c["text"]))
        else:
            runs.append((c["context"], [(i, c["text"])]))
    out = []
    for header, rows in runs:
        if len(rows) < 2:
            continue
        head = header.split(" | ", 1)[-1] if " | " in header else header
        cols = _slash_cells(head)
        if len(cols) > 2 and all(2 <= len(_slash_cells(t)) <= len(cols) for _, t in rows):
            # a cell's own line breaks become spaces; a row the stored copy cut short gets empty cells
            width = len(cols)
            lines = [_pipe_row(cols, width), _pipe_row(["---"] * width, width)]
            lines += [_pipe_row(_slash_cells(" ".join(t.split())), width) for _, t in rows]
            starts = [len("\n".join(lines[: 2 + k])) + 1 for k in range(len(rows))]
            text = "\n".join(lines)
        else:
            parts, starts = [header], []
            for _, t in rows:
                starts.append(len("\n".join(parts)) + 1)
                parts.append(t)
            text = "\n".join(parts)
        out.append((text, [(i, s) for (i, _), s in zip(rows, starts)]))  # (table, [(clause no., offset)])
    return out


def collect(data: Path = DATA) -> list[dict]:
    """Every rewrite the current code writes for the real documents, in a stable order with ids."""
    review = _review()
    out: list[dict] = []
    seen: dict[str, int] = defaultdict(int)

    def add(key: str, entry: dict) -> None:
        seen[key] += 1
        entry["id"] = key if seen[key] == 1 else f"{key}~{seen[key]}"
        out.append(entry)

    for path in sorted(data.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, c in enumerate(doc["clauses"], start=1):
            prefix = f"{c['context']}\n" if c.get("context") else ""
            for f in review(prefix + c["text"]).findings:
                if f.end <= len(prefix) or not f.rewrite:
                    continue  # a finding on the context line belongs to another clause
                add(f"{path.stem}#{i}:{f.rule}", {
                    "doc": path.stem, "source": "clause", "form": c.get("form", "sentence"),
                    "rule": f.rule, "context": c.get("context"), "clause": c["text"], "rewrite": f.rewrite})
        for k, (text, starts) in enumerate(tables(doc), start=1):
            for f in review(text).findings:
                if not f.rewrite:
                    continue
                row = max((i for i, s in starts if s <= f.start), default=None)
                if row is None:
                    continue
                rows = [i for i, _ in starts]
                add(f"{path.stem}/table{k}#{row}:{f.rule}", {
                    "doc": path.stem, "source": f"table of clauses {rows[0]}-{rows[-1]}", "form": "table-row",
                    "rule": f.rule, "context": text.split("\n", 1)[0], "clause": _line_at(text, f.start),
                    "rewrite": f.rewrite})
    return out


def _line_at(text: str, offset: int) -> str:
    """The row a finding sits on, as the rebuilt table has it."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start: end if end >= 0 else len(text)]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _finding(entry: dict) -> str:
    """Whether the rewrite sits on a finding the blind label agrees with: a rewrite of a clause that
    needed none is a cost of its own, whatever the rewrite says."""
    if not entry.get("clause_label"):
        return "(no clause label: a rebuilt table)"
    label = entry["clause_label"].split(" ")[0]
    return "true finding" if entry["rule"].split("/")[0] == label else "false alarm"


def summary(record: dict) -> None:
    entries = [e for e in record["entries"] if e.get("scores")]
    print(f"{len(entries)} scored rewrites from {len({e['doc'] for e in entries})} documents\n")

    def table(title: str, key) -> None:
        groups: dict[str, list[dict]] = defaultdict(list)
        for e in entries:
            groups[key(e)].append(e)
        names = ["all"] + sorted(groups)
        groups["all"] = entries
        head = f"{title:<30} {'n':>3}  " + "  ".join(f"{c[:10]:>10}" for c in CRITERIA) + f"  {'total/8':>7} {'overall':>7}"
        print(head)
        for name in names:
            g = groups[name]
            cells = []
            for c in CRITERIA:
                vals = [e["scores"][c] for e in g]
                cells.append(f"{sum(vals) / len(vals):4.2f} {100 * sum(v == 2 for v in vals) // len(vals):3d}%")
            total = sum(sum(e["scores"][c] for c in CRITERIA) for e in g) / len(g)
            overall = sum(e["scores"]["overall"] for e in g) / len(g)
            print(f"{name:<30} {len(g):>3}  " + "  ".join(f"{x:>10}" for x in cells) + f"  {total:7.2f} {overall:7.2f}")
        print()

    print("each criterion: mean (0-2) and share scoring 2\n")
    table("service area", lambda e: e.get("area") or "(not recorded)")  # an independent reader records no area
    table("place kind", lambda e: e.get("place") or "(not recorded)")
    table("rule", lambda e: e["rule"].split("/")[0])
    table("finding", _finding)
    fails: dict[str, int] = defaultdict(int)
    for e in entries:
        for cls in e.get("failures", []):
            fails[cls] += 1
    if fails:
        print("failure classes (rewrites showing each):")
        for cls, n in sorted(fails.items(), key=lambda x: -x[1]):
            print(f"  {n:>3}  {cls}")
        print()


def staleness(record: dict, data: Path = DATA) -> int:
    now = {e["id"]: e["rewrite"] for e in collect(data)}
    old = {e["id"]: e["rewrite"] for e in record["entries"]}
    changed = [k for k in old if k in now and _norm(now[k]) != _norm(old[k])]
    gone = [k for k in old if k not in now]
    new = [k for k in now if k not in old]
    print(f"against the current code: {len(old) - len(changed) - len(gone)} of {len(old)} recorded rewrites "
          f"unchanged, {len(changed)} changed, {len(gone)} no longer written, {len(new)} new (unscored)")
    for title, ids in (("changed", changed), ("no longer written", gone), ("new", new)):
        for k in ids:
            print(f"  {title}: {k}")
    return len(changed) + len(gone) + len(new)


def _means(record: dict) -> dict[str, float]:
    entries = [e for e in record["entries"] if e.get("scores")]
    out = {c: sum(e["scores"][c] for e in entries) / len(entries) for c in CRITERIA + ("overall",)}
    out["total/8"] = sum(out[c] for c in CRITERIA)
    out["n"] = len(entries)
    return out


def compare(before: dict, after: dict) -> None:
    """Mean per criterion in two records, side by side (both scored with the rubric in the first)."""
    common = {e["id"] for e in before["entries"]} & {e["id"] for e in after["entries"]}
    same = {k: {"entries": [e for e in r["entries"] if e["id"] in common]} for k, r in (("b", before), ("a", after))}
    columns = [("all before", _means(before)), ("all after", _means(after))]
    if any(e.get("scores") for e in same["b"]["entries"]) and any(e.get("scores") for e in same["a"]["entries"]):
        columns += [("both before", _means(same["b"])), ("both after", _means(same["a"]))]
    print("all: every scored entry of each record; both: only the rewrites written both times (same ids;"
          " left out when the records share none, e.g. two batches)\n")
    print(f"{'criterion':<24}" + "".join(f"{name:>13}" for name, _ in columns))
    for key in ("n",) + CRITERIA + ("total/8", "overall"):
        fmt = "{:13.0f}" if key == "n" else "{:13.2f}"
        print(f"{key:<24}" + "".join(fmt.format(m[key]) for _, m in columns))
    for title, rec in (("before", before), ("after", after)):
        fails: dict[str, int] = defaultdict(int)
        for e in rec["entries"]:
            for cls in e.get("failures") or []:
                fails[cls] += 1
        print(f"\nfailure classes {title}: " + ", ".join(f"{k} {v}" for k, v in sorted(fails.items(), key=lambda x: -x[1])))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--record", type=Path, default=RECORD, help="the scored record (default: %(default)s)")
    ap.add_argument("--collect", type=Path, metavar="OUT", help="write the current rewrites, unscored, here and stop")
    ap.add_argument("--compare", type=Path, metavar="AFTER", help="print the means of --record and of AFTER side by side")
    ap.add_argument("--data", type=Path, default=DATA, help="the labelled documents the rewrites come from (default: %(default)s)")
    ap.add_argument("--learned", action="store_true",
                    help="review with the learned check on, as the command line and the Slack server do (later records)")
    args = ap.parse_args(argv)
    global LEARNED
    LEARNED = args.learned
    if args.collect:
        entries = collect(args.data)
        args.collect.write_text(yaml.safe_dump({"entries": entries}, sort_keys=False, allow_unicode=True, width=100),
                                encoding="utf-8")
        print(f"{len(entries)} rewrites written to {args.collect}")
        return 0
    if not args.record.exists():
        print(f"no record at {args.record}: run with --collect OUT, score the entries, save them there")
        return 2
    record = yaml.safe_load(args.record.read_text(encoding="utf-8"))
    if args.compare:
        compare(record, yaml.safe_load(args.compare.read_text(encoding="utf-8")))
        return 0
    summary(record)
    staleness(record, args.data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
