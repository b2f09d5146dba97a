"""The closed set of rule kinds. Each yields Hits; the engine turns them into Findings.

existence        a pattern in a clause, unless an exception or a negation says otherwise
conditional      a pattern in a clause that has none of the `unless` patterns
award-weighting  a check on the price/quality/social value weights of an award scheme
absence          a document about a service that never mentions something it should
"""

from __future__ import annotations

import bisect
import re
from knowledge.records import dataclass
from collections.abc import Iterator

from .clause_model import ClauseInfo, build as build_model, flat_row, threshold_only, under_results_heading
from .patterns import named, regex
from .rules import Rule
from .segment import Clause
from .service_area import detect_nation
from .weights import Weight, find_weights, scheme, weighting_sets

# Said after a phrase, these turn it into a statement about what not to do.
_NEGATED_AFTER_RE = regex(
    # (Not a clarification that names the lowest again: "the lowest and best bid, which may not necessarily be the lowest bid".)
    # (Nor what else the money does not come through: "are paid at an hourly rate and are not paid under a contract".)
    # (Nor a cap on a share or a wait, a level to keep under: "Abandonment rate will not exceed 10%", "shall not exceed
    # fifteen (15) minutes from time of notification"; a cap on hours of a service or a fee still refuses more.)
    # (Nor a second duty joined on by "and" or "but": "shall operate a library open a minimum of 20 hours per week and
    # shall not close it without notice" sets the hours and then forbids something else; but "… and will not be the only
    # factor" still speaks of the same thing.)
    r"^[^.]{0,60}?(?:(?<!\band\s)(?<!\bbut\s)\b(?:is|are|was|were|does|do|will|would|shall|should|must|can|may)\s+(?:not|never)\b"
    r"|\b(?:is|are|was|were|will|would|shall|should|must|can|may)\s+(?:not|never)(?=\s+be\b))(?!\s+necessarily\s+(?:be\s+)?(?:the\s+)?lowest\b)"
    r"(?!\s+(?:to\s+)?exceed\s+(?:\d{1,3}(?:\.\d+)?\s*(?:%|per\s?cent)|\d{1,3}\s+(?:seconds?|minutes?|mins?)\b|\d{1,3}\s+(?:hours?|days?)\s+(?:from|of|after)\b))"
    r"(?!\s+(?:be\s+)?(?:paid|funded|purchased|bought|covered|included)\s+(?:under|through|via|from|as\s+part\s+of|within)\s+(?:an?\s+|the\s+|any\s+)?"
    r"(?:[\w-]+\s+)?(?:contracts?|block|grants?|frameworks?|agreements?)\b)|^[^.]{0,40}?\b(?:isn't|aren't|doesn't|won't|rarely|seldom)\b"
    r"|^[^.]{0,80}?\b(?:tells? us (?:very )?little|says? (?:little|nothing)|is an output|are outputs|not an outcome|not outcomes)",
    re.I,
)


@dataclass(frozen=True)
class Hit:
    start: int
    end: int


@dataclass
class Document:
    """Everything kinds need, computed once per review."""

    text: str
    clauses: list[Clause]
    _weights: list[Weight] | None = None
    _weight_sets: list[list[Weight]] | None = None
    _model: list[ClauseInfo] | None = None
    _skipped: dict[bool, list[bool]] | None = None
    _nation: str | None = None  # draft_place of the whole text, once ("" when it is not plain)

    def __post_init__(self) -> None:
        self._starts = [c.start for c in self.clauses]

    @property
    def weights(self) -> list[Weight]:
        if self._weights is None:
            self._weights = find_weights(self.text)
        return self._weights

    @property
    def weight_sets(self) -> list[list[Weight]]:
        if self._weight_sets is None:
            self._weight_sets = weighting_sets(self.weights)
        return self._weight_sets

    @property
    def model(self) -> list[ClauseInfo]:
        """What each clause is and where it sits (scoring/clause_model.py), one entry a clause."""
        if self._model is None:
            self._model = build_model(self.clauses)
        return self._model

    def skipped(self, targets_only: bool) -> list[bool]:
        """For each clause, whether no rule of a clause kind can find anything in it: a definition or a
        question; with `targets_only`, also anything that is not a target. Worked out once a review, not
        once a rule and clause (a page of 4,000 short lines asks it of 23 rules)."""
        key = bool(targets_only)
        if self._skipped is None:
            self._skipped = {}
        if key not in self._skipped:
            self._skipped[key] = [info.role in _NEVER_ROLES or (key and not_a_target(info)) for info in self.model]
        return self._skipped[key]

    def clause_index(self, offset: int) -> int:
        """The index of the last clause starting at or before offset (0 before the first)."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def clause_at(self, offset: int) -> Clause | None:
        i = self.index_at(offset)
        return None if i is None else self.clauses[i]

    def index_at(self, offset: int) -> int | None:
        """The index of the clause holding offset (into `clauses` and `model`), or None."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.clauses[i].start <= offset < self.clauses[i].end:
            return i
        return None


_CLOSED_PARENS_RE = regex(r"\([^()]{0,200}\)")
# An example of a service named between commas describes the service, it does not hedge the clause: "in-home models,
# such as family therapy, are billed by the quarter hour" ("some councils, such as ..., pay" stays hedged); nor does
# a worked example of the buyer's own payment rule: "For example, if a visit lasts 20 minutes, we would pay for 20";
# nor an example closed by the next duty of the sentence: "reinvest through initiatives such as teacher training and
# also develop 1,000 new places"; nor a named body given as the example of whose duty follows: "The Ministry of Education,
# for example, is tasked with providing 400,000 pupils with laptops" (its own target, told as one of several).
_APPOSITIVE_EXAMPLE_RE = regex(r"\b(services?|models?|programmes?|programs?|care|support|activities|therapies|interventions)"
                               r"\s*,\s*(?:such\s+as|e\.g\.|for\s+example|including)\s+[^,.;()]{1,40},"
                               r"|\b(?:such\s+as|e\.g\.|for\s+example)\s+[^,.;()]{1,60}?\s(?=and\s+(?:also|then|must|will|shall)\s)"
                               r"|^\W*(?:e\.g\.|for\s+example|for\s+instance)\s*,?\s*(?=if\b[^.]{0,200}?\b(?:we|the\s+(?:council|"
                               r"authority|department|county|commissioner|state))\s+(?:(?:would|will)\s+)?(?:only\s+)?(?:pay|reimburse|fund)\b)"
                               r"|^\W*the\s+(?:[\w'’&-]+\s+){0,7}?[\w'’&-]+\s*,\s*(?:for\s+example|for\s+instance)\s*,"
                               r"(?=\s*(?:is|are|has|have|will|shall|must)\b)",
                               re.I)


# A condition that opens the clause and ends before its duty: "If the family cannot be reached by phone, the provider
# must write to them within 7 days" (its "not" names when the duty applies; it does not refuse the duty).
# (Also closed by "then" with no comma: "In the event that a client does not choose then the practitioner will ...".)
_LEADING_CONDITION_RE = regex(r"^\W*(?:if|where|when|in\s+the\s+event\s+that|should)\b(?:[^,;:()]{1,120},\s*|[^,;:()]{1,120}?\s+(?=then\s))"
                              r"(?=(?:then\s+)?(?:the|a|an|each|all|"
                              r"we|you|they|it|staff|providers?|contractors?|services?|practitioners?|officers?|workers?)\b[^,;]{0,60}?\b(?:must|shall|will|should|is\s+to|are\s+to)\b)",
                              re.I)


# A "not" inside a relative clause describes who or what the duty is for, it does not refuse the duty that follows:
# "conditions which though serious are not immediately life threatening and should be responded to within 19 minutes".
_NEGATED_RELATIVE_RE = regex(r"\b(?:which|that|who)\b[^,;.:()]{0,60}?\b(?:not|never|no\s+longer)\b[^,;.:()]{0,60}?"
                             r"(?=\s+(?:and\s+)?(?:should|must|will|shall|are\s+to|is\s+to|need\s+to)\s)", re.I)


# Emphasis, not a refusal: "not only … but also", "until they not just achieve the target … but sustain it".
_NOT_ONLY_BUT_RE = regex(r"\bnot\s+(?:only|just|merely|simply)\b(?=[^.;]{0,200}?\bbut\b)", re.I)


def _cued(clause: Clause, start: int, hedge_in: str) -> bool:
    """A negation before `start`, a hedge in `hedge_in`, or critique anywhere in the clause."""
    # A "not" inside a closed parenthesis describes something else: "Category B (serious but not life
    # threatening): calls should be answered within 19 minutes".
    # (An emphasis is read in the whole clause, as its "but" comes after the match: "not just achieve the target of 80
    # per cent … but sustain it".)
    emphasis = _NOT_ONLY_BUT_RE.sub(lambda m: " " * len(m.group(0)), clause.text) if "not " in clause.text.lower() else clause.text
    before = _CLOSED_PARENS_RE.sub(" ", named("not_negation").sub(" ", emphasis[: start - clause.start]))
    before = _LEADING_CONDITION_RE.sub(" ", before)
    if "not" in before or "never" in before or "no " in before:
        before = _NEGATED_RELATIVE_RE.sub(" ", before)
    return bool(named("negation").search(before) or named("hedge").search(hedge_in) or named("critique").search(clause.text))


# A condition or the people it is for, said after the duty, does not refuse it: "See you within 20 minutes if you do not
# have an appointment", "visit within 5 days anyone who does not attend". ("which"/"that" stay: "…, which is not enough".)
# (Only a condition on the people served: "… within 14 days if contact is not made" still hangs on a failure.)
_TRAILING_CONDITION_RE = regex(r"\b(?:(?:if|where|when|whenever|unless)\s+(?:you|they|he|she|(?:the\s+|a\s+)?(?:person|people|clients?"
                               r"|customers?|tenants?|residents?|patients?|callers?|applicants?|famil(?:y|ies)|carers?|young\s+people"
                               r"|young\s+persons?|child(?:ren)?)|schools?|(?:the\s+)?(?:centres?|centers?|offices?|clinics?|surger(?:y|ies)"
                               # a time the service runs, named by what is closed then: "provide services when school is not in session"
                               r"|librar(?:y|ies)|buildings?|practices?)(?=\s+(?:is|are)\s+(?:not|never)\s+(?:in\s+session|open)\b))|who)\s+(?:[\w'’-]+\s+){0,2}?"
                               r"(?:is|are|was|were|does|do|did|has|have|can|could|may)\s+(?:not|never)\b"
                               # what the service does if it misses the standard: "… within 33 working days - we will explain
                               # clearly why if (we) are not able to do this", "we will let you know if we cannot"
                               r"|\b(?:explain|tell\s+you|let\s+you\s+know|inform\s+you|contact\s+you|write\s+to\s+you)\b[^.;]{0,40}?"
                               r"\bif\s+(?:we\s+)?(?:are|is|were)?\s*(?:not\s+able|unable|cannot|can['’]?t|do\s+not|don['’]t)\b", re.I)


def negated(clause: Clause, start: int, end: int) -> bool:
    """Whether a match inside a clause is negated, hedged or offered as an example of what to avoid."""
    if _cued(clause, start, hedge_in=_APPOSITIVE_EXAMPLE_RE.sub(r"\1 ", clause.text[: start - clause.start])):
        return True
    after = clause.text[end - clause.start:]
    if "not" in after or "never" in after:
        after = _TRAILING_CONDITION_RE.sub(lambda m: " " * len(m.group(0)), after)
    return bool(_NEGATED_AFTER_RE.search(after))


# Roles whose clauses set nothing: no rule of a clause kind fires on them (a "header" names a table's columns; its rows
# set the figures).
_NEVER_ROLES = {"definition", "question", "header"}
# Roles that are not targets, for rules that only judge targets.
_NOT_TARGET_ROLES = {"report", "definition", "question", "contents"}


def not_a_target(info: ClauseInfo) -> bool:
    """A statistic, definition or question; a field of a report-only list; a row of a results table; an award rule
    weighing price with other factors."""
    if info.role in _NOT_TARGET_ROLES or info.results_table or info.aim or info.unit or info.balanced:
        return True
    if info.role == "heading" and info.headings and under_results_heading(info.headings):
        return True  # a measure's label over its figure under "Indicators & Metrics to Date": a result's name
    return info.report_only_list and info.role != "target"


def _under(pattern, info: ClauseInfo, *above: str, header: bool = False) -> bool:
    """Whether a heading of the clause's path, its lead-in or text `above` the match matches `pattern`; with `header`, its
    table's header too (the cells that name the columns of a row: "Care type | Hourly rate cap for under-fives")."""
    return any(pattern.search(h) for h in (*info.headings, info.lead_in or "", *above)) \
        or (header and bool(info.header) and pattern.search(" | ".join(info.header)) is not None)


def _clause_hits(rule: Rule, doc: Document) -> Iterator[Hit]:
    p = rule.params
    if p.get("kpi_row"):
        yield from _kpi_row_hits(rule, doc)
        return
    patterns = p["patterns"]
    search = patterns.search
    if len(doc.clauses) == 1 and search(doc.clauses[0].text) is None and not (p.get("with_marker") and doc.clauses[0].kind == "item"):
        return  # one clause the rule cannot match (a rewrite's words checked before they are pasted): no model needed
    skipped = doc.skipped(p.get("targets_only"))
    model = doc.model
    counts = rule.category == "output-only"  # a rate line may open on its age band ("3 and 4 year old funding rate = £5.64")
    with_marker = p.get("with_marker")
    only_under = p.get("only_under")
    under_header = bool(p.get("under_header"))
    for i, clause in enumerate(doc.clauses):
        if skipped[i]:
            continue  # nothing here can be a finding of this rule, matched or not (see _threshold_hit): skip the search
        text, base = clause.text, clause.start
        if only_under is not None and "\n" not in text and not _under(only_under, model[i], header=under_header):
            continue  # its patterns open on a line's start (scoring/rules.py): nothing above a match here can qualify it
        # Most clauses match no rule: one search says so without building a list of matches.
        matches = list(patterns.finditer(text)) if search(text) is not None else ()
        if not matches and with_marker and clause.kind == "item":
            line_start = doc.text.rfind("\n", 0, clause.start) + 1
            if clause.start - line_start <= 12:  # the item read again with its own marker ("7. ", "(iv) ")
                text, base = doc.text[line_start:clause.end], line_start
                matches = list(patterns.finditer(text)) if search(text) is not None else ()
        if matches and counts and (_NAMING_NUMBER_HINT_RE.search(text) or _NOUGHT_OR_NOTE_HINT_RE.search(text)
                                   or _PHONE_RE.search(text)):
            # (the match's first figure: "work with 8 to 11 year olds" opens on its verb)
            matches = [m for m in matches if not names_not_counts(text, _first_figure(m))]
        if matches and counts and _DAY_OF_MONTH_RE.search(text):
            matches = [m for m in matches if not _only_days_of_month(text, m)]
        info = model[i]
        if not matches:
            if i and model[i - 1].role == "heading":
                hit = _threshold_hit(rule, doc, i)  # "The goal is 100%." under "1. Days open"
                if hit is not None:
                    yield hit
            continue
        if p["exceptions"] is not None and p["exceptions"].search(text):
            continue
        if p.get("not_under") is not None and _under(p["not_under"], info):
            continue
        if p.get("only_under") is not None and not _under(p["only_under"], info, text[:matches[0].start()], header=under_header):
            continue  # (the lines above the match in its own clause head it too: a title and its row joined by one line break)
        if _label_over_threshold(doc, i):
            continue  # "1. Days open" over "The goal is 100%.": the finding goes on the figure below
        if p["unless"] is not None and p["unless"].search(_blank(text, matches)):
            continue
        if p.get("unless_in_next") and _next_in_block(doc, i) and p["unless"].search(_next_in_block(doc, i).text):
            continue
        for m in matches:
            # A pattern that reads the whole sentence to rule things out points at its part named "at" (the act and its
            # time limit), not at the sentence's first word; where another of the rule's patterns reads the same
            # sentence, that one's words are quoted ("must be assessed within four hours").
            at = m.span()
            if "at" in m.re.groupindex and m.start("at") >= 0:
                inner = search(text, m.start() + 1)
                at = inner.span() if inner is not None and inner.start() < m.end() else m.span("at")
            start, end = max(base + at[0], clause.start), base + at[1]  # (on the item's words, not its marker)
            if p["negation"] and negated(clause, start, end):
                continue
            yield Hit(start, end)
            break  # one finding per rule per clause is enough to act on


_FIGURE_RE = regex(r"\d{1,3}(?:\.\d+)?\s*(?:%|per\s?cent)", re.I)

# A number that names rather than counts, from which a rule's match starts: an age ("Entitlement begins at age 3 and
# ends when …"), the next of a list of ages ("all 3, 4 and 5-year-old children enrolled"), or the next of a list of
# tiers, levels or stages ("Tier 1 and 2 services plus assessment"). The match is not a count of anything.
_NAMING_NUMBER_HINT_RE = regex(r"\b(?:ages?|aged|tiers?|levels?|stages?|phases?|bands?|grades?|lots?|steps?)\b|year[-\s]?olds?", re.I)
_NAMED_LIST_BEFORE_RE = regex(r"(?:\b(?:tiers?|levels?|stages?|phases?|bands?|grades?|lots?|steps?|ages?|aged)\s+\d{1,2}(?:\s*,\s*\d{1,2})*"
                              r"(?:\s*,?\s*(?:and|or|&|to)\s+|[-–/])|\b(?:ages?|aged)\s+)$", re.I)  # ("Tier 2 – 3 hours": a label, then a count)
_AGE_LIST_AFTER_RE = regex(r"\d{1,2}(?:\s*,\s*\d{1,2})*(?:\s*,?\s*(?:and|or|&|to)\s+|[-–])\d{1,2}[-\s]?(?:years?|yrs?)[-\s]?olds?\b", re.I)


def _first_figure(m: re.Match) -> int:
    """Where to look for a naming number: the match's start, or, when the match opens on a word and its only figures are
    one list of ages ("work with 8 to 11 year olds"), where that list starts. A share or a count named in the match
    ("percentage of people aged 15 to 24", "Total number of beneficiaries (aged 24 or below)", "… 6-9 year old youths
    served: 100%") is a count of those people, not an age."""
    d = _DIGIT_RE.search(m.group(0))
    if d is None or d.start() == 0 or _SHARE_OR_COUNT_RE.search(m.group(0)):
        return m.start()
    ages = _AGE_LIST_AFTER_RE.match(m.string, m.start() + d.start())
    return m.start() + d.start() if ages and not _DIGIT_RE.search(m.string, ages.end(), m.end()) else m.start()


_DIGIT_RE = regex(r"\d")
# A lone nought, or a footnote's number glued to the end of a sentence ("(the programme).10 The programme provides").
_NOUGHT_OR_NOTE_HINT_RE = regex(r"(?<![\d.,])0\s|[.)\]\"'”’]\d{1,2}\s")
_NOUGHT_OR_NOTE_RE = regex(r"\d{1,2}(?![\d.,])(?=\s+[A-Z0-9])")
_SHARE_OR_COUNT_RE = regex(r"%|\bper\s?cent|\bpercentage|\bproportion|\bnumber\b|\btotal\b|\brate\b", re.I)
# A telephone number's digit groups, not a count: "contact Entrypoint Perth on 6496 0001 or 1800 124 684", "0800 123 4567".
# (A group of four digits, or a leading nought, sets it apart from thousands written with spaces: "57 269 beneficiaries".)
_PHONE_RE = regex(r"(?<![\d,.])(?:\(?0\d{1,4}\)?[ -]\d{3,4}(?:[ -]\d{3,4})?|\d{4,5}[ -]\d{3,4}(?:[ -]\d{3,4})?"
                  r"|\d{2,3}[ -]\d{4}(?:[ -]\d{3,4})?)(?![\d,.]?\d)")


# A day of a month, or a run of days, is a date, not a count: "External Assessment Panel | 12 – 16 January 2026 |".
_DAY_OF_MONTH_RE = regex(r"(?<![\d,.])\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?)?\s+(?-i:Jan(?:uary)?|Feb(?:ruary)?"
                         r"|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?"
                         r"|Dec(?:ember)?)\b")
_FIGURE_IN_MATCH_RE = regex(r"\d[\d,.]*")


def _only_days_of_month(text: str, m: re.Match) -> bool:
    """Whether every figure in the match is a day of a month (or the first of a run of days), so it counts nothing."""
    days = {d.start() for d in _DAY_OF_MONTH_RE.finditer(text, max(0, m.start() - 8), m.end() + 40)}
    figures = [f.start() for f in _FIGURE_IN_MATCH_RE.finditer(text, m.start(), m.end())]
    return bool(figures) and all(f in days for f in figures)


def names_not_counts(text: str, at: int) -> bool:
    """Whether the number at `at` in `text` names an age, a tier or a stage, or is a nought or a footnote's number,
    rather than counting anything."""
    if not text[at:at + 1].isdigit():
        return False
    if _NOUGHT_OR_NOTE_RE.match(text, at) and (text[at] == "0" or at and text[at - 1] in ".)]\"'”’"):
        return True  # nought ("Bid Security Amount 0 Site Visit") counts nothing; a note's number glued to a sentence's end
    if any(ph.start() <= at < ph.end() for ph in _PHONE_RE.finditer(text, max(0, at - 16), at + 20)):
        return True  # a telephone number ("1800 199 008 (country free call)")
    return bool(_NAMED_LIST_BEFORE_RE.search(text[max(0, at - 40):at])) or bool(_AGE_LIST_AFTER_RE.match(text, at))


def _label_over_threshold(doc: Document, i: int) -> bool:
    """A heading line whose next clause is only a threshold ("1. Days open" / "The goal is 100%."), or a measure's line with
    its note in brackets between them ("% of mail sent by next working day" / "(subject to flights)" / "Requirement: 100%")."""
    if i + 2 < len(doc.clauses) and _NOTE_LINE_RE.fullmatch(doc.clauses[i + 1].text) and _label_over_threshold(doc, i + 1):
        return True
    return doc.model[i].role == "heading" and i + 1 < len(doc.clauses) and threshold_only(doc.clauses[i + 1].text) \
        and bool(doc.model[i + 1].headings) and doc.model[i + 1].headings[-1] == doc.clauses[i].text.strip()


_NOTE_LINE_RE = regex(r"\s*\([^()\n]{3,80}\)\s*")  # a label's note on a line of its own, in brackets


def _threshold_hit(rule: Rule, doc: Document, i: int) -> Hit | None:
    """A clause that is only a threshold ("The goal is 100%.") sets the figure for the measure its label
    line names: try the rule on that label, and point at the figure. Only the first threshold under it."""
    p = rule.params
    if i == 0 or not _label_over_threshold(doc, i - 1):
        return None
    clause, info = doc.clauses[i], doc.model[i]
    if info.role in _NEVER_ROLES or (p.get("targets_only") and not_a_target(info)):
        return None
    if p.get("only_under") is not None and not _under(p["only_under"], info):
        return None
    label = info.headings[-1]
    if i >= 2 and _NOTE_LINE_RE.fullmatch(label):  # "(subject to availability of flights)" under the measure's own line
        label = f"{doc.clauses[i - 2].text}\n{label}"
    m = p["patterns"].search(label)
    if m is None or (p["exceptions"] is not None and p["exceptions"].search(label)):
        return None
    if p["unless"] is not None and p["unless"].search(_blank(label, [m])):
        return None
    fig = _FIGURE_RE.search(clause.text)
    if fig is None:
        return None
    return Hit(clause.start + fig.start(), clause.start + fig.end())


# (or a limit in words: "Instantly", "Same day", "On the spot", under a time limit column)
_TARGET_VALUE_RE = regex(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty)\b"
    r"|^\W*(?:instantly|immediately|forthwith|same\s+day|on\s+the\s+spot|next\s+(?:working\s+)?day)\b", re.I)


# A time-limit column's cell that gives a limit ("Within 3 (three) days after receipt", "15 Working Days", "20 mins"), not
# an account of when a task is done ("Activities are taken approximately 2 (two) months before …").
_LIMIT_VALUE_RE = regex(r"^\W*(?:within|not\s+(?:more|later)\s+than|no\s+(?:more|later)\s+than|max(?:imum|\.)?|up\s+to|by|on|the\s+same"
                        r"|same|\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty"
                        r"|instantly|immediately|forthwith|on\s+the\s+spot|next)\b", re.I)
# A target cell that is a time limit: "1 hour or less", "within 2 working days", "10 Min or less".
_TIME_TARGET_RE = regex(r"^\W*(?:within\s+|not\s+more\s+than\s+|no\s+more\s+than\s+|max(?:imum|\.)?\s+(?:of\s+)?|up\s+to\s+)?"
                        r"(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty)\s*"
                        r"(?:\(\w+\)\s*)?(?:working\s+|calendar\s+|business\s+|clear\s+)?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)\b", re.I)
_COUNT_RE = regex(r"^\W*(?:(?:daily|weekly|monthly|annual)\s+)?(?:average\s+|total\s+)?(?:number|no\.|no(?=\s+of\b)|count|volume)\s+of\b", re.I)


_DESCRIPTION_HEAD_RE = regex(r"\b(?:description|descriptor|background|about\s+the\s+service|what\s+the\s+service\s+does)\b", re.I)


def _measured_cells(info: ClauseInfo, text: str, whole: bool = False) -> str:
    """The row (or the clause's text, `whole`) without the cell of a column that describes the service ("Service
    Description"): the purpose a description tells ("helps young people move to living on their own") is not what
    the row measures or sets."""
    if len(info.cells) > len(info.header) or not any(_DESCRIPTION_HEAD_RE.search(h) for h in info.header):
        return text
    described = [cell for cell, head in zip(info.cells, info.header) if _DESCRIPTION_HEAD_RE.search(head)]
    if not whole:
        return " | ".join(cell for cell, head in zip(info.cells, info.header) if not _DESCRIPTION_HEAD_RE.search(head))
    for cell in described:
        text = text.replace(cell, " ")
    return text


# A charter's column of what the service costs the person who asks for it ("Charges (in KES)", "Fees", "Cost").
_FEE_HEAD_RE = regex(r"\b(?:charges?|fees?|costs?|prices?|tariffs?|amount\s+payable)\b", re.I)


def _unpriced(info: ClauseInfo) -> str:
    """The row's cells without those under a fee column: what a service costs the public ("The actual cost, at least
    Kshs. 500") is not the budget or the price the row is about, so it does not excuse the row's time limit."""
    if len(info.cells) > len(info.header):
        return " | ".join(info.cells)
    return " | ".join(cell for k, cell in enumerate(info.cells)
                      if k >= len(info.header) or not _FEE_HEAD_RE.search(info.header[k]))


# A currency's code or sign alone, what a budget row's money cells open with ("KES", "ZAR", "R", "$").
_CURRENCY_LABEL_RE = regex(r"(?:KES|KSh|KShs|ZAR|NGN|INR|Rs\.?|UGX|TZS|GHS|USD|GBP|EUR|NZD|AUD|CAD|PHP|BTN|Nu\.?|R|N|[$£€₹₦¥])")


# A header over prices of food (convention 7: a price per item of goods is no activity payment): a column of payment, price
# or cost beside meals or food items.
_GOODS_PRICE_HEADER_RE = regex(r"^(?=.*\b(?:rates?\s+of\s+payment|price|cost|payment\s+rate)\b)(?=.*\b(?:meals?|food\s+items?|food)\b)", re.I | re.S)


def _kpi_row_hits(rule: Rule, doc: Document) -> Iterator[Hit]:
    """A table row read as one unit with its header: a target column holding a number or a time, or a
    performance-measure column naming a count, holds the provider to what the row names."""
    p = rule.params
    seen_rows: set[int] = set()
    for clause, info in zip(doc.clauses, doc.model):
        if not info.in_table or not info.cells:
            continue
        target = info.cell("target")
        counted = info.cell("kpi")
        if target and _TARGET_VALUE_RE.search(target) and info.role == "target" \
                and (_LIMIT_VALUE_RE.match(target) or not info.time_limit_column()):
            subject = info.indicator() + "\n" + " | ".join(info.header)
            # "Key Output | KPI", "Indicator | Measured by": the column naming the count held to the target, read first
            named = next((c for c in (counted, info.cell("measure")) if c and _COUNT_RE.match(c)), None)
            if named and named.strip() != info.indicator().strip():
                subject = named + "\n" + subject
            if _TIME_TARGET_RE.match(target):
                subject += "\n" + target  # "Response to emails | 1 hour or less": the target cell is the time limit
        elif counted and _COUNT_RE.match(counted) and info.role not in _NOT_TARGET_ROLES and not info.results_table:
            subject = counted  # a performance-measure column naming a count holds the provider to it
        else:
            continue
        if _CURRENCY_LABEL_RE.fullmatch(info.indicator().strip()):
            continue  # "KES 69,873,240.00" under "Year | Recurrent | Total": a budget's sum, its currency no indicator
        if info.header and _GOODS_PRICE_HEADER_RE.search(" | ".join(info.header)):
            continue  # "Meal | Max Rate of Payment (per child per day) | Minimum number of food items": a price list of food
        start, end = (info.row_start, info.row_end) if info.row_start is not None else (clause.start, clause.end)
        if start in seen_rows:
            continue  # a flattened row is several clauses: one finding for the row
        seen_rows.add(start)
        # Rows of a table pasted with spaces that a copy joined into one clause: each row is read on its own line.
        spaced = info.spaced_row and "\n" in clause.text.strip()
        row = _unpriced(info)
        # A change for people in the row, or in the rows read with it as one clause (for rows pasted with spaces, in
        # the header over them: each of their rows is read on its own), leaves it alone.
        if p["patterns"].search(subject) and not _excused(p, row, _measured_cells(info, row), info.header[0] if spaced
                                                         else _measured_cells(info, clause.text, whole=True)):
            # Point at the indicator the row holds the provider to, not the whole row with its pipes.
            indicator = info.indicator().strip()
            at = doc.text.find(indicator, start, end) if indicator else -1
            yield Hit(at, at + len(indicator)) if at >= 0 else Hit(start, end)
        if spaced and info.role == "target":
            first_end = end if info.row_end is not None else clause.start + clause.text.find("\n", len(clause.text) - len(clause.text.lstrip()))
            yield from _spaced_rows_after(p, clause, info, first_end + 1)


def _excused(p: dict, row: str, *read_with: str) -> bool:
    """Whether a row the rule would hold to its target is left alone: an exception in its cells, or a change for
    people in any text it is read with."""
    return (p["exceptions"] is not None and bool(p["exceptions"].search(row))) \
        or (p["unless"] is not None and any(p["unless"].search(text) for text in read_with))


def _spaced_rows_after(p: dict, clause: Clause, info: ClauseInfo, after: int) -> Iterator[Hit]:
    """The later rows of a table pasted with spaces that share one clause with its first row: each held to the
    header's target column when its own label matches and its own cells name no change for people."""
    at = after
    for line in clause.text[after - clause.start:].split("\n"):
        line_start = at
        at += len(line) + 1
        cells = flat_row(line)
        if cells is None or not any(re.search(r"\d", v) for v in cells[1:]):
            continue
        row = " | ".join(cells)
        if not p["patterns"].search(cells[0] + "\n" + info.header[0]) or _excused(p, row, row, info.header[0]):
            continue
        label_at = line.find(cells[0])
        yield Hit(line_start + label_at, line_start + label_at + len(cells[0]))


def _next_in_block(doc: Document, i: int) -> Clause | None:
    """The clause after clause i, if it belongs to the same paragraph, list or table."""
    if i + 1 < len(doc.clauses) and doc.clauses[i + 1].block == doc.clauses[i].block:
        return doc.clauses[i + 1]
    return None


# What the payment or the target is said not to depend on: "paid … regardless of hospital category and length of hospital
# stay", "irrespective of whether outcomes improve". An outcome named there is not one the clause is tied to.
_REGARDLESS_RE = regex(r"\b(?:regardless|irrespective|independent(?:ly)?)\s+of\b[^.;:,\n|\t]{0,120}", re.I)


# The word that raises a count the match opens on: "Increase the number of practitioners trained on maternal mental
# health" raises the count, not anyone's mental health, so "increase" is not a change named for an outcome.
_RAISES_COUNT_RE = regex(r"\b(?:increas(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|grow(?:s|ing)?|expand(?:s|ed|ing)?|doubl(?:e|es|ed|ing)"
                         r"|boost(?:s|ed|ing)?)\s+(?:the\s+)?(?:total\s+)?$", re.I)
_COUNT_OPENS_RE = regex(r"(?:numbers?|no\.)\s+of\b", re.I)


def _blank(text: str, matches: list[re.Match]) -> str:
    """The clause with the triggering words blanked, so "health checks" cannot count as a health outcome, and what it
    says the money or the count does not depend on ("regardless of length of stay"), and the word that raises the count."""
    spans = [(m.start(), m.end()) for m in [*matches, *_REGARDLESS_RE.finditer(text)]]
    for m in matches:
        if _COUNT_OPENS_RE.match(text, m.start()) and (raised := _RAISES_COUNT_RE.search(text, max(0, m.start() - 40), m.start())):
            spans.append((raised.start(), raised.end()))
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _weighting_hits(rule: Rule, doc: Document) -> Iterator[Hit]:
    check, threshold = rule.params["check"], rule.params["threshold"]
    mentions_social_value = re.search(r"social\s+value", doc.text, re.I) is not None
    for weight_set in doc.weight_sets:
        s = scheme(weight_set)
        price, quality, social = s.get("price"), s.get("quality"), s.get("social")
        hit = None
        if check == "price-majority" and price and price.value > 0:
            if price.value >= threshold or (quality and price.value >= quality.value):
                hit = price
        elif check == "social-value-under" and social and social.value < threshold:
            hit = social
        elif check == "social-value-missing" and price and quality and not social and not mentions_social_value \
                and not _outside_uk(doc):
            # The duty the finding cites is the UK's Social Value Act: a text plainly from elsewhere is not told it.
            hit = Weight("set", 0, weight_set[0].start, weight_set[-1].end)
        if hit and _weight_hedged(doc, hit) and hit.criterion == "price":
            # The same share said again where nothing hedges it: a question heading names the scheme ("What is
            # the 80/20 system?") and the sentence under it sets it ("80% of the points will be awarded for price").
            hit = next((w for w in weight_set if w.criterion == "price" and w.value == hit.value and w.start > hit.start
                        and not _weight_hedged(doc, w)), hit)
        if hit and not _weight_hedged(doc, hit):
            yield Hit(hit.start, hit.end)


def draft_place(doc: Document) -> str:
    """Where the document is plainly from, as a rule's `where` names it ("Scotland", "elsewhere" for outside
    the UK), or "" when that is not plain: read once a review, not once a weight set or a finding."""
    if doc._nation is None:
        nation = detect_nation(doc.text) or ""
        doc._nation = "elsewhere" if nation == "outside the UK" else nation
    return doc._nation


def _outside_uk(doc: Document) -> bool:
    return draft_place(doc) == "elsewhere"


# A preference points system named by its split ("80/20 Preference Point System", "the 90/10 system"), and the words of a
# guide (vocab.yaml's guide_topic) or a heading that make it the topic rather than this tender's scheme: "Complete guide
# to South Africa's 80/20 preference point system", "Understanding the 80/20 System", "When the 80/20 System Applies" (a
# tender's "Bids will be evaluated on the 80/20 preference point system", or a form's "80/20 Preference Point System:"
# over its lines, sets it).
_SYSTEM_NAMED_RE = regex(r"\d{2}\s*/\s*\d{1,2}\b")
_TITLE_SMALL = {"a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "under", "with", "by", "at", "vs", "&"}


def _title_line(text: str) -> bool:
    """A heading in title case on one short line with no stop or colon at its end: "When the 80/20 System Applies"."""
    line = text.strip()
    words = line.split()
    if "\n" in line or not 2 <= len(words) <= 12 or line[-1] in ".:;,":
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _TITLE_SMALL for w in words)


def _weight_hedged(doc: Document, weight: Weight) -> bool:
    i = doc.index_at(weight.start)
    if i is None:
        return False
    clause = doc.clauses[i]
    if doc.model[i].role in _NEVER_ROLES:
        return True  # a guide's account of a method ("Method 1: lowest price" / "Price is 100% of the marks")
    if _SYSTEM_NAMED_RE.match(doc.text, weight.start) and (named("guide_topic").search(clause.text) or _title_line(clause.text)):
        return True  # a points system named as a guide's topic or a heading ("Understanding the 80/20 System"), not applied
    # A weighting is hedged by a cue anywhere in its clause ("Scotland suggests 80:20 for ...", "we used to weight
    # price at 60%"; not "the formula must be used to calculate the points").
    if _cued(clause, weight.start, hedge_in=clause.text):
        return True
    return bool(re.search(r"\b(?:suggest\w*|recommend\w*|may be appropriate|guidance|unlike|previous\w*|(?<!be )(?<!been )(?<!being )(?<!is )(?<!are )used to|last time|replac\w*|depart\w* from|instead)\b",
                          clause.text, re.I))


def _absence_hits(rule: Rule, doc: Document) -> Iterator[Hit]:
    p = rule.params
    if len(doc.clauses) < p["min_clauses"] or p["required"].search(doc.text):
        return
    trigger = p["applies_when"].search(doc.text)
    if trigger:
        at = trigger.start() + len(trigger.group(0)) - len(trigger.group(0).lstrip())
        clause = doc.clause_at(at) or doc.clauses[0]
        yield Hit(clause.start, clause.end)


_KINDS = {
    "existence": _clause_hits,
    "conditional": _clause_hits,
    "award-weighting": _weighting_hits,
    "absence": _absence_hits,
}


def run(rule: Rule, doc: Document) -> Iterator[Hit]:
    return _KINDS[rule.kind](rule, doc)
