"""A rewrite measures first what the setting is for. In a creche, a partial care facility or an early childhood
development centre "children" are under-fives, so their development is measured with a tool made for that age, not
with a survey asking them what changed. Children in a child and youth care centre are already in care, so their outcome
is a stable placement, not staying out of statutory care. A programme named for work ("Summer Youth Employment
Program") is measured by work, education or training first. All examples are our own."""

from __future__ import annotations

import pytest

from scoring import review


def _output_rewrites(text: str) -> list[str]:
    return [f.rewrite for f in review(text).findings if f.rewrite and f.category == "output-only"]


@pytest.mark.parametrize("clause", [
    "450 children will attend newly registered partial care facilities by March.",
    "The department will fund 30 community creches to serve 900 children.",
    "1,200 children will attend registered ECD centres in the district.",
])
def test_children_in_an_early_years_setting_get_a_development_measure_not_a_survey_of_them(clause):
    rewrites = _output_rewrites(clause)
    assert rewrites, clause
    text = rewrites[0]
    # a development measure made for under-fives (ASQ-3, or the early years foundation stage's good level of development)
    assert "ASQ-3" in text or "good level of development" in text
    assert "say the changes that matter most" not in text
    assert "SWEMWBS" not in text


def test_children_the_word_keeps_its_wider_ages_outside_early_years():
    rewrites = _output_rewrites("The youth service will run 40 group sessions for children in the borough.")
    assert rewrites
    assert "ASQ-3" not in rewrites[0] and "good level of development" not in rewrites[0]


@pytest.mark.parametrize("clause", [
    "800 children in need of care and protection will access services in funded CYCCs.",
    "The province will place 300 children in child and youth care centres this year.",
])
def test_children_in_residential_care_get_a_stable_placement_not_staying_out_of_care(clause):
    rewrites = _output_rewrites(clause)
    assert rewrites, clause
    text = rewrites[0]
    assert "stable placement" in text
    assert "without needing statutory social care" not in text


def test_a_programme_named_for_work_measures_work_first():
    text = ("Agreement with the school district for the city's Summer Youth Employment Program, citywide.\n\n"
            "The program's goal for service in 2027 is 400 youth.")
    rewrites = _output_rewrites(text)
    assert rewrites
    assert rewrites[0].startswith("Young people who use the service move into, or stay in, education, training or work")


def test_without_a_programme_name_the_youth_service_keeps_its_usual_outcomes():
    rewrites = _output_rewrites("The program's goal for service in 2027 is 400 youth.")
    assert rewrites
    assert not rewrites[0].startswith("Young people who use the service move into, or stay in, education, training or work")
