"""A rule list's patterns are loaded and searched only for a text that holds the words they need (scoring/_gate.py,
scoring/patterns.py GatedPattern); what a list matches never changes. tests/scoring/test_bounds.py holds every
rule and checklist list to its one program's matches on real text; here, the parts that make that true."""

from __future__ import annotations

import re
import sys

import pytest

from scoring import _gate, patterns
from scoring.rules import load_rules


def _plain(fold: str) -> str:
    return fold.removesuffix(_gate.DIGIT)


def _cased_partners(c: str) -> set[str]:
    """Characters a case mapping of `c` gives, one character each."""
    out = {c}
    for f in (str.lower, str.upper, str.casefold, str.title):
        mapped = f(c)
        if len(mapped) == 1:
            out.add(mapped)
    return out


def test_folding_matches_the_engines_ignorecase_for_every_cased_character():
    """Two characters fold alike exactly when a case-insensitive pattern of one matches the other: the long s and
    s, the Kelvin sign and k, dotless i and i, final and medial sigma."""
    checked = 0
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        if 0xD800 <= code < 0xE000:
            continue
        partners = _cased_partners(c)
        if len(partners) == 1 and c not in "\u017f\u0131\u212a\u03c2":
            continue
        for other in partners | {"s", "k", "i", "\u03c3"}:
            engine = re.fullmatch(re.escape(c), other, re.IGNORECASE) is not None
            assert (_plain(_gate.fold(c)) == _plain(_gate.fold(other))) == engine, (hex(code), other)
            checked += 1
    assert checked > 2000
    assert _gate.fold("DIVISION \u03a3") == _gate.fold("division \u03c3")  # str.lower() gives the final sigma


def test_what_a_pattern_needs():
    assert ("within",) in _gate.needs(r"within\s+\d+\s+days", re.I)
    assert ("days",) in _gate.needs(r"within\s+\d+\s+days", re.I)
    assert (_gate.DIGIT,) in _gate.needs(r"\d+\s+hours", re.I)
    assert _gate.needs(r"(?:foo)?bar", re.I) == (("bar",),)  # an optional part needs nothing
    assert _gate.needs(r"cat|dog", re.I) == (("cat", "dog"),)  # one of the alternatives
    assert _gate.needs(r"(?!within)days", re.I) == (("days",),)  # what must be absent is not needed
    assert _gate.needs(r"(?=.*target)\w+", re.I) == (("target",),)  # what a lookahead needs, the text holds
    assert set(_gate.needs(r"PER\s+Hour", re.I)) == {("per",), ("hour",)}  # folded
    assert _gate.needs(r"\w+", re.I) == ()  # nothing known: always searched


def test_a_gated_list_finds_what_its_one_program_finds():
    listed = [r"within\s+\d+\s+days", r"per\s+hour", r"care", r"care\s+home", r"£\d+"]
    gated = patterns.compile_any(listed, "test")
    assert isinstance(gated, patterns.GatedPattern)
    one = re.compile(gated.pattern, re.IGNORECASE)
    for text in ("Visits within 5 days, £20 per hour, in a care home.", "CARE HOME", "Within 10 DAYS", "no match here",
                 "a care home within 3 days", "care\u017f per hour"):
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in one.finditer(text)], text
        found, expected = gated.search(text), one.search(text)
        assert (found and found.span()) == (expected and expected.span()), text
        assert gated.sub("#", text) == one.sub("#", text)


def test_of_two_patterns_matching_at_one_place_the_first_listed_wins():
    assert patterns.compile_any(["care", "care\\s+home"], "test").search("a care home").group() == "care"
    assert patterns.compile_any(["care\\s+home", "care"], "test").search("a care home").group() == "care home"


def test_an_empty_match_is_answered_by_the_whole_list():
    gated = patterns.compile_any([r"(?:abc)?", r"zzz"], "test")
    one = re.compile(gated.pattern, re.IGNORECASE)
    for text in ("abc zzz", "-- zzz --", ""):
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in one.finditer(text)]


def test_every_runs_gate_lets_through_each_text_its_program_matches():
    """The gates of the shipped rules are sound on real clauses: a run whose program matches a clause is open for it."""
    from test_bounds import _real_texts

    texts = [line for text in _real_texts() for line in text.splitlines() if line.strip()]
    lists = [v for rule in load_rules() for v in rule.params.values() if isinstance(v, patterns.GatedPattern)]
    assert len(lists) > 30
    tried = 0
    for gated in lists:
        programs = gated.programs()
        for text in texts:
            opened = set(gated._open(text))
            for i, program in enumerate(programs):
                if program.search(text):
                    assert i in opened, (gated.pattern[:80], i, text[:80])
                    tried += 1
    assert tried > 500


def test_a_damaged_split_on_disk_is_split_again(tmp_path, monkeypatch):
    from knowledge import diskcache
    from scoring import _cache

    monkeypatch.setenv("TENDER_COACH_DATA", str(tmp_path / "data"))
    _cache.forget()
    try:
        listed = [r"within\s+\d+\s+days", r"per\s+hour"]
        assert patterns.compile_any(listed, "test").search("£9 per hour")
        for key in [k for k in diskcache._load() if k.startswith("any2:")]:
            diskcache.remember(key, ("junk", 3, (("x",),)))
        again = patterns.compile_any(listed, "test")
        assert again.search("£9 per hour") and again.search("within 4 days") and not again.search("never")
    finally:
        _cache.forget()


@pytest.mark.parametrize("pattern, parts", [
    ("a|b", ["a", "b"]),
    ("(?:a|b)c", ["(?:a|b)c"]),
    ("^a|b", ["^a|b"]),  # anchored: joined without the word checks, so kept whole
    ("a|^b", ["a|^b"]),
    (r"a[|]b|c", ["a[|]b", "c"]),
    (r"a\|b|c", [r"a\|b", "c"]),
    ("(?P<x>a)|b", ["(?P<x>a)|b"]),
])
def test_a_pattern_is_split_at_its_top_level_alternatives_only(pattern, parts):
    assert patterns._alternatives(pattern) == parts


def test_what_is_kept_between_searches_stays_bounded_over_many_drafts():
    """A Slack server reviews draft after draft: the texts kept for the gates stay under their bound in characters,
    and a list keeps no text the gates have let go."""
    gated = patterns.compile_any([r"within\s+\d+\s+days", r"per\s+hour"], "test")
    draft = "The provider will visit within 5 days. " * 5_000  # about 200,000 characters
    for n in range(40):  # 8 million characters in all
        text = f"{n} {draft}"
        assert gated.search(text) is not None
        kept = sum(len(t) for t in patterns._PRESENT)
        assert kept <= patterns._MAX_PRESENT_CHARS
        assert all(t in patterns._PRESENT for t in gated._known)
