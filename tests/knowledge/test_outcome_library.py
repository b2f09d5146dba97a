"""Checks on knowledge/outcomes.yaml, the outcome library used to rewrite output-only clauses."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = ROOT / "knowledge" / "outcomes.yaml"
GUIDANCE_DIR = ROOT / "knowledge" / "guidance"

REQUIRED_AREAS = {
    "youth", "adult-social-care", "homecare", "mental-health", "substance-misuse",
    "employment", "homelessness", "children-families", "public-health", "general",
}
MEASURE_KEYS = ("name", "measures", "scale", "source", "url", "guidance")
MEASURE_KINDS = {"validated", "administrative", "self-report"}
TAGS = {"wellbeing", "prevention", "person-defined", "hard", "soft"}


def _front_matter(path: Path) -> dict:
    raw = path.read_text(encoding="utf-8")
    assert raw.startswith("---"), f"{path.name} has no front matter"
    end = raw.find("\n---", 3)
    return yaml.safe_load(raw[3:end]) or {}


@pytest.fixture(scope="module")
def library() -> dict:
    data = yaml.safe_load(LIBRARY.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def measures(library) -> dict:
    return library["measures"]


@pytest.fixture(scope="module")
def areas(library) -> dict:
    return library["areas"]


def _all_outcomes(areas):
    for key, area in areas.items():
        for outcome in area["outcomes"]:
            yield key, outcome


def test_library_loads_with_measures_and_areas(library):
    assert isinstance(library.get("measures"), dict) and library["measures"]
    assert isinstance(library.get("areas"), dict) and library["areas"]


def test_required_areas_present(areas):
    missing = REQUIRED_AREAS - set(areas)
    assert not missing, f"missing areas: {sorted(missing)}"


@pytest.mark.parametrize("area_key", sorted(REQUIRED_AREAS))
def test_area_shape(areas, area_key):
    area = areas[area_key]
    for key in ("label", "keywords", "beneficiaries", "outcomes"):
        assert area.get(key), f"{area_key} lacks {key}"
    assert isinstance(area["label"], str) and isinstance(area["beneficiaries"], str)
    keywords = area["keywords"]
    assert 6 <= len(keywords) <= 15, f"{area_key}: {len(keywords)} keywords"
    for word in keywords:
        assert isinstance(word, str) and word.strip() and word == word.lower(), f"{area_key}: bad keyword {word!r}"
    assert len(set(keywords)) == len(keywords), f"{area_key}: duplicate keywords"
    assert 3 <= len(area["outcomes"]) <= 5, f"{area_key}: {len(area['outcomes'])} outcomes"


def test_outcome_fields_and_measures_exist(areas, measures):
    for area_key, outcome in _all_outcomes(areas):
        for key in ("id", "change", "measure"):
            assert outcome.get(key), f"{area_key}: outcome lacks {key}: {outcome}"
        assert outcome["measure"] in measures, f"{outcome['id']}: unknown measure {outcome['measure']!r}"
        assert set(outcome.get("tags", [])) <= TAGS, f"{outcome['id']}: unknown tags"


def test_change_phrases_complete_the_sentence(areas):
    for area_key, outcome in _all_outcomes(areas):
        change = outcome["change"]
        # Completes "<beneficiaries> who use the service ...": starts lower case, no full stop.
        assert change[0].islower(), f"{outcome['id']}: {change!r}"
        assert not change.rstrip().endswith("."), f"{outcome['id']}: {change!r}"
        sentence = f"{areas[area_key]['beneficiaries']} who use the service {change}"
        assert "  " not in sentence


def test_outcome_ids_unique(areas):
    ids = [outcome["id"] for _, outcome in _all_outcomes(areas)]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"duplicate outcome ids: {duplicates}"


def test_every_measure_is_complete_and_cites_existing_guidance(measures):
    for key, measure in measures.items():
        for field in MEASURE_KEYS:
            assert measure.get(field), f"measure {key} lacks {field}"
        assert str(measure["url"]).startswith("http"), f"measure {key}: bad url"
        assert (GUIDANCE_DIR / f"{measure['guidance']}.md").is_file(), f"measure {key}: no passage {measure['guidance']}"
        assert measure.get("kind", "validated") in MEASURE_KINDS, f"measure {key}: bad kind"


def test_measure_url_matches_its_guidance_passage(measures):
    """A measure's source must be one its guidance passage already cites, so no new facts creep in."""
    for key, measure in measures.items():
        meta = _front_matter(GUIDANCE_DIR / f"{measure['guidance']}.md")
        urls = {meta.get("url")} | {a.get("url") for a in meta.get("also") or []}
        assert measure["url"] in urls, f"measure {key}: {measure['url']} not cited by {measure['guidance']}"


def test_every_measure_is_used(areas, measures):
    used = {outcome["measure"] for _, outcome in _all_outcomes(areas)}
    assert set(measures) - used == set(), f"unused measures: {sorted(set(measures) - used)}"


def test_validated_tools_present(measures):
    for key in ("wemwbs", "swemwbs", "ons4", "rosenberg", "outcomes-star"):
        assert measures[key].get("kind", "validated") == "validated"


def test_non_validated_measures_are_marked_as_our_advice(measures):
    for key, measure in measures.items():
        if measure.get("kind") in {"administrative", "self-report"}:
            assert "our advice" in measure.get("notes", "").lower(), f"measure {key} not marked as our advice"


def test_prevention_and_wellbeing_outcomes_included(areas):
    tags = [set(outcome.get("tags", [])) for _, outcome in _all_outcomes(areas)]
    assert any("prevention" in t for t in tags)
    assert any("wellbeing" in t for t in tags)


def test_general_fallback_uses_wellbeing_scales(areas):
    used = {outcome["measure"] for outcome in areas["general"]["outcomes"]}
    assert {"swemwbs", "ons4"} <= used


def test_homecare_outcomes_are_person_defined(areas):
    for outcome in areas["homecare"]["outcomes"]:
        assert "person-defined" in outcome.get("tags", []), f"{outcome['id']} is not person-defined"
