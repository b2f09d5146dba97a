"""Work, memory and output stay bounded on any input, whatever its shape (issue 9).

No test here times anything (timings belong in benchmarks/review_speed.py). Instead:
- every pattern the rules and the checklist compile has every repeat bounded, so a
  pattern's work at one position of the text is a constant;
- the characters handed to those patterns, and the lines of our Python a review runs
  (each turn of a loop counts), grow in proportion to the input for every shape: twice
  the text, about twice the work;
- clauses, listed findings, JSON and peak memory have fixed or proportional bounds.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tracemalloc

import pytest

from prompts.reports import render_report
from scoring import _cache, engine, patterns, review
from scoring.segment import MAX_CLAUSE, segment
from shapes import SHAPES

# The shapes (tests/scoring/shapes.py), plus real drafts repeated.
SHAPES = {**SHAPES, "real drafts, repeated": lambda n: _real_drafts(n)}
SIZES = (4_000, 8_000, 16_000)  # each twice the one before
# Real drafts cross fixed thresholds early (a checklist item that needs eight clauses, the cap on
# findings listed in full, reached near 32,000 characters once the learned check adds its suggestions),
# so the first doubling adds less than a later one would: start later.
SIZES_FOR = {"real drafts, repeated": (16_000, 32_000, 64_000)}


def _real_drafts(n: int) -> str:
    """The example specifications and labelled clauses, repeated to n characters."""
    text = "\n\n".join(_real_texts())
    return (text * (n // len(text) + 1))[:n]


class _Counting:
    """A compiled pattern that adds up the characters each call hands to it."""

    seen = 0

    def __init__(self, pattern: re.Pattern):
        self._pattern = pattern

    def __getattr__(self, name):
        attr = getattr(self._pattern, name)
        if not callable(attr):
            return attr

        def call(first, *args, **kwargs):
            if name in ("sub", "subn") and args and isinstance(args[0], str):
                _Counting.seen += len(args[0])
            elif isinstance(first, str):
                _Counting.seen += _scanned(name, first, *args, **kwargs)
            return attr(first, *args, **kwargs)

        return call


def _fresh_caches():
    from scoring import checklist, rules

    patterns.named.cache_clear()
    rules.load_rules.cache_clear()
    checklist.load_checklist.cache_clear()


def _scanned(method: str, string: str, pos=0, endpos=None, *rest, **kwargs) -> int:
    """Characters a call may scan: the span for a search, one for an anchored match (its
    repeats are bounded, so a match at one position costs at most a constant)."""
    if method in ("match", "fullmatch"):
        return 1
    if not isinstance(pos, int):  # sub(repl, string, count): no pos/endpos
        return len(string)
    pos = kwargs.get("pos", pos)
    endpos = kwargs.get("endpos", endpos)
    return max(0, (len(string) if endpos is None else min(endpos, len(string))) - pos)


class _CountingRe:
    """The `re` module as one scoring module sees it, adding up what its calls scan."""

    def __getattr__(self, name):
        attr = getattr(re, name)
        if name not in ("search", "match", "fullmatch", "finditer", "findall", "sub", "split"):
            return attr

        def call(pattern, *args, **kwargs):
            string = args[1] if name == "sub" else args[0]
            if isinstance(string, str):
                _Counting.seen += len(string)
            return attr(pattern, *args, **kwargs)

        return call


_MODULES = ("segment", "kinds", "engine", "normalize", "checklist", "weights", "rewrite", "modality", "clause_model",
            "service_area", "fit", "quote")


@pytest.fixture
def counted(monkeypatch):
    """Every pattern a review uses counts the characters handed to it: the rule, checklist
    and vocabulary patterns (compiled anew, and recorded), each scoring module's own
    compiled patterns and its calls of re.search and friends."""
    import importlib

    compiled: list[tuple[str, int]] = []
    real = _cache.compiled

    def counting(regex, flags, limit, key=None):
        compiled.append((regex, flags))
        return _Counting(real(regex, flags, limit, key))

    monkeypatch.setattr(_cache, "compiled", counting)
    for name in _MODULES:
        module = importlib.import_module(f"scoring.{name}")
        for attr, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                monkeypatch.setattr(module, attr, _Counting(value))
            elif isinstance(value, patterns.FixedPattern) and not isinstance(value.compiled(), _Counting):
                # Its program, loaded now and counted wherever it is used (once: modules import one another's patterns).
                monkeypatch.setattr(value, "_program", _Counting(value.compiled()))
        if getattr(module, "re", None) is re:
            monkeypatch.setattr(module, "re", _CountingRe())
    _fresh_caches()
    yield compiled
    monkeypatch.undo()
    _fresh_caches()


_OURS = (f"{os.sep}scoring{os.sep}", f"{os.sep}knowledge{os.sep}", f"{os.sep}prompts{os.sep}")


def _work(text: str) -> tuple[int, int]:
    """(characters handed to patterns, lines of our Python run) for one review.

    A line event fires for every line run and every turn of a loop, comprehensions
    included, so a loop inside a loop over the clauses shows up here."""
    _Counting.seen = 0
    lines = 0

    def local(frame, event, arg):
        nonlocal lines
        if event == "line":
            lines += 1
        return local

    def start(frame, event, arg):
        return local if any(part in frame.f_code.co_filename for part in _OURS) else None

    sys.settrace(start)
    try:
        review(text, learned=True)  # as the command line and the Slack server run it: the learned check too
    finally:
        sys.settrace(None)
    return _Counting.seen, lines


def test_every_compiled_pattern_has_its_repeats_bounded(counted):
    review("The provider will deliver 200 youth sessions per year. Price 60%, quality 40%.")
    assert len(counted) > 20  # the rules, the checklist and the vocabulary went through the hook
    for regex, flags in counted:
        assert _cache.unbounded_repeats(regex, flags, patterns.MAX_REPEAT) == [], regex[:200]


def test_a_repeat_is_bounded_and_made_possessive_where_safe():
    pattern = patterns.bounded(r"(?:^|\n)[\W\d]*(?:the\s+)?provider\s+will")
    assert pattern.search("\n 1.2 - The provider will")  # what the pattern is for still matches
    assert pattern.search("\n" * 5 + "1. the   provider will")
    assert not pattern.search("x" + "\n" * 200 + "provider will"[:-1])
    # A gap longer than the bound no longer matches: the price of a constant cost per position.
    assert not pattern.search("\n" + "-" * (patterns.MAX_REPEAT + 1) + "provider will")
    anchored = patterns.bounded(r"^(?=[\s\S]*wellbeing)")
    assert anchored.search("x" * 5000 + " wellbeing")  # anchored "anywhere in the text" stays unbounded


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_work_grows_in_proportion_to_the_text(shape, counted):
    make = SHAPES[shape]
    sizes = SIZES_FOR.get(shape, SIZES)
    # Warm caches (rules, templates, the model) outside the measure, on the smallest size measured: a rule's
    # `unless` or `exceptions` program compiles the first time a match asks for it, and compiling it afresh (after a
    # rule changed) is not work the text caused.
    review(make(sizes[0]), learned=True)
    (c1, p1), (c2, p2), (c4, p4) = (_work(make(n)) for n in sizes)
    # Compare what each doubling adds, so a fixed cost or a threshold (a checklist item that
    # needs 8 clauses) crossed on the way cannot pass for growth: linear adds twice as
    # much the second time, quadratic four times.
    assert c4 - c2 <= 2.3 * (c2 - c1) + 20_000, (c1, c2, c4)
    assert p4 - p2 <= 2.3 * (p2 - p1) + 5_000, (p1, p2, p4)  # lines of Python run
    # Each rule reads each character a bounded number of times, not once per clause before it.
    assert c4 <= 400 * sizes[-1]


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_clauses_are_bounded_on_every_shape(shape):
    text = SHAPES[shape](20_000)
    clauses = segment(text)
    assert all(c.end - c.start <= MAX_CLAUSE for c in clauses)
    assert all(text[c.start:c.end] == c.text for c in clauses)


def test_a_very_long_line_without_spaces_is_cut_into_bounded_clauses():
    text = ("Outcomes/targets|" * 20_000)[:300_000]  # 300 KB in one line: a 5 MB line at a smaller size
    clauses = segment(text)
    assert len(clauses) >= len(text) // MAX_CLAUSE
    assert max(c.end - c.start for c in clauses) <= MAX_CLAUSE


def _many_findings(n: int) -> str:
    return "\n\n".join(f"The provider will deliver {100 + i} youth sessions per year." for i in range(n))


def test_a_report_lists_at_most_a_bounded_number_of_findings():
    report = review(_many_findings(engine.MAX_LISTED + 150))
    assert len(report.findings) == engine.MAX_LISTED
    assert report.omitted >= 150
    assert sum(report.omitted_levels.values()) == report.omitted
    data = json.loads(render_report(report, "json"))
    assert len(data["findings"]) == engine.MAX_LISTED and data["omitted"] == report.omitted
    for fmt in ("text", "markdown"):
        out = render_report(report, fmt)
        assert f"{report.omitted} more findings not listed" in out


def test_listed_findings_are_the_most_serious_in_document_order():
    suggestions = "\n\n".join("Involve people who use the service in the design of the service." for _ in range(5))
    report = review(_many_findings(engine.MAX_LISTED + 10) + "\n\n" + suggestions)
    starts = [f.start for f in report.findings]
    assert starts == sorted(starts)
    order = {"error": 0, "warning": 1, "suggestion": 2}
    worst_left_out = min((order[level] for level in report.omitted_levels), default=3)
    assert all(order[f.level] <= worst_left_out for f in report.findings)


def test_json_size_is_bounded_whatever_the_length():
    small = len(render_report(review(_many_findings(engine.MAX_LISTED + 50)), "json"))
    large = len(render_report(review(_many_findings(4 * engine.MAX_LISTED)), "json"))
    assert large < 1.2 * small


def test_nothing_left_out_reports_omitted_zero():
    report = review("The provider will deliver 200 youth sessions per year.")
    assert report.omitted == 0 and report.to_dict()["omitted"] == 0


@pytest.mark.parametrize("shape", ["price lines", "newlines", "markdown table rows"])
def test_memory_grows_in_proportion_to_the_text(shape):
    make = SHAPES[shape]
    review(make(200))

    def peak(n: int) -> int:
        text = make(n)
        tracemalloc.start()
        try:
            review(text)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    small, large = peak(10_000), peak(20_000)
    assert large <= 2.4 * small + 2**20
    assert large < 400 * 20_000  # bytes per character of input, with room to spare


def _real_texts() -> list[str]:
    from pathlib import Path

    import yaml

    root = Path(__file__).resolve().parents[2]
    items = yaml.safe_load((root / "tests/data/clauses.yaml").read_text(encoding="utf-8"))
    return [i["text"] for i in items] + [p.read_text(encoding="utf-8") for p in sorted((root / "examples").glob("*.md"))]


def test_the_rewritten_patterns_match_what_the_written_ones_do():
    """Bounds, possessive repeats, tries and forward scans change speed, not matches, on real text."""
    from scoring import checklist, rules

    kinds = (re.Pattern, patterns.GatedPattern)  # a list split into gated runs answers as its one program would
    written = []
    for rule in rules.load_rules():
        written += [v for v in rule.params.values() if isinstance(v, kinds)]
    for item in checklist.load_checklist():
        written += [v for v in (getattr(item, "applies_when", None), getattr(item, "positive", None)) if isinstance(v, kinds)]
    written += [patterns.named(name) for name in patterns.vocabulary()]
    assert any(isinstance(v, patterns.GatedPattern) for v in written)
    texts = _real_texts()
    texts += [line for text in texts for line in text.splitlines() if line.strip()]  # clause-sized texts open fewer runs
    for fast in written:
        plain = re.compile(fast.pattern, fast.flags)
        for text in texts:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], fast.pattern[:120]
            found, expected = fast.search(text), plain.search(text)
            assert (found and found.span()) == (expected and expected.span()), fast.pattern[:120]


def test_compiled_programs_are_kept_on_disk_and_a_bad_cache_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("TENDER_COACH_DATA", str(tmp_path / "data"))
    _cache.forget()
    try:
        first = _cache.compiled(r"(?:provider|service)\s+will", re.I, 60)
        _cache.save()
        path = _cache.cache_path()
        assert path.is_file()
        _cache.forget()
        calls = []
        monkeypatch.setattr(_cache._parser, "parse", lambda *a, **k: calls.append(a))
        again = _cache.compiled(r"(?:provider|service)\s+will", re.I, 60)
        assert calls == []  # loaded, not parsed again
        assert again.search("The Service  will") and first.search("The Service  will")
        monkeypatch.undo()
        path.write_bytes(b"not a marshal file")
        _cache.forget()
        monkeypatch.setenv("TENDER_COACH_DATA", str(tmp_path / "data"))
        assert _cache.compiled(r"provider\s+will", re.I, 60).search("provider will")
    finally:
        _cache.forget()


def test_a_rule_list_is_expanded_once_and_again_when_its_vocabulary_changes(tmp_path, monkeypatch):
    """compile_any keeps a list's expansion on disk under the list and the vocabulary's bytes: the next
    process does not expand it again, and an edited vocabulary list is used as soon as it is saved."""
    monkeypatch.setenv("TENDER_COACH_DATA", str(tmp_path / "data"))
    vocab = tmp_path / "vocab.yaml"
    monkeypatch.setattr(patterns, "VOCAB_PATH", vocab)

    def fresh_process():
        _cache.save()
        _cache.forget()
        patterns.vocabulary.cache_clear()
        patterns._vocab_digest.cache_clear()

    try:
        vocab.write_text("things: [alpha]\n")
        fresh_process()
        assert patterns.compile_any(["{things} beta"], "test").search("Alpha beta")
        fresh_process()
        expanded = []
        real_expand = patterns.expand
        monkeypatch.setattr(patterns, "expand", lambda p, s="": expanded.append(p) or real_expand(p, s))
        assert patterns.compile_any(["{things} beta"], "test").search("alpha beta") and expanded == []
        vocab.write_text("things: [gamma]\n")
        fresh_process()
        edited = patterns.compile_any(["{things} beta"], "test")
        assert edited.search("gamma beta") and not edited.search("alpha beta") and expanded == ["{things} beta"]
    finally:
        monkeypatch.undo()
        _cache.forget()
        patterns.vocabulary.cache_clear()
        patterns._vocab_digest.cache_clear()


@pytest.mark.parametrize("regex, text", [
    (r"(?<![\w-])(?:service|kelvin)(?![\w])", "\u017fervice"),  # the long s folds to s
    (r"(?<![\w-])(?:service|kelvin)(?![\w])", "\u212aelvin"),  # the Kelvin sign lowers to k
    (r"(?<![\w-])(?:angstrom|\u00e5ngstr\u00f6m)", "\u212bngstr\u00f6m"),
    (r"(?<![\w-])(?:[a-c]at|dog)", "x Bat"),
    (r"(?<![\w-])(?:\d+ sessions|visits)", "over 12 sessions"),
    (r"(?:^|\n)[\W\d]*(?:the\s+)?provider", "\n\n 1.2 The provider"),
    # Runs of alternatives guarded by the characters they can start with, broken by one that can start anywhere.
    (r"(?:apple|banana|.?pear|\w+\u00e9|\d+ figs)", "x \u00e9t\u00e9 Banana\n- pear 3 figs"),
    (r"(?:sun|moon|stars?)", "the \u017fun and STARS"),  # the long s in a guarded run
    (r"(?:\w+ kiwi|\d+ figs|\u00e9tude)", "\u00c9tude, 3 figs, \u00e9t\u00e9 kiwi"),
])
def test_a_pattern_is_found_wherever_the_engine_would_find_it(regex, text):
    # The compiled program says which characters a match can start with; every case counts.
    plain = re.compile(regex, re.IGNORECASE)
    fast = patterns.bounded(regex)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)] != []


@pytest.mark.parametrize("tail", ["1 " * 3000, "12, " * 2000 + "%", "| 95% " * 1500, "Q3 M " * 2000])
def test_a_long_run_of_figures_after_a_kpi_lines_words_is_read_once(tail):
    """The figures stripped from a quote are read token by token: a pattern over the whole run that fails at
    its last character ("1 1 1 … x") would try every way of splitting it, without end."""
    from scoring.quote import figures_tail, split_figures

    words = "Number of home visits made "
    assert figures_tail(words + tail + "x") == len(words + tail + "x")  # a word at the end: no tail
    head, figures = split_figures(words + tail)
    assert head == words.strip() and len(figures) == len(re.findall(r"(?<![\w.])\d[\d,]*%?", tail))
