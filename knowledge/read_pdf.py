"""The text layer of a PDF, refused clearly when it is locked, scanned or built to exhaust us."""

from __future__ import annotations

import io

from knowledge.errors import InputError
from knowledge.read_source import megabytes

# Limits on a PDF, checked from its structure before any text is extracted.
MAX_PAGES = 2000
MAX_CONTENT_BYTES = 60 * 1024 * 1024  # content streams of all pages together, as stored, counted once a page
MAX_TEXT_CHARS = 20 * 1024 * 1024  # extracted text


def pdf_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(io.BytesIO(data))
        # A PDF locked only against editing or printing (an owner password, a common export
        # setting) opens with an empty password: those are read. One that needs a password to open is not.
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(
                f"{name} needs a password to open. Save a copy without the password "
                "(or export the text) and try again."
            )
        pages = _pdf_pages(reader, name)
    except InputError:
        raise
    except DependencyError:
        # pypdf decrypts AES only with the `cryptography` package, a dependency of this project.
        raise InputError(
            f"{name} is encrypted with AES, and the 'cryptography' package needed to read it is missing. "
            "Reinstall tender-coach (pip install --upgrade tender-coach), or save an unprotected copy."
        ) from None
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


def _pdf_pages(reader, name: str) -> list[str]:
    count = len(reader.pages)
    if count > MAX_PAGES:
        raise _pdf_refused(name, f"it has {count:,} pages (the limit is {MAX_PAGES:,})")
    # A stream shared by every page is extracted once a page: count it once a page too.
    stored = sum(_content_length(page) for page in reader.pages)
    if stored > MAX_CONTENT_BYTES:
        raise _pdf_refused(
            name, f"its pages' content adds up to {megabytes(stored)} (the limit is {megabytes(MAX_CONTENT_BYTES)})"
        )
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
