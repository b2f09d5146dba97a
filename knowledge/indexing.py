"""Keeping the two collections up to date: the built-in guidance ("guidance") and a
council's own policies and past tenders ("own_documents")."""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.catalog import all_passages
from knowledge.collect import INDEXABLE, Skipped, collect_files, special_kind
from knowledge.chunking import (
    GUIDANCE,
    OWN_DOCUMENTS,
    Chunk,
    chunk_document,
    chunk_passage,
    content_hash,
)
from knowledge.errors import IndexBusyError, InputError
from knowledge.runtime import Runtime, runtime
from knowledge.store import LOCK_TIMEOUT_SECONDS, BatchedSync, SyncStats

Progress = Callable[[float], None]  # fraction done, 0..1


# --- built-in guidance --------------------------------------------------------------


def guidance_chunks() -> list[Chunk]:
    return [chunk for passage in all_passages() for chunk in chunk_passage(passage)]


def _fingerprint(chunks: Iterable[Chunk]) -> str:
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(json.dumps([chunk.id, chunk.metadata], sort_keys=True).encode())
    return digest.hexdigest()


# A question asked while another process builds the index for the first time waits this long
# for it (the build takes tens of seconds with the real model) instead of being refused.
FIRST_BUILD_WAIT_SECONDS = 60.0


def ensure_guidance(rt: Runtime | None = None, on_progress: Progress | None = None) -> SyncStats | None:
    """Make the index usable: build the guidance index if absent, bring it up to date
    (incrementally) if a policy lead edited the guidance files, and re-embed everything that
    another model embedded. Checked once per process; returns None when nothing had to change.

    Readers never wait for a writer while a complete index exists (a stale one still answers).
    With no complete index yet, they wait for the writer, at most FIRST_BUILD_WAIT_SECONDS."""
    rt = rt or runtime()
    with rt.lock:
        if rt.guidance_checked:
            return None
        store = rt.store
        chunks = guidance_chunks()
        fingerprint = _fingerprint(chunks)
        state = _GuidanceState.read(store, fingerprint, len(chunks))
        if state.current and state.own_ok:
            rt.guidance_checked = True
            return None
        wait = LOCK_TIMEOUT_SECONDS if state.usable else FIRST_BUILD_WAIT_SECONDS
        try:
            with store.writing(wait=wait, busy_message=_first_build_message(wait)):
                state = _GuidanceState.read(store, fingerprint, len(chunks))  # another process may have built it
                if not state.own_ok:
                    store.reembed(OWN_DOCUMENTS)
                    rt.cache.clear()
                stats = None if state.current else _sync_guidance(
                    rt, chunks, fingerprint, rebuild=not state.model_ok, on_progress=on_progress)
        except IndexBusyError:
            if state.usable:  # someone else is updating it; the index we have still answers questions
                rt.guidance_checked = True
                return None
            raise
        rt.guidance_checked = True
        return stats


def _first_build_message(waited: float) -> str:
    return (
        f"another tender-coach process is building the guidance index and had not finished after {waited:g} s; "
        "try again in a minute"
    )


@dataclass(frozen=True)
class _GuidanceState:
    model_ok: bool  # embedded by this model: its vectors can be compared with our questions
    complete: bool  # a build finished (the fingerprint is written last): safe to read while another updates it
    current: bool  # complete, from exactly today's guidance files, and every chunk of them still stored
    own_ok: bool  # your documents are empty or embedded by this model too

    @property
    def usable(self) -> bool:
        return self.model_ok and self.complete and self.own_ok

    @classmethod
    def read(cls, store, fingerprint: str, chunks: int) -> _GuidanceState:
        meta = store.metadata(GUIDANCE)  # fresh: another process may have written it
        model_ok = all(meta.get(k) == v for k, v in store.expected_metadata().items())
        # Counted only once a build has finished: a reader that counts a collection another process is
        # still building first may be unable to query it afterwards (chromadb 1.5's embedded store).
        stored = store.count(GUIDANCE) if model_ok and meta.get("fingerprint") else 0
        complete = stored > 0
        # The count as well as the fingerprint: a repair stopped part-way (Store._readd_unfindable) can
        # lose chunks from a finished build, and the next check must put them back.
        current = complete and meta.get("fingerprint") == fingerprint and stored == chunks
        own_ok = store.count(OWN_DOCUMENTS) == 0 or store.matches_embedder(OWN_DOCUMENTS)
        return cls(model_ok, complete, current, own_ok)


def rebuild_guidance(rt: Runtime | None = None, on_progress: Progress | None = None) -> SyncStats:
    """Re-embed every guidance chunk from scratch (`tender-coach index --rebuild`)."""
    rt = rt or runtime()
    chunks = guidance_chunks()
    with rt.lock, rt.store.writing():
        stats = _sync_guidance(rt, chunks, _fingerprint(chunks), rebuild=True, on_progress=on_progress)
    rt.guidance_checked = True
    return stats


def _sync_guidance(rt: Runtime, chunks: list[Chunk], fingerprint: str, *, rebuild: bool,
                   on_progress: Progress | None = None) -> SyncStats:
    store = rt.store
    model_ok = all(store.metadata(GUIDANCE).get(k) == v for k, v in store.expected_metadata().items())
    if rebuild and not model_ok:
        store.drop(GUIDANCE)  # another model's vectors (maybe another size): nothing in them is reusable
    # With the same model, a rebuild re-embeds in place, so questions asked meanwhile still find everything.
    stats = store.sync(GUIDANCE, chunks, force=rebuild and model_ok,
                       on_progress=on_progress and (lambda done, total: on_progress(done / total)))
    store.set_metadata(GUIDANCE, fingerprint=fingerprint)
    rt.cache.clear()
    return stats


# --- your own documents -------------------------------------------------------------


@dataclass
class DocumentInfo:
    doc_id: str
    title: str
    path: str
    chunks: int
    indexed_at: str
    complete: bool = True  # False: a run was stopped while storing it; the next `index` run finishes it


@dataclass
class FileResult:
    path: str
    doc_id: str = ""
    stats: SyncStats = field(default_factory=SyncStats)
    error: str = ""  # empty when the file was indexed
    resumed: bool = False  # not named in this run: an earlier run was stopped before it was fully stored

    @property
    def ok(self) -> bool:
        return not self.error


def document_id(path: Path) -> str:
    """Readable and stable: the file's name plus a short hash of where it lives, so two
    'policy.docx' files in different folders do not overwrite each other."""
    resolved = str(path.resolve())
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")[:40] or "document"
    return f"{slug}-{hashlib.sha256(resolved.encode()).hexdigest()[:8]}"


def index_documents(
    paths: Iterable[str],
    rt: Runtime | None = None,
    *,
    follow_links: bool = False,
    on_skip: Callable[[Skipped], None] | None = None,
    on_read: Callable[[int, int, Path], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    on_done: Callable[[FileResult], None] | None = None,
) -> tuple[list[FileResult], list[DocumentInfo]]:
    """Index each file (a bad file is reported and skipped; the rest are still indexed),
    and drop documents whose files no longer exist. Returns (results, documents removed).

    Files are read one by one (`on_read(n, of, path)`); their new or changed chunks are embedded
    together, in large batches across files (`on_progress(chunks embedded, chunks to embed)`).
    An unchanged file costs a hash; a changed one re-embeds only the sections that changed.
    A document that an interrupted run left half-stored is finished too, even if not named."""
    rt = rt or runtime()
    store = rt.store
    files, skipped = collect_files(paths, follow_links)  # before the lock: nothing here can block
    for skip in skipped:
        if on_skip:
            on_skip(skip)
    results: list[FileResult] = []
    with rt.lock, store.writing():
        if store.count(OWN_DOCUMENTS) and not store.matches_embedder(OWN_DOCUMENTS):
            store.reembed(OWN_DOCUMENTS)  # indexed with another model: its vectors cannot be compared
        existing = _stored_documents(store)
        batch = BatchedSync(store, OWN_DOCUMENTS, on_progress)
        for n, path in enumerate(files):
            if on_read:
                on_read(n, len(files), path)
            results.append(_index_file(batch, existing, path, document_id(path)))
        if on_read and files:
            on_read(len(files), len(files), files[-1])
        named = {r.doc_id for r in results}
        for doc in _infos(existing):
            if not doc.complete and doc.doc_id not in named and doc.path and os.path.lexists(doc.path):
                result = _index_file(batch, existing, Path(doc.path), doc.doc_id)
                result.resumed = True
                results.append(result)
        removed = _prune_missing(batch, existing)
        batch.finish()
    rt.cache.clear()
    for result in results:
        if on_done:
            on_done(result)
    return results, removed


def _index_file(batch: BatchedSync, existing: dict[str, dict[str, dict]], path: Path, doc_id: str) -> FileResult:
    from knowledge.readers import EMPTY_MESSAGE, read_document

    result = FileResult(str(path), doc_id)
    try:
        if path.suffix.lower() not in INDEXABLE and path.exists():
            raise InputError(f"{path}: only .md, .txt, .docx and .pdf files can be indexed")
        kind = special_kind(path)
        if kind:  # it was a file when the folders were listed; opening a pipe now could wait forever
            raise InputError(f"{path} is {kind}, not a file: nothing was read from it")
        text = read_document(path)
        result.stats = _queue_text(batch, existing.get(doc_id, {}), path, doc_id, text)
    except InputError as exc:
        message = str(exc)
        empty = message == EMPTY_MESSAGE
        old = existing.pop(doc_id, {}) if os.path.lexists(path) else {}  # a vanished file is pruned below
        if old:  # text that cannot be read now must not be quoted as if it were still there
            batch.delete(old)
            result.stats = SyncStats(removed=len(old))
            result.error = (f"{path} is empty: its old text was removed from the index" if empty else
                            f"{message.rstrip('.')}. Its old text was removed from the index.")
        else:
            result.error = f"{path} is empty: there is nothing to index" if empty else message
    return result


def _stored_documents(store) -> dict[str, dict[str, dict]]:
    """doc_id -> {chunk id: metadata} for every chunk of your documents, in one paged read.

    The text is read too and checked against the hash its labels carry. A chunk's labels are rewritten
    without its text when only they change (see BatchedSync), and a Chroma server may still apply a killed
    run's last request after the next run read the store: an upsert of another version's text landing just
    before that run's new labels leaves one version's text under another's labels. Such a chunk is given
    the hash of the text it really holds and no document hash: its document is then incomplete (listed so,
    and finished by the next run), and the text is embedded again unless it is the one wanted."""
    out: dict[str, dict[str, dict]] = {}
    for chunk in store.get(OWN_DOCUMENTS):
        meta = chunk.metadata
        held = content_hash(str(meta.get("title", "")), chunk.text)
        if meta.get("hash") != held:
            meta = {**meta, "hash": held, "doc_hash": None}
        doc_id = str(meta.get("doc_id", chunk.id.split("#")[0]))
        out.setdefault(doc_id, {})[chunk.id] = meta
    return out


def _complete(chunks: dict[str, dict], doc_hash: str | None = None) -> bool:
    """Every chunk of one version of the document is stored, and nothing else of it.

    Each chunk carries its document's hash and chunk count, so the count is the completion record:
    it is met only when the last chunk lands. A run stopped part-way leaves fewer chunks than the
    count, or chunks of two versions; a run stopped while deleting leaves fewer. Chunks from before
    counts were recorded have none, and are finished (relabelled, not re-embedded) by the next run."""
    if not chunks:
        return False
    wanted = doc_hash or next(iter(chunks.values())).get("doc_hash")
    if not wanted:  # a chunk whose text is not the one its labels describe (see _stored_documents)
        return False
    return all(meta.get("doc_hash") == wanted and meta.get("doc_chunks") == len(chunks) for meta in chunks.values())


def _queue_text(batch: BatchedSync, existing: dict[str, dict], path: Path, doc_id: str, text: str) -> SyncStats:
    doc_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if _complete(existing, doc_hash):
        return SyncStats(unchanged=len(existing))  # same text as last time, all stored: nothing to do
    title, url = _title(path, text), path.resolve().as_uri()
    # Counted in a first pass so that chunks still stream to the model in bounded memory.
    total = sum(1 for _ in chunk_document(text, doc_id=doc_id, title=title, url=url))
    extra = {"path": str(path.resolve()), "doc_hash": doc_hash, "doc_chunks": total,
             "indexed_at": time.strftime("%Y-%m-%d %H:%M")}
    chunks = (
        Chunk(c.id, c.text, {**c.metadata, **extra})
        for c in chunk_document(text, doc_id=doc_id, title=title, url=url)
    )
    return batch.add(chunks, existing)


def _title(path: Path, text: str) -> str:
    match = re.search(r"(?m)^# +(.+)$", text[:5000])
    if match:
        return match.group(1).strip()[:200]
    return re.sub(r"[-_]+", " ", path.stem).strip() or path.name


def _prune_missing(batch: BatchedSync, existing: dict[str, dict[str, dict]]) -> list[DocumentInfo]:
    gone = [doc for doc in _infos(existing) if doc.path and not Path(doc.path).exists()]
    for doc in gone:
        batch.delete(existing[doc.doc_id])
    return gone


def _infos(existing: dict[str, dict[str, dict]]) -> list[DocumentInfo]:
    docs = []
    for doc_id, chunks in existing.items():
        meta = next(iter(chunks.values()))
        docs.append(DocumentInfo(doc_id, str(meta.get("title", "")), str(meta.get("path", "")), len(chunks),
                                 str(meta.get("indexed_at", "")), _complete(chunks)))
    return sorted(docs, key=lambda d: (d.title.lower(), d.doc_id))


def list_documents(rt: Runtime | None = None) -> list[DocumentInfo]:
    """Every document with chunks stored; `complete` is False for one an interrupted run left half-done."""
    rt = rt or runtime()
    return _infos(_stored_documents(rt.store))


def remove_document(path_or_id: str, rt: Runtime | None = None) -> DocumentInfo:
    """Remove one of your documents, named by its id (see --list) or by its file path."""
    rt = rt or runtime()
    wanted = path_or_id.strip()
    resolved = str(Path(wanted).expanduser().resolve()) if wanted else ""
    with rt.lock, rt.store.writing():
        for doc in list_documents(rt):
            if wanted in (doc.doc_id, doc.path) or resolved == doc.path:
                rt.store.delete(OWN_DOCUMENTS, {"doc_id": doc.doc_id})
                rt.cache.clear()
                return doc
    raise InputError(f"no indexed document matches {path_or_id!r}. See `tender-coach index --list` for ids and paths.")
