"""Is a message a question for the guidance, a draft to review, a call for help, or nothing?

People don't say which: they paste a clause, or type a question in a hurry. The rules are
general: interrogative wording points to a question, the register tenders are written in
(modal verbs, "the provider", targets and weightings, clause numbers, lists, tables) points
to a draft. A prefix (`review:`, `ask:`) settles it when the guess would be wrong."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Intent:
    kind: str  # question | review | help | empty
    text: str  # what to review or answer, with the mention and prefix removed


_MENTION = re.compile(r"^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>[\s,:]*")
# "review:", "Review -", "ask —"; a dash must stand apart, or "review-based commissioning" would count.
_PREFIX = re.compile(r"^(review|ask)\s*(?::|[-–—]+(?=\s|$))\s*", re.IGNORECASE)
# "help", "?", and questions about the bot itself rather than about commissioning.
_HELP = re.compile(
    r"^(?:help(?:\s+please)?|\?+|what can you do|what do you do|how do (?:i|we) use (?:this|you|this bot|tender coach)|"
    r"commands)[\s!.?]*$",
    re.IGNORECASE,
)

_INTERROGATIVE = re.compile(
    r"^(?:how|what|what's|whats|should|can|could|is|are|do|does|did|why|when|which|who|where|"
    r"would|will|shall|must|may|any tips|tell me|explain|help me|need (?:some )?(?:help|advice|guidance)|"
    r"looking for|(?:i|we)(?:'d|'m|'re|\s+would|\s+am|\s+are)?\s+(?:like|want|need|looking for|trying to|"
    r"struggling))\b",
    re.IGNORECASE,
)
_MODAL = re.compile(r"\b(?:will|must|shall|should|is expected to|are expected to|is required to)\b", re.IGNORECASE)
# A modal verb is the tender register unless the writer is talking about themselves or to us:
# "we will retender next year" is a commissioner chatting, "Young people will report…" is a clause.
_PERSONAL = re.compile(r"\b(?:i|i'm|we|we're|we'll|our|us|me|my)\b", re.IGNORECASE)
# A sentence that opens on the parties of a tender is written in its voice: "The Council is seeking…".
_TENDER_SUBJECT = re.compile(
    r"^(?:the\s+)?(?:service\s+)?(?:provider|service|contractor|supplier|council|authority|commissioner|"
    r"successful (?:bidder|tenderer|provider)|bidders?|tenderers?|providers?)\b",
    re.IGNORECASE,
)
# Field labels a specification or scoring grid is laid out with ("Outcome: …", "KPI 3: …").
_FIELD_LABEL = re.compile(
    r"^(?:outcomes?|outputs?|kpis?|targets?|measures?|indicators?|criteri(?:on|a)|weightings?|evaluation|"
    r"award criteria|contract value|price|quality|social value|payment|lot|schedule|section|question)"
    r"(?:\s+\w+){0,2}\s*:",
    re.IGNORECASE,
)
_MEASUREMENT = re.compile(r"\b(?:measured (?:by|using|with|through)|as measured|baseline)\b", re.IGNORECASE)
# What a tender asks of bidders: a word limit, or an instruction addressed to "you".
_WORD_LIMIT = re.compile(r"\(\s*(?:max(?:imum)?\.?\s*)?[\d,]+\s*words\b", re.IGNORECASE)
_INSTRUCTION = re.compile(r"^(?:please\s+)?(?:describe|set out|outline|provide|demonstrate|detail|confirm|"
                          r"explain how you|tell us)\b.*\byour?\b", re.IGNORECASE)
# A short lead-in that asks about, or points at, the text after it: "is this ok:", "thoughts on this?".
_LEAD_IN = re.compile(r"^(?P<lead>[^:?\n]{1,60}[:?])\s+(?P<rest>\S.*)$", re.DOTALL)
_POINTS_AT_TEXT = re.compile(r"\b(?:this|these|the following|below|here's|here is)\b", re.IGNORECASE)
# A request to look over what follows: "please check our maternity clauses:", "can you review the payment terms:".
_CHECK_REQUEST = re.compile(r"^(?:(?:please|pls|can you|could you|would you)\s+)*(?:check|review|look (?:at|over)|"
                            r"have a look(?: at)?|go over|sanity[- ]check|critique|comment on|mark up)\b", re.IGNORECASE)
# A sum of money in any currency, by sign or code ("£20", "$40", "KES 6,000", "Rs. 500", "PHP 4,500"), a rate per unit
# of service, a share, a count per period: the figures tenders are written in.
_FIGURES = re.compile(r"\d\s*%|[£$€₹₦₱]\s*\d|\b(?:USD|EUR|GBP|AUD|NZD|CAD|KES|KSh|Sh|Rs|INR|NPR|PHP|ZAR|NGN|GHS|UGX|TZS)"
                      r"\.?\s?\d|\bKPIs?\b|\btargets?\b|\bper (?:annum|year|month|week|quarter|hour|day|visit|session|case|"
                      r"delivery|person|client)\b", re.IGNORECASE)
_WEIGHTING = re.compile(r"\b(?:price|cost|quality|social value)\b\s*[:(]?\s*\d{1,3}\s*%", re.IGNORECASE)
_NUMBERED = re.compile(r"^\s*\d+(?:\.\d+)+\s", re.MULTILINE)
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+\S", re.MULTILINE)
_TABLE = re.compile(r"\t|\|")
# A KPI's name with its figure, on its line or alone on the next: "Number of clients in treatment: 950", "No of classes
# held" over "120". (A name with no figure may be a question's topic: "number of visits for a carers service".)
_INDICATOR_WITH_FIGURE = re.compile(r"^[ \t]*(?:total\s+)?(?:number|no\.?|#|percentage|proportion)[ \t]+of\b[^\n?]*?"
                                    r"(?:\d[^\n?]*$|\n[ \t]*[\d,.]+[ \t]*%?[ \t]*$)", re.IGNORECASE | re.MULTILINE)
# Sentences, and the part after a colon: "This is what I wrote: Clients will be seen…" holds a clause.
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=\S)")

_LONG_WORDS = 60


def classify(message: str) -> Intent:
    text = _MENTION.sub("", message or "", count=1).strip()
    forced = _PREFIX.match(text)
    if forced:
        rest = text[forced.end():].strip()
        if not rest:
            return Intent("empty", "")
        return Intent("review" if forced.group(1).lower() == "review" else "question", rest)
    if not text:
        return Intent("empty", "")
    if _HELP.match(text):
        return Intent("help", "")
    lead_in = _LEAD_IN.match(text)
    if lead_in and _asks_about_what_follows(lead_in["lead"]) and _is_draft(lead_in["rest"]):
        return Intent("review", lead_in["rest"].strip())
    return Intent("review" if _is_draft(text) else "question", text)


def _asks_about_what_follows(lead: str) -> bool:
    return lead.endswith("?") or bool(_INTERROGATIVE.match(lead) or _POINTS_AT_TEXT.search(lead) or _CHECK_REQUEST.match(lead))


def _is_draft(text: str) -> bool:
    if _layout_of_a_document(text):
        return True
    return any(_declarative(s) and _tender_register(s) for s in _SENTENCE_END.split(text))


def _layout_of_a_document(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    return (len(text.split()) > _LONG_WORDS or len(_BULLET.findall(text)) >= 2
            or bool(_NUMBERED.search(text)) or (len(lines) >= 2 and bool(_TABLE.search(text)))
            or bool(_INDICATOR_WITH_FIGURE.search(text)))


def _declarative(sentence: str) -> bool:
    return not sentence.rstrip().endswith("?") and not _INTERROGATIVE.match(sentence.strip())


def _tender_register(sentence: str) -> bool:
    sentence = sentence.strip()
    return bool(_WEIGHTING.search(sentence) or _FIGURES.search(sentence) or _FIELD_LABEL.match(sentence)
                or _MEASUREMENT.search(sentence) or _WORD_LIMIT.search(sentence) or _INSTRUCTION.match(sentence)
                or _TENDER_SUBJECT.match(sentence)
                or (_MODAL.search(sentence) and not _PERSONAL.search(sentence)))
