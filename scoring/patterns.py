"""Compile rule patterns, expanding {name} references to the shared vocabulary.

Every pattern is compiled so that its work is bounded on any input (issue 9):

- an unbounded repeat (`*`, `+`, `{m,}`) may match at most MAX_REPEAT characters, so
  no start position costs more than a constant, whatever runs of one character the text
  holds; a repeat of "any character" (`[\\s\\S]*`) after a leading `^` stays unbounded,
  because the pattern is only tried at the start of the text;
- a repeat of one character class that nothing after it could start with is made
  possessive (it never gives characters back): `[\\W\\d]*(?:the )?provider` cannot
  backtrack through a run of newlines, one character at a time, at every newline.

The compiled programs are cached on disk, keyed by the pattern itself, so a new process
does not parse and compile a few hundred alternations again (see `_cache`).
"""

from __future__ import annotations

import os
import re
import sys
from functools import lru_cache
from itertools import chain

from knowledge import diskcache

from . import _cache, _gate
from .errors import RuleError

VOCAB_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "vocab.yaml")  # a str: no pathlib in a review
_REF_RE = re.compile(r"\{([a-z_]+)\}")
_FLAGS = re.IGNORECASE
# Longer than any word, number or gap between words a real draft has; short enough that
# a run of 40,000 dashes or newlines costs a constant per position, not a rescan.
MAX_REPEAT = 60


@lru_cache(maxsize=None)
def vocabulary() -> dict[str, str]:
    """Each vocabulary list as one non-capturing alternation, longest words first (kept on disk under the
    vocabulary file's hash, like the file's parsed data)."""
    key = "vocab:" + _vocab_digest()
    vocab = diskcache.get(key)
    if not isinstance(vocab, dict):
        vocab = _alternations(diskcache.yaml_data(diskcache.file_bytes(VOCAB_PATH)))
        diskcache.remember(key, vocab)
    return vocab


def _alternations(raw: dict) -> dict[str, str]:
    vocab = {}
    for name, entries in raw.items():
        parts = [p for entry in entries for p in str(entry).split("|")]
        # Longest first so "group sessions" wins over "sessions"; re-join the alternation.
        alternatives = sorted(_rejoin(parts), key=len, reverse=True)
        vocab[name] = "(?:" + "|".join(alternatives) + ")"
    return vocab


def _rejoin(parts: list[str]) -> list[str]:
    """Undo splitting on '|' inside a group such as (?:care|support)."""
    out, buf, depth = [], [], 0
    for part in parts:
        buf.append(part)
        depth += part.count("(") - part.count("\\(") - part.count(")") + part.count("\\)")
        if depth == 0:
            out.append("|".join(buf))
            buf = []
    if buf:
        out.append("|".join(buf))
    return out


def expand(pattern: str, source: str = "<pattern>") -> str:
    vocab = vocabulary()

    def sub(match: re.Match) -> str:
        name = match.group(1)
        if name not in vocab:
            raise RuleError(f"{source}: unknown vocabulary list {{{name}}} (known: {', '.join(sorted(vocab))})")
        return vocab[name]

    for _ in range(4):  # vocabulary lists may use other lists, a few levels deep
        expanded = _REF_RE.sub(sub, pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise RuleError(f"{source}: vocabulary lists refer to each other in a loop")


def compile_pattern(pattern: str, source: str = "<pattern>") -> re.Pattern:
    """Compile a rule pattern as a whole-word, case-insensitive regular expression.

    A pattern anchored with '^' (say, lookaheads that need two things in one clause) is
    compiled as written.
    """
    return bounded(_wrap(pattern, source), _FLAGS, source, pattern)


def _wrap(pattern: str, source: str) -> str:
    expanded = expand(pattern, source)
    return expanded if pattern.startswith("^") else _WORD_START + r"(?:" + expanded + r")(?![\w])"


class LazyPattern:
    """A rule's program loaded on its first search. A rule's `unless` and `exceptions` are only asked
    about a clause its patterns matched, so on a one-page draft most of them are never needed, and
    loading a program is most of what they would cost (about a quarter of all the rules' programs).
    Only a list already compiled once (its program on disk) is deferred: a new or changed list is
    compiled when the rule loads, so a mistake in it is still reported then."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, *args) -> None:
        self._args, self._compiled = args, None

    def _get(self) -> re.Pattern:
        if self._compiled is None:
            regex, source, patterns, key = self._args
            self._compiled = bounded(regex, _FLAGS, source, patterns, key=key)
        return self._compiled

    def search(self, *args):
        return self._get().search(*args)

    def finditer(self, *args):
        return self._get().finditer(*args)

    def match(self, *args):
        return self._get().match(*args)

    @property
    def pattern(self) -> str:
        return self._args[0]


def compile_any(patterns: list[str], source: str, lazy: bool = False) -> re.Pattern | LazyPattern | GatedPattern | None:
    """One matcher for a rule's list. The word-start check is made once for a run of unanchored
    patterns, not once for each, so a long list costs less at every position of a long draft;
    the patterns are tried in the same order, so the matches are the same.

    A list whose patterns need words (scoring._gate) is split into runs of neighbours that need the same
    ones, each its own program, loaded and searched only for a text that has them (GatedPattern): a one-page
    draft without "within" loads none of the response-time patterns that need it. A list that needs nothing
    known is one program, loaded on its first search if `lazy`.

    What the split needs is kept on disk under the list and the vocabulary file's hash, with each program's
    key: a process then neither expands the lists again, nor parses them, nor hashes the expansions."""
    if not patterns:
        return None
    key = "any2:" + diskcache.digest(
        f"{_cache._VERSION}\0{_gate.VERSION}\0{MAX_REPEAT}\0{int(_FLAGS)}\0{_WORD_START}\0{_vocab_digest()}\0{chr(0).join(patterns)}".encode()
    ).hexdigest()
    stored = diskcache.get(key)
    gated = _gated(stored, source, patterns) if stored is not None else None
    if gated is None:
        stored = _split(patterns, source)
        diskcache.remember(key, stored)
        gated = _gated(stored, source, patterns)
    if isinstance(gated, GatedPattern):
        gated.check()  # a run whose program is not on disk is compiled now, so a mistake is reported at load
        return gated
    regex, program = gated
    if lazy and diskcache.has(program):
        return LazyPattern(regex, source, patterns, program)
    return bounded(regex, _FLAGS, source, patterns, key=program)


def _gated(stored, source: str, patterns: list[str]) -> GatedPattern | tuple[str, str] | None:
    """The matcher a stored split describes ((regex, program) for one program); None if it is not one."""
    try:
        regex, program, runs = stored
        if not (isinstance(regex, str) and isinstance(program, str) and isinstance(runs, tuple)):
            return None
        return GatedPattern(regex, source, patterns, program, runs) if runs else (regex, program)
    except (TypeError, ValueError, IndexError):  # damaged or of another layout: split afresh
        return None


def _split(patterns: list[str], source: str) -> tuple:
    """(the whole list's regex, its program's key, runs): each run (needs, regex, program key) is a run of
    neighbouring patterns that need the same strings; () when the list is better as one program (one run
    that needs nothing)."""
    expanded: dict[str, str] = {}  # each pattern and alternative expanded once
    regex = _joined(patterns, source, expanded)
    program = _cache.program_key(regex, _FLAGS, MAX_REPEAT)
    runs: list[tuple[tuple, list[str]]] = []
    for p in (a for pattern in patterns for a in _alternatives(pattern)):
        wants = _gate.needs(_joined([p], source, expanded), _FLAGS)
        if runs and runs[-1][0] == wants:
            runs[-1][1].append(p)
        else:
            runs.append((wants, [p]))
    if len(runs) == 1 and not runs[0][0]:
        bounded(regex, _FLAGS, source, patterns, key=program)  # compiled now: a mistake is reported at load
        return regex, program, ()
    out = []
    for wants, run in runs:
        run_regex = _joined(run, source, expanded)
        out.append((wants, run_regex, _cache.program_key(run_regex, _FLAGS, MAX_REPEAT)))
    return regex, program, tuple(out)


_UNSPLIT_RE = re.compile(r"\(\?P|\(\?<[A-Za-z]|\\[1-9]|\[\^?\]|^\(\?[a-zA-Z]+\)")


def _alternatives(pattern: str) -> list[str]:
    """An unanchored pattern's top-level alternatives ("A|B" as "A" and "B"), or the pattern itself.
    `WS(?:A|B)(?!\\w)` tries A, with all its ways, then B, each followed by the check: exactly what
    `WS(?:A(?!\\w)|B(?!\\w))` does, so each may be gated by what it needs on its own. Not split: an anchored
    alternative (joined without the word checks), named or numbered groups, global flags, or `[]...]`."""
    if pattern.startswith("^") or _UNSPLIT_RE.search(pattern):
        return [pattern]
    parts, depth, in_class, escaped, start = [], 0, False, False, 0
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    if len(parts) == 1 or any(p.startswith("^") for p in parts):
        return [pattern]
    return parts


class GatedPattern:
    """A list of patterns as runs of neighbours (see compile_any), matching exactly as the whole list's one
    program would. A run is loaded and searched only for a text holding what it needs (scoring._gate).

    The whole list at a position tries its patterns in order and takes the first that matches; it takes the
    leftmost position where any does. So its match is the leftmost of the runs' matches, and of two at one
    position, the earlier run's. finditer() goes on from each match's end as the engine does; should a match
    be empty (the engine's next search then must move on, which the runs cannot see), the whole list's own
    program is loaded and answers instead."""

    __slots__ = ("pattern", "_source", "_patterns", "_program", "_runs", "_compiled", "_whole", "_always", "_first",
                 "_first_keys", "_known", "_emptied")

    def __init__(self, regex: str, source: str, patterns: list[str], program: str, runs: tuple) -> None:
        self.pattern, self._source, self._patterns, self._program = regex, source, patterns, program
        self._runs = runs
        self._compiled: list[re.Pattern | None] = [None] * len(runs)
        self._whole: re.Pattern | None = None
        # Most runs fail on their first (most telling) group: each of its strings, with the runs it opens (a bit
        # each), so a text is tested once per string, not once per run; runs that need nothing are always open.
        self._always, first = 0, {}
        for i, (wants, _, _) in enumerate(runs):
            if not wants:
                self._always |= 1 << i
                continue
            for s in wants[0]:
                first[s] = first.get(s, 0) | 1 << i
        self._first = first
        self._first_keys = frozenset(first)
        # Every string a str, or TypeError: a damaged store (compile_any splits afresh).
        "".join(chain.from_iterable(chain.from_iterable(wants for wants, _, _ in runs)))
        "".join(chain.from_iterable((regex, key) for _, regex, key in runs))
        _register(self._first_keys)  # the other groups are tested for the few runs the first lets through
        # Each text's open runs: search() and then finditer() ask about a clause twice, and a document of many
        # alike lines ("- 1.") about one text thousands of times.
        self._known: dict[str, list[int]] = {}
        self._emptied = _kept[1]

    flags = _FLAGS

    def check(self) -> None:
        for i, (_, run_regex, key) in enumerate(self._runs):
            if not diskcache.has(key):
                self._run(i)

    def _run(self, i: int) -> re.Pattern:
        compiled = self._compiled[i]
        if compiled is None:
            _, run_regex, key = self._runs[i]
            compiled = self._compiled[i] = bounded(run_regex, _FLAGS, self._source, self._patterns, key=key)
        return compiled

    def _open(self, text: str) -> list[int]:
        """The runs that may match in `text`, in order."""
        if self._emptied != _kept[1]:  # what _present() kept was dropped: so is what was kept here
            self._known.clear()
            self._emptied = _kept[1]
        known = self._known.get(text)
        if known is not None:
            return known
        present, folded = _present(text)
        if self._emptied != _kept[1]:  # finding what this text holds made room by dropping the rest
            self._known.clear()
            self._emptied = _kept[1]
        candidates = self._always
        first = self._first
        for s in present & self._first_keys:
            candidates |= first[s]
        out = []
        while candidates:
            low = candidates & -candidates
            i = low.bit_length() - 1
            candidates ^= low
            for group in self._runs[i][0][1:]:
                if not any(map(folded.__contains__, group)):
                    break
            else:
                out.append(i)
        if len(self._known) >= _MAX_KNOWN:
            self._known.clear()
        self._known[text] = out
        return out

    def search(self, text: str, pos: int = 0) -> re.Match | None:
        best = None
        for i in self._open(text):
            m = self._run(i).search(text, pos)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best

    def match(self, text: str, pos: int = 0) -> re.Match | None:
        for i in self._open(text):
            m = self._run(i).match(text, pos)
            if m is not None:
                return m
        return None

    def finditer(self, text: str):
        runs = self._open(text)
        if len(runs) == 1:
            return self._run(runs[0]).finditer(text)
        found: list[re.Match] = []
        pending: dict[int, re.Match | None] = {}  # each run's next match from where the last one ended
        pos = 0
        while True:
            best = None
            for i in runs:
                m = pending.get(i, False)
                if m is False or (m is not None and m.start() < pos):
                    m = pending[i] = self._run(i).search(text, pos)
                if m is not None and (best is None or m.start() < best.start()):
                    best = m
            if best is None:
                return iter(found)
            if best.end() == best.start():
                return self._whole_list().finditer(text)
            found.append(best)
            pos = best.end()

    def sub(self, repl, text: str, count: int = 0) -> str:
        """As `re.Pattern.sub`: each match (the first `count`, if given) replaced."""
        out, last = [], 0
        for n, m in enumerate(self.finditer(text)):
            if count and n >= count:
                break
            out += (text[last:m.start()], repl(m) if callable(repl) else m.expand(repl))
            last = m.end()
        out.append(text[last:])
        return "".join(out)

    def _whole_list(self) -> re.Pattern:
        if self._whole is None:
            self._whole = bounded(self.pattern, _FLAGS, self._source, self._patterns, key=self._program)
        return self._whole

    def programs(self) -> list[re.Pattern]:
        """Every run's program, loaded (for tests)."""
        return [self._run(i) for i in range(len(self._runs))]


# The strings every gated list needs, and one program that finds them all in a text at once (at each position
# the longest string starting there; the registered strings that begin it are there too). Each text's answer is
# kept for the review: every rule asks about every clause.
_NEEDED: set[str] = set()
_SCANNER: tuple[re.Pattern, dict[str, frozenset]] | None = None
_PRESENT: dict[str, tuple[frozenset, str]] = {}
# Bounds on what is kept between searches, by count and by characters (a Slack server reviews draft after draft, and
# a whole draft's text is asked about too): past either, everything kept is dropped, the lists' open runs with it.
_MAX_KNOWN = 512
_MAX_PRESENT = 4096
_MAX_PRESENT_CHARS = 4_000_000
_kept = [0, 0]  # characters of the texts kept in _PRESENT; how many times it has been emptied


def _register(strings: set[str]) -> None:
    global _SCANNER
    if not strings <= _NEEDED:
        _NEEDED.update(strings)
        _SCANNER = None
        _forget_present()


def _scanner() -> tuple[re.Pattern, dict[str, frozenset]]:
    global _SCANNER
    if _SCANNER is None:
        # In descending order a string comes before every string that begins it ("days" before "day"), so the
        # first that matches at a position is the longest; and strings with one first letter are neighbours.
        ordered = sorted(_NEEDED, reverse=True)
        _SCANNER = (_cache.compiled("(?=(" + "|".join(re.escape(s) for s in ordered) + "))", 0, MAX_REPEAT), {})
    return _SCANNER


def _begins(found: str, known: dict[str, frozenset]) -> frozenset:
    """The needed strings that begin `found` (itself among them)."""
    strings = known.get(found)
    if strings is None:
        strings = known[found] = frozenset(found[:k] for k in range(1, len(found) + 1) if found[:k] in _NEEDED)
    return strings


def _present(text: str) -> tuple[frozenset, str]:
    """The registered strings (scoring._gate) that `text` holds, and the text folded."""
    entry = _PRESENT.get(text)
    if entry is None:
        program, begins = _scanner()
        folded = _gate.fold(text)
        found = set(program.findall(folded))
        entry = (frozenset().union(*(_begins(t, begins) for t in found)) if found else frozenset(), folded)
        if len(_PRESENT) >= _MAX_PRESENT or _kept[0] + len(text) > _MAX_PRESENT_CHARS:
            _forget_present()
        _PRESENT[text] = entry
        _kept[0] += len(text)
    return entry


def _forget_present() -> None:
    _PRESENT.clear()
    _kept[0] = 0
    _kept[1] += 1  # each list drops the open runs it kept for texts (GatedPattern._open)


@lru_cache(maxsize=1)
def _vocab_digest() -> str:
    return diskcache.digest(diskcache.file_bytes(VOCAB_PATH)).hexdigest()


def _joined(patterns: list[str], source: str, expanded: dict[str, str] | None = None) -> str:
    """The list as one regular expression (`expanded`: each pattern's expansion, where the caller keeps them)."""
    parts: list[str] = []
    run: list[str] = []
    for p in patterns:
        if expanded is None:
            text = expand(p, source)
        elif p in expanded:
            text = expanded[p]
        else:
            text = expanded[p] = expand(p, source)
        if p.startswith("^"):
            if run:
                parts.append(_word_start(run))
                run = []
            parts.append(f"(?:{text})")
        else:
            run.append(f"(?:{text})(?![\\w])")
    if run:
        parts.append(_word_start(run))
    return "|".join(parts)


# A match starts a word: not inside one, nor after a hyphen. A match that opens on a sign ("% of
# referrals", "£20 an hour") has no word to cut, so "90% of referrals" matches from its "%".
# The two cases exclude each other, so a position where the match fails is never tried twice.
# (Nor the number of a service's name: "NHS 24 faced two legal action cases" counts no cases of 24.)
_WORD_START = r"(?:(?<![\w-])(?<!NHS )|(?<=[\w-])(?=[^\w\s-]))"


def _word_start(alternatives: list[str]) -> str:
    return _WORD_START + "(?:" + "|".join(alternatives) + ")"


def bounded(regex: str, flags: int = _FLAGS, source: str = "<pattern>", shown: object = None,
            key: str | None = None) -> re.Pattern:
    """Compile `regex` with every repeat bounded (see the module docstring); cached on disk (under
    `key`, where the caller knows it)."""
    try:
        return _cache.compiled(regex, flags, MAX_REPEAT, key)
    except re.error as exc:
        what = "patterns" if isinstance(shown, list) else "pattern"
        raise RuleError(f"{source}: {what} {regex if shown is None else shown!r} "
                        f"is not a valid regular expression ({exc})") from None


class FixedPattern:
    """A fixed pattern whose program is loaded the first time it is used. The checker's modules define about 700
    and a one-page review uses about two thirds of them: loading the rest cost every review about 3 ms.
    `pattern` and `flags` are known without loading (patterns are built from other patterns' text)."""

    __slots__ = ("pattern", "flags", "_program")

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags
        self._program: re.Pattern | None = None

    def compiled(self) -> re.Pattern:
        program = self._program
        if program is None:
            program = self._program = _cache.compiled(self.pattern, self.flags, None)
        return program

    def search(self, string, pos=0, endpos=sys.maxsize):
        return (self._program or self.compiled()).search(string, pos, endpos)

    def match(self, string, pos=0, endpos=sys.maxsize):
        return (self._program or self.compiled()).match(string, pos, endpos)

    def fullmatch(self, string, pos=0, endpos=sys.maxsize):
        return (self._program or self.compiled()).fullmatch(string, pos, endpos)

    def finditer(self, string, pos=0, endpos=sys.maxsize):
        return (self._program or self.compiled()).finditer(string, pos, endpos)

    def findall(self, string, pos=0, endpos=sys.maxsize):
        return (self._program or self.compiled()).findall(string, pos, endpos)

    def sub(self, repl, string, count=0):
        return (self._program or self.compiled()).sub(repl, string, count)

    def subn(self, repl, string, count=0):
        return (self._program or self.compiled()).subn(repl, string, count)

    def split(self, string, maxsplit=0):
        return (self._program or self.compiled()).split(string, maxsplit)

    @property
    def groups(self) -> int:
        return self.compiled().groups

    @property
    def groupindex(self):
        return self.compiled().groupindex

    def __repr__(self) -> str:
        return f"FixedPattern({self.pattern!r}, {self.flags})"


@lru_cache(maxsize=None)
def regex(pattern: str, flags: int = 0) -> FixedPattern:
    """`re.compile`, with the compiled program kept on disk: the checker's own fixed patterns
    (a few hundred) would otherwise be parsed afresh by every process. Loaded when first used.
    Not bounded: these are written with their limits in mind (tests/scoring/test_bounds.py
    holds them linear)."""
    return FixedPattern(pattern, flags)


@lru_cache(maxsize=None)
def named(name: str) -> re.Pattern:
    """A compiled pattern for one vocabulary list."""
    return compile_pattern("{" + name + "}", f"vocab.yaml:{name}")
