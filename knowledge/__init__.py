"""The guidance knowledge base. `from knowledge import ask` answers a question from it.

`ask` is resolved lazily (PEP 562) so that `import knowledge.catalog`, which the checker
uses on every review, never imports chromadb, bm25s or the embedding model."""

from __future__ import annotations

TYPE_CHECKING = False  # `typing` itself costs a review's start-up about 2 ms

if TYPE_CHECKING:
    from knowledge.answer import ask

__all__ = ["ask"]


def __getattr__(name: str) -> object:
    if name == "ask":
        from knowledge.answer import ask

        return ask
    raise AttributeError(f"module 'knowledge' has no attribute {name!r}")
