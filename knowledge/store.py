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

from knowledge.chunking import GUIDANCE, OWN_DOCUMENTS, Chunk
from knowledge.embedder import Embedder
from knowledge.errors import IndexBusyError, KnowledgeError, StoreUnavailableError

ENV_DATA, ENV_CHROMA_URL = "TENDER_COACH_DATA", "CHROMA_URL"
# Short on purpose: a second writer is told at once instead of hanging a terminal or a Slack handler.
LOCK_TIMEOUT_SECONDS = 1.0
# Chunks per model call and per Chroma upsert: big enough that Chroma's per-call cost fades,
# small enough that a huge document streams through in bounded memory with a moving progress bar.
EMBED_BATCH = 256
# Text queued for the model across documents before it is embedded and stored: many small files
# share model calls, and a folder of huge ones still runs in bounded memory.
MAX_PENDING_CHARS = 16_000_000
BUSY_MESSAGE = "another tender-coach process is updating the index; try again when it finishes"
# Present while a writer works, removed when it finishes: found by the next writer, it means the last
# one was stopped part-way (Ctrl-C, kill -9, a crash).
UNFINISHED_MARKER = "index.unfinished"
# Vectors read back and searched for per call when checking the search index: a page of 768-number
# vectors stays well under the size a server answer may have (knowledge.chroma_http).
CHECK_BATCH = 1000


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
        try:
            port = parts.port
        except ValueError:
            port = -1
        if parts.scheme not in ("http", "https") or not parts.hostname or port == -1:
            raise StoreUnavailableError(f"{ENV_CHROMA_URL}={url!r} is not an http(s) URL such as http://localhost:8000")
        ssl = parts.scheme == "https"
        try:
            from knowledge.chroma_http import bounded_http_client

            return bounded_http_client(parts.hostname, port or (443 if ssl else 8000), ssl, _settings())
        except KnowledgeError:
            raise
        except Exception as exc:
            raise StoreUnavailableError(server_problem(url, exc)) from None
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
    def writing(self, wait: float = LOCK_TIMEOUT_SECONDS, busy_message: str = BUSY_MESSAGE) -> Iterator[None]:
        """Hold the index lock, waiting at most `wait` seconds for another process to let it go,
        then failing with IndexBusyError(busy_message)."""
        from filelock import FileLock, Timeout

        self.data.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.data / "index.lock"), timeout=wait)
        try:
            lock.acquire()
        except Timeout:
            raise IndexBusyError(busy_message) from None
        marker = self.data / UNFINISHED_MARKER
        try:
            if marker.exists():
                self._recover()
            marker.touch()
            yield
            marker.unlink(missing_ok=True)  # not on an exception: the next writer checks what this one left
        finally:
            lock.release()

    def _recover(self) -> None:
        """Repair what a writer stopped part-way may have left in the search index (see
        `_readd_unfindable`). Which documents were left half-stored is the caller's business
        (see knowledge.indexing)."""
        existing = {getattr(c, "name", c) for c in self._call(self.client.list_collections)}
        for name in sorted(existing & {GUIDANCE, OWN_DOCUMENTS}):
            self._readd_unfindable(name)

    def _readd_unfindable(self, name: str) -> int:
        """Chroma (1.5.9, embedded and server alike) can lose vectors from its search index after
        deletes and replacements, more so when a writer is stopped part-way, while keeping them in
        its records: `get` returns the chunk, no query finds it, and later runs, which see it stored,
        never write it again (chroma-core/chroma#7758). So every stored vector is searched for, and
        one that does not find itself is deleted and added again from its record, without the model."""
        col = self.collection(name)
        ids = [c.id for c in self.get(name, documents=False)]
        lost: list[str] = []
        for start in range(0, len(ids), CHECK_BATCH):
            batch = ids[start:start + CHECK_BATCH]
            got = self._call(lambda: col.get(ids=batch, include=["embeddings"]))
            found = self._call(lambda: col.query(query_embeddings=got["embeddings"], n_results=1,
                                                 include=["distances"]))
            # Another chunk with the very same vector (the same text twice) may come first: that is found.
            lost += [i for i, hit, dist in zip(got["ids"], found["ids"], found["distances"])
                     if not hit or (hit[0] != i and dist[0] > 1e-6)]
        for batch in self._batches(lost):
            got = self._call(lambda: col.get(ids=batch, include=["embeddings", "documents", "metadatas"]))
            # Stopped between these two calls, these chunks are gone: their documents then hold fewer
            # chunks than they record, and the next run indexes them again.
            self._call(lambda: col.delete(ids=got["ids"]))
            self._call(lambda: col.add(ids=got["ids"], embeddings=got["embeddings"], documents=got["documents"],
                                       metadatas=got["metadatas"]))
        if lost:
            self._bump_revision(name)
        return len(lost)

    # --- collections ------------------------------------------------------------------

    def expected_metadata(self) -> dict[str, str | int]:
        return {"embedder": self.embedder.name, "dimension": self.embedder.dimension}

    def collection(self, name: str):
        """The collection, created empty if absent. Cached: one lookup per process."""
        return self._collections.get(name) or self._open(name)

    def _open(self, name: str):
        col = self._call(
            lambda: self.client.get_or_create_collection(
                # A wide search list (ef_search 200, default 100) for the 20 candidates a question takes: the search is
                # then all but exact, so the answer does not depend on the order chunks were indexed in (an index
                # interrupted and resumed inserts them in another order than a clean build).
                name, embedding_function=None, configuration={"hnsw": {"space": "cosine", "ef_search": 200}},
                metadata={**self.expected_metadata(), "revision": uuid.uuid4().hex},
            )
        )
        self._collections[name] = col
        return col

    def matches_embedder(self, name: str) -> bool:
        """False when the collection was embedded by another model (or size): its vectors are useless now."""
        meta = self.collection(name).metadata or {}
        expected = self.expected_metadata()
        return all(meta.get(k) == v for k, v in expected.items())

    def metadata(self, name: str) -> dict:
        # Re-read from the server: another process may have indexed since we cached the collection.
        return dict(self._open(name).metadata or {})

    def revision(self, name: str) -> str:
        return str(self.metadata(name).get("revision", ""))

    def set_metadata(self, name: str, **values: str | int) -> None:
        col = self.collection(name)
        meta = {**(col.metadata or {}), **self.expected_metadata(), **values}
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
        force: bool = False,
    ) -> SyncStats:
        """Make the chunks matching `where` exactly `chunks`: embed only new or changed text (every
        chunk with `force`), update metadata-only changes in place, delete chunks that are no longer
        there. Readers keep a complete collection throughout. `on_progress(embedded, to_embed)`."""
        existing = {c.id: c.metadata for c in self.get(name, where=where, documents=False)}
        batch = BatchedSync(self, name, on_progress)
        stats = batch.add(chunks, existing, force=force)
        batch.finish()
        return stats

    def delete(self, name: str, where: dict) -> int:
        ids = [c.id for c in self.get(name, where=where, documents=False)]
        col = self.collection(name)
        for batch in self._batches(ids):
            self._call(lambda: col.delete(ids=batch))
        if ids:
            self._readd_unfindable(name)
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
            url = os.environ.get(ENV_CHROMA_URL, "").strip()
            if url:
                raise StoreUnavailableError(server_problem(url, exc)) from exc
            raise StoreUnavailableError(
                f"the index at {self.data / 'chroma'} could not be used ({exc.__class__.__name__}: {_first_line(exc)}). "
                "Try `tender-coach index --rebuild`; if it keeps failing, delete that folder and run it again."
            ) from exc


class BatchedSync:
    """Brings many documents' chunks up to date in one pass. New or changed text is queued and
    embedded across documents, EMBED_BATCH chunks a model call (a thousand one-page files cost a few
    dozen calls, not a thousand); metadata-only changes and deletions are batched too, and the
    revision readers watch is bumped once, at the end."""

    def __init__(self, store: Store, name: str, on_progress: Callable[[int, int], None] | None = None) -> None:
        self.store, self.name, self.on_progress = store, name, on_progress
        self.col = store.collection(name)
        self.to_embed: list[Chunk] = []
        self.to_relabel: list[Chunk] = []
        self.to_delete: list[str] = []
        self.pending_chars = 0
        self.embedded = 0
        self.changed = False
        self.churned = False  # stored chunks were replaced or deleted: the search index may have lost some

    def add(self, chunks: Iterable[Chunk], existing: dict[str, dict], force: bool = False) -> SyncStats:
        """Queue one document's chunks against what the store holds for it (`existing`: id -> metadata);
        with `force`, every chunk is embedded again."""
        stats = SyncStats()
        seen: set[str] = set()
        for chunk in chunks:
            seen.add(chunk.id)
            old = existing.get(chunk.id)
            if force or old is None or old.get("hash") != chunk.hash:
                self.churned = self.churned or old is not None
                self.to_embed.append(chunk)
                self.pending_chars += len(chunk.text)
                stats.embedded += 1
            elif old != chunk.metadata:
                self.to_relabel.append(chunk)
                stats.updated += 1
            else:
                stats.unchanged += 1
            if self.pending_chars > MAX_PENDING_CHARS:
                self.flush()
        stale = [i for i in existing if i not in seen]
        self.delete(stale)
        stats.removed = len(stale)
        return stats

    def delete(self, ids: Iterable[str]) -> None:
        before = len(self.to_delete)
        self.to_delete.extend(ids)
        self.churned = self.churned or len(self.to_delete) > before

    def flush(self) -> None:
        store, col = self.store, self.col
        total = self.embedded + len(self.to_embed)
        for start in range(0, len(self.to_embed), EMBED_BATCH):
            self.embedded += store._embed_and_upsert(col, self.to_embed[start:start + EMBED_BATCH])
            if self.on_progress:
                self.on_progress(self.embedded, total)
        for batch in store._batches(self.to_relabel):
            store._relabel(col, batch)
        for batch in store._batches(self.to_delete):
            store._call(lambda: col.delete(ids=batch))
        self.changed = self.changed or bool(self.to_embed or self.to_relabel or self.to_delete)
        self.to_embed, self.to_relabel, self.to_delete, self.pending_chars = [], [], [], 0

    def finish(self) -> None:
        self.flush()
        if self.churned:
            self.store._readd_unfindable(self.name)
        if self.changed:
            self.store._bump_revision(self.name)


def server_problem(url: str, exc: BaseException) -> str:
    """What went wrong with the Chroma server at CHROMA_URL, in words, and what to do about it."""
    chain = [exc]
    while len(chain) < 10 and (chain[-1].__cause__ or chain[-1].__context__) is not None:
        chain.append(chain[-1].__cause__ or chain[-1].__context__)
    # chromadb re-raises the first contact's failures as a bare ValueError; the httpx error is inside.
    what = next((w for w in map(_what_failed, chain) if w), None)
    if what is None:
        what = f"failed ({exc.__class__.__name__}: {_first_line(exc)})"
    return (
        f"cannot reach the Chroma server at {url} ({ENV_CHROMA_URL}): it {what}. "
        f"Check that the server is running, fix {ENV_CHROMA_URL}, or unset it to use the built-in store."
    )


def _what_failed(exc: BaseException) -> str | None:
    from knowledge import chroma_http

    name = exc.__class__.__name__
    if isinstance(exc, chroma_http.ResponseTooLarge):
        return f"sent an answer larger than {exc.limit // (1024 * 1024)} MB, which was abandoned"
    if isinstance(exc, chroma_http.ResponseTooSlow):
        return f"took longer than {exc.seconds:g} s to send one answer, which was abandoned"
    if isinstance(exc, chroma_http.UnexpectedEncoding):
        return "sent a compressed answer although none was asked for, which was abandoned"
    if name in ("ConnectTimeout", "PoolTimeout"):
        return f"did not accept a connection within {chroma_http.CONNECT_TIMEOUT:g} s"
    if name in ("ReadTimeout", "WriteTimeout"):
        return "accepted the connection but did not answer in time"
    if name == "ConnectError":
        return "refused the connection or could not be found"
    if name in ("RemoteProtocolError", "DecodingError", "JSONDecodeError"):
        return f"did not answer as a Chroma server does ({name})"
    return None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else "no details"


__all__ = ["BatchedSync", "Store", "StoredChunk", "SyncStats", "data_dir", "open_client"]
