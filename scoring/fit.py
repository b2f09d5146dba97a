"""Fitting a rewrite to the place it goes.

A commissioner pastes a suggestion back where the problem was: a table row must come back as a
row with the same columns (the cadence and other cells they wrote kept as written), a list item as
a list item with its own marker, a sentence as a sentence. A row is read with its table's header,
so each cell can be given what its column asks for: the outcome in the indicator column, how it is
measured in the "how measured" column, a target that starts from a baseline in the target column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import regex
from .segment import Clause

# What a column is for, by the words of its header (first match wins, in this order).
_ROLES = (
    ("how", regex(r"\b(?:how (?:measured|evidenced|collected|monitored)|measured by|evidence|data|source|method|"
                  r"means of verification|tool|instrument|monitoring)\b", re.I)),
    ("keep", regex(r"\b(?:frequency|how often|reporting|report(?:ed)?|period|timescale|when|due|date|owner|"
                   r"responsib\w*|lead|notes?|comments?|ref(?:erence)?|no\.?|#)\b", re.I)),
    ("target", regex(r"\b(?:target|standard|threshold|level|expected|goal|minimum|benchmark|tolerance)\b", re.I)),
    ("what", regex(r"\b(?:kpis?|indicator|measures?|outcomes?|outputs?|description|objective|aim|deliverable|"
                   r"performance|requirement|what|metric|activity|service)\b", re.I)),
)
_BULLET_AT_START = regex(r"[ \t]*(?:[•◦▪‣●○■□·*+>-]|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z]|[ivxIVX]{1,5})[.)])[ \t]+")
_HAS_DIGIT = regex(r"\d")
_WORD = regex(r"[A-Za-z]{3,}")
_ID_CELL = regex(r"^(?:kpi|ref|no\.?|indicator|item|measure|#)?\s*[\d.]+[a-z]?\.?$", re.I)
_EMPTY_CELL = regex(r"^(?:n/?a|-+|–|none|tbc|tbd)?$", re.I)


@dataclass(frozen=True)
class Place:
    kind: str  # "row", "item" or "sentence"
    marker: str = ""  # a list item's marker as written ("- ", "2. ")
    cells: tuple[str, ...] = ()  # a row's cells as written
    header: tuple[str, ...] = ()  # its table's header cells, when the table has one
    tabbed: bool = False  # cells separated by tabs (pasted from a spreadsheet or Word), not pipes
    flagged: int = 0  # the cell holding the flagged words

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
                if roles[i] == "keep" and i != what and _HAS_DIGIT.search(c) and not _ID_CELL.match(c) \
                        and not (self.header and _role(self.header[i]) == "keep" and self.header[i].strip()):
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
    if "|" in text and text.lstrip().startswith("|"):
        inner = text.strip()
        inner = inner[1:] if inner.startswith("|") else inner
        inner = inner[:-1] if inner.endswith("|") else inner
        return tuple(c.strip() for c in inner.split("|")), False
    return tuple(c.strip() for c in text.split("\t")), True


def join_row(cells: list[str] | tuple[str, ...], tabbed: bool) -> str:
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
            if len(head_cells) == len(cells) and not any(_HAS_DIGIT.search(h) for h in head_cells):
                header = head_cells
        return Place("row", cells=cells, header=header, tabbed=tabbed, flagged=min(flagged, len(cells) - 1))
    if clause.kind == "item":
        line_start = text.rfind("\n", 0, clause.start) + 1
        before = text[line_start:clause.start]
        marker = _BULLET_AT_START.fullmatch(before)
        if marker:  # the item's first sentence: its marker is just before it
            return Place("item", marker=before.strip() + " ")
        return Place("sentence")
    return Place("sentence")


def _cell_at(clause: Clause, offset: int, tabbed: bool) -> int:
    before = clause.text[: max(0, offset - clause.start)]
    if tabbed:
        return before.count("\t")
    count = before.count("|")
    return max(0, count - 1) if clause.text.lstrip().startswith("|") else count


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
    secondary = f"{activity} reported as a secondary measure" if activity else ""
    has = set(roles)
    for i, role in enumerate(roles):
        if role == "what":
            extra = [] if "how" in has else [f"({measure})"]
            cells[i] = " ".join([outcome] + extra)
            if "target" not in has and secondary:
                cells[i] += f"; {secondary}"
        elif role == "target":
            cells[i] = f"{baseline}; {secondary}" if secondary else baseline
        elif role == "how":
            cells[i] = measure
        elif _EMPTY_CELL.match(cells[i]) and i == place.flagged:
            cells[i] = ""
    return join_row(cells, place.tabbed)


def row_activity(place: Place) -> str:
    """The row's own count in words: its indicator and target cells ("Number of sessions: 200")."""
    roles = place.roles()
    parts = [place.cells[i] for i, r in enumerate(roles) if r in ("what", "target") and not _EMPTY_CELL.match(place.cells[i])]
    words = ": ".join(parts)[:140]
    return words[0].lower() + words[1:] if words[:2].istitle() else words  # it continues a sentence


def award_rows(place: Place, weights: dict[str, object], price_term: str) -> str:
    """An award criteria row becomes the proposed scheme's rows, in the table's own columns."""
    roles = place.roles()
    weight_col = next((i for i, c in enumerate(place.cells) if re.search(r"\d", c)), len(place.cells) - 1)
    name_col = next((i for i, r in enumerate(roles) if r == "what" and i != weight_col), 0 if weight_col else -1)
    rows = []
    for name, value in (("Quality", weights["quality"]), ("Social value", weights["social"]),
                        (price_term, weights["price"])):
        cells = [""] * len(place.cells)
        if name_col >= 0:
            cells[name_col] = name
        cells[weight_col] = f"{value}%"
        rows.append(join_row(cells, place.tabbed))
    return "\n".join(rows)
