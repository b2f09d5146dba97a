"""`ask`: the best passages for a question and a short extractive answer.

The answer is made only of sentences copied from the passages returned with it, so every
word a commissioner reads can be traced to a cited source. Nothing is generated."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from knowledge.catalog import passage
from knowledge.embedder import Embedder
from knowledge.errors import InputError
from knowledge.jurisdiction import common, covers, describe, human_date
from knowledge.retrieve import Hit, Retrieval, search, validate_filters
from knowledge.runtime import Runtime, runtime
from knowledge.store import StoredChunk
from knowledge.text import sentence_spans, tokenize

MAX_QUESTION_CHARS = 2000  # the model reads ~256 word pieces; more would only slow BM25 down
MAX_K = 20
ANSWER_PASSAGES = 3  # sentences come from at most this many of the top passages
ANSWER_SENTENCES = 3
ANSWER_MAX_CHARS = 700
NEAREST_TOPICS = 3
FIELD = "outcomes, co-production, social value, award weightings, homecare and measuring wellbeing"
NO_ANSWER = (
    f"I couldn't find guidance on that: it is not covered here. I can help with {FIELD}. "
    "Try asking in other words, or add your own policies with `tender-coach index`."
)


@dataclass(frozen=True)
class Calibration:
    """relevance = best cosine + coverage_weight * coverage - unknown_weight * unknown
    + phrase_weight * phrases; covered at threshold.

    Absolute signals, not ranks: the fused score says which passage is first, never whether the
    first is any good. Coverage is the IDF-weighted share of the question's words found in one
    chunk of the top passages; unknown is the share of its words the guidance never uses; phrases
    is the share of its word pairs ("deferred payment", "car insurance") that the top passages
    use as a pair: a near miss shares words with the guidance but not its phrases. A one-word
    message has no pair and gets no phrase credit."""

    coverage_weight: float
    unknown_weight: float
    threshold: float
    phrase_weight: float = 0.0


# Chosen on data (benchmarks/retrieval.py prints the numbers): the weights by a grid search, the
# threshold as the lowest value at which 90% of the calibration half of
# tests/data/questions_out_of_scope.yaml abstains; checked on the other half and on questions.yaml.
CALIBRATIONS = {"sentence-transformers/all-MiniLM-L6-v2": Calibration(0.4, 0.05, 0.686, phrase_weight=0.5)}


@dataclass
class Answer:
    question: str
    answer: str
    passages: list[Hit]  # empty when not covered: nothing is shown as if it answered the question
    truncated: bool = False  # only the first MAX_QUESTION_CHARS characters were used
    covered: bool | None = None  # None: covered when there are passages
    relevance: float = 0.0  # the calibrated relevance signal of the best match (see Calibration)
    # Where every quoted passage applies: ["England"], ["UK"] for all four nations, [] when the quoted
    # sources share no nation or say nothing about it (your own documents).
    applies_to: list[str] = field(default_factory=list)
    # Plain sentences shown after the answer: where it applies, guidance that has been replaced,
    # a question about one nation answered from another's guidance. Not quotes: said in our words.
    notes: list[str] = field(default_factory=list)
    # Written by the optional model from these passages, each sentence citing [n] (prompts/generated_answer.py);
    # False: every sentence is quoted from a cited passage.
    generated: bool = False

    def __post_init__(self) -> None:
        if self.covered is None:
            self.covered = bool(self.passages)

    def to_dict(self) -> dict:
        return {"question": self.question, "answer": self.answer, "covered": bool(self.covered),
                "passages": [p.to_dict() for p in self.passages], "applies_to": list(self.applies_to),
                "notes": list(self.notes), "generated": self.generated}


def check_request(question: str, k: int = 3, topic: str | None = None, phase: str | None = None) -> None:
    """Refuse a bad request before any model or index work is done for it."""
    if not isinstance(question, str) or not question.strip():
        raise InputError("the question is empty: ask something, e.g. tender-coach ask \"How should we weight price against quality?\"")
    if not isinstance(k, int) or not 1 <= k <= MAX_K:
        raise InputError(f"k must be a whole number from 1 to {MAX_K}")
    validate_filters(topic, phase)


def answer(question: str, k: int = 3, topic: str | None = None, phase: str | None = None,
           *, rt: Runtime | None = None) -> Answer:
    check_request(question, k, topic, phase)
    question = question.strip()
    used = question[:MAX_QUESTION_CHARS]
    truncated = len(question) > len(used)
    rt = rt or runtime()
    found = search(used, k=k, topic=topic, phase=phase, rt=rt)
    score = relevance(found, rt.embedder)
    if not is_covered(found, rt.embedder):
        return Answer(question, not_covered_reply(found, rt.embedder), [], truncated, covered=False, relevance=score)
    sentences = pick_sentences(used, found)
    quoted = quoted_hits(sentences, found.hits)
    applies = common(h.jurisdictions for h in quoted if h.jurisdictions)
    return Answer(question, " ".join(sentences), found.hits, truncated, covered=True, relevance=score,
                  applies_to=applies, notes=answer_notes(found, quoted, applies))


def ask(question: str, k: int = 3, topic: str | None = None, phase: str | None = None) -> dict:
    """The JSON contract of DESIGN.md:
    {"question", "answer", "covered", "passages": [{id, title, text, source, url, score}]}, plus
    "applies_to", "notes" and, on each passage, "jurisdictions", "source_date" and "superseded_by"."""
    return answer(question, k=k, topic=topic, phase=phase).to_dict()


# --- where it applies, and what has been replaced ---------------------------------------------


def quoted_hits(sentences: list[str], hits: list[Hit]) -> list[Hit]:
    """The passages the answer quotes from, in rank order (the first passage when nothing matched)."""
    quoted = [h for h in hits if any(s in h.text for s in sentences)]
    return quoted or hits[:1]


def answer_notes(found: Retrieval, quoted: list[Hit], applies: list[str]) -> list[str]:
    notes = []
    rank = {h.passage_id: n for n, h in enumerate(found.hits, 1)}
    known = [h for h in quoted if h.jurisdictions]
    if applies and len(known) < len(quoted):  # your own documents say for themselves where they apply
        notes.append(f"The guidance quoted applies in: {describe(applies)}.")
    elif applies:
        notes.append(f"Applies in: {describe(applies)}.")
    elif known:
        parts = [f"{describe(h.jurisdictions)} (source {rank[h.passage_id]})" for h in known]
        notes.append("Where this applies differs by source: " + "; ".join(parts) + ".")
    if found.nation and known and not any(found.nation in covers(h.jurisdictions) for h in known):
        notes.append(f"You asked about {found.nation}, but the guidance quoted here is for "
                     f"{describe(applies or sorted({n for h in known for n in h.jurisdictions}))}: "
                     f"check what applies in {found.nation} before relying on it.")
    for hit in quoted:
        if hit.superseded_by:
            notes.append(superseded_note(hit))
    return notes


def superseded_note(hit: Hit) -> str:
    newer = passage(hit.superseded_by or "")
    dated = f" (source dated {human_date(hit.source_date)})" if hit.source_date else ""
    if newer is None:
        return f'Superseded: "{hit.title}"{dated} has been replaced; check the current guidance before relying on it.'
    return (f'Superseded: "{hit.title}"{dated} has been replaced by "{newer.title}" '
            f"(dated {human_date(newer.source_date)}). Follow the newer guidance.")


# --- is it covered? -------------------------------------------------------------------------


def calibration(embedder: Embedder) -> Calibration:
    # Another model (the fake one in tests) keeps the weights; its own "strong" cosine is the bar.
    return CALIBRATIONS.get(embedder.name) or Calibration(0.3, 0.1, embedder.strong_similarity)


def relevance(found: Retrieval, embedder: Embedder) -> float:
    cal = calibration(embedder)
    return (found.best_similarity + cal.coverage_weight * found.coverage - cal.unknown_weight * found.unknown
            + cal.phrase_weight * found.phrases)


def is_covered(found: Retrieval, embedder: Embedder) -> bool:
    # A message with no content word ("thanks!", "ok", "hello there") asks nothing the guidance can answer.
    if not found.hits or not found.terms:
        return False
    return relevance(found, embedder) >= calibration(embedder).threshold


def not_covered_reply(found: Retrieval, embedder: Embedder) -> str:
    """Say plainly that it is not covered, and name the nearest topics that are, when there are any:
    a near miss ("fire safety in a care home") sits close to real passages; chatter sits near none."""
    titles = list(dict.fromkeys(h.title for h in found.hits if h.title))[:NEAREST_TOPICS]
    if not titles or found.coverage == 0.0 or found.best_similarity < embedder.min_similarity:
        return NO_ANSWER
    quoted = [f'"{t}"' for t in titles]
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
    return (
        "I couldn't find guidance on that: it is not covered here, so I won't guess. "
        f"The nearest topics I can help with are {listed}. "
        "Ask about one of those, or add your own policies with `tender-coach index`."
    )


# --- which sentences answer it --------------------------------------------------------------

# What a question asks, from its wording. A question can ask several things ("is it required, and
# how much?"); each kind found adds a bonus to sentences that carry that kind of answer.
_ASKS = {
    "number": re.compile(r"\b(how (much|many|long|big|often|high|low)|weight\w*|percent\w*|ratio|split|share|"
                         r"minimum|maximum|floor|threshold|scored?|counts? as|stats?|statistics|figures?)\b|%"),
    "measure": re.compile(r"\b(measures?|measuring|questionnaires?|scales?|tools?|indicators?|instruments?)\b"),
    "law": re.compile(r"\b(law|legal\w*|act|section|duty|duties|statutory|regulations?|bound|required?|comply|"
                      r"appl(y|ies)|have to|must|allowed|rules?|policy note)\b"),
    "howto": re.compile(r"(^|[,;:?!-] ?)(how (do|does|should|can|could|would|to|is)|what (can|should|do) (we|i|the)|"
                        r"tips|ways? to)\b"),
    "yesno": re.compile(r"(^|[,;:?!-] ?)(is|are|can|could|do|does|did|should|shall|must|will|would|may|has|have|"
                        r"isn't|aren't|doesn't|don't)\b"),
    "definition": re.compile(r"\b(mean|means|meaning|define|definition|stand for)\b|(^|[,;:?!-] ?)"
                             r"(what|who)('s| is| are| was| were)\b"),
    "who": re.compile(r"(^|[,;:?!-] ?)who\b"),
    "mistakes": re.compile(r"\b(mistakes?|wrong|pitfalls?|problems?|red flag|risks?|warning|bad|go wrong|"
                           r"issue)\b"),
}
_SAYS = {
    "percent": re.compile(r"\d\s?%|\b\d{1,3}:\d{1,3}\b|\d per ?cent"),
    "number": re.compile(r"(?<![\d/])(?!(?:19|20)\d\d\b)\d+(?:[.,]\d+)?\b|£\s?\d"),  # not a year
    # Words that say a tool is being described. Not any capitalised acronym: NEF, PPN and LGA are
    # organisations and notes, and counting them sent "which questionnaire?" to a passage about NEF.
    "measure": re.compile(r"\b(Star|Rosenberg|[Ss]cales?|[Qq]uestionnaires?|[Ss]urveys?|tools?|items?|validated|"
                          r"psychometric)\b"),
    "law": re.compile(r"\b(must|duty|requires?|required|statutory|bound|has to|have to|need not|does not have to)\b"),
    "name": re.compile(r"(?<![.!?] )(?<!^)\b[A-Z][a-z]+ (?:[A-Z]\.? )?[A-Z][a-z]+\b"),
    "yesno": re.compile(r"\b(not|no|never|cannot|can|should|need|only|does|do)\b", re.I),
    "definition": re.compile(r"\b(is|are|means|refers? to|defined|describes?|stands? for|calls?)\b"),
    # What goes wrong: a risk, a perverse incentive, a way results can mislead.
    "mistakes": re.compile(r"\b(risks?|gam(e|es|ing)|cherry.?pick\w*|perverse|unintended|exclude\w*|mislead\w*|"
                           r"look better|(can|may|could) (fail|lead to|push|harm|reward)|danger\w*|undermin\w*)\b", re.I),
}
# Advice in these passages starts with a verb: "Require ...", "Set ...", "Ask ...".
_IMPERATIVES = frozenset(
    """agree apply ask assess avoid brief build carry check choose cite collect combine commission consider credit
    decide define derive describe design divide draft explain express feed find fund give identify include invite
    involve keep label leave let link make map monitor move name note open pair pay price publish put record refer
    report require return review score select set specify start state tell test track train treat use weight
    welcome write""".split()
)
# Sections that list what to avoid: quoting one as if it were advice inverts it.
_COUNTER_HEADING = re.compile(r"warning|avoid|pitfall|mistake|red flag|what not|don't", re.I)
_MARKUP = re.compile(r"[*_`]+")
# "*Give*: service users volunteer." labels an example; its first word is not advice to give.
_LABEL = re.compile(r"\s*([*_]{1,2})[^*_\n]{1,40}\1\s*:")


def question_kinds(question: str) -> frozenset[str]:
    text = " ".join(question.lower().split())
    return frozenset(kind for kind, pattern in _ASKS.items() if pattern.search(text))


def _fit(sentence: str, kinds: frozenset[str]) -> float:
    """How well a sentence carries the kind of answer the question asks for."""
    bonus = 0.0
    if "number" in kinds:
        bonus += 0.3 if _SAYS["percent"].search(sentence) else 0.15 if _SAYS["number"].search(sentence) else 0.0
    if "measure" in kinds and _SAYS["measure"].search(sentence):
        bonus += 0.15
    if "law" in kinds and _SAYS["law"].search(sentence):
        bonus += 0.2
    if "howto" in kinds and _first_word(sentence) in _IMPERATIVES and not _LABEL.match(sentence):
        bonus += 0.2
    if "yesno" in kinds and _SAYS["yesno"].search(sentence):
        bonus += 0.05
    if "who" in kinds and _SAYS["name"].search(sentence):
        bonus += 0.15
    if "definition" in kinds and _SAYS["definition"].search(sentence):
        bonus += 0.1
    if "mistakes" in kinds and _SAYS["mistakes"].search(sentence):
        bonus += 0.15
    return bonus


def _first_word(sentence: str) -> str:
    words = _MARKUP.sub("", sentence).split(maxsplit=1)
    return words[0].lower().strip(",:;") if words else ""


def _is_counter_example(heading: str) -> bool:
    # A line under a "Warning signs" / "Avoid" heading ("Social value weighted below 10%, or missing.")
    # describes what NOT to do: quoted as if it were advice, it inverts the guidance.
    return bool(_COUNTER_HEADING.search(heading))


class _Candidate(NamedTuple):
    base: float  # everything but the question's words: closeness, rank, position, kind of answer
    asked: frozenset[str]  # the question's words it contains
    counter: bool  # a counter-example or a pitfall: never leads the answer
    rank: int  # of its passage among the hits
    offset: int  # within its passage, to read chosen sentences in order
    sentence: str  # verbatim: a sentence, or a list lead-in with its items
    terms: set[str]
    # The sentence it points back to ("The note refreshes..." needs "PPN 002 was published..."), and
    # the two quoted together, verbatim; "" when it stands alone.
    lead: str = ""
    with_lead: str = ""

    def quoted(self, chosen: list[_Candidate]) -> str:
        """The sentence as shown: with its lead, unless the lead is already among the picks."""
        if self.lead and not any(self.lead in c.sentence for c in chosen):
            return self.with_lead
        return self.sentence


def pick_sentences(question: str, found: Retrieval) -> list[str]:
    """Up to ANSWER_SENTENCES pieces quoted verbatim from the top passages, chosen one at a time:
    each pick favours the question's words that earlier picks have not yet covered, so a two-part
    question ("what is PPN 06/20 and does it apply to councils?") gets both parts answered."""
    kinds = question_kinds(question)
    weight = {t: found.lexical.idf(t) for t in set(found.terms)}
    total = sum(weight.values()) or 1.0
    candidates = _candidates(found, kinds)
    if not candidates:  # only headings, tables or fragments: quote the first line of prose
        lines = [ln.strip() for ln in found.hits[0].text.splitlines() if ln.strip()[:1] not in ("", "#", "|")]
        return [lines[0][:ANSWER_MAX_CHARS]] if lines else []

    def score(cand: _Candidate, covered: set[str]) -> float:
        fresh = sum(weight[t] for t in cand.asked - covered)
        again = sum(weight[t] for t in cand.asked & covered)
        return cand.base + (fresh + REPEAT_WEIGHT * again) / total

    chosen: list[_Candidate] = []
    covered: set[str] = set()
    length = 0
    best = max(score(c, covered) for c in candidates)
    pool = list(candidates)
    while pool and len(chosen) < ANSWER_SENTENCES:
        cand = max(pool, key=lambda c: score(c, covered))
        pool.remove(cand)
        if len(chosen) >= 2 and score(cand, covered) < CUTOFF * best:
            break
        if chosen and length + len(cand.quoted(chosen)) > ANSWER_MAX_CHARS:
            if not cand.lead or length + len(cand.sentence) > ANSWER_MAX_CHARS:
                continue
            cand = cand._replace(lead="", with_lead="")  # no room for its lead: the sentence alone
        # Passages restate each other (PPN 06/20's 10% floor appears in four); say each thing once.
        if any(_similar(cand.terms, c.terms) or cand.sentence in c.sentence or c.sentence in cand.sentence
               for c in chosen):
            continue
        chosen.append(cand)
        covered |= cand.asked
        length += len(cand.quoted(chosen)) + 1
    # Lead with the passage of the best piece, then the others as they were picked; within a passage
    # read in its own order; advice before any counter-example.
    first_pick = {}
    for n, c in enumerate(chosen):
        first_pick.setdefault(c.rank, n)
    chosen.sort(key=lambda c: (c.counter, first_pick[c.rank], c.offset))
    return [c.quoted(chosen) for c in chosen]


def _candidates(found: Retrieval, kinds: frozenset[str]) -> list[_Candidate]:
    terms = set(found.terms)
    asks_for_mistakes = "mistakes" in kinds
    hits = found.hits[:ANSWER_PASSAGES]
    sections = [[(chunk, similarity, _units(chunk.text)) for chunk, similarity in hit.chunks] for hit in hits]
    trusted = _trust_order(sections, kinds)
    weight = {t: found.lexical.idf(t) for t in terms}
    candidates: list[_Candidate] = []
    for rank, hit in enumerate(hits):
        trust = RANK_BONUS[min(trusted.index(rank), 2)] + PASSAGE_WEIGHT * _passage_match(sections[rank], weight)
        offset = 0
        for position, (chunk, similarity, units) in enumerate(sections[rank]):
            text = chunk.text
            first_line = text.lstrip().split("\n", 1)[0]
            heading = first_line if first_line.startswith("#") else ""
            topic = str(chunk.metadata.get("topic", ""))
            previous: tuple[int, int] | None = None
            for n, (start, end) in enumerate(units):
                sentence = text[start:end].strip()
                words = set(tokenize(sentence))
                before, previous = previous, (start, end)
                lead = with_lead = ""
                if before and _refers_back(text, before, (start, end)):
                    # "The note refreshes the model..." alone does not say which note: it is quoted
                    # with the sentence it points back to, though judged on its own words.
                    lead, with_lead = text[before[0]:before[1]].strip(), text[before[0]:end].strip()
                # Fragments ("Stage 3.", "(c) sharing information;") and bare list lead-ins ("...in three
                # stages:") say nothing alone.
                if len(words) < 4 or sentence.endswith((":", ";")):
                    continue
                counter = _is_counter_example(heading)
                base = (
                    0.5 * (similarity or 0.0)  # the section's closeness in meaning (no per-sentence model call)
                    + trust  # the fused ranking (the first passage is usually the answer), and word match
                    + (0.03 if n == 0 else 0.0)  # a section's first sentence usually states its point
                    + (0.05 if position == 0 else 0.0)  # so does a passage's opening section
                    + _fit(sentence, kinds)
                    - (0.0 if asks_for_mistakes or not counter else 0.5)
                )
                # A pitfalls passage explains what goes wrong: it may follow the advice, never lead it.
                follows = counter or (topic == "pitfalls" and not asks_for_mistakes)
                candidates.append(_Candidate(base, frozenset(terms & words), follows, rank, offset + start,
                                             sentence, words, lead, with_lead))
            offset += len(text) + 2
    return candidates


_LIST_ITEM = re.compile(r"\s*(?:[-*•]|\d{1,3}[.)])\s+")
MAX_LIST_CHARS = 700
RANK_BONUS = (0.3, 0.1, 0.0)
# Fused scores of the top passages are often within a hair of each other; the passage whose sentences
# use more of the question's words (IDF-weighted) is then the likelier answer. Chosen on the key facts
# of tests/data/questions.yaml (benchmarks/retrieval.py): 0.2 and 0.4 each answered fewer than 0.3.
PASSAGE_WEIGHT = 0.3
# A third piece must score at least this share of the best. At 0.6 a third sentence that restates the
# point in the question's own words ("In Cornwall, outcomes were co-produced...") was cut.
CUTOFF = 0.5
REPEAT_WEIGHT = 0.0  # a question word an earlier pick already covered counts this much again
# Kinds of answer a passage either carries or does not: a passage with no statutory wording cannot
# answer "are we allowed to?", one naming no scale or questionnaire cannot answer "which measure?".
CARRIED_KINDS = frozenset({"measure", "law"})

Section = tuple[StoredChunk, float | None, list[tuple[int, int]]]  # a chunk, its cosine, its units


def _trust_order(sections: list[list[Section]], kinds: frozenset[str]) -> list[int]:
    """The passages in the order their rank bonus goes: fused rank, except that when the question asks
    for a kind of answer, passages with at least one sentence of that kind come first."""
    wanted = kinds & CARRIED_KINDS
    if not wanted:
        return list(range(len(sections)))
    carries = [any(_fit(chunk.text[a:b], wanted) > 0 for chunk, _, units in parts for a, b in units)
               for parts in sections]
    return sorted(range(len(sections)), key=lambda r: (not carries[r], r))


def _passage_match(parts: list[Section], weight: dict[str, float]) -> float:
    """IDF-weighted share of the question's words used somewhere in a passage's sentences."""
    words = {w for chunk, _, units in parts for a, b in units for w in tokenize(chunk.text[a:b])}
    return sum(w for t, w in weight.items() if t in words) / (sum(weight.values()) or 1.0)


def _units(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, plus each list with its lead-in as one unit
    ("It sets three priorities:" and its items), quoted verbatim: "what are the four headings?"
    is answered by the list, which no single item or bare lead-in says."""
    units: list[tuple[int, int]] = []
    spans = sentence_spans(text)
    for i, (start, end) in enumerate(spans):
        line_start = text.rfind("\n", 0, start) + 1
        is_item = bool(_LIST_ITEM.match(text, line_start)) and line_start < start
        units.append((start, end))
        previous_line = text[:line_start].rstrip().rsplit("\n", 1)[-1]
        # A list straight under its heading ("## Features to include") is quoted as its items together.
        if not (is_item and previous_line.startswith("#")) and not text[start:end].rstrip().endswith(":"):
            continue
        last = end
        for item_start, item_end in spans[i + 1:]:
            item_line = text.rfind("\n", 0, item_start) + 1
            if item_line <= last or not _LIST_ITEM.match(text, item_line) or text.count("\n", last, item_line) > 1:
                break
            last = item_end
        if last > end and last - start <= MAX_LIST_CHARS:
            units.append((start, last))
    return units


# Openings that point back to the sentence before: a pronoun, or "The note" when the note was named there.
_PRONOUN_OPENING = re.compile(r"(It|Its|This|These|That|Those|They|Their|Such|Both)\b")
_THE_OPENING = re.compile(r"The ([a-z]+)\b")


def _refers_back(text: str, before: tuple[int, int], span: tuple[int, int]) -> bool:
    """Whether the sentence at `span` opens by pointing back to the sentence at `before`, in the
    same paragraph line (not a list item, whose lead-in is quoted with it anyway)."""
    start, end = span
    line_start = text.rfind("\n", 0, start) + 1
    if before[0] < line_start or before[1] > start or _LIST_ITEM.match(text, line_start):
        return False
    body = _MARKUP.sub("", text[start:end]).lstrip()
    if _PRONOUN_OPENING.match(body):
        return True
    the = _THE_OPENING.match(body)
    return bool(the) and bool(set(tokenize(the.group(1))) & set(tokenize(text[before[0]:before[1]])))


def _similar(a: set[str], b: set[str]) -> bool:
    # Overlap against the shorter sentence: a restatement inside a longer sentence still counts.
    return len(a & b) / (min(len(a), len(b)) or 1) >= 0.6
