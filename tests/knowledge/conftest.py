"""Fixtures for the knowledge base: a fake-embedder runtime per test (fast), and one real-model
guidance index per session (the model loads once; building costs a few seconds)."""

from __future__ import annotations

from pathlib import Path

import pytest
from knowledge_helpers import CachingEmbedder, make_runtime

from knowledge.embedder import FakeEmbedder, SentenceTransformerEmbedder
from knowledge.runtime import Runtime


@pytest.fixture
def fake(monkeypatch) -> FakeEmbedder:
    """The fake embedder, also chosen for code that calls runtime() itself (the CLI, ask())."""
    monkeypatch.setenv("TENDER_COACH_EMBEDDER", "fake")
    return FakeEmbedder()


@pytest.fixture
def rt(fake, tmp_path) -> Runtime:
    return make_runtime(fake, tmp_path / "data")


@pytest.fixture(scope="session")
def real_embedder() -> CachingEmbedder:
    return CachingEmbedder(SentenceTransformerEmbedder())


@pytest.fixture(scope="session")
def real_data(tmp_path_factory, real_embedder) -> Path:
    """A data folder with the built-in guidance indexed by the real model, built once."""
    from knowledge.indexing import ensure_guidance

    data = tmp_path_factory.mktemp("real-index")
    ensure_guidance(make_runtime(real_embedder, data))
    return data


@pytest.fixture
def real_rt(real_data, real_embedder) -> Runtime:
    return make_runtime(real_embedder, real_data)
