"""A physical activity programme (exercise referral, health walks) is measured by how active the people taking part
become: adults with a short validated question on active days in the past week, every group with the goals each person
set. Not by life satisfaction or hospital admissions, the broad public health area's outcomes, and never with an adult
question for children. All examples are our own."""

from __future__ import annotations

import pytest

from scoring.service_area import detect_area
from output_rewrites import output_rewrites


@pytest.mark.parametrize("clause", [
    "The exercise referral scheme will deliver 600 supervised gym sessions a year to inactive adults.",
    "The provider must enrol 350 adults with long-term conditions onto the exercise on referral programme each year.",
    "Health walks: deliver a minimum of 45 led walking sessions per quarter in local parks.",
])
def test_an_activity_programme_count_asks_how_much_more_active_people_become(clause):
    rewrites = output_rewrites(clause)
    assert rewrites, clause
    assert "more physically active than when they started" in rewrites[0]
    assert "single-item physical activity measure" in rewrites[0]
    assert "life satisfaction" not in rewrites[0] and "emergency hospital" not in rewrites[0]


def test_a_childrens_activity_programme_never_gets_the_adult_question():
    rewrites = output_rewrites("The physical activity programme will run 30 after-school sessions a term for children aged 7 to 11.")
    assert rewrites
    assert "more physically active" in rewrites[0]
    assert "single-item" not in rewrites[0]


def test_activity_words_pick_the_activity_area_and_other_public_health_keeps_its_own():
    assert detect_area("GP exercise referral scheme for inactive adults").key == "physical-activity"
    assert detect_area("Sexual health clinics and health checks for local residents").key == "public-health"
    assert detect_area("Stop smoking support for pregnant smokers").key == "stop-smoking"
