"""The learned check's switch: the probability at or above which it adds a finding, per category.

Kept apart from scoring/learned.py so that a review with both categories off (as they were until the fiftieth batch put
cost-first back on, at 0.90; since the fifty-fourth, 0.80; since the fifty-seventh, 0.75; with the seventy-first,
0.80 again; with the seventy-second, 0.75 again; with the seventy-third, 0.80; from the seventy-fifth, 0.85; with
the seventy-sixth, 0.90; from the seventy-seventh, 0.85, when output-only came on at 0.95; from the eighty-ninth, 0.80; from the ninety-first, 0.85)
need not import
the model's code at all; learned.py reads the same dictionary, so a threshold set here (or in a test, through
`learned.ADD_THRESHOLDS`) is the one it uses. Where the values come from: learned.py's docstring.
"""

from __future__ import annotations

ADD_THRESHOLD = 0.75  # the one threshold both categories had before they were chosen apart
# None turns that category's learned findings off. The product reads these, not the model file's record of
# them, so they can be changed without retraining (benchmarks/train_classifier.py --grid measures each).
ADD_THRESHOLDS: dict[str, float | None] = {"output-only": 0.95, "cost-first": 0.85}
CATEGORIES = ("output-only", "cost-first")


def any_on() -> bool:
    """Whether any category's learned findings are on."""
    return any(ADD_THRESHOLDS.get(category, ADD_THRESHOLD) is not None for category in CATEGORIES)
