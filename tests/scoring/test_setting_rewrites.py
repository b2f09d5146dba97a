"""A rewrite measures first what the setting is for. In a creche, a partial care facility or an early childhood
development centre "children" are under-fives, so their development is measured with a tool made for that age, not
with a survey asking them what changed. Children in a child and youth care centre are already in care, so their outcome
is a stable placement, not staying out of statutory care. A programme named for work ("Summer Youth Employment
Program") is measured by work, education or training first. All examples are our own."""

from __future__ import annotations

import pytest

from output_rewrites import output_rewrites


@pytest.mark.parametrize("clause", [
    "450 children will attend newly registered partial care facilities by March.",
    "The department will fund 30 community creches to serve 900 children.",
    "1,200 children will attend registered ECD centres in the district.",
])
def test_children_in_an_early_years_setting_get_a_development_measure_not_a_survey_of_them(clause):
    rewrites = output_rewrites(clause)
    assert rewrites, clause
    text = rewrites[0]
    # a development measure made for under-fives (ASQ-3, or the early years foundation stage's good level of development)
    assert "ASQ-3" in text or "good level of development" in text
    assert "say the changes that matter most" not in text
    assert "SWEMWBS" not in text


def test_children_the_word_keeps_its_wider_ages_outside_early_years():
    rewrites = output_rewrites("The youth service will run 40 group sessions for children in the borough.")
    assert rewrites
    assert "ASQ-3" not in rewrites[0] and "good level of development" not in rewrites[0]


@pytest.mark.parametrize("clause", [
    "800 children in need of care and protection will access services in funded CYCCs.",
    "The province will place 300 children in child and youth care centres this year.",
])
def test_children_in_residential_care_get_a_stable_placement_not_staying_out_of_care(clause):
    rewrites = output_rewrites(clause)
    assert rewrites, clause
    text = rewrites[0]
    assert "stable placement" in text
    assert "without needing statutory social care" not in text


_WORK_FIRST = "Young people who use the service move into, or stay in, education, training or work"
_GOAL = "The program's goal for service in 2027 is 400 youth."


@pytest.mark.parametrize("text, work_first", [
    pytest.param("Agreement with the school district for the city's Summer Youth Employment Program, citywide.\n\n" + _GOAL,
                 True, id="programme-named-for-work"),
    pytest.param(_GOAL, False, id="no-programme-name"),  # the youth service's usual outcomes
])
def test_a_programme_named_for_work_measures_work_first(text, work_first):
    rewrites = output_rewrites(text)
    assert rewrites
    assert rewrites[0].startswith(_WORK_FIRST) is work_first


def test_a_residential_aged_care_home_is_a_care_home_whatever_else_its_document_mentions():
    """Australia's aged care homes, Ontario's long-term care homes and US nursing facilities are care homes: their residents'
    quality of life (ASCOT) is asked for, not a homelessness outcome picked up from a passing mention of homeless people."""
    from scoring import review
    text = ("Funding for residential aged care homes\n"
            "Homes with a specialised homeless base care tariff are not affected by this change.\n"
            "The supplement is paid only if the home meets its total care minutes target.\n")
    found = [f for f in review(text).findings if f.category == "output-only" and f.rewrite]
    assert found, review(text).findings
    assert "ASCOT" in found[0].rewrite
    assert "homeless" not in found[0].rewrite and "tenancy" not in found[0].rewrite


def test_a_list_item_that_names_a_target_is_kept_beside_the_outcome_not_called_not_a_target():
    from scoring import review
    text = ("Funding for residential aged care homes\n"
            "The supplement replaces the lost funding if homes meet their:\n"
            "- daily care minutes target\n"
            "- registered nurse minutes target.\n")
    found = [f for f in review(text).findings if f.category == "output-only" and f.rewrite]
    assert found, review(text).findings
    for f in found:
        assert "target" in f.rewrite and "not a target" not in f.rewrite, f.rewrite
