"""Hybrid retrieval: dense (embeddings in Chroma) and lexical (BM25) candidate lists,
each collapsed to passages and fused by reciprocal rank. The two fail differently:
the model misses exact names ("PPN 002", "s23", "SWEMWBS"), BM25 misses paraphrase
("quarter-hour visits"), and RRF needs no score calibration between them."""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field

from knowledge.catalog import PHASES, TOPICS
from knowledge.chunking import GUIDANCE, OWN_DOCUMENTS
from knowledge.errors import InputError
from knowledge.indexing import ensure_guidance
from knowledge.jurisdiction import asked_nation, parse, weight
from knowledge.lexical import LexicalIndex
from knowledge.runtime import Runtime, runtime
from knowledge.store import StoredChunk
from knowledge.text import tokenize

RRF_K = 60
CANDIDATES = 20  # chunks taken from each list before fusion
REVALIDATE_SECONDS = 5.0  # how stale another process's index changes may be in a long-running server
MODES = ("hybrid", "dense", "lexical")


@dataclass
class Hit:
    passage_id: str
    title: str
    text: str  # the whole passage (built-in guidance) or the matching section (your documents)
    source: str
    url: str
    origin: str
    score: float  # fused rank score; 1.0 = first by meaning and first by wording
    # The passage's chunks, in order, each with its cosine to the question when the dense list had it.
    chunks: list[tuple[StoredChunk, float | None]] = field(default_factory=list)
    jurisdictions: tuple[str, ...] = ()  # empty for your documents: where they apply is not known
    source_date: str = ""  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"; empty for your documents
    superseded_by: str | None = None  # the id of the guidance that replaced this passage's

    def to_dict(self) -> dict:
        return {"id": self.passage_id, "title": self.title, "text": self.text, "source": self.source,
                "url": self.url, "score": round(self.score, 4), "jurisdictions": list(self.jurisdictions),
                "source_date": self.source_date, "superseded_by": self.superseded_by}


@dataclass
class Retrieval:
    terms: list[str]
    hits: list[Hit]
    best_similarity: float  # best cosine among dense candidates; 0.0 when there were none
    lexical_match: bool  # some candidate shares at least one content word with the question
    coverage: float  # IDF-weighted share of the question's words found in one chunk of the top passages
    lexical: LexicalIndex = field(repr=False)  # word weights for whoever quotes from the hits
    # IDF-weighted share of the question's words that appear nowhere in the index ("IR35", "precept"):
    # a question hinging on a word the guidance never uses is rarely answered by it.
    unknown: float = 0.0
    nation: str | None = None  # the nation the question names, which re-ranked the hits
    # Share of the question's adjacent word pairs that the top passages use as a pair: a near miss
    # shares words with the guidance, rarely its phrases. 0.0 when the question has no pair ("test",
    # "lol"): one word is no phrase evidence, and its coverage is already all-or-nothing, so the
    # cosine alone must carry it.
    phrases: float = 0.0


class _Corpus:
    """Everything stored, in memory: BM25 over it, and each passage's chunks in order."""

    def __init__(self, rt: Runtime) -> None:
        store = rt.store
        self.revisions = (store.revision(GUIDANCE), store.revision(OWN_DOCUMENTS))
        self.checked_at = time.monotonic()
        # In id order, so BM25's ties rank the same however the store happens to hold its chunks (an index resumed
        # after a crash holds the same chunks in another order).
        chunks = sorted(store.get(GUIDANCE) + store.get(OWN_DOCUMENTS), key=lambda c: c.id)
        self.lexical = LexicalIndex(chunks)
        self.vocabulary = frozenset().union(*self.lexical.terms.values())
        passages: dict[str, list[StoredChunk]] = defaultdict(list)
        for chunk in chunks:
            passages[str(chunk.metadata.get("passage_id", chunk.id))].append(chunk)
        for parts in passages.values():
            parts.sort(key=lambda c: int(c.metadata.get("position", 0)))
        self.passages = dict(passages)


def _corpus(rt: Runtime) -> _Corpus:
    corpus: _Corpus | None = rt.cache.get("corpus")
    if corpus is not None and time.monotonic() - corpus.checked_at > REVALIDATE_SECONDS:
        if (rt.store.revision(GUIDANCE), rt.store.revision(OWN_DOCUMENTS)) != corpus.revisions:
            corpus = None
        else:
            corpus.checked_at = time.monotonic()
    if corpus is None:
        corpus = rt.cache["corpus"] = _Corpus(rt)
    return corpus


def validate_filters(topic: str | None, phase: str | None) -> dict[str, str]:
    where: dict[str, str] = {}
    if topic:
        if topic not in TOPICS:
            raise InputError(f"unknown topic {topic!r}; choose one of: {', '.join(TOPICS)}")
        where["topic"] = topic
    if phase:
        if phase not in PHASES:
            raise InputError(f"unknown phase {phase!r}; choose one of: {', '.join(PHASES)}")
        where["phase"] = phase
    return where


def _chroma_where(where: dict[str, str]) -> dict | None:
    if len(where) > 1:
        return {"$and": [{k: v} for k, v in where.items()]}
    return dict(where) or None


def search(
    question: str,
    *,
    k: int = 3,
    topic: str | None = None,
    phase: str | None = None,
    mode: str = "hybrid",
    rt: Runtime | None = None,
) -> Retrieval:
    """The k best passages for `question`. Filters keep only built-in guidance with that
    topic/phase (your documents have neither, so a filtered search leaves them out)."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    rt = rt or runtime()
    where = validate_filters(topic, phase)
    ensure_guidance(rt)
    corpus = _corpus(rt)
    terms = tokenize(question)

    dense: list[StoredChunk] = []
    if mode != "lexical":
        vector = rt.embedder.encode([question])[0]
        dense = rt.store.query(GUIDANCE, vector, CANDIDATES, _chroma_where(where))
        if corpus.lexical.own_count and not where:
            dense = dense + rt.store.query(OWN_DOCUMENTS, vector, CANDIDATES)
        # Equal similarities ranked by id, not by the store's order (the same after a resumed index as after a clean one).
        dense = sorted(dense, key=lambda c: (-(c.similarity or 0.0), c.id))[:CANDIDATES]
    lexical = [chunk for chunk, _ in corpus.lexical.search(terms, CANDIDATES, where)] if mode != "dense" else []

    lists = [ranked for ranked in (dense, lexical) if ranked] if mode == "hybrid" else [dense or lexical]
    fused: dict[str, float] = defaultdict(float)
    first_seen: dict[str, StoredChunk] = {}
    for ranked in lists:
        seen: set[str] = set()
        for chunk in ranked:
            pid = str(chunk.metadata.get("passage_id", chunk.id))
            if pid in seen:
                continue
            seen.add(pid)
            fused[pid] += 1.0 / (RRF_K + len(seen))
            first_seen.setdefault(pid, chunk)
    nation = asked_nation(question)
    if nation:
        for pid in fused:
            meta = (corpus.passages.get(pid) or [first_seen[pid]])[0].metadata
            fused[pid] *= weight(parse(meta.get("jurisdictions")), nation)
    similarity = {c.id: c.similarity for c in dense}
    best = max((c.similarity or 0.0 for c in dense), default=0.0)
    scale = (1 + RRF_K) / (2 if mode == "hybrid" else 1)
    order = sorted(fused, key=lambda pid: (-fused[pid], -max(
        (similarity.get(c.id) or 0.0 for c in corpus.passages.get(pid, [])), default=0.0), pid))

    hits = []
    for pid in order[:k]:
        parts = corpus.passages.get(pid) or [first_seen[pid]]  # indexed since our copy was built
        meta = parts[0].metadata
        hits.append(Hit(
            passage_id=pid, title=str(meta.get("title", "")), text="\n\n".join(c.text for c in parts),
            source=str(meta.get("source", "")), url=str(meta.get("url", "")), origin=str(meta.get("origin", "")),
            score=min(fused[pid] * scale, 1.0), chunks=[(c, similarity.get(c.id)) for c in parts],
            jurisdictions=parse(meta.get("jurisdictions")), source_date=str(meta.get("source_date") or ""),
            superseded_by=str(meta.get("superseded_by") or "") or None,
        ))
    top_chunks = [c.id for pid in order[:3] for c in corpus.passages.get(pid, [first_seen[pid]])]
    topical = _topical(terms)
    return Retrieval(terms, hits, best, bool(lexical), corpus.lexical.coverage(topical, top_chunks), corpus.lexical,
                     _unknown_share(topical, corpus), nation, _phrase_share(topical, hits[:3]))


def _topical(terms: list[str]) -> list[str]:
    """The words that say what a question is about. A bare number ("price 70% quality 30%", "we have
    about 15") is the asker's own figure, which the guidance has no reason to repeat: it finds
    passages, but judging coverage by it would call a covered question a miss."""
    words = [t for t in terms if not t.isdigit()]
    return words or terms


def _pairs(terms: list[str]) -> set[tuple[str, str]]:
    return {(a, b) for a, b in zip(terms, terms[1:]) if a and b}


def _phrase_share(terms: list[str], hits: list[Hit]) -> float:
    wanted = _pairs(terms)
    if not wanted:
        return 0.0
    used: set[tuple[str, str]] = set()
    for hit in hits:
        used |= _pairs(tokenize(f"{hit.title} {hit.text}"))
    return len(wanted & used) / len(wanted)


def _unknown_share(terms: list[str], corpus: _Corpus) -> float:
    wanted = set(terms)
    total = sum(corpus.lexical.idf(t) for t in wanted)
    return sum(corpus.lexical.idf(t) for t in wanted - corpus.vocabulary) / total if total else 1.0
