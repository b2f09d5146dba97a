"""`tender-coach ask` and `tender-coach index` end to end, as separate processes."""

import json

import pytest
from filelock import FileLock
from knowledge_helpers import run_cli

FAKE = {"TENDER_COACH_EMBEDDER": "fake"}


@pytest.mark.parametrize("command", ["ask", "index"])
def test_help(command):
    result = run_cli(command, "--help")
    assert result.returncode == 0 and "usage: tender-coach " + command in result.stdout


def test_ask_json_is_the_contract():
    result = run_cli("ask", "Can we weight social value at 20%?", "--format", "json", "--k", "2", env=FAKE)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    # DESIGN.md's keys stay; keys may be added (where the answer applies, the sources' dates).
    assert {"question", "answer", "covered", "passages"} <= set(data) and len(data["passages"]) == 2
    assert {"id", "title", "text", "source", "url", "score"} <= set(data["passages"][0])
    assert result.stderr == ""  # no progress bars or library chatter on a normal run


@pytest.mark.parametrize(
    "args,complaint",
    [
        (["ask", ""], "the question is empty"),
        (["ask"], "ask a question in quotes"),
        (["ask", "social value", "--k", "0"], "k must be a whole number from 1 to 20"),
        (["ask", "social value", "--topic", "gardening"], "unknown topic 'gardening'"),
        (["index"], "give files or folders to index"),
        (["index", "--remove", "no-such-doc"], "no indexed document matches"),
    ],
)
def test_bad_usage_exits_2_with_one_line(args, complaint):
    result = run_cli(*args, env=FAKE)
    assert result.returncode == 2
    assert complaint in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_index_list_ask_remove_rebuild(tmp_path):
    policy = tmp_path / "westshire-travel.md"
    policy.write_text("# Westshire travel time policy\n\nWestshire pays homecare workers for travel time between visits.\n")

    indexed = run_cli("index", str(policy), env=FAKE)
    assert indexed.returncode == 0, indexed.stderr
    assert "Indexed 1 of 1 files" in indexed.stdout and "indexed " in indexed.stderr

    listed = run_cli("index", "--list", env=FAKE)
    assert "Westshire travel time policy" in listed.stdout and str(policy.resolve()) in listed.stdout

    asked = run_cli("ask", "Does Westshire pay for travel time?", "--format", "json", env=FAKE)
    assert "your documents" in {p["source"] for p in json.loads(asked.stdout)["passages"]}

    text = run_cli("ask", "Does Westshire pay for travel time?", env=FAKE)
    assert text.returncode == 0 and "Sources:" in text.stdout and "your documents" in text.stdout

    removed = run_cli("index", "--remove", str(policy), env=FAKE)
    assert removed.returncode == 0 and "Removed Westshire travel time policy" in removed.stdout
    assert "No documents of your own" in run_cli("index", "--list", env=FAKE).stdout

    rebuilt = run_cli("index", "--rebuild", env=FAKE)
    assert rebuilt.returncode == 0 and "Rebuilt the built-in guidance index" in rebuilt.stdout


def test_a_second_writer_exits_2_at_once(tmp_path):
    policy = tmp_path / "p.txt"
    policy.write_text("Carers are paid for travel time.")
    data = tmp_path / "data"
    data.mkdir()
    with FileLock(str(data / "index.lock")):
        result = run_cli("index", str(policy), env=FAKE, timeout=30)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "tender-coach: another tender-coach process is updating the index; try again when it finishes")


def test_an_unreachable_chroma_server_is_a_clear_error():
    result = run_cli("ask", "social value", env={**FAKE, "CHROMA_URL": "http://127.0.0.1:9"}, timeout=60)
    assert result.returncode == 2
    assert "cannot reach the Chroma server at http://127.0.0.1:9" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_progress_bar_draws_on_a_terminal_only():
    import io

    from bot.progress import ProgressBar

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen, pipe = Terminal(), io.StringIO()
    for stream in (screen, pipe):
        bar = ProgressBar(stream)
        bar.start("policy.pdf")
        for fraction in (0.25, 0.25, 0.5, 1.0):
            bar.update(fraction)
        bar.finish()
    assert "[#######-----------------------]  25%  policy.pdf" in screen.getvalue()
    assert screen.getvalue().count("\r") == 4 + 1  # 0, 25, 50 and 100 % (25 % drawn once), then cleared
    assert pipe.getvalue() == ""
