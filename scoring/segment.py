"""Split normalised tender text into clauses: sentences, list items and table rows.

Offsets always refer to the text as given, so findings can point back at it.
"""

from __future__ import annotations

import bisect
import re
from knowledge.records import dataclass
from .patterns import regex

# A list item's marker: a glyph or an item number, then a space (or a bullet glyph a stored copy glued to its item:
# "·Community services - …"). scoring/fit.py reads an item's marker with it too.
BULLET_RE = regex(
    r"[ \t]*(?:(?:[•◦▪‣●○■□·*+>-]|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z]|[ivxIVX]{1,5})[.)])[ \t]+(?=\S)"
    r"|[•◦▪‣●○■□·](?=[A-Za-z])"
    # a second-level bullet a Word copy flattened to the letter "o" ("o       Of the 6,572 referrals …"): a lone "o" then a
    # capital, which no sentence wrapped onto a new line begins with
    r"|o[ \t]+(?=[A-Z]))"
)
# "# of clients served" is a count ("number of"), not a Markdown heading.
# (Not "# of visits", nor a count's row that opens on its "#": "# Inspections 13,637 14,104 10,000", or with its cells
# between bars: "# Locations baited |  | 266 | 156".)
_HEADING_MD_RE = regex(r"[ \t]*#{1,6}[ \t]+(?!of\b)(?![^\n]{1,120}?[ \t]\d[\d,.]*%?[ \t]+\d[\d,.]*%?[ \t]*(?:\n|$))"
                       r"(?![^\n|]{1,200}(?:\|[ \t]*)+[\d,.]+%?[ \t]*(?:\||\n|$))\S")
_TABLE_SEP_RE = regex(r"^[\s|:+\-=]*$")
_TERMINAL = ".!?:;"
# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "e.g", "i.e", "eg", "ie", "no", "nos", "vs", "approx", "para", "paras", "cf", "mr", "mrs",
    "ms", "dr", "incl", "fig", "ref", "sec", "cl", "art", "st", "min", "max", "est", "inc",
    # company names: "Acme Co. Ltd. offered the lowest bid" is one sentence
    "co", "ltd", "plc", "llc", "corp", "bros",
    # public bodies: "the U.S. Department of Labor", "the Dept. of Health"
    "u.s", "u.k", "dept", "depts", "govt", "div", "vol", "ch", "pp",
}
# A month cut short is an abbreviation before its day ("from Jan. 1 to Dec. 31"); before a capital it can end a sentence.
_MONTHS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
# (Also a bound that needs its figure: "… will serve at least" / "400 homeowners …".)
_WRAPPED_END_RE = regex(r"(?:\b(?:of|the|a|an|to|and|or|with|for|in|on|by|at|from|per|than|at\s+(?:least|most)|up\s+to|within)"
                        r"|(?:^|\s)['\"][^'\"\s]+)$")
_INSTRUCTION_START_RE = regex(r"(?:Deliver|Provide|Achieve|Support|Ensure|Maintain|Offer|Increase|Reduce|Respond|Complete|Install"
                              r"|Undertake|Visit|See|Reach|Engage|Hold|Run|Record|Report|Attend|Assess|Conduct|Answer|Carry\s+out)"
                              r"\s+(?=[a-z0-9£$€])")
_CLOSER_RE = regex(r"[.!?][\"')\]]*")
_LAST_WORD_RE = regex(r"([A-Za-z.]{1,24})\.?$")
# A row's own item number as its first cell: "3.", "(12)", "b)", "iv." (scoring/clause_model.py reads a cell by it too).
ITEM_NUMBER = r"\(?[0-9]{1,3}[.)]?|\(?[a-z][.)]|[ivx]{1,5}[.)]"
_ITEM_CELL_RE = regex(rf"[ \t]*(?:{ITEM_NUMBER})[ \t]*\|[ \t]")
_SENTENCE_END_RE = regex(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9•])")
# A price a scan split at its point ("$2. 157 per meal", "$2 . 507"): the figures after the stop are its cents.
_PRICE_BEFORE_RE = regex(r"[£$€][ ]?\d{1,6}[ ]?$")


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    text: str
    kind: str  # sentence | item | row | heading
    block: int  # clauses of one paragraph, list or table share a block number


class LineIndex:
    """Maps a character offset to a 1-based line and column."""

    def __init__(self, text: str):
        self._starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def locate(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1


def _lines(text: str):
    pos = 0
    for raw in text.split("\n"):
        yield pos, raw
        pos += len(raw) + 1


def _is_row(line: str) -> bool:
    if line.lstrip().startswith("|") and line.count("|") >= 2:
        return True
    # A row of three or more cells parted by bars, with no bar at its start, whose cells hold sentences ("01 | Land
    # settlement. | Within 3 days after receipt. | Office of the Assistant Commissioner"): the row is one clause, not
    # split at the stops inside its cells.
    if line.count(" | ") >= 2 and (last := line.rfind(" | ")) > 0 and _SENTENCE_END_RE.search(line, 0, last) is not None:
        return True
    # A row closed by a bar but not opened by one ("Urgent repairs | 4 hours |"): one row a line, as a table is written.
    if line.rstrip().endswith(" |") and " | " in line:
        return True
    # A row whose first cell is its item number ("3. | Processing of applications | … | Within 7 days"): a row, not a
    # list item whose marker is the number.
    if line.count(" | ") >= 2 and _ITEM_CELL_RE.match(line):
        return True
    cells = [c for c in line.split("\t") if c.strip()]
    return len(cells) >= 2


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


MAX_CLAUSE = 1000  # characters; real sentences are shorter, and a cap keeps every review linear


def _sentences(text: str, start: int, end: int):
    """Yield (start, end) of each sentence in text[start:end], none longer than MAX_CLAUSE."""
    for s, e in _raw_sentences(text, start, end):
        yield from _pieces(text, s, e)


def _pieces(text: str, s: int, e: int):
    """text[s:e] cut into spans of at most MAX_CLAUSE characters, at a break where there is one."""
    while e - s > MAX_CLAUSE:
        window = text[s:s + MAX_CLAUSE]
        cut = max(window.rfind("; "), window.rfind(", "), window.rfind(" "), window.rfind("\t"), window.rfind("|"))
        cut = cut + 1 if cut > MAX_CLAUSE // 2 else MAX_CLAUSE
        piece = _strip_span(text, s, s + cut)
        if piece[1] > piece[0]:
            yield piece
        s = _strip_span(text, s + cut, e)[0]
    if e > s:
        yield s, e


def _raw_sentences(text: str, start: int, end: int):
    cursor = start
    for m in _SENTENCE_END_RE.finditer(text, start, end):
        stop = _CLOSER_RE.match(text, m.start(), m.end()).end()
        # Only the last few characters can hold the abbreviation: never rescan the sentence so far.
        word = _LAST_WORD_RE.search(text, max(cursor, m.start() - 24), m.start())
        token = (word.group(1) if word else "").lower().rstrip(".")
        if token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token or "-") \
                or (token in _MONTHS and text[m.end():m.end() + 1].isdigit()) \
                or (text[m.end():m.end() + 1].isdigit() and _PRICE_BEFORE_RE.search(text, max(cursor, m.start() - 10), m.start())):
            continue
        s, e = _strip_span(text, cursor, stop)
        if e > s:
            yield s, e
        cursor = m.end()
    s, e = _strip_span(text, cursor, end)
    if e > s:
        yield s, e


# A paragraph a PDF copy broke off mid-phrase: the next paragraph goes on in lower case ("Number of youth and" / "" /
# "women trained in vocational trainings"), or an indicator's label stands over its row's figures ("Number of model
# projects created" / "" / "0 588 69 85 92 District report"). A copy that doubles every line break leaves a blank line
# between the pieces of one line; a real paragraph neither starts in lower case nor ends on an indicator's bare label.
_LOWER_GOES_ON_RE = regex(r"[ \t]*[a-z]{2,}\b(?![^\s]*[A-Z])")
_INDICATOR_LABEL_RE = regex(r"[ \t]*(?:(?:total\s+)?(?:number|no\.?|#|percentage|per\s*cent|%|proportion|share|rate)"
                            r"\s+of\s|%\s)", re.I)
_FIGURE_RUN_RE = regex(r"[ \t]*(?:\d[\d,]*(?:\.\d+)?%?[ \t]+){2,}")


_NUMBERED_TITLE_RE = regex(r"(?:outcome|objective|priority|aim|goal|theme|strand|workstream|section|part)\s+\d{1,2}(?:\.\d{1,2})?[a-z]?"
                           r"\s*[:.\u2013-]\s+(?=[A-Za-z])(?![^\n]*\d)", re.I)


_WORD_RE = regex(r"[A-Za-z][\w'’-]*")
# Words a title leaves in lower case ("Information Returns Required from Day Centre Providers").
_SMALL_WORDS = frozenset(("from", "with", "into", "onto", "over", "upon", "under", "about", "after", "within", "without",
                          "between", "through", "across", "against", "during", "before", "their", "that", "this", "these"))


def _title_case(line: str) -> bool:
    """Whether every word of four letters or more starts with a capital, there are at least four of them, and no figure."""
    if any(ch.isdigit() for ch in line) or line.count("/") >= 2:
        return False  # a title with a year or a period is read with its rows; a header's cells parted by slashes are no title
    long = [w for w in _WORD_RE.findall(line) if len(w) >= 4 and w not in _SMALL_WORDS]
    return len(long) >= 4 and all(w[0].isupper() for w in long)


def _looks_like_heading(line: str, next_line: str | None) -> bool:
    stripped = line.strip()
    if not stripped or stripped[-1] in _TERMINAL + ",":
        return False
    if next_line is None:
        return True
    nxt = next_line.lstrip()
    if not nxt:
        return True
    if BULLET_RE.match(next_line) or _is_row(next_line):
        return True
    # A line that starts in lower case, stops on a word that needs the next one, or stops inside a quotation is a
    # sentence wrapped before a capitalised word ("a minimum of 1,750 'Troubled" / "Families' ..."), not a heading.
    # (A line that leaves a bracket open goes on in the next: "Complete 500 housing units (80% N/A N/A 500 500" / "AMI or
    # lower) each year", a row whose figures a PDF copy set inside its wrapped label.)
    if stripped[0].islower() or _WRAPPED_END_RE.search(stripped) or stripped.count("(") > stripped.count(")"):
        return False
    if _caps_wrapped(stripped, nxt):
        return False
    if _INDICATOR_LABEL_RE.match(stripped) and _FIGURE_RUN_RE.match(nxt):
        return False  # an indicator's label over its row's figures ("Number of carers given a break" / "310 420 450 …")
    # A title over a pasted table's header that does not open on a bar: "Indicator | 2017-18 | 2018-19 |".
    if "|" not in stripped and nxt.count("|") >= 2 and not nxt[0].islower():
        return True
    if len(stripped) <= 60:
        return nxt[0].isupper() or nxt[0].isdigit()
    # A title in title case, each longer word capitalised ("Reporting Requirements for Congregate and Home Delivered Meals"),
    # over a line that opens in capitals: a wrapped sentence does not capitalise every word.
    if len(stripped) <= 120 and (nxt[0].isupper() or nxt[0].isdigit()) and _title_case(stripped):
        return True
    # A numbered section's label and title with no figure ("Outcome 1: A greater say for local people in decision making
    # and delivery of services") over a line that opens in capitals is the section's heading, however long: joined to the
    # row under it, its words would be read as that row's own.
    if len(stripped) <= 160 and _NUMBERED_TITLE_RE.match(stripped) and (nxt[0].isupper() or nxt[0].isdigit()):
        return True
    # A longer unpunctuated line before an instruction that opens on a capitalised verb ("Working with partners to
    # improve life chances …" / "Deliver community care equipment within 7 days"): a section's title over its first
    # commitment, since a sentence wrapped mid-way does not go on with a capitalised verb.
    return len(stripped) <= 160 and _INSTRUCTION_START_RE.match(nxt) is not None


_CAPS_WIDTH = 40  # characters: a line this long and all in capitals is a wrapped line of a block, not a heading


def _caps_wrapped(line: str, nxt: str) -> bool:
    """Whether two long lines all in capitals are one wrapped block: a resolution's or a notice's title set in capitals
    ("A RESOLUTION OF THE MAYOR AND CITY COMMISSION OF THE" / "CITY OF MIAMI BEACH, FLORIDA, APPROVING AMENDMENT NO."),
    each line of which had been read as a heading of its own, cutting "ADVANCED" / "PAYMENT FOR SHELTER BED SERVICES"
    apart (and its last line, shorter, where it ends the sentence). A heading in capitals is one short line; a table's
    row or a list's item is not joined."""
    tail = nxt.rstrip()
    if len(line) < _CAPS_WIDTH or not tail or (len(tail) < _CAPS_WIDTH and tail[-1] not in _TERMINAL):
        return False
    if "|" in line or "|" in nxt or "\t" in line.strip() or BULLET_RE.match(nxt):
        return False
    return not any(c.islower() for c in line) and not any(c.islower() for c in nxt) \
        and sum(c.isalpha() for c in line) >= 30 and sum(c.isalpha() for c in nxt) >= 10


# A line that is only a figure of a table's column ("16,254", "95%", "$1,200", "N/A"): a PDF or web copy of a table
# sets each cell of a row on a line of its own, under a header whose columns are lines too.
_FIGURE_LINE_RE = regex(r"^[^\S\n]*(?:[-–]?[^\S\n]*[$£€]?[^\S\n]*\d[\d,]*(?:\.\d+)?[^\S\n]*%?|n/?a|tbd|[-–])[^\S\n]*$", re.I)
_FIGURE_RE = regex(r"\d\d|\d\s*%|[$£€]\s*\d")
_MAX_FIGURE_LINES = 8


def _figures_below(lines: list, i: int) -> int:
    """How many lines after line i are its row's figures, one to a line: at least two, one a real figure; else 0."""
    n = 0
    while n < _MAX_FIGURE_LINES and i + 1 + n < len(lines) and _FIGURE_LINE_RE.match(lines[i + 1 + n][1]):
        n += 1
    if n < 2 or not any(_FIGURE_RE.search(lines[i + 1 + k][1]) for k in range(n)):
        return 0  # (single digits alone are a list's numbers: "1" / "Percentage of …" / "2" / "3")
    return n


def _row_label(line: str) -> bool:
    """A table row's label on a line of its own: words, unpunctuated at its end, not a figure, not a bar-delimited row."""
    stripped = line.strip()
    return 3 <= len(stripped) <= 160 and stripped[-1] not in _TERMINAL and "|" not in stripped \
        and any(c.isalpha() for c in stripped) and not _FIGURE_LINE_RE.match(stripped)


def _soft_break(before: str, after: str) -> bool:
    """Whether the blank lines between line `before` and line `after` break one line of a PDF copy, not a paragraph."""
    last = before.rstrip()
    if not last or last[-1] in _TERMINAL + "," or _is_row(before) or _is_row(after) or BULLET_RE.match(after):
        return False
    if _LOWER_GOES_ON_RE.match(after):
        return True
    return _INDICATOR_LABEL_RE.match(before) is not None and _FIGURE_RUN_RE.match(after) is not None


def _joined_lines(text: str) -> list:
    """The text's lines, without the blank lines that only break a line of a PDF copy (see _soft_break)."""
    lines = list(_lines(text))
    out: list = []
    i = 0
    while i < len(lines):
        out.append(lines[i])
        if not lines[i][1].strip():
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not lines[j][1].strip():
            j += 1
        if j > i + 1 and j < len(lines) and _soft_break(lines[i][1], lines[j][1]):
            i = j  # (the blank lines between are dropped)
        else:
            out.extend(lines[i + 1:j])
            i = j
    return out


def segment(text: str) -> list[Clause]:
    """Split normalised text into clauses with offsets into the original text."""
    lines = _joined_lines(text)
    clauses: list[Clause] = []
    block = 0
    run_start: int | None = None  # start offset of the prose or item run being gathered
    run_end = 0
    run_kind = "sentence"
    last_row = False  # the line before was a row of a table

    def flush():
        nonlocal run_start
        if run_start is None:
            return
        for s, e in _sentences(text, run_start, run_end):
            clauses.append(Clause(s, e, text[s:e], run_kind, block))
        run_start = None

    skip_to = -1  # lines up to here were read as a row's figures
    for i, (offset, line) in enumerate(lines):
        if i <= skip_to:
            continue
        next_line = lines[i + 1][1] if i + 1 < len(lines) else None
        end = offset + len(line)
        marker = BULLET_RE.match(line)
        if (run_start is None or run_kind == "sentence") and _row_label(line[marker.end():] if marker else line) \
                and (figures := _figures_below(lines, i)):
            # "Number of programs offered" / "453" / "500" / "475": one row, its label and its figures, read together
            flush()
            skip_to = i + figures
            last = lines[skip_to]
            s_, e_ = _strip_span(text, offset + (marker.end() if marker else 0), last[0] + len(last[1]))
            clauses.append(Clause(s_, e_, text[s_:e_], "item" if marker else "sentence", block))
            last_row = False
            continue
        if not line.strip():
            flush()
            block += 1
            last_row = False
            continue
        if _is_row(line) or (last_row and line.count(" | ") >= 2):  # (the next row of a table whose row came before)
            last_row = True
            flush()
            if not _TABLE_SEP_RE.match(line):
                for s, e in _pieces(text, *_strip_span(text, offset, end)):
                    clauses.append(Clause(s, e, text[s:e], "row", block))
            continue
        last_row = False
        bullet = BULLET_RE.match(line)
        if bullet or _HEADING_MD_RE.match(line):
            flush()
            run_start, run_end = offset + (bullet.end() if bullet else 0), end
            run_kind = "item" if bullet else "heading"
            if not bullet:
                flush()
            continue
        continues_item = run_start is not None and run_kind == "item" and (
            line[:1].isspace() or line.lstrip()[:1].islower()
        )
        if run_start is not None and (continues_item or run_kind == "sentence"):
            run_end = end
        else:
            flush()
            run_start, run_end, run_kind = offset, end, "sentence"
        if _looks_like_heading(line, next_line) and not continues_item:
            # A short unpunctuated line before a capitalised one is a label or heading.
            flush()
        elif line.rstrip().endswith(":") and next_line is not None and next_line.strip() and not continues_item \
                and not next_line.lstrip()[:1].islower():
            # A lead-in ends its sentence: the lines after it are its list, each a clause of its own.
            flush()
    flush()
    return clauses
