"""Find price, quality and social value weightings in award criteria, in any common form.

Forms handled: "Price 60%, Quality 40%", "60% price / 40% quality", "60:40 price:quality",
"cost/quality weighting of 70.30", "Quality: 25% | Price: 75%", two-column tables
(one row a criterion), header-row tables (criteria in one row, weights in the next),
weights split across lines, and "60:40 in favour of quality".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SOCIAL = r"social\s+value|SV|social,?\s+(?:economic,?\s+)?(?:and\s+)?environmental\s+(?:value|benefits?|wellbeing)|community\s+benefits?"
_QUALITY = r"non[- ]price|non[- ]cost|quality|technical|qualitative|method\s+statements?"
_PRICE = r"(?:whole[- ]life\s+)?(?:price|pricing|costs?|commercial|financial|fees?)"
TERM_RE = re.compile(
    rf"(?<![\w-])(?:(?P<social>{_SOCIAL})|(?P<quality>{_QUALITY})|(?P<price>{_PRICE}))(?![\w])", re.I
)
_PERCENT_RE = re.compile(
    r"(?<![\w.,/:£$€])(\d{1,3}(?:\.\d{1,2})?)\s*(%|per\s?cent\b|percent\b|marks\b|points\b)", re.I
)
# "Price will be scored out of 70": a mark out of a total reads as a weight.
_OUT_OF_RE = re.compile(r"out\s+of\s+(\d{1,3})\b", re.I)
# A number alone in a table cell, e.g. "Price\t60" or "| Price | 60 |".
_CELL_NUM_RE = re.compile(r"(?:(?<=\t)|(?<=\|)|(?<=\n)|^)[ ]*(\d{1,3}(?:\.\d{1,2})?)[ ]*(?=\t|\||\n|$)", re.M)
_RATIO_RE = re.compile(
    r"(?<![\w.,/:])(\d{1,3})\s*%?\s*(?::|/|\bto\b|-|\.(?=\d\d\b))\s*(\d{1,3})\s*%?(?:\s*[:/]\s*(\d{1,3})\s*%?)?(?![\w.,/:]\d)",
    re.I,
)
_TERM_JOIN = r"\s*(?:[:/\\-]|\bto\b|\band\b|\bvs\.?|\bversus\b)\s*"
_TERM_ = rf"(?:{_SOCIAL}|{_QUALITY}|{_PRICE})"
_TERM_PAIR_RE = re.compile(
    rf"(?<![\w-])(?P<a>{_TERM_}){_TERM_JOIN}(?P<b>{_TERM_})(?:{_TERM_JOIN}(?P<c>{_TERM_}))?(?![\w])",
    re.I,
)
_SEP_ = r"\s*(?:/|,|;|\band\b|\||&)\s*"
# "price 60 / quality 40": bare numbers next to their criteria, which must add up to 100.
_BARE_PAIRS_RE = re.compile(
    rf"(?<![\w-])(?P<a>{_TERM_})\s*:?\s*(?P<x>\d{{1,4}}){_SEP_}(?P<b>{_TERM_})\s*:?\s*(?P<y>\d{{1,4}})(?![\d%])"
    rf"(?:{_SEP_}(?P<c>{_TERM_})\s*:?\s*(?P<z>\d{{1,4}})(?![\d%]))?",
    re.I,
)
# "(lowest price ÷ bidder's price) × 70": the multiplier is the price weight.
_FORMULA_RE = re.compile(
    r"\(\s*(?:the\s+)?(?:lowest|cheapest)[^()\n]{0,60}\)\s*(?:×|x|\*)\s*(\d{1,3})(?:\s*%|\s*marks|\s*points)?(?!\d|\.\d)", re.I
)
_FAVOUR_RE = re.compile(rf"in\s+favour\s+of\s+(?P<t>{_QUALITY}|{_PRICE})", re.I)
# Words that may sit between a criterion and its weight ("Price will account for 70%").
_TERM_GAP_RE = re.compile(
    r"^(?:[\s:|=()\[\],\-–\"']|weighting|weighted|weight|weights|is|are|will|be|carries|carry|carrying|at|of|accounts?|"
    r"accounting|for|worth|represents?|representing|makes?\s+up|the|a|an|total|overall|score|marks?|up|evaluation|"
    r"evaluated|assessed|scored|out|using|with|receive|receives|maximum|max|available|least|minimum|min|criteria|criterion|element|component|section|questions?|envelope|split|allocated|given|attracts?)*$",
    re.I,
)
_NUM_GAP_RE = re.compile(
    r"^\s*(?:weighting|weight)?\s*(?:for|on|to|of\s+the\s+(?:marks|score|total|evaluation)\s+(?:for|on)|allocated\s+to|given\s+to|"
    r"applied\s+to|attributed\s+to|assigned\s+to)?\s*(?:the\s+)?$",
    re.I,
)
# An upper bound is not a weight ("price no more than 40%"); a lower bound still is ("at least 60%").
_BOUND_RE = re.compile(
    r"(?:less\s+than|under|below|no\s+more\s+than|not\s+more\s+than|at\s+most|maximum\s+of|not\s+exceed\w*|"
    r"exceed\w*|up\s+to|between|often|typically|usually)\s*$",
    re.I,
)


@dataclass(frozen=True)
class Weight:
    criterion: str  # price | quality | social
    value: float
    start: int
    end: int


def _criterion(match: re.Match) -> str:
    return next(name for name in ("social", "quality", "price") if match.group(name))


def _kind_of(term: str) -> str:
    m = TERM_RE.fullmatch(term.strip())
    return _criterion(m) if m else "price"


def _ratio_weights(text: str, taken: list[tuple[int, int]]) -> list[Weight]:
    weights = []
    for m in _RATIO_RE.finditer(text):
        values = [float(v) for v in m.groups() if v is not None]
        if abs(sum(values) - 100) > 1 or any(v == 0 for v in values[:2]):
            continue
        window_start, window_end = max(0, m.start() - 60), min(len(text), m.end() + 60)
        pairs = [p for p in _TERM_PAIR_RE.finditer(text, window_start, window_end)]
        pair = min(pairs, key=lambda p: abs(p.start() - m.start()), default=None)
        if pair and not re.search(r"[.;]\s|\n\s*\n", text[min(pair.end(), m.end()):max(pair.start(), m.start())]):
            kinds = [_kind_of(pair.group(g)) for g in ("a", "b", "c") if pair.group(g)]
            if len(kinds) != len(values) or len(set(kinds)) != len(kinds):
                continue
            start, end = min(m.start(), pair.start()), max(m.end(), pair.end())
            weights += [Weight(k, v, start, end) for k, v in zip(kinds, values)]
            taken.append((start, end))
            continue
        favour = _FAVOUR_RE.search(text, m.end(), min(len(text), m.end() + 40))
        if favour and len(values) == 2:
            winner = _kind_of(favour.group("t"))
            loser = "quality" if winner == "price" else "price"
            start, end = m.start(), favour.end()
            weights += [Weight(winner, max(values), start, end), Weight(loser, min(values), start, end)]
            taken.append((start, end))
    return weights


def _bare_pair_weights(text: str, taken: list[tuple[int, int]]) -> list[Weight]:
    weights = []
    for m in _BARE_PAIRS_RE.finditer(text):
        pairs = [(m.group(t), float(m.group(n))) for t, n in (("a", "x"), ("b", "y"), ("c", "z")) if m.group(t)]
        kinds = [_kind_of(t) for t, _ in pairs]
        total = sum(v for _, v in pairs)
        marks = re.search(r"marks|points", text[max(0, m.start() - 40):m.end() + 40], re.I)
        if not (abs(total - 100) <= 1 or total == 1000 or (marks and total > 0)) or len(set(kinds)) != len(kinds):
            continue
        # Marks out of any total read as shares of it.
        weights += [Weight(k, round(v * 100 / total, 1), m.start(), m.end()) for k, (_, v) in zip(kinds, pairs)]
        taken.append((m.start(), m.end()))
    return weights


def _column_table_weights(text: str, taken: list[tuple[int, int]]) -> list[Weight]:
    """Criteria across one table row and their weights in the row below."""
    weights = []
    lines = text.split("\n")
    offset = 0
    offsets = []
    for line in lines:
        offsets.append(offset)
        offset += len(line) + 1
    for i in range(len(lines) - 1):
        head = [c for c in re.split(r"\t|\|", lines[i]) if c.strip()]
        row = [c for c in re.split(r"\t|\|", lines[i + 1]) if c.strip()]
        if len(head) < 2 or len(head) != len(row):
            continue
        kinds = [TERM_RE.fullmatch(c.strip()) for c in head]
        nums = [re.fullmatch(r"\s*(\d{1,3}(?:\.\d+)?)\s*(?:%|per\s?cent)?\s*", c, re.I) for c in row]
        pairs = [(_criterion(k), float(n.group(1))) for k, n in zip(kinds, nums) if k and n]
        if len(pairs) >= 2:
            start, end = offsets[i], offsets[i + 1] + len(lines[i + 1])
            weights += [Weight(k, v, start, end) for k, v in pairs]
            taken.append((start, end))
    return weights


def find_weights(text: str) -> list[Weight]:
    """Every criterion weighting in normalised text, in order of appearance."""
    taken: list[tuple[int, int]] = []
    weights = _ratio_weights(text, taken) + _column_table_weights(text, taken) + _bare_pair_weights(text, taken)
    for m in _FORMULA_RE.finditer(text):
        weights.append(Weight("price", float(m.group(1)), m.start(), m.end()))
        taken.append((m.start(), m.end()))

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    tokens = []
    for m in TERM_RE.finditer(text):
        if free(m.start(), m.end()):
            tokens.append((m.start(), m.end(), "term", _criterion(m)))
    numbers = {m.start(1): (m.start(1), m.end(), "num", float(m.group(1))) for m in _PERCENT_RE.finditer(text)}
    for m in _OUT_OF_RE.finditer(text):
        numbers.setdefault(m.start(1), (m.start(1), m.end(1), "num", float(m.group(1))))
    for m in _CELL_NUM_RE.finditer(text):
        numbers.setdefault(m.start(1), (m.start(1), m.end(1), "cell", float(m.group(1))))
    tokens += [n for n in numbers.values() if free(n[0], n[1]) and n[3] <= 100]
    tokens.sort()

    i = 0
    while i < len(tokens) - 1:
        a, b = tokens[i], tokens[i + 1]
        gap = text[a[1]:b[0]]
        if a[2] == "term" and b[2] in ("num", "cell") and _term_gap_ok(text, a, gap, b):
            j = i + 1
            # In a table row "Price | 100% | 40%" the last column is the overall weight.
            while j + 1 < len(tokens) and tokens[j + 1][2] in ("num", "cell") and re.fullmatch(r"[ \t]*[|\t][ \t|]*", text[tokens[j][1]:tokens[j + 1][0]]):
                j += 1
            weights.append(Weight(a[3], tokens[j][3], a[0], tokens[j][1]))
            i = j + 1
            continue
        if a[2] == "num" and b[2] == "term" and _NUM_GAP_RE.match(gap) and not _BOUND_RE.search(text[max(0, a[0] - 25):a[0]]):
            weights.append(Weight(b[3], a[3], a[0], b[1]))
            i += 2
            continue
        i += 1
    return sorted(weights, key=lambda w: w.start)


def _term_gap_ok(text: str, term, gap: str, num) -> bool:
    gap = re.sub(r"\([^()\n]{0,40}\)", " ", gap)  # "Price (hourly rate) 70%"
    if len(gap) > 45 or _BOUND_RE.search(gap):
        return False
    if re.search(r"[.;!?]\s", gap):
        return False
    if "\n" in gap:
        # A weight on the next line counts only when the criterion stands alone on its line.
        line_start = text.rfind("\n", 0, term[0]) + 1
        if gap.count("\n") > 1 or text[line_start:term[0]].strip(" \t•*-|"):
            return False
        if text[term[1]:text.find("\n", term[1])].strip(" \t:|"):
            return False
    if num[2] == "cell" and not re.search(r"[\t|\n]", gap):
        return False
    return bool(_TERM_GAP_RE.match(gap))


def weighting_sets(weights: list[Weight], max_gap: int = 400) -> list[list[Weight]]:
    """Group nearby weights into the award schemes they describe."""
    sets: list[list[Weight]] = []
    for w in weights:
        current = sets[-1] if sets else None
        if current and w.start - current[-1].end <= max_gap:
            kinds = {x.criterion for x in current}
            complete = {"price", "quality"} <= kinds
            if not (complete and w.criterion in kinds and w.start >= current[-1].end):
                current.append(w)
                continue
        sets.append([w])
    return sets


def scheme(weight_set: list[Weight]) -> dict[str, Weight]:
    """The first weight given for each criterion in a set."""
    out: dict[str, Weight] = {}
    for w in weight_set:
        out.setdefault(w.criterion, w)
    return out
