"""The tip of the week: two sentences of advice from the built-in guidance, with its source.

A tip is the opening of a passage's advice section (its section headed as advice, else its first
`##` section that says what to do, not what to avoid or what to look out for). Case studies are left out: their advice is a
lesson drawn from one council's story, which two sentences out of context cannot carry, and
the topical passages give the same advice in general form. Passages with no advice section
(background, definitions) are left out too.

The choice is deterministic for (team, channel, week) and never one of the `recent` tips: each
candidate gets a hash of (team, channel, week, passage) and the lowest allowed one wins, so
adding a passage to the guidance reshuffles nothing else. Reads Markdown front matter only:
no embeddings, no vector store."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from knowledge.catalog import Passage, all_passages
from knowledge.text import sentence_spans

SKIP_TOPICS = ("case-studies",)
MAX_SENTENCES = 2
MAX_CHARS = 320  # a second sentence is added only while the tip stays this short
_HEADING = re.compile(r"^##[ \t]+(.+?)[ \t]*$", re.M)
# Sections that warn, list examples or explain rather than advise.
_NOT_ADVICE = re.compile(r"warning|avoid|spot|example|^why|placing|how it (?:maps|fits)|lessons|case studies", re.I)


@lru_cache(maxsize=1)
def candidates() -> tuple[dict[str, str], ...]:
    """Every passage that can be a tip, as the tip: {id, title, text, url, source}."""
    tips = []
    for passage in all_passages():
        text = advice(passage) if passage.topic not in SKIP_TOPICS else None
        if text:
            tips.append({"id": passage.id, "title": passage.title, "text": text, "url": passage.url,
                         "source": passage.source})
    return tuple(tips)


def advice(passage: Passage) -> str | None:
    """The first sentences of the passage's advice section (Markdown, as written), or None."""
    headings = list(_HEADING.finditer(passage.text))
    # A section headed as advice ("... (our advice)") wins over facts set out in earlier sections.
    order = sorted(range(len(headings)), key=lambda n: not re.search(r"\badvice\b", headings[n].group(1), re.I))
    for number in order:
        heading = headings[number]
        if _NOT_ADVICE.search(heading.group(1)):
            continue
        end = headings[number + 1].start() if number + 1 < len(headings) else len(passage.text)
        section = passage.text[heading.end():end]
        sentences: list[str] = []
        for start, stop in sentence_spans(section):
            sentence = " ".join(section[start:stop].split())
            if sentence.endswith(":"):  # it introduces a list or an example that would be cut off
                break
            if sentences and len(" ".join(sentences + [sentence])) > MAX_CHARS:
                break
            sentences.append(sentence)
            if len(sentences) == MAX_SENTENCES:
                break
        return " ".join(sentences) or None
    return None


def choose_tip(team_id: str, channel_id: str, week_key: str, recent: Sequence[str] = (), *,
               avoid: Iterable[str] = ()) -> dict[str, str] | None:
    """The tip for this channel and week: {id, title, text, url, source}. Never one of `recent`
    (the last weeks' tip ids) while any other is left; not one of `avoid` (passages the digest
    links already) unless nothing else is left. None only if the guidance holds no tip at all."""
    pool = candidates()
    if not pool:
        return None
    recent, avoid = set(recent), set(avoid)
    ranked = sorted(pool, key=lambda tip: _rank(team_id, channel_id, week_key, tip["id"]))
    for allowed in (lambda t: t["id"] not in recent and t["id"] not in avoid,
                    lambda t: t["id"] not in recent):
        for tip in ranked:
            if allowed(tip):
                return dict(tip)
    return dict(ranked[0])  # every tip was shown lately: a repeat beats no tip


def _rank(team_id: str, channel_id: str, week_key: str, passage_id: str) -> bytes:
    return hashlib.sha256(f"{team_id}\0{channel_id}\0{week_key}\0{passage_id}".encode()).digest()
