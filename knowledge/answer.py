"""`ask`: the best passages for a question and a short extractive answer.

The answer is made only of sentences copied from the passages returned with it, so every
word a commissioner reads can be traced to a cited source. Nothing is generated."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from knowledge.errors import InputError
from knowledge.retrieve import Hit, Retrieval, search, validate_filters
from knowledge.runtime import Runtime, runtime
from knowledge.text import sentence_spans, tokenize

MAX_QUESTION_CHARS = 2000  # the model reads ~256 word pieces; more would only slow BM25 down
MAX_K = 20
ANSWER_PASSAGES = 3  # sentences come from at most this many of the top passages
ANSWER_SENTENCES = 3
ANSWER_MAX_CHARS = 700
MIN_COVERAGE = 0.3  # see _relevant; calibrated with the embedders' thresholds
NO_ANSWER = (
    "I couldn't find guidance on that. Try asking in other words (for example about outcomes, "
    "co-production, social value, award weightings or homecare), or add your own policies "
    "with `tender-coach index`."
)


@dataclass
class Answer:
    question: str
    answer: str
    passages: list[Hit]
    truncated: bool = False  # only the first MAX_QUESTION_CHARS characters were used

    def to_dict(self) -> dict:
        return {"question": self.question, "answer": self.answer, "passages": [p.to_dict() for p in self.passages]}


def check_request(question: str, k: int = 3, topic: str | None = None, phase: str | None = None) -> None:
    """Refuse a bad request before any model or index work is done for it."""
    if not isinstance(question, str) or not question.strip():
        raise InputError("the question is empty: ask something, e.g. tender-coach ask \"How should we weight price against quality?\"")
    if not isinstance(k, int) or not 1 <= k <= MAX_K:
        raise InputError(f"k must be a whole number from 1 to {MAX_K}")
    validate_filters(topic, phase)


def answer(question: str, k: int = 3, topic: str | None = None, phase: str | None = None,
           *, rt: Runtime | None = None) -> Answer:
    check_request(question, k, topic, phase)
    question = question.strip()
    used = question[:MAX_QUESTION_CHARS]
    rt = rt or runtime()
    found = search(used, k=k, topic=topic, phase=phase, rt=rt)
    if not _relevant(found, rt):
        return Answer(question, NO_ANSWER, [], truncated=len(question) > len(used))
    sentences = _best_sentences(found)
    return Answer(question, " ".join(sentences), found.hits, truncated=len(question) > len(used))


def ask(question: str, k: int = 3, topic: str | None = None, phase: str | None = None) -> dict:
    """The JSON contract of DESIGN.md: {"question", "answer", "passages": [{id, title, text, source, url, score}]}."""
    return answer(question, k=k, topic=topic, phase=phase).to_dict()


def _relevant(found: Retrieval, rt: Runtime) -> bool:
    # A close match in meaning is enough on its own. A looser one must also share a fair part of
    # the question's wording with a top passage: office chatter ("how do I book annual leave?")
    # lands in the loose band and shares only a word or two ("leave", "staff"). Below the floor,
    # nothing counts: that is the "no close meaning AND no shared words" case, and more.
    if not found.hits:
        return False
    embedder = rt.embedder
    if found.best_similarity >= embedder.strong_similarity:
        return True
    return (found.best_similarity >= embedder.min_similarity and found.lexical_match
            and found.coverage >= MIN_COVERAGE)


class _Candidate(NamedTuple):
    score: float
    rank: int  # of its passage among the hits
    offset: int  # within its passage, to read chosen sentences in order
    sentence: str
    terms: set[str]


def _best_sentences(found: Retrieval) -> list[str]:
    terms = set(found.terms)
    weight = {t: found.lexical.idf(t) for t in terms}
    total = sum(weight.values()) or 1.0
    candidates: list[_Candidate] = []
    for rank, hit in enumerate(found.hits[:ANSWER_PASSAGES]):
        offset = 0
        for chunk, similarity in hit.chunks:
            for n, (start, end) in enumerate(sentence_spans(chunk.text)):
                sentence = chunk.text[start:end].strip()
                words = set(tokenize(sentence))
                # Fragments ("Stage 3.", "(c) sharing information;") and list lead-ins ("...in three
                # stages:") say nothing alone.
                if len(words) < 4 or sentence.endswith((":", ";")):
                    continue
                score = (
                    sum(weight[t] for t in terms & words) / total  # the question's rarer words count most
                    + 0.5 * (similarity or 0.0)  # the section's closeness in meaning (no per-sentence model call)
                    + (0.15, 0.07, 0.0)[min(rank, 2)]  # trust the fused ranking
                    + (0.03 if n == 0 else 0.0)  # a section's first sentence usually states its point
                )
                candidates.append(_Candidate(score, rank, offset + start, sentence, words))
            offset += len(chunk.text) + 2
    if not candidates:  # only headings, tables or fragments: quote the first line of prose
        lines = [ln.strip() for ln in found.hits[0].text.splitlines() if ln.strip()[:1] not in ("", "#", "|")]
        return [lines[0][:ANSWER_MAX_CHARS]] if lines else []
    candidates.sort(key=lambda c: -c.score)
    best = candidates[0].score
    chosen: list[_Candidate] = []
    length = 0
    for cand in candidates:
        if len(chosen) == ANSWER_SENTENCES or (len(chosen) >= 2 and cand.score < 0.75 * best):
            break
        if chosen and length + len(cand.sentence) > ANSWER_MAX_CHARS:
            continue
        # Passages restate each other (PPN 06/20's 10% floor appears in four); say each thing once.
        if any(_similar(cand.terms, c.terms) for c in chosen):
            continue
        chosen.append(cand)
        length += len(cand.sentence) + 1
    chosen.sort(key=lambda c: (c.rank, c.offset))  # read in the passages' own order
    return [c.sentence for c in chosen]


def _similar(a: set[str], b: set[str]) -> bool:
    # Overlap against the shorter sentence: a restatement inside a longer sentence still counts.
    return len(a & b) / (min(len(a), len(b)) or 1) >= 0.6
