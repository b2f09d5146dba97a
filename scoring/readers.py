"""Turn a draft (plain text, Word .docx, PDF, or stdin) into plain text.

Every failure becomes an `InputError` whose message tells the user what to do;
callers (CLI, Slack) show it as-is, so nothing here may leak a traceback.
"""

from __future__ import annotations

import codecs
import io
import math
import os
import re
import stat
import sys
import unicodedata
import zipfile
import zlib
from pathlib import Path, PurePath
from typing import BinaryIO

from scoring.errors import InputError

MAX_BYTES = 20 * 1024 * 1024

TEXT_SUFFIXES = {"", ".txt", ".md", ".markdown", ".text"}

EMPTY_MESSAGE = "The draft is empty: paste some tender text or give a file with text in it."

# Share of control characters above which decoded "text" is treated as binary.
# Real drafts contain almost none; binary data decoded as cp1252/latin-1 has many.
_MAX_CONTROL_RATIO = 0.05
_SAMPLE_CHARS = 8192


def read_document(source: str | os.PathLike[str] | None, *, stdin: BinaryIO | None = None) -> str:
    """Read a draft from a path, or from stdin when `source` is None or "-"."""
    if source is None or os.fspath(source) == "-":
        return read_bytes(_read_stream(stdin), "stdin")

    path = Path(source)
    shown = os.fspath(source)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"File not found: {shown}. Check the path and try again.") from None
    except PermissionError:
        raise _permission_error(shown) from None
    except OSError as exc:
        raise InputError(f"Could not open {shown}: {exc.strerror or exc}. Check the path and try again.") from None

    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{shown} is a folder, not a file. Give the path of the draft document inside it.")
    # Checked before reading so a huge file is never loaded into memory.
    if info.st_size > MAX_BYTES:
        raise _too_large(shown, info.st_size)

    try:
        data = path.read_bytes()
    except PermissionError:
        raise _permission_error(shown) from None
    except OSError as exc:
        raise InputError(f"Could not read {shown}: {exc.strerror or exc}.") from None
    return read_bytes(data, shown)


def read_bytes(data: bytes, name: str) -> str:
    """Extract text from `data`; `name` supplies the file type (suffix) and appears in messages."""
    if len(data) > MAX_BYTES:
        raise _too_large(name, len(data))
    if not data.strip():
        raise InputError(EMPTY_MESSAGE)

    suffix = PurePath(name).suffix.lower()
    # Piped input has no name to go on, so recognise Word and PDF by their signatures.
    if name == "stdin":
        if data.startswith(b"%PDF-"):
            suffix = ".pdf"
        elif data.startswith(b"PK\x03\x04"):
            suffix = ".docx"

    if suffix == ".docx":
        text = _docx_text(data, name)
    elif suffix == ".doc":
        raise InputError(
            f"{name} is an old-style Word .doc file, which cannot be read. "
            "Open it in Word and save it as .docx, or paste the text."
        )
    elif suffix == ".pdf":
        text = _pdf_text(data, name)
    elif suffix in TEXT_SUFFIXES:
        text = _decode_text(data, name)
    else:
        text = _decode_unknown(data, name, suffix)

    text = _normalise_newlines(text)
    if not text.strip():
        raise InputError(EMPTY_MESSAGE)
    return text


# --- input limits -----------------------------------------------------------


def _read_stream(stream: BinaryIO | None) -> bytes:
    if stream is None:
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise InputError("No draft was given: pass a file path, or pipe the text in.")
    # Read one byte past the limit: enough to know it is too big without slurping it all.
    chunks: list[bytes] = []
    remaining = MAX_BYTES + 1
    while remaining > 0:
        chunk = stream.read(remaining)
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    data = b"".join(chunks)
    if len(data) > MAX_BYTES:
        raise InputError(
            f"The input from stdin is more than the {_mb(MAX_BYTES)} limit. "
            "Split the draft into smaller parts and check each one."
        )
    return data


def _mb(size: int) -> str:
    # Round up so anything over the limit never displays as equal to it.
    value = math.ceil(size * 10 / (1024 * 1024)) / 10
    return f"{value:g} MB"


def _too_large(name: str, size: int) -> InputError:
    return InputError(
        f"{name} is {_mb(size)}, over the {_mb(MAX_BYTES)} limit. "
        "Split the draft into smaller parts, or remove images and attachments, then try again."
    )


def _permission_error(name: str) -> InputError:
    return InputError(
        f"Permission denied reading {name}. Check the file's permissions, or copy it somewhere you can read."
    )


# --- plain text -------------------------------------------------------------


def _binary_error(name: str) -> InputError:
    return InputError(
        f"{name} does not look like text (it contains binary data). "
        "If it is a Word or PDF file, give it a .docx or .pdf name; otherwise paste the text."
    )


def _decode_text(data: bytes, name: str) -> str:
    # Windows "Unicode" text is UTF-16 with a BOM; its NUL bytes are not binary.
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise _binary_error(name) from None
    else:
        if b"\x00" in data:
            raise _binary_error(name)
        # cp1252 before latin-1: Word's "plain text" exports use it for smart quotes and dashes.
        for encoding in ("utf-8-sig", "cp1252", "latin-1"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    if _mostly_unprintable(text):
        raise _binary_error(name)
    return text


def _decode_unknown(data: bytes, name: str, suffix: str) -> str:
    # Unknown types are only trusted when they are clean UTF-8, to avoid reading e.g. .xlsx as text.
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    if text is None or "\x00" in text or _mostly_unprintable(text):
        raise InputError(
            f"{name}: cannot read '{suffix}' files. Use a .txt, .md, .docx or .pdf file, or paste the text."
        )
    return text


def _mostly_unprintable(text: str) -> bool:
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ch not in "\t\n\r\f" and unicodedata.category(ch) == "Cc")
    return controls / len(sample) > _MAX_CONTROL_RATIO


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- Word -------------------------------------------------------------------


def _docx_text(data: bytes, name: str) -> str:
    import docx
    from docx.opc.exceptions import OpcError
    from lxml import etree

    try:
        document = docx.Document(io.BytesIO(data))
        return _docx_body_text(document)
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError, OpcError, etree.LxmlError):
        raise InputError(
            f"{name} could not be opened as a Word document (it may be damaged, or not really a .docx). "
            "Open it in Word and save it again as .docx, or paste the text."
        ) from None


def _docx_body_text(document) -> str:
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    body = document.element.body
    # Walk the body's children rather than doc.paragraphs/doc.tables so tables stay
    # where they were written; content controls (w:sdt) are unwrapped for the same reason.
    stack = list(reversed(body))
    while stack:
        child = stack.pop()
        if child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                stack.extend(reversed(content))
        elif child.tag == qn("w:p"):
            paragraph = Paragraph(child, document)
            text = paragraph.text
            if text.strip() and _is_list_item(paragraph):
                text = "• " + text.strip()
            lines.append(text)
        elif child.tag == qn("w:tbl"):
            lines.append("")
            lines.extend(_table_rows(Table(child, document)))
            lines.append("")
    text = "\n".join(lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text)


def _is_list_item(paragraph) -> bool:
    # Each list item is a separate clause; the bullet keeps it from merging with its neighbours.
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None:
        return True
    style = paragraph.style
    return bool(style is not None and (style.name or "").startswith("List"))


def _table_rows(table) -> list[str]:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            # python-docx repeats a horizontally merged cell once per grid column it spans.
            if cell._tc is previous:
                continue
            previous = cell._tc
            # One row per line: the cell's own paragraphs and tabs must not break it up.
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            rows.append("\t".join(cells))
    return rows


# --- PDF --------------------------------------------------------------------


def _pdf_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    encrypted = InputError(
        f"{name} is password-protected. Save an unprotected copy (or export the text) and try again."
    )
    try:
        reader = PdfReader(io.BytesIO(data))
        # PDFs locked only against editing open with an empty password; those are fine to read.
        if reader.is_encrypted and not reader.decrypt(""):
            raise encrypted
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except DependencyError:
        raise encrypted from None
    except Exception:
        # pypdf signals malformed files with a wide range of built-in exceptions, not only PyPdfError.
        raise InputError(
            f"{name} could not be read as a PDF (it may be damaged). "
            "Export it again as PDF, save it as .docx, or paste the text."
        ) from None

    text = "\n\n".join(pages)
    if not text.strip():
        raise InputError(
            f"{name} has no text layer (it looks like a scanned image), so there is nothing to check. "
            "Export the text from the original document, or run the PDF through OCR first."
        )
    return text
