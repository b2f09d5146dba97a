"""Palliative and end of life care is measured by what it is for: the person's symptoms and worries eased (IPOS, for
adults) and care in the place they chose. Beds or visits are kept as a secondary measure. A list item keeps its form
(its glyph, even glued to the item as stored copies of web pages have it, and its category label), and a count keeps
the level it is to reach. All examples are our own."""

from __future__ import annotations

import pytest

from knowledge.outcome_library import measures
from scoring.service_area import detect_area
from output_rewrites import output_rewrites


@pytest.mark.parametrize("clause", [
    "The specialist palliative care team will make 3,000 home visits a year to adults in the last year of life.",
    "The hospice will open 14 additional inpatient beds by April 2027.",
    "Provide 2,000 hours of end-of-life care at home for people who are terminally ill.",
])
def test_a_palliative_care_count_is_measured_by_symptoms_eased_with_ipos(clause):
    rewrites = output_rewrites(clause)
    assert rewrites, clause
    text = rewrites[0]
    assert "IPOS palliative care outcome questionnaire" in text
    assert "pain, other symptoms and worries eased" in text
    # not a general health questionnaire or a social care scale
    assert "EQ-5D" not in text and "ASCOT" not in text


def test_palliative_words_pick_the_palliative_area_before_health_services():
    assert detect_area("Additional palliative care beds at the district hospital").key == "palliative-care"
    assert detect_area("Ten more hospital beds on the surgical wards").key == "health-services"


def test_ipos_is_for_adults_and_carries_its_owner_and_sources():
    ipos = measures()["ipos"]
    assert ipos.min_age == 18
    assert "Cicely Saunders Institute" in ipos.owner
    assert ipos.url.startswith("https://")


def test_a_childrens_palliative_service_is_never_offered_the_adult_questionnaire():
    rewrites = output_rewrites(
        "The children's palliative care team will make 500 home visits a year to children aged 5 to 17.")
    assert rewrites
    assert all("IPOS" not in r for r in rewrites)
    assert "children aged 5 to 17" in rewrites[0]


@pytest.mark.parametrize("glyph", ["·", "•"])
def test_a_bullet_glued_to_its_item_comes_back_as_a_bullet_with_its_category_and_whole_list(glyph):
    clause = f"{glyph}Hospice care - Additional hospice beds (12 beds in Ashford, Dover and Thanet)."
    rewrites = output_rewrites(clause)
    assert rewrites
    text = rewrites[0]
    assert text.startswith(f"{glyph} Hospice care - ")
    # the item's own words are kept whole, every place named, as a secondary measure
    assert "(12 beds in Ashford, Dover and Thanet) kept as a secondary measure" in text
    assert "\n" not in text


def test_a_count_set_to_rise_to_a_level_is_quoted_with_that_level():
    rewrites = output_rewrites("By the end of 2027, the number of community beds added since 2024 will increase to 240.")
    assert rewrites
    assert "will increase to 240" in rewrites[0]
