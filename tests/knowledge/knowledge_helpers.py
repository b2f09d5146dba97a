"""Helpers shared by the knowledge tests (a module of its own: conftest.py is not importable)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from knowledge.retrieve import search
from knowledge.runtime import Runtime
from knowledge.store import Store, open_client

ROOT = Path(__file__).parent.parent.parent
QUESTIONS = yaml.safe_load((ROOT / "tests/data/questions.yaml").read_text(encoding="utf-8"))


def make_runtime(embedder, data: Path) -> Runtime:
    return Runtime(embedder, Store(open_client(data), data, embedder))


class CachingEmbedder:
    """The real model, remembering vectors by text: the embedded-store and the Chroma-server
    tests index the same guidance, and the model need not read it twice. Test-only."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.name, self.dimension = inner.name, inner.dimension
        self.min_similarity, self.strong_similarity = inner.min_similarity, inner.strong_similarity
        self._memo: dict[str, list[float]] = {}

    def encode(self, texts: list[str]) -> list[list[float]]:
        missing = [t for t in dict.fromkeys(texts) if t not in self._memo]
        for text, vector in zip(missing, self.inner.encode(missing) if missing else []):
            self._memo[text] = vector
        return [self._memo[t] for t in texts]


def run_cli(*args: str, env: dict | None = None, stdin: str | None = None, timeout: float = 120):
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args], input=stdin, capture_output=True, text=True,
        cwd=os.getcwd(), env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}, timeout=timeout,
    )


def retrieval_scores(rt, mode: str = "hybrid") -> tuple[float, float, list]:
    """(hit@3, MRR, misses) over the question set."""
    hits = reciprocal = 0.0
    misses = []
    for item in QUESTIONS["questions"]:
        ids = [h.passage_id for h in search(item["q"], k=10, mode=mode, rt=rt).hits]
        rank = next((i + 1 for i, pid in enumerate(ids) if pid in item["relevant"]), None)
        hits += bool(rank and rank <= 3)
        reciprocal += 1 / rank if rank else 0.0
        if not rank or rank > 3:
            misses.append((item["q"], item["relevant"], ids[:3]))
    n = len(QUESTIONS["questions"])
    return hits / n, reciprocal / n, misses
