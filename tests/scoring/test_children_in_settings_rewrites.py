"""Children counted in a setting get the outcome of that setting. In a creche, a partial care facility or an early
childhood development centre "children" are under-fives, so the rewrite measures their development with a tool made
for that age, not with a survey asking them what changed. Children in a child and youth care centre are already in
care, so their outcome is a stable placement, not staying out of statutory care. All examples are our own."""

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
