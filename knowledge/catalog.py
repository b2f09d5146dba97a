"""Read guidance passages' front matter. Light: no embeddings, no chromadb."""

from __future__ import annotations

import os
import re
from .records import dataclass
from functools import lru_cache

from knowledge import diskcache

# A string (a pathlib.Path set here is taken too): a review reads passages for its citations and never imports pathlib.
GUIDANCE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "guidance")
REQUIRED_KEYS = ("id", "title", "topic", "phase", "source", "url")
TOPICS = (
    "nef-approach", "outcomes", "measurement", "co-production", "wellbeing", "prevention", "social-value",
    "procurement-law", "award-criteria", "homecare", "fair-work", "payment", "case-studies", "pitfalls",
)
PHASES = ("insight", "planning", "delivery", "general")
NATIONS = ("England", "Wales", "Scotland", "Northern Ireland")
UK = "UK"  # all four nations: general advice, or law that applies UK-wide
_DATE = re.compile(r"(19|20)\d\d(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")


@dataclass(frozen=True)
class Passage:
    id: str
    title: str
    topic: str
    phase: str
    source: str
    url: str
    text: str
    path: str  # the passage's file
    # Where the guidance applies (NATIONS, or just UK) and the date of the cited source: a 2012
    # English statute and 2021 Scottish guidance are different answers for a commissioner in Cardiff.
    jurisdictions: tuple[str, ...] = (UK,)
    source_date: str = ""
    superseded_by: str | None = None  # the id of the passage whose guidance replaced this one

    def citation(self) -> dict[str, str]:
        return {"id": self.id, "title": self.title, "source": self.source, "url": self.url}


def split_front_matter(raw: str) -> tuple[dict, str]:
    """Return (front matter, body) of a Markdown file; empty front matter if it has none."""
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    if not raw.startswith("---"):
        return {}, raw
    end = raw.find("\n---", 3)
    if end == -1:
        return {}, raw
    meta = diskcache.yaml_data(raw[3:end].encode("utf-8")) or {}  # parsed once, then from the disk cache
    body = raw[end + 4:].lstrip("-").lstrip("\n")
    return (meta if isinstance(meta, dict) else {}), body


def read_passage(path: str | os.PathLike) -> Passage:
    path = os.fspath(path)
    with open(path, encoding="utf-8") as fh:
        meta, body = split_front_matter(fh.read())
    missing = [k for k in REQUIRED_KEYS + ("jurisdictions", "source_date") if not meta.get(k)]
    if missing:
        raise ValueError(f"{path}: front matter lacks {', '.join(missing)}")
    return Passage(*(str(meta[k]) for k in REQUIRED_KEYS), text=body.strip(), path=path,
                   jurisdictions=_jurisdictions(path, meta["jurisdictions"]),
                   source_date=_source_date(path, meta["source_date"]),
                   superseded_by=_superseded_by(path, meta.get("superseded_by")))


def _jurisdictions(path: str, value: object) -> tuple[str, ...]:
    names = value if isinstance(value, list) else [value]
    allowed = (UK, *NATIONS)
    unknown = [str(n) for n in names if n not in allowed]
    if unknown:
        raise ValueError(f"{path}: jurisdictions has {', '.join(map(repr, unknown))}; "
                         f"use a list of {', '.join(NATIONS)}, or [UK] for all four")
    if UK in names and len(names) > 1:
        raise ValueError(f"{path}: jurisdictions [UK] already means all four nations; list nations or UK, not both")
    if len(set(names)) == len(NATIONS):
        raise ValueError(f"{path}: jurisdictions lists all four nations; write [UK]")
    # Canonical order, so that two passages for the same nations compare equal.
    return tuple(n for n in allowed if n in names)


def _source_date(path: str, value: object) -> str:
    # YAML reads an unquoted 2014-06-16 as a date and 2014 as a number; both are fine.
    text = str(value)
    if not _DATE.fullmatch(text):
        raise ValueError(f"{path}: source_date {text!r} is not a date; write \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"")
    return text


def _superseded_by(path: str, value: object) -> str | None:
    if value in (None, ""):
        return None
    target = str(value)
    if target == os.path.splitext(os.path.basename(path))[0]:
        raise ValueError(f"{path}: superseded_by names the passage itself")
    if not os.path.isfile(os.path.join(os.path.dirname(path), f"{target}.md")):
        raise ValueError(f"{path}: superseded_by names {target!r}, which is not a passage in {os.path.dirname(path)}")
    return target


@lru_cache(maxsize=256)
def passage(passage_id: str) -> Passage | None:
    """One built-in passage by id (its file name), or None if there is no such passage."""
    path = os.path.join(GUIDANCE_DIR, f"{passage_id}.md")
    return read_passage(path) if os.path.isfile(path) else None


def all_passages() -> list[Passage]:
    folder = os.fspath(GUIDANCE_DIR)
    return [read_passage(os.path.join(folder, name)) for name in sorted(os.listdir(folder))
            if name.endswith(".md") and os.path.isfile(os.path.join(folder, name))]
