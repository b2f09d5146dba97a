"""What the reader noticed about a file (knowledge/draft_text.py), and what the review can tell about the draft's
language, as findings at the top of a review."""

from __future__ import annotations

import itertools
import re

from scoring.report import Finding

NOTICE_RULE = "input/hidden-marker"
LANGUAGE_RULE = "input/not-english"

# Common short words of English, and of languages tenders near ours are written in (Malay and Indonesian, French,
# Spanish, Portuguese, Italian, German, Dutch, Welsh, Maori). Words that are also English ("a", "in", "per", "van",
# "die", "he") are left out of the others, so an English table of terse labels never counts as another language.
_ENGLISH = frozenset(
    "the and of to in for is are will be with by on that this as or from at an it must shall should have has not "
    "their which all each who within than been was were can may these those our your they its into".split())
_OTHER = frozenset(
    # Malay and Indonesian
    "yang dan untuk dengan di ini akan dalam kepada oleh pada atau tidak dari adalah bagi sebagai telah boleh serta "
    "setiap perkhidmatan pelanggan hari "
    # French
    "le la les des et pour dans est une du au aux sur par qui que sont avec ne pas ou "
    # Spanish and Portuguese
    "el los las del y para con por una es se su al como más os da do em com uma não são dos das ao pelo pela "
    # Italian
    "il della che di non sono gli delle nel "
    # German and Dutch
    "der und für mit von ist zu das ein eine nicht auf sich werden het een voor niet zijn "
    # Welsh
    "yr ac yn ar gan ein eich bod ei hyn fydd gyda cyfer neu mae sy sydd "
    # Maori
    "te ki ngā ka ai mō kia nei tēnei hei mā".split())
_WORD_RE = re.compile(r"[^\W\d_]+")
_SAMPLE_WORDS = 5000  # enough to tell a language; bounded whatever the draft's size
_MIN_WORDS = 25


def notice_findings(text: str) -> list[Finding]:
    """A warning at the start of the draft for each notice the reader left on `text`, and one when the draft is
    plainly not in English (the rules read English only, so silence would say nothing)."""
    notices = [
        Finding(rule=NOTICE_RULE, category="input", level="warning", message=notice,
                why="A marker the reader cannot see would hide problems from everyone who reviews the draft.",
                line=1, column=1, start=0, end=0, match="", rewrite=None, guidance=())
        for notice in getattr(text, "notices", ())
    ]
    if not_english(text):
        notices.append(Finding(
            rule=LANGUAGE_RULE, category="input", level="warning",
            message="This draft does not look like English: most of its common words are from another language. "
                    "Tender Coach reads English only, so finding nothing here says nothing about the draft.",
            why="The checks look for English wording of targets, payments and award criteria; in another language "
                "they cannot see them, and a quiet review would read as a clean one.",
            line=1, column=1, start=0, end=0, match="", rewrite=None, guidance=()))
    return notices


def _common_words(text: str) -> tuple[int, int, int]:
    """(words, English common words, other languages' common words) among the first `_SAMPLE_WORDS` words of `text`."""
    english = other = total = 0
    for m in itertools.islice(_WORD_RE.finditer(text), _SAMPLE_WORDS):
        word = m.group(0).lower()
        total += 1
        if word in _ENGLISH:
            english += 1
        elif word in _OTHER:
            other += 1
    return total, english, other


def other_language(clause: str) -> bool:
    """True when one clause is plainly in another language: at least three of its common words are another language's
    and its English common words are fewer than half as many ("dalam hal harga menjadi dasar penetapan pemenang"). A
    suggestion written in English would not fit there."""
    _, english, other = _common_words(clause)
    return other >= 3 and english * 2 < other


def not_english(text: str) -> bool:
    """True when the draft's common words are mostly another language's: at least `_MIN_WORDS` words, at least one in
    eight a common word of another language, and English common words fewer than half as many. A bilingual draft, or
    an English table of short labels, is not flagged."""
    total, english, other = _common_words(text)
    return total >= _MIN_WORDS and other * 8 >= total and english * 2 < other
