"""Optional generated answers: with TENDER_COACH_LLM_URL set, the model may write the answer to a
question from the retrieved passages, and from nothing else.

The model's answer replaces the extractive one only when every check passes:
- every sentence ends with citations, [1] or [1][3], naming passages it was given;
- every number in a sentence (percentages, money, ages, years) appears in a passage it cites;
- it adds nothing the rewrite polish would refuse (links, mentions, markup, control characters,
  instructions), is not longer than the passages it draws on, and has at most MAX_SENTENCES sentences.
Anything else (a timeout, an error, "NOT COVERED", a missing citation, one changed number) keeps the
extractive answer, whose every sentence is quoted from a cited passage. A question the knowledge base
does not cover never reaches the model.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

from .llm import LLMClient, LLMError, unsafe_additions
from .render import render

log = logging.getLogger(__name__)

MAX_SENTENCES = 4
MAX_PASSAGE_CHARS = 3000  # of each passage shown to the model: enough for its key facts, bounded prompt
_CITES = r"(?:\s*\[\d{1,2}\])+"
# A sentence: words, then its citations, with the full stop before or after them.
_SENTENCE_RE = re.compile(rf"\s*(?P<body>[^\[\]]+?)(?P<cites>{_CITES})\s*(?P<stop>[.!?]?)(?=\s|$)")
_CITE_RE = re.compile(r"\[(\d{1,2})\]")
# Numbers as a reader sees them: 10%, £1,500, 2014, 15-minute; thousands separators ignored.
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class Checked:
    text: str  # the answer as shown, sentences joined, citations kept
    cited: tuple[int, ...]  # passage numbers cited, 1-based, in order of first use


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "").rstrip(".") for n in _NUMBER_RE.findall(text)}


def check(reply: str, passages: list[str]) -> Checked | None:
    """The model's reply if it passes every check, else None (see the module docstring)."""
    text = " ".join(reply.split())
    if not text or text.upper().startswith("NOT COVERED"):
        return None
    sentences, cited, end = [], [], 0
    for m in _SENTENCE_RE.finditer(text):
        if text[end:m.start()].strip():
            return None  # words outside any cited sentence
        end = m.end()
        numbers = [int(n) for n in _CITE_RE.findall(m.group("cites"))]
        if any(not 1 <= n <= len(passages) for n in numbers):
            return None
        body = m.group("body").strip()
        if len(body.split()) < 3:
            return None
        source = " ".join(passages[n - 1] for n in numbers)
        if not _numbers(body) <= _numbers(source):
            return None
        # The full stop goes after the citations, whichever side the model put it.
        stop = m.group("stop") or (body[-1] if body[-1] in ".!?" else ".")
        body = body.rstrip(".!? ")
        sentences.append(f"{body} {''.join(f'[{n}]' for n in numbers)}{stop}")
        cited.extend(n for n in numbers if n not in cited)
    if text[end:].strip() or not sentences or len(sentences) > MAX_SENTENCES:
        return None
    joined = " ".join(sentences)
    if unsafe_additions(joined, " ".join(passages)):
        return None
    if len(joined) > sum(len(p) for p in passages):
        return None
    return Checked(joined, tuple(cited))


def generate(result, client: LLMClient | None):
    """`result` is a knowledge Answer. Returns it with a generated answer if the model's passes every
    check, else unchanged. The passages keep their order, so [n] is the n-th source listed."""
    if client is None or not result.covered or not result.passages:
        return result
    shown = [hit.text[:MAX_PASSAGE_CHARS] for hit in result.passages]
    try:
        reply = client.chat(
            render("llm/answer.system.j2", max_sentences=MAX_SENTENCES),
            render("llm/answer.user.j2", question=result.question,
                   passages=[{"title": hit.title, "text": text} for hit, text in zip(result.passages, shown)]),
        )
    except LLMError as exc:
        log.warning("generated answer skipped: %s", exc)
        return result
    checked = check(reply, shown)
    if checked is None:
        log.warning("generated answer refused by the checks; the quoted answer is used")
        return result
    return replace(result, answer=checked.text, generated=True)
