"""Where guidance applies, and which nation a question is about.

Procurement and care law differ across the UK: the Procurement Act 2023 does not bind
devolved Scottish authorities, the Care Act 2014 is English. A question that names a nation
should be answered first from guidance for that nation, and every answer says where it applies."""

from __future__ import annotations

import re
from collections.abc import Iterable

from knowledge.catalog import NATIONS, UK

# A question names a nation in these words. "Plain English" is about wording, not England.
_NAMED = {
    "England": re.compile(r"\b(england|english)\b(?<!plain english)", re.I),
    "Wales": re.compile(r"\b(wales|welsh|cymru)\b", re.I),
    "Scotland": re.compile(r"\b(scotland|scottish|scots)\b", re.I),
    # "NI" only in capitals: "ni" is too common a fragment in lower-case typing.
    "Northern Ireland": re.compile(r"\bnorthern ireland\b|\bnorthern irish\b|\bN\.?I\b", re.I),
}
_NI_CASE_SENSITIVE = re.compile(r"\bN\.?I\b")

# How much a named nation moves a passage, as factors on its fused rank score. Mild on purpose:
# the right topic for another nation still beats the wrong topic for the one asked about, but
# between two passages on the same point the one that applies where the asker works comes first.
BOOST_NAMED = 1.12  # guidance written for the named nation (or including it), not UK-wide advice
DEMOTE_OTHER = 0.85  # guidance that applies only in other nations


def asked_nation(question: str) -> str | None:
    """The one nation a question names, or None when it names none or several ("England and Wales")."""
    found = []
    for nation, pattern in _NAMED.items():
        match = pattern.search(question)
        if not match:
            continue
        if nation == "Northern Ireland" and not re.search(r"northern (ireland|irish)", question, re.I):
            if not _NI_CASE_SENSITIVE.search(question):
                continue
        found.append(nation)
    return found[0] if len(found) == 1 else None


def parse(value: object) -> tuple[str, ...]:
    """Jurisdictions as stored in chunk metadata ("England,Wales"); empty when unknown (your documents)."""
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    return tuple(part for part in str(value or "").split(",") if part)


def weight(jurisdictions: tuple[str, ...], nation: str | None) -> float:
    """The factor for a passage's fused score when the question names `nation`."""
    if nation is None or not jurisdictions:
        return 1.0  # no nation asked about, or a council's own document: where it applies is unknown
    if UK in jurisdictions:
        return 1.0
    if nation in jurisdictions:
        return BOOST_NAMED
    return DEMOTE_OTHER


def covers(jurisdictions: Iterable[str]) -> frozenset[str]:
    names = set(jurisdictions)
    return frozenset(NATIONS) if UK in names else frozenset(names & set(NATIONS))


def common(groups: Iterable[tuple[str, ...]]) -> list[str]:
    """Where every one of the groups applies: ["UK"] when that is all four nations, [] when they share none."""
    shared: frozenset[str] | None = None
    for group in groups:
        shared = covers(group) if shared is None else shared & covers(group)
    if not shared:
        return []
    return [UK] if len(shared) == len(NATIONS) else [n for n in NATIONS if n in shared]


def describe(jurisdictions: Iterable[str]) -> str:
    """ "England", "England, Wales and Northern Ireland", "all four UK nations"."""
    names = [n for n in (UK, *NATIONS) if n in set(jurisdictions)]
    if UK in names or len(names) == len(NATIONS):
        return "all four UK nations"
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


_MONTHS = ("January February March April May June July August September October November December").split()


def human_date(value: str) -> str:
    """ "2025-02-13" -> "13 February 2025", "2020-12" -> "December 2020", "2014" -> "2014"."""
    parts = value.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return value
