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

import re
from functools import lru_cache
from pathlib import Path

from knowledge import diskcache

from . import _cache
from .errors import RuleError

VOCAB_PATH = Path(__file__).with_name("vocab.yaml")
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
        vocab = _alternations(diskcache.yaml_data(VOCAB_PATH.read_bytes()))
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


def compile_any(patterns: list[str], source: str, lazy: bool = False) -> re.Pattern | LazyPattern | None:
    """One program for a rule's list. The word-start check is made once for a run of unanchored
    patterns, not once for each, so a long list costs less at every position of a long draft;
    the patterns are tried in the same order, so the matches are the same.

    The expanded regular expression and its program's key are kept on disk under the list and the
    vocabulary file's hash: a process then neither expands the lists again nor hashes the expansion
    (together about 2 ms of a one-page review, most of it for a few alternations of 40,000 characters)."""
    if not patterns:
        return None
    key = "any:" + diskcache.sha256(
        f"{_cache._VERSION}\0{MAX_REPEAT}\0{int(_FLAGS)}\0{_vocab_digest()}\0{chr(0).join(patterns)}".encode()
    ).hexdigest()
    stored = diskcache.get(key)
    if isinstance(stored, tuple) and len(stored) == 2 and all(isinstance(x, str) for x in stored):
        regex, program = stored
        if lazy and diskcache.has(program):
            return LazyPattern(regex, source, patterns, program)
        return bounded(regex, _FLAGS, source, patterns, key=program)
    regex = _joined(patterns, source)
    compiled = bounded(regex, _FLAGS, source, patterns)
    diskcache.remember(key, (regex, _cache.program_key(regex, _FLAGS, MAX_REPEAT)))
    return compiled


@lru_cache(maxsize=1)
def _vocab_digest() -> str:
    return diskcache.sha256(VOCAB_PATH.read_bytes()).hexdigest()


def _joined(patterns: list[str], source: str) -> str:
    parts: list[str] = []
    run: list[str] = []
    for p in patterns:
        if p.startswith("^"):
            if run:
                parts.append(_word_start(run))
                run = []
            parts.append(f"(?:{expand(p, source)})")
        else:
            run.append(f"(?:{expand(p, source)})(?![\\w])")
    if run:
        parts.append(_word_start(run))
    return "|".join(parts)


# A match starts a word: not inside one, nor after a hyphen. A match that opens on a sign ("% of
# referrals", "£20 an hour") has no word to cut, so "90% of referrals" matches from its "%".
# The two cases exclude each other, so a position where the match fails is never tried twice.
_WORD_START = r"(?:(?<![\w-])|(?<=[\w-])(?=[^\w\s-]))"


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


@lru_cache(maxsize=None)
def regex(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile`, with the compiled program kept on disk: the checker's own fixed patterns
    (a few hundred) would otherwise be parsed afresh by every process. Not bounded: these are
    written with their limits in mind (tests/scoring/test_bounds.py holds them linear)."""
    return _cache.compiled(pattern, flags, None)


@lru_cache(maxsize=None)
def named(name: str) -> re.Pattern:
    """A compiled pattern for one vocabulary list."""
    return compile_pattern("{" + name + "}", f"vocab.yaml:{name}")
