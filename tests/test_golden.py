"""Golden reports for whole example documents: a change in wording or in what is found
shows up in review as a diff. Regenerate deliberately with UPDATE_GOLDEN=1."""

import json
import os
from pathlib import Path

import pytest

from prompts.reports import render_report
from scoring import review

ROOT = Path(__file__).parent.parent
GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = sorted((ROOT / "examples").glob("*.md"))


@pytest.mark.parametrize("fmt,suffix", [("text", ".txt"), ("json", ".json"), ("markdown", ".md")])
@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_golden_report(example, fmt, suffix):
    report = review(example.read_text(encoding="utf-8"))
    got = render_report(report, fmt, source=f"examples/{example.name}")
    golden = GOLDEN / f"{example.stem}{suffix}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8")


def test_the_examples_cover_what_they_should():
    """The documents the README points at show what each is for."""
    found = {p.stem: {f["rule"] for f in json.loads(render_report(review(p.read_text()), "json"))["findings"]}
             for p in EXAMPLES}
    assert {"output-only/activity-count", "cost-first/price-majority"} <= found["youth-service-spec"]
    assert {"cost-first/time-and-task", "cost-first/fifteen-minute-visits", "fair-work/zero-hours",
            "fair-work/unpaid-travel"} <= found["homecare-spec"]
    assert {"cost-first/price-majority", "cost-first/social-value-under"} <= found["award-criteria"]
    assert not any(r.startswith(("output-only", "cost-first")) for r in found["outcome-focused-spec"])
