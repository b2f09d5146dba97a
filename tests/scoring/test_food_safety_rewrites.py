"""A food safety service's inspections, interventions and samples are its activity; what they are for is food businesses
that keep to hygiene law, read from the same inspection records. Not the generic follow-up question to each person, and not
the state of the streets. All examples are our own."""

from __future__ import annotations

import pytest

from scoring.service_area import detect_area
from output_rewrites import output_rewrites


@pytest.mark.parametrize("clause", [
    "The environmental health team will carry out 520 food hygiene inspections a year.",
    "Percentage of high-risk food premises inspected every six months: target 100%",
])
def test_a_food_inspection_count_asks_for_businesses_broadly_compliant(clause):
    rewrites = output_rewrites(clause)
    assert rewrites, clause
    assert "broadly compliant" in rewrites[0]
    assert "changes that matter most" not in rewrites[0] and "streets" not in rewrites[0]


def test_food_words_pick_the_food_safety_area_and_street_cleaning_keeps_its_own():
    assert detect_area("Food premises inspections by risk category").key == "food-safety"
    assert detect_area("Street cleansing and litter bins emptied weekly").key == "public-realm"
