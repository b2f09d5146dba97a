"""One small file of values computed from the project's own data files, kept between processes.

A review reads the rule pack, the vocabulary and the outcome library, and compiles a few hundred
regular expressions, in every process. Each of those is a pure function of bytes we ship, so the
result is kept on disk (marshal: plain data only), keyed by its input. The file is an index (each key's
place) followed by the entries, each marshalled on its own; a process maps the file into memory, reads the
index, and copies and decodes only the entries it asks for, so entries that other commands, other versions
or a day of rule edits left there cost it almost nothing. Best effort throughout: a cache that cannot be
read or written, or is damaged, only means computing afresh. Light to import: no hashlib (OpenSSL), no platformdirs on Linux.
"""

from __future__ import annotations

import atexit
import marshal
import mmap
import os
import sys
import time

try:  # the bare hash: hashlib would load OpenSSL into every review's start-up
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover
    from hashlib import blake2b as _blake2b


def digest(data: bytes):
    """A hash of `data` for a cache key (`.hexdigest()`): BLAKE2b, 256 bits. The bare module's SHA-256 took a
    one-page review about 4 ms over the 660 KB of rule lists and data it keys; this is three times faster."""
    return _blake2b(data, digest_size=32)

import _sre

_CACHE_NAME = "entries.marshal"
# Files of an earlier layout, read and decoded whole by every process. (A file of this name that does not
# start with _MAGIC is of a layout between the two: it is ignored and rewritten at the next save.)
_OLD_NAMES = ("patterns.marshal",)
_MAX_ENTRIES = 4000  # a review uses about 1,400 entries (a rule list's runs are one each), a question about 150 more
# An entry no process has used for this many days goes at the next save: an edited rule's old program,
# the data of a release since replaced. A process touches only what it asks for, but the file and its index grow.
_STALE_DAYS = 7
# And entries this process did not use go, least recently used first, once the file passes this size: a day of
# edited rules (each edit a new program) had grown it to 14 MB, three times what a review then needed. A one-page
# review's own programs have since grown past 8 MB; with the limit under that, every review wrote the whole file
# back (its entries stayed over the limit however many others went): the limit stays about three reviews' worth.
# (A one-page review's programs reached 24.4 MB in session 67, just over the old 24 MB limit, and every review wrote
# the whole file back again, a third more time per review: the limit is now 64 MB, and a file over it is written back
# only where pruning would drop something, an entry this process did not use.)
_MAX_BYTES = 64_000_000
_STAMPS = "__last_used_day__"  # key -> the day (since the epoch) a process last used it and saved
_MAGIC = b"TCC2"  # then the index's length (8 bytes, little-endian), the marshalled index, the entries
_store: dict | None = None  # entries decoded or remembered by this process
_index: dict[str, tuple[int, int]] = {}  # each entry in the file: where it starts after _base, and its length
_base = 0  # where the file's entries start in _mapped
_mapped: mmap.mmap | bytes = b""  # the file, mapped (not read): only the pages of entries asked for are touched
_used: set[str] = set()
_dirty = False
_over_limit = False  # the file was over its size when read: written back pruned, if pruning would drop anything


def cache_path():
    """`$TENDER_COACH_DATA/cache`, else the per-user cache folder, as a pathlib.Path. The file's name carries the
    Python and regular-expression engine versions: their compiled programs are not portable."""
    from pathlib import Path

    return Path(cache_file())


def cache_file() -> str:
    """cache_path() as a string, worked out without pathlib (a review never imports it: it and the URL parser it loads
    were about 4 ms of every review's start-up)."""
    data = os.environ.get("TENDER_COACH_DATA")
    if data:
        folder = os.path.join(data, "cache")
    elif sys.platform.startswith("linux"):  # what platformdirs answers there, without its import time
        folder = os.path.join(os.environ.get("XDG_CACHE_HOME", "").strip() or os.path.join(os.path.expanduser("~"), ".cache"),
                              "tender-coach")
    else:
        from platformdirs import user_cache_dir

        folder = user_cache_dir("tender-coach")
    return os.path.join(folder, f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_CACHE_NAME}")


def file_bytes(path) -> bytes:
    """A data file's bytes (path a str or a pathlib.Path): the project's own files are named by strings, so a review
    never imports pathlib."""
    with open(path, "rb") as fh:
        return fh.read()


def get(key: str):
    """The value stored under key, or None."""
    store = _load()
    value = store.get(key)
    if value is None and key in _index:
        value = _decoded(_stored(key))
        if value is None:
            del _index[key]  # damaged: computed afresh and remembered again
        else:
            store[key] = value
    if value is not None:
        _used.add(key)
    return value


def has(key: str) -> bool:
    """Whether a value is stored under key, without decoding it (it counts as used, so it is kept)."""
    store = _load()
    present = key in store or key in _index
    if present:
        _used.add(key)
    return present


def remember(key: str, value) -> None:
    """Store a value (plain data that marshal can write); it reaches the disk when the process ends."""
    _load()[key] = value
    _index.pop(key, None)
    _used.add(key)
    _mark_dirty()


def _decoded(raw: bytes):
    try:
        return marshal.loads(raw)
    except (EOFError, ValueError, TypeError):
        return None


def _stored(key: str) -> bytes:
    """An entry's bytes as the file holds them; b"" (which decodes to nothing) if its place in the index is not in
    the file. Each entry's place is checked as it is read, not all when the file is opened: a review reads about
    a third of them."""
    where = _index[key]
    if type(where) is tuple and len(where) == 2 and type(where[0]) is int and type(where[1]) is int \
            and 0 <= where[0] and 0 <= where[1] and _base + where[0] + where[1] <= len(_mapped):
        start = _base + where[0]
        return _mapped[start:start + where[1]]
    return b""


def encode(entries: dict) -> bytes:
    """The file's bytes for {key: plain value}."""
    return encode_raw({key: marshal.dumps(value) for key, value in entries.items()})


def encode_raw(entries: dict[str, bytes]) -> bytes:
    """The file's bytes for {key: an entry already marshalled}."""
    index, at = {}, 0
    for key, raw in entries.items():
        index[key] = (at, len(raw))
        at += len(raw)
    head = marshal.dumps(index)
    return b"".join((_MAGIC, len(head).to_bytes(8, "little"), head, *entries.values()))


def decode(raw: bytes) -> dict:
    """{key: value} from the file's bytes (every entry decoded: for tests and tools, not for a review)."""
    index, base = _read_index(raw)
    if not all(isinstance(k, str) and isinstance(v, tuple) and len(v) == 2 and 0 <= v[0] and 0 <= v[1]
               and base + v[0] + v[1] <= len(raw) for k, v in index.items()):
        raise ValueError("a damaged cache index")
    return {key: marshal.loads(raw[base + start:base + start + length]) for key, (start, length) in index.items()}


def _read_index(data) -> tuple[dict[str, tuple[int, int]], int]:
    """The index of a file's bytes (or its mapping) and where its entries start; ValueError if it is not one."""
    if data[:4] != _MAGIC:
        raise ValueError("not a cache file of this layout")
    length = int.from_bytes(data[4:12], "little")
    index = marshal.loads(data[12:12 + length])
    if not isinstance(index, dict):
        raise ValueError("a damaged cache index")
    return index, 12 + length


def _mark_dirty() -> None:
    global _dirty
    if not _dirty:
        _dirty = True
        atexit.register(save)


def _mark_over_limit() -> None:
    global _over_limit
    if not _over_limit and not _dirty:
        atexit.register(save)
    _over_limit = True


def parsed(raw: bytes, parse):
    """parse(raw), remembered by the content of raw: a YAML file is read once, not once a process.
    Only plain data (what marshal can store) is remembered."""
    key = "data2:" + digest(raw).hexdigest()
    value = get(key)
    if value is not None:
        return value
    value = parse(raw)
    try:
        marshal.dumps(value)
    except ValueError:  # dates and other objects: parse again next time
        return value
    remember(key, value)
    return value


def _load() -> dict:
    global _store, _mapped, _base
    if _store is None:
        _store = {}
        _index.clear()
        try:
            with open(cache_file(), "rb") as fh:
                size = os.fstat(fh.fileno()).st_size
                mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
            index, base = _read_index(mapped)
            _mapped, _base = mapped, base
            _index.update(index)
            # Write it back pruned when this process ends, if its entries are over the limit (the entries pruning
            # counts, not the file with its index and the days each entry was last used: those would keep it over
            # once pruned, and every process would write the whole file again, about 10 ms a review).
            stamps = _stored(_STAMPS) if _STAMPS in index else b""
            if len(mapped) - base - len(stamps) > _MAX_BYTES:
                _mark_over_limit()
        except (OSError, EOFError, ValueError, TypeError):
            pass
    return _store


def save() -> None:
    """Write the store (best effort: a read-only home must not break a review)."""
    global _dirty, _over_limit
    if _store is None:
        return
    if not _dirty:
        if not _over_limit:
            return
        _over_limit = False
        if all(key in _used or key == _STAMPS for key in _index):
            return  # every entry is one this review used: pruning would drop nothing, and rewriting it gains nothing
    import tempfile

    tmp = None
    try:
        path = cache_file()
        folder = os.path.dirname(path)
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".patterns-")
        entries = {key: raw for key in _index if (raw := _stored(key))}  # a decoded entry is written as it was read
        entries.update((key, marshal.dumps(value)) for key, value in _store.items() if key not in _index)
        with os.fdopen(fd, "wb") as fh:
            fh.write(encode_raw(_pruned(entries, _used, _today())))
        os.replace(tmp, path)
        _dirty = False
        for name in _OLD_NAMES:  # another installed version may still use one: only a file left for a week goes
            old = os.path.join(folder, os.path.basename(path).replace(_CACHE_NAME, name))
            try:
                if time.time() - os.stat(old).st_mtime > _STALE_DAYS * 86400:
                    os.unlink(old)
            except OSError:
                pass
    except Exception:  # never let a cache failure end a review, nor leave a half-written file
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _today() -> int:
    return int(time.time() // 86400)


def _pruned(store: dict[str, bytes], used: set[str], today: int) -> dict[str, bytes]:
    """What to write, of {key: encoded value}: every entry this process used, then the others used within
    the last few days (an entry with no day yet counts as used today); what this process used goes last,
    and the oldest others drop off the front once there are too many."""
    stamps = _decoded(store[_STAMPS]) if _STAMPS in store else None
    stamps = dict(stamps) if isinstance(stamps, dict) else {}
    for key in used:
        stamps[key] = today
    unused = [k for k in store if k not in used and k != _STAMPS and today - stamps.setdefault(k, today) <= _STALE_DAYS]
    keep = (unused + [k for k in store if k in used and k != _STAMPS])[-_MAX_ENTRIES:]
    size = {k: len(store[k]) for k in keep}
    total, first = sum(size.values()), 0
    unused.sort(key=lambda k: stamps[k])  # the least recently used first (within a day, the store's order is)
    drop = set()
    while total > _MAX_BYTES and first < len(unused):
        if unused[first] in size:
            drop.add(unused[first])
            total -= size[unused[first]]
        first += 1
    keep = [k for k in keep if k not in drop]
    out = {k: store[k] for k in keep}
    out[_STAMPS] = marshal.dumps({k: stamps[k] for k in keep})
    return out


def forget() -> None:
    """Drop the in-memory store (tests switch data folders)."""
    global _store, _dirty, _mapped, _over_limit
    _store, _dirty, _over_limit = None, False, False
    _index.clear()
    if isinstance(_mapped, mmap.mmap):
        _mapped.close()
    _mapped = b""
    _used.clear()


class BadYaml(ValueError):
    """The bytes are not valid YAML (the message says where)."""


def yaml_data(raw: bytes):
    """The YAML document in raw (safe loader only), parsed once, then read from the cache."""
    return parsed(raw, _parse_yaml)


def _parse_yaml(raw: bytes):
    import yaml  # only on a cache miss: most processes never need it

    try:
        return yaml.load(raw.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise BadYaml(str(exc)) from None
