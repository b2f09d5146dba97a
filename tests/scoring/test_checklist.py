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


# --- issue 9: evidence is a statement that does what the item asks, never a shared word -----------

import yaml  # noqa: E402

from scoring.checklist import statements  # noqa: E402
from scoring.kinds import Document  # noqa: E402
from scoring.normalize import normalize  # noqa: E402
from scoring.segment import segment  # noqa: E402

CASES_PATH = ROOT / "tests/data/checklist_cases.yaml"
CASES = yaml.safe_load(CASES_PATH.read_text(encoding="utf-8"))
STATUSES = {"met", "partial", "missing", "n/a"}


def _case_text(case: dict) -> str:
    base = CASES["bases"][case["with"]] if case.get("with") else None
    return "\n\n".join(p for p in (case.get("before"), base, case.get("text")) if p)


def test_the_checklist_cases_are_well_formed():
    ids = {i.id for i in load_checklist()}
    assert len(CASES["cases"]) >= 40
    assert len({c["id"] for c in CASES["cases"]}) == len(CASES["cases"])
    for case in CASES["cases"]:
        assert case["expect"] and set(case["expect"]) <= ids, case["id"]
        assert set(case["expect"].values()) <= STATUSES, case["id"]


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["id"] for c in CASES["cases"]])
def test_checklist_case(case):
    report = review(_case_text(case))
    got = {i.id: (i.status, i.evidence) for i in report.score.items}
    wrong = {k: got[k] for k, want in case["expect"].items() if got[k][0] != want}
    assert not wrong, f"{case['id']}: expected {case['expect']}, got {wrong}"


def test_met_evidence_is_the_clause_that_does_what_the_item_asks():
    report = review(CASES["bases"]["spec"] + "\n\n2.6 Older people who use the service will feel less lonely.")
    item = next(i for i in report.score.items if i.id == "outcomes-stated")
    assert item.status == "met" and item.evidence == ("2.6 Older people who use the service will feel less lonely.",)


def test_headings_front_matter_contents_references_and_glossaries_are_not_statements():
    text = ("Title: Outcomes for people\nVersion: 2\n\nContents\n1. Helping people feel less lonely ........ 3\n\n"
            "2. Improving wellbeing\n\n2.1 The Provider will open on weekdays.\n\nReferences\n\n"
            "Lee, K. (2020) Feeling less lonely in later life. York: Sample Press.\n\n"
            "Glossary\n\nWellbeing - how people feel day to day.")
    norm = normalize(text)
    kept = [c.text for c, _ in statements(Document(norm, segment(norm)))]
    assert kept == ["2.1 The Provider will open on weekdays."], kept


def test_a_url_is_blanked_before_evidence_is_looked_for():
    norm = normalize("See https://example.org/young-people-feel-less-lonely for more.")
    (_, text), = statements(Document(norm, segment(norm)))
    assert "lonely" not in text and text.startswith("See ")


def test_silence_cannot_be_configured_as_met(tmp_path):
    bad = tmp_path / "checklist.yaml"
    bad.write_text("- id: x\n  title: X\n  weight: 1\n  applies_when: ['a']\n  silent: met\n")
    with pytest.raises(RuleError, match="silence is never met"):
        load_checklist(bad)


def test_outputs_are_not_secondary_by_silence():
    silent = review(CASES["bases"]["spec"])
    assert _status(silent, "outputs-secondary") == "n/a"
    counted = review(CASES["bases"]["spec"] + "\n\n2.6 The Provider will deliver 300 advice sessions per year.")
    assert _status(counted, "outputs-secondary") == "missing"
    assert counted.score.value <= silent.score.value
