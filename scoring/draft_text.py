"""What the reader noticed about a file (knowledge/draft_text.py), as findings at the top of a review."""

from __future__ import annotations

from scoring.report import Finding

NOTICE_RULE = "input/hidden-marker"


def notice_findings(text: str) -> list[Finding]:
    """A warning at the start of the draft for each notice the reader left on `text`."""
    return [
        Finding(rule=NOTICE_RULE, category="input", level="warning", message=notice,
                why="A marker the reader cannot see would hide problems from everyone who reviews the draft.",
                line=1, column=1, start=0, end=0, match="", rewrite=None, guidance=())
        for notice in getattr(text, "notices", ())
    ]
