"""review(text) -> Report: normalise, segment, run the rule pack, apply suppressions."""

from __future__ import annotations

import re
from collections import Counter
from knowledge.records import dataclass, replace

from knowledge.catalog import UK, passage
from knowledge.outcome_library import Area

from .checklist import assess
from .clause_model import told_not_set
from .config import Config
from .draft_text import notice_findings, other_language
from .errors import InputError
from .fit import cell_paragraph_row, place_of
from .kinds import Document, Hit, draft_place, run
from .learned_thresholds import any_on as learned_on
from .normalize import foreign_sums, normalize, sum_start
from .patterns import regex
from .report import Finding, Report
from .rewrite import _MOST_RATE_ROWS, base_rate, document_area, join_run_rows, plain_rate_row, rate_rows, rate_rows_text, rates_below, rewrite
from .rules import Rule, load_rules
from .segment import Clause, LineIndex, segment

_IGNORE_RE = regex(r"tender-coach:\s*ignore\b([^\n>\])]*)", re.I)
_MARKER_ONLY_RE = regex(r"^[\s<!\-\[(]*tender-coach:\s*ignore\b[^\n]*?[\s\->\])]*$", re.I)
_LEVEL_ORDER = {"error": 0, "warning": 1, "suggestion": 2}


def _ignores(clauses: list[Clause]) -> dict[int, set[str] | None]:
    """Clause index -> the rule ids/categories ignored there (None: all of them)."""
    out: dict[int, set[str] | None] = {}
    for i, clause in enumerate(clauses):
        m = _IGNORE_RE.search(clause.text)
        if not m:
            continue
        names = set(re.findall(r"[a-z][a-z-]*(?:/[a-z0-9-]+)?", m.group(1).lower())) or None
        target = i + 1 if _MARKER_ONLY_RE.match(clause.text) else i
        out[target] = names
    return out


# A line saying a price list's payment is partly tied to outcomes: the hourly-rate rule's own exception, and the sentence
# a kept rate table's suggestion puts under its rows ("These rates stay the base rates, with part of the payment …").
_LINKED_PAY_RE = regex(r"\boutcomes?[-\s]based\b|\blinked\s+to\s+(?:outcomes\b|whether\b)|\bpayment\s+by\s+results\b"
                       r"|\b(?:these|this)\s+(?:rates|fees|rate|fee)\s+stays?\s+the\b", re.I)
# The rules a line like that answers for the rows above it: pay by the unit, with no outcome part.
_RATE_RULES = frozenset({"cost-first/hourly-rate", "output-only/payment-per-activity"})
_ROWS_UP = 60
_LINE_END = (".", ":", ";", "?", "!")


def _linked_rows(clauses: list[Clause], text: str) -> set[int]:
    """The clauses of a price list's rows with a line right under them (in the same block) that ties part of the payment
    to outcomes: the list is read with that line, as a commissioner writes a table and the note under it. So a kept
    table pasted back ("| Day support | £18.00 | per hour |" over "These rates stay the base rates, with …") is not
    flagged again."""
    if _LINKED_PAY_RE.search(text) is None:
        return set()
    out: set[int] = set()
    for i, clause in enumerate(clauses):
        if not i or _price_list_line(clause) or not _LINKED_PAY_RE.search(clause.text[:600]):
            continue
        j = i - 1
        while j >= 0 and i - j <= _ROWS_UP and clauses[j].block == clause.block and _price_list_line(clauses[j]):
            out.add(j)
            j -= 1
    return out


def _price_list_line(clause: Clause) -> bool:
    """A table row, or a line of a price list: cells parted by bars or tabs, or one line of figures with no sentence end."""
    words = clause.text.strip()
    return clause.kind == "row" or "|" in words or "\t" in words \
        or ("\n" not in words and len(words) <= 200 and not words.endswith(_LINE_END) and any(ch.isdigit() for ch in words))


def _suppressed(ignored: set[str] | None, rule: Rule) -> bool:
    return ignored is None or rule.id in ignored or rule.category in ignored


def _explained(rule: Rule, place: str) -> tuple[str, tuple[dict[str, str], ...]]:
    """A finding's `why` and guidance for a draft from `place`: the rule's own text for that place, and only
    passages that apply there. England's Care Act or the Procurement Act is not cited to a council in Scotland
    or a county in Ohio (a rule's `where` says what is, or passages for one nation only are dropped); where the
    draft is from is not plain, everything is kept."""
    if place in rule.where:  # the rule's own choice for that place, taken as written
        why, ids = rule.where[place]
        return why, tuple(p.citation() for gid in ids if (p := passage(gid)) is not None)
    why, ids = rule.why, rule.guidance
    passages = [p for gid in ids if (p := passage(gid)) is not None]
    if place == "elsewhere":
        passages = [p for p in passages if p.jurisdictions == (UK,)]  # general advice, not one nation's law
    elif place:
        passages = [p for p in passages if UK in p.jurisdictions or place in p.jurisdictions]
    return why, tuple(p.citation() for p in passages)


# The services whose commissioners home care's passages speak to; a draft plainly for another service (an appropriate
# adult service paid by the hour, a hostel paid by the night) is not sent to advice about care visits.
_HOMECARE_READERS = frozenset({"homecare", "adult-social-care", "older-people", "disability", "carers", "general"})


def _guidance_for_service(findings: list[Finding], area_key: str) -> list[Finding]:
    """Drop home care's passages from findings on a draft for another named service, where others remain."""
    if area_key in _HOMECARE_READERS:
        return findings
    out = []
    for f in findings:
        kept = tuple(g for g in f.guidance if (p := passage(g["id"])) is None or p.topic != "homecare")
        out.append(replace(f, guidance=kept) if kept and len(kept) < len(f.guidance) else f)
    return out


# A report lists at most this many findings in full, the most serious first; the rest are
# counted (Report.omitted). Nobody reads 200 findings, and a 20 MB draft must not make
# a 1 GB report or spend minutes writing rewrites nobody sees.
MAX_LISTED = 200
# Findings of each rule beyond the listed ones that still reach the checklist as evidence.
_CHECKLIST_SAMPLE = 3


@dataclass(frozen=True, slots=True)
class _Raw:
    """A hit before it becomes a Finding: cheap to keep for every clause of a long draft."""

    start: int
    order: int
    rule: str
    end: int
    category: str
    level: str


def review(text: str, *, config: Config | None = None, rules: tuple[Rule, ...] | None = None,
           rewrites: bool = True, learned: bool = False) -> Report:
    """Review tender text: findings with their rewrites, and the checklist score. `learned` adds the
    learned check's suggestions in clauses the rules left alone (scoring/learned.py): off here by default,
    on in the command line and the Slack server unless switched off there."""
    if not isinstance(text, str):
        raise InputError("The draft must be text.")
    if not text.strip():
        raise InputError("The draft is empty: paste some tender text or give a file with text in it.")
    config = config or Config()
    rules = rules if rules is not None else load_rules()
    norm = normalize(text)
    clauses = segment(norm)
    doc = Document(norm, clauses)
    ignores = _ignores(clauses)
    linked = _linked_rows(clauses, norm)
    index = LineIndex(text)

    raw: list[_Raw] = []
    rule_of: dict[str, Rule] = {}
    for rule in rules:
        rule_of[rule.id] = rule
        if not config.enabled(rule.id, rule.category):
            continue
        level = config.level_for(rule.id, rule.category, rule.level)
        for hit in run(rule, doc):
            ci = doc.clause_index(hit.start)
            if ci in ignores and _suppressed(ignores[ci], rule):
                continue
            if ci in linked and rule.id in _RATE_RULES:
                continue
            raw.append(_Raw(hit.start, _LEVEL_ORDER[level], rule.id, hit.end, rule.category, level))
    if learned and learned_on():  # with both categories off, the model's code is not even imported
        _add_learned(raw, rule_of, doc, config, linked)
    raw.sort(key=lambda r: (r.start, r.order, r.rule))
    kept = _one_per_problem(raw)
    listed = sorted(sorted(kept, key=lambda r: (r.order, r.start))[:MAX_LISTED], key=lambda r: (r.start, r.order, r.rule))
    omitted = Counter(r.level for r in kept) - Counter(r.level for r in listed)

    def finding(r: _Raw) -> Finding:
        start = sum_start(text, r.start) if norm[r.start] == "$" != text[r.start] else r.start
        return _finding(_rule_at(rule_of, r.rule, r.start), Hit(start, r.end), r.level, text, index, draft_place(doc))

    findings = [finding(r) for r in listed]
    if rewrites and any(_rule_at(rule_of, f.rule, f.start).rewrite for f in findings):
        area = document_area(norm)
        findings = _guidance_for_service(_with_rewrites(findings, rule_of, doc, area), area.key)
        if "\u2014" in text:
            findings = _dashes_restored(findings, text, norm)
        if "$" in norm and (sums := foreign_sums(text)):
            findings = _sums_restored(findings, sums)
    evidence = findings + [finding(r) for r in _sample(kept, listed)]
    # What the reader noticed about the file (a hidden suppression marker) comes first.
    return Report(text=text, findings=tuple(notice_findings(text) + findings), score=assess(doc, evidence),
                  omitted=sum(omitted.values()), omitted_levels=dict(omitted))


_WORD_BEFORE_RE = re.compile(r"[^\W\d_]+$")
_WORD_AFTER_RE = re.compile(r"[^\W\d_]+")


def _dashes_restored(findings: list[Finding], text: str, norm: str) -> list[Finding]:
    """A rewrite quotes the draft as the rules read it, where a long dash between two words is a space ("new claims—claims
    cleared" read as "new claims claims cleared"): the quote gets its dash back."""
    pairs = {}
    at = text.find("\u2014")
    while at >= 0 and len(pairs) < 200:
        if norm[at] == " ":
            before = _WORD_BEFORE_RE.search(norm, max(0, at - 40), at)
            after = _WORD_AFTER_RE.match(norm, at + 1)
            if before and after:
                pairs[f"{before.group(0)} {after.group(0)}"] = f"{before.group(0)}\u2014{after.group(0)}"
        at = text.find("\u2014", at + 1)
    if not pairs:
        return findings
    out = []
    for f in findings:
        if f.rewrite:
            restored = f.rewrite
            for spaced, dashed in pairs.items():
                if spaced in restored:
                    restored = restored.replace(spaced, dashed)
            f = replace(f, rewrite=restored) if restored != f.rewrite else f
        out.append(f)
    return out


def _sums_restored(findings: list[Finding], sums: dict[str, str]) -> list[Finding]:
    """A rewrite quotes the draft as the rules read it, where "Rs. 500" is "$500": the quote gets its currency back."""
    said = regex(r"(?<![\w$])(\s*)(" + "|".join(map(re.escape, sorted(sums, key=len, reverse=True))) + r")(?![\d,.]*\d)")

    def written(m: re.Match) -> str:
        return (" " if m.group(1) else "") + sums[m.group(2)]

    return [replace(f, rewrite=said.sub(written, f.rewrite)) if f.rewrite and "$" in f.rewrite else f for f in findings]


def _add_learned(raw: list[_Raw], rule_of: dict[str, Rule], doc: Document, config: Config, linked: set[int]) -> None:
    """The learned check's findings, each in a clause no rule of its category flagged (nor a price list's row whose
    payment a line under it ties to outcomes)."""
    from .learned import learned_hits, rule_for

    heads: dict[int, str] = {}  # each table's first row, by block
    answered = [(doc.clauses[i].start, doc.clauses[i].end, category) for i in linked for category in ("cost-first", "output-only")]
    for start, end, category, _p in learned_hits(doc, [(r.start, r.end, r.category) for r in raw] + answered):
        clause = doc.clause_at(start)
        # a row's own words, with its table's header: "| Day support | £18.00 |" under "| Service | Hourly rate |"
        if clause is not None and clause.kind == "row" and not heads:
            for c in doc.clauses:
                if c.kind == "row":
                    heads.setdefault(c.block, c.text[:300])
        head = heads.get(clause.block, "") if clause is not None and clause.kind == "row" else ""
        if not head and (i := doc.index_at(start)) is not None:
            # a list's lead-in or the heading over it: "Weekly fostering allowances" over "0-4 years: £181.00"
            info = doc.model[i]
            head = "\n".join(h for h in (*info.headings[-1:], info.lead_in or "") if h)
        # (with its rates, where a row flattened one cell a line has them on the lines below: "$11.40", "$11.85")
        own = rates_below(doc.text[start:end], doc.text, start) if "\n" not in doc.text[start:end] else doc.text[start:end]
        rule = rule_for(category, f"{head}\n{own}" if head else own)
        if not config.enabled(rule.id, rule.category):
            continue
        level = config.level_for(rule.id, rule.category, rule.level)
        rule_of[rule.id] = rule_of[f"{rule.id}@{start}"] = rule  # its own reading: a rate, care time or an award
        raw.append(_Raw(start, _LEVEL_ORDER[level], rule.id, end, rule.category, level))


def _rule_at(rule_of: dict[str, Rule], rule_id: str, start: int) -> Rule:
    """The rule a finding is reported under. One learned id has several readings (a rate for a placement, care
    bought by the minute, an award rule), each with its own suggestion and guidance: a finding takes its own."""
    return rule_of.get(f"{rule_id}@{start}") or rule_of[rule_id]


def _sample(kept: list[_Raw], listed: list[_Raw]) -> list[_Raw]:
    """The first few unlisted findings of each rule, so the checklist still sees every rule that fired."""
    shown = {id(r) for r in listed}
    per_rule: Counter[str] = Counter()
    out = []
    for r in kept:
        if id(r) not in shown and per_rule[r.rule] < _CHECKLIST_SAMPLE:
            per_rule[r.rule] += 1
            out.append(r)
    return out


MAX_ROWS_REWRITTEN = 8  # rows of one table in one suggestion; the commissioner sees the pattern
_LONGEST_LEARNED_QUOTE = 100  # characters of a clause a learned suggestion quotes back as its activity


NOT_SET_HERE = ("this line reports terms set elsewhere (a speaker's words, an answer or a result), so there is no clause of "
                "yours to rewrite in its place.")
NOT_ENGLISH = "the clause is not in English, and an English suggestion could not be pasted in its place."


def _with_rewrites(findings: list[Finding], rule_of: dict[str, Rule], doc: Document, area: Area) -> list[Finding]:
    """Each finding's rewrite, fitted to its place; a run of findings in one table that want the
    same kind of rewrite gets one suggestion, the rewritten rows together, on its first finding."""
    out: list[Finding] = []
    run_key, run_head, run_rows = None, -1, []  # the open run: its key, its first finding's index, rows rewritten
    price_list = None  # the open price list: its first finding's index, its rows, where its last row ends, its rider
    quoted: dict[tuple[int, str], tuple[int, str, str]] = {}  # (block, template) -> index of the suggestion quoting
    # a paragraph's or list's activities, its text as first written, and its text with the later quotes added
    written: dict[tuple[int, str], int] = {}  # suggestions made: (clause start, template), or (-1, the award
    # scheme) -> the line of the finding that carries it
    # A clause that pays care by the hour and by activity ("we pay £21 an hour for visits") has one problem, the
    # payment: its suggestion is the care one, which keeps the rate as a base, not an activity one that drops it.
    # (On the same line: a rate line that a stored copy's wrapping joined to the next sentence is not that sentence.)
    care = {(c.start, f.line) for f in findings if _rule_at(rule_of, f.rule, f.start).rewrite == "homecare-outcomes"
            for c in [doc.clause_at(f.start)] if c is not None}
    for f in findings:
        template = _rule_at(rule_of, f.rule, f.start).rewrite
        if template is None:
            out.append(f)
            continue
        i = doc.index_at(f.start)
        clause = doc.clauses[0] if i is None else doc.clauses[i]
        if i is not None and told_not_set(clause, doc.model[i], doc.clauses[i - 1].text.strip() if i else ""):
            # an FOI answer's rate, a news report's price or a speaker's target: rewritten, it would read as contract terms
            out.append(replace(f, no_rewrite=NOT_SET_HERE))
            continue
        if other_language(clause.text):
            # a clause in Indonesian or Welsh: an English suggestion could not be pasted in its place
            out.append(replace(f, no_rewrite=NOT_ENGLISH))
            continue
        if template == "payment-to-outcome" and (clause.start, f.line) in care:
            template = "homecare-outcomes"
        place = place_of(clause, doc.clauses, doc.text, f.start)
        if place.kind != "row" and i is not None \
                and (cell_row := cell_paragraph_row(doc.text, doc.clauses, doc.model, i, f.start)) is not None:
            place = cell_row  # a table copied one cell a paragraph: the row comes back the same way
        key = (clause.block, template) if place.kind == "row" else None
        row_id: object = clause.start
        if place.sep == "\n\n":  # its rows are paragraphs apart: one run for the table, each row once
            key, row_id = ("cells", template), place.cells
        if key is not None and key == run_key:
            if row_id not in {c for c, _ in run_rows} and len(run_rows) < MAX_ROWS_REWRITTEN \
                    and template != "award-quality-first":  # the scheme is proposed once, whole
                run_rows.append((row_id, rewrite(template, clause, f.start, f.end, doc.text, doc.weight_sets,
                                                 area, place=place, row=len(run_rows))))
                out[run_head] = replace(out[run_head], rewrite=join_run_rows([r for _, r in run_rows],
                                                                             "\n\n" if place.sep == "\n\n" else "\n"))
            out.append(replace(f, rewrite=None, rewrite_on_line=out[run_head].line if out[run_head].rewrite else None))
            continue
        if template == "payment-to-outcome" and price_list is not None and len(price_list[1]) < _MOST_RATE_ROWS \
                and not doc.text[price_list[2]:clause.start].strip() and "\n\n" not in doc.text[price_list[2]:clause.start] \
                and (row := plain_rate_row(clause.text)) is not None:
            # the next row of an open price list joins it as written: a row's own suggestion would only be dropped
            head, kept, _end, rider = price_list
            price_list = (head, kept + [row], clause.end, rider)
            out[head] = replace(out[head], rewrite=rate_rows_text(price_list[1], rider))
            out.append(replace(f, rewrite=None, rewrite_on_line=out[head].line))
            continue
        # A learned finding can span a whole sentence: quoting a long one back as "the activity" reads badly.
        quote = not (f.rule.endswith("/learned") and f.end - f.start > _LONGEST_LEARNED_QUOTE)
        text = rewrite(template, clause, f.start, f.end, doc.text, doc.weight_sets, area, place=place, quote=quote)
        run_key, run_head, run_rows = key, len(out), [(row_id, text)]
        # A price list one row a line ("HS01 Personal care visit $42.50 Per visit" over "HS02 …"): the next line's rate
        # joins the rows above it, each kept on its own line, under one sentence on the outcome-linked part.
        rows = rate_rows(text) if template == "payment-to-outcome" else None
        if rows is not None and price_list is not None and _rider_group(price_list[3]) == _rider_group(rows[1]) \
                and "\n\n" not in doc.text[price_list[2]:clause.start] and not doc.text[price_list[2]:clause.start].strip():
            head, kept, _end, rider = price_list
            kept = kept + rows[0]
            price_list = (head, kept, clause.end, rider) if len(kept) < _MOST_RATE_ROWS else None
            out[head] = replace(out[head], rewrite=rate_rows_text(kept, rider))
            out.append(replace(f, rewrite=None, rewrite_on_line=out[head].line))
            continue
        price_list = None
        # Two rules on one clause (a count and the people reached) want one suggestion, not two near
        # copies; an award scheme is proposed once for the whole document.
        said = (-1, text) if template == "award-quality-first" else (clause.start, template)
        # The same suggestion for the next sentence of a paragraph (a rule and its worked example) is said once:
        # pasted twice it would read double. A care payment suggestion quotes nothing, so one per paragraph.
        paragraph = template == "homecare-outcomes" and text is not None and "is planned with each person" in text[:40]
        same = (-2 - clause.block, f"{template} {base_rate(clause.text)}" if paragraph else text)
        group = (clause.block, template) if place.kind != "row" and text is not None else None
        # Rows of a table pasted with spaces that share one clause: each row's figures join the first row's suggestion.
        spaced = i is not None and doc.model[i].spaced_row and written.get(said, f.line) != f.line
        if text is not None and (said in written or same in written) and not (spaced and group in quoted):
            out.append(replace(f, rewrite=None, rewrite_on_line=written.get(said, written.get(same))))
            continue
        # Sentences of one paragraph or items of one list whose suggestions differ only in the activity they quote
        # ("paid £40 for each visit", "paid £25 for each call") get one suggestion quoting them all, on the first.
        if group in quoted and (merged := _with_quote(quoted[group], text)) is not None:
            quoted[group] = merged
            head = merged[0]
            out[head] = replace(out[head], rewrite=merged[2])
            out.append(replace(f, rewrite=None, rewrite_on_line=out[head].line))
            continue
        if text is not None:
            written[said] = written[same] = f.line
            if group is not None:
                quoted[group] = (len(out), text, text)
            if rows is not None:
                price_list = (len(out), rows[0], clause.end, rows[1])
        out.append(replace(f, rewrite=text))
    return out


_MOST_QUOTES = 6  # activities one merged suggestion keeps; past that the run starts a new one


def _rider_group(rider: str) -> tuple[str, ...]:
    """Who a price list's outcome-linked part is for ("people supported at home", "carers"): the rows of one list share
    the first row's outcome when they are for the same people."""
    return tuple(rider.partition(": ")[2].split()[:3])


# Where a suggestion's kept activity begins and what follows it (prompts/templates/rewrites/output-to-outcome.j2 and
# payment-to-outcome.j2): items of a run go into that list, "; " between them.
_ACTIVITY_KEPT = (("as a secondary measure, not a target: ", "."), ("as a secondary measure in place of the target: ", "."),
                  ("a service standard, reported beside the outcome: ", "."),
                  ("a smaller fixed element (now: ", "), and activity is reported as a secondary measure."))
_OWN_STOPS = ("…", "?", "!")
# A short line's suggestion ends with its own words kept: "…; 850 appointments reported as a secondary measure".
_KEPT_TAIL_RE = re.compile(r"; (?P<words>[^;]{1,300}?) (?P<verb>reported|kept) as (?:a )?secondary measures?$")


# An indicator's suggestion states its outcome as a share ("Percentage of volunteers who report …", "Percentage of adults
# who use the service and stay …", prompts/templates/rewrites/cell-indicator.j2), a figure's line as a statement
# ("Volunteers report …"): the label and the figures of one flattened row are still one suggestion.
def _statements(outcome: str) -> set[str]:
    """The outcome as a statement, whether it is written as one or as a share of people: every reading of it (where the
    group's own words hold "who" or "and", which one ends the group cannot be told from the words alone)."""
    out = {outcome}
    if outcome.startswith("Percentage of "):
        for m in re.finditer(r" (?:who|and) (?=[a-z])", outcome):
            group = outcome[len("Percentage of "):m.start()]
            out.add(group[:1].upper() + group[1:] + " " + outcome[m.end():])
    return out


def _with_kept(first: str, merged: str, text: str) -> str | None:
    """Lines of one flattened row or list whose suggestions differ only in the words each keeps as a secondary
    measure ("850 appointments", "650 follow ups"): one suggestion keeping them all, so no figure is lost and
    no near copy is offered per line. None when they differ anywhere else."""
    a, b, m = _KEPT_TAIL_RE.search(first), _KEPT_TAIL_RE.search(text), _KEPT_TAIL_RE.search(merged)
    if a is None or b is None or m is None or not _statements(first[:a.start()]) & _statements(text[:b.start()]) \
            or a.group("verb") != b.group("verb"):
        return None
    words, kept = b.group("words"), m.group("words")
    if words in kept or kept.count(", ") + 1 >= _MOST_QUOTES:
        return None
    return f"{merged[:m.start()]}; {kept}, {words} {a.group('verb')} as secondary measures"


def _with_quote(run: tuple[int, str, str], text: str) -> tuple[int, str, str] | None:
    """The run's suggestion with `text`'s kept activity added, when the two differ only in the activity they keep
    ("… as a secondary measure, not a target: 300 visits a year."); None when they differ anywhere else."""
    head, first, merged = run
    if (kept := _with_kept(first, merged, text)) is not None:
        return head, first, kept
    for opening, closing in _ACTIVITY_KEPT:
        at = first.rfind(opening)
        if at < 0:
            continue
        start = at + len(opening)
        if closing == ".":  # the list ends the sentence: an item's own stop ("…") is the sentence's, else a full stop
            bodies = [t if t.endswith(_OWN_STOPS) else t.removesuffix(".") for t in (first, text, merged)]
        elif all(t.endswith(closing) for t in (first, text, merged)):
            bodies = [t[:len(t) - len(closing)] for t in (first, text, merged)]
        else:
            return None
        first_body, text_body, merged_body = bodies
        if text_body[:start] != first_body[:start] or not merged_body.startswith(first_body[:start]):
            return None
        if merged_body.count("; ", start) - first_body.count("; ", start) + 1 >= _MOST_QUOTES:
            return None
        added = text_body[start:]  # as the draft wrote it: a name keeps its capital
        if not added.strip() or "\n" in added or added in merged_body[start:]:
            return None
        if closing == "." and added.endswith(_OWN_STOPS):
            closing = ""
        return head, first, f"{merged_body}; {added}{closing}"
    return None


def _one_per_problem(findings: list[_Raw]) -> list[_Raw]:
    """Two rules of one category on overlapping words are one problem: keep one finding.

    The longer match shows more of the problem; on a tie the later rule wins, because the
    catch-all `activity-count` sorts first and the specific rules after it.
    """
    kept: list[_Raw] = []
    last: dict[str, int] = {}  # category -> index in kept of its latest finding (findings come sorted by start)
    for f in findings:
        i = last.get(f.category)
        clash = kept[i] if i is not None and kept[i].start < f.end and f.start < kept[i].end else None
        if clash is None:
            last[f.category] = len(kept)
            kept.append(f)
        elif (f.end - f.start, f.rule) > (clash.end - clash.start, clash.rule):
            kept[i] = f
    return kept


# The period a rate is paid by, for a message that names it ("{by_time}"): "£747.60 per week" is paid by the week,
# not by the hour. The first period the match names; an hour where it names none.
_PERIOD_RE = regex(r"\b(?:per|an?|each|every)\s+(?:[\w-]+\s+){0,2}?(hour|day|night|week|month)s?\b|/\s*(hour|hr|day|night|week|wk)\b"
                   r"|\b(hourly|daily|nightly|weekly|monthly)\b|\bper\s+(diem)\b", re.I)
_BY_TIME = {"hour": "by the hour", "hr": "by the hour", "hourly": "by the hour", "day": "by the day", "daily": "by the day",
            "diem": "by the day", "night": "by the night", "nightly": "by the night", "week": "by the week",
            "wk": "by the week", "weekly": "by the week", "month": "by the month", "monthly": "by the month"}


def _by_time(match: str) -> str:
    found = _PERIOD_RE.search(match)
    return _BY_TIME[next(g for g in found.groups() if g).lower()] if found else "by the hour"


def _finding(rule: Rule, hit: Hit, level: str, text: str, index: LineIndex, place: str = "") -> Finding:
    line, column = index.locate(hit.start)
    why, guidance = _explained(rule, place)
    match = text[hit.start:hit.end]
    shown = " ".join(match.split())
    message = rule.message.replace("{match}", shown if len(shown) <= 80 else shown[:77] + "...")
    if "{by_time}" in message:
        message = message.replace("{by_time}", _by_time(match))
    return Finding(
        rule=rule.id,
        category=rule.category,
        level=level,
        message=message,
        why=why,
        line=line,
        column=column,
        start=hit.start,
        end=hit.end,
        match=match,
        rewrite=None,
        guidance=guidance,
    )
