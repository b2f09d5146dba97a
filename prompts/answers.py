"""Render an answer from the knowledge base for a terminal."""

from __future__ import annotations

import re

from .render import render

_EMPHASIS_RE = re.compile(r"\*\*(.+?)\*\*|\*(\S.*?)\*")


def render_answer(result, note: str | None = None) -> str:
    """`result` is what knowledge.answer.answer returns; Markdown emphasis is dropped for the terminal."""
    plain = _EMPHASIS_RE.sub(lambda m: m.group(1) or m.group(2), result.answer)
    return render("answer.txt.j2", answer=plain, passages=list(result.passages), note=note)
