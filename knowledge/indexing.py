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
from knowledge.chunking import (
    GUIDANCE,
    OWN_DOCUMENTS,
    Chunk,
    chunk_document,
    chunk_passage,
)
from knowledge.errors import IndexBusyError, InputError
from knowledge.runtime import Runtime, runtime
from knowledge.store import LOCK_TIMEOUT_SECONDS, BatchedSync, SyncStats

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
        state = _GuidanceState.read(store, fingerprint)
        if state.current and state.own_ok:
            rt.guidance_checked = True
            return None
        wait = LOCK_TIMEOUT_SECONDS if state.usable else FIRST_BUILD_WAIT_SECONDS
        try:
            with store.writing(wait=wait, busy_message=_first_build_message(wait)):
                state = _GuidanceState.read(store, fingerprint)  # another process may have built it meanwhile
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
    current: bool  # complete, and from exactly today's guidance files
    own_ok: bool  # your documents are empty or embedded by this model too

    @property
    def usable(self) -> bool:
        return self.model_ok and self.complete and self.own_ok

    @classmethod
    def read(cls, store, fingerprint: str) -> _GuidanceState:
        meta = store.metadata(GUIDANCE)  # fresh: another process may have written it
        model_ok = all(meta.get(k) == v for k, v in store.expected_metadata().items())
        complete = model_ok and bool(meta.get("fingerprint")) and store.count(GUIDANCE) > 0
        own_ok = store.count(OWN_DOCUMENTS) == 0 or store.matches_embedder(OWN_DOCUMENTS)
        return cls(model_ok, complete, complete and meta.get("fingerprint") == fingerprint, own_ok)


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


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


def collect_files(paths: Iterable[str], follow_links: bool = False) -> tuple[list[Path], list[Skipped]]:
    """Files to index: each file given, and every indexable file inside each folder given.

    A symbolic link inside a folder is followed only when it stays inside the folders given
    (or with follow_links): a link to /etc or to a home folder must not end up quoted in Slack.
    A file named on the command line is taken as it is, link or not: the user chose it.
    Each real file is indexed once, however many ways lead to it."""
    given = [Path(raw).expanduser() for raw in paths]
    roots = [p.resolve() for p in given if p.is_dir()]
    files: list[Path] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()

    def add(path: Path) -> None:
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            files.append(path)

    for path in given:
        if not path.is_dir():
            add(path)
            continue
        found: list[Path] = []
        _walk(path, roots, follow_links, found, skipped)
        for file in sorted(found):
            add(file)
    return files, skipped


def _walk(folder: Path, roots: list[Path], follow_links: bool, found: list[Path], skipped: list[Skipped]) -> None:
    visited: set[str] = set()  # real folders already listed: a link loop ends here
    stack = [folder]
    while stack:
        current = stack.pop()
        real = os.path.realpath(current)
        if real in visited:
            continue
        visited.add(real)
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(str(current), f"this folder could not be read ({exc.strerror or exc})"))
            continue
        for entry in entries:
            path = Path(entry.path)
            try:
                if entry.is_symlink():
                    _follow_link(path, roots, follow_links, found, skipped, stack)
                elif entry.is_dir(follow_symlinks=False):
                    stack.append(path)
                elif entry.is_file(follow_symlinks=False) and path.suffix.lower() in INDEXABLE:
                    found.append(path)
            except OSError as exc:
                skipped.append(Skipped(str(path), f"could not be read ({exc.strerror or exc})"))


def _follow_link(path: Path, roots: list[Path], follow_links: bool, found: list[Path], skipped: list[Skipped],
                 stack: list[Path]) -> None:
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # RuntimeError: a link loop, before Python 3.13
        skipped.append(Skipped(str(path), "a broken symbolic link or a link loop"))
        return
    inside = any(target == root or target.is_relative_to(root) for root in roots)
    if not inside and not follow_links:
        skipped.append(Skipped(str(path), f"a link to {target}, outside the folders given (--follow-links indexes it)"))
    elif target.is_dir():
        if follow_links:  # inside the folders given, its files are reached by their own path anyway
            stack.append(path)
    elif path.suffix.lower() in INDEXABLE:
        found.append(path)


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
    An unchanged file costs a hash; a changed one re-embeds only the sections that changed."""
    from scoring.readers import EMPTY_MESSAGE, read_document

    rt = rt or runtime()
    store = rt.store
    files, skipped = collect_files(paths, follow_links)
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
            result = FileResult(str(path))
            try:
                if path.suffix.lower() not in INDEXABLE and path.exists():
                    raise InputError(f"{path}: only .md, .txt, .docx and .pdf files can be indexed")
                text = read_document(path)
                result.doc_id = document_id(path)
                result.stats = _queue_text(batch, existing.get(result.doc_id, {}), path, result.doc_id, text)
            except InputError as exc:
                message = str(exc)
                result.error = f"{path} is empty: there is nothing to index" if message == EMPTY_MESSAGE else message
            results.append(result)
        if on_read and files:
            on_read(len(files), len(files), files[-1])
        removed = _prune_missing(batch, existing)
        batch.finish()
    rt.cache.clear()
    for result in results:
        if on_done:
            on_done(result)
    return results, removed


def _stored_documents(store) -> dict[str, dict[str, dict]]:
    """doc_id -> {chunk id: metadata} for every chunk of your documents, in one paged read."""
    out: dict[str, dict[str, dict]] = {}
    for chunk in store.get(OWN_DOCUMENTS, documents=False):
        doc_id = str(chunk.metadata.get("doc_id", chunk.id.split("#")[0]))
        out.setdefault(doc_id, {})[chunk.id] = chunk.metadata
    return out


def _queue_text(batch: BatchedSync, existing: dict[str, dict], path: Path, doc_id: str, text: str) -> SyncStats:
    doc_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if existing and all(meta.get("doc_hash") == doc_hash for meta in existing.values()):
        return SyncStats(unchanged=len(existing))  # same text as last time: nothing to read into the model
    extra = {"path": str(path.resolve()), "doc_hash": doc_hash, "indexed_at": time.strftime("%Y-%m-%d %H:%M")}
    title = _title(path, text)
    chunks = (
        Chunk(c.id, c.text, {**c.metadata, **extra})
        for c in chunk_document(text, doc_id=doc_id, title=title, url=path.resolve().as_uri())
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
                                 str(meta.get("indexed_at", ""))))
    return sorted(docs, key=lambda d: (d.title.lower(), d.doc_id))


def list_documents(rt: Runtime | None = None) -> list[DocumentInfo]:
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
