"""Find price, quality and social value weightings in award criteria, in any common form.

Forms handled: "Price 60%, Quality 40%", "60% price / 40% quality", "60:40 price:quality",
"cost/quality weighting of 70.30", "Quality: 25% | Price: 75%", two-column tables
(one row a criterion), header-row tables (criteria in one row, weights in the next),
weights split across lines, and "60:40 in favour of quality"; and (issue 9) weightings
written as sentences ("quality accounts for 35% of the marks, the remaining 65% being
price", "seventy per cent", "two thirds of the marks", "the rest"), marks out of a stated
total, tables and lists whose sub-criteria add up to their criterion, a description cell
between criterion and weight, one cell a line as PDF text gives it, and question weights
listed after their criterion ("Technical: Q1 15%, Q2 15%"); and (fourth real batch) price named beside a share
given to something else ("KPI results are 45% of the total score, the other 55% being price"), quality capped with
price taking the rest ("a weightage of not more than 30%"), and numbers restated in words ("70 (seventy) percent").

Bounds ("no more than 40%", "60% or more"), pass marks ("a minimum quality score of 60%")
and other percentages near a criterion word (uplifts, turnover, budget shares) are not weights.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from knowledge.records import dataclass
from itertools import accumulate
from .clause_model import CONTENTS_ROW_RE
from .patterns import regex

_SOCIAL = r"social\s+value|SV|social,?\s+(?:economic,?\s+)?(?:and\s+)?environmental\s+(?:value|benefits?|wellbeing)|community\s+benefits?"
_QUALITY = (r"non[- ]price|non[- ]cost|quality|technical|qualitative|method\s+statements?"
            r"|written\s+(?:answers|responses|submissions?|proposals?)"
            # Finnish and Swedish award criteria: "laatu" (laadun, laatua, ...), "kvalitet".
            r"|laatu|laadun|laatua|laadulle|laadulla|kvalitet(?:en)?")
# "Financial strength" or "financial standing" is a test of the bidder, not the price criterion.
_PRICE = (r"(?:whole[- ]life\s+)?(?:price|pricing|costs?|commercial|fees?"
          r"|financial(?!\s+(?:strength|standing|stability|capacity|capability|health|viability|status|position|"
          r"soundness|resources|statements?|accounts|risk)\b)"
          # "based on 60% Finance and 40% Quality": the price criterion by its department's name
          r"|finance(?!\s+(?:directors?|officers?|teams?|departments?|directorate|committee|leads?|managers?|staff)\b))"
          r"|(?:hourly|unit|tendered|daily|weekly)\s+rates?"
          # Finnish and Swedish: "hinta" (hinnan, hintaa, ...), "pris", "priset".
          r"|hinta|hinnan|hintaa|hinnalle|hinnalla|pris|priset")
# "quality-led", "price-driven" describe an award; they are not a criterion with a weight.
TERM_RE = regex(
    rf"(?<![\w-])(?:(?P<social>{_SOCIAL})|(?P<quality>{_QUALITY})|(?P<price>{_PRICE}))(?![\w])(?!-(?:led|first|driven|focused)\b)", re.I
)
_PERCENT_RE = regex(
    r"(?<![\w.,/:£$€])(\d{1,3}(?:\.\d{1,2})?)\s*(%|per\s?cent\b|percent\b|marks\b|points\b)", re.I
)
# "Price will be scored out of 70": a mark out of a total reads as a weight.
_OUT_OF_RE = regex(r"out\s+of\s+(\d{1,3})\b", re.I)
# A number alone in a table cell, e.g. "Price\t60" or "| Price | 60 |".
_CELL_NUM_RE = regex(r"(?:(?<=\t)|(?<=\|)|(?<=\n)|^)[ ]*(\d{1,3}(?:\.\d{1,2})?)[ ]*(?=\t|\||\n|$)", re.M)
_RATIO_RE = regex(
    r"(?<![\w.,/:])(\d{1,3})\s*%?\s*(?::|/|\bto\b|-|\.(?=\d\d\b))\s*(\d{1,3})\s*%?(?:\s*[:/]\s*(\d{1,3})\s*%?)?(?![\w.,/:]\d)",
    re.I,
)
_TERM_JOIN = r"\s*(?:[:/\\-]|\bto\b|\band\b|\bvs\.?|\bversus\b)\s*"
_TERM_ = rf"(?:{_SOCIAL}|{_QUALITY}|{_PRICE})"
_TERM_PAIR_RE = regex(
    rf"(?<![\w-])(?P<a>{_TERM_}){_TERM_JOIN}(?P<b>{_TERM_})(?:{_TERM_JOIN}(?P<c>{_TERM_}))?(?![\w])",
    re.I,
)
_SEP_ = r"\s*(?:/|,|;|\band\b|\||&)\s*"
# "price 60 / quality 40": bare numbers next to their criteria, which must add up to 100.
_BARE_PAIRS_RE = regex(
    rf"(?<![\w-])(?P<a>{_TERM_})\s*:?\s*(?P<x>\d{{1,4}}){_SEP_}(?P<b>{_TERM_})\s*:?\s*(?P<y>\d{{1,4}})(?![\d%])"
    rf"(?:{_SEP_}(?P<c>{_TERM_})\s*:?\s*(?P<z>\d{{1,4}})(?![\d%]))?",
    re.I,
)
# "(lowest price ÷ bidder's price) × 70": the multiplier is the price weight.
_FORMULA_RE = regex(
    r"\(\s*(?:the\s+)?(?:lowest|cheapest)[^()\n]{0,60}\)\s*(?:×|x|\*)\s*(\d{1,3})(?:\s*%|\s*marks|\s*points)?(?!\d|\.\d)", re.I
)
_FAVOUR_RE = regex(rf"in\s+favour\s+of\s+(?P<t>{_QUALITY}|{_PRICE})", re.I)
# One criterion put above the other in words, the ratio near: "prioritised price over quality, at a ratio of
# 80:20", "price was weighted above quality at 70:30". The first named takes the larger share.
_OVER_RE = regex(
    rf"(?<![\w-])(?P<w>{_QUALITY}|{_PRICE})\s+(?:(?:was|is|are|were|will\s+be|being)\s+)?(?:(?:weighted|prioriti[sz]ed|ranked|rated|placed|favou?red)\s+)?"
    rf"(?:over|above|ahead\s+of|before)\s+(?:the\s+)?(?P<l>{_QUALITY}|{_PRICE})(?![\w])",
    re.I,
)
# Words that may sit between a criterion and its weight ("Price will account for 70%").
_TERM_GAP_RE = regex(
    r"^(?:[\s:|=()\[\],\-–\"']|weighting|weighted|weight|weights|weightages?|allotted|is|are|will|be|carries|carry|carrying|at|of|accounts?|"
    r"accounting|for|worth|represents?|representing|makes?\s+up|the|a|an|total|overall|score|marks?|up|evaluation|"
    r"evaluated|assessed|scored|out|using|with|receive|receives|maximum|max|available|least|minimum|min|criteria|criterion|element|component|section|questions?|envelope|split|allocated|given|attracts?|"
    r"counts?|counting|schedule|submissions?|responses?|proposals?|statements?|bids?|tenders?|each|lots?"
    # Finnish and Swedish: "hinnan painoarvo oli 60 %", "priset viktas 70 %".
    r"|painoarvo\w*|painotu\w*|painotet\w*|oli|on|vikt\w*|är|var)*$",
    re.I,
)
_NUM_GAP_RE = regex(
    r"^\s*(?:weighting|weightage|weight)?\s*(?:for|on|to|of\s+the\s+(?:marks|score|total|evaluation)\s+(?:for|on)|allocated\s+to|given\s+to|"
    r"applied\s+to|attributed\s+to|assigned\s+to)?\s*(?:the\s+)?$",
    re.I,
)
# An upper bound is not a weight ("price no more than 40%"); a lower bound still is ("at least 60%").
_BOUND_RE = regex(
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
            continue
        over = next((o for o in _OVER_RE.finditer(text, window_start, m.start())
                     if not re.search(r"[.;?!]\s|\n\s*\n", text[o.end():m.start()])), None)
        if over and len(values) == 2 and values[0] != values[1]:
            winner, loser = _kind_of(over.group("w")), _kind_of(over.group("l"))
            if winner != loser:
                start, end = over.start(), m.end()
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


# An award criterion in an open contracting (OCDS) release, as procurement portals publish notices:
# {"type": "price", "description": "90"}, {"type": "cost", "name": "Price", "description": "60-85%"}. The weight sits in
# "description"; a range is read by its lower end (the least weight the criterion can carry).
_OCDS_CRITERION_RE = regex(
    r'"type"\s*:\s*"(?P<t>price|cost|quality)"(?:\s*,\s*"name"\s*:\s*"[^"\n]{0,80}")?\s*,\s*"description"\s*:\s*'
    r'"\s*(?P<n>\d{1,3}(?:\.\d{1,2})?)(?:\s*[-–]\s*\d{1,3}(?:\.\d{1,2})?)?\s*%?\s*"', re.I)


def _ocds_weights(text: str, taken: list[tuple[int, int]]) -> list[Weight]:
    weights = []
    for m in _OCDS_CRITERION_RE.finditer(text):
        value = float(m.group("n"))
        if value > 100:
            continue
        weights.append(Weight("quality" if m.group("t").lower() == "quality" else "price", value, m.start(), m.end()))
        taken.append((m.start(), m.end()))
    return weights


# An award criterion as a contract notice's form prints it, one to a line: "Quality criterion - Name: technical / Weighting: 50",
# "Cost criterion - Name: financial / Weighting: 50", "Price - Weighting: 60". The form names the criterion's kind, so a
# line is read alone (a cost line of 50 says price weighs half, whatever the quality line beside it).
_NOTICE_CRITERION_RE = regex(
    r"(?<![\w-])(?P<t>cost|price|quality)(?:\s+criterion)?\s*[-–]\s*(?:name\s*:\s*(?P<name>[^/\n]{1,80}?)\s*/\s*)?"
    r"weighting\s*:\s*(?P<n>\d{1,3}(?:\.\d{1,2})?)\s*%?(?![\d.]|,\d)", re.I)
_SOCIAL_NAME_RE = regex(rf"(?<![\w-])(?:{_SOCIAL})(?![\w-])", re.I)


def _notice_weights(text: str, taken: list[tuple[int, int]]) -> list[Weight]:
    weights = []
    free = _free_of(taken)
    for m in _NOTICE_CRITERION_RE.finditer(text):
        value = float(m.group("n"))
        if value > 100 or not free(m.start(), m.end()):
            continue
        if m.group("t").lower() != "quality":
            kind = "price"
        else:
            kind = "social" if m.group("name") and _SOCIAL_NAME_RE.search(m.group("name")) else "quality"
        weights.append(Weight(kind, value, m.start(), m.end()))
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
        if not any(sep in lines[i] and sep in lines[i + 1] for sep in "\t|"):
            continue  # both rows need cells
        head = [c for c in re.split(r"\t|\|", lines[i]) if c.strip()]
        row = [c for c in re.split(r"\t|\|", lines[i + 1]) if c.strip()]
        if len(head) < 2 or len(head) != len(row):
            continue
        kinds = [TERM_RE.fullmatch(c.strip()) for c in head]
        nums = [re.fullmatch(r"\s*(\d{1,3}(?:\.\d+)?)\s*(?:%|per\s?cent)?\s*", c, re.I) for c in row]
        pairs = [(_criterion(k), float(n.group(1))) for k, n in zip(kinds, nums) if k and n]
        if len(pairs) < 2:
            pairs = _points_columns(head, row)
        if len(pairs) >= 2 or (pairs and pairs[0][0] == "price" and len(pairs) == 1 and pairs[0][1] > 0):
            start, end = offsets[i], offsets[i + 1] + len(lines[i + 1])
            weights += [Weight(k, v, start, end) for k, v in pairs]
            taken.append((start, end))
    return weights


# A points table: "| Price points | Preference points |" over "| 80 points | 20 points |". The points of a
# row are shares when they add up to 100; the criteria need not all be named terms.
_POINTS_HEAD_RE = regex(r"\s*(?P<t>.+?)\s+(?:points?|pts|marks)\s*", re.I)
_POINTS_CELL_RE = regex(r"\s*(\d{1,3})\s*(?:points?|pts|marks)\s*", re.I)


def _points_columns(head: list[str], row: list[str]) -> list[tuple[str, float]]:
    cells = []
    for h, c in zip(head, row):
        hm, cm = _POINTS_HEAD_RE.fullmatch(h), _POINTS_CELL_RE.fullmatch(c)
        if hm and cm:
            term = TERM_RE.fullmatch(hm.group("t").strip())
            cells.append((_criterion(term) if term else "other", float(cm.group(1))))
    if len(cells) < 2 or abs(sum(v for _, v in cells) - 100) > 1 or not any(k == "price" for k, _ in cells):
        return []
    return [(k, v) for k, v in cells if k != "other"]


# ---- numbers written in words: "seventy per cent", "two thirds of the marks"
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TENS = {"ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90}
_WORD_PCT_RE = regex(
    r"(?<![\w-])(?:(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?P<unit>one|two|three|four|five|six|seven|eight|nine))?"
    r"|(?P<small>ten|fifteen|five)|(?P<hundred>(?:a|one)\s+hundred))\s*(?:per\s?cent|percent)\b",
    re.I,
)
_FRACTIONS = {"half": 1 / 2, "third": 1 / 3, "quarter": 1 / 4, "fifth": 1 / 5, "tenth": 1 / 10}
_FRACTION_RE = regex(
    r"(?<![\w-])(?:(?P<n>a|one|two|three|four)\s+)?(?P<d>half|halves|thirds?|quarters?|fifths?|tenths?)(?![\w-])", re.I
)


def _word_percent(m: re.Match) -> float:
    if m.group("hundred"):
        return 100.0
    if m.group("small"):
        return float(_TENS.get(m.group("small").lower(), 5))
    return float(_TENS[m.group("tens").lower()] + (_UNITS[m.group("unit").lower()] if m.group("unit") else 0))


def _fraction(m: re.Match) -> float | None:
    n = (m.group("n") or "a").lower()
    count = 1 if n in ("a", "one") else _UNITS[n]
    d = m.group("d").lower().rstrip("s")
    d = "half" if d == "halve" else d
    if d == "half" and count > 1:
        return None
    return round(100 * count * _FRACTIONS[d], 1)


# ---- the cues that a number is a bound, a pass mark or a total, not a weight
# Matched at the end of a number: "60% or more", "50+".
_AFTER_BOUND_RE = regex(r"\s*(?:%|per\s?cent|percent|marks|points)?\s*(?:or|and)\s+(?:more|above|over|higher|less|below|under|lower)\b|\s*%?\s*\+", re.I)
_THRESHOLD_RE = regex(
    r"threshold|pass(?:ing)?\s*marks?|minimum\s+(?:\w+\s+)?(?:score|mark)|must\s+(?:score|achieve|reach)|scor\w*\s+(?:at\s+least|below|above|under|less\s+than)|"
    r"to\s+(?:proceed|progress|go\s+forward|pass|qualify)|(?:be\s+)?exclud\w*|disqualif\w*|abnormally|turnover|budget|inflation|uplift|increase|subcontract",
    re.I,
)

# ---- weightings written as sentences
_SENTENCE_RE = regex(r"[^\n.;!?]*(?:(?:\.(?=\d)|;)[^\n.;!?]*)*[.!?]?")
_PROSE_CUE_RE = regex(
    r"marks|score[ds]?\b|scoring|points|weight\w*|evaluat\w*|assess\w*|\bsplit\b|ratio|award\w*|account\w*\s+for|makes?\s+up|carr(?:y|ies)|worth|allocated|reserved",
    re.I,
)
# A sentence that gives the rest of a score split in the sentence before: "The other 50 per cent will be based on the bid
# amount", "The remaining 40% is for price".
_OTHER_LEAD_RE = regex(r"\W*(?:the\s+)?(?:other|remaining)\s+\d{1,3}(?:\.\d)?\s*(?:%|per\s?cent\b|percent\b)(?!\s+of\s+(?:the\s+)?(?:budget|funding|costs?|grant))", re.I)
_PROSE_NUM_RE = regex(
    r"(?<![\w.,/:£$€])(?P<v>\d{1,4}(?:\.\d{1,2})?)(?!\d|[.,]\d)\s*(?P<u>%|per\s?cent\b|percent\b|marks\b|points\b)?", re.I
)
_REMAINDER_RE = regex(
    r"(?<![\w-])the\s+(?:rest|remainder|balance|(?:remaining|other)\s+(?:marks|points|score|weighting))(?![\w-])(?!\s*\(?\s*\d)", re.I
)
_TOTAL_RE = regex(
    r"(?:out\s+of|of\s+the|a\s+total\s+of|total\s+of)\s+(?:a\s+|the\s+)?(?:maximum\s+|available\s+|total\s+|possible\s+)?(?P<v>\d{1,3}(?:,\d{3})?|\d{1,4})"
    r"(?:\s+(?:available|possible|total))?\s*(?:marks|points|score)?",
    re.I,
)


_LOWER_AFTER_RE = regex(r"less|below|under|lower", re.I)
_FLOOR_BEFORE_RE = regex(r"\b(?:not|no)\s+less\s+than\s*$", re.I)
_BARE_AFTER_RE = regex(r"\s*(?:for|to|on|of\s+the\s+(?:marks|score|\d))\b", re.I)
_OUT_OF_BEFORE_RE = regex(r"out\s+of\s+$", re.I)
_BARE_BEFORE_RE = regex(r"\b(?:other|remaining)\s+$", re.I)
_SHARE_OF_RE = regex(
    r"\s*of\s+(?:the\s+|an?\s+|their\s+|its\s+|each\s+)?(?:\w+(?:['’]s|s['’]?)\s+)?(?:available\s+|total\s+|overall\s+|possible\s+)*(?:marks|score|points|evaluation|weighting|award)\b", re.I
)


def _prose_numbers(sentence: str, base: int, totals: bool = True, bounds: bool = False) -> tuple[list[tuple[int, int, float | None, str]], float | None]:
    """Weight-like numbers in a sentence: (start, end, value or None for 'the rest', unit) and a stated total.

    With totals=False, "out of 80 points" is read as the weight of its criterion, not as the total.
    With bounds=True, bounded numbers are kept with the unit "cap" ("no more than 30%") or "floor" ("70% or more")."""
    total = None
    spans: list[tuple[int, int, float | None, str]] = []
    blocked: list[tuple[int, int]] = []
    for m in (_TOTAL_RE.finditer(sentence) if totals else ()):
        value = float(m.group("v").replace(",", ""))
        if value in (100, 1000) or re.search(r"marks|points|score|out\s+of", m.group(0), re.I):
            if value >= 10:
                total = value
                blocked.append((m.start("v"), m.end("v")))
    for m in _WORD_PCT_RE.finditer(sentence):
        spans.append((m.start(), m.end(), _word_percent(m), "%"))
    for m in _FRACTION_RE.finditer(sentence):
        value = _fraction(m)
        if value is not None:
            spans.append((m.start(), m.end(), value, "%"))
    covered = {i for s, e in blocked for i in range(s, e)} | {i for s, e, _, _ in spans for i in range(s, e)}
    for m in _PROSE_NUM_RE.finditer(sentence):
        if m.start("v") in covered or m.start() in covered:
            continue
        unit = (m.group("u") or "").lower()
        value = float(m.group("v"))
        if not unit and not (value < 1 or _BARE_AFTER_RE.match(sentence, m.end()) or _OUT_OF_BEFORE_RE.search(sentence[max(0, m.start() - 8):m.start()])
                             or _BARE_BEFORE_RE.search(sentence[max(0, m.start() - 12):m.start()])):
            continue  # a bare number is a weight only as "40 for quality", "the other 400" or a decimal share
        spans.append((m.start(), m.end(), value, "%" if unit.startswith(("%", "per")) else unit or "bare"))
    for m in _REMAINDER_RE.finditer(sentence):
        spans.append((m.start(), m.end(), None, "rest"))
    kept = []
    for s, e, v, u in sorted(spans):
        before = sentence[max(0, s - 30):s]
        if u != "rest" and (_BOUND_RE.search(before) or _AFTER_BOUND_RE.match(sentence, e)):
            if bounds and u in ("%", "share"):
                after = _AFTER_BOUND_RE.match(sentence, e)
                upper = (_BOUND_RE.search(before) and not _FLOOR_BEFORE_RE.search(before)) or (after and _LOWER_AFTER_RE.search(after.group(0)))
                kept.append((base + s, base + e, v, "cap" if upper else "floor"))
            continue
        if u == "%" and _SHARE_OF_RE.match(sentence, e):
            u = "share"  # "60% of the marks": certainly a weight
        kept.append((base + s, base + e, v, u))
    return kept, total


_MAX_SENTENCE = 1000  # longer "sentences" are lists or debris, not one award weighting


def _prose_weights(text: str, taken: list[tuple[int, int]]) -> list[Weight]:
    """'Quality accounts for 35% of the marks, the remaining 65% being price': criteria and numbers in order."""
    weights = []
    # Spans this loop adds lie inside sentences already passed, so only the earlier ones matter.
    free = _free_of(taken)
    for sm in _SENTENCE_RE.finditer(text):
        sentence = sm.group(0)
        other = _OTHER_LEAD_RE.match(sentence)  # "The other 50 per cent will be based on the bid price."
        if not 8 <= len(sentence) <= _MAX_SENTENCE or "\t" in sentence or "|" in sentence \
                or not (other or _PROSE_CUE_RE.search(sentence)):
            continue
        if _THRESHOLD_RE.search(sentence):
            continue
        base = sm.start()
        if not free(base, base + len(sentence)):
            continue
        numbers, total = _prose_numbers(sentence, base)
        terms = [(base + m.start(), base + m.end(), _criterion(m)) for m in TERM_RE.finditer(sentence)]
        if len(numbers) == 1 and numbers[0][3] == "%" and (other or any(_WEIGHT_OF_RE.search(text, max(0, s - 40), s) for s, _, _ in terms)):
            # "the weightage of the cost element is 70 percent"; the other share of a score the sentence before split
            numbers = [numbers[0][:3] + ("share",)]
        found = _match_prose(numbers, terms, total)
        if not found and total:
            found = _match_prose(*_prose_numbers(sentence, base, totals=False)[:1], terms, None)
        if not found and len({k for _, _, k in terms}) == 1:
            shares = [n for n in numbers if n[3] in ("%", "share")]
            if len(shares) == 2:
                found = _changed_prose(shares, terms, sentence, base)
        if not found and terms and len(numbers) <= 2:
            kinds = {k for _, _, k in terms}
            if len(numbers) == 2 and kinds == {"price"}:
                found = _one_named_prose(numbers, terms, sentence, base)
            elif len(numbers) < 2 and kinds == {"price", "quality"}:
                found = _bound_prose(_prose_numbers(sentence, base, bounds=True)[0], terms)
        if found:
            weights += found
            taken.append((min(w.start for w in found), max(w.end for w in found)))
    return weights


def _match_prose(numbers, terms, total) -> list[Weight]:
    kinds = list(dict.fromkeys(k for _, _, k in terms))
    if not numbers or not kinds or len(numbers) != len(kinds) or sum(v is None for _, _, v, _ in numbers) > 1:
        return []
    if len(numbers) == 1:
        return _single_prose(numbers[0], terms)
    # One occurrence per criterion: the choice that keeps criteria and numbers in the same order, nearest together.
    best = None
    for choice in _choices(terms, kinds):
        ordered = sorted(choice)
        cost = sum(abs(t[0] - n[0]) for t, n in zip(ordered, numbers))
        if best is None or cost < best[0]:
            best = (cost, ordered)
    pairs = list(zip(best[1], numbers))
    values = [v for _, _, v, _ in numbers]
    known = sum(v for v in values if v is not None)
    scale = 100.0
    if all(u == "bare" for _, _, _, u in numbers if u != "rest") and all(v is not None and v < 1 for v in values):
        known, scale = known * 100, 100.0
        values = [v * 100 for v in values]
    elif total and total != 100:
        scale = total
    if None in values:
        rest = scale - known
        if rest <= 0:
            return []
        values = [rest if v is None else v for v in values]
    if abs(sum(values) - scale) > max(1.0, scale / 100):
        return []
    out = []
    for (ts, te, kind), (ns, ne, _, _), value in zip([p[0] for p in pairs], [p[1] for p in pairs], values):
        out.append(Weight(kind, round(value * 100 / scale, 1), min(ts, ns), max(te, ne)))
    return sorted(out, key=lambda w: w.start)


# "the weightage of the cost element", "the weighting given to price": the criterion named as a weight's owner.
_WEIGHT_OF_RE = regex(r"\bweight(?:ing|age)?s?\s+(?:of|for|on|given\s+to|attached\s+to|allotted\s+to|assigned\s+to)\s+(?:the\s+)?$", re.I)


def _nearest(numbers, terms):
    """(distance, number index, term): the number that sits nearest a criterion word."""
    return min((max(0, t[0] - n[1], n[0] - t[1]), i, t) for i, n in enumerate(numbers) for t in terms)


_OTHER_SHARE_RE = regex(r"\b(?:other|remaining|balance\s+of(?:\s+the)?|rest\s+of(?:\s+the)?)\s+$", re.I)
_PAST_RE = regex(r"\b(?:was|were|came|had|last\s+year|previous\w*)\b", re.I)


def _one_named_prose(numbers, terms, sentence: str, base: int) -> list[Weight]:
    """'Monitoring results make up 45% of the overall score, the other 55% being price': price named, the other
    share given to a criterion without a price or quality word. A share of the score and the other share, making 100."""
    if any(u not in ("%", "share", "rest") for *_, u in numbers):
        return []
    first, second = numbers
    before_second = sentence[max(0, second[0] - base - 20):second[0] - base]
    if "share" not in (first[3], second[3]) or not (second[3] in ("share", "rest") or _OTHER_SHARE_RE.search(before_second)):
        return []
    if _PAST_RE.search(sentence):
        return []  # a report of past tenders, not this award
    values = [v for _, _, v, _ in numbers]
    if sum(v is None for v in values) > 1:
        return []
    known = sum(v for v in values if v is not None)
    values = [100 - known if v is None else v for v in values]
    if abs(sum(values) - 100) > 1 or min(values) <= 0:
        return []
    # A share tied to its criterion in words ("80% of the points … will be awarded for price") goes with it, however
    # near the other share stands; otherwise the share nearest the criterion.
    linked = [(i, t) for i, n in enumerate(numbers) for t in terms
              if t[0] >= n[1] and _POINTS_FOR_RE.match(sentence[n[1] - base:t[0] - base])]
    if linked:
        i, term = linked[0]
    else:
        distance, i, term = _nearest(numbers, terms)
        if distance > 30:
            return []
    n = numbers[i]
    return [Weight("price", round(values[i], 1), min(n[0], term[0]), max(n[1], term[1]))]


# The words between a share of the points and what they are given for: "80% of the points scored for the tender
# will be awarded for price".
_POINTS_FOR_RE = regex(
    r"\s*of\s+the\s+(?:available\s+|total\s+)?(?:points|marks|score)\b(?:\s+[\w-]+){0,6}?\s+(?:will\s+be\s+|shall\s+be\s+|are\s+|is\s+)?"
    r"(?:awarded|allocated|given|assigned|reserved)\s+(?:to|for)\s+(?:the\s+)?$", re.I)


_FROM_BEFORE_RE = regex(r"\bfrom\s+$", re.I)
_TO_BEFORE_RE = regex(r"\bto\s+$", re.I)


def _changed_prose(numbers, terms, sentence: str, base: int) -> list[Weight]:
    """'Reduce the social value weighting from 10% to 5%': one criterion's weight changed; the new one counts."""
    first, second = numbers
    if first[3] not in ("%", "share") or second[3] not in ("%", "share") or second[2] is None:
        return []
    if not _FROM_BEFORE_RE.search(sentence[max(0, first[0] - base - 6):first[0] - base]) \
            or not _TO_BEFORE_RE.search(sentence[max(0, second[0] - base - 4):second[0] - base]):
        return []
    term = _nearest([first], terms)[2]
    if max(0, first[0] - term[1]) > 40 or term[0] > first[0]:
        return []  # the criterion named before the change
    return [Weight(term[2], second[2], term[0], second[1])]


def _bound_prose(numbers, terms) -> list[Weight]:
    """'Technical bids get a weightage of not more than 30%, financial bids 70% or more': quality capped at
    half or less, and price given the rest or a floor that makes 100 with the cap."""
    if len(numbers) != 2 or not any(u == "cap" for *_, u in numbers):
        return []
    # One occurrence per criterion, in the order of the numbers, nearest together (as _match_prose pairs them).
    choice = min((sorted(c) for c in _choices(terms, ["quality", "price"])),
                  key=lambda c: sum(abs(t[0] - n[0]) for t, n in zip(c, numbers)))
    if any(max(0, t[0] - n[1], n[0] - t[1]) > 60 for t, n in zip(choice, numbers)):
        return []
    by_kind = {t[2]: (n, t) for t, n in zip(choice, numbers)}
    (quality, q_term), (price, p_term) = by_kind["quality"], by_kind["price"]
    if quality[3] != "cap" or price[3] not in ("floor", "%", "share", "rest"):
        return []
    if quality[2] > 50 or (price[2] is not None and abs(quality[2] + price[2] - 100) > 1):
        return []
    return sorted([Weight("quality", quality[2], min(q_term[0], quality[0]), max(q_term[1], quality[1])),
                   Weight("price", round(100 - quality[2], 1), min(p_term[0], price[0]), max(p_term[1], price[1]))],
                  key=lambda w: w.start)


def _single_prose(number, terms) -> list[Weight]:
    """'Three quarters of the available marks are for price': one share of the marks, one criterion."""
    start, end, value, unit = number
    if value is None or unit != "share" or len({t[2] for t in terms}) != 1:
        return []  # one criterion, though it may be named twice ("the cost element ... price")
    term = _nearest([number], terms)[2] if len(terms) > 1 else terms[0]
    return [Weight(term[2], value, min(start, term[0]), max(end, term[1]))]


def _choices(terms, kinds):
    by_kind = {k: [t for t in terms if t[2] == k] for k in kinds}
    combos = [[]]
    for k in kinds:
        combos = [c + [t] for c in combos for t in by_kind[k][:4]]
    return combos


# ---- criteria tables and lists, with sub-criteria that add up to their criterion
_ROW_NUM_RE = regex(r"^\s*\(?\s*(\d{1,4}(?:\.\d{1,2})?)\s*(%|per\s?cent|percent|marks|points|pts)?\s*\)?\s*$", re.I)
# A line that ends in its weight: "Delivery model - 15%", "Price: 60 marks", "Quality (40%)".
_LINE_END_NUM_RE = regex(
    r"[\s:=(\-]+(?P<v>\d{1,4}(?:\.\d{1,2})?)\s*(?P<u>%|per\s?cent|percent|marks|points|pts)?\s*\)?\s*\.?\s*$", re.I
)
_BLOCK_CUE_RE = regex(
    r"weight\w*|criteri\w*|evaluat\w*|award\w*|marks|points|scor\w*|\bsplit\b|ratio|tender\w*|\bbids?\b|MEAT|advantageous", re.I
)
_MARKER_RE = regex(r"^[\s•*\-–>]*(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+)?")
_TABLE_RULE_RE = regex(r"^[\s|:+\-=]*-[\s|:+\-=]*$")
_LEAD_NUM_RE = regex(r"\d{1,3}(?:\.\d{1,2})?[^\S\n]+")
_TOTAL_ROW_RE = regex(r"\s*(?:grand\s+|overall\s+)?total(?:\s+(?:score|weighting|weight|marks|points))?\s*:?\s*", re.I)
_HEADER_RE = regex(r"^(?:criteri\w*|award\s+criteri\w*|evaluation\s+criteri\w*|element|section|weight\w*|max\w*|score|total|[\s:-]*)$", re.I)


def _row(line: str):
    """(label cells, number cell value, unit, is_table) for one line, or None when it is not a criteria row."""
    if "\t" in line or line.count("|") >= 1:
        cells = [c.strip() for c in re.split(r"\t|\|", line)]
        if line.strip().startswith("|"):
            cells = cells[1:]
        if line.strip().endswith("|"):
            cells = cells[:-1]
        if not any(cells) or all(re.fullmatch(r"[\s:\-]*", c) for c in cells):
            return None
        filled = [i for i, c in enumerate(cells) if c]
        last = cells[filled[-1]]
        num = _ROW_NUM_RE.match(last)
        labels = cells[: filled[-1]] if num else cells
        return labels, (float(num.group(1)) if num else None), ((num.group(2) or "").lower() if num else ""), True
    stripped = _MARKER_RE.sub("", line).strip()
    if not stripped:
        return None
    num = _ROW_NUM_RE.match(stripped)
    if num:
        return [""], float(num.group(1)), (num.group(2) or "").lower(), False
    item = _LINE_END_NUM_RE.search(stripped)
    label = stripped[: item.start()].strip(" :-(") if item else ""
    # A rank or priority column before the criterion, as a table pasted with spaces gives it: "60 Price 60.00"
    if label and label[0].isdigit() and (lead := _LEAD_NUM_RE.match(label)) and TERM_RE.match(label, lead.end()):
        label = label[lead.end():]
    # "X 0.5" is a multiplier in a scoring form, not a criterion with its weight.
    if item and 0 < len(label) <= 80 and re.search(r"[^\W\d_]", label) and not re.fullmatch(r"[x×*]", label, re.I):
        return [label], float(item.group("v")), (item.group("u") or "").lower(), False
    if len(stripped) <= 60 and TERM_RE.match(stripped):
        return [stripped], None, "", False
    return None


def _label_kind(label: str) -> str | None:
    label = _MARKER_RE.sub("", label).strip()
    m = TERM_RE.match(label)
    return _criterion(m) if m else None


_MAX_BLOCK_ROWS = 60


class _Group:
    def __init__(self, kind, value, start, end):
        self.kind, self.value, self.start, self.end, self.subs = kind, value, start, end, []


def _block_weights(text: str, taken: list[tuple[int, int]]) -> list[Weight]:
    """Rows of a criteria table or list: criteria with weights, group headings whose sub-criteria add up,
    headings whose weights stand on later lines (one cell a line, as PDF text gives them)."""
    weights: list[Weight] = []
    rows: list = []
    offset, blanks, too_long = 0, 0, False
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            blanks += 1
            if blanks < 3:
                continue  # one cell a line, with blank lines between, is still one table
        elif _TABLE_RULE_RE.match(line):
            continue  # a Markdown table's |---|---| line
        blanks = 0 if line.strip() else blanks
        parsed = _row(line) if line.strip() and len(line) <= 300 and not too_long else None
        if parsed is None:
            if not too_long:
                weights += _resolve_block(rows, taken, text)
            rows, too_long = [], False
            continue
        # Keep table borders out of the span: the span is quoted back as evidence.
        lead, trail = len(line) - len(line.lstrip(" \t|")), len(line) - len(line.rstrip(" \t|"))
        rows.append((start + lead, max(start + lead, end - trail)) + parsed)
        if len(rows) > _MAX_BLOCK_ROWS:
            rows, too_long = [], True  # a criteria table is short: a long run of rows is something else
    if not too_long:
        weights += _resolve_block(rows, taken, text)
    return weights


def _plain_criterion(labels) -> bool:
    label = re.sub(r"\([^()]{0,40}\)", " ", " ".join(c for c in labels if c)).strip(" :-")
    return not label or TERM_RE.fullmatch(label) is not None


def _resolve_block(rows, taken, text) -> list[Weight]:
    if len(rows) < 2:
        return []
    # A list of other measures ("Cost reduction 10%") is not an award scheme: ask for a cue unless
    # every row that names a criterion names only the criterion ("Price", "Quality (40%)").
    context = text[max(0, rows[0][0] - 300):rows[-1][1]]
    if not _BLOCK_CUE_RE.search(context) and not all(_plain_criterion(r[2]) for r in rows if r[2] and _label_kind(r[2][0] or "")):
        return []
    groups, units = _group_rows(rows)
    return _block_scheme(groups, units, taken)


def _group_rows(rows) -> tuple[list[_Group], set[str]]:
    """Criteria with their sub-criteria: a criterion row opens a group, unnamed rows below it join it."""
    groups: list[_Group] = []
    waiting: list[_Group] = []  # headings whose weight has not come yet
    current = None
    units = set()
    for start, end, labels, value, unit, _ in rows:
        first = labels[0] if labels else ""
        kind = _label_kind(first) if first else None
        sub_label = any(c for c in labels[1:])
        if value is not None:
            units.add(unit or "bare")
        if kind and value is None and not sub_label:
            current = _Group(kind, None, start, end)
            groups.append(current)
            waiting.append(current)
        elif kind and value is not None and not sub_label:
            current = _Group(kind, value, start, end)
            groups.append(current)
        elif kind and value is not None:
            current = _Group(kind, None, start, end)
            groups.append(current)
            current.subs.append((value, start, end, _label_kind(next(c for c in labels[1:] if c))))
        elif value is not None and not any(labels) and waiting:
            g = waiting.pop(0)
            g.value, g.end = value, end
            if g is current:
                current = None
        elif value is not None and any(labels):
            if _HEADER_RE.match(" ".join(labels).strip()) or _TOTAL_ROW_RE.fullmatch(" ".join(labels)):
                continue
            sub_kind = _label_kind(" ".join(c for c in labels if c))
            if current is None:
                current = _Group(None, None, start, end)
                groups.append(current)
            current.subs.append((value, start, end, sub_kind))
            current.end = end
            if current in waiting:
                waiting.remove(current)
        elif value is None and not _HEADER_RE.match(" ".join(labels).strip()) and not kind:
            current = None  # a row of other text ends the group
    return groups, units


def _block_scheme(groups: list[_Group], units: set[str], taken: list[tuple[int, int]]) -> list[Weight]:
    """One weight per criterion from the groups of a table, when they add up to 100 (or to a points total)."""
    top: dict[str | None, list] = {}
    for g in groups:
        subs = sum(v for v, *_ in g.subs)
        if g.value is not None and g.subs and abs(subs - g.value) > 1:
            top.setdefault(g.kind, []).append((g.value, g.start, g.end))
            for v, s, e, k in g.subs:
                top.setdefault(k, []).append((v, s, e))
            continue
        value = g.value if g.value is not None else (subs if g.subs else None)
        if value is None:
            continue
        top.setdefault(g.kind, []).append((value, g.start, max([g.end] + [e for _, _, e, _ in g.subs])))
    if None in top:
        if "price" not in top:
            return []
        top.setdefault("quality", []).extend(top.pop(None))
    if len(top) < 2 or not ({"price", "quality"} & set(top)):
        return []
    totals = {k: sum(v for v, _, _ in items) for k, items in top.items()}
    total = sum(totals.values())
    if abs(total - 100) <= 1:
        scale = 100.0
    elif units <= {"bare", "marks", "points", "pts"} and total > 0:
        scale = total
    else:
        return []
    spans = [(s, e) for items in top.values() for _, s, e in items]
    if any(s < e2 and s2 < e for s, e in spans for s2, e2 in taken):
        return []
    out = []
    for k, items in top.items():
        out.append(Weight(k, round(totals[k] * 100 / scale, 1), min(s for _, s, _ in items), max(e for _, _, e in items)))
    # Social value scored inside quality still has its own weight.
    for g in groups:
        for v, s, e, k in g.subs:
            if k == "social" and g.kind != "social" and "social" not in top:
                out.append(Weight("social", round(v * 100 / scale, 1), s, e))
    taken.append((min(s for s, _ in spans), max(e for _, e in spans)))
    return sorted(out, key=lambda w: w.start)


_INLINE_HEAD_RE = regex(rf"(?<![\w-])(?P<t>{_TERM_})[^:.;\n]{{0,30}}:\s*", re.I)
# Each item names its question: "Q1 15%", "Question 2 (Safeguarding) 10%", "Mobilisation 5%".
_INLINE_ITEM_RE = regex(
    r"(?:Q(?:uestion)?\s?\d{1,2}[a-z]?\b(?:\s+[A-Z][\w-]*){0,3}|[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})\s*[:(\-]?\s*"
    r"(?P<v>\d{1,3}(?:\.\d)?)\s*%\)?(?P<sep>\s*(?:,|\band\b)\s*)?"
)


def _inline_group_weights(text: str, taken: list[tuple[int, int]]) -> list[Weight]:
    """'Technical questions: Q1 15%, Q2 15%, Q3 10%': a criterion followed by the weights of its questions."""
    weights = []
    for head in _INLINE_HEAD_RE.finditer(text):
        pos, values = head.end(), []
        while True:
            item = _INLINE_ITEM_RE.match(text, pos)
            if not item:
                break
            values.append(float(item.group("v")))
            pos = item.end()
            if not item.group("sep"):
                break
        if len(values) >= 2 and sum(values) <= 100 and not any(s < pos and head.start() < e for s, e in taken):
            weights.append(Weight(_kind_of(head.group("t")), sum(values), head.start(), pos))
            taken.append((head.start(), pos))
    return weights


def _free_of(taken: list[tuple[int, int]]):
    """free(start, end): whether [start, end) overlaps none of the spans taken so far.

    Sorted once with the furthest end reached so far, so each question is a binary search,
    not a pass over every span (which made long documents quadratic)."""
    spans = sorted(taken)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))

    def free(start: int, end: int) -> bool:
        i = bisect_left(starts, end)  # the spans that start before `end`
        return i == 0 or reach[i - 1] <= start

    return free


# Points schemes (issue 9): "Price will earn up to 85 points and local supplier status up to 15 points".
# Points are shares only when they add up to 100, or to a total the sentence states; "up to" is
# then the criterion's maximum, which is its share, not a bound.
_POINTS_RE = regex(r"(?<![\w.,/:£$€])(\d{1,3})\s*(?:points?|pts)\b", re.I)
_POINTS_SPAN_RE = regex(r"[^.;!?]*(?:\n(?!\s*\n)[^.;!?]*)*[.;!?]?")
_POINTS_TOTAL_RE = regex(r"(?:out\s+of|total\s+of|maximum\s+of|a\s+total\s+of)\s+(\d{2,3})\s*(?:points?|pts)?\b|(\d{2,3})\s*(?:points?|pts)\s+(?:in\s+total|overall|available)", re.I)
_POINTS_PART_RE = regex(r"\s*(?:,|;|\n|\band\b|\bwhile\b|\bwhereas\b|\bwith\b)\s*", re.I)
# A named preference points system: "the 80/20 preference point system", "scored under the 90/10 system".
_POINT_SYSTEM_RE = regex(
    r"(?<![\w.,/:])(\d{2})\s*/\s*(\d{1,2})(?:\s+or\s+\d{2}\s*/\s*\d{1,2})?\s+(?:(?:preference|preferential)\s+)?(?:points?\s+|scoring\s+|evaluation\s+)?"
    # "an 80/20 approach to awarding points for price and ...": the first number is price's.
    r"(?:system\b|(?:approach|formula|split|method)\s+(?:to|for|of|in)\s+(?:(?:awarding|allocating|scoring|giving)\s+)?(?:the\s+)?"
    r"(?:preference\s+)?points?\s+(?:for|to)\s+(?:the\s+)?(?:tender\s+|bid\s+)?price\b)", re.I)


# Price points given as the two values of a preference points system ("80/90 points for price", "Price = 80 / 90",
# "80 or 90 points are awarded to the lowest tender"): price takes the smaller, still a majority of 100.
_POINT_CHOICE_RE = regex(
    r"(?<![\w.,/:])(?P<a>\d{2,3})\s*(?:/|\bor\b)\s*(?P<b>\d{2,3})\s+(?:[\w-]+\s+){0,2}?points?\s+"
    r"(?:(?:are|is|will\s+be|shall\s+be)\s+)?(?:(?:awarded|given|allocated|allotted|assigned)\s+)?(?:for|to)\s+(?:the\s+)?"
    r"(?:price|lowest[- ](?:priced\s+)?(?:price|tender|bid|offer|quot\w*)s?)\b"
    r"|(?<![\w-])price\s*[=:]\s*(?P<c>\d{2,3})\s*(?:/|\bor\b)\s*(?P<d>\d{2,3})(?![\d%/]|[.,]\d)"
    # The points for price named out of a preference system's 100: "calculate the points out of 90 for price".
    r"|(?<![\w-])(?:points?|marks?|scores?)\s+out\s+of\s+(?P<e>\d{2})\s+(?:points?\s+)?for\s+(?:the\s+)?(?:tender\s+|bid\s+)?price\b", re.I)


def _point_choice_weights(text: str, taken: list[tuple[int, int]]) -> list[Weight]:
    weights = []
    free = _free_of(taken)
    for m in _POINT_CHOICE_RE.finditer(text):
        if m.group("e"):
            values = [float(m.group("e"))]
        else:
            values = [float(v) for v in (m.group("a") or m.group("c"), m.group("b") or m.group("d"))]
            if values[0] == values[1]:
                continue
        if 50 <= min(values) and max(values) <= 100 and free(m.start(), m.end()):
            weights.append(Weight("price", min(values), m.start(), m.end()))
            taken.append((m.start(), m.end()))
    return weights


def _points_weights(text: str, taken: list[tuple[int, int]]) -> list[Weight]:
    weights = []
    free = _free_of(taken)
    for sent in _POINTS_SPAN_RE.finditer(text):
        body = sent.group(0)
        if len(body) > _MAX_SENTENCE or len(_POINTS_RE.findall(body)) < 2 or not free(sent.start(), sent.end()):
            continue
        total_m = _POINTS_TOTAL_RE.search(body)
        stated = float(total_m.group(1) or total_m.group(2)) if total_m else None
        parts, cursor = [], 0
        for sep in _POINTS_PART_RE.finditer(body):
            parts.append((cursor, sep.start()))
            cursor = sep.end()
        parts.append((cursor, len(body)))
        shares = []
        for a, b in parts:
            nums = [m for m in _POINTS_RE.finditer(body, a, b)
                    if not (total_m and total_m.start() <= m.start() < total_m.end())]
            if len(nums) != 1:
                continue
            term = TERM_RE.search(body, a, b)
            kind = _criterion(term) if term else "other"
            shares.append((kind, float(nums[0].group(1)), sent.start() + a, sent.start() + b))
        total = sum(v for _, v, _, _ in shares)
        if not any(k == "price" for k, *_ in shares) or len(shares) < 2:
            continue
        if not (abs(total - 100) <= 1 or (stated and abs(total - stated) <= 1)):
            continue
        for kind, value, start, end in shares:
            if kind != "other":
                weights.append(Weight(kind, round(value * 100 / total, 1), start, end))
        taken.append((sent.start(), sent.end()))
    for m in _POINT_SYSTEM_RE.finditer(text):
        price, other = float(m.group(1)), float(m.group(2))
        if abs(price + other - 100) <= 1 and free(m.start(), m.end()):
            weights.append(Weight("price", price, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    return weights


# "70% (Seventy per cent)", "70 (seventy) percent": a number restated in words in brackets, as Indian and
# other legal drafting writes it. The words are blanked (same length, so offsets hold) and read once.
_NUMBER_WORD = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
                r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|and)")
_RESTATED_RE = regex(
    rf"(?<=\d)(?P<pre>\s*%?)(?P<words>\s*\(\s*{_NUMBER_WORD}(?:[\s-]+{_NUMBER_WORD}){{0,3}}\s*(?:per\s?cent|percent|%)?\s*\))", re.I
)


# A split being left for another: "deviate from its standard Price / Quality split of Price 70% and Quality 30% to Price 30%
# and Quality 70%", "move away from the current weighting of 60:40 to …": the old split is not this award's.
_REPLACED_SPLIT_RE = regex(
    r"\b(?:deviat|mov|chang|switch|shift)\w*\s+(?:away\s+)?from\s+(?:its|the|our|their|a|an)\s+(?:[\w/-]+\s+){0,5}?"
    r"(?:split|weightings?|ratio|balance)\s+(?:of\s+)?(?P<old>[^.;\n]{1,80}?)(?=\s+to\s+[^.;\n]{0,40}?\d)", re.I
)


_LINE_RE = regex(r"[^\n]+")


def _blank_restated(text: str) -> str:
    """The text with spaces, offsets kept, over what names no weighting in force: a table of contents' rows, a split
    that is being left for another (the old one), and a figure restated in words in brackets ("60% (sixty per cent)")."""
    if "|" in text:  # a table of contents' row names a part and its page, not a criterion and its weight
        text = _LINE_RE.sub(lambda m: " " * len(m.group(0)) if CONTENTS_ROW_RE.fullmatch(m.group(0).strip()) else m.group(0), text)
    if "rom" in text or "ROM" in text:
        text = _REPLACED_SPLIT_RE.sub(lambda m: m.group(0)[:m.start("old") - m.start()] + " " * len(m.group("old")), text)
    if "(" not in text:
        return text
    return _RESTATED_RE.sub(lambda m: m.group("pre") + " " * len(m.group("words")), text)


def find_weights(text: str) -> list[Weight]:
    """Every criterion weighting in normalised text, in order of appearance."""
    text = _blank_restated(text)
    taken: list[tuple[int, int]] = []
    weights = _ocds_weights(text, taken) + _notice_weights(text, taken) + _ratio_weights(text, taken) + _column_table_weights(text, taken)
    weights += _block_weights(text, taken)
    weights += _bare_pair_weights(text, taken) + _prose_weights(text, taken) + _inline_group_weights(text, taken)
    weights += _points_weights(text, taken) + _point_choice_weights(text, taken)
    for m in _FORMULA_RE.finditer(text):
        weights.append(Weight("price", float(m.group(1)), m.start(), m.end()))
        taken.append((m.start(), m.end()))

    free = _free_of(taken)

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

    # The kind of the last token on each line (by the line's number), for _label_first: one pass, not one a question.
    breaks = [m.start() for m in re.finditer("\n", text)] if len(tokens) > 2 else []
    last_on_line: dict[int, str] = {}
    for t in tokens:
        last_on_line[bisect_left(breaks, t[0])] = t[2]
    i = 0
    while i < len(tokens) - 1:
        a, b = tokens[i], tokens[i + 1]
        gap = text[a[1]:b[0]]
        if a[2] == "term" and b[2] in ("num", "cell") and _term_gap_ok(text, a, gap, b) and not _bound_or_threshold(text, b) \
                and not _SHARE_OF_THING_RE.match(text, b[1]):
            j = i + 1
            # In a table row "Price | 100% | 40%" the last column is the overall weight.
            while j + 1 < len(tokens) and tokens[j + 1][2] in ("num", "cell") and re.fullmatch(r"[ \t]*[|\t][ \t|]*", text[tokens[j][1]:tokens[j + 1][0]]):
                j += 1
            weights.append(Weight(a[3], tokens[j][3], a[0], tokens[j][1]))
            i = j + 1
            continue
        # A number before a criterion belongs to it, unless the line names its weights label first and the criterion
        # has its own number straight after it: in "Access 16% Social Value 8% Price 20%", 16% is Access's.
        if (a[2] == "num" and b[2] == "term" and "\n" not in gap and _NUM_GAP_RE.match(gap)
                and not _BOUND_RE.search(text[max(0, a[0] - 25):a[0]]) and not _bound_or_threshold(text, a)
                and not _label_first(text, tokens, i, breaks, last_on_line)):
            weights.append(Weight(b[3], a[3], a[0], b[1]))
            i += 2
            continue
        i += 1
    return sorted(weights, key=lambda w: w.start)


_LINE_OPENS_WITH_WORD_RE = regex(r"[^\S\n]*(?:[•*–-]\s*)?[A-Za-z]")
_OWN_NUMBER_GAP_RE = regex(r"[^\S\n]*[:=|–—-]?[^\S\n]*")


def _label_first(text: str, tokens, i: int, breaks: list[int], last_on_line: dict[int, str]) -> bool:
    """Whether the number tokens[i] belongs to the words before it, not to the criterion tokens[i + 1] after it: the
    line opens with a word, the criterion has a number of its own straight after it, words stand before this number,
    and the line ends on a number, as a list of labels and their weights does ("Delivery 30% Price 20% Quality 50%"),
    where one written number first ends on a criterion ("we give 70% quality and 30% price")."""
    num, term = tokens[i], tokens[i + 1]
    line = bisect_left(breaks, num[0])  # the line's number; `breaks` are the text's line breaks, in order
    line_start = breaks[line - 1] + 1 if line else 0
    if i + 2 >= len(tokens) or tokens[i + 2][2] not in ("num", "cell") or not _LINE_OPENS_WITH_WORD_RE.match(text, line_start):
        return False
    if not _OWN_NUMBER_GAP_RE.fullmatch(text, term[1], tokens[i + 2][0]):
        return False
    before = text[line_start:num[0]].rstrip(" \t:=–—-")
    return bool(before) and before[-1].isalpha() and last_on_line.get(line) in ("num", "cell")


# A share of something the service sells, not of the marks: "a fee of 100% of the requested support will apply" (a
# cancellation charge), "a charge of 50% of the hourly rate".
_SHARE_OF_THING_RE = regex(r"\s*(?:%|per\s?cent|percent)?\s+of\s+(?:the\s+|a\s+|an\s+|each\s+)?(?:[\w-]+\s+){0,2}?(?:support|services?|visits?"
                           r"|sessions?|bookings?|appointments?|fees?|rates?|charges?|hours?|amount|invoice|placements?)\b"
                           r"(?!\s+(?:evaluation|score|marks|assessment|quality|criteri\w*|weighting)\b)", re.I)


def _bound_or_threshold(text: str, num) -> bool:
    """'60% or more', 'must score at least 60% on quality': a bound or a pass mark, not a weight."""
    if _AFTER_BOUND_RE.match(text, num[1]):
        return True
    before = re.split(r"[.;!?\n]", text[max(0, num[0] - 40):num[0]])[-1]
    after = re.split(r"[.;!?\n]", text[num[1]:num[1] + 30])[0]
    return _THRESHOLD_RE.search(f"{before} | {after}") is not None


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
    kinds: set[str] = set()  # the criteria of the current set, kept as it grows (not rebuilt: linear)
    for w in weights:
        current = sets[-1] if sets else None
        if current and w.start - current[-1].end <= max_gap:
            complete = {"price", "quality"} <= kinds
            if not (complete and w.criterion in kinds and w.start >= current[-1].end):
                current.append(w)
                kinds.add(w.criterion)
                continue
        sets.append([w])
        kinds = {w.criterion}
    return sets


def scheme(weight_set: list[Weight]) -> dict[str, Weight]:
    """The first weight given for each criterion in a set."""
    out: dict[str, Weight] = {}
    for w in weight_set:
        out.setdefault(w.criterion, w)
    return out
