"""Keeping the two collections up to date: the built-in guidance ("guidance") and a
council's own policies and past tenders ("own_documents")."""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.catalog import all_passages
from knowledge.chunking import (
    GUIDANCE,
    OWN_DOCUMENTS,
    Chunk,
    chunk_document,
    chunk_passage,
)
from knowledge.errors import IndexBusyError, InputError
from knowledge.runtime import Runtime, runtime
from knowledge.store import SyncStats

INDEXABLE = (".md", ".markdown", ".txt", ".text", ".docx", ".pdf")
Progress = Callable[[float], None]  # fraction done, 0..1


# --- built-in guidance --------------------------------------------------------------


def guidance_chunks() -> list[Chunk]:
    return [chunk for passage in all_passages() for chunk in chunk_passage(passage)]


def _fingerprint(chunks: Iterable[Chunk]) -> str:
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(json.dumps([chunk.id, chunk.metadata], sort_keys=True).encode())
    return digest.hexdigest()


def ensure_guidance(rt: Runtime | None = None, on_progress: Progress | None = None) -> SyncStats | None:
    """Make the index usable: build the guidance index if absent, bring it up to date
    (incrementally) if a policy lead edited the guidance files, and re-embed everything that
    another model embedded. Checked once per process; returns None when nothing had to change."""
    rt = rt or runtime()
    with rt.lock:
        if rt.guidance_checked:
            return None
        store = rt.store
        chunks = guidance_chunks()
        fingerprint = _fingerprint(chunks)
        usable = store.matches_embedder(GUIDANCE) and store.count(GUIDANCE) > 0
        current = usable and (store.collection(GUIDANCE).metadata or {}).get("fingerprint") == fingerprint
        # Vectors from another model cannot be compared with this model's questions at all.
        own_ok = store.count(OWN_DOCUMENTS) == 0 or store.matches_embedder(OWN_DOCUMENTS)
        if current and own_ok:
            rt.guidance_checked = True
            return None
        try:
            with store.writing():
                if not own_ok:
                    store.reembed(OWN_DOCUMENTS)
                    rt.cache.clear()
                stats = None if current else _sync_guidance(
                    rt, chunks, fingerprint, rebuild=not store.matches_embedder(GUIDANCE), on_progress=on_progress)
        except IndexBusyError:
            if usable and own_ok:  # someone else is updating it; the index we have still answers questions
                rt.guidance_checked = True
                return None
            raise
        rt.guidance_checked = True
        return stats


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
    if rebuild:
        store.drop(GUIDANCE)
    total = len(chunks) or 1
    stats = store.sync(GUIDANCE, chunks, on_progress=on_progress and (lambda n, _: on_progress(n / total)))
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


@dataclass
class FileResult:
    path: str
    doc_id: str = ""
    stats: SyncStats = field(default_factory=SyncStats)
    error: str = ""  # empty when the file was indexed

    @property
    def ok(self) -> bool:
        return not self.error


def document_id(path: Path) -> str:
    """Readable and stable: the file's name plus a short hash of where it lives, so two
    'policy.docx' files in different folders do not overwrite each other."""
    resolved = str(path.resolve())
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")[:40] or "document"
    return f"{slug}-{hashlib.sha256(resolved.encode()).hexdigest()[:8]}"


def expand_paths(paths: Iterable[str]) -> list[Path]:
    """Files to index: each file given, and every indexable file inside each folder given."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INDEXABLE))
        else:
            out.append(path)
    return out


def index_documents(
    paths: Iterable[str],
    rt: Runtime | None = None,
    *,
    on_file: Callable[[Path], None] | None = None,
    on_progress: Progress | None = None,
    on_done: Callable[[FileResult], None] | None = None,
) -> tuple[list[FileResult], list[DocumentInfo]]:
    """Index each file (a bad file is reported and skipped; the rest are still indexed),
    and drop documents whose files no longer exist. Returns (results, documents removed)."""
    from scoring.readers import EMPTY_MESSAGE, read_document

    rt = rt or runtime()
    store = rt.store
    results: list[FileResult] = []
    with rt.lock, store.writing():
        if store.count(OWN_DOCUMENTS) and not store.matches_embedder(OWN_DOCUMENTS):
            store.reembed(OWN_DOCUMENTS)  # indexed with another model: its vectors cannot be compared
        for path in expand_paths(paths):
            result = FileResult(str(path))
            if on_file:
                on_file(path)
            try:
                if path.suffix.lower() not in INDEXABLE and path.exists():
                    raise InputError(f"{path}: only .md, .txt, .docx and .pdf files can be indexed")
                text = read_document(path)
                result.doc_id = document_id(path)
                result.stats = _index_text(rt, path, result.doc_id, text, on_progress)
            except InputError as exc:
                message = str(exc)
                result.error = f"{path} is empty: there is nothing to index" if message == EMPTY_MESSAGE else message
            results.append(result)
            if on_done:
                on_done(result)
        removed = _prune_missing(rt)
    rt.cache.clear()
    return results, removed


def _index_text(rt: Runtime, path: Path, doc_id: str, text: str, on_progress: Progress | None) -> SyncStats:
    store = rt.store
    doc_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    where = {"doc_id": doc_id}
    existing = store.get(OWN_DOCUMENTS, where=where, documents=False)
    if existing and all(c.metadata.get("doc_hash") == doc_hash for c in existing):
        if on_progress:
            on_progress(1.0)
        return SyncStats(unchanged=len(existing))  # same text as last time: nothing to read into the model
    extra = {"path": str(path.resolve()), "doc_hash": doc_hash, "indexed_at": time.strftime("%Y-%m-%d %H:%M")}
    title = _title(path, text)
    chunks = (
        Chunk(c.id, c.text, {**c.metadata, **extra})
        for c in chunk_document(text, doc_id=doc_id, title=title, url=path.resolve().as_uri())
    )
    total = len(text) or 1
    report = on_progress and (lambda _n, chars: on_progress(min(chars / total, 1.0)))
    stats = store.sync(OWN_DOCUMENTS, chunks, where=where, on_progress=report)
    if on_progress:
        on_progress(1.0)
    return stats


def _title(path: Path, text: str) -> str:
    match = re.search(r"(?m)^# +(.+)$", text[:5000])
    if match:
        return match.group(1).strip()[:200]
    return re.sub(r"[-_]+", " ", path.stem).strip() or path.name


def _prune_missing(rt: Runtime) -> list[DocumentInfo]:
    gone = [d for d in list_documents(rt) if d.path and not Path(d.path).exists()]
    for doc in gone:
        rt.store.delete(OWN_DOCUMENTS, {"doc_id": doc.doc_id})
    return gone


def list_documents(rt: Runtime | None = None) -> list[DocumentInfo]:
    rt = rt or runtime()
    docs: dict[str, DocumentInfo] = {}
    for chunk in rt.store.get(OWN_DOCUMENTS, documents=False):
        meta = chunk.metadata
        doc_id = str(meta.get("doc_id", chunk.id.split("#")[0]))
        if doc_id not in docs:
            docs[doc_id] = DocumentInfo(doc_id, str(meta.get("title", "")), str(meta.get("path", "")), 0,
                                        str(meta.get("indexed_at", "")))
        docs[doc_id].chunks += 1
    return sorted(docs.values(), key=lambda d: (d.title.lower(), d.doc_id))


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
