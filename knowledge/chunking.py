"""Cut passages and documents into chunks the model can embed whole.

Ids are positional (`<passage-id>#<n>`) and every chunk carries the sha256 of exactly
what the model sees, so re-indexing can tell unchanged chunks from changed ones without
embedding anything."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Iterator

from knowledge.catalog import Passage

# all-MiniLM-L6-v2 reads at most 256 word pieces (about 1,000-1,300 characters of English);
# text past that is silently ignored by the model, so keep chunks within it.
MAX_CHARS = 1200

GUIDANCE, OWN_DOCUMENTS = "guidance", "own_documents"
OWN_SOURCE = "your documents"

_HEADING = re.compile(r"(?m)^## ")
_ANY_HEADING = re.compile(r"(?m)^#{1,3} ")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+|\f+")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?。！？;])\s+")


@dataclass(frozen=True)
class Chunk:
    id: str
    text: str  # verbatim section text: shown to users and searched by BM25
    metadata: dict[str, str | int] = field(hash=False)

    @property
    def embed_text(self) -> str:
        return embedding_input(str(self.metadata["title"]), self.text)

    @property
    def hash(self) -> str:
        return str(self.metadata["hash"])


def embedding_input(title: str, text: str) -> str:
    # The title goes in with every section: "## In a specification" alone says nothing about
    # 15-minute visits. Kept as a function so a stored chunk can be re-embedded from the store.
    return f"{title}\n{text}"


def content_hash(title: str, text: str) -> str:
    return hashlib.sha256(embedding_input(title, text).encode("utf-8")).hexdigest()


def _make(chunk_id: str, text: str, meta: dict[str, str | int], position: int) -> Chunk:
    metadata = {**meta, "position": position, "hash": content_hash(str(meta["title"]), text)}
    return Chunk(chunk_id, text, metadata)


# --- built-in guidance ------------------------------------------------------------


def chunk_passage(passage: Passage) -> list[Chunk]:
    """One chunk for the text before the first `## ` heading, one per `## ` section
    (each cut further if it is longer than MAX_CHARS)."""
    meta: dict[str, str | int] = {
        "passage_id": passage.id, "doc_id": passage.id, "title": passage.title, "topic": passage.topic,
        "phase": passage.phase, "source": passage.source, "url": passage.url, "origin": GUIDANCE,
        # Chroma metadata holds scalars only: the nations go in as one comma-separated string.
        "jurisdictions": ",".join(passage.jurisdictions), "source_date": passage.source_date,
        "superseded_by": passage.superseded_by or "",
    }
    chunks = []
    for n, piece in enumerate(_pieces(_split_at(passage.text, _HEADING))):
        chunks.append(_make(f"{passage.id}#{n}", piece, meta, n))
    return chunks


# --- your own documents -------------------------------------------------------------


def chunk_document(text: str, *, doc_id: str, title: str, url: str) -> Iterator[Chunk]:
    """Chunks of a council's own document, produced lazily so a 10,000-page text is embedded
    and stored batch by batch. Markdown headings start new chunks; everything is size-capped."""
    for n, piece in enumerate(_pieces(_split_at(text, _ANY_HEADING))):
        chunk_id = f"{doc_id}#{n}"
        meta: dict[str, str | int] = {
            # Each chunk of a long policy is its own citable passage.
            "passage_id": chunk_id, "doc_id": doc_id, "title": title, "topic": "", "phase": "",
            "source": OWN_SOURCE, "url": url, "origin": OWN_DOCUMENTS,
            # Where a council's own policy applies and how old it is are not known: never guessed.
            "jurisdictions": "", "source_date": "", "superseded_by": "",
        }
        yield _make(chunk_id, piece, meta, n)


# --- splitting ------------------------------------------------------------------------


def _split_at(text: str, heading: re.Pattern[str]) -> Iterator[str]:
    start = 0
    for match in heading.finditer(text):
        if match.start() > start:
            yield text[start:match.start()]
        start = match.start()
    yield text[start:]


def _pieces(sections: Iterator[str]) -> Iterator[str]:
    for section in sections:
        section = section.strip()
        if not section:
            continue
        if len(section) <= MAX_CHARS:
            yield section
        else:
            yield from _pack(_units(section))


def _units(section: str) -> Iterator[str]:
    """Paragraphs, or sentences of an over-long paragraph, or hard cuts of an over-long
    'sentence' (text with no punctuation, or scripts written without spaces)."""
    for paragraph in _PARAGRAPH_BREAK.split(section):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        if len(paragraph) <= MAX_CHARS:
            yield paragraph
            continue
        for sentence in _SENTENCE_BREAK.split(paragraph):
            while len(sentence) > MAX_CHARS:
                cut = sentence.rfind(" ", MAX_CHARS // 2, MAX_CHARS)
                cut = cut if cut > 0 else MAX_CHARS
                yield sentence[:cut].strip()
                sentence = sentence[cut:].strip()
            if sentence:
                yield sentence


def _pack(units: Iterator[str]) -> Iterator[str]:
    # Greedy packing keeps neighbouring paragraphs together up to the cap: fewer, fuller chunks.
    current: list[str] = []
    size = 0
    for unit in units:
        if current and size + 2 + len(unit) > MAX_CHARS:
            yield "\n\n".join(current)
            current, size = [], 0
        current.append(unit)
        size += len(unit) + (2 if size else 0)
    if current:
        yield "\n\n".join(current)
