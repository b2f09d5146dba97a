"""`index` and `ask` on awkward input: each bad file gets its own clear message, the rest still index."""

import io

import pytest

from bot.cli import main
from knowledge.answer import answer
from knowledge.chunking import MAX_CHARS, OWN_DOCUMENTS
from knowledge.indexing import index_documents, list_documents
from knowledge.store import EMBED_BATCH
from knowledge.readers import MAX_BYTES


def _blank_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_bad_files_are_reported_one_by_one_and_good_ones_still_indexed(fake, tmp_path, capsys):
    good = tmp_path / "good.md"
    good.write_text("# Fair work policy\n\nCarers are paid for travel time between visits.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n\x00\x01 this is not really a PDF \xff\xfe")
    (tmp_path / "scanned.pdf").write_bytes(_blank_pdf())
    (tmp_path / "sheet.xlsx").write_bytes(b"PK\x03\x04 not text")

    paths = [str(tmp_path / n) for n in ("empty.txt", "broken.pdf", "good.md", "scanned.pdf", "sheet.xlsx")]
    assert main(["index", *paths]) == 2
    err = capsys.readouterr()
    assert "empty.txt is empty: there is nothing to index" in err.err
    assert "broken.pdf could not be read as a PDF" in err.err
    assert "scanned.pdf has no text layer" in err.err
    assert "only .md, .txt, .docx and .pdf files can be indexed" in err.err
    assert "Indexed 1 of 5 files" in err.out and "4 failed" in err.out
    assert "Traceback" not in err.err
    assert [d.title for d in list_documents()] == ["Fair work policy"]


def test_a_10000_page_text_is_streamed_in_batches(rt, fake, tmp_path):
    page = ("Section {n}. The provider reports wellbeing change for each person against a baseline, "
            "reviewed with the people who use the service. ") * 3
    text = "\f".join(page.format(n=n) for n in range(10_000))
    assert len(text.encode()) < MAX_BYTES  # under the reader's 20 MB limit, so it is read, not refused
    (tmp_path / "huge.txt").write_text(text)

    progress: list[tuple[int, int]] = []
    fake.calls = 0
    (result,), _ = index_documents([str(tmp_path / "huge.txt")], rt, on_progress=lambda *p: progress.append(p))
    assert result.ok and result.stats.embedded > 2_000
    assert fake.calls >= result.stats.embedded // EMBED_BATCH  # embedded batch by batch, never all at once
    assert progress == sorted(progress) and progress[-1] == (result.stats.embedded,) * 2
    stored = rt.store.get(OWN_DOCUMENTS, where={"doc_id": result.doc_id})
    assert len(stored) == result.stats.embedded and max(len(c.text) for c in stored) <= MAX_CHARS

    hit = answer("provider reports wellbeing change baseline section 9876", k=20, rt=rt)
    assert any("Section 9876." in h.text for h in hit.passages)


def test_non_english_text_is_indexed_and_found(rt, tmp_path):
    doc = tmp_path / "politique.txt"
    doc.write_text(
        "Politique d'achat : la valeur sociale compte pour 20 % de la note.\n\n"
        "采购政策：社会价值占评分的百分之二十。\n\n"
        "سياسة الشراء: القيمة الاجتماعية تمثل عشرين بالمئة من التقييم.\n",
        encoding="utf-8",
    )
    (result,), _ = index_documents([str(doc)], rt)
    assert result.ok
    found = answer("Quelle part pour la valeur sociale dans la note ?", rt=rt)
    assert found.passages and found.passages[0].source == "your documents"


def test_a_20000_character_question_through_the_cli(fake, capsys):
    assert main(["ask", "What weighting should social value get? " * 500]) == 0
    out = capsys.readouterr().out
    assert "longer than 2,000 characters; only the first 2,000 were used" in out
    assert "Sources:" in out


@pytest.mark.parametrize("question", ["", "   "])
def test_an_empty_question_exits_2(fake, capsys, question):
    assert main(["ask", question]) == 2
    assert "the question is empty" in capsys.readouterr().err


# --- settings with bad values: a message that names the setting ---------------------------------

DRAFT = "The provider will deliver 200 youth sessions per year.\n"


@pytest.mark.parametrize("value", ["-1", "nan", "inf", "1e300", "ten", "0"])
def test_a_bad_llm_timeout_names_the_setting(tmp_path, monkeypatch, capsys, value):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TENDER_COACH_LLM_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("TENDER_COACH_LLM_TIMEOUT", value)
    assert main(["review", str(draft)]) == 2
    err = capsys.readouterr().err
    assert f"TENDER_COACH_LLM_TIMEOUT={value!r} is not usable" in err and "from 0.1 to 600" in err
    assert "something went wrong" not in err


@pytest.mark.parametrize(
    "name,body,complaint",
    [
        (".tender-coach.toml", 'disable = "fair-work"', "'disable' must be a list of rule ids or categories"),
        (".tender-coach.toml", "levels = 3", "'levels' must be a table of rule id or category = level"),
        (".tender-coach.toml", '[levels]\n"cost-first" = 3', "'levels' gives 'cost-first' a number (3)"),
        ("pyproject.toml", '[tool.tender-coach]\ndisable = "fair-work"', "[tool.tender-coach]: 'disable' must be"),
        ("pyproject.toml", "[tool.tender-coach]\nlevels = 3", "[tool.tender-coach]: 'levels' must be a table"),
        ("pyproject.toml", "[tool]\ntender-coach = 3", "[tool.tender-coach]: the settings must be a table"),
    ],
)
def test_a_setting_of_the_wrong_type_names_the_setting(tmp_path, monkeypatch, capsys, name, body, complaint):
    (tmp_path / name).write_text(body + "\n")
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TENDER_COACH_LLM_URL", raising=False)
    assert main(["review", str(draft), "--config", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert complaint in err and "something went wrong" not in err and "Traceback" not in err
