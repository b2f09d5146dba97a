"""A Word draft is checked as its reader sees it: hidden text is not read and cannot suppress findings.

Each case writes a real .docx with python-docx and edits its XML, so no binary fixture
is kept: the marker paragraph is hidden one way or another, and the draft after it
must still be flagged, with a warning that a hidden marker was found.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import RGBColor

from scoring import review
from knowledge.read_docx import HIDDEN_MARKER_NOTICE
from knowledge.readers import read_document

MARKER = "tender-coach: ignore"
DRAFT = "The provider will deliver 200 youth sessions per year."
W = nsdecls("w")


def _xml(fragment: str):
    return parse_xml(fragment.replace("<w:rPr>", f"<w:rPr {W}>").replace("<w:pPr>", f"<w:pPr {W}>")
                     .replace("<w:del>", f'<w:del {W} w:id="1" w:author="A">')
                     .replace("<w:ins>", f'<w:ins {W} w:id="2" w:author="A">'))


def _with_run_props(document, run_props: str) -> None:
    run = document.add_paragraph().add_run(MARKER)
    run._r.insert(0, _xml(f"<w:rPr>{run_props}</w:rPr>"))


def _hidden_by_style(document, based_on: bool = False) -> None:
    secret = document.styles.add_style("Secret", WD_STYLE_TYPE.PARAGRAPH)
    secret.font.hidden = True
    if based_on:
        child = document.styles.add_style("Secret child", WD_STYLE_TYPE.PARAGRAPH)
        child.base_style = secret
        secret = child
    document.add_paragraph(MARKER, style=secret)


def _white_character_style(document) -> None:
    style = document.styles.add_style("Ghost", WD_STYLE_TYPE.CHARACTER)
    style.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    document.add_paragraph().add_run(MARKER, style=style)


def _coloured_like_paragraph_shading(document) -> None:
    paragraph = document.add_paragraph()
    paragraph._p.insert(0, _xml('<w:pPr><w:shd w:val="clear" w:color="auto" w:fill="1F3864"/></w:pPr>'))
    paragraph.add_run(MARKER).font.color.rgb = RGBColor(0x1F, 0x38, 0x64)


def _deleted_revision(document) -> None:
    paragraph = document.add_paragraph()
    paragraph._p.append(_xml(f"<w:del><w:r><w:t>{MARKER}</w:t></w:r></w:del>"))


def _hidden_in_a_table_cell(document) -> None:
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell._tc.get_or_add_tcPr().append(_xml('<w:shd w:val="clear" w:color="auto" w:fill="000000"/>'
                                           .replace("<w:shd", f"<w:shd {W}")))
    cell.paragraphs[0].add_run(MARKER).font.color.rgb = RGBColor(0, 0, 0)


HIDDEN = {
    "hidden text": lambda d: _with_run_props(d, "<w:vanish/>"),
    "hidden until a special mark": lambda d: _with_run_props(d, "<w:specVanish/>"),
    "hidden on the web": lambda d: _with_run_props(d, "<w:webHidden/>"),
    "1 pt text": lambda d: _with_run_props(d, '<w:sz w:val="2"/>'),
    "white on no shading": lambda d: _with_run_props(d, '<w:color w:val="FFFFFF"/>'),
    "almost white": lambda d: _with_run_props(d, '<w:color w:val="FAFAFA"/>'),
    "theme background colour": lambda d: _with_run_props(d, '<w:color w:val="auto" w:themeColor="background1"/>'),
    "coloured like its run shading": lambda d: _with_run_props(
        d, '<w:color w:val="C00000"/><w:shd w:val="clear" w:color="auto" w:fill="C00000"/>'),
    "coloured like its highlight": lambda d: _with_run_props(d, '<w:color w:val="FFFF00"/><w:highlight w:val="yellow"/>'),
    "coloured like its paragraph shading": _coloured_like_paragraph_shading,
    "paragraph style": _hidden_by_style,
    "style it is based on": lambda d: _hidden_by_style(d, based_on=True),
    "character style": _white_character_style,
    "deleted revision": _deleted_revision,
    "table cell shading": _hidden_in_a_table_cell,
}

VISIBLE = {
    "plain": lambda d: d.add_paragraph(MARKER),
    "hidden switched off": lambda d: _with_run_props(d, '<w:vanish w:val="0"/>'),
    "white on dark shading": lambda d: _with_run_props(
        d, '<w:color w:val="FFFFFF"/><w:shd w:val="clear" w:color="auto" w:fill="1F3864"/>'),
    "automatic colour": lambda d: _with_run_props(d, '<w:color w:val="auto"/>'),
    "small but readable": lambda d: _with_run_props(d, '<w:sz w:val="12"/>'),
    "tracked insertion": lambda d: d.add_paragraph()._p.append(_xml(f"<w:ins><w:r><w:t>{MARKER}</w:t></w:r></w:ins>")),
}


def _draft(tmp_path: Path, add_marker) -> Path:
    document = docx.Document()
    add_marker(document)
    document.add_paragraph(DRAFT)
    path = tmp_path / "draft.docx"
    document.save(path)
    return path


def _flags_the_draft(report) -> bool:
    return any(f.category == "output-only" and "200 youth sessions" in f.match for f in report.findings)


@pytest.mark.parametrize("how", HIDDEN)
def test_a_hidden_marker_is_not_read_and_does_not_suppress(tmp_path, how):
    text = read_document(_draft(tmp_path, HIDDEN[how]))
    assert MARKER not in text
    assert DRAFT in text
    report = review(text)
    assert _flags_the_draft(report)
    notices = [f for f in report.findings if f.message == HIDDEN_MARKER_NOTICE]
    assert len(notices) == 1 and notices[0].level == "warning"


@pytest.mark.parametrize("how", VISIBLE)
def test_a_visible_marker_is_read_and_obeyed(tmp_path, how):
    text = read_document(_draft(tmp_path, VISIBLE[how]))
    assert MARKER in text
    report = review(text)
    assert not _flags_the_draft(report)
    assert all(f.message != HIDDEN_MARKER_NOTICE for f in report.findings)


def test_hidden_words_inside_a_visible_sentence_are_left_out(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("Price 70% ")
    paragraph.add_run("and nothing else ").font.hidden = True
    paragraph.add_run("/ Quality 30%.")
    document.save(tmp_path / "award.docx")
    assert read_document(tmp_path / "award.docx") == "Price 70% / Quality 30%."


def test_the_notice_reaches_the_report_in_every_format(tmp_path):
    from prompts.reports import render_report

    report = review(read_document(_draft(tmp_path, HIDDEN["hidden text"])))
    assert "was not obeyed" in render_report(report, "text")
    assert "was not obeyed" in render_report(report, "json")


@pytest.mark.parametrize("where", ["document defaults", "default paragraph style"])
def test_hiding_inherited_from_the_defaults_applies_to_runs_that_do_not_undo_it(tmp_path, where):
    document = docx.Document()
    if where == "document defaults":
        defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        defaults.append(_xml(f"<w:vanish {W}/>"))
    else:
        document.styles["Normal"].font.hidden = True
    document.add_paragraph(MARKER)
    paragraph = document.add_paragraph()
    paragraph.add_run(DRAFT).font.hidden = False
    document.save(tmp_path / "draft.docx")
    text = read_document(tmp_path / "draft.docx")
    assert text.strip() == DRAFT
    report = review(text)
    assert _flags_the_draft(report)
    assert any(f.message == HIDDEN_MARKER_NOTICE for f in report.findings)
