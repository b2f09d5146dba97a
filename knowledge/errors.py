"""Errors the knowledge base raises. Each is a TenderCoachError, so the CLI and the
Slack handlers show the message as it is (one line, no traceback)."""

from __future__ import annotations

from scoring.errors import InputError, TenderCoachError

__all__ = ["IndexBusyError", "InputError", "KnowledgeError", "StoreUnavailableError"]


class KnowledgeError(TenderCoachError):
    """The knowledge base cannot do what was asked; the message says what to do."""


class IndexBusyError(KnowledgeError):
    """Another process holds the index lock: a second writer is refused at once (waiting would hang
    a terminal or a Slack handler); a reader waits only while the very first index is built."""


class StoreUnavailableError(KnowledgeError):
    """The Chroma store (embedded folder or CHROMA_URL server) cannot be opened or reached."""
