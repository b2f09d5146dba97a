"""Text read from a draft, carrying what the reader noticed about the file.

The reader and the review are separate steps joined by a plain string (the CLI, Slack and the
indexer all pass one along), so the notices ride on the string itself: `scoring.review()` turns
them into findings at the top of the report (scoring/draft_text.py).
"""

from __future__ import annotations


class DraftText(str):
    """A str with `notices`: sentences for the user about how the file was read."""

    notices: tuple[str, ...] = ()


def with_notices(text: str, notices: tuple[str, ...]) -> str:
    if not notices:
        return text
    draft = DraftText(text)
    draft.notices = tuple(notices)
    return draft
