"""The chart: a PNG of sane size whose plotted data equal the stored weekly numbers."""

from __future__ import annotations

import struct
import zlib

from digest_helpers import END, TZ, add, day

from bot.digest import compute_digest, read_series, render_chart
from bot.digest.chart import SERIES_KEY, png_size, png_text

PNG = b"\x89PNG\r\n\x1a\n"


def seeded(db):
    for week, scores in {0: [50, 71], 1: [None], 2: [33], 5: [20, 40, 90]}.items():
        for n, score in enumerate(scores):
            rules = ("cost-first/price-majority",) if n == 1 else ("fair-work/zero-hours",)
            add(db, at=day(7 * week + 1 + n), score=score, rules=rules)
    return compute_digest(db, "T1", "C1", end=END, tz=TZ)


def test_the_chart_is_a_png_of_sane_size(sqlite_db):
    png = render_chart(seeded(sqlite_db))
    assert png.startswith(PNG)
    width, height = png_size(png)
    assert (width, height) == (800, 400)
    assert 5_000 < len(png) < 200_000


def test_the_plotted_data_equal_the_stored_weekly_numbers(db):
    digest = seeded(db)
    series = read_series(render_chart(digest))

    assert series["average"] == [w.average for w in digest.weekly]
    assert series["average"][-3:] == [33.0, None, 60.5]  # read from the plotted line, gaps and all
    assert series["clean_percent"] == [w.clean_percent for w in digest.weekly]
    assert series["clean_percent"][-1] == 50.0
    assert [label.split("\n")[0] for label in series["weeks"]] == [f"{w.first_day.day} {w.first_day:%b}"
                                                                   for w in digest.weekly]
    assert series["weeks"][-1] == "16 Nov\n2 drafts"


def test_the_same_digest_draws_the_same_bytes(sqlite_db):
    digest = seeded(sqlite_db)
    assert render_chart(digest) == render_chart(digest)


def test_an_empty_chart_still_draws(sqlite_db):
    digest = compute_digest(sqlite_db, "T1", "C1", end=END, tz=TZ)
    png = render_chart(digest)
    assert png_size(png) == (800, 400)
    assert read_series(png)["average"] == [None] * 8


def test_the_series_reader_takes_compressed_and_international_text_chunks():
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    itxt = SERIES_KEY.encode() + b"\0\0\0\0\0" + '{"average": [1.5], "note": "é"}'.encode()
    ztxt = b"other\0\0" + zlib.compress(b"hello")
    png = PNG + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0)) + chunk(b"zTXt", ztxt) + \
        chunk(b"iTXt", itxt) + chunk(b"IEND", b"")
    assert png_text(png)["other"] == "hello"
    assert read_series(png) == {"average": [1.5], "note": "é"}
    assert png_size(png) == (2, 1)
