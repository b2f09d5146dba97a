"""The vector store: chromadb, embedded in the data folder or a server at CHROMA_URL.

Chroma never embeds anything here. Its default embedding function downloads a model,
so collections are created with `embedding_function=None` and every add and query passes
vectors we computed ourselves."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from knowledge.chunking import Chunk
from knowledge.embedder import Embedder
from knowledge.errors import IndexBusyError, KnowledgeError, StoreUnavailableError

ENV_DATA, ENV_CHROMA_URL = "TENDER_COACH_DATA", "CHROMA_URL"
# Short on purpose: a second writer is told at once instead of hanging a terminal or a Slack handler.
LOCK_TIMEOUT_SECONDS = 1.0
# Chunks per model call and per Chroma upsert: big enough that Chroma's per-call cost fades,
# small enough that a huge document streams through in bounded memory with a moving progress bar.
EMBED_BATCH = 256
BUSY_MESSAGE = "another tender-coach process is updating the index; try again when it finishes"


def data_dir() -> Path:
    configured = os.environ.get(ENV_DATA)
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("tender-coach"))


@dataclass
class SyncStats:
    embedded: int = 0  # new or changed chunks, sent to the model
    updated: int = 0  # same text, new metadata (e.g. a source URL): no embedding
    unchanged: int = 0
    removed: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.embedded or self.updated or self.removed)


@dataclass(frozen=True)
class StoredChunk:
    id: str
    text: str
    metadata: dict
    similarity: float | None = None  # cosine with the query, for query results


def _settings():
    from chromadb.config import Settings

    return Settings(anonymized_telemetry=False)


def open_client(data: Path):
    """A chromadb client: HttpClient when CHROMA_URL is set, else the embedded PersistentClient."""
    url = os.environ.get(ENV_CHROMA_URL, "").strip()
    try:
        import chromadb
    except ImportError:
        raise KnowledgeError("chromadb is not installed. Reinstall tender-coach: pip install tender-coach") from None
    if url:
        parts = urlsplit(url if "://" in url else f"http://{url}")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise StoreUnavailableError(f"{ENV_CHROMA_URL}={url!r} is not an http(s) URL such as http://localhost:8000")
        ssl = parts.scheme == "https"
        try:
            return chromadb.HttpClient(
                host=parts.hostname, port=parts.port or (443 if ssl else 8000), ssl=ssl, settings=_settings()
            )
        except Exception as exc:
            raise StoreUnavailableError(
                f"cannot reach the Chroma server at {url} ({exc.__class__.__name__}). "
                f"Start it, fix {ENV_CHROMA_URL}, or unset it to use the built-in store."
            ) from None
    path = data / "chroma"
    try:
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=_settings())
    except Exception as exc:
        raise StoreUnavailableError(
            f"cannot open the index in {path} ({exc.__class__.__name__}: {exc}). "
            "Check the folder's permissions, or set TENDER_COACH_DATA to another folder."
        ) from None


class Store:
    """Named collections of chunks with their embeddings, updated incrementally."""

    def __init__(self, client, data: Path, embedder: Embedder) -> None:
        self.client = client
        self.data = data
        self.embedder = embedder
        self._collections: dict[str, object] = {}
        self._batch_limit: int | None = None

    # --- one writer -------------------------------------------------------------------

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the index lock, or fail fast with IndexBusyError if another process has it."""
        from filelock import FileLock, Timeout

        self.data.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.data / "index.lock"), timeout=LOCK_TIMEOUT_SECONDS)
        try:
            lock.acquire()
        except Timeout:
            raise IndexBusyError(BUSY_MESSAGE) from None
        try:
            yield
        finally:
            lock.release()

    # --- collections ------------------------------------------------------------------

    def _expected_metadata(self) -> dict[str, str | int]:
        return {"embedder": self.embedder.name, "dimension": self.embedder.dimension}

    def collection(self, name: str):
        """The collection, created empty if absent. Cached: one lookup per process."""
        return self._collections.get(name) or self._open(name)

    def _open(self, name: str):
        col = self._call(
            lambda: self.client.get_or_create_collection(
                name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}},
                metadata={**self._expected_metadata(), "revision": uuid.uuid4().hex},
            )
        )
        self._collections[name] = col
        return col

    def matches_embedder(self, name: str) -> bool:
        """False when the collection was embedded by another model (or size): its vectors are useless now."""
        meta = self.collection(name).metadata or {}
        expected = self._expected_metadata()
        return all(meta.get(k) == v for k, v in expected.items())

    def revision(self, name: str) -> str:
        # Re-read from the server: another process may have indexed since we cached the collection.
        return str((self._open(name).metadata or {}).get("revision", ""))

    def set_metadata(self, name: str, **values: str | int) -> None:
        col = self.collection(name)
        meta = {**(col.metadata or {}), **self._expected_metadata(), **values}
        self._call(lambda: col.modify(metadata=meta))

    def _bump_revision(self, name: str) -> None:
        # Readers in other processes compare revisions to know their in-memory BM25 is stale.
        self.set_metadata(name, revision=uuid.uuid4().hex)

    def drop(self, name: str) -> None:
        self._collections.pop(name, None)
        with contextlib.suppress(Exception):  # absent already: nothing to drop
            self.client.delete_collection(name)

    def count(self, name: str) -> int:
        return int(self._call(self.collection(name).count))

    # --- writes (call inside `writing()`) -----------------------------------------------

    def sync(
        self,
        name: str,
        chunks: Iterable[Chunk],
        *,
        where: dict | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> SyncStats:
        """Make the chunks matching `where` exactly `chunks`: embed only new or changed text,
        update metadata-only changes in place, delete chunks that are no longer there."""
        col = self.collection(name)
        existing = {c.id: c.metadata for c in self.get(name, where=where, documents=False)}
        stats = SyncStats()
        seen: set[str] = set()
        pending: list[Chunk] = []
        relabel: list[Chunk] = []
        done_chunks = done_chars = 0
        for chunk in chunks:
            seen.add(chunk.id)
            old = existing.get(chunk.id)
            if old is None or old.get("hash") != chunk.hash:
                pending.append(chunk)
            elif old != chunk.metadata:
                relabel.append(chunk)
            else:
                stats.unchanged += 1
            if len(pending) >= EMBED_BATCH:
                stats.embedded += self._embed_and_upsert(col, pending)
                pending = []
            if len(relabel) >= EMBED_BATCH:
                stats.updated += self._relabel(col, relabel)
                relabel = []
            done_chunks += 1
            done_chars += len(chunk.text)
            if on_progress:
                on_progress(done_chunks, done_chars)
        stats.embedded += self._embed_and_upsert(col, pending)
        stats.updated += self._relabel(col, relabel)
        stale = [i for i in existing if i not in seen]
        for batch in self._batches(stale):
            self._call(lambda: col.delete(ids=batch))
        stats.removed = len(stale)
        if stats.changed:
            self._bump_revision(name)
        return stats

    def delete(self, name: str, where: dict) -> int:
        ids = [c.id for c in self.get(name, where=where, documents=False)]
        col = self.collection(name)
        for batch in self._batches(ids):
            self._call(lambda: col.delete(ids=batch))
        if ids:
            self._bump_revision(name)
        return len(ids)

    def reembed(self, name: str, on_progress: Callable[[int, int], None] | None = None) -> SyncStats:
        """Re-create a collection with the current model from the text it stores (no source files needed)."""
        stored = self.get(name)
        self.drop(name)
        chunks = (Chunk(c.id, c.text, c.metadata) for c in stored)
        return self.sync(name, chunks, on_progress=on_progress)

    def _embed_and_upsert(self, col, chunks: list[Chunk]) -> int:
        if not chunks:
            return 0
        vectors = self.embedder.encode([c.embed_text for c in chunks])
        self._call(lambda: col.upsert(
            ids=[c.id for c in chunks], embeddings=vectors,
            documents=[c.text for c in chunks], metadatas=[c.metadata for c in chunks],
        ))
        return len(chunks)

    def _relabel(self, col, chunks: list[Chunk]) -> int:
        if chunks:
            self._call(lambda: col.update(ids=[c.id for c in chunks], metadatas=[c.metadata for c in chunks]))
        return len(chunks)

    # --- reads ------------------------------------------------------------------------

    def get(self, name: str, *, where: dict | None = None, documents: bool = True) -> list[StoredChunk]:
        col = self.collection(name)
        include = ["metadatas", "documents"] if documents else ["metadatas"]
        out: list[StoredChunk] = []
        offset, page = 0, self._batch_size()
        while True:  # paged: a server refuses very large responses
            got = self._call(lambda: col.get(where=where, include=include, limit=page, offset=offset))
            docs = got.get("documents") or [""] * len(got["ids"])
            out.extend(StoredChunk(i, d or "", dict(m or {})) for i, d, m in zip(got["ids"], docs, got["metadatas"]))
            if len(got["ids"]) < page:
                return out
            offset += page

    def query(self, name: str, vector: list[float], n: int, where: dict | None = None) -> list[StoredChunk]:
        col = self.collection(name)
        got = self._call(lambda: col.query(
            query_embeddings=[vector], n_results=n, where=where, include=["metadatas", "documents", "distances"],
        ))
        return [
            StoredChunk(i, d or "", dict(m or {}), 1.0 - float(dist))  # cosine distance -> similarity
            for i, d, m, dist in zip(got["ids"][0], got["documents"][0], got["metadatas"][0], got["distances"][0])
        ]

    # --- plumbing ---------------------------------------------------------------------

    def _batch_size(self) -> int:
        if self._batch_limit is None:
            try:
                self._batch_limit = min(int(self.client.get_max_batch_size()), 5000)
            except Exception:
                self._batch_limit = 1000
        return self._batch_limit

    def _batches(self, items: list) -> Iterator[list]:
        size = self._batch_size()
        for start in range(0, len(items), size):
            yield items[start:start + size]

    def _call(self, fn):
        """Run a chromadb call; its failures become one clear StoreUnavailableError."""
        try:
            return fn()
        except KnowledgeError:
            raise
        except Exception as exc:
            where = os.environ.get(ENV_CHROMA_URL) or str(self.data / "chroma")
            raise StoreUnavailableError(
                f"the index at {where} could not be used ({exc.__class__.__name__}: {_first_line(exc)}). "
                "Try `tender-coach index --rebuild`; if it keeps failing, delete that folder and run it again."
            ) from exc


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else "no details"


__all__ = ["Store", "StoredChunk", "SyncStats", "data_dir", "open_client"]
