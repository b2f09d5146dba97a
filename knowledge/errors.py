"""Domain errors. Each says what the user can do; the edges (CLI, Slack) translate them into one
line, never a traceback. The base classes live here, in the lowest room, so that the checker
(`scoring.errors`) and the knowledge base share them with imports running one way."""

from __future__ import annotations

__all__ = ["IndexBusyError", "InputError", "KnowledgeError", "StoreUnavailableError", "TenderCoachError"]


class TenderCoachError(Exception):
    """Base of every error a user may see. The message is safe to show."""


class InputError(TenderCoachError):
    """The text or file given to us cannot be read or is not usable."""


class KnowledgeError(TenderCoachError):
    """The knowledge base cannot do what was asked; the message says what to do."""


class IndexBusyError(KnowledgeError):
    """Another process holds the index lock: a second writer is refused at once (waiting would hang
    a terminal or a Slack handler); a reader waits only while the very first index is built."""


class StoreUnavailableError(KnowledgeError):
    """The Chroma store (embedded folder or CHROMA_URL server) cannot be opened or reached."""
