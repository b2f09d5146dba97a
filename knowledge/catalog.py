"""Read guidance passages' front matter. Light: no embeddings, no chromadb."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

GUIDANCE_DIR = Path(__file__).with_name("guidance")
REQUIRED_KEYS = ("id", "title", "topic", "phase", "source", "url")
TOPICS = (
    "nef-approach", "outcomes", "measurement", "co-production", "wellbeing", "prevention", "social-value",
    "procurement-law", "award-criteria", "homecare", "fair-work", "payment", "case-studies", "pitfalls",
)
PHASES = ("insight", "planning", "delivery", "general")


@dataclass(frozen=True)
class Passage:
    id: str
    title: str
    topic: str
    phase: str
    source: str
    url: str
    text: str
    path: Path

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
    meta = yaml.load(raw[3:end], Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    body = raw[end + 4:].lstrip("-").lstrip("\n")
    return (meta if isinstance(meta, dict) else {}), body


def read_passage(path: Path) -> Passage:
    meta, body = split_front_matter(path.read_text(encoding="utf-8"))
    missing = [k for k in REQUIRED_KEYS if not meta.get(k)]
    if missing:
        raise ValueError(f"{path}: front matter lacks {', '.join(missing)}")
    return Passage(*(str(meta[k]) for k in REQUIRED_KEYS), text=body.strip(), path=path)


@lru_cache(maxsize=256)
def passage(passage_id: str) -> Passage | None:
    """One built-in passage by id (its file name), or None if there is no such passage."""
    path = GUIDANCE_DIR / f"{passage_id}.md"
    return read_passage(path) if path.is_file() else None


def all_passages() -> list[Passage]:
    return [read_passage(p) for p in sorted(GUIDANCE_DIR.glob("*.md"))]
