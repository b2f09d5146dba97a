"""The guidance knowledge base. `from knowledge import ask` answers a question from it.

`ask` is resolved lazily (PEP 562) so that `import knowledge.catalog`, which the checker
uses on every review, never imports chromadb, bm25s or the embedding model."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from knowledge.answer import ask

__all__ = ["ask"]


def __getattr__(name: str) -> Any:
    if name == "ask":
        from knowledge.answer import ask

        return ask
    raise AttributeError(f"module 'knowledge' has no attribute {name!r}")
