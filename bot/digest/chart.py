"""The digest's chart: the weekly average checklist score over 8 weeks, with the share of drafts
free of output-only and cost-first findings, as an 800×400 PNG.

Drawn headless on the Agg canvas with matplotlib's object API (no pyplot, so no global figure
state to share between threads), and imported only when a chart is drawn. The plotted values,
read back from the line and the bars after plotting, are written into the PNG as a text chunk
(`SERIES_KEY`), so a test can check that the uploaded picture shows the stored numbers."""

from __future__ import annotations

import io
import json
import math
import struct
import zlib
from typing import TYPE_CHECKING, Any

from prompts.slack import words

if TYPE_CHECKING:
    from bot.digest.compute import Digest

SERIES_KEY = "tender-coach-series"
SIZE_INCHES = (8, 4)
DPI = 100
LINE_COLOUR = "#1d4f91"
BAR_COLOUR = "#a8d5c2"
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_STYLE = {"font.size": 10, "axes.spines.top": False, "axes.spines.right": False}


def render_chart(digest: Digest) -> bytes:
    """The PNG. The same digest gives the same bytes."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    text = chart_words(digest)
    weeks = digest.weekly
    x = list(range(len(weeks)))
    with matplotlib.rc_context(_STYLE):
        figure = Figure(figsize=SIZE_INCHES, dpi=DPI, layout="constrained")
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        bars = axes.bar(x, [_nan(w.clean_percent) for w in weeks], width=0.6, color=BAR_COLOUR, label=text["clean"])
        (line,) = axes.plot(x, [_nan(w.average) for w in weeks], color=LINE_COLOUR, marker="o", linewidth=2,
                            label=text["average"])
        for position, week in zip(x, weeks):
            if week.average is not None:
                axes.annotate(f"{week.average:g}", (position, week.average), textcoords="offset points",
                              xytext=(0, 7), ha="center", color=LINE_COLOUR, fontweight="bold")
        axes.set_xlim(-0.6, len(weeks) - 0.4)  # the same frame when some weeks, or all, have no data
        axes.set_ylim(0, 105)
        axes.set_yticks(range(0, 101, 20))
        axes.set_ylabel(text["axis"])
        axes.set_xticks(x, labels=[_tick(week, text) for week in weeks])
        figure.suptitle(text["title"], x=0.01, ha="left", fontweight="bold", fontsize=12)
        axes.grid(axis="y", color="#dddddd", linewidth=0.8)
        axes.set_axisbelow(True)
        axes.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=2, frameon=False, fontsize=9,
                    borderaxespad=0.2)
        series = {
            "weeks": [label.get_text() for label in axes.get_xticklabels()],
            "average": [_value(y) for y in line.get_ydata()],
            "clean_percent": [_value(bar.get_height()) for bar in bars],
        }
        out = io.BytesIO()
        # No "Software" chunk: the bytes must not change with the matplotlib version.
        figure.savefig(out, format="png", metadata={"Software": None, SERIES_KEY: json.dumps(series)})
    return out.getvalue()


def chart_words(digest: Digest) -> dict[str, str]:
    """Title, legend and axis words from templates/slack/digest_chart.j2 ("key: words" lines)."""
    rendered = words("digest_chart", weeks=len(digest.weekly), last_day=_day(digest.last_day, year=True))
    pairs = (line.partition(":") for line in rendered.splitlines())
    return {key.strip(): value.strip() for key, sep, value in pairs if sep and key.strip()}


def read_series(png: bytes) -> dict[str, Any]:
    """The series written into a chart by render_chart (reads tEXt, zTXt and iTXt chunks)."""
    return json.loads(png_text(png)[SERIES_KEY])


def png_text(png: bytes) -> dict[str, str]:
    """The text chunks of a PNG, keyword -> text."""
    if not png.startswith(_PNG_SIGNATURE):
        raise ValueError("not a PNG")
    texts, at = {}, len(_PNG_SIGNATURE)
    while at + 8 <= len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        data = png[at + 8:at + 8 + length]
        at += 12 + length
        if kind == b"tEXt":
            key, _, value = data.partition(b"\0")
            texts[key.decode("latin-1")] = value.decode("latin-1")
        elif kind == b"zTXt":
            key, _, value = data.partition(b"\0")
            texts[key.decode("latin-1")] = zlib.decompress(value[1:]).decode("latin-1")
        elif kind == b"iTXt":
            key, _, rest = data.partition(b"\0")
            compressed, rest = rest[0], rest[2:]
            _language, _, rest = rest.partition(b"\0")
            _translated, _, value = rest.partition(b"\0")
            texts[key.decode("latin-1")] = (zlib.decompress(value) if compressed else value).decode("utf-8")
        elif kind == b"IEND":
            break
    return texts


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) in pixels, from the IHDR chunk."""
    if not png.startswith(_PNG_SIGNATURE) or png[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return struct.unpack(">II", png[16:24])


def _tick(week, text: dict[str, str]) -> str:
    count = text["draft"] if week.reviews == 1 else text["drafts"]
    return f"{_day(week.first_day)}\n{week.reviews} {count}"


def _day(day, *, year: bool = False) -> str:
    return f"{day.day} {day:%b}" + (f" {day.year}" if year else "")


def _nan(value: float | None) -> float:
    return math.nan if value is None else float(value)


def _value(y: Any) -> float | None:
    y = float(y)
    return None if math.isnan(y) else y
