"""What a `tender-coach review` process does before and after the review itself: the parts of
its start-up that were made cheaper must leave every answer, message and setting as it was."""

import gc
import io
import os
import re
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from bot.cli import COMMANDS, build_parser, main

ROOT = Path(__file__).parent.parent
DRAFT = "The provider will deliver 200 youth sessions per year.\nEvaluation: Price 70% / Quality 30%.\n"


def _parse(parser, argv) -> tuple[object, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            result = vars(parser.parse_args(argv))
            result.pop("run", None)
        except SystemExit as exc:
            result = ("exit", exc.code)
    return result, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("argv", [
    ["review", "--help"], ["review", "d.md", "--format", "json"], ["review", "--format", "bogus", "d.md"],
    ["review", "d.md", "--unknown"], ["review", "-", "--color", "never", "--config", "x.toml"],
    ["ask", "--help"], ["index", "--help"], ["serve", "--help"], ["digest", "--help"], ["feedback", "--help"],
])
def test_a_subcommand_parsed_alone_reads_as_in_the_whole_parser(argv):
    """main() builds only the named subcommand's parser: its help, errors and values are the same."""
    assert _parse(build_parser(argv[0]), argv) == _parse(build_parser(), argv)


@pytest.mark.parametrize("columns", ["40", "100", ""])
@pytest.mark.parametrize("command", ["review", "digest"])
def test_help_wraps_at_the_width_argparse_itself_would_choose(command, columns, monkeypatch):
    """The parsers' own formatter skips importing shutil; the help it lays out is argparse's, line for line."""
    monkeypatch.setenv("COLUMNS", columns)
    ours = build_parser(command)._subparsers._group_actions[0].choices[command].format_help()
    import argparse

    import bot.cli

    monkeypatch.setattr(bot.cli, "_Formatter", argparse.HelpFormatter)
    theirs = build_parser(command)._subparsers._group_actions[0].choices[command].format_help()
    assert ours == theirs


def test_every_subcommand_is_in_the_whole_parser():
    help_text = build_parser().format_help()
    assert all(name in help_text for name in COMMANDS)


def _python(code: str, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


def test_a_text_review_leaves_logging_alone_and_a_pdf_review_still_quiets_pypdf(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text(DRAFT)
    code = (
        "import sys\nfrom bot.cli import main\nmain(['review', sys.argv[1], '--format', 'json'])\n"
        "print('LOGGING', 'logging' in sys.modules, file=sys.stderr)\n"
        "if 'logging' in sys.modules:\n"
        "    import logging\n"
        "    print('PYPDF', logging.getLogger('pypdf').level == logging.ERROR, file=sys.stderr)\n"
    )
    assert "LOGGING False" in _python(code, str(draft)).stderr
    light = "import sys\nfrom bot.cli import main\nmain(['review', sys.argv[1], '--format', 'json'])\n" \
            "print('LOADED', [m for m in ('typing', 'shutil', 'selectors', 'torch') if m in sys.modules], file=sys.stderr)\n"
    data = {"TENDER_COACH_DATA": str(tmp_path / "data")}
    _python(light, str(draft), env=data)  # the first process in a fresh data folder compiles templates with jinja2
    assert "LOADED []" in _python(light, str(draft), env=data).stderr  # later ones start light
    for name in ("missing.pdf", "-"):  # a PDF by its name, or standard input that may be one
        assert "PYPDF True" in _python(code, str(tmp_path / name) if name != "-" else "-").stderr


def test_a_review_leaves_the_garbage_collector_as_it_found_it(tmp_path, capsys):
    draft = tmp_path / "d.md"
    draft.write_text(DRAFT)
    assert gc.isenabled()
    main(["review", str(draft), "--format", "json"])
    capsys.readouterr()
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_patterns_re_compiled_last_time_are_loaded_as_re_would_compile_them(tmp_path):
    """A review records the programs `re` compiled for it (jinja2's lexer, the report's escaping...);
    the next process puts them in `re`'s cache. Each must be exactly what `re` compiles."""
    draft = tmp_path / "d.md"
    draft.write_text(DRAFT)
    env = {"TENDER_COACH_DATA": str(tmp_path / "data")}
    review = "import sys\nfrom bot.cli import main\nsys.exit(main(['review', sys.argv[1]]))\n"
    first = _python(review, str(draft), env=env)
    assert first.returncode == 1 and "Checklist score" in first.stdout
    check = (
        "import re, sys\nfrom array import array\nimport scoring\nfrom scoring import _cache\n"
        "assert not [k for k in _cache._seeded if k is not None]  # importing the library seeds nothing\n"
        "_cache.seed_stdlib()  # what `tender-coach review` does first\n"
        "from re import _compiler, _parser\n"
        "seeded = [k for k in _cache._seeded if k is not None]\n"
        "assert len(seeded) > 20, len(seeded)\n"
        "for entry in _cache.diskcache.get(_cache._SEED_KEY):\n"
        "    pattern, flags, all_flags, code, groups, groupindex, indexgroup = entry\n"
        "    fresh = _compiler.compile(pattern, flags)\n"
        "    tree = _parser.parse(pattern, flags)\n"
        "    assert array(_cache._CODE, code).tolist() == [int(c) for c in _compiler._code(tree, flags)], pattern\n"
        "    assert (all_flags, groups, groupindex) == (fresh.flags, fresh.groups, dict(fresh.groupindex)), pattern\n"
        "    if (type(pattern), pattern, flags) in seeded:\n"
        "        ours = re._cache[type(pattern), pattern, flags]\n"
        "        for text in ('{{ x }} {% if y %}a{% endif %}', 'Price 70% \\x1b[31m', ''):\n"
        "            if isinstance(pattern, str):\n"
        "                assert [m.span() for m in ours.finditer(text)] == [m.span() for m in fresh.finditer(text)]\n"
        "print('CHECKED', len(seeded))\n"
    )
    result = _python(check, env=env)
    assert "CHECKED" in result.stdout, result.stderr
    again = _python(review, str(draft), env=env)
    assert again.stdout == first.stdout and again.returncode == first.returncode


def test_a_record_filled_by_other_reviews_makes_room_for_this_reviews_patterns(tmp_path):
    """The record holds a bounded number of programs. Once other work has filled it (long documents, patterns built
    from one draft's own sums), a one-page review must still get its own programs recorded, or every later review
    parses them again."""
    draft = tmp_path / "d.md"
    draft.write_text(DRAFT)
    env = {"TENDER_COACH_DATA": str(tmp_path / "data")}
    fill = ("import re\nfrom scoring import _cache\n_cache.seed_stdlib()\nbefore = _cache.compiled_before()\n"
            "for i in range(_cache._MAX_SEEDED):\n    re.compile(f'other-work-{i}x+')\n"
            "_cache.record_stdlib(before)\n"
            "assert len(_cache.diskcache.get(_cache._SEED_KEY)) == _cache._MAX_SEEDED\n"
            "print('FILLED')\n")
    assert "FILLED" in _python(fill, env=env).stdout
    review = "import sys\nfrom bot.cli import main\nsys.exit(main(['review', sys.argv[1]]))\n"
    assert _python(review, str(draft), env=env).returncode == 1
    check = ("from scoring import _cache\n_cache.seed_stdlib()\n"
             "own = [k for k in _cache._seeded if k is not None and not str(k[1]).startswith('other-work-')]\n"
             "assert len(_cache.diskcache.get(_cache._SEED_KEY)) <= _cache._MAX_SEEDED\n"
             "print('OWN', len(own))\n")
    result = _python(check, env=env)
    assert "OWN" in result.stdout, result.stderr
    assert int(result.stdout.split("OWN")[1]) > 20, result.stdout


def test_a_damaged_record_of_re_programs_is_ignored(tmp_path, monkeypatch):
    from scoring import _cache

    monkeypatch.setenv("TENDER_COACH_DATA", str(tmp_path / "data"))
    _cache.forget()
    try:
        _cache.diskcache.remember(_cache._SEED_KEY, [("x(", 0, 32, b"\x01\x02", 0, {}, (None,)), "junk"])
        monkeypatch.setattr(_cache, "_seeded", set())
        _cache.seed_stdlib()  # no exception; `re` compiles as usual
        assert re.compile(r"tender\s+coach").search("Tender  coach") is None
        assert re.compile(r"tender\s+coach", re.I).search("Tender  coach")
    finally:
        _cache.forget()


def test_a_review_process_writes_its_whole_report_and_saves_its_pattern_cache(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text(DRAFT * 40)
    data = tmp_path / "data"
    run = subprocess.run([sys.executable, "-m", "bot.cli", "review", str(draft), "--format", "json"], capture_output=True,
                         text=True, timeout=120, stdin=subprocess.DEVNULL, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT), "TENDER_COACH_DATA": str(data)})
    assert run.returncode == 1, run.stderr
    import json

    assert len(json.loads(run.stdout)["findings"]) >= 40  # the whole report reached the pipe
    assert list((data / "cache").glob("*entries.marshal"))  # the exit handlers ran before the process ended


def test_a_review_whose_programs_are_all_cached_writes_the_cache_file_no_more(tmp_path):
    """Once a review's compiled programs are on disk, reviewing the same draft again reads them and leaves the file
    alone: rewriting several megabytes in every process would cost each review more than the programs save."""
    draft = tmp_path / "d.md"
    draft.write_text(DRAFT * 10)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TENDER_COACH_DATA": str(tmp_path / "data")}
    review = [sys.executable, "-m", "bot.cli", "review", str(draft), "--format", "json"]
    for _ in range(2):  # the first compiles and saves; the second may drop what only the first needed
        subprocess.run(review, capture_output=True, timeout=180, stdin=subprocess.DEVNULL, cwd=ROOT, env=env)
    [cache] = (tmp_path / "data" / "cache").glob("*entries.marshal")
    before = cache.stat()
    subprocess.run(review, capture_output=True, timeout=180, stdin=subprocess.DEVNULL, cwd=ROOT, env=env)
    after = cache.stat()
    assert (after.st_ino, after.st_mtime_ns, after.st_size) == (before.st_ino, before.st_mtime_ns, before.st_size)
