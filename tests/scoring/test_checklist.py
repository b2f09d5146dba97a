"""The checklist score says how far a draft is from an outcome-focused tender, and what is missing."""

from pathlib import Path

import pytest

from knowledge.catalog import passage
from scoring import review
from scoring.checklist import load_checklist
from scoring.errors import RuleError

ROOT = Path(__file__).parent.parent.parent
GOOD = (ROOT / "examples/outcome-focused-spec.md").read_text(encoding="utf-8")
OUTPUT_TWIN = (ROOT / "examples/youth-service-spec.md").read_text(encoding="utf-8")
CO_PRODUCTION = (
    "\n\nCo-production\nThis specification was co-designed with young people from the youth forum. "
    "Young people will sit on the evaluation panel and score questions 3 and 4.\n"
)
PRICE_FIRST = "\n\nAward criteria\nPrice 70%\nQuality 30%\nThe contract will be awarded to the lowest-priced compliant bid.\n"


def _status(report, item_id):
    return next(i.status for i in report.score.items if i.id == item_id)


def test_an_outcome_focused_specification_scores_40_points_above_its_output_only_twin():
    good, twin = review(GOOD).score.value, review(OUTPUT_TWIN).score.value
    assert good - twin >= 40, (good, twin)


def test_adding_a_co_production_paragraph_raises_the_score():
    before, after = review(OUTPUT_TWIN), review(OUTPUT_TWIN + CO_PRODUCTION)
    assert after.score.value > before.score.value
    assert _status(after, "coproduction-design") == "met" and _status(after, "users-in-evaluation") == "met"


def test_a_price_first_award_section_drops_the_score():
    before, after = review(GOOD), review(GOOD + PRICE_FIRST)
    assert after.score.value < before.score.value
    assert _status(after, "quality-over-cost") in ("partial", "missing")


def test_one_award_clause_cannot_show_co_production_so_it_is_not_assessed():
    report = review("Evaluation: Price 70% / Quality 30%")
    assert _status(report, "coproduction-design") == "n/a"
    assert _status(report, "quality-over-cost") == "missing"
    assessed = [i for i in report.score.items if i.status != "n/a"]
    assert report.score.to_dict()["assessable"] == len(assessed) < len(report.score.items)


def test_nothing_assessable_gives_no_score():
    report = review("Tenders must be returned by 12 noon on 14 March 2027.")
    assert report.score.value is None
    assert report.score.to_dict()["assessable"] == 0


def test_the_same_scorer_serves_one_clause_and_a_whole_specification():
    one = review("Young people will report higher self-esteem on the Rosenberg scale at entry and after six months.")
    assert one.score.value == 100 and 1 <= one.score.assessable <= 4
    assert review(GOOD).score.assessable == len(load_checklist())


def test_evidence_says_why_an_item_is_missing():
    report = review(OUTPUT_TWIN)
    item = next(i for i in report.score.items if i.id == "outputs-secondary")
    assert item.status == "missing" and any("output-only/" in e for e in item.evidence)


def test_checklist_items_are_complete_and_cite_real_guidance():
    items = load_checklist()
    assert 10 <= len(items) <= 12
    for item in items:
        assert item.weight > 0 and item.title and item.guidance
        assert all(passage(g) is not None for g in item.guidance), item.id


def test_a_malformed_checklist_fails_loudly(tmp_path):
    bad = tmp_path / "checklist.yaml"
    bad.write_text("- id: x\n  title: X\n  weight: 1\n  applies_when: ['a']\n  silent: sometimes\n")
    with pytest.raises(RuleError, match="'silent'"):
        load_checklist(bad)
