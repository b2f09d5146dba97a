"""What text a regular expression needs before it can match: a gate tried before its program is loaded.

A rule's patterns are a list of alternatives, most of which need a word the text does not have: a
response-time pattern needs "within", a price pattern "£" or "per hour". needs() reads the parse tree of
one alternative and answers with strings, in groups: any text it matches holds at least one string of
every group (`(("within",), ("day", "hour", "week"))`). A text without them cannot match, so the
alternative's program need not be loaded, nor searched, for that text (scoring.patterns.GatedPattern).

Strings are compared case-folded as the engine folds case (fold()): the engine's simple lowercase, then
the characters it treats as equal under IGNORECASE (`ſ` and `s`, `ı` and `i`, final and medial sigma) as
one. A string needed by a case-sensitive part is needed, folded, in the folded text too, so one fold serves
every pattern. The answer is only ever weaker than the truth (an unknown part needs nothing), never stronger:
a gate may let through a text the pattern then does not match, never stop one it would.
"""

from __future__ import annotations

import re

try:  # the engine's own parser (Python 3.11+); without it nothing is gated
    import _sre
    from re import _parser
    from re._casefix import _EXTRA_CASES
    from re._constants import (
        ASSERT, ATOMIC_GROUP, BRANCH, CATEGORY, CATEGORY_DIGIT, IN, LITERAL, MAX_REPEAT, MIN_REPEAT,
    POSSESSIVE_REPEAT, RANGE, SUBPATTERN,
    )
except ImportError:  # pragma: no cover
    _parser = None

VERSION = 8  # of needs(): a change to it must not reuse a split stored by an older one
_MAX_STRINGS = 40  # a group of more strings than this costs more to test than it saves
_MAX_GROUPS = 5  # the most selective groups only
_REPEATS = None if _parser is None else (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT)

Needs = tuple  # tuple[tuple[str, ...], ...]: every group must have one of its strings in the folded text
# A digit (`\\d`, any decimal digit) is needed as this string: fold() appends it to a text with a digit. No
# text holds it otherwise (a review's text has no NUL; one that did would only open a gate, never close one).
DIGIT = "\0\1"
_DIGIT_RE = re.compile(r"\d")


def _canon(code: int) -> str:
    """The character the engine's IGNORECASE treats `code` as: its simple lowercase, or the lowest
    character of that lowercase's extra equivalents (re._casefix)."""
    lower = _sre.unicode_tolower(code)
    return chr(min((lower, *_EXTRA_CASES.get(lower, ()))))


_FOLD_TABLE: dict[int, str] | None = None


def _fold_table() -> dict[int, str]:
    """After str.lower(): each character of an extra-case class to the class's lowest, and the one character
    whose full lowercase is two characters (U+0130, `İ`) to its simple lowercase, before lowering."""
    global _FOLD_TABLE
    if _FOLD_TABLE is None:
        table = {}
        for lower, others in _EXTRA_CASES.items():
            low = min((lower, *others))
            for c in (lower, *others):
                if c != low:
                    table[c] = chr(low)
        _FOLD_TABLE = table
    return _FOLD_TABLE


_EXTRA_RE: re.Pattern | None = None


def _extra_re() -> re.Pattern:
    """A character _fold_table() changes."""
    global _EXTRA_RE
    if _EXTRA_RE is None:
        _EXTRA_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_fold_table())) + "]")
    return _EXTRA_RE


def fold(text: str) -> str:
    """`text` with each character as the engine's IGNORECASE sees it (_canon), for substring tests."""
    if text.isascii():
        folded = text.lower()
    else:
        folded = (text.replace("\u0130", "i") if "\u0130" in text else text).lower()
        if _extra_re().search(folded):  # rare: most text has none of these characters
            folded = folded.translate(_fold_table())
    return folded + DIGIT if _DIGIT_RE.search(text) else folded


def needs(regex: str, flags: int) -> Needs:
    """Groups of strings, any text matched by `regex` holding one string of each (folded); () if unknown."""
    if _parser is None:
        return ()
    try:
        groups = _needs(_parser.parse(regex, flags).data)
    except (re.error, RecursionError):  # pragma: no cover - the compiler reports a bad pattern itself
        return ()
    unique = sorted(set(groups), key=_cost)
    return tuple(tuple(sorted(g)) for g in unique[:_MAX_GROUPS])


# Words most clauses of a tender hold, whatever their length: as gates they open nearly every time.
_COMMON = frozenset("""
a an and are as at be by each for from has have in is it its of on or per than that the their this to
was were which who will with within must shall should may can not no all any provide provided service
services support people number year week month day
""".split())


def _cost(group: frozenset) -> float:
    """How likely a text is to hold one of the group's strings, roughly: longer strings are rarer, a sign ("%",
    "£") is as rare as a few letters, a common word or a digit is nearly everywhere."""
    return sum(0.6 if s == DIGIT or s.strip() in _COMMON else 0.35 ** sum(1 if ch.isalnum() else 3 for ch in s)
               for s in group)


def _needs(items) -> list[frozenset]:
    """The groups a sequence of parse items needs: its runs of literal characters, and what its parts need."""
    out: list[frozenset] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            out.append(frozenset(("".join(run),)))
            run.clear()

    for op, av in items:
        char = _one_char(op, av)
        if char is not None:
            run.append(char)
            continue
        flush()
        if _digit(op, av):
            out.append(frozenset((DIGIT,)))
        elif op is SUBPATTERN:
            out += _needs(av[3].data)
        elif op is ATOMIC_GROUP:
            out += _needs(av.data)
        elif op in _REPEATS:
            if av[0] >= 1:  # at least once: what the repeated part needs
                out += _needs(av[2].data)
        elif op is ASSERT:  # a lookaround that must hold sees only the text searched
            out += _needs(av[1].data)
        elif op is BRANCH:
            best = [_best(_needs(alt.data)) for alt in av[1]]
            if all(b is not None for b in best):
                union = frozenset().union(*best)
                if len(union) <= _MAX_STRINGS:
                    out.append(union)
        # anything else (a class, a negative lookaround, an anchor, a back-reference) needs nothing known
    flush()
    # A lone letter or digit is in nearly every text: a group with one opens the gate for nearly all.
    return [g for g in out if not any(len(s) == 1 and s.isalnum() for s in g)]


def _best(groups: list[frozenset]) -> frozenset | None:
    return min(groups, key=_cost) if groups else None


def _one_char(op, av) -> str | None:
    """The folded character an item matches, if it matches exactly one (up to case)."""
    if op is LITERAL:
        return _canon(av)
    if op is IN and len(av) == 1 and av[0][0] is LITERAL:
        return _canon(av[0][1])
    if op is SUBPATTERN and len(av[3].data) == 1:
        return _one_char(*av[3].data[0])
    return None


def _digit(op, av) -> bool:
    """Whether an item matches only decimal digits (`\\d`, `[0-9]`, `[\\d]`)."""
    if op is not IN or not av:
        return False
    return all((o is CATEGORY and a is CATEGORY_DIGIT) or (o is RANGE and 48 <= a[0] <= a[1] <= 57)
               or (o is LITERAL and 48 <= a <= 57) for o, a in av)
