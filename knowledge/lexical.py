"""BM25 over the stored chunks, held in memory. The built-in guidance is a few hundred
chunks, so building it at the first query takes milliseconds and needs no files of its own."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np

from knowledge.chunking import embedding_input
from knowledge.store import StoredChunk
from knowledge.text import tokenize


class LexicalIndex:
    def __init__(self, chunks: Sequence[StoredChunk]) -> None:
        import bm25s

        self.chunks = list(chunks)
        # Titles are searched too: "Avoid 15-minute homecare visits" names the subject its sections assume.
        corpus = [tokenize(embedding_input(str(c.metadata.get("title", "")), c.text)) for c in self.chunks]
        self.terms = {c.id: frozenset(tokens) for c, tokens in zip(self.chunks, corpus)}
        document_frequency = Counter(term for tokens in corpus for term in set(tokens))
        n = max(len(corpus), 1)
        self._idf = {t: math.log(1 + (n - df + 0.5) / (df + 0.5)) for t, df in document_frequency.items()}
        self._bm25 = None
        if self.chunks:
            self._bm25 = bm25s.BM25()
            self._bm25.index(corpus, show_progress=False)
        self.own_count = sum(1 for c in self.chunks if c.metadata.get("origin") == "own_documents")
        self._masks: dict[tuple, np.ndarray] = {}

    def idf(self, term: str) -> float:
        # An unseen term is rare by definition: weight it like the rarest known term.
        return self._idf.get(term, max(self._idf.values(), default=1.0))

    def coverage(self, terms: list[str], chunk_ids: list[str]) -> float:
        """The largest IDF-weighted share of the question's terms that one chunk contains (0..1)."""
        wanted = set(terms)
        total = sum(self.idf(t) for t in wanted)
        if not total:
            return 0.0
        best = max((sum(self.idf(t) for t in wanted & self.terms.get(i, frozenset())) for i in chunk_ids), default=0.0)
        return best / total

    def search(self, terms: list[str], n: int, where: dict[str, str] | None = None) -> list[tuple[StoredChunk, float]]:
        """The n best chunks with a positive score (so at least one shared term), best first.
        `where` keeps only chunks whose metadata equals every given value."""
        if self._bm25 is None:
            return []
        known = [t for t in terms if t in self._bm25.vocab_dict]
        if not known:
            return []
        scores = self._bm25.get_scores(known)
        if where:
            scores = np.where(self._mask(where), scores, 0.0)
        top = np.argsort(-scores, kind="stable")[:n]
        return [(self.chunks[i], float(scores[i])) for i in top if scores[i] > 0]

    def _mask(self, where: dict[str, str]) -> np.ndarray:
        key = tuple(sorted(where.items()))
        if key not in self._masks:
            self._masks[key] = np.fromiter(
                (all(c.metadata.get(k) == v for k, v in key) for c in self.chunks), dtype=bool, count=len(self.chunks)
            )
        return self._masks[key]
