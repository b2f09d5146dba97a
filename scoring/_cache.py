"""Compile a regular expression with its work bounded, and keep the compiled program on disk.

Python's `re` parses a pattern into a tree, then turns the tree into a program for its
matching engine. We rewrite the tree before that (see scoring/patterns.py for why):
- every unbounded repeat gets an upper bound (`*` becomes `{0,limit}`);
- a repeat of one character class that nothing after it can start with is possessive;
- alternatives that start with the same letter share a branch (a trie), so a list of 300
  words costs one try per first letter at each position, not 300; each first letter is a
  class of its cases, which the engine rejects without entering the alternative;
- a run of neighbouring alternatives is guarded by one look at the characters any of them
  can start with, so a position where none can start costs one test, not one per alternative;
- `(?=[\\s\\S]*X)` looks for the first X, not the last.
None of these changes what a pattern matches, except that a run longer than the bound no
longer fits in one repeat. Parsing and code generation are written in Python and were
most of a one-page review's time, so the program is kept on disk (marshal, keyed by the
pattern, the bound and the Python version) and loading it is one call into C. Anything
unexpected falls back to compiling afresh; a cache that cannot be written is skipped.
"""

from __future__ import annotations

import re
import sys
from array import array
from functools import lru_cache

from knowledge import diskcache
from knowledge.diskcache import cache_path, parsed, save  # noqa: F401  (re-exported: the same store)

try:  # the engine's own parser and code generator (Python 3.11+)
    import _sre
    from re import _compiler, _parser
    from re._constants import (
        ANY, ASSERT, ASSERT_NOT, AT, AT_BEGINNING, AT_BEGINNING_STRING, ATOMIC_GROUP, BRANCH, CATEGORY,
        CATEGORY_DIGIT, CATEGORY_NOT_DIGIT, CATEGORY_NOT_SPACE, CATEGORY_NOT_WORD, CATEGORY_SPACE,
        CATEGORY_WORD, IN, LITERAL, MAX_REPEAT, MAXREPEAT, MIN_REPEAT, NEGATE, NOT_LITERAL,
        POSSESSIVE_REPEAT, RANGE, SUBPATTERN,
    )
except ImportError:  # pragma: no cover - another Python: plain compile, unbounded
    _parser = None


_REPEATS = None if _parser is None else (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT)
_ONE_CHAR = None if _parser is None else (IN, LITERAL, NOT_LITERAL, ANY)
_CODE = "I" if array("I").itemsize == 4 else "L"  # the engine's code words are 32 bits
_VERSION = 10  # of the rewrite below: a change to it must not reuse programs stored by an older one


# Patterns compiled in this process, by what they were compiled from: rules and checklist items
# share patterns (two items ask the same `applies_when`), and one compiled object lets the
# checklist search the text for it once. A pattern is immutable, so sharing it is safe.
_compiled: dict[tuple[str, int, int | None], re.Pattern] = {}
_MAX_COMPILED = 4096


def forget() -> None:
    """Drop the in-memory store and this process's compiled patterns (tests switch data folders)."""
    _compiled.clear()
    diskcache.forget()


def compiled(regex: str, flags: int, limit: int | None, key: str | None = None) -> re.Pattern:
    """The pattern compiled with its repeats bounded by `limit` (None: as written, only cached).
    `key` is `program_key(regex, flags, limit)` where the caller has it stored."""
    pattern = _compiled.get((regex, flags, limit))
    if pattern is None:
        pattern = _compile(regex, flags, limit, key)
        if len(_compiled) >= _MAX_COMPILED:
            _compiled.clear()
        _compiled[(regex, flags, limit)] = pattern
    return pattern


def program_key(regex: str, flags: int, limit: int | None) -> str:
    """Where the program of `regex` compiled with these flags and bound is kept on disk: a short pattern
    under its own text (hashing a few hundred of them cost a review about 2 ms), a long one under its hash."""
    key = f"{_VERSION}\0{limit}\0{flags}\0{regex}"
    return "re:" + key if len(key) <= 200 else diskcache.digest(key.encode()).hexdigest()


def _compile(regex: str, flags: int, limit: int | None, key: str | None = None) -> re.Pattern:
    if _parser is None:
        return re.compile(regex, flags)
    key = key or program_key(regex, flags, limit)
    entry = diskcache.get(key)
    if entry is not None:
        try:
            flags_, code, groups, groupindex, indexgroup = entry
            return _sre.compile(regex, flags_, array(_CODE, code).tolist(), groups, groupindex, indexgroup)
        except Exception:  # a stale or damaged entry: compile afresh
            pass
    tree = _parser.parse(regex, flags)
    all_flags = flags | tree.state.flags
    if limit is not None:
        _rewrite(tree.data, all_flags, limit, anchored=False)
        _guard(tree.data, all_flags)
    groupindex = tree.state.groupdict
    indexgroup = [None] * tree.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    code = [int(c) for c in _program(tree, flags)]  # plain ints: opcodes are an int subclass
    pattern = _sre.compile(regex, all_flags, code, tree.state.groups - 1, groupindex, tuple(indexgroup))
    # The program as packed bytes: loading a list of a million small ints from marshal is slow.
    diskcache.remember(key, (int(all_flags), array(_CODE, code).tobytes(), tree.state.groups - 1,
                    dict(groupindex), tuple(indexgroup)))
    return pattern


# --- other code's patterns ------------------------------------------------------
# Modules a review imports (jinja2's lexer, tomllib, the report's escaping) call `re.compile`
# on fixed patterns as they load: parsing them cost a one-page review about 8 ms. `re` looks a
# pattern up in its own cache (`re._cache`, keyed by type, pattern and flags) before compiling,
# so the programs `re` itself compiled for them last time are put there before those imports.
# Nothing changes but time: each program is exactly what `re.compile` makes of that pattern on
# this very Python (the key carries its full version), and anything unexpected skips the cache.

_SEED_KEY = f"re-seed:{_VERSION}:{sys.version}"
_MAX_SEEDED = 300  # a review's start-up compiles about 90; more would be runtime patterns
_seeded: set = set()


def _re_cache() -> dict | None:
    cache = getattr(re, "_cache", None)
    return cache if _parser is not None and isinstance(cache, dict) and hasattr(re, "_MAXCACHE") else None


_before: set = set()  # the keys of `re`'s cache when seed_stdlib() first ran: patterns the process compiled before


def seed_stdlib() -> None:
    """Put the programs recorded by record_stdlib() into `re`'s cache (once a process; best effort)."""
    cache = _re_cache()
    if cache is None or _seeded:
        return
    _seeded.add(None)
    _before.update(cache)
    try:
        for pattern, flags, all_flags, code, groups, groupindex, indexgroup in diskcache.get(_SEED_KEY) or ():
            key = (type(pattern), pattern, flags)
            if key not in cache and len(cache) < re._MAXCACHE:
                cache[key] = _sre.compile(pattern, all_flags, array(_CODE, code).tolist(), groups, groupindex,
                                          indexgroup)
                _seeded.add(key)
    except Exception:  # a damaged entry: `re` compiles as usual
        pass


def compiled_before() -> set:
    """The keys `re`'s cache held when seed_stdlib() first ran (what to leave out of record_stdlib())."""
    return set(_before)


def record_stdlib(before: set = frozenset()) -> None:
    """Remember `re`'s program for each pattern in its cache that is not in `before` (the keys of
    `re._cache` before the review started) and that seed_stdlib() did not supply, compiled as
    `re._compiler.compile` does, so the next process loads it instead of parsing it. `before`
    keeps out what the calling process compiled for itself (a test runner's patterns, say)."""
    cache = _re_cache()
    if cache is None:
        return
    try:
        stored = list(diskcache.get(_SEED_KEY) or ())
        known = {(type(e[0]), e[0], e[1]) for e in stored} | _seeded | before
        new = [k for k in list(cache) if k not in known and k[0] in (str, bytes) and isinstance(k[2], int)
               and not k[2] & (re.DEBUG | re.TEMPLATE)][:_MAX_SEEDED]
        if not new:
            return
        # Full, the oldest records make room: a store filled by other kinds of review (long documents, patterns built
        # from one draft's sums) would otherwise leave the next one-page review parsing its ~80 patterns every time.
        del stored[:max(0, len(stored) + len(new) - _MAX_SEEDED)]
        for _, pattern, flags in new:
            tree = _parser.parse(pattern, flags)
            code = _compiler._code(tree, flags)
            groupindex = dict(tree.state.groupdict)
            indexgroup = [None] * tree.state.groups
            for name, i in groupindex.items():
                indexgroup[i] = name
            stored.append((pattern, flags, int(flags | tree.state.flags), array(_CODE, [int(c) for c in code]).tobytes(),
                           tree.state.groups - 1, groupindex, tuple(indexgroup)))
        diskcache.remember(_SEED_KEY, stored)
    except Exception:  # never let the cache end a review
        pass


# --- the rewrite --------------------------------------------------------------


def _starts_at_start(items, flags: int) -> bool:
    if not items or items[0][0] is not AT:
        return False
    return items[0][1] is AT_BEGINNING_STRING or (items[0][1] is AT_BEGINNING and not flags & re.MULTILINE)


def _any_char(item) -> bool:
    """`[\\s\\S]`, `[\\w\\W]`, `[\\d\\D]`: a class that matches every character."""
    op, av = item
    if op is not IN:
        return False
    cats = {a for o, a in av if o is CATEGORY}
    return any({x, y} <= cats for x, y in ((CATEGORY_SPACE, CATEGORY_NOT_SPACE), (CATEGORY_WORD, CATEGORY_NOT_WORD),
                                            (CATEGORY_DIGIT, CATEGORY_NOT_DIGIT)))


def _rewrite(items: list, flags: int, limit: int, anchored: bool) -> None:
    """Bound and possessify the repeats in a sequence, in place. `anchored`: the sequence can
    only match at the start of the text (it, or one around it, begins with `^`), so it is
    tried once per search and an "any character" repeat in it may run to the end."""
    anchored = anchored or _starts_at_start(items, flags)
    for i, (op, av) in enumerate(items):
        if op in _REPEATS:
            low, high, sub = av
            _rewrite(sub.data, flags, limit, anchored)
            single = len(sub.data) == 1 and sub.data[0][0] in _ONE_CHAR
            if high == MAXREPEAT and not (anchored and single and _any_char(sub.data[0])):
                high = max(low, limit)
            if op is MAX_REPEAT and single and low != high and _nothing_after_can_use(sub, items[i + 1:], flags):
                op = POSSESSIVE_REPEAT
            items[i] = (op, (low, high, sub))
        elif op is BRANCH:
            for alt in av[1]:
                _rewrite(alt.data, flags, limit, anchored)
            items[i] = (BRANCH, (av[0], _trie(av[1], flags)))
        elif op is SUBPATTERN:
            _rewrite(av[3].data, (flags | av[1]) & ~av[2], limit, anchored)
        elif op in (ASSERT, ASSERT_NOT):
            _rewrite(av[1].data, flags, limit, anchored)
            _scan_forward(av)
        elif op is ATOMIC_GROUP:
            _rewrite(av.data, flags, limit, anchored)


def _scan_forward(av) -> None:
    """`(?=[\\s\\S]*X)` asks only whether X comes later: look for the first X, not the last.

    Greedy, the engine runs to the end of the text and steps back one character at a time
    trying X; lazy, it stops at the first X. A lookahead keeps no state for backtracking,
    so the answer is the same; only a capture inside could differ, so none may be there.
    """
    direction, sub = av
    if direction != 1 or not sub.data or sub.state.groups > 1:
        return
    op, (low, high, inner) = sub.data[0] if sub.data[0][0] is MAX_REPEAT else (None, (0, 0, None))
    if op is MAX_REPEAT and low == 0 and len(inner.data) == 1 and _any_char(inner.data[0]):
        sub.data[0] = (MIN_REPEAT, (low, high, inner))


def _trie(alternatives: list, flags: int) -> list:
    """Alternatives that begin with the same letter share one branch: `care|carer|cases` is
    tried as `ca(?:re|rer|ses)`. The engine tries alternatives one by one at every position,
    so a vocabulary list of 300 words costs 300 tries where a trie costs one per first letter.

    Only neighbours are merged, never across an alternative that does not start with a
    letter, so which alternative wins where several match is unchanged.
    """
    fold = _sre.unicode_tolower if flags & re.IGNORECASE else (lambda c: c)
    out: list = []
    group: list = []
    key = None

    def flush() -> None:
        if len(group) == 1:
            out.append(group[0])
        elif group:
            first = group[0].data[0]
            rests = [_parser.SubPattern(alt.state, alt.data[1:]) for alt in group]
            inner = _trie(rests, flags)
            tail = inner[0].data if len(inner) == 1 else [(BRANCH, (None, inner))]
            out.append(_parser.SubPattern(group[0].state, [first, *tail]))
        group.clear()

    for alt in alternatives:
        head = alt.data[0] if alt.data else None
        k = fold(head[1]) if head is not None and head[0] is LITERAL else None
        if k is None or k != key:
            flush()
        key = k
        if k is None:
            out.append(alt)
        else:
            group.append(alt)
    flush()
    if flags & re.IGNORECASE:
        for alt in out:
            if alt.data and alt.data[0][0] is LITERAL:
                alt.data[0] = _cased_class(alt.data[0][1], flags, alt.state)
    return out


def _cased_class(code: int, flags: int, state):
    """A letter matched in any case, as a class of its cases read case-sensitively. The engine
    tests an alternative that begins with a class before entering it; one that begins with a
    case-insensitive letter it enters first, which costs several times more where it fails."""
    cases = _cases(code, flags)
    if len(cases) == 1 or any(c > 0xFF for _, c in cases):
        return (LITERAL, code)  # i, k, s: a case beyond Latin-1 (the Kelvin sign) makes a class of 100 words
    return (SUBPATTERN, (None, 0, re.IGNORECASE, _parser.SubPattern(state, [(IN, cases)])))


def _guard(items: list, flags: int) -> None:
    """Put a look at the first character before each run of two or more neighbouring alternatives
    whose possible first characters are known (`(?=[...])(?:a|b|c)`), in place. The engine enters
    each alternative in turn at every position; a rule's list of 40 patterns, tried at every full
    stop of a long line of them, failed 40 times where one test now fails once. Alternatives are
    neither dropped nor reordered, so what matches, and which alternative wins, is unchanged."""
    for i, (op, av) in enumerate(items):
        if op in _REPEATS:
            _guard(av[2].data, flags)
        elif op is SUBPATTERN:
            _guard(av[3].data, (flags | av[1]) & ~av[2])
        elif op in (ASSERT, ASSERT_NOT):
            _guard(av[1].data, flags)
        elif op is ATOMIC_GROUP:
            _guard(av.data, flags)
        elif op is BRANCH:
            alts = av[1]
            for alt in alts:
                _guard(alt.data, flags)
            firsts = [_first_items(alt.data, flags) for alt in alts]
            if all(firsts) and len(alts) > 1:
                state = alts[0].state
                chars = [c for f in firsts for c in f]
                items[i] = (SUBPATTERN, (None, 0, 0, _parser.SubPattern(state, [_look(chars, state), (op, av)])))
                continue
            out, run, chars = [], [], []
            for alt, first in [*zip(alts, firsts), (None, None)]:
                if first:
                    run.append(alt)
                    chars += first
                    continue
                if len(run) > 1:
                    state = run[0].state
                    out.append(_parser.SubPattern(state, [_look(chars, state), (BRANCH, (None, run))]))
                else:
                    out += run
                run, chars = [], []
                if alt is not None:
                    out.append(alt)
            items[i] = (BRANCH, (av[0], out))


def _look(chars: list, state):
    """`(?=[^...])`: any character but the Latin-1 ones none of `chars` (charset items, every case
    included) can be, read case-sensitively. Letting every character beyond Latin-1 through keeps
    the test a 256-bit map; an exact set with one such character (the long s, the Kelvin sign) is
    a table of about 100 words, and thousands of them made the stored programs half as large again."""
    can = _latin1(chars)
    cannot = [(LITERAL, c) for c in range(256) if c not in can] or [(LITERAL, 0x110000 - 1)]
    inner = _parser.SubPattern(state, [(IN, [(NEGATE, None), *cannot])])
    return (ASSERT, (1, _parser.SubPattern(state, [(SUBPATTERN, (None, 0, re.IGNORECASE, inner))])))


def _latin1(chars: list) -> set[int]:
    """The Latin-1 characters in a list of charset items (LITERAL, RANGE, CATEGORY)."""
    out: set[int] = set()
    for op, av in chars:
        if op is LITERAL:
            out.add(av)
        elif op is RANGE:
            out.update(range(av[0], min(av[1], 255) + 1))
        else:
            out |= _category_latin1(av)
    return {c for c in out if c < 256}


@lru_cache(maxsize=None)
def _category_latin1(category) -> frozenset[int]:
    one = _compiler.compile(_parser.SubPattern(_parser.State(), [(IN, [(CATEGORY, category)])]), re.UNICODE)
    return frozenset(c for c in range(256) if one.match(chr(c)))


def _program(tree, flags: int) -> list:
    """The engine's program for the tree, told which characters a match can start with.

    The engine skips ahead to such a character before trying the pattern, but it only
    works that set out for a pattern that starts with a plain letter or class, and not at
    all under IGNORECASE. Ours start with a lookbehind (`(?<![\\w-])`) and are
    case-insensitive, so without this every position of the text tries every word of
    the vocabulary; with it, a run of dots or spaces is passed over in C.
    """
    flags = tree.state.flags | flags
    code = _compiler._code(tree, flags)
    if code[2] != 0 or code[3] == 0:  # the engine found a prefix or charset itself; or it can match ""
        return code
    items = _first_items(tree.data, flags)
    if not items:
        return code
    info_end = code[1] + 1
    charset, hascased = _compiler._optimize_charset(items)
    if hascased:
        return code
    info = [code[0], 0, _compiler.SRE_INFO_CHARSET, code[3], code[4]]
    _compiler._compile_charset(charset, flags & ~re.IGNORECASE, info)
    info[1] = len(info) - 1
    return info + code[info_end:]


def _first_items(items, flags: int) -> list | None:
    """Charset items (LITERAL, RANGE, CATEGORY) covering every character a match of the
    sequence can start with, every case included; None when that cannot be said."""
    first, nullable = _first_and_empty(items, flags)
    return None if first is None or nullable else first


def _first_and_empty(items, flags: int) -> tuple[list | None, bool]:
    """(charset items a match can start with, whether the sequence can match nothing)."""
    out: list = []
    for op, av in items:
        if op in (AT, ASSERT, ASSERT_NOT):
            continue
        if op is LITERAL:
            return out + _cases(av, flags), False
        if op is IN:
            got = _class_items(av, flags)
            return (None, False) if got is None else (out + got, False)
        if op in _REPEATS:
            got, empty = _first_and_empty(av[2].data, flags)
            empty = empty or av[0] == 0
        elif op is SUBPATTERN:
            got, empty = _first_and_empty(av[3].data, (flags | av[1]) & ~av[2])
        elif op is ATOMIC_GROUP:
            got, empty = _first_and_empty(av.data, flags)
        elif op is BRANCH:
            got, empty = [], False
            for alt in av[1]:
                g, e = _first_and_empty(alt.data, flags)
                if g is None:
                    return None, False
                got += g
                empty = empty or e
        else:  # any character, group references, ...: no useful set
            return None, False
        if got is None:
            return None, False
        out += got
        if not empty:
            return out, False
    return out, True


def _cases(code: int, flags: int) -> list:
    if not flags & re.IGNORECASE:
        return [(LITERAL, code)]
    chars = {code, _sre.unicode_tolower(code)}
    ch = chr(code)
    chars.update(ord(c) for c in (ch.upper(), ch.lower(), ch.casefold(), ch.title()) if len(c) == 1)
    lower = _sre.unicode_tolower(code)
    chars.update(_lowers_to().get(lower, ()))  # the Kelvin sign lowers to k, so K matches k
    extra = getattr(_compiler, "_EXTRA_CASES", None) or getattr(_compiler, "_ignorecase_fixes", {})
    chars.update(extra.get(lower, ()))  # characters such as the long s and the Kelvin sign
    chars.update(k for k, v in extra.items() if lower in v)
    return [(LITERAL, c) for c in sorted(chars)]


@lru_cache(maxsize=1)
def _lowers_to() -> dict[int, tuple[int, ...]]:
    """Lower-case code -> every character the engine lowers to it (built on a cache miss only)."""
    out: dict[int, list[int]] = {}
    for c in range(0x110000):
        low = _sre.unicode_tolower(c)
        if low != c:
            out.setdefault(low, []).append(c)
    return {k: tuple(v) for k, v in out.items()}


def _class_items(av, flags: int) -> list | None:
    out: list = []
    for op, a in av:
        if op is LITERAL:
            out += _cases(a, flags)
        elif op is RANGE:
            if flags & re.IGNORECASE:
                if a[1] - a[0] > 512:
                    return None
                for c in range(a[0], a[1] + 1):
                    out += _cases(c, flags)
            else:
                out.append((RANGE, a))
        elif op is CATEGORY:
            out.append((CATEGORY, a))
        else:  # NEGATE and the like: a set we cannot add to others
            return None
    return out


def _nothing_after_can_use(sub, rest: list, flags: int) -> bool:
    """Whether no character the repeat matches can start what follows it in its sequence.

    Then giving a character back can never let the rest match, so the repeat may keep
    everything it took (possessive), and a long run costs one pass, not one per length.
    """
    first, nullable = _first_of(rest)
    if first is None or nullable or not first:
        return False
    one = _compiler.compile(_parser.SubPattern(sub.state, list(sub.data)), flags)
    return not any(one.fullmatch(ch) for c in first for ch in {c, c.lower(), c.upper(), c.casefold()})


def _first_of(items) -> tuple[set[str] | None, bool]:
    """The characters that can begin a match of a sequence, and whether it can match nothing."""
    out: set[str] = set()
    for op, av in items:
        if op is LITERAL:
            out.add(chr(av))
            return out, False
        if op is IN:
            chars = _class_chars(av)
            if chars is None:
                return None, False
            return out | chars, False
        if op in (AT, ASSERT, ASSERT_NOT):
            continue
        if op in _REPEATS:
            first, nullable = _first_of(av[2].data)
            if first is None:
                return None, False
            out |= first
            if av[0] > 0 and not nullable:
                return out, False
            continue
        if op is SUBPATTERN:
            first, nullable = _first_of(av[3].data)
        elif op is ATOMIC_GROUP:
            first, nullable = _first_of(av.data)
        elif op is BRANCH:
            first, nullable = set(), False
            for alt in av[1]:
                f, n = _first_of(alt.data)
                if f is None:
                    return None, False
                first |= f
                nullable = nullable or n
        else:
            return None, False
        if first is None:
            return None, False
        out |= first
        if not nullable:
            return out, False
    return out, True


def _class_chars(av) -> set[str] | None:
    chars: set[str] = set()
    for op, a in av:
        if op is LITERAL:
            chars.add(chr(a))
        elif op is RANGE and a[1] - a[0] < 256:
            chars.update(chr(c) for c in range(a[0], a[1] + 1))
        else:  # NEGATE, CATEGORY, wide ranges: too many characters to reason about
            return None
    return chars


def unbounded_repeats(regex: str, flags: int, limit: int) -> list[str]:
    """The repeats still unbounded after the rewrite (for tests): only "any character" ones in
    a pattern anchored at the start of the text may remain."""
    if _parser is None:
        return []
    tree = _parser.parse(regex, flags)
    all_flags = flags | tree.state.flags
    _rewrite(tree.data, all_flags, limit, anchored=False)
    found: list[str] = []

    def walk(items, anchored: bool) -> None:
        anchored = anchored or _starts_at_start(items, all_flags)
        for op, av in items:
            if op in _REPEATS:
                if av[1] == MAXREPEAT and not (anchored and len(av[2].data) == 1 and _any_char(av[2].data[0])):
                    found.append(str(av[2].data))
                walk(av[2].data, anchored)
            elif op is BRANCH:
                for alt in av[1]:
                    walk(alt.data, anchored)
            elif op is SUBPATTERN:
                walk(av[3].data, anchored)
            elif op in (ASSERT, ASSERT_NOT):
                walk(av[1].data, anchored)
            elif op is ATOMIC_GROUP:
                walk(av.data, anchored)

    walk(tree.data, False)
    return found
