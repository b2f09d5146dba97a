"""The `tender-coach review` command as a commissioner or a CI job would use it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main

ROOT = Path(__file__).parent.parent
BAD = "The provider will deliver 200 youth sessions per year.\nEvaluation: Price 70% / Quality 30%.\n"
GOOD = "Young people will report higher self-esteem on the Rosenberg scale at entry and after six months.\n"


def _run(args, stdin=None, env=None):
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args], input=stdin, capture_output=True, text=True,
        cwd=os.getcwd(), env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}, timeout=60,
    )


def test_text_output_marks_the_words_and_says_why(tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text(BAD)
    assert main(["review", str(draft), "--color", "never"]) == 1
    out = capsys.readouterr().out
    assert "1:27  error  output-only/activity-count" in out
    assert "    " + " " * 26 + "^" * len("200 youth sessions per year") + "\n" in out
    assert "Why:" in out and "Guidance:" in out and "http" in out
    assert "2 errors" in out


def test_json_output_is_the_contract(tmp_path, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text(BAD)
    assert main(["review", str(draft), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"version", "score", "findings", "omitted"} and data["version"] == 1
    assert set(data["score"]) >= {"value", "items"}
    f = data["findings"][0]
    assert set(f) == {"rule", "category", "level", "message", "why", "line", "column", "start", "end", "match", "rewrite", "guidance"}
    assert BAD[f["start"]:f["end"]] == f["match"]
    assert {"id", "title", "source", "url"} == set(f["guidance"][0])


def test_markdown_output_bolds_the_words(tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text(BAD)
    main(["review", str(draft), "--format", "markdown"])
    out = capsys.readouterr().out
    assert out.startswith("# Tender Coach review") and "**200 youth sessions per year**" in out


def test_a_clean_draft_exits_zero(tmp_path, capsys):
    draft = tmp_path / "ok.txt"
    draft.write_text(GOOD)
    assert main(["review", str(draft)]) == 0
    assert "No problems found." in capsys.readouterr().out


def test_warnings_alone_exit_zero(tmp_path, capsys):
    draft = tmp_path / "warn.txt"
    draft.write_text("Care workers may be employed on zero-hours contracts.\n")
    assert main(["review", str(draft)]) == 0
    assert "fair-work/zero-hours" in capsys.readouterr().out


def test_stdin_is_read_with_a_dash_and_by_default():
    result = _run(["review", "-", "--format", "json"], stdin=BAD)
    assert result.returncode == 1 and json.loads(result.stdout)["findings"]
    assert _run(["review"], stdin=BAD).returncode == 1


@pytest.mark.parametrize(
    "name,content,complaint",
    [
        ("empty.txt", b"", "empty"),
        ("blank.md", b"  \n\t\n", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("broken.docx", b"PK\x03\x04 this is not really a word file", "Word"),
        ("old.doc", b"\xd0\xcf\x11\xe0 legacy", ".docx"),
    ],
)
def test_bad_files_get_a_clear_message_and_exit_2(tmp_path, name, content, complaint):
    path = tmp_path / name
    path.write_bytes(content)
    result = _run(["review", str(path)])
    assert result.returncode == 2
    assert complaint.lower() in result.stderr.lower()
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_a_50mb_file_is_refused_clearly(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    result = _run(["review", str(path)])
    assert result.returncode == 2 and "MB" in result.stderr and "Traceback" not in result.stderr


def test_a_missing_file_and_empty_stdin(tmp_path):
    missing = _run(["review", str(tmp_path / "nope.docx")])
    assert missing.returncode == 2 and "nope.docx" in missing.stderr
    empty = _run(["review", "-"], stdin="")
    assert empty.returncode == 2 and "empty" in empty.stderr


def test_a_bad_config_is_exit_2(tmp_path):
    (tmp_path / ".tender-coach.toml").write_text("disable = [\n")
    result = _run(["review", "-"], stdin=BAD)
    assert result.returncode == 2 and "TOML" in result.stderr


def test_a_review_never_imports_torch_sentence_transformers_or_chromadb(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(BAD)
    code = (
        "import sys\nfrom bot.cli import main\nmain(['review', sys.argv[1], '--format', 'json'])\n"
        "heavy = [m for m in ('torch', 'sentence_transformers', 'chromadb') if m in sys.modules]\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(draft)], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert "HEAVY []" in result.stderr


@pytest.mark.parametrize("args", [["--help"], ["review", "--help"], ["ask", "--help"], ["index", "--help"],
                                  ["serve", "--help"], ["digest", "--help"], ["digest", "run", "--help"],
                                  ["feedback", "--help"]])
def test_help(args):
    result = _run(args)
    assert result.returncode == 0 and "usage: tender-coach" in result.stdout


def test_every_contract_subcommand_exists():
    """DESIGN.md's contract names these subcommands; scripts depend on them."""
    result = _run(["--help"])
    for command in ("review", "ask", "index", "serve", "digest", "feedback"):
        assert command in result.stdout


def test_list_rules_names_every_category(capsys):
    assert main(["review", "--list-rules"]) == 0
    out = capsys.readouterr().out
    for category in ("output-only", "cost-first", "unmeasured-outcome", "co-production", "fair-work", "social-value"):
        assert f"{category}:" in out


def test_an_award_table_in_a_word_document_is_read_and_flagged(tmp_path, capsys):
    import docx

    document = docx.Document()
    document.add_paragraph("Award criteria")
    table = document.add_table(rows=3, cols=2)
    for row, (criterion, weight) in zip(table.rows, [("Criterion", "Weighting"), ("Price", "70%"), ("Quality", "30%")]):
        row.cells[0].text, row.cells[1].text = criterion, weight
    document.add_paragraph("The provider will deliver 200 youth sessions per year.", style="List Bullet")
    path = tmp_path / "award.docx"
    document.save(path)
    assert main(["review", str(path), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert {"cost-first/price-majority", "output-only/activity-count"} <= {f["rule"] for f in findings}
