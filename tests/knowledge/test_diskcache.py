"""The cache every process maps keeps what processes use, lets old entries go, and decodes only what is asked for."""

from __future__ import annotations

import marshal
import os

from knowledge import diskcache


def _saved(tmp_path, monkeypatch, store: dict, used: set[str], today: int) -> dict:
    monkeypatch.setenv("TENDER_COACH_DATA", str(tmp_path))
    diskcache.forget()
    diskcache.cache_path().parent.mkdir(parents=True, exist_ok=True)
    diskcache.cache_path().write_bytes(diskcache.encode(store))
    monkeypatch.setattr(diskcache.time, "time", lambda: today * 86400 + 3600)
    for key in used:
        assert diskcache.get(key) is not None
    diskcache.remember("new", "compiled in this process")
    diskcache.save()
    diskcache.forget()
    return diskcache.decode(diskcache.cache_path().read_bytes())


def test_an_entry_no_process_used_for_over_a_week_is_dropped_at_the_next_save(tmp_path, monkeypatch):
    stamps = {"old rule": 100, "other command": 107, "this review": 100}
    store = {"old rule": "x", "other command": "y", "this review": "z", diskcache._STAMPS: stamps}
    kept = _saved(tmp_path, monkeypatch, store, {"this review"}, today=110)
    assert "old rule" not in kept  # last used 10 days ago
    assert kept["other command"] == "y" and kept["this review"] == "z" and kept["new"] == "compiled in this process"
    assert kept[diskcache._STAMPS]["this review"] == 110 and kept[diskcache._STAMPS]["other command"] == 107


def test_a_cache_written_before_entries_had_days_keeps_them_and_starts_counting(tmp_path, monkeypatch):
    kept = _saved(tmp_path, monkeypatch, {"a": 1, "b": 2}, set(), today=200)
    assert kept["a"] == 1 and kept["b"] == 2 and kept[diskcache._STAMPS]["a"] == 200
    diskcache.forget()


def test_past_its_size_the_file_lets_the_least_recently_used_entries_go_first(tmp_path, monkeypatch):
    """A day of edited rules leaves a program per edit; every process reads the whole file, so past a size the
    entries no process used today go, oldest first, and what this process used always stays."""
    monkeypatch.setattr(diskcache, "_MAX_BYTES", 25_000)
    big = b"p" * 10_000
    stamps = {"edited on day 100": 100, "edited on day 103": 103, "used yesterday": 104, "this review": 100}
    store = {key: big for key in stamps} | {diskcache._STAMPS: stamps}
    kept = _saved(tmp_path, monkeypatch, store, {"this review"}, today=105)
    assert "this review" in kept and "used yesterday" in kept
    assert "edited on day 100" not in kept and "edited on day 103" not in kept
    diskcache.forget()


def test_a_file_past_its_size_is_written_back_pruned_even_when_nothing_new_was_compiled(tmp_path, monkeypatch):
    monkeypatch.setattr(diskcache, "_MAX_BYTES", 25_000)
    monkeypatch.setenv("TENDER_COACH_DATA", str(tmp_path))
    diskcache.forget()
    big = b"p" * 10_000
    path = diskcache.cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(diskcache.encode({"old 1": big, "old 2": big, "old 3": big, "this review": big}))
    assert diskcache.get("this review") == big
    diskcache.save()
    diskcache.forget()
    kept = diskcache.decode(path.read_bytes())
    assert "this review" in kept and len(path.read_bytes()) <= 25_000
    diskcache.forget()



def test_once_pruned_the_file_is_not_written_again_by_every_process_that_reads_it(tmp_path, monkeypatch):
    """The entries are pruned to the limit; the file's index and the days each entry was last used come on top. A
    process that only reads must not find the file over its size because of them, or every review writes it again."""
    monkeypatch.setattr(diskcache, "_MAX_BYTES", 25_000)
    monkeypatch.setenv("TENDER_COACH_DATA", str(tmp_path))
    diskcache.forget()
    big = b"p" * 12_460  # two of them (with marshal's few bytes each) just under 25,000
    path = diskcache.cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(diskcache.encode({"old": big, "a": big, "b": big}))
    assert diskcache.get("a") == big and diskcache.get("b") == big
    diskcache.save()  # pruned: "old" goes; the two entries are just under the limit, the file with its index is over
    diskcache.forget()
    pruned = path.read_bytes()
    assert len(pruned) > 25_000 and "old" not in diskcache.decode(pruned)
    diskcache.forget()
    assert diskcache.get("a") == big and diskcache.get("b") == big  # the next review reads the same entries
    assert not diskcache._dirty  # and leaves the file as it is
    diskcache.save()
    assert path.read_bytes() == pruned
    diskcache.forget()

def test_a_file_over_its_size_that_holds_only_what_this_review_used_is_not_written_again(tmp_path, monkeypatch):
    """When one review's own programs pass the limit, pruning can drop nothing: the file is left as it is, not written
    back whole by every review (each had cost a third more time)."""
    monkeypatch.setattr(diskcache, "_MAX_BYTES", 15_000)
    path = _fresh_path(tmp_path, monkeypatch)
    big = b"p" * 10_000
    path.write_bytes(diskcache.encode({"a": big, "b": big}))
    before = path.read_bytes()
    stat = path.stat()
    assert diskcache.get("a") == big and diskcache.get("b") == big
    diskcache.save()
    assert path.read_bytes() == before and path.stat().st_mtime_ns == stat.st_mtime_ns
    diskcache.forget()


def _fresh_path(tmp_path, monkeypatch):
    monkeypatch.setenv("TENDER_COACH_DATA", str(tmp_path))
    diskcache.forget()
    path = diskcache.cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def test_a_damaged_entry_is_computed_afresh_and_the_others_still_load(tmp_path, monkeypatch):
    path = _fresh_path(tmp_path, monkeypatch)
    path.write_bytes(diskcache.encode_raw({"good": marshal.dumps([1, 2]), "damaged": b"\xff not marshal"}))
    assert diskcache.get("good") == [1, 2]
    assert diskcache.get("damaged") is None
    diskcache.remember("damaged", "computed afresh")
    diskcache.save()
    diskcache.forget()
    assert diskcache.decode(path.read_bytes()) == {"good": [1, 2], "damaged": "computed afresh",
                                                   diskcache._STAMPS: {"good": diskcache._today(), "damaged": diskcache._today()}}
    diskcache.forget()


def test_a_file_of_the_earlier_layout_is_ignored_and_removed_once_no_version_has_written_it_for_a_week(tmp_path, monkeypatch):
    path = _fresh_path(tmp_path, monkeypatch)
    old = path.with_name(path.name.replace(diskcache._CACHE_NAME, diskcache._OLD_NAMES[0]))
    old.write_bytes(marshal.dumps({"a": 1}))
    assert diskcache.get("a") is None
    diskcache.remember("a", 2)
    diskcache.save()
    assert old.exists()  # an older installed version may still be using it
    week_ago = old.stat().st_mtime - 8 * 86400
    os.utime(old, (week_ago, week_ago))
    diskcache.remember("b", 3)
    diskcache.save()
    diskcache.forget()
    assert not old.exists() and diskcache.get("a") == 2
    diskcache.forget()


def test_a_process_copies_only_the_entries_it_asks_for_and_a_file_of_another_layout_is_rewritten(tmp_path, monkeypatch):
    path = _fresh_path(tmp_path, monkeypatch)
    path.write_bytes(marshal.dumps({"a": marshal.dumps(1)}))  # the whole-file layout before this one: not read
    assert diskcache.get("a") is None
    diskcache.remember("a", 1)
    diskcache.save()
    diskcache.forget()
    stale = {f"stale {i}": b"x" * 100_000 for i in range(20)}  # two megabytes another version left
    path.write_bytes(diskcache.encode_raw({**stale, "a": marshal.dumps(1), "b": marshal.dumps([2])}))
    copied = []
    real = diskcache._stored
    monkeypatch.setattr(diskcache, "_stored", lambda key: copied.append(key) or real(key))
    assert diskcache.get("a") == 1 and diskcache.get("b") == [2] and diskcache.get("missing") is None
    assert copied == ["a", "b"]
    diskcache.forget()


def test_a_damaged_index_is_ignored_and_the_file_rewritten(tmp_path, monkeypatch):
    path = _fresh_path(tmp_path, monkeypatch)
    good = diskcache.encode({"a": 1})
    path.write_bytes(good[:-1])  # cut short: the index points past the end
    assert diskcache.get("a") is None
    diskcache.remember("a", 1)
    diskcache.save()
    diskcache.forget()
    assert diskcache.get("a") == 1
    diskcache.forget()
