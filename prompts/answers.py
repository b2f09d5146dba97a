"""Render an answer from the knowledge base for a terminal."""

from __future__ import annotations

import re

from knowledge.jurisdiction import describe, human_date

from .inert import inert
from .render import render

_EMPHASIS_RE = re.compile(r"\*\*(.+?)\*\*|\*(\S.*?)\*")


def render_answer(result, note: str | None = None) -> str:
    """`result` is what knowledge.answer.answer returns; Markdown emphasis is dropped for the terminal.
    Passages from a council's own documents are untrusted text: everything shown is made inert."""
    plain = _EMPHASIS_RE.sub(lambda m: m.group(1) or m.group(2), result.answer)
    # Where it applies and what has been replaced are read with the answer, not hunted for below it.
    notes = list(getattr(result, "notes", None) or [])
    if notes:
        plain = plain.rstrip() + "\n\n" + "\n".join(notes)
    passages = [{"title": inert(hit.title, "text"), "source": inert(hit.source, "text"),
                 "passage_id": inert(hit.passage_id, "text"), "url": inert(hit.url, "text"), "score": hit.score,
                 "about": source_line(hit)}
                for hit in result.passages]
    return render("answer.txt.j2", answer=inert(plain, "text"), passages=passages, note=note,
                  generated=bool(getattr(result, "generated", False)))


def source_line(hit) -> str:
    """ "Applies in England · dated 13 February 2025 · superseded by ppn-002", or "" for your documents."""
    parts = []
    if getattr(hit, "jurisdictions", ()):
        parts.append("Applies in " + describe(hit.jurisdictions))
    if getattr(hit, "source_date", ""):
        parts.append("dated " + human_date(hit.source_date))
    if getattr(hit, "superseded_by", None):
        parts.append("superseded by " + hit.superseded_by)
    return " · ".join(parts)
