"""The output-only rewrites a review writes for a text, shared by the rewrite tests."""

from __future__ import annotations

from scoring import review


def output_rewrites(text: str) -> list[str]:
    return [f.rewrite for f in review(text).findings if f.rewrite and f.category == "output-only"]
