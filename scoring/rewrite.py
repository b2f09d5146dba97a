"""Outcome-focused rewrites of the commissioner's own clause.

Slots come from the clause (who benefits, their words and numbers) and from the document
(its service area); outcomes and measures come from the outcome library. The wording lives
in jinja2 templates under prompts/templates/rewrites/.
"""

from __future__ import annotations

import bisect
import re
import zlib
from functools import lru_cache

from knowledge.outcome_library import Area, detect_area
from prompts.render import render

from .kinds import Document, run
from .patterns import named
from .rules import load_rules
from .segment import Clause, segment
from .weights import Weight, scheme

_GENERIC_PEOPLE = {"people", "persons", "individuals", "users", "person", "individual", "user", "population", "year olds", "year-olds"}
_SINGULAR_TO_PLURAL = {"young person": "young people", "person": "people", "child": "children", "family": "families"}


@lru_cache(maxsize=4096)
def _clause_area(clause: str) -> Area:
    """Many findings share a clause (a table row, a long list): work its area out once."""
    return detect_area(clause)


@lru_cache(maxsize=4096)
def _beneficiaries(clause: str, area: Area) -> str:
    for m in named("people").finditer(clause):
        word = m.group(0).lower()
        if word in _GENERIC_PEOPLE:
            break  # "13-19 year olds", "individuals": the service area says it better
        if not word.endswith(("s", "people", "children", "men")):
            word = _SINGULAR_TO_PLURAL.get(word, word + "s")
        return word
    return area.beneficiaries


def _outcome_slots(area: Area, count: int, seed: str) -> list[dict[str, str]]:
    start = zlib.crc32(seed.encode("utf-8"))  # stable across runs, unlike hash()
    return [{"change": o.change, "measure": o.measure.short, "when": o.measure.when} for o in area.pick(count, start)]


class _EndsView:
    """The end offsets of weight sets, as a sequence bisect can search without copying."""

    def __init__(self, weight_sets: list[list[Weight]]):
        self._sets = weight_sets

    def __len__(self) -> int:
        return len(self._sets)

    def __getitem__(self, i: int) -> int:
        return self._sets[i][-1].end


def _award_slots(text: str, weight_sets: list[list[Weight]], near: int) -> dict:
    """Propose a quality-first scheme that keeps any social value weight of 10% or more."""
    current: dict[str, Weight] = {}
    # The first set that ends at or after `near - 400`, found by bisection (sets come in order).
    i = bisect.bisect_left(_EndsView(weight_sets), near - 400)
    if i < len(weight_sets) and weight_sets[i][0].start - 400 <= near:
        current = scheme(weight_sets[i])
    social = current["social"].value if "social" in current and current["social"].value >= 10 else 10
    price = min(current["price"].value, 30) if "price" in current else 30
    quality = 100 - price - social
    term_match = re.search(r"\b(price|cost)\b", text[max(0, near - 40):near + 60], re.I)
    price_term = term_match.group(1).capitalize() if term_match else "Price"
    as_int = lambda v: int(v) if float(v).is_integer() else v  # noqa: E731 - tiny formatter
    return {"quality": as_int(quality), "social": as_int(social), "price": as_int(price), "price_term": price_term}


def _their_words(clause: Clause, start: int, end: int) -> str:
    """The flagged words through to the end of the clause, so their numbers and periods survive."""
    match = clause.text[start - clause.start:end - clause.start]
    tail = clause.text[start - clause.start:]
    # Stop where the clause moves on to something else ("..., and the contract will be awarded ...").
    cut = re.search(r"[;,(]|\s(?:and|but|with|while|whilst|plus)\s", tail[len(match):])
    first_line = (tail[: len(match) + cut.start()] if cut else tail).split("\n")[0]
    return first_line if len(first_line) <= 140 and len(first_line) >= len(match.split("\n")[0]) else match


@lru_cache(maxsize=4096)
def _carries_cost_first(words: str) -> bool:
    """Whether quoting these words would carry a cost-first problem into the rewrite.

    Output-only words are safe to quote: every template puts them in a sentence that names
    them a secondary measure (tests/scoring/test_rewrites.py checks the whole corpus).
    """
    doc = Document(words, segment(words))
    return any(next(iter(run(r, doc)), None) for r in load_rules() if r.category == "cost-first")


def document_area(document: str) -> Area:
    """The service area of a whole document, worked out once per review."""
    return detect_area(document)


def rewrite(template: str, clause: Clause, start: int, end: int, document: str,
            weight_sets: list[list[Weight]], doc_area: Area, *, quote: bool = True) -> str:
    """Render the named rewrite for one finding; `quote=False` leaves out the clause's own words."""
    area = _clause_area(clause.text)
    if area.key == "general":
        area = doc_area
    cells = [c.strip() for c in re.split(r"[|\t]", _their_words(clause, start, end)) if c.strip()]
    quoted = " ".join(", ".join(cells).split()).strip(" .,;:'\"")
    if quote and _carries_cost_first(quoted):
        quote = False  # their words hold a second problem (say, per-minute pay): leave them out
    context = {"beneficiaries": _beneficiaries(clause.text, area), "quoted": quoted if quote else None}
    if template in ("output-to-outcome", "payment-to-outcome", "homecare-outcomes"):
        if template == "homecare-outcomes" and area.key not in ("homecare", "adult-social-care"):
            area = detect_area("homecare")
            context["beneficiaries"] = area.beneficiaries
        context["outcomes"] = _outcome_slots(area, 2, quoted)
    elif template == "award-quality-first":
        context.update(_award_slots(document, weight_sets, clause.start))
    return " ".join(render(f"rewrites/{template}.j2", **context).split())
