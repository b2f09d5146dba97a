"""Award weightings are read in every common form commissioners write them."""

import pytest

from scoring.normalize import normalize
from scoring.weights import find_weights, scheme, weighting_sets


def _scheme(text):
    sets = weighting_sets(find_weights(normalize(text)))
    assert len(sets) == 1, sets
    return {k: w.value for k, w in scheme(sets[0]).items()}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Price 60%, Quality 40%", {"price": 60, "quality": 40}),
        ("60:40 price:quality", {"price": 60, "quality": 40}),
        ("cost/quality weighting of 70.30", {"price": 70, "quality": 30}),
        ("Quality: 25% | Price: 75%", {"quality": 25, "price": 75}),
        ("Criterion\tWeighting\nPrice\t70%\nQuality\t30%", {"price": 70, "quality": 30}),
        ("Price\n60%\nQuality\n40%", {"price": 60, "quality": 40}),
        ("60% price and 40% quality", {"price": 60, "quality": 40}),
        ("a 60:40 split in favour of quality", {"quality": 60, "price": 40}),
        ("Price\tQuality\tSocial value\n30%\t60%\t10%", {"price": 30, "quality": 60, "social": 10}),
        ("| Criterion | Weight |\n|---|---|\n| Price | 60 |\n| Quality | 40 |", {"price": 60, "quality": 40}),
        ("Price/Quality/Social Value: 40/50/10", {"price": 40, "quality": 50, "social": 10}),
        ("Price (hourly rate)\t70%\nQuality\t30%", {"price": 70, "quality": 30}),
        ("Price: 60 marks\nQuality: 35 marks\nSocial value: 5 marks", {"price": 60, "quality": 35, "social": 5}),
        ('"Price" will be scored out of 70 and "Quality" out of 30.', {"price": 70, "quality": 30}),
    ],
)
def test_weighting_forms(text, expected):
    assert _scheme(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "price is quite often less than 50% of any evaluation",
        "We received 75 tenders in 2024.",
        "The contract runs 2025-2028.",
        "Price must not exceed 40% of the marks.",
    ],
)
def test_numbers_that_are_not_weights(text):
    assert [w for w in find_weights(normalize(text)) if w.criterion == "price"] == []
