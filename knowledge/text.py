"""Words and sentences: the one tokeniser shared by BM25, the fake embedder and
answer extraction, so all three agree on what a "term" is."""

from __future__ import annotations

import re
from functools import lru_cache

# Standard English function words plus the chat fillers people type in Slack
# ("hey, quick question, does anyone know..."): none of them says what a question is about.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are aren't as at be because been before being
    below between both but by can cannot could couldn't did didn't do does doesn't doing don't down during
    each either etc few for from further get gets got had hadn't has hasn't have haven't having he her here
    hers herself him himself his how i if in into is isn't it it's its itself just let let's like may me
    might more most much must mustn't my myself need no nor not now of off on once one only or other ought
    our ours ourselves out over own per really same say says shall shan't she should shouldn't so some such
    than that that's the their theirs them themselves then there there's these they they're this those
    through to too under until up upon us very via want was wasn't we we're were weren't what what's when
    where which while who whom why will with won't would wouldn't yes yet you your yours yourself
    yourselves anyone anybody someone somebody anything something thing things hi hey hello thanks thank
    please pls quick question guys folks ok okay re eg ie e g i e
    """.split()
)

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def _stem(word: str) -> str:
    # A deliberately light suffix strip: enough that "weighting", "weighted" and "weights" meet
    # "weight", without a stemming dependency or the over-reach of a full Porter stemmer.
    if len(word) <= 3 or not word.isascii() or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ing") and len(word) > 5:
        return word[:-3]
    if word.endswith("ed") and len(word) > 4 and not word.endswith("eed"):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# Chat shorthand for words the guidance spells out: "the spec" must meet "the specification".
ABBREVIATIONS = {
    "spec": "specification", "specs": "specification", "info": "information", "govt": "government",
    "gov": "government", "org": "organisation", "orgs": "organisation", "stats": "statistics",
}


@lru_cache(maxsize=1 << 16)
def _term(word: str) -> str:
    # Cached: the same few thousand words recur all through a long document.
    word = word.replace("’", "'")
    word = ABBREVIATIONS.get(word, word)
    return "" if word in STOPWORDS else _stem(word.replace("'", ""))


def tokenize(text: str) -> list[str]:
    """Lower-cased content words, lightly stemmed. Works for any script: non-English
    text is split on Unicode word characters and simply not stemmed."""
    return [term for term in map(_term, _WORD.findall(text.lower())) if term]


# --- sentences ----------------------------------------------------------------

_LIST_MARKER = re.compile(r"\s*(?:[-*•]|\d{1,3}[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])[\"'”’)]*\s+(?=[\"'“‘(*\w])")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "St.", "Dr.", "No.", "cf.", "et al.")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of prose sentences and list items in `text`, so a caller can
    quote them verbatim. Headings and table rows are skipped: they are not sentences."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        line_start, offset = offset, offset + len(line)
        body = line.rstrip()
        if not body.strip() or body.lstrip().startswith(("#", "|")):
            continue
        marker = _LIST_MARKER.match(body)
        start = marker.end() if marker else len(body) - len(body.lstrip())
        pieces: list[tuple[int, int]] = []
        cursor = start
        for end in _SENTENCE_END.finditer(body, start):
            pieces.append((cursor, end.start()))
            cursor = end.end()
        pieces.append((cursor, len(body)))
        merged: list[tuple[int, int]] = []
        for a, b in pieces:
            if merged and body[merged[-1][0]:merged[-1][1]].endswith(_ABBREVIATIONS):
                merged[-1] = (merged[-1][0], b)
            else:
                merged.append((a, b))
        spans.extend((line_start + a, line_start + b) for a, b in merged if b > a)
    return spans
