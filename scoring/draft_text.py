"""Text read from a draft, carrying what the reader noticed about the file.

The reader and the review are separate steps joined by a plain string (the CLI, Slack
and the indexer all pass one along), so the notices ride on the string itself:
`review()` turns them into findings at the top of the report.
"""

from __future__ import annotations

from scoring.report import Finding

NOTICE_RULE = "input/hidden-marker"


class DraftText(str):
    """A str with `notices`: sentences for the user about how the file was read."""

    notices: tuple[str, ...] = ()


def with_notices(text: str, notices: tuple[str, ...]) -> str:
    if not notices:
        return text
    draft = DraftText(text)
    draft.notices = tuple(notices)
    return draft


def notice_findings(text: str) -> list[Finding]:
    """A warning at the start of the draft for each notice the reader left on `text`."""
    return [
        Finding(rule=NOTICE_RULE, category="input", level="warning", message=notice,
                why="A marker the reader cannot see would hide problems from everyone who reviews the draft.",
                line=1, column=1, start=0, end=0, match="", rewrite=None, guidance=())
        for notice in getattr(text, "notices", ())
    ]
