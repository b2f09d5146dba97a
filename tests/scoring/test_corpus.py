"""The checker is judged on precision as much as recall, on clauses it was not written around."""

from pathlib import Path

import pytest
import yaml

from scoring import review

DATA = Path(__file__).parent.parent / "data"
CATEGORIES = ("output-only", "cost-first")


def _corpus():
    items = []
    for name in ("clauses.yaml", "clauses_holdout.yaml", "clauses_blind.yaml", "clauses_final.yaml", "clauses_award_forms.yaml"):
        path = DATA / name
        if path.exists():
            items += yaml.safe_load(path.read_text(encoding="utf-8"))
    return items


def score_corpus(items):
    """Per category: true positives, false positives, false negatives, precision, recall."""
    table = {c: {"tp": 0, "fp": 0, "fn": 0, "misses": [], "false_alarms": []} for c in CATEGORIES}
    for item in items:
        flagged = {f.category for f in review(item["text"]).findings}
        for c in CATEGORIES:
            expected, got = c in item["labels"], c in flagged
            row = table[c]
            if expected and got:
                row["tp"] += 1
            elif got:
                row["fp"] += 1
                row["false_alarms"].append(item["id"])
            elif expected:
                row["fn"] += 1
                row["misses"].append(item["id"])
    for row in table.values():
        row["precision"] = row["tp"] / max(1, row["tp"] + row["fp"])
        row["recall"] = row["tp"] / max(1, row["tp"] + row["fn"])
    return table


def test_the_corpus_is_big_varied_and_well_formed():
    items = _corpus()
    assert len(items) >= 200
    assert len({i["id"] for i in items}) == len(items)
    for item in items:
        assert set(item["labels"]) <= set(CATEGORIES), item["id"]
    clean = [i for i in items if not i["labels"]]
    assert len(clean) >= 60
    assert len({i.get("area") for i in items if i.get("area")}) >= 8


@pytest.mark.parametrize("category", CATEGORIES)
def test_precision_and_recall_hold(category):
    row = score_corpus(_corpus())[category]
    assert row["precision"] >= 0.9, f"false alarms: {row['false_alarms']}"
    assert row["recall"] >= 0.85, f"misses: {row['misses']}"
