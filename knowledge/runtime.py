"""The process's embedder and store, one per configuration. The Slack server and the
benchmarks call `ask` many times; the model and the client must load only once."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field

from knowledge.embedder import ENV_EMBEDDER, Embedder, get_embedder
from knowledge.store import ENV_CHROMA_URL, Store, data_dir, open_client


@dataclass
class Runtime:
    embedder: Embedder
    store: Store
    guidance_checked: bool = False  # the built-in index was checked against the guidance files
    lock: threading.RLock = field(default_factory=threading.RLock)
    cache: dict = field(default_factory=dict)  # the retriever's in-memory indexes


_runtimes: dict[tuple[str, str, str], Runtime] = {}
_lock = threading.Lock()


def runtime(embedder: Embedder | None = None) -> Runtime:
    """The runtime for the current TENDER_COACH_DATA / CHROMA_URL / TENDER_COACH_EMBEDDER.
    Passing an embedder (tests, benchmarks) gives a fresh runtime that uses it."""
    data = data_dir()
    if embedder is not None:
        return Runtime(embedder, Store(open_client(data), data, embedder))
    key = (str(data), os.environ.get(ENV_CHROMA_URL, ""), os.environ.get(ENV_EMBEDDER, ""))
    with _lock:
        if key not in _runtimes:
            chosen = get_embedder()
            _runtimes[key] = Runtime(chosen, Store(open_client(data), data, chosen))
        return _runtimes[key]
