"""Turn a draft (plain text, Word .docx, PDF, or stdin) into plain text.

Every failure becomes an `InputError` whose message tells the user what to do;
callers (CLI, Slack) show it as-is, so nothing here may leak a traceback. Reading the
bytes is bounded in size and time (read_source); each format has its own module.
"""

from __future__ import annotations

import codecs
import os
import unicodedata

from knowledge.draft_text import with_notices
from knowledge.errors import InputError
from knowledge.read_source import read_path, read_stream, too_large

# Type names for annotations only: importing `typing` costs a review's start-up about 2 ms.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import BinaryIO

MAX_BYTES = 20 * 1024 * 1024

TEXT_SUFFIXES = {"", ".txt", ".md", ".markdown", ".text"}

EMPTY_MESSAGE = "The draft is empty: paste some tender text or give a file with text in it."

# Share of control characters above which decoded "text" is treated as binary.
# Real drafts contain almost none; binary data decoded as cp1252/latin-1 has many.
_MAX_CONTROL_RATIO = 0.05
_SAMPLE_CHARS = 8192


def file_suffix(name: str | os.PathLike[str]) -> str:
    """The last suffix of a file name, as pathlib gives it (".docx"; "" for ".profile" or "draft."), without importing
    pathlib: it and the URL parser it loads were about 4 ms of every review's start-up."""
    base = os.path.basename(os.fspath(name).rstrip("/" + os.sep))
    ext = os.path.splitext(base)[1]
    return "" if ext == "." else ext


def read_document(source: str | os.PathLike[str] | None, *, stdin: BinaryIO | None = None) -> str:
    """Read a draft from a path, or from stdin when `source` is None or "-"."""
    if source is None or os.fspath(source) == "-":
        return read_bytes(read_stream(stdin, MAX_BYTES), "stdin")
    shown = os.fspath(source)
    return read_bytes(read_path(source, shown, MAX_BYTES), shown)


def read_bytes(data: bytes, name: str) -> str:
    """Extract text from `data`; `name` supplies the file type (suffix) and appears in messages.

    The text may carry `notices` (knowledge.draft_text) that scoring.review() reports as findings.
    """
    if len(data) > MAX_BYTES:
        raise too_large(name, len(data), MAX_BYTES)
    if not data.strip():
        raise InputError(EMPTY_MESSAGE)

    suffix = file_suffix(name).lower()
    # Piped input, and a path such as /dev/fd/63 from `<(...)`, has no suffix to go on:
    # recognise Word and PDF by their signatures.
    if not suffix:
        if data.startswith(b"%PDF-"):
            suffix = ".pdf"
        elif data.startswith(b"PK\x03\x04"):
            suffix = ".docx"

    notices: tuple[str, ...] = ()
    if suffix == ".docx":
        from knowledge.read_docx import docx_text

        text, notices = docx_text(data, name)
    elif suffix == ".doc":
        raise InputError(
            f"{name} is an old-style Word .doc file, which cannot be read. "
            "Open it in Word and save it as .docx, or paste the text."
        )
    elif suffix == ".pdf":
        from knowledge.read_pdf import pdf_text

        text = pdf_text(data, name)
    elif suffix in TEXT_SUFFIXES:
        text = _decode_text(data, name)
    else:
        text = _decode_unknown(data, name, suffix)

    text = _normalise_newlines(text)
    if not text.strip():
        raise InputError(EMPTY_MESSAGE)
    return with_notices(text, notices)


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
