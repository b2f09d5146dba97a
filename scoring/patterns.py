"""Compile rule patterns, expanding {name} references to the shared vocabulary."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import RuleError

VOCAB_PATH = Path(__file__).with_name("vocab.yaml")
_REF_RE = re.compile(r"\{([a-z_]+)\}")
_FLAGS = re.IGNORECASE


@lru_cache(maxsize=None)
def vocabulary() -> dict[str, str]:
    """Each vocabulary list as one non-capturing alternation, longest words first."""
    with open(VOCAB_PATH, encoding="utf-8") as fh:
        raw = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
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
    try:
        return re.compile(_wrap(pattern, source), _FLAGS)
    except re.error as exc:
        raise RuleError(f"{source}: pattern {pattern!r} is not a valid regular expression ({exc})") from None


def _wrap(pattern: str, source: str) -> str:
    expanded = expand(pattern, source)
    return expanded if pattern.startswith("^") else r"(?<![\w-])(?:" + expanded + r")(?![\w])"


def compile_any(patterns: list[str], source: str) -> re.Pattern | None:
    if not patterns:
        return None
    try:
        return re.compile("|".join(f"(?:{_wrap(p, source)})" for p in patterns), _FLAGS)
    except re.error as exc:
        raise RuleError(f"{source}: patterns {patterns!r} are not a valid regular expression ({exc})") from None


@lru_cache(maxsize=None)
def named(name: str) -> re.Pattern:
    """A compiled pattern for one vocabulary list."""
    return compile_pattern("{" + name + "}", f"vocab.yaml:{name}")
