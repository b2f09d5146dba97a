"""A finding explains itself in the law of the place the draft is from.

The Procurement Act 2023 does not bind devolved Scottish authorities, the Social Value Act 2012's duty is
England's, and the Care Act's statutory guidance on short visits is England's too. A draft plainly from
Scotland, Wales or Northern Ireland is told its own nation's basis, with its own guidance; a draft plainly
from outside the UK is told the principle, never a UK statute as if it bound the reader; a draft that does
not say where it is from keeps the rule's usual text. All examples are our own.
"""

import pytest

from scoring import review

_AWARD = ("The contract will be awarded to the lowest priced tender. The evaluation weighting is price 80%, "
          "quality 15% and social value 5%.")
_VISITS = "The provider will deliver 15-minute calls for morning personal care."
_UK_LAW = ("Procurement Act", "Social Value Act", "Care Act", "Central government policy")


def _explained(text: str) -> dict[str, tuple[str, list[str]]]:
    return {f.rule: (f.why, [g["id"] for g in f.guidance]) for f in review(text, rewrites=False).findings}


def test_a_scottish_award_is_told_scotlands_rules_not_the_procurement_act():
    found = _explained(f"Issued by Highland Council under the Procurement Reform (Scotland) Act 2014. {_AWARD}")
    why, guidance = found["cost-first/lowest-price"]
    assert "Procurement Journey" in why and "Procurement Act" not in why
    assert "procurement-journey-ratios" in guidance and "procurement-act-most-advantageous-tender" not in guidance
    why, guidance = found["cost-first/social-value-under"]
    assert "sustainable procurement duty" in why and "Central government" not in why
    assert guidance[0] == "scotland-sustainable-procurement-community-benefits"
    # a rule with no Scottish text of its own still drops guidance for the other nations' law
    assert "procurement-act-most-advantageous-tender" not in found["cost-first/price-majority"][1]


@pytest.mark.parametrize("opening, cited", [
    ("Issued by a county council in Wales (Cymru), with Welsh language services.", "Social Partnership and Public Procurement (Wales) Act"),
    ("Issued by a Health and Social Care Trust in Northern Ireland.", "PPN 01/21"),
])
def test_a_welsh_or_northern_irish_award_is_told_its_own_social_value_basis(opening, cited):
    why, guidance = _explained(f"{opening} {_AWARD}")["cost-first/social-value-under"]
    assert cited in why and "Central government" not in why
    assert "social-value-act-2012" not in guidance


def test_a_draft_from_outside_the_uk_is_never_told_a_uk_statute_binds_it():
    found = _explained(f"Franklin County, Ohio. Reimbursement is $24 per hour. {_AWARD} {_VISITS}")
    assert {"cost-first/lowest-price", "cost-first/social-value-under", "cost-first/fifteen-minute-visits"} <= set(found)
    for rule, (why, guidance) in found.items():
        # Care Act guidance may be named as England's, as evidence, never as the reader's own law
        assert not any(law in why.replace("In England, statutory guidance under the Care Act", "") for law in _UK_LAW), rule
        assert not {"procurement-act-most-advantageous-tender", "social-value-act-2012", "social-value-weighting"} & set(guidance), rule
    assert "In England" in found["cost-first/fifteen-minute-visits"][0]


def test_a_draft_that_does_not_say_where_it_is_from_keeps_the_usual_explanation():
    found = _explained(_AWARD)
    why, guidance = found["cost-first/lowest-price"]
    assert "Procurement Act 2023" in why and "procurement-act-most-advantageous-tender" in guidance
    assert "Central government policy" in found["cost-first/social-value-under"][0]


def test_a_price_weighting_elsewhere_is_not_answered_with_the_uk_social_value_scheme():
    """A South African tender's price points are not told that a weighting "with social value" is the answer (the UK's
    Social Value Act), nor pointed at the Procurement Act: it is told to score what each bid would do for people within
    the rules that bind the buyer."""
    found = _explained("Bids will be evaluated on the 80/20 preference point system of the PPPFA.")
    why, guidance = found["cost-first/price-majority"]
    assert "social value" not in why.lower() and "rules that bind the buyer" in why, why
    assert "procurement-act-most-advantageous-tender" not in guidance, guidance
