"""Fitting a rewrite to the place it goes.

A commissioner pastes a suggestion back where the problem was: a table row must come back as a
row with the same columns (the cadence and other cells they wrote kept as written), a list item as
a list item with its own marker, a sentence as a sentence. A row is read with its table's header,
so each cell can be given what its column asks for: the outcome in the indicator column, how it is
measured in the "how measured" column, a target that starts from a baseline in the target column.
"""

from __future__ import annotations

import re
from knowledge.records import dataclass

from .patterns import regex
from .clause_model import LIMIT_CELL_RE, TIME_LIMIT_COLUMN_RE, flat_row_and_header, has_item_number
from .quote import WAIT_NAMED, shorten
from .segment import BULLET_RE, Clause

# What a column is for, by the words of its header (first match wins, in this order).
_ROLES = (
    # a column of results for a period ("Performance at March 2023 quarter (most current data)"): kept as written
    # and a charter's account of how its service is given and where ("Methods of service delivery", "Place of service")
    ("keep", regex(r"\b(?:performance|results?|achievement)\s+(?:at|in|for|to|as\s+at)\b|\bmost\s+current\b"
                   r"|\b(?:methods?|modes?|manner|process)\s+of\s+(?:service\s+)?delivery\b|^\W*(?:places?|locations?|points?)\s+of\b", re.I)),
    ("how", regex(r"\b(?:how (?:measured|evidenced|collected|monitored)|measured by|evidence|data|source|method|"
                  r"means of verification|tool|instrument|monitoring)\b", re.I)),
    ("keep", regex(r"\b(?:frequency|how often|reporting|report(?:ed)?|period|timescale|when|due|date|owner|"
                   r"responsib\w*|lead|notes?|comments?|ref(?:erence)?(?!\s+points?\s+(?:or|and|/)\s+targets?)|no\.?|#"
                   # what was achieved, and where the service sits ("Standard achieved?", "Service Area")
                   r"|achieved|met|actuals?|results?|status|outturn|area)\b", re.I)),
    ("target", regex(r"\b(?:target|standard|threshold|level|expected|goal|minimum|benchmark|tolerance|deadlines?)\b|"
                     + TIME_LIMIT_COLUMN_RE.pattern, re.I)),
    ("what", regex(r"\b(?:kpis?|indicator|measures?|outcomes?|outputs?|description|objective|aim|deliverable|"
                   r"performance|requirement|what|metric|activity|service|pledges?|commitments?)\b", re.I)),
)
_MEASURE_HEADER = regex(r"\b(?:kpis?|indicators?|measures?|metrics?|outcomes?|outputs?|performance)\b|^\W*name\s+of\s+(?:the\s+)?services?\b", re.I)
_HAS_DIGIT = regex(r"\d")
# A period a header names beside its words ("Result Q1", "Actual 2023/24", "Year 2 target", "Month 6", "FY06/07 Base
# Rate Effective 07/01/2005"): not a figure.
_PERIOD_LABEL = regex(r"\b(?:Q[1-4]|(?:quarter|year|yr|month|phase|wave)\s?\d{1,2}|(?:19|20)\d\d(?:\s?[/–-]\s?(?:19|20)?\d\d)?"
                      r"|FY\s?\d{2,4}(?:\s?[/–-]\s?\d{2,4})?|\d{1,2}/\d{1,2}/(?:19|20)?\d\d)\b", re.I)
_WORD = regex(r"[A-Za-z]{3,}")
_BOLD_MARKS = regex(r"\*\*|__")
_PERIOD_CELL = regex(r"\s*(?:Q[1-4]|quarter\s*\d|year\s*\d|month\s*\d{1,2}|H[12])\s*:", re.I)
_ID_CELL = regex(r"^(?:kpi|ref|no\.?|indicator|item|measure|output|outcome|objective|target|#|[A-Z]{1,4}\.?)?\s*[\d.]+[a-z]?\.?$", re.I)
_EMPTY_CELL = regex(r"^(?:n/?a|-+|–|none|tbc|tbd)?$", re.I)


@dataclass(frozen=True)
class Place:
    kind: str  # "row", "item" or "sentence"
    marker: str = ""  # a list item's marker as written ("- ", "2. ")
    cells: tuple[str, ...] = ()  # a row's cells as written
    header: tuple[str, ...] = ()  # its table's header cells, when the table has one
    tabbed: bool = False  # cells separated by tabs (pasted from a spreadsheet or Word), not pipes
    flagged: int = 0  # the cell holding the flagged words
    sep: str = ""  # how a flattened row joins its cells, as written (" / "); "" for pipes or tabs
    end: str = ""  # what closes the row as written when it has no bar at its start ("Care | 55C | $29.82 |")

    def join(self, cells: list[str] | tuple[str, ...]) -> str:
        """The row's cells written back the way the row was."""
        return join_row(cells, self.tabbed, self.sep) + self.end

    def roles(self) -> list[str]:
        """What each column is for: from the header where there is one; otherwise the wordiest cell
        (the flagged one if it has words) is the indicator and the first other cell with a number is
        its target. One indicator column only: a "KPI" column of ids beside an "Indicator" column
        keeps its ids."""
        cells = self.cells
        if self.header and len(self.header) == len(cells):
            roles = [_role(h) for h in self.header]
        else:
            roles = ["keep"] * len(cells)
        wordy = [i for i, c in enumerate(cells) if len(_WORD.findall(c)) >= 2 and not _ID_CELL.match(c)]
        named = [i for i, r in enumerate(roles) if r == "what" and i in wordy]
        # "Performance Measure" beats "Activity Name" and "Service Description": the indicator column is the one
        # whose header says it measures, whatever the wordiest cell is.
        strong = [i for i in named if self.header and _MEASURE_HEADER.search(self.header[i])]
        named = strong or named
        if named:
            what = max(named, key=lambda i: len(_WORD.findall(cells[i])))
        elif self.flagged in wordy:
            what = self.flagged
        else:
            what = max(wordy, key=lambda i: len(cells[i])) if wordy else self.flagged
        roles = ["keep" if r == "what" else r for r in roles]
        roles[what] = "what"
        if "target" not in roles:
            for i, c in enumerate(cells):
                if _PERIOD_CELL.match(c):
                    continue  # a cell that names its own period ("Q1: -", "Q2: 45%") is that period's column
                # an id sits before the indicator ("KPI 3 | …"); a bare number after it is its target ("… | 400")
                if roles[i] == "keep" and i != what and _HAS_DIGIT.search(c) and not (i < what and _ID_CELL.match(c)) \
                        and not (self.header and self.header[i].strip()):  # a named column keeps its role
                    roles[i] = "target"
                    break
        return roles


def _role(header: str) -> str:
    for role, pattern in _ROLES:
        if pattern.search(header):
            return role
    return "keep"


def split_row(text: str) -> tuple[tuple[str, ...], bool]:
    """A row's cells, and whether they are tab-separated."""
    if "|" in text and (text.lstrip().startswith("|") or "\t" not in text):
        inner = text.strip()
        inner = inner[1:] if inner.startswith("|") else inner
        inner = inner[:-1] if inner.endswith("|") else inner
        return tuple(c.strip() for c in inner.split("|")), False
    return tuple(c.strip() for c in text.split("\t")), True


def join_row(cells: list[str] | tuple[str, ...], tabbed: bool, sep: str = "") -> str:
    if sep:
        return sep.join(c.replace(sep, " ") for c in cells)
    if tabbed:
        return "\t".join(cells)
    return "| " + " | ".join(c.replace("|", "/") for c in cells) + " |"


def place_of(clause: Clause, clauses: list[Clause], text: str, start: int) -> Place:
    """Where a finding's clause sits: a row of a table (with the header), a list item, or prose."""
    if clause.kind == "row":
        cells, tabbed = split_row(clause.text)
        flagged = _cell_at(clause, start, tabbed)
        header: tuple[str, ...] = ()
        first = next((c for c in clauses if c.block == clause.block and c.kind == "row"), None)
        if first is not None and first.start != clause.start:
            head_cells, _ = split_row(first.text)
            if has_item_number(head_cells, cells):
                # the row's own item number has a column of its own, kept as written
                head_cells = ("",) + (head_cells[:-1] if len(head_cells) == len(cells) else head_cells)
            if len(head_cells) == len(cells) and not any(_HAS_DIGIT.search(_PERIOD_LABEL.sub("", h)) for h in head_cells):
                header = head_cells
        # (a row written without bars at its ends, "01 | Land settlement | Within 3 days", comes back the same way)
        bare = not tabbed and not clause.text.strip().startswith("|")
        return Place("row", cells=cells, header=header, tabbed=tabbed, flagged=min(flagged, len(cells) - 1),
                     sep=" | " if bare else "", end=" |" if bare and clause.text.strip().endswith("|") else "")
    flat = _flattened_row(clause, text, start) or _spaced_row(text, start)
    if flat is not None:
        cells, header, flagged, sep = flat
        return Place("row", cells=cells, header=header, flagged=min(flagged, len(cells) - 1), sep=sep)
    if clause.kind == "item":
        line_start = text.rfind("\n", 0, clause.start) + 1
        marker = BULLET_RE.match(text, line_start)
        if marker and marker.end() == clause.start:  # the item's first sentence: its marker is just before it
            return Place("item", marker=marker.group(0).strip() + " ")
        return Place("sentence")
    return Place("sentence")


_CELL_BREAK_RE = regex(r"\n[ \t]*\n")
_SERIAL_CELL_RE = regex(r"\s*\d{1,3}[.)]?\s*")


def cell_paragraph_row(text: str, clauses: list[Clause], model: list, i: int, at: int) -> Place | None:
    """The row a finding at `at` sits in when its table was copied one cell a paragraph (scoring/clause_model.py reads
    its time cells): the cells from its serial number, if any, to its time, written back the same way, one a paragraph."""
    for k in range(max(0, i - 12), min(len(model), i + 12)):
        info = model[k]
        if not info.cell_header or info.row_start is None or at < info.row_start:
            continue
        # (a cell after the time, a remark, goes with its row: its finding joins the row's suggestion)
        if at >= info.row_end and (at - info.row_end > 300 or len(_CELL_BREAK_RE.findall(text[info.row_end:at])) > 1):
            continue
        cells = tuple(c.strip() for c in _CELL_BREAK_RE.split(text[info.row_start:info.row_end]))
        header = info.cell_header if len(info.cell_header) == len(cells) else \
            (info.cell_header[0],) + ("Details",) * (len(cells) - 2) + (info.cell_header[-1],)
        first = next((n for n, c in enumerate(clauses) if c.start <= info.row_start < max(c.end, c.start + 1)), None)
        if first and _SERIAL_CELL_RE.fullmatch(clauses[first - 1].text) \
                and not text[clauses[first - 1].end:info.row_start].strip():
            cells, header = (clauses[first - 1].text.strip(),) + cells, ("",) + header
        # the time stays as written: the outcome's own words say "in the time set"
        header = header[:-1] + ("Time (kept as written)",)
        return Place("row", cells=cells, header=header, flagged=1 if header[0] == "" else 0, sep="\n\n")
    return None


_SLASH = " / "
_ENDS_IN_FIGURE = regex(r"[\s.)]\d[\d,.]*%?$")
_SENTENCE_END = regex(r"[a-z]{3,}[.!?]\s+[A-Z]")
_LINE_LABEL = regex(r"[ \t]*(?:(?:\d{1,2}[ \t]+)?(?:[A-Z][a-z]+[ \t]+)?(?i:kpi[ \t]+(?:title|name))[ \t]+(?:[A-Z]{1,5}\d{1,4}[A-Z]?[ \t]*[-–—:][ \t]*)?"
                    r"|(?:[A-Z]{2,5} ?\d{1,3}[a-z]?(?:[ \t]+\d{1,3}(?=[ \t]+[A-Z%]))?|(?i:(?:key[ \t]+)?(?:performance[ \t]+)?"
                    r"(?:measure|indicator|kpi|pi|ref|lot|output|objective|standard|target|goal))[ \t]*(?:#|no\.?)?[ \t]*\d{1,3}(?:\.\d{1,2})?[a-z]?)"
                    r"(?![,.]?\d)[ \t]*(?:[:–—-][ \t]*)?|\d{1,2}[.)][a-z]?[ \t]+)")


def _flattened_row(clause: Clause, text: str, start: int) -> tuple[tuple[str, ...], tuple[str, ...], int, str] | None:
    """A row whose cells a stored copy joined with " / " (a PDF or web table), or with bars but no bar at either end
    ("Occupancy of council housing | Internal data | 97% | ≥94%"), read as a row when the line above it, its header,
    has as many parts (or more, for a row cut short). Returns the cells, the header, the flagged cell and the
    separator to write the row back with."""
    if clause.kind == "row":
        return None
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start: line_end if line_end >= 0 else len(text)]
    if line_start == 0:
        return None
    above = text[:line_start - 1].rstrip("\n")
    header_line = above[above.rfind("\n") + 1:]
    if line.count(_SLASH) >= 2:
        split = _SLASH
        head = header_line.split(" | ", 1)[-1]  # "Table 2 | A / B / C": the header follows the table's title
        header = tuple(c.strip() for c in head.split(_SLASH))
        cells = tuple(c.strip() for c in line.split(_SLASH))
    elif line.count("|") >= 2 and not line.lstrip().startswith("|") and header_line.count("|") >= 2:
        # the header is the first line of the run of barred lines the row is in (rows may stand between them)
        top = line_start - 1
        for _ in range(_MAX_ROWS_UP):
            prev_start = text.rfind("\n", 0, top) + 1
            if text[prev_start:top].count("|") < 2:
                break
            header_line, top = text[prev_start:top], prev_start - 1
            if top < 0:
                break
        else:
            return None  # too far down a long table to find its header cheaply
        split = "|"
        header, cells = _cut_empty_tail(split_row(header_line)[0]), _cut_empty_tail(split_row(line)[0])
    elif line.count(" | ") == 1 and header_line.count(" | ") == 1:
        # two cells under a header whose second names a time limit ("Service | Target wait" / "Home adaptations | 4 weeks"),
        # or whose cells name a measure and its target ("Performance measure | Target"), or over rows whose second cells
        # are time limits ("Garbage removal | Within 1 working day"), the header at the top of the run of two-cell lines
        limit_row = LIMIT_CELL_RE.match(line.split(" | ")[1].strip(" |")) is not None
        money_row = _MONEY_START_RE.match(line.split(" | ")[1]) is not None
        top = line_start - 1
        for _ in range(_MAX_ROWS_UP):
            first, second = header_line.split(" | ")
            if TIME_LIMIT_COLUMN_RE.search(second) or (_role(first) == "what" and _role(second) == "target"
                                                       and not _HAS_DIGIT.search(first)):
                break
            if money_row and _MONEY_COLUMN_RE.search(second) and not _HAS_DIGIT.search(header_line):
                break  # a price list's rows under "Vaccine | Fee", "Service | Hourly rate": "MMR | £10.06"
            if limit_row and not _HAS_DIGIT.search(header_line) and not LIMIT_CELL_RE.match(second.strip(" |")):
                break  # the top of a run of rows whose second cells are time limits ("Complaint | Action")
            top = text.rfind("\n", 0, top)
            if top < 0:
                return None
            header_line = text[text.rfind("\n", 0, top) + 1:top]
            if header_line.count(" | ") != 1:
                return None
        else:
            return None
        split = "|"
        header, cells = split_row(header_line)[0], split_row(line)[0]
    else:
        return None
    if 3 <= len(cells) < len(header):
        header = header[: len(cells)]  # the stored copy cut the row short: its first columns
    if len(header) != len(cells) or any(_HAS_DIGIT.search(_PERIOD_LABEL.sub("", h)) and len(h) > 20 for h in header):
        return None
    return cells, header, text[line_start:start].count(split), " | " if split == "|" else _SLASH


_MAX_ROWS_UP = 60
# A price list's column, as its header names it, and a cell that starts with a sum of money ("£10.06", "$ 21.50", "R 35";
# other currencies' codes are a "$" by now: scoring/normalize.py).
_MONEY_COLUMN_RE = regex(r"\b(?:fees?|rates?|prices?|payments?|tariffs?|charges?|costs?|amounts?|allowances?|subsid(?:y|ies))\b", re.I)
_MONEY_START_RE = regex(r"\s*(?:[£$€]|R(?=\s?\d))\s?\d")

# The words a budget book's header names its figure columns by ("Key Measures FY23 Actual FY24 Estimated FY25 Target
# Desired Level"), in the order they stand.
_COLUMN_WORD = regex(r"\b(?:actuals?|estimated?|estimates|budget(?:ed)?|targets?|projected|projections?|proposed|adopted|desired"
                     r"|goals?|baseline|results?|forecasts?|planned|plan|variance|status|benchmarks?|standards?|minimum"
                     r"|thresholds?|achieved|outturn)\b", re.I)


def _spaced_row(text: str, start: int) -> tuple[tuple[str, ...], tuple[str, ...], int, str] | None:
    """A row of a table pasted with spaces only, under its header line ("Number of clients served 156 180 400" under
    "Key Measures FY23 Actual FY24 Estimated FY25 Target"): its label and figures as cells, written back with a wide
    gap between them. The header names each figure's column when it has as many column words as the row has figures;
    otherwise the figures are kept as written and none is taken for the target."""
    found = flat_row_and_header(text, start)
    if found is None or len(found[0]) < 2:
        return None
    cells, head_line = found
    words = [m.group(0) for m in _COLUMN_WORD.finditer(head_line)]
    values = len(cells) - 1
    if len(words) != values:
        return tuple(cells), ("Measure",) + ("Value",) * values, 0, "   "
    # (The first target column is the one the row sets; a later one, "Target FY25 Target FY26", is kept as written.)
    first = next((k for k, w in enumerate(words) if _role(w) == "target"), None)
    header = ("Measure", *(w if _role(w) != "target" or k == first else "Value" for k, w in enumerate(words)))
    return tuple(cells), header, 0, "   "


def _cut_empty_tail(cells: tuple[str, ...]) -> tuple[str, ...]:
    """The cells without the empty ones a copy left at the end of the line ("97% | ≥94% | ||||")."""
    end = len(cells)
    while end > 1 and not cells[end - 1]:
        end -= 1
    return cells[:end]


# A field's value after its label: " - 10 (including 1 crisis bed)", " – 179", ": 45%".
_FIELD_VALUE = regex(r"\s[-–—:]\s{0,3}\d[\d,.]*%?(?:\s{0,3}\([^()\n]{1,40}\))?$")
# A sentence's verb: a line with one is a sentence, not a field.
_VERB = regex(r"\b(?:will|shall|must|should|is|are|was|were|be|provides?|delivers?)\b", re.I)
# A line that names a count and ends with a colon for its figure: a field of a form, not a list's lead-in.
_FIELD_RE = regex(r"\b(?:(?:average|total|mean|median)\s+)?(?:number|no\.|no(?=\s+of\b)|#|percentage|%|proportion|rate)\s+of\s+[^:]{3,100}:$", re.I)


# A note in brackets, and the "to be" of a label's own phrase ("hours to be commissioned per week"): not a verb.
# A label and a value that opens with its figures: "On-time arrival: 92% within 10 minutes, 100% within 25 minutes".
# (a label of its own, not a generic one: "KPI: 1,000 people seen …" is a sentence with a label)
_FIELD_FIGURES = regex(r"(?!\s*(?:(?:key\s+)?(?:performance\s+)?(?:kpis?|pis?|spis?|targets?|measures?|indicators?|outputs?|outcomes?|objectives?"
                       r"|goals?|standards?|aims?|notes?)\b[^:]{0,12}:))[^:;.\n]{3,80}(?<!\d):[ \t]*(?:(?:at\s+least|up\s+to|no\s+more\s+than|(?:a\s+)?(?:minimum|maximum)(?:\s+of)?)\s+|[<>≥≤]\s?)?"
                       r"\d[^:;\n]{0,150}", re.I)
_NOTE = regex(r"\([^()\n]{0,160}\)|\bto\s+be\b", re.I)


def is_field_value(line: str) -> bool:
    """Whether a line is a form's field and its value ("Max number of places - 12"), not a sentence."""
    # a note in brackets on the label ("(excludes night cover, which should be funded elsewhere)") is not its verb
    return len(line) <= 200 and (_FIELD_VALUE.search(line) is not None or _FIELD_FIGURES.fullmatch(line.rstrip(" .")) is not None) \
        and not _VERB.search(_NOTE.sub("", line))


def indicator_label(clause: Clause, offset: int | None = None) -> str | None:
    """The label a short indicator line starts with ("SPI 2 – ", "Measure 1: ", "2. "), or "" for an
    unlabelled one; None when the line holding `offset` reads as prose (a sentence with a full stop)."""
    if clause.kind == "row":
        return None
    rel = max(0, min(len(clause.text) - 1, (offset if offset is not None else clause.start) - clause.start))
    line = clause.text[clause.text.rfind("\n", 0, rel) + 1:].split("\n")[0].strip()
    field = line.endswith(":") and _FIELD_RE.search(line) is not None
    if field:
        line = line.rstrip(" :*")  # a form's field for the figure ("Average number of youth served monthly* :")
    # A form's field and its value ("Min number of beds funded - 10 (including 1 crisis bed)"): a row of two cells,
    # however long its label, comes back as one line, not as a paragraph.
    field_value = is_field_value(line)
    if field_value:
        line = line.rstrip(" .")  # "Punctuality: 92% within 10 minutes." is a field with its value, not a sentence
    if not line or (len(line) > 120 and not field_value) or line.endswith((".", ":", "?", "!", ";", ",")) \
            or _SENTENCE_END.search(line):
        return None
    label = _LINE_LABEL.match(line)
    if label and label.end() < len(line):
        return label.group(0).strip() + " "
    # Unlabelled, it is an indicator if it is a heading, a flattened row ending in its figures, or a title.
    if clause.kind == "heading" or _ENDS_IN_FIGURE.search(line) or len(line) <= 50 or field or field_value:
        return ""
    return None


def _cell_at(clause: Clause, offset: int, tabbed: bool) -> int:
    before = clause.text[: max(0, offset - clause.start)]
    if tabbed:
        return before.count("\t")
    count = before.count("|")
    return max(0, count - 1) if clause.text.lstrip().startswith("|") else count


_KEPT_FIGURE_RE = regex(r"%|\bper\s?cent\b|(?:^|\s)[ND]\s?=|\n"
                        # a time limit ("4 hours", "Within 3 (three) days after receipt"): the row's own standard, kept
                        r"|^\W*(?:within\s+|not\s+more\s+than\s+|no\s+more\s+than\s+|up\s+to\s+)?\d[\d.]*\s*(?:\(\w+\)\s*)?"
                        r"(?:working\s+|calendar\s+|business\s+)?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\b", re.I)
# A frequency alone in the target column ("Quarterly", "Each month"): not a count ("1,200 per year" is one).
_FREQUENCY_CELL_RE = regex(r"(?:daily|weekly|fortnightly|monthly|quarterly|annually|yearly|(?:each|every|per)\s+(?:day|week|month|quarter|year))"
                           r"(?:\s+(?:return|report|review))?", re.I)


def kept_figure(cell: str) -> bool:
    """Whether a target cell holds what a rewrite keeps as written: a percentage, a frequency, N/D figures, a
    result over several lines (not a bare count, which the outcome's own target wording may replace)."""
    return bool(_KEPT_FIGURE_RE.search(cell.strip()) or _FREQUENCY_CELL_RE.fullmatch(cell.strip()))


def kept_cell(place: Place, i: int) -> bool:
    """Whether a target cell stays as written: a figure kept_figure keeps, or the row's time limit under a column
    that says so ("Target Response Time (Working Days) | 26"), which the outcome's "in the time set" refers to."""
    return kept_figure(place.cells[i]) or bool(len(place.header) > i and TIME_LIMIT_COLUMN_RE.search(place.header[i]))


# A measure's name: a count or share ("Number of …", "% of …", "Average wait of …"), not a clause of its own.
MEASURE_NAME_RE = regex(rf"(?:total|number|percentage|proportion|average|rate|count|no\.|no(?=\s+of\b))\b|[#%]\s?of\b|{WAIT_NAMED}", re.I)
# A charter's opener before its standard: "To ensure that …", "To ensure …" (and stray marks before it, but not the sign a
# measure opens on: "% of mail delivered …" keeps its "%", "# of items" its "#").
_TO_ENSURE_RE = regex(r"^(?:(?![%£$€]|#\s?of\b)\W)*(?:\d{1,2}[.)]\s+)?(?:to\s+ensure\s+(?:that\s+)?)?(?=\S)", re.I)
# A line that says itself who does what ("All emails will be acknowledged within 48 hours", "The CRT offers an assessment
# … for at least 90% of referrals"): a clause with its own subject and verb, not a measure's name. (A verb after "who",
# "which" or "that" belongs to a noun: "young people who are in education" is still a name.)
_OWN_CLAUSE_RE = regex(r"(?<!\bwho )(?<!\bwhich )(?<!\bthat )(?<!\bwhere )(?<!\bwhom )\b(?:is|are|was|were|will|shall|must|should"
                       r"|may|can|has|have|had)\b(?!\s*:)", re.I)
_SUBJECT_VERB_RE = regex(r"(?:the|our|we|you|your|all|each|every|this|these)\s+(?:[\w'’-]+\s+){0,3}?[a-z]+(?<!ss)(?<!ous)(?<!is)s"
                         r"\s+(?:a|an|the|all|every|each|their|its|our|your)\s", re.I)


# The verbs a commitment opens on when it is told as what to do: "Answer calls within 20 seconds", "Begin services within
# 7 days" (scoring/rewrite.py reads list items by them too).
ITEM_VERBS = (r"answer|respond|reply|return|acknowledge|call|contact|visit|see|assess|complete|conduct|carry\s+out|undertake|provide"
               r"|deliver|offer|arrange|make|process|send|issue|resolve|deal|investigate|accept|attend|hold|ensure|submit|produce"
               r"|publish|review|update|inform|notify|meet|refer|record|give|allocate|start|begin|open|support|help|engage|serve|enrol"
               r"|enroll|recruit|train|distribute|prepare|organi[sz]e|facilitate|run|operate|schedule|perform|screen|identify|place"
               r"|house|accommodate|reach|assist|book|agree|carry|maintain|keep|treat|develop|establish|implement|obtain|secure"
               r"|host|co-?ordinate|link|connect|document|follow|confirm|tell|explain|advise|write|register|log|invite|offer")
# A standard told as what to do ("check your application is complete", "acknowledge within 2 working days, and if
# follow-up is required, reply …"): a commitment opening on its verb, whose "is" belongs to what it checks.
_IMPERATIVE_RE = regex(rf"^\W*(?:{ITEM_VERBS}|check|close|pay|repair|collect|aim|try|let|ask|approve|have|get|put|set|speak|talk"
                       r"|consult|follow\s+up)\b", re.I)


def as_secondary(words: str, verb: str = "reported") -> str:
    """The commissioner's own words kept beside the outcome: a measure's name as it is ("calls answered within 20 seconds
    reported as a secondary measure"), a whole clause as the standard it sets ("the standard that all emails will be
    acknowledged within 48 hours is reported as a secondary measure"), which reads as a sentence where the first would not."""
    words = _TO_ENSURE_RE.sub("", words, count=1) or words  # "to ensure that the application is processed …": its standard
    named = re.sub(r"^(?:the|a|an)\s+", "", words, flags=re.I)  # "the percentage of calls answered …" is a measure's name
    if ": " not in words and not MEASURE_NAME_RE.match(named) and not _IMPERATIVE_RE.match(words) \
            and not re.search(r"[.!?]\s+[A-Z]", words) \
            and (_OWN_CLAUSE_RE.search(words) or _SUBJECT_VERB_RE.match(words)):
        return f"the standard that {mid_sentence(words)} is {verb} as a secondary measure"
    return f"{words} {verb} as a secondary measure"


def as_item(place: Place, sentence: str) -> str:
    return place.marker + sentence if place.kind == "item" else sentence


def outcome_row(place: Place, *, outcome: str, measure: str, activity: str, baseline: str) -> str:
    """The row with the outcome in the indicator column and each other column given its part.

    outcome: "Young people report better mental wellbeing"; measure: "SWEMWBS, at entry and after six
    months"; activity: the row's own count ("Number of sessions delivered: 200 per year"), kept as
    a secondary measure; baseline: what the target column says instead of a count.
    """
    roles = place.roles()
    cells = list(place.cells)
    # A percentage, a frequency, a numerator and denominator or a result is not a count the outcome's target wording
    # can stand in for: the cell stays as written, and the indicator's words go with the outcome as a secondary measure.
    kept = [i for i, r in enumerate(roles) if r == "target" and kept_cell(place, i)]
    for i in kept:
        roles[i] = "keep"
        if activity.endswith(": " + cells[i].strip()):
            activity = activity[: -len(cells[i].strip()) - 2]
    activity = " ".join(activity.split()).rstrip(" .;")  # "Agricultural land settlement." goes on a sentence, in one line
    secondary = as_secondary(activity) if activity else ""
    if kept and secondary:
        secondary += ", against this row's target"
    has = set(roles)
    # Several target columns (one a year): each gets the baseline, the row's own count is kept once, in the last.
    last_target = max((i for i, r in enumerate(roles) if r == "target"), default=-1)
    for i, role in enumerate(roles):
        if role == "what":
            extra = [] if "how" in has else [f"({measure})"]
            cells[i] = " ".join([outcome] + extra)
            if "target" not in has and secondary:
                cells[i] += f"; {secondary}"
        elif role == "target":
            cells[i] = f"{baseline}; {secondary}" if secondary and i == last_target else baseline
        elif role == "how":
            cells[i] = measure
        elif _EMPTY_CELL.match(cells[i]) and i == place.flagged:
            cells[i] = ""
    return place.join(cells)


_PROPER_FIRST_RE = regex(r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
                         r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


def mid_sentence(words: str) -> str:
    """Words that go on a sentence: "Number of visits" reads "number of visits"; a name, a month or a title-case label
    stays as it is ("Child Benefit: 73%", "Inpatient Treatment", "February 2024: 1"): its next word has a capital too.
    A cell's Markdown bold ("**Number of adults trained**") is not quoted back."""
    words = _BOLD_MARKS.sub("", words)
    second = words.split()[1:2]
    if words[:2].istitle() and not (second and second[0][:1].isupper()) and not _PROPER_FIRST_RE.match(words):
        return words[0].lower() + words[1:]
    return words


def row_seed(place: Place) -> str:
    """What picks among the outcomes for a row: its indicator and target cells, read the same way whatever the
    rewrite keeps of them."""
    roles = place.roles()
    words = ": ".join(place.cells[i] for i, r in enumerate(roles) if r in ("what", "target") and not _EMPTY_CELL.match(place.cells[i]))[:140]
    return mid_sentence(words)


def row_activity(place: Place) -> str:
    """The row's own count in words: its indicator and target cells ("Number of sessions: 200")."""
    roles = place.roles()
    parts = [place.cells[i] for i, r in enumerate(roles) if r in ("what", "target") and not _EMPTY_CELL.match(place.cells[i])
             and not (r == "target" and kept_cell(place, i))]  # a kept target stays in its own cell
    parts = [c for n, c in enumerate(parts) if not n or c.strip() != parts[n - 1].strip()]  # one target a year, the same: once
    parts = [c.strip().rstrip(".") if n < len(parts) - 1 else c for n, c in enumerate(parts)]  # "services: At least …", no ".:"
    words = ": ".join(parts)
    if len(words) > 140:  # at a phrase break, else at a word's end: never mid-word
        words = shorten(words, 140) or words[:140].rsplit(" ", 1)[0].rstrip(" ,;:") + " …"
    return mid_sentence(words)  # it continues a sentence


def award_rows(place: Place, weights: dict[str, object], price_term: str) -> str:
    """An award criteria row becomes the proposed scheme's rows, in the table's own columns."""
    roles = place.roles()
    weight_col = next((i for i, c in enumerate(place.cells) if re.search(r"\d", c)), len(place.cells) - 1)
    name_col = next((i for i, r in enumerate(roles) if r == "what" and i != weight_col), 0 if weight_col else -1)
    rows = []
    for name, value in (("Quality", weights["quality"]), ("Social value", weights["social"]),
                        (price_term, weights["price"])):
        if name == "Social value" and not value:
            continue  # a text from outside the UK: no social value row (scoring/rewrite.py _award_slots)
        cells = [""] * len(place.cells)
        if name_col >= 0:
            cells[name_col] = name
        cells[weight_col] = f"{value}%"
        rows.append(place.join(cells))
    return "\n".join(rows)
