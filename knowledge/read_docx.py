"""The visible text of a Word .docx, in document order, and any suppression marker it hid."""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from knowledge.docx_safety import safe_docx
from knowledge.errors import InputError

# The start of the marker scoring.engine obeys; enough to tell that one was hidden.
_MARKER = re.compile(r"tender-coach:\s*ignore\b", re.I)

HIDDEN_MARKER_NOTICE = (
    "This Word file has a `tender-coach: ignore` marker in text a reader cannot see (hidden, "
    "deleted, tiny or coloured like its background). It was not obeyed: only visible text is "
    "checked. Make the marker visible if you mean it."
)


def docx_text(data: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    """The visible text, and notices for the reader (a hidden marker)."""
    import docx
    from docx.opc.exceptions import OpcError
    from lxml import etree

    try:
        document = docx.Document(io.BytesIO(safe_docx(data, name)))
        return _body_text(document)
    except InputError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError, OpcError, etree.LxmlError,
            NotImplementedError, RuntimeError):
        raise InputError(
            f"{name} could not be opened as a Word document (it may be damaged, or not really a .docx). "
            "Open it in Word and save it again as .docx, or paste the text."
        ) from None


class _Reader:
    def __init__(self, document) -> None:
        from knowledge.docx_visible import Visibility

        self.visibility = Visibility(document)
        self.hidden_marker = False

    def text(self, p, behind: str | None = None) -> str:
        seen = self.visibility.paragraph(p, behind)
        if len(_MARKER.findall(seen.everything)) > len(_MARKER.findall(seen.visible)):
            self.hidden_marker = True
        return seen.visible


def _body_text(document) -> tuple[str, tuple[str, ...]]:
    from docx.oxml.ns import qn

    reader = _Reader(document)
    lines: list[str] = []
    list_styles = _list_style_ids(document)
    # Walk the body's children rather than doc.paragraphs/doc.tables so tables stay
    # where they were written; content controls (w:sdt) are unwrapped for the same reason.
    stack = list(reversed(document.element.body))
    while stack:
        child = stack.pop()
        if child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                stack.extend(reversed(content))
        elif child.tag == qn("w:p"):
            text = reader.text(child)
            if text.strip() and _is_list_item(child, list_styles):
                text = "• " + text.strip()
            lines.append(text)
        elif child.tag == qn("w:tbl"):
            lines.append("")
            lines.extend(_table_rows(child, document, reader))
            lines.append("")
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines).strip("\n"))
    return text, (HIDDEN_MARKER_NOTICE,) if reader.hidden_marker else ()


def _list_style_ids(document) -> frozenset[str]:
    """Ids of the paragraph styles named "List ...", looked up once: python-docx's
    `paragraph.style` searches the styles part again for every paragraph (1 ms each)."""
    from docx.enum.style import WD_STYLE_TYPE

    return frozenset(s.style_id for s in document.styles
                     if s.type == WD_STYLE_TYPE.PARAGRAPH and (s.name or "").startswith("List"))


def _is_list_item(p, list_styles: frozenset[str]) -> bool:
    # Each list item is a separate clause; the bullet keeps it from merging with its neighbours.
    ppr = p.pPr
    if ppr is not None and ppr.numPr is not None:
        return True
    style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
    return style_id in list_styles


def _table_rows(tbl, document, reader: _Reader) -> list[str]:
    from docx.oxml.ns import qn
    from docx.table import Table

    rows = []
    for row in Table(tbl, document).rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            # python-docx repeats a horizontally merged cell once per grid column it spans.
            if cell._tc is previous:
                continue
            previous = cell._tc
            behind = _cell_fill(cell._tc)
            # Text boxes inside a cell are drawn twice (drawing and fallback); neither is cell text.
            paragraphs = (p for p in cell._tc.iter(qn("w:p")) if not _in_text_box(p, cell._tc))
            # One row per line: the cell's own paragraphs and tabs must not break it up.
            cells.append(" ".join(" ".join(reader.text(p, behind) for p in paragraphs).split()))
        if any(cells):
            rows.append("\t".join(cells))
    return rows


def _cell_fill(tc) -> str | None:
    from docx.oxml.ns import qn

    from knowledge.docx_visible import shading_fill

    tcpr = tc.find(qn("w:tcPr"))
    return shading_fill(tcpr.find(qn("w:shd"))) if tcpr is not None else None


def _in_text_box(p, stop) -> bool:
    from docx.oxml.ns import qn

    parent = p.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == qn("w:txbxContent"):
            return True
        parent = parent.getparent()
    return False
