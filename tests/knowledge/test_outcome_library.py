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
    "carers", "early-years", "leaving-care", "older-people", "disability", "health-services",
}
MEASURE_KEYS = ("name", "short", "measures", "scale", "source", "url", "owner", "clients", "when")
MEASURE_KINDS = {"validated", "tracking-tool", "official", "administrative", "self-report"}
CLIENTS = {"any", "adults", "older-people", "carers", "young-people", "children", "parents", "families",
           "care-leavers", "people-in-treatment", "people-using-social-care"}
TAGS = {"core", "wellbeing", "prevention", "person-defined", "hard", "soft", "when-stated", "treatment", "emergency", "in-care", "sole", "example"}


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
    assert 6 <= len(keywords) <= 40, f"{area_key}: {len(keywords)} keywords"  # a focused list (the service-only areas run longer)
    for word in keywords:
        assert isinstance(word, str) and word.strip() and word == word.lower(), f"{area_key}: bad keyword {word!r}"
    assert len(set(keywords)) == len(keywords), f"{area_key}: duplicate keywords"
    # Three to six offered for any clause of the area; those offered only where the clause states what they are about
    # (talking therapies' own recovery measure in mental health, a decision standard in general) come on top, two at most.
    unprompted = [o for o in area["outcomes"] if "when-stated" not in o.get("tags", [])]
    assert 3 <= len(unprompted) <= 6, f"{area_key}: {len(unprompted)} outcomes offered for any clause"
    assert len(area["outcomes"]) - len(unprompted) <= 2, f"{area_key}: {len(area['outcomes']) - len(unprompted)} offered only when stated"


def test_outcome_fields_and_measures_exist(areas, measures):
    for area_key, outcome in _all_outcomes(areas):
        for key in ("id", "change", "measures"):
            assert outcome.get(key), f"{area_key}: outcome lacks {key}: {outcome}"
        for m in outcome["measures"]:
            assert m in measures, f"{outcome['id']}: unknown measure {m!r}"
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
        for source in [{"source": measure["source"], "url": measure["url"]}] + list(measure.get("also") or []):
            assert source.get("source") and str(source.get("url", "")).startswith("http"), f"measure {key}: bad source {source}"
        if measure.get("guidance"):
            assert (GUIDANCE_DIR / f"{measure['guidance']}.md").is_file(), f"measure {key}: no passage {measure['guidance']}"
        assert measure.get("kind", "validated") in MEASURE_KINDS, f"measure {key}: bad kind"
        assert set(measure["clients"]) <= CLIENTS, f"measure {key}: unknown client group"


def test_every_measure_states_its_ages(measures):
    """Ages are stated, even when there is no limit (null), and limits make sense."""
    for key, measure in measures.items():
        assert "min_age" in measure and "max_age" in measure, f"measure {key} does not state its ages"
        low, high = measure["min_age"], measure["max_age"]
        assert low is None or 0 <= low <= 100, key
        assert high is None or (0 <= high <= 100 and (low is None or low <= high)), key
        assert measure.get("age_rule", "within") in {"within", "overlap"}, key
        if (measure["kind"] in {"administrative", "self-report"} or measure.get("age_rule") == "overlap") \
                and (low is not None or high is not None) and "DfE" not in measure.get("age_note", ""):
            assert "our advice" in measure.get("age_note", ""), f"measure {key}: an age limit we set must say so"


def test_measure_guidance_passage_cites_a_source_of_the_measure(measures):
    """Where a measure names a guidance passage, the passage cites one of the measure's sources."""
    for key, measure in measures.items():
        if not measure.get("guidance"):
            continue
        meta = _front_matter(GUIDANCE_DIR / f"{measure['guidance']}.md")
        cited = {meta.get("url")} | {a.get("url") for a in meta.get("also") or []}
        own = {measure["url"]} | {a["url"] for a in measure.get("also") or []}
        assert cited & own, f"measure {key}: shares no source with {measure['guidance']}"


@pytest.mark.parametrize("key,low,high", [
    ("wemwbs", 13, None), ("swemwbs", 15, None), ("stirling", 8, 15), ("ons4", 10, None),
    ("reqol", 16, None), ("rosenberg", 14, None), ("asq3", 0, 5), ("ascot", 18, None), ("ascot-carer", 18, None),
])
def test_validated_scales_carry_their_sourced_ages(measures, key, low, high):
    assert (measures[key]["min_age"], measures[key]["max_age"]) == (low, high)


def test_outcomes_star_is_a_keyworker_tracking_tool_scored_1_to_10_or_1_to_5(measures):
    star = measures["outcomes-star"]
    assert star["kind"] == "tracking-tool"
    assert "1–10" in star["scale"] and "1–5" in star["scale"]
    assert "keyworker" in star["short"] and "not a validated scale" in star["notes"]


def test_aliases_compile(measures):
    import re

    for key, measure in measures.items():
        if measure.get("aliases"):
            re.compile(measure["aliases"])


def test_every_measure_is_used(areas, measures):
    used = {m for _, outcome in _all_outcomes(areas) for m in outcome["measures"]}
    assert set(measures) - used == set(), f"unused measures: {sorted(set(measures) - used)}"


def test_validated_tools_present(measures):
    for key in ("wemwbs", "swemwbs", "ons4", "rosenberg", "stirling", "reqol", "ascot", "ascot-carer", "asq3"):
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
    used = {m for outcome in areas["general"]["outcomes"] for m in outcome["measures"]}
    assert {"swemwbs", "ons4", "stirling"} <= used


def test_homecare_outcomes_are_person_defined(areas):
    for outcome in areas["homecare"]["outcomes"]:
        assert "person-defined" in outcome.get("tags", []), f"{outcome['id']} is not person-defined"


def test_every_area_but_general_and_homecare_has_a_core_outcome(areas):
    for key, area in areas.items():
        if key in {"general", "homecare", "youth", "public-health", "mental-health"}:
            continue
        assert any("core" in o.get("tags", []) for o in area["outcomes"]), f"{key} has no core outcome"


def test_drug_treatment_always_offers_a_substance_use_outcome():
    from knowledge.outcome_library import library

    area = library()["substance-misuse"]
    for start in range(12):
        keys = {c.measure.key for c in area.choose(2, start)}
        # (where the nation is not known, completion free of dependence from the service's own records stands in for
        # England's NDTMS, which is named beside it in a rewrite)
        assert keys & {"ndtms-completion", "treatment-outcomes-profile", "treatment-exit-records"}, keys
    for start in range(12):
        keys = {c.measure.key for c in area.choose(2, start, nation="England")}
        assert keys & {"ndtms-completion", "treatment-outcomes-profile"}, keys


def test_early_years_never_measures_school_attendance():
    from knowledge.outcome_library import AgeRange, library

    for area in library().values():
        for start in range(8):
            for choice in area.choose(2, start, AgeRange(0, 4)):
                assert choice.measure.key != "school-attendance-records"
                assert choice.measure.fits(AgeRange(0, 4))


def test_no_outcome_is_offered_with_a_measure_outside_the_ages():
    from knowledge.outcome_library import AgeRange, library

    for ages in (AgeRange(0, 4), AgeRange(9, 10), AgeRange(11, 18), AgeRange(16, 25), AgeRange(65, None), None):
        for area in library().values():
            for start in range(6):
                for choice in area.choose(2, start, ages):
                    assert choice.measure.fits(ages), (area.key, ages, choice.measure.key)


def test_ascot_is_not_named_by_the_framework_it_feeds(measures):
    """ASCOF is the whole Adult Social Care Outcomes Framework: a document naming it has not named ASCOT."""
    import re

    aliases = re.compile(measures["ascot"]["aliases"])
    assert aliases.search("Quality of life will be measured with ASCOT at each review")
    assert not aliases.search("The council reports against ASCOF every year")


def test_the_carers_survey_names_its_current_owner(measures):
    assert "Department of Health and Social Care" in measures["carers-survey"]["owner"]


def test_disability_services_have_their_own_area_with_measures_the_guidance_supports(areas):
    used = {m for outcome in areas["disability"]["outcomes"] for m in outcome["measures"]}
    assert used <= {"ascot", "support-plan-review", "sustained-employment-records"}
    # The passages that justify them: an easy read ASCOT for people with learning disabilities or autism,
    # and the job outcome of employment support mainly for disabled people.
    assert "learning disabilities" in (GUIDANCE_DIR / "ascot-versions.md").read_text(encoding="utf-8")
    assert "disabled people" in (GUIDANCE_DIR / "employment-support-job-outcomes.md").read_text(encoding="utf-8")


def test_disabled_children_are_never_offered_adult_scales_or_work_records():
    from knowledge.outcome_library import AgeRange, library

    area = library()["disability"]
    for start in range(6):
        for choice in area.choose(2, start, AgeRange(5, 12)):
            assert choice.measure.key not in {"ascot", "sustained-employment-records"}, choice.measure.key


@pytest.mark.parametrize("text", [
    "Councils are expected to offer at least four weeks of holiday provision to children eligible for free school meals.",
    "Over the summer holidays, each child should be offered at least 16 days of face-to-face provision.",
])
def test_holiday_provision_is_measured_by_what_children_get_from_the_holidays_not_a_generic_question(text):
    """A holiday activities and food programme gets its own aims (eating well and being active over the holidays), not
    "people say the changes that matter most to them have happened", which fits any service and so none."""
    from scoring import review

    [rewrite] = [f.rewrite for f in review(text).findings if f.category == "output-only"]
    assert "eat more healthily and are more active over the school holidays" in rewrite, rewrite
    assert "changes that matter most" not in rewrite, rewrite
