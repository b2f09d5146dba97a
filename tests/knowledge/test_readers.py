"""Tests for knowledge.readers: every supported format, and every way input can be unusable."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader, PdfWriter

from knowledge import docx_safety, read_pdf, readers
from knowledge.errors import InputError
from knowledge.readers import MAX_BYTES, read_bytes, read_document


# --- fixture builders ---------------------------------------------------------


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Evaluation approach", level=1)
    document.add_paragraph("The contract will be awarded on the most advantageous tender.")
    table = document.add_table(rows=3, cols=2)
    for row, (left, right) in zip(table.rows, [("Criterion", "Weighting"), ("Price", "70%"), ("Quality", "30%")]):
        row.cells[0].text = left
        row.cells[1].text = right
    document.add_paragraph("Bidders must answer every question.")
    document.add_paragraph("Reduce missed appointments", style="List Bullet")
    document.add_paragraph("Improve patient satisfaction", style="List Bullet")
    document.add_paragraph("Submit by noon", style="List Number")
    document.add_paragraph("Late bids are rejected", style="List Number")
    document.save(path)
    return path


def _pdf_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def write_pdf(path: Path, text: str | None) -> Path:
    """Write a one-page PDF; `text` in Helvetica, or an empty page when None."""
    content = b"" if text is None else f"BT /F1 12 Tf 72 720 Td ({_pdf_string(text)}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref_at)
    path.write_bytes(bytes(out))
    return path


# --- Word ---------------------------------------------------------------------


def test_docx_keeps_paragraphs_and_tables_in_document_order(tmp_path):
    text = read_document(make_docx(tmp_path / "draft.docx"))
    lines = text.splitlines()

    assert lines[0] == "Evaluation approach"
    assert "Criterion\tWeighting" in lines
    assert "Price\t70%" in lines
    assert "Quality\t30%" in lines
    intro = lines.index("The contract will be awarded on the most advantageous tender.")
    header = lines.index("Criterion\tWeighting")
    after = lines.index("Bidders must answer every question.")
    assert intro < header < lines.index("Price\t70%") < lines.index("Quality\t30%") < after
    # The table is set off from the paragraph that follows it.
    assert lines[after - 1] == ""


def test_docx_list_items_are_bulleted_separate_lines(tmp_path):
    lines = read_document(make_docx(tmp_path / "draft.docx")).splitlines()
    for item in ("Reduce missed appointments", "Improve patient satisfaction", "Submit by noon", "Late bids are rejected"):
        assert f"• {item}" in lines
    assert "• Bidders must answer every question." not in lines


def test_docx_merged_cells_appear_once(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Social value"
    table.cell(0, 2).text = "10%"
    table.cell(1, 0).text = "A"
    table.cell(1, 1).text = "B"
    table.cell(1, 2).text = "C"
    document.save(tmp_path / "merged.docx")

    lines = read_document(tmp_path / "merged.docx").splitlines()
    assert "Social value\t10%" in lines
    assert "A\tB\tC" in lines


def test_read_bytes_docx(tmp_path):
    data = make_docx(tmp_path / "upload.docx").read_bytes()
    text = read_bytes(data, "Upload.DOCX")
    assert "Price\t70%" in text
    assert "• Submit by noon" in text


def test_docx_from_stdin_is_recognised(tmp_path):
    data = make_docx(tmp_path / "piped.docx").read_bytes()
    assert "Quality\t30%" in read_document("-", stdin=io.BytesIO(data))


def test_corrupt_docx(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(os.urandom(2048))
    with pytest.raises(InputError, match="Word"):
        read_document(path)


def test_zip_that_is_not_word(tmp_path):
    import zipfile

    path = tmp_path / "sheet.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    with pytest.raises(InputError, match="Word"):
        read_document(path)


def test_docx_without_text_is_empty(tmp_path):
    docx.Document().save(tmp_path / "blank.docx")
    with pytest.raises(InputError, match="empty"):
        read_document(tmp_path / "blank.docx")


def test_legacy_doc(tmp_path):
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(InputError, match=r"\.docx"):
        read_document(path)


# --- PDF ----------------------------------------------------------------------


def test_pdf_text_layer(tmp_path):
    text = read_document(write_pdf(tmp_path / "draft.pdf", "Price 70% Quality 30%"))
    assert "Price 70% Quality 30%" in text


def test_pdf_without_text_layer(tmp_path):
    with pytest.raises(InputError, match="text layer") as excinfo:
        read_document(write_pdf(tmp_path / "scan.pdf", None))
    assert "OCR" in str(excinfo.value)


def test_corrupt_pdf(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n" + os.urandom(1024))
    with pytest.raises(InputError, match="PDF"):
        read_document(path)


ALGORITHMS = ["RC4-128", "AES-128", "AES-256"]
DRAFT = "The provider will deliver 200 youth sessions per year."


def _encrypted_pdf(tmp_path: Path, algorithm: str, user_password: str) -> Path:
    writer = PdfWriter(clone_from=PdfReader(write_pdf(tmp_path / "plain.pdf", DRAFT)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    path = tmp_path / f"{algorithm}.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_pdf_locked_only_against_editing_is_read_and_reviewed(tmp_path, algorithm):
    # An owner password with an empty user password is a common "restrict editing" export.
    from scoring import review

    text = read_document(_encrypted_pdf(tmp_path, algorithm, user_password=""))
    assert DRAFT in text
    assert any(f.category == "output-only" for f in review(text).findings)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_pdf_that_needs_a_password_to_open_is_refused(tmp_path, algorithm):
    with pytest.raises(InputError, match="needs a password to open") as excinfo:
        read_document(_encrypted_pdf(tmp_path, algorithm, user_password="hunter2"))
    assert "Save a copy without the password" in str(excinfo.value)


def test_aes_pdf_without_the_cryptography_package_says_what_is_missing(tmp_path, monkeypatch):
    path = _encrypted_pdf(tmp_path, "AES-256", user_password="")
    import pypdf._crypt_providers as providers
    from pypdf.errors import DependencyError

    def missing(*args, **kwargs):
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(providers, "aes_cbc_decrypt", missing)
    import pypdf._encryption as encryption

    monkeypatch.setattr(encryption, "aes_cbc_decrypt", missing, raising=False)
    monkeypatch.setattr(encryption, "aes_ecb_decrypt", missing, raising=False)
    with pytest.raises(InputError, match="'cryptography' package"):
        read_document(path)


# --- plain text ---------------------------------------------------------------


def test_plain_text_and_markdown(tmp_path):
    (tmp_path / "draft.md").write_text("# Outcomes\nFewer missed appointments.\n", encoding="utf-8")
    (tmp_path / "README").write_text("No suffix at all.", encoding="utf-8")
    assert read_document(tmp_path / "draft.md").startswith("# Outcomes\n")
    assert read_document(str(tmp_path / "README")) == "No suffix at all."


def test_utf8_bom_is_dropped(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbfOutcome first")
    assert read_document(tmp_path / "bom.txt") == "Outcome first"


def test_cp1252_smart_quotes(tmp_path):
    (tmp_path / "word-export.txt").write_bytes("“smart” quotes – and a dash".encode("cp1252"))
    assert read_document(tmp_path / "word-export.txt") == "“smart” quotes – and a dash"


def test_utf16_text(tmp_path):
    (tmp_path / "unicode.txt").write_bytes("Outcome – “measured”".encode("utf-16"))
    assert read_document(tmp_path / "unicode.txt") == "Outcome – “measured”"


def test_crlf_and_cr_normalised(tmp_path):
    (tmp_path / "windows.txt").write_bytes(b"one\r\ntwo\rthree\n")
    assert read_document(tmp_path / "windows.txt") == "one\ntwo\nthree\n"


def test_binary_renamed_txt(tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64 + b"IHDR")
    with pytest.raises(InputError, match="binary"):
        read_document(tmp_path / "image.txt")


def test_mostly_control_characters_is_binary():
    with pytest.raises(InputError, match="binary"):
        read_bytes(bytes(range(1, 32)) * 20, "noise.txt")


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "])
def test_empty_and_whitespace_only(tmp_path, content):
    (tmp_path / "empty.txt").write_bytes(content)
    with pytest.raises(InputError, match="The draft is empty"):
        read_document(tmp_path / "empty.txt")


def test_unknown_suffix_text_is_read(tmp_path):
    (tmp_path / "notes.csv").write_text("criterion,weight\nprice,70\n", encoding="utf-8")
    assert read_document(tmp_path / "notes.csv") == "criterion,weight\nprice,70\n"


def test_unknown_suffix_binary_is_refused(tmp_path):
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with pytest.raises(InputError, match=r"\.png"):
        read_document(tmp_path / "photo.png")


# --- paths and limits ---------------------------------------------------------


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="not found"):
        read_document(tmp_path / "nope.txt")


def test_directory(tmp_path):
    with pytest.raises(InputError, match="folder"):
        read_document(tmp_path)


def test_permission_denied(tmp_path, monkeypatch):
    (tmp_path / "locked.txt").write_text("text", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    # Tests may run as root, whom chmod does not stop; refuse the open itself.
    with monkeypatch.context() as patch, pytest.raises(InputError, match="Permission denied"):
        patch.setattr(os, "open", refuse)
        read_document(tmp_path / "locked.txt")


def test_too_large_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: no real disk use

    def must_not_open(*args, **kwargs):
        raise AssertionError("the file was opened before its size was checked")

    with monkeypatch.context() as patch, pytest.raises(InputError, match="MB") as excinfo:
        patch.setattr(os, "open", must_not_open)
        read_document(path)
    message = str(excinfo.value)
    assert "20 MB limit" in message
    assert "20.1 MB" in message


def test_too_large_bytes():
    with pytest.raises(InputError, match="limit"):
        read_bytes(b"x" * (MAX_BYTES + 1), "upload.txt")


# --- stdin --------------------------------------------------------------------


def test_stdin_none_and_dash():
    assert read_document(None, stdin=io.BytesIO(b"Outcome: fewer falls\r\n")) == "Outcome: fewer falls\n"
    assert read_document("-", stdin=io.BytesIO(b"From a pipe")) == "From a pipe"


def test_stdin_defaults_to_sys_stdin_buffer(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Piped draft")))
    assert read_document(None) == "Piped draft"


def test_stdin_too_large_reads_at_most_limit_plus_one(monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 10)
    stream = io.BytesIO(b"x" * 100)
    with pytest.raises(InputError, match="limit"):
        read_document("-", stdin=stream)
    assert stream.tell() == 11


def test_empty_stdin():
    with pytest.raises(InputError, match="The draft is empty"):
        read_document(None, stdin=io.BytesIO(b""))


# --- bombs: refused in bounded memory and time ----------------------------------


def _peak_mb(fn) -> float:
    import tracemalloc

    tracemalloc.start()
    try:
        fn()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak / 2**20


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_endless_device_is_read_only_to_the_limit():
    # /dev/zero reports a size of 0 and never ends: the size check must not trust it.
    peak = _peak_mb(lambda: pytest.raises(InputError, read_document, "/dev/zero"))
    assert peak < 3 * MAX_BYTES / 2**20


def _zip_with(path: Path, parts: dict[str, bytes | tuple[int, bytes]]) -> Path:
    """A zip whose parts are bytes, or (size, pattern) written in streaming mode (never held in memory)."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts.items():
            if isinstance(body, bytes):
                archive.writestr(name, body)
                continue
            size, chunk = body
            with archive.open(name, "w", force_zip64=True) as handle:
                for _ in range(size // len(chunk)):
                    handle.write(chunk)
    return path


def _docx_parts(tmp_path: Path) -> dict[str, bytes]:
    import zipfile

    with zipfile.ZipFile(make_docx(tmp_path / "base.docx")) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_docx_whose_text_part_expands_hugely_is_refused(tmp_path):
    parts = _docx_parts(tmp_path)
    body = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>" * 64
    parts["word/document.xml"] = (256 * 2**20, body)  # 256 MB of short paragraphs, a few hundred KB zipped
    path = _zip_with(tmp_path / "bomb.docx", parts)
    assert path.stat().st_size < 2 * 2**20
    peak = _peak_mb(lambda: pytest.raises(InputError, read_document, path))
    assert peak < 100


def test_docx_with_huge_media_part_is_read_without_inflating_it(tmp_path):
    parts = _docx_parts(tmp_path)
    parts["word/media/image1.png"] = (512 * 2**20, b"\0" * 2**16)  # 512 MB image, about 0.5 MB zipped
    path = _zip_with(tmp_path / "picture.docx", parts)
    text = []
    peak = _peak_mb(lambda: text.append(read_document(path)))
    assert "most advantageous tender" in text[0]
    assert peak < 60


def test_docx_with_too_many_tables_is_refused_quickly(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_safety, "MAX_TABLES", 50)
    document = docx.Document()
    for _ in range(51):
        document.add_table(rows=1, cols=1)
    document.save(tmp_path / "tables.docx")
    with pytest.raises(InputError, match="51 tables"):
        read_document(tmp_path / "tables.docx")


def test_docx_with_too_many_parts_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_safety, "MAX_PARTS", 20)
    parts = _docx_parts(tmp_path)
    parts.update({f"customXml/item{i}.xml": b"<x/>" for i in range(30)})
    with pytest.raises(InputError, match="parts"):
        read_document(_zip_with(tmp_path / "parts.docx", parts))


def test_pdf_with_too_many_pages_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(read_pdf, "MAX_PAGES", 3)
    writer = PdfWriter()
    for _ in range(4):
        writer.add_blank_page(width=200, height=200)
    with open(tmp_path / "pages.pdf", "wb") as handle:
        writer.write(handle)
    with pytest.raises(InputError, match="4 pages"):
        read_document(tmp_path / "pages.pdf")


def test_pdf_pages_sharing_one_big_stream_count_it_once_a_page(tmp_path, monkeypatch):
    # Every page points at the same content stream: extracting text would decode it once a page.
    monkeypatch.setattr(read_pdf, "MAX_CONTENT_BYTES", 10_000)
    from pypdf.generic import DecodedStreamObject, NameObject

    writer = PdfWriter()
    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 12 Tf 10 10 Td (Outcomes) Tj ET\n" * 100)  # about 4 KB
    ref = writer._add_object(stream)
    for _ in range(5):
        page = writer.add_blank_page(width=200, height=200)
        page[NameObject("/Contents")] = ref
    with open(tmp_path / "shared.pdf", "wb") as handle:
        writer.write(handle)
    with pytest.raises(InputError, match="content adds up"):
        read_document(tmp_path / "shared.pdf")
