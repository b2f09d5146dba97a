"""A Word file rebuilt so python-docx can open it safely: every text part checked, every media part emptied.

A .docx is a zip: a few MB can declare (or truly hold) gigabytes, and python-docx
loads every part, images included.
"""

from __future__ import annotations

import io
import re
import zipfile

from knowledge.errors import InputError
from knowledge.read_source import megabytes

# Limits on a Word file, checked before python-docx sees it.
MAX_PARTS = 2000
MAX_PART_BYTES = 20 * 1024 * 1024  # uncompressed, any part we read (document.xml of a long draft is a few MB)
MAX_TOTAL_BYTES = 40 * 1024 * 1024  # uncompressed, all the parts we read together
MAX_RATIO = 200  # uncompressed / compressed, for a part larger than a megabyte; Word's XML is about 5-20
MAX_TABLES = 2000
MAX_PARAGRAPHS = 200_000  # paragraphs and table cells together
_MEDIA = re.compile(r"^(?:word/)?(?:media|embeddings)/|\.(?:png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|bin|mp4|wav|ole)$", re.I)


def _bomb(name: str, what: str) -> InputError:
    return InputError(
        f"{name} was not opened: {what}. That is not what a Word draft looks like, and reading it could "
        "take the whole machine. Save the draft again from Word (without embedded files), or paste the text."
    )


def safe_docx(data: bytes, name: str) -> bytes:
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
                    raise _bomb(name, f"its part {info.filename} expands to {megabytes(info.file_size)}")
                if info.file_size > (1 << 20) and info.file_size > MAX_RATIO * max(1, info.compress_size):
                    raise _bomb(name, f"its part {info.filename} is compressed {info.file_size // max(1, info.compress_size):,} to 1")
                part = _read_part(archive, info, name, MAX_PART_BYTES)
                total += len(part)
                if total > MAX_TOTAL_BYTES:
                    raise _bomb(name, f"its text parts expand to more than {megabytes(MAX_TOTAL_BYTES)}")
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
                raise _bomb(name, f"its part {info.filename} expands to more than {megabytes(limit)}")
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
