"""Rehabilitation for adults with sight or hearing loss is measured by the goals each person sets with their worker (the
everyday tasks and journeys they set out to relearn) and by social care-related quality of life (ASCOT, for adults). An
hour of orientation and mobility training or rehabilitation teaching is not home care, so its rate is not linked to
staying in one's own home. All examples are our own."""

from __future__ import annotations

import pytest

from scoring import review
from scoring.service_area import detect_area
from output_rewrites import output_rewrites


@pytest.mark.parametrize("clause", [
    "Deliver 2,400 hours of rehabilitation teaching a year to adults with sight loss.",
    "Percentage of adults registered as severely sight impaired who received orientation and mobility training this year.",
])
def test_a_sight_loss_count_is_measured_by_the_persons_rehabilitation_goals(clause):
    rewrites = output_rewrites(clause)
    assert rewrites, clause
    assert "set out to relearn in their rehabilitation goals" in rewrites[0]
    assert "changes that matter most" not in rewrites[0]


def test_an_hourly_rate_for_orientation_and_mobility_is_not_linked_to_staying_at_home():
    found = [f for f in review("Fee schedule for vendors\nOrientation and mobility instruction: $61.00 per hour").findings
             if f.category == "cost-first"]
    assert found and found[0].rewrite
    assert "people with sight or hearing loss" in found[0].rewrite
    assert "own home" not in found[0].rewrite


def test_sight_loss_words_pick_the_sensory_area_and_childrens_services_keep_their_own():
    assert detect_area("Rehabilitation officers for visual impairment will see 300 new clients.").key == "sensory-loss"
    assert detect_area("Home care visits for older people, 15,000 hours a year").key != "sensory-loss"
    # a service for deaf children is not an adult rehabilitation service: no adult quality-of-life scale for them
    rewrites = output_rewrites("Initial contact for preschool deaf children made within 2 working days of allocation.")
    assert rewrites and "ASCOT" not in rewrites[0]


@pytest.mark.parametrize("clause", [
    "First home visit for school-age children with a hearing impairment within 10 working days of referral.",
    "The team of qualified teachers of the deaf will support 150 deaf pupils in mainstream schools each year.",
])
def test_a_childrens_sensory_support_count_asks_for_progress_at_school_and_the_childs_goals(clause):
    """A sensory support service for school-age children is asked for their progress at school and the goals agreed with
    each child and family, never an adult rehabilitation goal or the generic follow-up."""
    rewrites = output_rewrites(clause)
    assert rewrites, clause
    assert "progress at school" in rewrites[0] or "goals agreed with them and their family" in rewrites[0]
    assert "changes that matter most" not in rewrites[0]
    assert "relearn" not in rewrites[0] and "ASCOT" not in rewrites[0]


def test_preschool_deaf_children_are_asked_for_early_development_not_school_progress():
    rewrites = output_rewrites("Initial contact for preschool deaf children within 3 working days of allocation.")
    assert rewrites
    assert "ASQ-3" in rewrites[0]
    assert "progress at school" not in rewrites[0]


def test_childrens_sensory_words_pick_the_childrens_area_and_adults_keep_theirs():
    assert detect_area("Visits by the qualified teacher of vision impairment to visually impaired pupils").key == "children-sensory"
    assert detect_area("Orientation and mobility training for adults with sight loss").key == "sensory-loss"
