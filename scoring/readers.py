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

    # The reported size is only a first check: a device (/dev/zero), a FIFO or a file that
    # grows reports 0 or too little, so never read more than the limit and one byte.
    try:
        with path.open("rb") as handle:
            data = _read_limited(handle)
    except PermissionError:
        raise _permission_error(shown) from None
    except OSError as exc:
        raise InputError(f"Could not read {shown}: {exc.strerror or exc}.") from None
    if len(data) > MAX_BYTES:
        raise InputError(
            f"{shown} is more than the {_mb(MAX_BYTES)} limit. "
            "Split the draft into smaller parts, or remove images and attachments, then try again."
        )
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
    data = _read_limited(stream)
    if len(data) > MAX_BYTES:
        raise InputError(
            f"The input from stdin is more than the {_mb(MAX_BYTES)} limit. "
            "Split the draft into smaller parts and check each one."
        )
    return data


def _read_limited(stream: BinaryIO) -> bytes:
    """At most MAX_BYTES + 1 bytes: enough to know the input is too big without slurping it all."""
    chunks: list[bytes] = []
    remaining = MAX_BYTES + 1
    while remaining > 0:
        chunk = stream.read(min(remaining, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


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


# Limits on a Word file, checked before python-docx sees it. A .docx is a zip: a few MB can
# declare (or truly hold) gigabytes, and python-docx loads every part, images included.
MAX_PARTS = 2000
MAX_PART_BYTES = 20 * 1024 * 1024  # uncompressed, any part we read (document.xml of a long draft is a few MB)
MAX_TOTAL_BYTES = 40 * 1024 * 1024  # uncompressed, all the parts we read together
MAX_RATIO = 200  # uncompressed / compressed, for a part larger than a megabyte; Word's XML is about 5-20
MAX_TABLES = 2000
MAX_PARAGRAPHS = 200_000  # paragraphs and table cells together
_MEDIA = re.compile(r"^(?:word/)?(?:media|embeddings)/|\.(?:png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|bin|mp4|wav|ole)$", re.I)


def _docx_text(data: bytes, name: str) -> str:
    import docx
    from docx.opc.exceptions import OpcError
    from lxml import etree

    damaged = InputError(
        f"{name} could not be opened as a Word document (it may be damaged, or not really a .docx). "
        "Open it in Word and save it again as .docx, or paste the text."
    )
    try:
        safe = _safe_docx(data, name)
        document = docx.Document(io.BytesIO(safe))
        return _docx_body_text(document)
    except InputError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError, OpcError, etree.LxmlError,
            NotImplementedError, RuntimeError):
        raise damaged from None


def _bomb(name: str, what: str) -> InputError:
    return InputError(
        f"{name} was not opened: {what}. That is not what a Word draft looks like, and reading it could "
        "take the whole machine. Save the draft again from Word (without embedded files), or paste the text."
    )


def _safe_docx(data: bytes, name: str) -> bytes:
    """The Word file rebuilt with every text part checked and every media part emptied.

    Sizes in a zip's directory are what the file claims; each part is decompressed in
    chunks and abandoned as soon as it passes its limit, so a lying header costs nothing.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        if len(infos) > MAX_PARTS:
            raise _bomb(name, f"it has {len(infos):,} parts (the limit is {MAX_PARTS:,})")
        out = io.BytesIO()
        total = 0
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as clean:
            for info in infos:
                if info.is_dir():
                    continue
                if _MEDIA.search(info.filename):
                    clean.writestr(info.filename, b"")  # keep the part so relationships resolve; never inflate it
                    continue
                if info.file_size > MAX_PART_BYTES:
                    raise _bomb(name, f"its part {info.filename} expands to {_mb(info.file_size)}")
                if info.file_size > (1 << 20) and info.file_size > MAX_RATIO * max(1, info.compress_size):
                    raise _bomb(name, f"its part {info.filename} is compressed {info.file_size // max(1, info.compress_size):,} to 1")
                part = _read_part(archive, info, name, MAX_PART_BYTES)
                total += len(part)
                if total > MAX_TOTAL_BYTES:
                    raise _bomb(name, f"its text parts expand to more than {_mb(MAX_TOTAL_BYTES)}")
                if info.filename == "word/document.xml":
                    _check_body(part, name)
                clean.writestr(info.filename, part)
        return out.getvalue()


def _read_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limit: int) -> bytes:
    chunks, size = [], 0
    with archive.open(info) as handle:
        while chunk := handle.read(1 << 20):
            size += len(chunk)
            if size > limit:
                raise _bomb(name, f"its part {info.filename} expands to more than {_mb(limit)}")
            chunks.append(chunk)
    return b"".join(chunks)


def _check_body(xml: bytes, name: str) -> None:
    """Refuse a body python-docx would take minutes over, by counting tags before parsing."""
    tables = xml.count(b"<w:tbl>") + xml.count(b"<w:tbl ")
    if tables > MAX_TABLES:
        raise _bomb(name, f"it has {tables:,} tables (the limit is {MAX_TABLES:,})")
    blocks = xml.count(b"<w:p>") + xml.count(b"<w:p ") + xml.count(b"<w:tc>") + xml.count(b"<w:tc ")
    if blocks > MAX_PARAGRAPHS:
        raise _bomb(name, f"it has {blocks:,} paragraphs and table cells (the limit is {MAX_PARAGRAPHS:,})")


def _docx_body_text(document) -> str:
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    list_styles = _list_style_ids(document)
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
            if text.strip() and _is_list_item(paragraph, list_styles):
                text = "• " + text.strip()
            lines.append(text)
        elif child.tag == qn("w:tbl"):
            lines.append("")
            lines.extend(_table_rows(Table(child, document)))
            lines.append("")
    text = "\n".join(lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text)


def _list_style_ids(document) -> frozenset[str]:
    """Ids of the paragraph styles named "List ...", looked up once: python-docx's
    `paragraph.style` searches the styles part again for every paragraph (1 ms each)."""
    from docx.enum.style import WD_STYLE_TYPE

    return frozenset(s.style_id for s in document.styles
                     if s.type == WD_STYLE_TYPE.PARAGRAPH and (s.name or "").startswith("List"))


def _is_list_item(paragraph, list_styles: frozenset[str]) -> bool:
    # Each list item is a separate clause; the bullet keeps it from merging with its neighbours.
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None:
        return True
    style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
    return style_id in list_styles


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
        pages = _pdf_pages(reader, name)
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


# Limits on a PDF, checked from its structure before any text is extracted.
MAX_PAGES = 2000
MAX_CONTENT_BYTES = 60 * 1024 * 1024  # content streams of all pages together, as stored, counted once a page
MAX_TEXT_CHARS = MAX_BYTES  # extracted text


def _pdf_pages(reader, name: str) -> list[str]:
    count = len(reader.pages)
    if count > MAX_PAGES:
        raise _pdf_refused(name, f"it has {count:,} pages (the limit is {MAX_PAGES:,})")
    # A stream shared by every page is extracted once a page: count it once a page too.
    stored = sum(_content_length(page) for page in reader.pages)
    if stored > MAX_CONTENT_BYTES:
        raise _pdf_refused(name, f"its pages' content adds up to {_mb(stored)} (the limit is {_mb(MAX_CONTENT_BYTES)})")
    pages, chars = [], 0
    for page in reader.pages:
        text = page.extract_text() or ""
        chars += len(text)
        if chars > MAX_TEXT_CHARS:
            raise _pdf_refused(name, f"its text is more than {MAX_TEXT_CHARS:,} characters")
        pages.append(text)
    return pages


def _content_length(page) -> int:
    """The stored (still encoded) size of a page's content streams, without decoding them."""
    contents = page.get("/Contents")
    if contents is None:
        return 0
    contents = contents.get_object()
    streams = contents if isinstance(contents, list) else [contents]
    total = 0
    for stream in streams:
        stream = stream.get_object()
        raw = getattr(stream, "_data", None)  # pypdf keeps the encoded bytes here and drops /Length
        if isinstance(raw, bytes):
            total += len(raw)
        else:
            length = stream.get("/Length", 0)
            length = length.get_object() if hasattr(length, "get_object") else length
            total += int(length) if isinstance(length, (int, float)) else 0
    return total


def _pdf_refused(name: str, what: str) -> InputError:
    return InputError(
        f"{name} was not read: {what}. Export the draft again as PDF, save it as .docx, or paste the text."
    )
