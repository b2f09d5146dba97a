"""The outcome library: service area -> typical outcomes -> the measures that evidence them.

Light to import (YAML only), so the checker can use it for rewrites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

LIBRARY_PATH = Path(__file__).with_name("outcomes.yaml")


@dataclass(frozen=True)
class Measure:
    key: str
    name: str
    short: str
    measures: str
    scale: str
    when: str
    source: str
    url: str
    guidance: str


@dataclass(frozen=True)
class Outcome:
    id: str
    change: str
    measure: Measure
    tags: tuple[str, ...]


@dataclass(frozen=True)
class Area:
    key: str
    label: str
    keywords: tuple[str, ...]
    beneficiaries: str
    outcomes: tuple[Outcome, ...]

    def pick(self, count: int = 2, start: int = 0) -> list[Outcome]:
        """An outcome, then ones with tags it lacks: a mix of hard and soft, wellbeing and prevention.

        `start` rotates the first choice, so a table of eight activity counts does not get eight
        identical suggestions.
        """
        first = start % len(self.outcomes)
        ordered = self.outcomes[first:] + self.outcomes[:first]
        chosen = [ordered[0]]
        for outcome in ordered[1:]:
            if len(chosen) == count:
                break
            seen = {t for o in chosen for t in o.tags}
            if set(outcome.tags) - seen and outcome.measure.key not in {o.measure.key for o in chosen}:
                chosen.append(outcome)
        return chosen


@lru_cache(maxsize=1)
def library() -> dict[str, Area]:
    raw = yaml.load(LIBRARY_PATH.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    measures = {
        key: Measure(key, m["name"], m.get("short", m["name"]), m["measures"], m["scale"], m.get("when", ""),
                     m["source"], m["url"], m["guidance"])
        for key, m in raw["measures"].items()
    }
    return {
        key: Area(
            key, a["label"], tuple(a["keywords"]), a["beneficiaries"],
            tuple(Outcome(o["id"], o["change"], measures[o["measure"]], tuple(o.get("tags", ()))) for o in a["outcomes"]),
        )
        for key, a in raw["areas"].items()
    }


@lru_cache(maxsize=1)
def _keyword_patterns() -> dict[str, re.Pattern]:
    return {
        key: re.compile(r"\b(?:" + "|".join(re.escape(k) for k in sorted(area.keywords, key=len, reverse=True)) + r")\b", re.I)
        for key, area in library().items()
        if key != "general"
    }


def detect_area(*texts: str) -> Area:
    """The service area the texts speak of most, trying each text in turn (a clause, then its document)."""
    areas = library()
    for text in texts:
        counts = {key: len(p.findall(text)) for key, p in _keyword_patterns().items()}
        best = max(counts, key=lambda k: counts[k], default=None)
        if best and counts[best]:
            return areas[best]
    return areas["general"]
