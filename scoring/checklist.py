"""The checklist score: how far a draft is from an outcome-focused tender, and what is missing.

Items are data (checklist.yaml). Each decides from the text whether it can be assessed:
a single award-criteria clause cannot show co-production, so that item is n/a and leaves
the denominator. The score is 0-100 over assessable items, or None when none are.

An item is met only by a *statement* that does what it asks, and that clause is shown as the
evidence. What is not a statement never counts: headings and label lines, front matter,
tables of contents, reference lists, glossary entries, and URLs (blanked before matching).
An item's `ignore` phrases are blanked first, so "learning disability" cannot stand for a
learning culture; a statement that says the opposite ("will not be reviewed") does not count;
and, for items that ask for outcomes, a statistic or a finding about the past is background,
not a commitment. Silence is never met: it is missing or n/a, as each item says.
"""

from __future__ import annotations

import os
import re
from knowledge.records import dataclass
from functools import lru_cache

from knowledge import diskcache

from .errors import RuleError
from .kinds import Document
from .patterns import compile_any, regex
from .report import ChecklistItem, Finding, Score
from .segment import Clause
from .weights import Weight, scheme

CHECKLIST_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "checklist.yaml")  # a str: no pathlib in a review
STATUS_VALUE = {"met": 1.0, "partial": 0.5, "missing": 0.0}
SILENT = ("missing", "n/a")  # what silence may mean; never met, never partial
SIGNALS = ("quality-first", "social-value-10", "outcome-targets-outputs-reported")
_KEYS = {"id", "title", "weight", "guidance", "applies_when", "min_clauses", "positive", "needs", "near", "near_words", "requires", "ignore",
         "unless", "negation", "background", "signals", "negative", "silent"}
_MAX_EVIDENCE = 3


@dataclass(frozen=True)
class Item:
    id: str
    title: str
    weight: float
    guidance: tuple[str, ...]
    applies_when: object
    min_clauses: int
    positive: object  # a statement matching any of these is evidence ...
    needs: object  # (a quick test: a text without all of these has no evidence)
    near: object  # ... with one of these within near_words words of the match (when given) ...
    near_words: int
    requires: object  # ... if it also matches one of these (when given) ...
    ignore: object  # ... after these phrases are blanked out of it ...
    unless: object  # ... and it matches none of these
    negation: bool  # a negated statement is not evidence
    background: bool  # a statistic or finding about the past is not evidence
    signals: tuple[str, ...]
    negative: tuple[str, ...]
    silent: str


def _expand_terms(patterns: list[str], terms: dict[str, str]) -> list[str]:
    """Replace {name} for the checklist's own terms; other names are left for vocab.yaml."""
    out = []
    for p in patterns:
        for _ in range(4):
            new = re.sub(r"\{([a-z_]+)\}", lambda m: f"(?:{terms[m.group(1)]})" if m.group(1) in terms else m.group(0), p)
            if new == p:
                break
            p = new
        out.append(p)
    return out


def _item(raw: dict, where: str, terms: dict[str, str]) -> Item:
    if not isinstance(raw, dict):
        raise RuleError(f"{where}: each checklist item must be a mapping")
    where = f"{where}: item '{raw.get('id', '?')}'"
    unknown = set(raw) - _KEYS
    if unknown:
        raise RuleError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for key in ("id", "title", "weight", "applies_when", "silent"):
        if key not in raw:
            raise RuleError(f"{where}: missing required key '{key}'")
    if not isinstance(raw["weight"], (int, float)) or raw["weight"] <= 0:
        raise RuleError(f"{where}: key 'weight' must be a positive number")
    if raw["silent"] not in SILENT:
        raise RuleError(f"{where}: key 'silent' must be one of {', '.join(SILENT)} (silence is never met)")
    bad = set(raw.get("signals", [])) - set(SIGNALS)
    if bad:
        raise RuleError(f"{where}: key 'signals' has {', '.join(sorted(bad))}; known: {', '.join(SIGNALS)}")

    def patterns(key: str):
        return compile_any(_expand_terms(list(raw.get(key, []) or []), terms), f"{where}: {key}")

    return Item(
        raw["id"], raw["title"], float(raw["weight"]), tuple(raw.get("guidance", [])),
        patterns("applies_when"), int(raw.get("min_clauses", 1)), patterns("positive"),
        tuple(compile_any([p], f"{where}: needs") for p in _expand_terms(list(raw.get("needs", []) or []), terms)),
        patterns("near"),
        int(raw.get("near_words", 12)), patterns("requires"),
        patterns("ignore"), patterns("unless"), bool(raw.get("negation", True)), bool(raw.get("background", False)),
        tuple(raw.get("signals", [])), tuple(raw.get("negative", [])), raw["silent"],
    )


@lru_cache(maxsize=2)
def load_checklist(path: str | os.PathLike = CHECKLIST_PATH) -> tuple[Item, ...]:
    try:
        raw = diskcache.yaml_data(diskcache.file_bytes(path))
    except diskcache.BadYaml as exc:
        raise RuleError(f"{path}: not valid YAML ({exc})") from None
    terms: dict[str, str] = {}
    if isinstance(raw, dict):  # {terms: {...}, items: [...]}; a bare list of items is fine too
        terms = {str(k): str(v) for k, v in (raw.get("terms") or {}).items()}
        raw = raw.get("items")
    if not isinstance(raw, list) or not raw:
        raise RuleError(f"{path}: the checklist must be a list of items")
    items = tuple(_item(r, str(path), terms) for r in raw)
    if len({i.id for i in items}) != len(items):
        raise RuleError(f"{path}: checklist item ids must be unique")
    return items


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# --- which clauses are statements ------------------------------------------------------------

_URL_RE = regex(r"(?:https?://|ftp://|www\.)\S+|\b[\w.-]+\.(?:gov|org|nhs|ac|co)\.uk(?:/\S*)?", re.I)
_TERMINAL_RE = regex(r"[.!?;:][\"')\]*_]*$")
_MODAL_RE = regex(r"\b(?:will|shall|must|should|would|can|may|aims?|expects?|expected)\b", re.I)
_META_LABEL = (
    r"title|reference|ref|contract\s+(?:term|period|length|duration|reference|value|number|start)|term|duration|"
    r"procedure|procurement\s+route|version|date|author|owner|status|keywords?|classification|(?:indicative\s+)?"
    r"(?:annual\s+)?budget|value|lot|review\s+date|issue\s+date|effective\s+date|document|department|directorate|"
    r"service\s+area|prepared\s+by|approved\s+by|lead\s+officer|contact|commissioner"
)
_LABEL_LINE_RE = regex(rf"^[\W\d]*(?:{_META_LABEL})\s*:?\**\s*:\s*\S|^[\W\d]*\**(?:{_META_LABEL})\s*:\**\s", re.I)
_ANY_LABEL_LINE_RE = regex(r"^[\W\d]*\**[A-Z][\w ()/&'-]{0,40}?:\**\s+\S")
_TOC_LINE_RE = regex(r"(?:\.{4,}|…{2,}|(?:\.\s){4,})\s*\d{1,4}\s*$|\t\s*\d{1,4}\s*$")
_NOT_EVIDENCE_SECTION_RE = regex(
    r"^[\W\d]*(?:(?:appendix|annex|schedule)\s+[\w.]+\s*[:.-]?\s*)?(?:references?|bibliography|further\s+reading|"
    r"sources(?:\s+of\s+information)?|useful\s+(?:links|resources|documents)|links|glossary(?:\s+of\s+terms)?|"
    r"definitions(?:\s+and\s+interpretation)?|interpretation|abbreviations|acronyms|(?:table\s+of\s+)?contents)\W*$",
    re.I,
)
_REFERENCE_RE = regex(r"^[\W\d]*[A-Z][^.!?\n]{0,80}?\((?:19|20)\d\d[a-z]?\)[.,]?\s")
_GLOSSARY_RE = regex(
    r"^[\W\d]*[A-Z][\w' ()/-]{1,40}?\s*(?:\s[-–]\s|:\s)\s*(?:a|an|the|how|what|when|where|any|means|refers)\b"
)
_BACKGROUND_RE = regex(
    r"\b(?:found|showed|shows that|show that|according to|surveys?|census|last year|in (?:19|20)\d\d|"
    r"(?:19|20)\d\d(?:/\d\d)?\s+(?:JSNA|needs assessment|survey|data|figures)|currently|at present|historically)\b",
    re.I,
)
_INTENT_RE = regex(r"\b(?:will|shall|must|should|aims?|expect\w*|targets?|so that|commissioned to|we want)\b", re.I)
_NEGATION_RE = regex(
    r"\b(?:will|shall|must|should|would|can|may|are|is|were|was|have|has|had)\s+not\b|\bnot\s+(?:be|been|to)\b|"
    r"\b(?:won't|cannot|can't|isn't|aren't|wasn't|weren't|haven't|hasn't|shouldn't|mustn't|never)\b|"
    r"\bno\s+(?:requirement|expectation|plans?|need|obligation)\b",
    re.I,
)


def _blank(text: str, pattern: re.Pattern | None) -> str:
    if pattern is None:
        return text
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _line_of(text: str, clause: Clause) -> str:
    """The line(s) a clause sits on, list marker and all (at most 40 characters either side)."""
    start = max(text.rfind("\n", max(0, clause.start - 40), clause.start) + 1, clause.start - 40, 0)
    end = text.find("\n", clause.end, clause.end + 40)
    return text[start:min(len(text), clause.end + 40) if end < 0 else end]


_MARKER_RE = regex(r"^[ \t#>*_•◦▪‣●○■□·+-]*(?:(?:section|part|schedule|appendix|annex)\s+)?(?:[\dA-Za-z]{1,3}(?:\.\d{1,3})*[.):]?)?[ \t*_]*$", re.I)
_NUMBERED_RE = regex(r"^[ \t#]*(?:(?:section|part|schedule|appendix|annex)\s+)?\d{1,3}(?:\.\d{1,3})*[.)]?\s", re.I)


def _is_heading(clause: Clause, line: str, lone: bool) -> bool:
    """A heading or a label: one short line without a sentence's closing punctuation.

    A bulleted line stays a statement ("- people feel less lonely"); a numbered one is a heading.
    """
    if clause.kind == "heading":
        return True
    if lone or clause.kind == "row" or "\n" in clause.text:
        return False
    if clause.kind == "item" and not _NUMBERED_RE.match(line):
        return False
    body = clause.text.strip()
    at = line.find(body)
    # Alone on its line: nothing after it, and at most a number or marker before it.
    if at < 0 or line[at + len(body):].strip() or not _MARKER_RE.match(line[:at]):
        return False
    text = body.strip("*_ ")
    return not _TERMINAL_RE.search(text) and len(text.split()) <= 12


def _front_matter(clause: Clause) -> bool:
    lines = [ln for ln in clause.text.split("\n") if ln.strip()]
    return bool(lines) and all(_LABEL_LINE_RE.match(ln) for ln in lines)


def statements(doc: Document) -> list[tuple[Clause, str]]:
    """Each clause that states something, with the text evidence is looked for in (URLs blanked)."""
    out = []
    lone = len(doc.clauses) == 1
    skip_section = False
    in_front = True  # label lines before the first real sentence are front matter
    yaml_front = doc.text.lstrip().startswith("---") and doc.text.count("---") >= 2
    yaml_end = doc.text.find("---", doc.text.find("---") + 3) if yaml_front else -1
    for clause in doc.clauses:
        if clause.start < yaml_end:
            continue
        line = _line_of(doc.text, clause)
        if _is_heading(clause, line, lone):
            skip_section = bool(_NOT_EVIDENCE_SECTION_RE.match(clause.text.strip()))
            continue
        if skip_section or _front_matter(clause):
            continue
        lines = [ln for ln in clause.text.split("\n") if ln.strip()]
        if in_front and all(_ANY_LABEL_LINE_RE.match(ln) for ln in lines) and not _MODAL_RE.search(clause.text):
            continue
        if any(_TOC_LINE_RE.search(ln) for ln in line.split("\n")) and not _MODAL_RE.search(clause.text):
            continue
        if clause.text.rstrip().endswith("?"):
            continue  # a question asks; it does not state
        if (_REFERENCE_RE.match(clause.text) or _GLOSSARY_RE.match(clause.text)) and not _MODAL_RE.search(clause.text):
            continue
        if _TERMINAL_RE.search(clause.text.strip()) and len(clause.text.split()) >= 6:
            in_front = False
        out.append((clause, _blank(clause.text, _URL_RE)))
    return out


def _evidence(item: Item, text: str) -> bool:
    """Whether one statement's text does what the item asks."""
    text = _blank(text, item.ignore)
    # The clause-wide tests first: they are cheap, and most clauses fail one of them.
    if not all(n.search(text) for n in item.needs):
        return False
    if item.requires is not None and not item.requires.search(text):
        return False
    if item.unless is not None and item.unless.search(text):
        return False
    if item.background and _BACKGROUND_RE.search(text) and not _INTENT_RE.search(text):
        return False
    m = next((m for m in item.positive.finditer(text) if _near(item, text, m)), None)
    if m is None:
        return False
    return not (item.negation and _NEGATION_RE.search(text, 0, m.end()))


def _near(item: Item, text: str, m: re.Match) -> bool:
    """Whether item.near occurs in the match or within item.near_words words either side of it."""
    if item.near is None:
        return True
    n = item.near_words
    before = re.search(rf"(?:[\w'&-]+\W+){{0,{n}}}$", text[max(0, m.start() - 16 * n):m.start()])
    after = re.match(rf"\W*(?:[\w'&-]+\W*){{0,{n}}}", text[m.end():m.end() + 16 * n])
    return item.near.search(before.group(0) + text[m.start():m.end()] + after.group(0)) is not None


# --- award weightings: the one place the checklist reads weights (see scoring/weights.py) ------

def _weighed(item, doc: Document) -> bool:
    """An award weighting was found that this item can be judged on, even where it earns no credit:
    a price or quality weight for quality-first, any weighting for social value."""
    if not {"quality-first", "social-value-10"} & set(item.signals):
        return False
    schemes = [s for s, _ in award_schemes(doc)]
    if "quality-first" in item.signals:
        return any(s.get("price") or s.get("quality") for s in schemes)
    return bool(schemes)


def award_schemes(doc: Document) -> list[tuple[dict[str, Weight], str]]:
    """Each award scheme in the document as {criterion: Weight} with the text it was read from.

    The checklist's only use of scoring/weights.py: Document.weight_sets groups weights into
    schemes and weights.scheme() picks the first weight per criterion.
    """
    return [(scheme(ws), doc.text[ws[0].start:ws[-1].end]) for ws in doc.weight_sets]


def _signal_evidence(signal: str, doc: Document, found: dict[str, list[str]], negatives: list[str]) -> list[str]:
    out = []
    if signal == "outcome-targets-outputs-reported":
        # Outcome targets stated, and outputs only reported: but not where outputs are targets too.
        if not negatives and found.get("_outcome-targets") and found.get("_outputs-reported"):
            out.append(found["_outcome-targets"][0])
            out.append(found["_outputs-reported"][0])
        return out
    for s, text in award_schemes(doc):
        price, quality, social = s.get("price"), s.get("quality"), s.get("social")
        if signal == "quality-first" and price and price.value <= 40 and (not quality or quality.value >= price.value):
            out.append(_short(text))
        if signal == "quality-first" and not price and quality and quality.value >= 60:
            out.append(_short(text))
        if signal == "social-value-10" and social and social.value >= 10:
            out.append(_short(doc.text[social.start:social.end]))
    return out


_OUTCOME_TARGET_RE = regex(r"\d+(?:\.\d+)?\s*(?:%|per\s?cent)|\bat least \d|\bby \d", re.I)
_OUTPUTS_REPORTED_RE = regex(
    r"\b(?:report|record|tell|monitor|collect|provide|share)\w*\s+(?:[\w'-]+\s+){0,8}?"
    r"(?:how many|the numbers? of|numbers? of|outputs?|activity (?:data|figures|levels|numbers)|attendance figures)",
    re.I,
)


def _counts_against(item: Item, finding: Finding) -> bool:
    return finding.rule in item.negative or finding.category in item.negative


def assess(doc: Document, findings: tuple[Finding, ...] | list[Finding]) -> Score:
    items = load_checklist()
    memo: dict[int, bool] = {}  # items share patterns: search the whole text once per pattern

    def in_text(pattern: re.Pattern) -> bool:
        if id(pattern) not in memo:
            memo[id(pattern)] = pattern.search(doc.text) is not None
        return memo[id(pattern)]

    stated: list[tuple[Clause, str]] | None = None
    found: dict[str, list[str]] = {}
    for item in items:
        evidence = []
        # A search of the whole text first: most items are settled without visiting every clause.
        if item.positive is not None and all(in_text(n) for n in item.needs) and in_text(item.positive):
            stated = statements(doc) if stated is None else stated
            # Outcome statements also tell whether an outcome *target* is set (for outputs-secondary).
            want_target = item.id == "outcomes-stated"
            for clause, text in stated:
                if len(evidence) >= _MAX_EVIDENCE and not (want_target and _OUTCOME_TARGET_RE.search(text)):
                    continue
                if _evidence(item, text):
                    evidence.append(_short(clause.text))
                    if want_target and _OUTCOME_TARGET_RE.search(text):
                        found["_outcome-targets"] = [_short(clause.text)]
                        want_target = False
                    if len(evidence) >= _MAX_EVIDENCE and not want_target:
                        break
        found[item.id] = evidence
    if "_outcome-targets" in found:
        found["_outputs-reported"] = [_short(c.text) for c, text in stated or [] if _OUTPUTS_REPORTED_RE.search(text)]

    results = []
    for item in items:
        positives = found[item.id][:_MAX_EVIDENCE]
        negatives = [f"{f.rule}: {_short(f.match, 60)}" for f in findings if _counts_against(item, f)]
        for signal in item.signals:
            if signal == "outcome-targets-outputs-reported" and positives:
                continue  # a statement that outputs are secondary says it already
            positives += _signal_evidence(signal, doc, found, negatives)
        applicable = bool(positives or negatives) or _weighed(item, doc) or (
            item.applies_when is not None and len(doc.clauses) >= item.min_clauses and in_text(item.applies_when)
        )
        if not applicable:
            status = "n/a"
        elif positives and not negatives:
            status = "met"
        elif positives and negatives:
            status = "partial"
        elif negatives:
            status = "missing"
        else:
            status = item.silent
        # Partly met: what counts against it first, then the statement that counts for it.
        evidence = negatives[:_MAX_EVIDENCE - 1] + positives[:1] if status == "partial" else (negatives or positives)
        results.append(ChecklistItem(item.id, item.title, status, tuple(evidence[:_MAX_EVIDENCE])))

    weights = {i.id: i.weight for i in items}
    assessed = [r for r in results if r.status != "n/a"]
    value = None
    if assessed:
        total = sum(weights[r.id] for r in assessed)
        value = round(100 * sum(weights[r.id] * STATUS_VALUE[r.status] for r in assessed) / total)
    return Score(value=value, items=tuple(results))
