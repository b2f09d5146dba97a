"""What a rewrite quotes of the commissioner's own words: the flagged activity with its own number.

A rule may flag from a number that belongs to the words before it ("Schedule 2", "tier 2", "under 5",
a year, a page number in a flattened table) or from a list's lead-in; quoted as it stands, that reads
as a garbled figure the commissioner never wrote. The quote is the activity phrase alone, or nothing.
"""

from __future__ import annotations

import re

from .patterns import regex
from .segment import Clause

# Words that a number belongs to when it follows them: "Schedule 2", "tier 2", "under 5", "ages 0 to 5", "DIS3 10".
_BOUND_BEFORE_RE = regex(
    r"(?:\b(?:schedule|tier|section|part|annex|appendix|page|p\.|phase|stage|level|step|table|clause|article|"
    r"band|grade|year|under|over|aged?|ages|route|ward|zone|lot|region|district|locality|patch)|\d\s*(?:to|-|–)|\b[A-Z]{2,}\d+[a-z]?)\s*$", re.I)
# A year closing a line, and the words that make it a date: "by 2012", "by March 2026", "in 2024/25", "until March 31, 2024".
_DATE_AFTER_RE = regex(r"\W*(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d\d(?:[/–-]\d\d(?:\d\d)?)?\W*$")
_TIME_WORD_BEFORE_RE = regex(r"\b(?:by|in|from|since|until|till|before|after|during|of|end|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct"
                             r"|nov|dec)[a-z]*)\W*$", re.I)
# A price list's line, an item and its one price, the unit left to the list ("Weekday$52.85", "Overnight (Sleepover) $214.03"):
# the item and the price, to be matched whole against a stripped line.
PRICE_LINE_RE = regex(r"([A-Za-z][^\n$£€\d|]{1,80}?)[ \t]*([£$€][ \t]?\d[\d,]*(?:\.\d\d)?)")
_LEADING_NUMBER_RE = regex(r"(?:19|20)\d\d\b|\d[\d,.]*")
# Where a quoted activity may begin once a stray leading number is set aside: a count or rate, or a name.
_ACTIVITY_START_RE = regex(r"(?i:%|per cent\b|percent\b|total\b|number\b|no\.|no(?=\s+of\b)|proportion\b|rate\b)|[A-Z]")
_LABEL_RE = regex(r"(?:(?:key\s+)?(?:performance\s+)?(?:measure|indicator|kpi|spi|pi|ref)\s*)?\d{1,3}[a-z]?\s*[:–—-]\s+", re.I)
# A priority code and its category before a repair line's sentence: "DAM24: Damp - The repairs team will …".
_CODE_LABEL_RE = regex(r"(?-i:[A-Z]{1,6})\d{1,3}[a-z]?\s*:\s+(?:(?-i:[A-Z])[\w'&/]*(?:[ ][\w'&/]+){0,3}[ ]+[–—-][ ]+(?=(?-i:[A-Z])))?",
                       re.I)
# Where a quote stops: the clause moving on ("..., and the contract ...", "... will start on 1 March").
_PEOPLE_WITH = "".join(f"(?<!{w})" for w in ("people", "persons", "adults", "children", "men", "women", "families",
                                              "those", "carers", "clients", "patients", "residents", "pupils",
                                              "referred", "diagnosed", "presenting", "living"))
# "people with a learning disability", "patients referred with a suspected cancer", "living with dementia": who, not a
# second clause
# "courses with 12 young people in each cohort", "groups with up to 10 parents": how many each course takes is part of it.
_PEOPLE_PER_GROUP = (r"(?:up\s+to\s+|at\s+least\s+|a\s+maximum\s+of\s+|around\s+|about\s+)?\d{1,3}\s+(?:[\w-]+\s+){0,2}?(?:people|persons|"
                     r"participants|learners|children|adults|families|parents|carers|clients|pupils|students|places)\b")
# "Over 500 residents", "under 20 visits": over or under a count of people or things, not an age ("aged over 65",
# "under 5s", "under 18 years").
_OVER_UNDER_END_RE = regex(r"(?<!aged )(?<!ages )\b(?:over|under)\s+$", re.I)
# ("over 18.2 million home support hours": a scale word before what is counted)
_COUNTED_RE = regex(r"\d[\d,.]*\s+(?:(?:million|thousand|billion)\b|(?!(?:years?|yrs?|months?|weeks?|days?|hours?|minutes?)\b)[a-z]+s\b)")
# A match that starts at a participle, and the indicator's head before it on the same line.
_PARTICIPLE_START_RE = regex(r"[a-z]+ed\b")
_ENDS_PARTICIPLE_RE = regex(r"[a-z]ed[ \t]+$")
# One word opening a line before the flagged words that says what kind of count it is ("Completed ", "Average ",
# "Minimum "): not an instruction ("Deliver 48 sessions" is quoted from its figure).
_ONE_WORD_LEAD_RE = regex(r"[ \t]*(?:[-*•][ \t]+)?(?:[A-Z][a-z]{1,15}ed|Average|Total|Mean|Median|New|Unique|Unduplicated|Active"
                          r"|Annual|Monthly|Weekly|Quarterly|Minimum|Maximum)[ \t]+")
# A line that opens with a short noun phrase before the participle: "Reviews of kinship carers completed ...".
_NOUN_PHRASE_LINE_RE = regex(r"[ \t]*(?:[-*•][ \t]+)?(?!(?:[\w'’-]+[ \t]+)*?(?:will|shall|must|should|are|is|be|was|were|have|has)\b)"
                             r"[A-Za-z][\w'’-]*(?:[ \t]+[\w'’-]+){0,7}[ \t]+", re.I)
# A list item that opens with what the provider must do ("7. Conduct an evaluation ", "- Contact the family "): an
# instruction, not a sentence with its own subject or a modal verb (those are quoted from the figure or the verb).
_DUTY_LINE_RE = regex(r"[ \t]*(?:(?:\d{1,2}(?:\.[a-z])?[.)]|[a-z][.)]|[-*•])[ \t]+)?((?!(?:The|This|These|All|Each|Every|A|An|We|They|It|"
                      r"Providers?|Contractors?)\b)[A-Z][a-z]+(?:[ \t]+(?!(?:will|shall|must|should|is|are|was|were)\b)"
                      r"[\w'’(),/-]+){0,14}[ \t]+)")
# Where a time limit or a cap on a duty starts: "within 24 hours", "for up to 400 clients", "for a minimum of 15 women".
_LIMIT_START_RE = regex(r"(?:within|for\s+(?:up\s+to|a\s+(?:minimum|maximum)\s+of|at\s+least|no\s+(?:more|fewer|less)\s+than))\s", re.I)
# The start of a time limit or a cap just before its figure: "within ", "within seven (", "for up to ".
_LIMIT_BEFORE_RE = regex(r"\b(?:within|for\s+(?:up\s+to|a\s+(?:minimum|maximum)\s+of|at\s+least))\s+(?:[a-z-]{3,12}\s*\(\s*)?$", re.I)
# A wait named as the measure, before its figure: "A maximum wait of two weeks from referral to treatment" (a quote
# flagged from "two weeks" keeps the name; scoring/rewrite.py reads such a list item as a measure).
WAIT_NAMED = r"(?:an?\s+)?(?:maximum|average|median|mean)\s+(?:wait(?:ing\s+time)?|response\s+time)\s+of\b"
_WAIT_BEFORE_RE = regex(rf"\b{WAIT_NAMED}\s+$", re.I)
_COUNT_START_RE = regex(r"(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty)\b", re.I)
# A lead-in run into an item's line: "Specifications include, but are not limited to: ".
_RUN_IN_LEAD_RE = regex(r"[^\n:]{3,90}:[ \t]+(?=\S)")


def _item_start(text: str, line_start: int, rel: int) -> int:
    """Where an item starts on its line: after a lead-in run into the line, if there is one before `rel`."""
    lead = _RUN_IN_LEAD_RE.match(text, line_start, rel)
    return lead.end() if lead else line_start


_INDICATOR_HEAD_RE = regex(r"\b(?:number|proportion|percentage|share|rate)\s+of\s+[^.;:|\t\n]{1,60}?\s+$", re.I)
# Words that bound the figure after them: a cap, a floor or an estimate.
_QUALIFIER_END_RE = regex(r"\b(?:(?:no|not)\s+(?:more|fewer|less)\s+than|fewer\s+than|less\s+than|more\s+than|up\s+to|at\s+(?:least|most)"
                          r"|(?:a\s+)?(?:minimum|maximum)\s+of|over|under|below|above|around|approximately|about|nearly|almost)\s+$", re.I)
# A modal verb and the verb after it before the figure a quote should start at: "will see 70% of ...",
# "must respond to 95% of ...", "should be 90% of ..." (not a time limit's own word: "shall be assessed within 10 working
# days" keeps what is to be done by then).
_MODAL_LEAD_RE = regex(r"(?:will|shall|must|should)\s+(?:[a-z]+\s+){1,3}?(?<!\bwithin\s)(?<!\bin\s)(?<!\bby\s)(?=\d)", re.I)
# A second standard joined to the first: ", and 95% within 18 weeks", "and 98 per cent ...", or the next year's
# figure: ", 925 young people in Year 2".
_SECOND_SHARE_RE = regex(r",?\s(?:and|with)\s+(?:at\s+least\s+)?\d{1,3}(?:\.\d+)?\s?(?:%|per\s?cent\b)"
                         # the last of the ages or years a count is for: "for children aged 3 and 4."
                         r"|\s(?:and|or)\s+\d{1,2}(?:\s*(?:years?|year-olds?)(?:\s+old)?)?(?=\s*(?:[.,;)]|$))"
                         r"|,\s+(?:and\s+)?\d[\d,]*\s+(?:[a-z]+\s+){0,3}?in\s+(?:year|yr)\s*\d"
                         # a second indicator: "the number of care workers trained …, and the number of providers supported", "… and the
                         # dementia-specific proportion of new hours will increase …"
                         r"|,?\s(?:and|with)\s+the\s+(?:[\w-]+\s+){0,2}?(?:number|proportion|percentage|share|rate)\s+of\s"
                         # a second count of its own kind after "and": "200 youth sessions and 40 holiday activities"
                         r"|\s(?:and|plus)\s+(?:at\s+least\s+)?\d[\d,]*\s+(?!(?:per|a|an|the|of|to|in|on|at|by|for|within|times?"
                         r"|days?|weeks?|months?|years?|hours?|minutes?|mins?|hrs?)\b)(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*s\b"
                         # (not a sentence of its own, told in the past: "and 4 firms submitted complete tender packages", "2,506 groups
                         # were supported"; a verb the two counts share stays: "428 community beds and 177 acute beds will be delivered")
                         r"(?![ \t]+(?:were|was|have|has|had|\w+ed)\b)", re.I)
# (not the full stop of an abbreviation: "from Jan. 1 - Dec. 31", "approx. 40", "e.g. visits", "No. 3")
_ABBREVIATION_DOT = (r"(?<!\bJan)(?<!\bFeb)(?<!\bMar)(?<!\bApr)(?<!\bJun)(?<!\bJul)(?<!\bAug)(?<!\bSep)(?<!\bSept)(?<!\bOct)"
                     r"(?<!\bNov)(?<!\bDec)(?<!\bapprox)(?<!\bNo)(?<!\bno)(?<!\bSt)(?<!\bvs)(?<!\bi\.e)(?<!\be\.g)")
# (not the comma of a run of participles: "care workers attracted, trained and supported"; and a colon that goes on into
# prose about something else is a cut: "… within six weeks: in April, 84.6% of people …")
_CUT_RE = regex(r"[;(]|:(?=[ \t]+(?:in|on|at|by|during|for|from|since|of|and|but|so|as|with|while|whereas)\b)|,(?!\d{3}(?!\d))(?![ \t]+(?:19|20)\d\d\b)(?![ \t]+[a-z]+ed(?:,[ \t]+[a-z]+ed){0,4},?[ \t]+(?:and|or)[ \t]+[a-z]+ed\b)|" + _ABBREVIATION_DOT + r"\.(?=\s)|\s(?:and|but|while|whilst|plus)\s|" + _PEOPLE_WITH + r"\swith\s(?!" + _PEOPLE_PER_GROUP + r")|\s(?:will|shall|must)\s"
                 # (not the level a count is to reach, which is its target: "the number of beds … will increase to 1,179", "… will
                 # increase from 5% in 2021 to 15% in 2023")
                 r"(?!(?:increase|rise|grow|reach|go\s+up|fall|decrease|reduce|drop)\s+(?:from\s+[^.;,]{1,40}?\s+)?to\s+(?:at\s+least\s+)?\d)"
                 # an escape from the standard ("… or as agreed upon between …", "unless otherwise agreed"): not the activity
                 r"|\s(?:or\s+)?(?:as\s+(?:otherwise\s+)?agreed|unless\s+otherwise\s+agreed)\b")


# The figures and column debris after a KPI line's words, to its end: "24 30 30", ": 92% | Target: 95% |",
# "M 1,200 Q3", "(target = 0.30%)". Quoted back, they read as garble; the line's own target is one figure among
# them. Read token by token from the end (a regular expression over the whole tail could backtrack without end).
_DEBRIS_TOKEN_RE = regex(r"[|:*()/=<>≥≤~,–-]{0,8}(?:\d[\d,.]{0,20}%?|%|target|actual|baseline|q[1-4]|[mqy]|n/?a|tbd|tbc|yes|no|rag)?"
                         r"[|:*()/=<>≥≤~,.–-]{0,8}", re.I)
_TOKEN_RE = regex(r"\S{1,200}")
_FIGURE_RE = regex(r"(?<![\w.])\d[\d,]{0,20}(?:\.\d{1,6})?%?")


def figures_tail(text: str, start: int = 0) -> int:
    """Where the figures and debris at the end of text[start:] begin (len(text) when there are none)."""
    cut = len(text)
    for token in reversed(list(_TOKEN_RE.finditer(text, start))):
        if not _DEBRIS_TOKEN_RE.fullmatch(token.group()):
            break
        cut = token.start()
    if cut < len(text):  # and the marks the last word carries into it ("on time**:", "void properties (")
        cut = start + len(text[start:cut].rstrip(" \t\n|:*(/=<>≥≤~,–-"))
    return cut


def split_figures(words: str) -> tuple[str, list[str]]:
    """A KPI line's words and the figures after them: ("Calls answered", ["92%", "95%"]). The words alone
    when fewer than two of them would be left; the line unchanged when it has no such tail."""
    cut = figures_tail(words)
    if cut == len(words) or len(words[:cut].split()) < 2 or _BOUND_BEFORE_RE.search(words[:cut]) \
            or _DATE_AFTER_RE.match(words, cut) and _TIME_WORD_BEFORE_RE.search(words[:cut]):
        # "... linked to Service Route 29", "... aged over 65": the number is the words' own; "... treated by 2012",
        # "... by March 2026": the year a target is set for, not a column of figures
        return words, []
    return words[:cut].rstrip(), _FIGURE_RE.findall(words, cut)


# A match that starts at the unit or scale of a figure ("% of children", "million people"), or at the top of a
# percentage range ("100% of clients" after "90 – "): its figure, or the range's first figure, sits just before.
# (also a unit of time whose figure stands before it: "the 18 week Referral to Treatment standard" flagged from "week")
_SCALED_START_RE = regex(r"\s?(?:%|per\s?cent\b|million\b|thousand\b|billion\b|(?:minutes?|hours?|days?|weeks?|months?)\b)", re.I)
_RANGE_TOP_RE = regex(r"\d[\d,.]*\s?(?:%|per\s?cent\b)", re.I)
_FIG = r"(?:\d{1,3}(?:[ ,]\d{3})+|\d+(?:\.\d+)?)"
_FIGURE_END_RE = regex(rf"(?:{_FIG}\s?%?\s*(?:–|-|to)\s*)?{_FIG}\s*$")
_THOUSANDS_TAIL_RE = regex(r"\d{3}(?![\d,.])")
_THOUSANDS_HEAD_RE = regex(r"(?<![\w.,])\d{1,3}(?: \d{3})* $")
_RANGE_END_RE = regex(r"\d+(?:\.\d+)?\s?%?\s*(?:–|-|to)\s*$")
# The first figure of a range of counts, in digits or words, before the flagged top of it (not a change: "from 10 to").
_COUNT_RANGE_END_RE = regex(r"(?<![\w.,])(?<!\bfrom\s)(?:\d{1,6}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
                            r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty)\s*(?:–|to)\s*$", re.I)
# A numbered label ("KPI 1", "Lot 2", "Objective 3.1", "MI3"), and one set off by a dash at the start of a line
# (never the first digits of a larger figure: "TARGET 15,000 offenders complete programmes" has no label "TARGET 15").
NUMBERED_LABEL = (r"(?i:kpi|spi|pi|mi|lot|output|outcome|objective|target|goal|measure|indicator|standard)"
                  r"[ \t]*#?[ \t]*\d{1,3}(?:\.\d{1,2})?[a-z]?(?![,.]?\d)|[A-Z]{1,5}\d{1,3}[a-z]?(?![,.]?\d)")
_DASH_LABEL_RE = regex(rf"[ \t]*(?:{NUMBERED_LABEL})[ \t]+[-–—][ \t]+")


def _figure_before(before: str, match: str) -> int:
    """How many characters before a match belong to its figure (0: none), read from a short window."""
    if _SCALED_START_RE.match(match):
        found = _FIGURE_END_RE.search(before)
        return len(found.group(0)) if found else 0
    if _THOUSANDS_TAIL_RE.match(match):  # "42 500 people" flagged from "500": a figure grouped with spaces
        found = _THOUSANDS_HEAD_RE.search(before)
        if found:
            return len(found.group(0))
    if _RANGE_TOP_RE.match(match):
        found = _RANGE_END_RE.search(before)
        return len(found.group(0)) if found else 0
    if match[:1].isdigit():  # "Fifteen to 20 hours of contact a month" flagged from "20": the range's first figure
        found = _COUNT_RANGE_END_RE.search(before)
        return len(found.group(0)) if found else 0
    return 0


# The end of a lead-in a list's items read on from: "… we will", "The provider shall", "Services include –".
_RUNS_ON_END_RE = regex(r"(?:[,;/&]|\b(?:and|or|of|in|an?|the|for|with|by|to|from|than|but|not))$", re.I)
_READS_ON_END_RE = regex(r"(?:\b(?:will|shall|must|should|to|include|including|are|is)|[–—-])$", re.I)


# A sentence's subject and its modal verb, before a time limit or the verb of a standard: "Written letters will be",
# "Hospital bill estimates will be made", "The out-patients will be attended to at the pharmacy" (a capital opens it; at
# most eight words of subject, and no figure of its own).
_SUBJECT_MODAL_RE = regex(r"[ \t]*(?:[-*•·][ \t]*)?(?:The[ \t]+|All[ \t]+|Each[ \t]+)?(?-i:[A-Z])[\w'’-]*(?:[ \t]+(?![\d])[\w'’()/-]+){0,7}?"
                          r"[ \t]+(?:will|shall|must|should|(?:are|is)[ \t]+to)(?:[ \t]+be)?(?:[ \t]+[a-z]+){0,4}?[ \t]+", re.I)


# The start of a name in capitals before a flagged word that goes on from it: "An Income Advice " before "Officer will …".
# (an article first: a line's label or a table's cell heading before the words is not part of them, "D38 Percentage …")
_NAME_BEFORE_RE = regex(r"[ \t]*(?:[-*•·][ \t]*)?(?:A|An|The|Our|Your|Each|Every|Any)[ \t]+(?:[A-Z][\w'’&-]*[ \t]+){0,4}")


# A share that is the subject of a modal standard: "At least 80% of pregnant women in each quintile " before "will have
# booked …" (a sentence's whole subject, up to 160 characters, with no stop inside it).
_SHARE_SUBJECT_RE = regex(r"[ \t]*(?:[-*•·][ \t]*)?(?P<subject>(?:(?:at[ \t]+least|a[ \t]+minimum[ \t]+of|no[ \t]+(?:fewer|less)[ \t]+than|"
                          r"more[ \t]+than|over)[ \t]+)?\d{1,3}(?:\.\d+)?[ \t]?(?:%|per[ \t]?cent\b)[ \t]+of[ \t]+[^.;:\n]{3,160}?[ \t]+)"
                          r"(?=$)", re.I)
# A sentence's whole subject before a match that opens on its modal verb: "Feedback to customers " before "will be given
# within 14 days", "All children placed on a supervision order by the SCRA " before "should be seen within 15 days" (a
# capital opens it; at most fifteen words, none with a figure).
_MODAL_START_RE = regex(r"(?:will|shall|must|should)\b", re.I)
_SUBJECT_BEFORE_MODAL_RE = regex(r"[ \t]*(?:[-*•·][ \t]*)?(?P<subject>(?-i:[A-Z])[\w'’-]*(?:[ \t]+(?!(?:will|shall|must|should)\b)"
                                 r"[^\s\d][^\s\d]*){0,14}[ \t]+)")
# An aim or a target "for" something "to" happen, before the flagged time limit: "The target is for first treatment to
# take place " (its subject, at most six words, then "to" and the verb).
_AIM_FOR_RE = regex(r"\b(?:target|aim|goal|standard|expectation|ambition|requirement)s?[ \t]+(?:is|are|will[ \t]+be)[ \t]+for[ \t]+"
                    r"(?P<subject>(?:(?!to\b)[\w'’-]+[ \t]+){1,6}to[ \t]+[a-z]+(?:[ \t]+(?:place|up|out|on))?[ \t]+)$", re.I)
# A line opened by a verb of change and the noun phrase it changes, before the flagged measure: "Increasing antenatal
# care " before "coverage before 20 weeks from 40% …" (the noun's own words, at most four, without the verb).
_CHANGE_LEAD_RE = regex(r"[ \t]*(?:[-*•·][ \t]*)?(?:Increas|Improv|Reduc|Rais|Achiev|Maintain|Expand|Extend|Strengthen)ing[ \t]+"
                        r"(?P<subject>(?:(?!(?:the|a|an|of|to|for|in|on|at|by|with|and|or|from|number|rate)\b)[a-z][\w'’-]*[ \t]+){1,4})", re.I)


def _sentence_start(text: str, line_start: int, rel: int) -> int:
    """Where the sentence holding `rel` starts, within its line."""
    stop = max(text.rfind(". ", line_start, rel), text.rfind("; ", line_start, rel))
    return stop + 2 if stop >= 0 else line_start


def their_words(clause: Clause, start: int, end: int, whole: bool = True) -> str | None:
    """The flagged activity with its own number, through to where the clause moves on; None when the
    flagged words are not an activity phrase (a number that belongs to "Schedule 2" or a year)."""
    match = clause.text[start - clause.start:end - clause.start]
    if "\n" in match.strip():
        first = match.find("\n", len(match) - len(match.lstrip()))
        head = match[:first].strip()
        nxt = match[first + 1:].lstrip(" \t-*•")
        if nxt.lstrip()[:1].islower() and head[-1:].isalpha() and not _READS_ON_END_RE.search(head) and len(head.split()) >= 2:
            pass  # a line a copy wrapped ("Number of new ICPCs" / "constructed and equipped 0 3 1"): one phrase, kept whole
        elif head.endswith(":") or _READS_ON_END_RE.search(head) or len(head.split()) < 2 or not nxt[:1].isupper() \
                or _RUNS_ON_END_RE.search(head):
            # the match runs on from a list's lead-in: the item is the activity
            cut = match.rstrip().rfind("\n") + 1
            start, match = start + cut, match[cut:]
        else:  # it runs on into the next line, another row or item (a capital starts it): the finding's own line
            end, match = start + first, match[:first]
    rel = start - clause.start
    line_start = clause.text.rfind("\n", 0, rel) + 1
    label = _DASH_LABEL_RE.match(clause.text, line_start)
    if label and label.end() <= rel:  # "KPI 1 - 95% of …": the label's number is not the activity's figure
        line_start = label.end()
    before = clause.text[line_start:rel]
    label = _LABEL_RE.match(match) or _CODE_LABEL_RE.match(match)
    if label and label.end() < len(match):  # "Measure 1: daily occupancy": the activity follows the label
        rel += label.end()
        start, match = clause.start + rel, match[label.end():]
    elif ((lead := _LEADING_NUMBER_RE.match(match)) and not (_OVER_UNDER_END_RE.search(before) and _COUNTED_RE.match(match))
          and (_BOUND_BEFORE_RE.search(before) or re.fullmatch(r"(?:19|20)\d\d", lead.group(0)))):
        rest = match[lead.end():].lstrip()
        if not _ACTIVITY_START_RE.match(rest):
            return None
        rel += len(match) - len(rest)
        start, match = clause.start + rel, rest
    if match[:1].isdigit() and (limit := _LIMIT_BEFORE_RE.search(clause.text[max(line_start, rel - 30):rel])):
        # "within seven (7) business days" flagged from its "7) business days": the time limit starts at "within"
        rel -= len(limit.group(0))
        start, match = clause.start + rel, clause.text[rel:rel + len(limit.group(0))] + match
    elif _COUNT_START_RE.match(match) and (wait := _WAIT_BEFORE_RE.search(clause.text[max(line_start, rel - 40):rel])):
        rel -= len(wait.group(0))
        start, match = clause.start + rel, clause.text[rel:rel + len(wait.group(0))] + match
    modal = _MODAL_LEAD_RE.match(match)
    if modal:  # "will see 70% of referrals within 5 days": the activity is what the figure counts
        rel += modal.end()
        start, match = clause.start + rel, match[modal.end():]
    back = _figure_before(clause.text[max(line_start, rel - 40):rel], match)
    if back:  # "98% of children", "3.2 million people", "90 – 100% of clients": the figure is the activity's own
        rel -= back
        start, match = clause.start + rel, clause.text[rel:rel + back] + match
    if rel - line_start <= 20 and _ONE_WORD_LEAD_RE.fullmatch(clause.text[line_start:rel]):
        # "Completed Post-Tests ...", "Average number of ...": the line's first word belongs to what it counts
        lead = clause.text[line_start:rel].lstrip(" \t-*•")
        rel -= len(lead)
        start, match = clause.start + rel, lead + match
    elif (_PARTICIPLE_START_RE.match(match) or (match[:7].lower() == "within " and _ENDS_PARTICIPLE_RE.search(before))) and (
            (head := _INDICATOR_HEAD_RE.search(clause.text[max(line_start, rel - 80):rel]))
            or (rel - line_start <= 70 and (head := _NOUN_PHRASE_LINE_RE.fullmatch(clause.text[line_start:rel])))):
        # "completed within 60 days" flagged inside "the proportion of assessments completed within 60 days"
        rel -= len(head.group(0))
        start, match = clause.start + rel, clause.text[rel:rel + len(head.group(0))] + match
    elif _LIMIT_START_RE.match(match) and rel - (item := _item_start(clause.text, line_start, rel)) <= 100 and (
            duty := _DUTY_LINE_RE.fullmatch(clause.text[item:rel])):
        # "7. Conduct an evaluation within 2 days of intake", "Provide a shelter for up to 400 clients": the duty the
        # time limit or the cap is for, not the limit alone (after a lead-in run into the line: "… include: Provide …")
        rel = item + duty.start(1)
        start, match = clause.start + rel, clause.text[rel:rel + len(duty.group(1))] + match
    if match[:1].isupper() and rel > line_start and (
            name := _NAME_BEFORE_RE.fullmatch(clause.text[_sentence_start(clause.text, line_start, rel):rel])):
        # "An Income Advice Officer will contact you …", flagged from "Officer will …": the role's whole name is the subject
        rel -= len(name.group(0))
        start, match = clause.start + rel, clause.text[rel:rel + len(name.group(0))] + match
    if not match[:1].isdigit() and rel - line_start <= 90 and (
            subject := _SUBJECT_MODAL_RE.fullmatch(clause.text[_sentence_start(clause.text, line_start, rel):rel])):
        # "Hospital bill estimates will be made available within 10 minutes", flagged from "made available within …":
        # what is to be done in the time, and by whom, is part of the standard (without it the quote has no subject)
        rel -= len(subject.group(0))
        start, match = clause.start + rel, clause.text[rel:rel + len(subject.group(0))] + match
    elif not match[:1].isdigit() and rel - line_start <= 200 and (
            found := _SHARE_SUBJECT_RE.fullmatch(clause.text[_sentence_start(clause.text, line_start, rel):rel])
            or _AIM_FOR_RE.search(clause.text[max(line_start, rel - 90):rel])
            or _CHANGE_LEAD_RE.fullmatch(clause.text[line_start:rel])
            or (_MODAL_START_RE.match(match)
                and _SUBJECT_BEFORE_MODAL_RE.fullmatch(clause.text[_sentence_start(clause.text, line_start, rel):rel]))):
        # "At least 80% of pregnant women … will have booked by the 12th week", "The target is for first treatment to
        # take place within three weeks", "Increasing antenatal care coverage before 20 weeks", "Feedback to customers"
        # before "will be given within 14 days": the share, the subject or the noun the flagged words go on from are part
        # of the standard (without them the quote has no subject)
        head = found.group("subject")
        rel -= len(head)
        start, match = clause.start + rel, clause.text[rel:rel + len(head)] + match
    if match[:1].isdigit() and (qualifier := _QUALIFIER_END_RE.search(clause.text[max(line_start, rel - 30):rel])):
        # "fewer than 5% of callers", "up to 40 people": without its qualifier a cap reads as a target
        rel -= len(qualifier.group(0))
        start, match = clause.start + rel, clause.text[rel:rel + len(qualifier.group(0))] + match
    tail = clause.text[rel:]
    # "child(ren)", "parent(s)", "BN(O)s": a bracket inside a word is not where the quote ends (cuts are looked for in a copy
    # with such brackets blanked, of the same length)
    scan = _GLUED_BRACKET_RE.sub(lambda m: m.group(1) + "_" * (len(m.group(0)) - 1), tail) if "(" in tail else tail
    if match[-1:].isalpha() and (glued := _GLUED_BRACKET_RE.match(tail, len(match) - 1)):
        match = tail[:glued.end()]
    cut = _CUT_RE.search(scan[len(match):])
    joins = 3 if whole else 0
    for _ in range(7):
        if cut and (more := _SECOND_SHARE_RE.match(tail, len(match) + cut.start())):
            # "80% ... within 4 weeks, and 98% within 12 weeks", "850 young people in Year 1, 925 in Year 2, and 1,100
            # in Year 3": the later figures belong with the first
            nxt = _CUT_RE.search(scan, more.end())
            cut = _CUT_RE.search(scan[len(match):], nxt.start() - len(match)) if nxt else None
            continue
        # "referrals to specialist drug and alcohol treatment services", "juveniles under deferred prosecution and
        # probation supervision": an "and" inside the noun phrase, not a second clause, does not end the quote
        if not joins or not cut or cut.group().strip() != "and" or not (joined := _JOINED_RE.match(tail, len(match) + cut.end())):
            break
        if " " not in joined.group().strip() and tail[joined.end():joined.end() + 1] not in ("", ".", ";", ")", "\n"):
            break  # "designate … and recapture, withhold or reduce": a run of verbs, not one noun phrase
        joins -= 1
        cut = _CUT_RE.search(scan[len(match):], joined.end() - len(match))
    lines = (tail[: len(match) + cut.start()] if cut else tail).split("\n")
    first_line = lines[0]
    for nxt in (line for line in lines[1:] if line.strip()) if whole else ():  # (a copy's doubled line breaks too)
        # a sentence an exported PDF wrapped mid-phrase goes on: "… provide 15% of reports to courts in a\nshortened format"
        if not (_WRAPPED_END_RE.search(first_line) and nxt[:1].islower()):
            break
        first_line = first_line.rstrip() + " " + nxt.strip()
    own = match.split("\n")[0]
    if len(first_line) < len(own):
        return match
    if len(first_line) <= QUOTE_LIMIT or len(own) >= QUOTE_LIMIT or not whole:
        return first_line if len(first_line) <= QUOTE_LIMIT else match
    return shorten(first_line, QUOTE_LIMIT, len(own)) or match


QUOTE_LIMIT = 140
_GLUED_BRACKET_RE = regex(r"([A-Za-z])\([A-Za-z]{1,4}\)[A-Za-z]*")
# A line that stops inside a phrase: on a lower-case letter or a comma, with no stop after it.
_WRAPPED_END_RE = regex(r"[a-z,][ \t]*$")
# What may follow an "and" inside one noun phrase: words without a figure, a modal verb or a determiner opening a new
# clause, to the phrase's end (punctuation, a line's end, or the next cut) within a short reach; not a price or a
# payment ("beds and per diem rates": the rate is not an activity).
_JOINED_RE = regex(r"(?![^;,.:)(\n]{0,80}?\b(?:rates?|prices?|fees?|costs?|payments?|funding|per\s+diem)\b)"
                   r"(?!(?:the|a|an|this|that|these|those|then|also|it|they|we|will|shall|must|should|may|can|is|are|be"
                   r"|provide|deliver|ensure|report|make|take|keep|maintain|submit|complete)\b)[A-Za-z][\w'’/-]*"
                   r"(?:[ \t]+(?!(?:will|shall|must|should|and|but|or)\b)[A-Za-z][\w'’/-]*){0,8}(?=[ \t]*(?:[;,.:)(]|$|\n))", re.I | re.M)
# Where a long phrase may be shortened: first where its next clause starts (a comma, a dash, "as measured …",
# "divided by …", "unless …"), else before the last preposition that starts its next part.
_CLAUSE_BREAK_RE = regex(r"[,;:]\s|\s[–—-]\s|\s(?=(?:as|who|which|that|where|when|unless|except|if|while|whilst|because|so|but|divided|"
                         r"minus|plus|multiplied|including|excluding)\s)", re.I)
_PHRASE_BREAK_RE = regex(r"\s(?=(?:by|in|during|for|within|to|of|on|at|from|with|and|or|per|after|before|under|over|through|via)\s)", re.I)


def shorten(words: str, limit: int = QUOTE_LIMIT, keep: int = 0) -> str:
    """A phrase longer than `limit` cut where its next clause starts, else at its last phrase break within the limit
    (never inside its first `keep` characters), with an ellipsis; "" when it has no such break. Never mid-word."""
    if len(words) <= limit:
        return words
    low = max(keep, 12)
    clause = _CLAUSE_BREAK_RE.search(words, low, limit)
    phrase = None if clause else [m.start() for m in _PHRASE_BREAK_RE.finditer(words, low, limit)]
    cut = clause.start() if clause else phrase[-1] if phrase else -1
    if cut < 0:
        return ""
    if len(words) <= limit * 3 // 2 and _ANY_FIGURE_RE.search(words, cut):
        # "% of children … within 2 weeks of initial referral", "… referred to at least one source of health care":
        # cut there, the quote would drop the figure the target is about; a little over the limit, it stays whole
        return words
    head = _DANGLING_RE.sub("", words[:cut]).rstrip(" ,;:–—-")
    return head + " …" if len(head) >= low else ""


_NUMBER_WORDS = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)"
# A share, a time limit or a floor, the figures a target is about ("95%", "within 2 weeks", "at least one source"),
# not a table's trailing numbers or a year.
_ANY_FIGURE_RE = regex(r"\bwithin\s+" + _NUMBER_WORDS + r"\b|\bat\s+least\s+" + _NUMBER_WORDS + r"\b|(?<![\w.])\d[\d,.]*\s*"
                       r"(?:%|per\s?cent\b|(?:working\s+|business\s+|calendar\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?)\b)", re.I)
_DANGLING_RE = regex(r"(?:\s+(?:a|an|the|of|to|for|in|on|at|by|with|and|or|from|per|than|minus|plus|divided|multiplied|number|total))+$", re.I)
