"""Outcome-focused rewrites of the commissioner's own clause.

Slots come from the clause (who benefits, their words and numbers); the service area, the
client group's ages, the measures the document names and its stated aims come from the clause,
then its section heading, then the whole document. Outcomes and measures come from the outcome
library, which never offers a measure outside the ages it is valid for. The wording lives in
jinja2 templates under prompts/templates/rewrites/.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
import re
import zlib
from functools import lru_cache

from knowledge.outcome_library import AgeRange, Area, Choice, Measure, Outcome, library
from prompts.render import render

from .kinds import Document, run
from .modality import sets_requirement
from .normalize import FOREIGN_CODE
from .patterns import named, regex
from .rules import load_rules
from .fit import (ITEM_VERBS as _ITEM_VERBS, MEASURE_NAME_RE, Place, as_item, as_secondary, award_rows, indicator_label,
                  is_field_value, mid_sentence, outcome_row, row_activity, row_seed)
from .quote import NUMBERED_LABEL, PRICE_LINE_RE, WAIT_NAMED, shorten, split_figures, their_words
from .clause_model import flat_row_under_header, without_icon_alt
from .segment import BULLET_RE, Clause, segment
from .service_area import APPROPRIATE_ADULT_RE, BENEFIT_NAME_RE, CHILD_AGES, UNDER_FIVE_AGES, detect_ages, detect_area, detect_nation, named_measures, stated_aims
from .weights import Weight, scheme

_GENERIC_PEOPLE = {"people", "persons", "individuals", "users", "person", "individual", "user", "population", "year olds", "year-olds"}
_SINGULAR_TO_PLURAL = {"young person": "young people", "person": "people", "child": "children", "family": "families"}
# Who delivers a service, not who it is for: "40 volunteers will run 200 lunch clubs" is for older people.
_WORKFORCE = {"volunteers", "volunteer"}


_OPENING_QUOTE_RE = regex(r"(?:^|(?<=[\s(]))['\"]\w")


def _quote_ends(words: str, marks: str = " .,;:") -> str:
    """`words` without the `marks` and quote marks around them, but a closing quote mark whose opening one is kept stays:
    "is 'sessions'" is not cut to "is 'sessions"."""
    trimmed = words.strip(marks + "'\"")
    last = words.rstrip(marks)[-1:]
    if last in ("'", '"') and _OPENING_QUOTE_RE.search(trimmed):
        return trimmed + last
    return trimmed


@lru_cache(maxsize=4096)
def _clause_area(clause: str) -> Area:
    """Many findings share a clause (a table row, a long list): work its area out once."""
    return detect_area(clause)


# Groups the rules need not know, named as the people a service is for: "library users", "passengers".
_MORE_GROUPS_RE = regex(r"\b(?:borrowers|library\s+(?:users|members)|passengers|callers|victims(?:\s+of\s+crime)?|survivors"
                        r"|pregnant\s+women|expectant\s+mothers|new\s+mothers|kinship\s+(?:carers|families)"
                        r"|(?:family\s+|unpaid\s+)?caregivers"  # America's word for carers: "respite for family caregivers"
                        # groups a US or South African text names as written: "Grade 9 girls", "seniors"
                        r"|girls|boys|seniors|senior\s+citizens"
                        # "youth" as the people counted, not a youth club's or service's name: "Number of youth and
                        # women trained", "reached 300 youths"
                        r"|youths|(?<=\bof\s)youth(?=\s+(?:and|aged|who|from|in|with|trained|supported|reached|enrolled"
                        r"|participat\w*|placed|employed|engaged)\b|\s*[\d(,.;:]|\s*$))\b", re.I)


@lru_cache(maxsize=4096)
def _group_words(text: str, plural_only: bool = False) -> str | None:
    """The first words in a text that name who benefits, made plural ("carer" -> "carers").

    `plural_only` skips singular words, which in a heading are usually adjectives ("Adult drug service").
    """
    text = BENEFIT_NAME_RE.sub(" ", text)  # "Carer's Allowance claims" name a benefit, not who the service is for
    if "ppropriate" in text or "PPROPRIATE" in text:
        text = APPROPRIATE_ADULT_RE.sub(" ", text)  # the custody service's volunteers, not who it is for
    more = _MORE_GROUPS_RE.search(text)
    first = named("people").search(text)
    if more is not None and (first is None or more.start() <= first.start()
                             or first.group(0).lower() in _GENERIC_PEOPLE | _WORKFORCE):
        return " ".join(more.group(0).lower().split())
    for m in named("people").finditer(text):
        word = m.group(0).lower()
        if word in _WORKFORCE:
            continue
        if word in _GENERIC_PEOPLE:
            # "people with a learning disability", "people living with dementia": the words after say who they are
            which = _PEOPLE_WHICH_RE.match(text, m.end()) if word in ("people", "persons", "individuals") else None
            if which:
                return " ".join(f"people {which.group(1)}".lower().split())
            return None  # "13-19 year olds", "individuals": the service area says it better
        plural = word.endswith(("s", "people", "children", "men"))
        if plural_only and not plural:
            continue
        if not plural:
            word = _SINGULAR_TO_PLURAL.get(word) or (word[:-1] + "ies" if re.search(r"[^aeiou]y$", word) else word + "s")
        return word
    return None


_AGED_RE = regex(r"\b((?:young\s+)?(?:people|adults|children|parents|women|men|carers|families|clients|residents|learners|"
                 r"students|pupils)|care\s+leavers)\s+aged\s+(\d{1,2})\s?(?:-|–|to)\s?(\d{1,2})\b", re.I)


_STATED_AGES_RE = regex(r"\b(?:aged|ages?)\s+(\d{1,2})\s?(?:-|–|to)\s?(\d{1,2})\b|\b(\d{1,2})\s?(?:-|–|to)\s?(\d{1,2})[- ]?years?[- ]olds?\b", re.I)


# Words that say which people a group is, before it ("separated migrant young people", "disabled adults") or after it
# ("service users with complex needs", "young people leaving care"): kept with the group as the commissioner wrote it.
_GROUP_BEFORE = (r"young(?=\s+(?:carers|adults|families|parents|mothers|fathers|women|men))|separated|migrant|unaccompanied|asylum[- ]seeking|refugee|looked[- ]after|care[- ]experienced|homeless|disabled"
                 r"|autistic|deaf|blind|vulnerable|at[- ]risk|pregnant|low[- ]income|unemployed|bereaved|lone|single|expectant"
                 r"|isolated|frail|displaced|trafficked|exploited|neurodivergent|neurodiverse")
_GROUP_AFTER = (r"with\s+(?:complex|multiple|additional|high|special\s+educational)\s+needs|with\s+(?:a\s+)?(?:learning|physical)\s+disabilit(?:y|ies)"
                r"|with\s+(?:dementia|autism|sensory\s+impairments?|care\s+and\s+support\s+needs|mental\s+health\s+(?:needs|problems|conditions))"
                r"|with\s+(?:a\s+)?disabilit(?:y|ies)"
                r"|leaving\s+care|experiencing\s+(?:homelessness|domestic\s+abuse|multiple\s+disadvantage)|affected\s+by\s+domestic\s+abuse"
                r"|(?:at\s+risk\s+of|experiencing)\s+(?:homelessness|exploitation)|who\s+sleep\s+rough"
                # "adults with serious mental illness", "adults who are homeless or at risk of becoming homeless"
                r"|with\s+(?:(?:a\s+)?(?:serious|severe|severe\s+and\s+enduring|long[- ]term)\s+)?mental\s+(?:illness|ill[- ]health)"
                r"|who\s+are\s+(?:(?:street\s+)?homeless|at\s+risk\s+of\s+(?:becoming\s+)?homeless(?:ness)?|sleeping\s+rough"
                r"|disabled|pregnant|unemployed|bereaved|isolated|frail)")


_PEOPLE_WHICH_RE = regex(rf"[ \t]+((?:{_GROUP_AFTER})|living\s+with\s+(?:dementia|hiv|a\s+learning\s+disability|autism"
                         r"|long[- ]term\s+conditions?|mental\s+ill[- ]health))\b", re.I)


@lru_cache(maxsize=4096)
def _qualified(text: str, words: str) -> str:
    """The group as the text names it, with the words that say which people it is ("Separated Migrant Young People" ->
    "separated migrant young people"), else the group as found."""
    # Compiled through the disk cache: the pattern differs only by the group's words, of which there are a few
    # dozen, and parsing its long lists afresh cost a one-page review ~3 ms.
    m = regex(rf"\b((?:(?:{_GROUP_BEFORE})[ \t-]+){{0,3}}){re.escape(words)}\b((?:[ \t]+(?:{_GROUP_AFTER}))?)",
              re.I).search(text[:2000])
    if m is None or not (m.group(1) or m.group(2)):
        return words
    before, after = m.group(1), m.group(2)
    if (state := _WHO_ARE_RE.fullmatch(after)) is not None:
        # "adults who are homeless" -> "homeless adults", "… who are at risk of homelessness" -> "adults at risk of
        # homelessness": the group reads on in a sentence that says "who use the service" after it
        word = state.group(1).lower()
        if word.startswith(("at", "sleeping")):
            after = " " + ("at risk of homelessness" if word.startswith("at") else word)
        else:
            before, after = f"{before}{word} ", ""
    return " ".join((before + words + after).lower().split())


_WHO_ARE_RE = regex(r"\s+who\s+are\s+((?:street\s+)?homeless|at\s+risk\s+of\s+(?:becoming\s+)?homeless(?:ness)?|sleeping\s+rough|\w+)",
                    re.I)


def _joined_group(text: str, words: str) -> str:
    """The group with a second one the text joins to it ("children and vulnerable adults", "carers and their
    families"), else the group as found: a service for both is not rewritten for the first alone."""
    m = regex(rf"\b{re.escape(words)}\s+(?:and|&)\s+((?:their\s+)?(?:(?:{_GROUP_BEFORE})\s+)?)", re.I).search(text[:2000])
    second = named("people").match(text, m.end()) if m else None
    if second is None or second.end() < len(text) and (text[second.end()].isalnum() or text[second.end()] == "'"):
        return words
    word = second.group(0).lower()
    if word in _WORKFORCE or word in _GENERIC_PEOPLE or word == words or not word.endswith(("s", "people", "children", "men")):
        return words
    after = _PEOPLE_WHICH_RE.match(text, second.end())  # "older people and adults with complex needs"
    return " ".join(f"{words} and {m.group(1)}{word} {after.group(1) if after else ''}".lower().split())


def _beneficiaries(clause: str, heading: str, area: Area, ages: AgeRange | None, doc_group: str | None = None) -> str:
    """Who benefits, in the clause's own words, else its heading's, else (for a service of no known area) the
    group the document's opening names ("Grocery shopping for seniors", "a shelter for women"), else the area's."""
    words = _group_words(clause) or _group_words(heading, plural_only=True) or (doc_group if area.key == "general" else None)
    if not _group_words(clause) and _for_victims(clause):
        return "victims"  # "a victim participation rate of at least 65 per cent": the victims, not the document's group
    if words and _group_words(clause) == words:
        words = _joined_group(clause, _qualified(clause, words))
    elif words and _group_words(heading, plural_only=True) == words:
        words = _joined_group(heading, words)
    if words and words.lower().startswith("carer") and re.search(r"\bshared\s+lives\s+carers?\b", clause[:600], re.I):
        words = None  # Shared Lives carers are paid: the outcomes are those of the people they support
    if words and area.key == "early-years" and re.match(r"(?:working\s+)?(?:parents|families|mothers|fathers)\b", words, re.I):
        # "Parents of 3 and 4 year olds", "Working Parent Entitlement": an early years service's outcomes are
        # the children's first ("do well at home as their parents grow in confidence"), so its own group is named
        words = None
    if words and area.key == "maternity" and not re.match(r"(?:pregnant\s+)?(?:women|mothers|people|patients|families)\b", words, re.I):
        words = None  # "home visits for the newborn", "ASHAs": maternity care's outcomes are the mother's and her baby's
    if words:
        # "young people aged 16 – 24": the ages the commissioner wrote stay with the group
        aged = _AGED_RE.search(clause[:2000])
        if aged and aged.group(1).lower() == words:
            return f"{words} aged {aged.group(2)} to {aged.group(3)}"
        # "100 children (ages 6-14)", "6-9 year old youths": the one age range the clause states stays with its group
        stated = {(int(a or c), int(b or d)) for a, b, c, d in _STATED_AGES_RE.findall(clause[:600])}
        if len(stated) == 1 and (low_high := stated.pop())[0] < low_high[1] and "aged" not in words:
            return f"{words} aged {low_high[0]} to {low_high[1]}"
        return words
    # The ages the clause or its section states (not the whole document's: a health page's later sections are not
    # for the two-year-olds its first section is about).
    own = detect_ages(clause[:2000]) or detect_ages(heading)
    if area.key == "health-services" or (ages is not None and ages.high is not None and ages.high < 18
                                         and area.beneficiaries.startswith("people ")):
        ages = own
    if area.key in ("general", "public-health", "health-services") and ages is not None:
        # "a club for 9-10 year olds", "coverage for two and five year olds": say who they are
        if ages.high is not None and ages.high <= 12:
            return "children"
        if ages.high is not None and ages.low >= 11 and ages.high <= 25:
            return "young people"
        if ages.high is not None and ages.high <= 18:
            return "children and young people"
        if ages.low >= 65:
            return "older people"
    if ages is not None and ages.high is not None and ages.high < 18 and area.beneficiaries.startswith("people "):
        # "people with mental health needs" in a CAMHS standard: say they are children and young people
        young = "children" if ages.high <= 12 else "young people" if ages.low >= 11 else "children and young people"
        return young + area.beneficiaries[len("people"):]
    return area.beneficiaries


def _measure_named(outcome: Outcome, measure: Measure, scope: _Scope) -> str:
    """The measure's short name; where the text's nation is not known, with the nation's own collection it stands in for
    beside it ("the landlord's own survey of tenants …; in England, the Tenant Satisfaction Measures survey …"), and a
    collection that runs in one nation only, with no other to offer, said to be that nation's ("in England, the Early Years
    Foundation Stage Profile …"): a clause pasted on its own may be from anywhere. Not where the text names it itself."""
    official = outcome.official_in(measure, scope.ages, scope.nation)
    if official:
        return f"{measure.short}; in {_places(official.nations)}, {official.short}"
    if scope.nation is None and measure.nations and measure.key not in scope.named \
            and not any(nation in measure.short for nation in measure.nations):  # (not "the Survey of Adult Carers in England")
        return f"in {_places(measure.nations)}, {measure.short}"
    return measure.short


def _places(nations: tuple[str, ...]) -> str:
    """ "England", "England and Wales", "Great Britain" (England, Scotland and Wales), "the United Kingdom" (all four)."""
    if set(nations) == {"England", "Scotland", "Wales"}:
        return "Great Britain"
    if set(nations) == {"England", "Scotland", "Wales", "Northern Ireland"}:
        return "the United Kingdom"
    return nations[0] if len(nations) == 1 else ", ".join(nations[:-1]) + " and " + nations[-1]


def _outcome_slots(area: Area, count: int, seed: str, scope: _Scope, own_aim: bool = True) -> list[dict[str, str]]:
    """`count` outcomes for the area that fit the scope; the aim the clause states for itself, where it states one
    ("to help people stay in their own homes"), comes first, measured in its own words (not with `own_aim=False`:
    the rows of a table take turns among the outcomes, and a rate's outcome part is the person's own)."""
    start = zlib.crc32(seed.encode("utf-8"))  # stable across runs, unlike hash()
    chosen = area.choose(count, start, scope.ages, scope.named, scope.aims, scope.nation)
    if not chosen:  # nothing in the area fits the client group's ages: person-defined outcomes always do
        area = library()["general"]
        chosen = area.choose(count, start, scope.ages, scope.named, scope.aims, scope.nation)
    if area.key == "general":
        chosen = _honest_fallback(area, chosen, scope)
    slots = [{"change": c.outcome.change, "measure": _measure_named(c.outcome, c.measure, scope), "when": c.measure.when,
              "key": c.measure.key} for c in chosen]
    # (unless the library's first outcome is that aim already, with a measure made for it)
    if own_aim and scope.purpose and not (chosen and chosen[0].outcome.stated_in(scope.purpose)):
        slots = [{"change": scope.purpose, "measure": "a record for each person of whether this has happened",
                  "when": "when support ends and again six months later", "key": "clause-aim"}] + slots[:max(0, count - 1)]
    return slots


# The aim a clause states for its own activity, in its own words, as the change for the people it serves:
# "… to help people stay in their own homes" (stay in their own homes), "… so that families are stable" (are stable),
# "… to prevent abuse and/or removal of the child(ren)" (avoid abuse and/or removal …). Only what happens to people:
# not "to help the contractor", "so that the data are accurate", "to prevent fraud".
_NOT_PEOPLE = r"(?!(?:the\s+)?(?:contractor|provider|council|department|state|county|authority|agency|staff|commissioner|city)s?\b)"
_LIFE_HARMS = (r"(?:[\w-]+\s+){0,2}?(?:abuse|neglect|harm|removal|homelessness|eviction|(?:hospital\s+)?(?:re)?admissions?|"
               r"re-?offending|offending|isolation|loneliness|crisis|relapse|exclusion|entry\s+into\s+care|(?:placement\s+)?breakdown|"
               r"falls|institutional\s+care|residential\s+care|family\s+breakdown)\b")
_PURPOSE_RE = regex(
    r"\b(?:(?:in\s+order\s+|so\s+as\s+)?to\s+(?:(?:help|support|enable|assist|allow)\s+" + _NOT_PEOPLE
    + r"(?P<whom>(?:[\w'’-]+\s+){1,3}?)(?:to\s+)?(?P<do>(?:stay|live|remain|return|move|find|gain|get|keep|build|grow|achieve|"
    r"improve|reach|regain|become|feel|develop|maintain|manage|access|sustain|lead|cope|recover)\b[^.;:\n]{3,120})"
    r"|(?:prevent|avoid)\s+(?P<harm>" + _LIFE_HARMS + r"[^.;:\n]{0,80}))"
    r"|so\s+that\s+(?P<who>(?:[\w'’-]+\s+){1,3}?)(?P<modal>are|can|feel|remain|stay|will\s+be|will)\s+(?P<then>[^.;:\n]{3,120}))",
    re.I)
_PURPOSE_END_RE = regex(r",\s|\s(?:within|by\s+(?:the|[0-9])|through|via|and\s+to|as\s+(?:agreed|set|outlined|defined))\s|\s*\($", re.I)


def _clause_purpose(text: str, limit: int = 600) -> str | None:
    """The change a clause says its activity is for, ready to follow "<group> who use the service", or None."""
    m = _PURPOSE_RE.search(text[:limit])
    if m is None:
        return None
    if m.group("do"):
        whom = m.group("whom").strip()
        if not (named("people").search(whom) or whom.lower() in ("them", "each person", "everyone")):
            return None
        change = m.group("do")
    elif m.group("harm"):
        change = "avoid " + m.group("harm")
    else:
        who = m.group("who").strip()
        if not (named("people").search(who) or who.lower() in ("they", "each person", "everyone")):
            return None
        modal = " ".join(m.group("modal").lower().split())
        change = ("are " if modal in ("are", "will be") else "" if modal == "will" else modal + " ") + m.group("then")
    cut = _PURPOSE_END_RE.search(change)
    change = " ".join((change[:cut.start()] if cut else change).split()).rstrip(" ,.;:-–")
    return change if len(change.split()) >= 2 and not _carries(change, ("cost-first", "output-only")) else None


def _honest_fallback(area: Area, chosen: list[Choice], scope: _Scope) -> list[Choice]:
    """With no service area known, a wellbeing scale or a "feel connected" question is a guess that
    is often wrong (a screening programme, a taxi contract): offer only what the document's own aims
    or measures ask for, else the outcomes agreed with each person."""
    kept = [c for c in chosen if c.measure.key in scope.named or (scope.aims and c.outcome.stated_in(scope.aims))]
    if kept:
        return kept
    own = next(o for o in area.outcomes if "person-defined" in o.tags)
    return [Choice(own, own.measure)]


class _Scope:
    """What the clause, its section heading and its document say of the client group, measures and nation."""

    __slots__ = ("ages", "named", "aims", "nation", "purpose")

    def __init__(self, ages: AgeRange | None, named: tuple[str, ...], aims: str, nation: str | None = None,
                 purpose: str | None = None):
        self.ages, self.named, self.aims, self.nation, self.purpose = ages, named, aims, nation, purpose


class DocContext:
    """A document's service area, ages, named measures, stated aims and headings, worked out once per review.

    Attribute access falls through to the area, so code that took an Area keeps working.
    """

    def __init__(self, document: str):
        self.area = detect_area(document)
        if self.area.key == "general" and _CHILD_FUNDING_RE.search(document[:4000]) and not _SCHOOL_CHILD_RE.search(document[:4000]):
            self.area = library()["early-years"]  # a funding table "per funded child hour", no other service named
        self.ages = detect_ages(document)
        self.named = named_measures(document)
        self.aims = stated_aims(document)
        self.purpose = _clause_purpose(self.aims, 1500)  # the aim the document states, as a change for its people
        # A programme's name says what it is for, as an aim does: "the city's Summer Youth Employment Program" is about work
        names = _PROGRAMME_NAME_RE.findall(document[:_NAMED_IN])
        if names:
            self.aims = " ".join([self.aims, *dict.fromkeys(" ".join(n.split()) for n in names)]).strip()
        self.nation = detect_nation(document)
        self.text = document
        self.headings = _headings(document)
        self._starts = [h[0] for h in self.headings]
        # The group a document is for, as its title and opening name it (read once, from its first lines only).
        self.group = _group_words(document[:_OPENING], plural_only=True)
        # A page of direct payment rates names them in its title or first lines ("Direct payment rates"): its rate rows
        # ("Hourly rate £19.55 per hour") are what a person is given to buy their own care, not a provider's price.
        self.direct_payments = bool(_DIRECT_PAYMENT_RE.search(document[:_OPENING]))
        # A youth justice service names itself in its title or first lines ("Youth Justice Agency: key targets"): every
        # clause of it is about young people in that system, even one that names only a bail assessment or a conference.
        self.youth_justice = bool(_YOUTH_JUSTICE_RE.search(document[:_OPENING]))

    def heading_above(self, offset: int) -> str:
        i = bisect.bisect_right(self._starts, offset) - 1
        return self.headings[i][1] if i >= 0 else ""

    def __getattr__(self, name: str):
        return getattr(self.__dict__["area"], name)


_OPENING = 600  # characters of a document's start that name who it is for (its title and first lines)
_NAMED_IN = 3000  # characters of a document's start whose programme names are read as its aims
_PROGRAMME_NAME_RE = regex(r"\b(?:[A-Z][\w'’&-]*\s+){1,5}(?:Program|Programme|Scheme|Initiative)s?\b")
_MD_HEADING_RE = regex(r"\s{0,3}#{1,6}\s+(\S.*)")
_NUMBERED_HEADING_RE = regex(r"\s*(?:(?:section|part|schedule|annex)\s+)?\d{1,2}(?:\.\d{1,2})*\.?\s+([A-Z][^.!?;|\t]{1,80})$", re.I)
_MAX_HEADINGS = 5000


def _headings(document: str) -> list[tuple[int, str]]:
    """(offset, text) of lines that look like section headings: Markdown, numbered, or short title lines."""
    out: list[tuple[int, str]] = []
    lines = document.split("\n")
    pos = 0
    for i, line in enumerate(lines):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if not stripped or len(stripped) > 90 or "|" in stripped or "\t" in stripped:
            continue
        m = _MD_HEADING_RE.match(line) or _NUMBERED_HEADING_RE.match(line)
        title = m.group(1) if m else None
        if title is None and stripped[-1] not in ".!?;,:" and stripped[0].isupper() and len(stripped) <= 60:
            nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
            prev = lines[i - 1].strip() if i else ""
            if not prev and (not nxt or nxt[:1].isupper() or nxt[:1].isdigit()):
                title = stripped
        if title:
            out.append((start, title.strip()))
            if len(out) >= _MAX_HEADINGS:
                break
    return out


class _EndsView:
    """The end offsets of weight sets, as a sequence bisect can search without copying."""

    def __init__(self, weight_sets: list[list[Weight]]):
        self._sets = weight_sets

    def __len__(self) -> int:
        return len(self._sets)

    def __getitem__(self, i: int) -> int:
        return self._sets[i][-1].end


def _award_slots(text: str, weight_sets: list[list[Weight]], near: int, nation: str | None = None) -> dict:
    """Propose a quality-first scheme that keeps any social value weight of 10% or more.

    Social value as a weighted criterion of its own is the UK's (the Public Services (Social Value) Act and the
    guidance built on it): a document plainly from elsewhere that does not weight it itself gets quality and
    price only, and a weighting for its buyer, or "the buyer", never a council it does not have."""
    current: dict[str, Weight] = {}
    # The first set that ends at or after `near - 400`, found by bisection (sets come in order).
    i = bisect.bisect_left(_EndsView(weight_sets), near - 400)
    if i < len(weight_sets) and weight_sets[i][0].start - 400 <= near:
        current = scheme(weight_sets[i])
    abroad = nation == "outside the UK" and "social" not in current
    social = current["social"].value if "social" in current and current["social"].value >= 10 else (0 if abroad else 10)
    price = min(current["price"].value, 30) if "price" in current else 30
    quality = 100 - price - social
    within = False
    if not abroad and "social" not in current and "quality" in current and "price" in current and current["price"].value <= 30 \
            and current["quality"].value + current["price"].value == 100:
        # Already quality-led: keep the commissioner's figures and place social value inside quality,
        # rather than lower the quality weight they chose.
        quality, price, within = current["quality"].value, current["price"].value, True
    term_match = re.search(r"\b(price|cost)\b", text[max(0, near - 40):near + 60], re.I)
    price_term = term_match.group(1).capitalize() if term_match else "Price"
    as_int = lambda v: int(v) if float(v).is_integer() else v  # noqa: E731 - tiny formatter
    slots = {"quality": as_int(quality), "social": as_int(social), "price": as_int(price), "price_term": price_term,
             "social_within": within, "buyer": buyer_of(text, "buyer" if nation == "outside the UK" else "council")}
    if "social" in current and current["social"].value < 10 \
            and not any(w.criterion == "price" and w.value > 30 for ws in weight_sets for w in ws):
        # Only social value is short, in a document that weights price at 30% or less wherever it weights it ("Quality &
        # Innovation 44% … Social Value 8% Value for money 20%"): keep the commissioner's weighting and move the missing
        # points to social value from another criterion, rather than propose a new scheme that could weight price more.
        short = 10 - current["social"].value
        slots.update(social_raise=True, social_now=as_int(current["social"].value), short=as_int(short),
                     quality_after=as_int(current["quality"].value - short) if "quality" in current
                     and current["quality"].value > short else None,
                     price_now=as_int(current["price"].value) if "price" in current else None)
    return slots


# A South African tender's preference point system, as it names it: "the 80/20 Preference Point System", "90/10 preference
# points", "the PPPFA". Group 1 is the split, where it is given.
_PREFERENCE_SYSTEM_RE = regex(r"\b(80/20|90/10)\s+(?:preference|preferential)\b|\bpreferen(?:ce|tial)\s+points?\s+system\b"
                              r"(?:[^.;\n]{0,40}?\b(80/20|90/10)\b)?|\bPPPFA\b|\bPreferential\s+Procurement\s+Policy\s+Framework\b"
                              # the points for price beside South Africa's own criteria: "80 points for price competitiveness and 20
                              # points for specific goals, primarily BBBEE contribution level"
                              r"|\b(?:B-?BBEE|BBBEE|broad[-\s]based\s+black\s+economic)\b|\bspecific\s+goals\b(?=[^.;\n]{0,80}?\bpoints?\b)"
                              r"|\bpoints?\s+for\s+specific\s+goals\b", re.I)


def _preference_system(document: str) -> str | None:
    """The preference point system a South African tender names ("80/20", "90/10", or "" where it names the system or the
    Act without its split), or None for any other text."""
    m = _PREFERENCE_SYSTEM_RE.search(document[:20_000])
    return None if m is None else (m.group(1) or m.group(2) or "")


# Who buys, as the document names itself: the body a proposed weighting is for. A ministry's guide, a housing
# non-profit's policy or a township's statute has no council to confirm it.
_BUYER_RE = regex(r"\b(councils?|authority|county|city|township|boards?|ministry|department|agency|trust|commissioners?"
                  r"|corporation|organi[sz]ation|municipality)\b", re.I)


@lru_cache(maxsize=64)
def buyer_of(document: str, default: str = "council") -> str:
    """The buyer's noun the document uses most in its first 20,000 characters ('council', 'ministry', 'board'...);
    `default` when it names none: 'council', the usual reader's, or 'buyer' for a text from outside the UK."""
    counts: dict[str, int] = {}
    for m in _BUYER_RE.finditer(document[:20_000]):
        word = m.group(1).lower().removesuffix("s").replace("organization", "organisation")
        counts[word] = counts.get(word, 0) + 1
    if not counts:
        return default
    return max(counts, key=lambda w: (counts[w], w == "council"))


@lru_cache(maxsize=4096)
def _carries(words: str, categories: tuple[str, ...] = ("cost-first",)) -> bool:
    """Whether these words, pasted as they are, would be flagged again in one of these categories.

    Quoted inside a rewrite, output-only words are safe: every template puts them in a sentence that
    names them a secondary measure (tests/scoring/test_rewrites.py checks the whole corpus); a
    sentence kept whole (an award rule changed in place) must carry neither problem.
    """
    doc = Document(words, segment(words))
    return any(next(iter(run(r, doc)), None) for r in load_rules() if r.category in categories)


def _area_for_ages(area: Area, ages: AgeRange | None) -> Area:
    """A service for under-fives is an early years service, whatever words it uses."""
    if ages is not None and ages.high is not None and ages.high <= 5 and area.key in ("general", "children-families", "youth", "disability", "holiday-activities"):
        return library()["early-years"]
    return area


def document_area(document: str) -> DocContext:
    """The service area, client group's ages, named measures, aims and headings of a document, once per review."""
    return DocContext(document)


# A standard for answering people who make contact: "calls answered within 20 seconds", "answer incoming telephone calls",
# "respond to correspondence", "reply to 90% of emails", "handle 8,000 enquiries"; not calls that are care visits
# ("calls must be logged in the client's home") or enquiries that are cases ("safeguarding enquiries completed").
_CONTACT_WORDS = (r"(?:(?:(?:telephone|phone|incoming|emergency|alarms?|customer(?:\s+service)?)\s+)?(?:calls?|e-?mails?|letters?|correspondences?|enquir(?:y|ies)|quer(?:y|ies)|questions?|comments?|messages|voicemails?|feedback)"
                  r"|(?:customer|service)\s+requests?|(?:tele)?phones?|(?<=the\s)requests?)")  # "Telephones shall be answered within five rings"  # a council's or a utility's "service requests": a reported problem
_CONTACT_RE = regex(r"\b(?:answer(?:s|ed|ing)?|respond(?:s|ed|ing)?(?:\s+to)?|return(?:s|ed|ing)?|repl(?:y|ies|ied|ying)(?:\s+to)?"
                    r"|acknowledg(?:e|es|ed|ing)(?:\s+(?:receipt\s+of|receiving))?|handl(?:e|es|ed|ing)|deal(?:s|t)?\s+with)\s+(?:(?:to\s+)?(?:all|each|every|your|our"
                    r"|incoming|the|any|an?|other|further|new|urgent|routine|non-urgent|written|general|[\w-]+['’]s|a\s+minimum\s+of|at\s+least|\d{1,3}(?:\.\d)?(?:\s?%|\s+per\s?cent\.?)\s+of(?:\s+all)?|[\d,]+)\s+){0,3}" + _CONTACT_WORDS + r"\b"
                    r"|\b" + _CONTACT_WORDS + r"(?:\s*\([^()\n]{1,60}\))?\s+(?:(?:will|shall|must|to)\s+be\s+|are\s+|were\s+)?(?:answered|responded\s+to|returned"
                    r"|replied\s+to|acknowledged)\b|\b(?:put|placed|kept|left)\s+on\s+hold\b"  # a caller's hold time
                    # a visitor's wait at a counter, and a reply to correspondence told with words between
                    r"|\b(?:wait|waiting|queu(?:e|ing))\b[^.;|\n]{0,40}?\b(?:attended\s+to|served|seen)\b|\bqueu(?:e|ing)\s+times?\b"
                    r"|\bcustomers?\s+visiting\b|\b(?:contact|call|phone|ring)\s+us\b|\breceived\s+your\s+(?:letter|e-?mail|enquiry|message|correspondence)"
                    # getting back to someone after they got in touch: "We will contact you within two business days after
                    # receiving your call or email"
                    r"|\b(?:contact|call|phone|ring|get\s+back\s+to)\s+you\b[^.;|\n]{0,60}?\b(?:after|of|from)\s+(?:receiving|receipt\s+of|getting)\s+(?:your\s+)?" + _CONTACT_WORDS + r"\b"
                    r"|\b(?:correspondences?|letters?|e-?mails?)\b[^.;|\n]{0,50}?\b(?:shall|will|must)\s+be\s+(?:acknowledged|answered"
                    r"|responded\s+to|replied(?:\s+to)?)\b"
                    # a caller's time on hold, a visitor served at a counter or seen at an appointment's time, a contact
                    # acknowledged: "Average hold time must be 2 minutes or less", "serve you at our service counters within
                    # 10 minutes", "they will see you within 10 minutes of the appointment", "Provide an acknowledgment within"
                    r"|\bhold\s+times?\b|\bserved?\s+(?:you\s+)?at\s+(?:our|the)\s+(?:service\s+)?(?:counters?|reception|front\s+desk)\b"
                    # a visitor served or seen within a time, and feedback or an enquiry resolved: "With an appointment, we will
                    # serve you within 10 minutes", "Customer feedback via letter will be resolved within 7 days"
                    r"|\b(?:serve|see|attend\s+to)\s+you\s+within\b|\b(?:feedback|enquir(?:y|ies)|quer(?:y|ies))\b[^.;|\n]{0,60}?"
                    r"\b(?:will|shall|must|should)\s+be\s+(?:resolved|addressed|dealt\s+with|handled)\b"
                    # a reply the person or their letter receives (not an emergency call's response at the scene), a
                    # contact form, a wait at a desk counted in minutes: "You will receive a substantive response within 5
                    # business days if you use the contact form", "the waiting time is a maximum of 5 minutes"
                    r"|\b(?:you|enquir(?:y|ies)|quer(?:y|ies)|questions?|letters?|e-?mails?|correspondence|messages?)\s+(?:will|shall|should"
                    r"|must|can\s+expect\s+to)\s+(?:receive|get)\s+(?:a\s+|an\s+)?(?:substantive\s+|full\s+|first\s+|written\s+)?(?:response"
                    r"|reply|answer|confirmation\s+of\s+receipt|acknowledge?ment)\b(?!\s+at\s+(?:the\s+)?scene)|\bcontact\s+form\b"
                    r"|\bwaiting\s+times?\b(?=[^.;\n]{0,40}?\b(?:desk|counter|reception|minutes?)\b)"
                    r"|\bsee\s+you\s+within\b[^.;|\n]{0,30}?\bappointment\b|\backnowledge?ment\s+within\b"
                    # a full reply, written contact, the speed of answer, rings, and a line that names only the contact:
                    # "provide a full response to enquiries within 10 working days", "respond to written contact",
                    # "Average Speed of Answer Standard = 30 seconds", "telephone calls within six rings", "• letters within
                    # 10 working days", "Acknowledge within one day", "Attend to customers/visitors on arrival"
                    r"|\b(?:full\s+)?(?:response|reply|replies|answer)\s+to\s+(?:(?:your|all|the|any|written|general|most|urgent|routine)\s+)?(?:enquir(?:y|ies)"
                    r"|quer(?:y|ies)|correspondence|letters|e-?mails|(?:written\s+)?contact)\b|\bwritten\s+contact\b|\bspeed\s+(?:of|to)\s+answer\b"
                    r"|\bwithin\s+(?:\w+\s+)?(?:\(\d+\)\s+)?rings\b|^\W*(?:letters|e-?mails|(?:telephone\s+|phone\s+)?calls|correspondence)\s+(?:within|in)\b"
                    r"|^\W*(?:acknowledge|give\s+a\s+full\s+(?:response|reply))\s+within\b|\b(?:customers|visitors)\s+on\s+arrival\b"
                    r"|\binformation\s+requests\b"
                    # an acknowledgement of contact or post, a full reply to a letter, a customer seen at an appointment's
                    # time, an answer time, inquiries resolved: "acknowledge contact within 24 hours", "send you a full reply
                    # within 20 working days of receiving your letter", "Customers shall be seen within ten (10) minutes",
                    # "Average answer time … no greater than 75 seconds", "resolve 100% of inquiries within 15 business days"
                    r"|\backnowledge\s+(?:(?:all|your|any)\s+)?(?:contact|(?:postal\s+|online\s+|written\s+)correspondence)\b"
                    r"|\b(?:full\s+)?(?:reply|response)\s+within\b[^.;|\n]{0,40}?\b(?:letters?|e-?mails?|fax|correspondence|enquir(?:y|ies))\b"
                    r"|\b(?:customers|visitors|callers)\s+(?:shall|will|should|must)\s+be\s+(?:seen|served|attended\s+to)\b"
                    r"|\banswer\s+times?\b|\bresolv(?:e|es|ed|ing)\s+(?:\d{1,3}\s?%\s+of\s+)?(?:all\s+)?(?:inquir|enquir)(?:y|ies)\b"
                    # a standards table whose row opens on the way in ("Telephone call | Deadline of 2 working days |"),
                    # and a visitor attended to at an appointment's time ("Attend to 80% of appointments within 15 minutes")
                    r"|^\W*(?:telephone\s+calls?|phone\s+calls?|voicemails?|e-?mails?|letters?|written\s+(?:correspondence|enquiries|requests)"
                    r"|correspondence|counter\s+enquiries|walk-?in\s+(?:visits|enquiries))\s*\|"
                    r"|\battend\s+to\s+(?:\d{1,3}\s?%\s+of\s+)?(?:all\s+)?appointments\b"
                    # a call back promised, a customer seen at a service desk or served at an office: "if we promise to call
                    # you back, we will aim to do this within one working day", "see a minimum of 90% of customers within 20
                    # minutes at our Customer Service Desks", "a target of serving up to 90% of customers within 15 minutes"
                    # (not "see 90% of customers within 15 minutes of their appointment" in a housing options service: that
                    # service's own measure)
                    r"|\bcall\s+(?:you\s+|them\s+|people\s+)?back\b|\bcustomer\s+service\s+(?:desks?|counters?|points?)\b"
                    r"|\bserving\s+(?:up\s+to\s+)?\d{1,3}\s?%\s+of\s+(?:our\s+)?customers\b"
                    # an answer time told alone, a pair of ways in as a line's label: "Answer in 20 seconds", "Letters & E-mails:
                    # 95% acknowledged within 3 working days"
                    r"|\banswer\s+(?:with)?in\s+\d{1,3}\s+(?:seconds|rings)\b"
                    r"|^\W*(?:letters?|e-?mails?|calls?)\s*(?:&|and|/)\s*(?:letters?|e-?mails?|calls?)\s*:"
                    # a line's calls answered or given up told with words between, calls offered, callbacks: "80 per cent of
                    # calls to the enquiry line (EL) to be answered first time", "No more than 20 per cent of calls to be
                    # abandoned by the caller", "at least 65 per cent of calls offered", "95 per cent of callbacks promised"
                    r"|\bcalls\b[^.;|\n]{0,60}?\b(?:to|will|shall|must|should)\s+be\s+(?:answered|abandoned)\b|\bcalls\s+offered\b"
                    r"|\b(?:abandoned|answered|unanswered)\s+calls\b|\bcall\s+abandonment\b|\bcall-?backs?\b", re.I | re.M)
# A list's lead-in that says how the person got in touch: "If you email us we will:", "When you contact us by telephone:".
# (Or comes in: "When you visit our offices we will:", "If you call at our reception:".)
_CONTACT_LEAD_RE = regex(r"\b(?:if|when)\s+you\s+(?:(?:e-?mail|write\s+to|phone|telephone|call|ring|contact|visit|message|text)\s+us\b"
                         r"|(?:visit|call\s+(?:in\s+)?at|come\s+(?:in)?to)\s+(?:one\s+of\s+)?our\s+(?:[\w-]+\s+){0,2}?(?:offices?|receptions?|counters?"
                         r"|desks?|cent(?:re|er)s?|one\s+stop\s+shops?|hubs?)\b)", re.I)


_CHILD_WORDS_RE = regex(r"\b(?:child|children|infants?|babies|baby|toddlers?|under[- ]fives|pupils)\b", re.I)


# An injury compensation scheme or its clients: Victoria's Transport Accident Commission (TAC), WorkSafe and WorkCover
# schemes, workers' compensation, motor accident and accident compensation schemes.
_INJURY_SCHEME_RE = regex(r"\b(?:transport|road|motor(?:\s+vehicle)?)\s+accidents?\b|\baccident\s+compensation\b"
                          r"|\bworkers['’]?\s+comp(?:ensation)?\b|\bwork\s?(?:cover|safe)\b|\b(?-i:TAC)\b"
                          r"|\b(?:injured|compensable)\s+(?:clients?|workers?|persons?|people|claimants?)\b", re.I)
_YOUTH_JUSTICE_RE = regex(r"\byouth\s+(?:justice|offending)\b|\bjuvenile\s+justice\b|\byoung\s+offenders?\b|\b(?:YOT|YOS|YJA)\b", re.I)
# Victims named as the people a clause of a youth or adult justice service is for ("a victim attendance rate of at least
# 60 per cent"): a restorative or victims' service is not the offender's, so the offender's outcomes are not theirs.
_VICTIMS_RE = regex(r"\bvictims?\b", re.I)
# … unless the clause also names those who offended (or the young people a youth justice service works with) as its people.
_OFFENDERS_RE = regex(r"\b(?:offenders?|young\s+people|perpetrators?|defendants?)\b", re.I)


def _for_victims(text: str) -> bool:
    """Whether a clause's people are victims of crime, not those who offended."""
    return bool(_VICTIMS_RE.search(text[:1000])) and not _OFFENDERS_RE.search(text[:1000])

_DIRECT_PAYMENT_RE = regex(r"\bdirect\s+payments?\b|\bpersonal\s+assistants?\b|\bpersonal\s+budgets?\b", re.I)


def _young(scope: _Scope, beneficiaries: str) -> bool:
    """Whether the group is children under eight, who cannot plan a service or confirm its outcomes themselves:
    their families do, with them (the templates say so). Only where the rewrite names them as children."""
    return scope.ages is not None and scope.ages.high is not None and scope.ages.high < 8 \
        and _CHILD_WORDS_RE.search(beneficiaries) is not None and not re.search(r"\b(?:famil|parent)", beneficiaries, re.I)
    # (the group is named as children only from the clause's or its section's own ages: see _beneficiaries)


def _line_around(document: str, clause: Clause) -> str:
    """The other sentences of the line a clause sits on, at most 300 characters each side."""
    a = document.rfind("\n", max(0, clause.start - 300), clause.start) + 1
    b = document.find("\n", clause.end, clause.end + 300)
    return document[max(a, clause.start - 300):clause.start] + " " + document[clause.end:b if b >= 0 else clause.end + 300]


# Emergency care named in a clause: A&E, an ambulance's calls by category, emergency or crisis beds, critical or
# intensive care (its beds are for the most acutely ill, already admitted: avoiding admission is not their outcome).
_EMERGENCY_CARE_RE = regex(
    r"\b(?:a\s?&\s?e|accident\s+and\s+emergency|emergency\s+(?:departments?|examination|response)|ambulances?"
    r"|crisis\s+(?:stabili[sz]ation|beds?|units?|centres?|centers?)|psychiatric\s+(?:inpatient\s+)?beds?|inpatient\s+beds?"
    r"|999\s+calls?|red\s+(?:1|2|calls?)|category\s+[a-d1-4]\s+calls?|life[-\s]threatening|critical\s+care|intensive\s+care|high[-\s]dependency|ICU|HDU)\b", re.I)
# … unless the clause is about keeping people out of it: "reduce A&E attendances", "avoid ambulance call-outs".
_PREVENTS_EMERGENCY_RE = regex(
    r"\b(?:reduc\w*|avoid\w*|prevent\w*|fewer|lower|divert\w*)\b[^.;]{0,40}?\b(?:a\s?&\s?e|attendances?|admissions?"
    r"|ambulances?|999|call-?outs?|conveyances?|presentations?)\b", re.I)


# A pointer to where the figures are, at the end of an item: "– see attached", "(see Appendix 2)".
_SEE_ATTACHED_RE = regex(r"[ \t]*[-–—(]?[ \t]*(?:see|refer[ \t]+to)[ \t]+(?:the[ \t]+)?(?:attached(?:[ \t]+\w+)?|attachment|spreadsheet"
                         r"|(?:appendix|annex|schedule)[ \t]+\w+)[ \t]*\)?[ \t.]*$", re.I)
# Patient transport and its standards: "NEPTS", "% of patients arriving on time for their appointment", "outpatients
# collected within 60 minutes of the ready time", "Inbound performance" (not a bus network's on-time running).
_PATIENT_TRANSPORT_RE = regex(r"\b(?:patient\s+transport|nepts|non[-\s]emergency\s+(?:patient\s+)?transport"
                              r"|(?:patients|outpatients|passengers|discharges(?:\s+&\s+transfers)?)\s+(?:arriving|arrive|collected"
                              r"|picked\s+up|dropped\s+off)\b|(?:inbound|outbound)\s+(?:performance|journeys?)|(?:agreed\s*/\s*)?ready\s+time\b"
                              # a transport charter's own words: "to travel for no longer than 60 minutes on the vehicle", "On
                              # collection from hospital", "To arrive no more than 60 minutes before … your appointment time"
                              r"|\bon\s+(?:the|a)\s+vehicle\b|\b(?:booked\s+)?collection\s+(?:time|from\s+(?:the\s+)?(?:hospital|clinic|home))\b"
                              r"|\barriv\w*\s+no\s+(?:more|later)\s+than\b[^.;\n]{0,40}?\b(?:before|after|later\s+than)\s+(?:your|their|the)\s+"
                              r"appointment)", re.I)


# (Not "fostering" as a verb: "fostering business expansion".)
_IN_CARE_RE = regex(r"\bfoster(?:ing)?\s+(?:care|carers?|placements?|allowances?|fees?|rates?|payments?|services?|agenc\w+|households?|families|family|homes?|parents?)\b"
                    r"|\bchildren\s+in\s+care\b|\blooked[-\s]after\s+children\b|\bchild\s+and\s+youth\s+care\s+cent(?:re|er)s?\b|\bCYCCs?\b", re.I)


# A time to decide or issue what people apply or claim for: "clear all new applications within one month", "authorize
# pensionary benefits within two months", "Licences will be issued within 5 working days".
_DECISION_STANDARD_RE = regex(
    r"\b(?:clear|process|decide|determine|approve|issue|authori[sz]e|settle|sanction|grant|dispose\s+of)(?:s|d|ed|ing)?\b[^.;|\n]{0,60}?"
    r"\b(?:applications?|claims?|cases|benefits?|pensions?|dues|permits?|licen[cs]es?|certificates?|refunds?|requests?\s+for"
    r"|(?:tax\s+)?returns|registrations?)\b(?=[^.;|\n]{0,80}?\bwithin\b)"
    r"|\b(?:applications?|claims?|permits?|licen[cs]es?|certificates?|pensions?)\b[^.;|\n]{0,60}?\b(?:will|shall|must|should|to)\s+be\s+"
    r"(?:processed|decided|determined|approved|issued|cleared|settled|sanctioned|granted|disposed\s+of)\b"
    # (a measure's name: "pension transactions and payments processed within established timeframes", "refunds issued
    # within 30 days")
    r"|\b(?:applications?|claims?|permits?|licen[cs]es?|certificates?|pensions?|refunds?|(?:pension|benefit)[\w-]*\s+(?:payments?"
    r"|transactions?)|(?:public\s+)?records?\s+requests?|(?:information|foi|access)\s+requests?|requests?\s+for\s+(?:information|records)"
    r"|(?:tax\s+)?returns|registrations?)\b[^.;|\n]{0,40}?\b(?:processed|decided|determined|approved|issued|cleared|settled|paid)\s+within\b"
    # the time told from the application: "approve the rental of halls within one week from the application date", "issue
    # the permit within 10 working days of receiving a complete application"
    r"|\b(?:clear|process|decide|determine|approve|issue|authori[sz]e|settle|sanction|grant|register)(?:s|d|ed|ing)?\b[^.;|\n]{0,80}?"
    r"\bwithin\b[^.;|\n]{0,40}?\b(?:of|from|after|following)\s+(?:the\s+)?(?:date\s+of\s+)?(?:(?:the\s+)?(?:receiv\w*|receipt\s+of"
    r"|submission\s+of|lodg\w*)\s+)?(?:the\s+|your\s+|a\s+|an\s+)?(?:complete[d]?\s+|full\s+|valid\s+)?(?:applications?|claims?)\b"
    # a time to issue what was applied for, named by what is issued: "issue the planning permission results within 57 days",
    # "passwords will be issued within eight working days" after registering, "85% of first reports on new applications in
    # 13 weeks"
    r"|\b(?:issue|grant|approve)(?:s|d|ed|ing)?\b[^.;|\n]{0,40}?\bplanning\s+(?:permissions?|approvals?|consents?|decisions?)\b"
    r"|\b(?:reports?|decisions?)\s+on\s+(?:all\s+|new\s+)*applications?\s+(?:with)?in\s+\d", re.I)


# The client group a clause's own words name, as the library tags the groups its areas and measures are for.
_GROUP_CLIENTS = {"children": "children", "young people": "young-people", "youths": "young-people", "youth": "young-people",
                  "older people": "older-people", "seniors": "older-people", "senior citizens": "older-people",
                  "pensioners": "older-people", "parents": "parents", "families": "families"}


def _outside_clients(text: str, area: Area) -> bool:
    """Whether a clause names its own group, and the document's area is not for that group: in a paste of unrelated
    lines, "90% of children seen within 6 weeks" under a tenancy support line is not about children's tenancies."""
    words = _group_words(text)
    client = _GROUP_CLIENTS.get(words.lower()) if words else None
    if client is None or not area.clients:
        return False
    if client in ("parents", "families"):
        return not {"parents", "families", "children"} & set(area.clients)
    return client not in area.clients


def _fostering_page(doc: DocContext) -> bool:
    """A document about children in care by its title or its area: "Standard Payment Rate for Foster Family Care"."""
    # (not "adult foster care", a United States name for adults placed with a family)
    return doc.area.key in ("children-families", "adult-social-care") and _IN_CARE_RE.search(doc.text[:600]) is not None \
        and not _ADULTS_NAMED_RE.search(doc.text[:600])


def _scope(clause: Clause, heading: str, doc: DocContext | None) -> _Scope:
    """Ages, measures and aims from the clause, then its section heading, then the whole document."""
    ages = detect_ages(clause.text) or detect_ages(heading) or (doc.ages if doc else None)
    named = tuple(dict.fromkeys(named_measures(clause.text) + named_measures(heading) + (doc.named if doc else ())))
    # The clause's own words say what it is about ("wellbeing sessions"), as a stated aim does; a standard for answering
    # calls, letters or enquiries is a contact standard (knowledge/outcomes.yaml offers its outcome by that phrase).
    # (and the rest of its line: a list item's later sentence "90% should arrive within 15 minutes" is about the
    # item's first, "Category 1: calls relating to … cardiac arrest")
    line = _line_around(doc.text, clause) if doc else ""
    # (and the line that leads in the clause's table or list: "The immunisation service is paid per dose as follows.")
    aims = " ".join(x for x in (clause.text[:1000], line, _lead_in(doc.text, clause.start) if doc else "", stated_aims(heading),
                                doc.aims if doc else "") if x)
    if doc is not None and doc.youth_justice:
        aims += " youth justice"
    lead = doc.text[max(0, clause.start - 300):clause.start].rstrip().rpartition("\n")[2] if doc else ""
    if doc is not None and not any(ch.isalnum() for ch in lead):  # only the item's marker: the line above leads it in
        above = doc.text[max(0, clause.start - 300):clause.start].rstrip().rpartition("\n")[0]
        lead = above.rstrip().rpartition("\n")[2]
    if _CONTACT_RE.search(clause.text[:1000]) or _CONTACT_LEAD_RE.search(heading[-300:]) or _CONTACT_LEAD_RE.search(lead) \
            or _CONTACT_LEAD_RE.search(clause.text[:200].partition("\n")[0]):  # a list whose lead-in shares its clause
        aims += " contact standard"
    if _DECISION_STANDARD_RE.search(clause.text[:1000]):
        aims += " decision standard"  # a time to decide what people applied or claimed for: whether it came, and stands
    if _PATIENT_TRANSPORT_RE.search(clause.text[:1000]) or _PATIENT_TRANSPORT_RE.search(heading[-300:]):
        aims += " patient transport"  # its journeys are for getting to care (knowledge/outcomes.yaml offers that by this phrase)
    if _IN_CARE_RE.search(heading) or (doc is not None and _fostering_page(doc)):
        # (or the document's title: "Standard Payment Rate for Foster Family Alternative Care" over its rows)
        aims += " children in care"  # "Weekly fostering allowances" over "0-4 years: £181.00": its rows pay for a placement
    if _EMERGENCY_CARE_RE.search(clause.text[:1000]) and not _PREVENTS_EMERGENCY_RE.search(clause.text[:1000]):
        # an emergency department, an ambulance's response or a crisis bed is where people go when they need it:
        # knowledge/outcome_library.py offers it no outcome of avoiding hospital
        aims += " emergency response"
    # The document's nation, else what the clause and its heading name ("the Scottish Government's standard").
    nation = (doc.nation if doc else None) or detect_nation(clause.text[:4000] + "\n" + heading)
    # The aim the clause states for itself, else its section's, else its document's: measured first.
    purpose = _clause_purpose(clause.text) or _clause_purpose(stated_aims(heading)) or (doc.purpose if doc else None)
    return _Scope(ages, named, aims, nation, purpose)


def rewrite(template: str, clause: Clause, start: int, end: int, document: str,
            weight_sets: list[list[Weight]], doc_area: DocContext | Area, *, quote: bool = True,
            place: Place | None = None, row: int = 0) -> str:
    """Render the named rewrite for one finding, shaped for its place (a row, a list item or a
    sentence; see scoring/fit.py); `quote=False` leaves out the clause's own words. `row` is the
    row's place in a run of rows rewritten together: consecutive rows take turns among the
    outcomes that fit, rather than all naming the same one."""
    place = place or Place("sentence")
    if template == "homecare-outcomes" and _not_care_bought(clause, doc_area):
        return None  # an interpreter's, a lawyer's or a driver's hours, or a charge the person pays: no support plan to pay on
    if template == "homecare-outcomes" and _ROOM_PRICE_RE.search(line := _line_at(clause, start)) \
            and not _SUPPORT_IN_ROOM_RE.search(f"{line}\n{_setting(clause, doc_area)[2]}"):
        return None  # a room's or a bed's price by the night: no support plan to pay on, and its price is the point
    if template == "output-to-outcome" and _PAYMENT_LINK_RE.search(clause.text[:4000]):
        template = "payment-to-outcome"  # an activity target with money on it: the payment is what to change
    if place.kind == "row":
        return _row_rewrite(template, clause, start, end, document, weight_sets, doc_area, place, row)
    if place.kind != "row" and template in ("output-to-outcome", "payment-to-outcome") \
            and (kept := _rates_kept(clause, start, end, doc_area, document)):
        return as_item(place, kept)
    if template == "output-to-outcome" and (item := _points_step(clause, start, end, doc_area, place)):
        return item
    if template == "output-to-outcome" and (item := _reads_on(template, clause, start, end, document, doc_area, place)):
        return item
    if template == "homecare-outcomes" and (rate_at := _rate_on_next_line(clause, start, end)) is not None:
        start = rate_at  # "Shared Lives respite care" over "£36.13 per night £13.50 per night": the rates' own line
    if template == "homecare-outcomes" and (line := _rate_rise_line(clause, start, doc_area)):
        return as_item(place, line)
    if template == "homecare-outcomes" and (cells := _rate_cells_around(document, start, clause.block)) is not None \
            and (line := _rate_line(cells, 0, doc_area)):
        return as_item(place, line)
    label = indicator_label(clause, max(start, end - 1))
    # A rate on a line of its own (a list entry, a flattened row of rates) comes back as that line: a sentence ends
    # with a full stop, a line of figures does not.
    # So does a list item that is a rate ("(b) $6.72 for each 15 minutes of service.").
    if template == "homecare-outcomes" and (label is not None or (not _ends_sentence(_line_at(clause, start))
                                                                  and not _wrapped(clause, start))
                                            or (place.kind == "item" and _rate_ends_line(_line_at(clause, start)))) \
            and (line := _rate_line(clause, start, doc_area, document)):
        return as_item(place, line)
    if template == "award-quality-first" and not _AWARD_WORDS_RE.search(clause.text[:4000]) \
            and not _row_line(clause, start, document).endswith((".", ";", ":")) \
            and (line := _rate_line(clause, start, doc_area, document)):
        # a fee schedule's line of hourly rates ("Home care 20.28 (hourly rate) 6.60 21.64 (hourly rate)") is not an
        # award rule: it comes back as the same line, its rates kept as the base, not as a tender weighting
        return as_item(place, line)
    if label is not None and template in ("output-to-outcome", "payment-to-outcome"):
        if not label:  # "Output #1:" alone on the line above, in the same clause, is this line's label
            here = document.rfind("\n", 0, start)
            above = document[document.rfind("\n", 0, max(here, 0)) + 1:max(here, 0)].strip() if here > 0 else ""
            if above and _LABEL_ONLY_RE.fullmatch(above):
                label = above + " "
            label = label or _cell_label(clause, start)
        return as_item(place, _line_rewrite(template, clause, start, end, doc_area, label, document))
    if template in ("output-to-outcome", "payment-to-outcome") and quote \
            and (short := _short_line(template, clause, start, end, doc_area, place, document)):
        return short
    if template == "output-to-outcome" and quote and (kept := _capacity_kept(clause, start, end, doc_area)):
        return as_item(place, kept)
    if template == "homecare-outcomes" and place.kind in ("sentence", "item") and (kept := _unpriced_rule(clause, doc_area)):
        return as_item(place, kept)
    sentence = _sentence_rewrite(template, clause, start, end, document, weight_sets, doc_area, quote, place.kind)
    if template in ("output-to-outcome", "payment-to-outcome", "homecare-outcomes"):
        # The label that opens the finding's own line: a label on a line above it is a heading or another row's
        own_line = clause.text.rfind("\n", 0, max(0, start - clause.start)) + 1
        lead = _SENTENCE_LABEL_RE.match(clause.text[own_line:])
        name = lead and (lead.group(1) or lead.group(3))
        # (a finding may start inside the label, "1 – Minimum 16 units", as long as it runs on past it)
        if lead and clause.start + own_line + lead.end() < max(start + 1, end) and not sentence.startswith(name):
            # "Literature searches: 95% of …", "KPI 1 - 95% of …" keep their label as written
            sentence = f"{name}: {sentence}" if lead.group(2) else f"{name} {lead.group(4)} {sentence}"
        elif (cell := _cell_label(clause, start)) and not sentence.startswith(cell.rstrip(": ")):
            sentence = cell + sentence  # "Program Goal <br />At least 40 adults …": the row's label cell stays
        elif place.kind == "sentence" and (run_in := _run_in_lead(document, start, end)) and not sentence.startswith(run_in.strip()):
            sentence = run_in + sentence
    return None if sentence is None else as_item(place, sentence)


def _rate_on_next_line(clause: Clause, start: int, end: int) -> int | None:
    """Where the rate starts when a finding runs from the service named on one line to its rate on the next."""
    found = clause.text[start - clause.start:end - clause.start]
    money = _MONEY_IN_RE.search(found)
    return start + money.start() if money is not None and "\n" in found[:money.start()] else None



# An item that is a verb phrase completing its list's lead-in: "Answer calls within 10 seconds" under "We will:", "Conduct
# a screening within 7 days" under "The Contractor shall:". The verbs service standards and specifications open items with.
_ITEM_MARKER_RE = regex(r"[ \t]*(?:[•◦▪*-][ \t]+|(?:\(?(?:\d{1,2}(?:\.\d{1,2}){0,3}|[a-z]|[ivx]{1,4})[.)]|\d{1,2}(?:\.\d{1,2}){1,3})"
                        r"(?:[ \t]+|(?=[A-Z][a-z])))")
_ESCAPE_RE = regex(r"[\s,;]*(?:or\s+)?(?:as\s+(?:otherwise\s+)?agreed|unless\b|except\b|where\s+(?:possible|practicable|appropriate)"
                   r"|if\s+(?:possible|required|needed|appropriate)|subject\s+to\b|\((?:[^()]*)\)\s*$)", re.I)
# A verb that makes a line a sentence or a condition, not the name of a measure ("Number of … is not less than 60%").
_FINITE_VERB_RE = regex(r"\b(?:is|are|was|were|will|shall|must|should|be|has|have)\b", re.I)
_LABEL_START_RE = regex(r"[A-Z][\w'’-]*(?:[ \t]+[\w&'’/-]+){0,4}[ \t]*:[ \t]")
_TRAILING_MARKER_RE = regex(r"[ \t]*(?:[•◦▪*-]|\(?(?:\d{1,2}(?:\.\d{1,2}){0,3}|[a-z]|[ivx]{1,4})[.)])[ \t]*$")
# A measure named as a count or share: "Total formal referrals …", "Percentage of young people …", "# of visits".
# (also a limit on a wait named as the measure: "1. A maximum wait of two weeks from referral to treatment; and")
_MEASURE_ITEM_RE = MEASURE_NAME_RE  # (scoring/fit.py)
# (Not the first word of a place's name: "Contact Centre response times – calls answered …" is a row's label, not an
# instruction to contact anyone.)
_VERB_ITEM_RE = regex(rf"(?:{_ITEM_VERBS})\b(?![-'’])(?![ \t]+(?:cent(?:re|er)s?|desks?|points?)\b)", re.I)
_TO_VERB_RE = regex(rf"(?-i:T)o[ \t]+(?=(?:{_ITEM_VERBS})\b(?![-'’]))", re.I)
# "To arrive …", "That you will be collected …": an item in the infinitive, or a that-clause, finishing its lead-in
_FINISHING_ITEM_RE = regex(r"(?:To|That)[ \t]+[a-z]{2,}\b")
# A lead-in whose sentence the item finishes, not a label: "you can expect:", "Specifications include, but are not limited
# to:", "we will:" (not "Target 1B:", "Indicator:", "HC1-A:", whose outcome goes after the label).
_VERB_LEAD_RE = regex(r"\b(?:expects?|include[sd]?|including|limited\s+to|will|shall|must|should|aims?\s+to|promises?\s+to"
                      r"|commits?\s+to|pledges?\s+to|undertakes?\s+to|agrees?\s+to)\s*:\s*$", re.I)
# An item's words that are not one item: a lead-in of its own ("… as follows:"), or cells run together ("… / Annual Target").
_TABLE_DEBRIS_RE = regex(r":$|\s/\s|\|")
# A lead-in the items read on from: it ends on a modal or "to" ("Our behaviour – we will", "The Contractor shall:",
# "Providers are expected to:"), or it is a heading or lead-in with a colon ("Referral:", "Specifications include:").
_READS_ON_LEAD_RE = regex(r"(?:\b(?:will|shall|must|should|agrees?\s+to|undertakes?\s+to|commits?\s+to|(?:is|are)\s+(?:\w+\s+)?to"
                          r"|expected\s+to|required\s+to|responsible\s+for|aims?\s+to|to)|:)[ \t]*[:–—-]?[ \t]*$", re.I)


def _reads_on(template: str, clause: Clause, start: int, end: int, document: str, doc_area: DocContext | Area,
              place: Place) -> str | None:
    """A list item that is a verb phrase reading on from its lead-in ("We will:" … "Respond to letters within 5 days")
    comes back as one item in the same form, not a paragraph: "Work with <group> so that they <change> (<measure>),
    with the commitment to respond to letters within 5 days kept as a secondary measure". None for anything else: a
    sentence with its own subject, a line of several sentences, an item whose lead-in does not read on."""
    rel = start - clause.start
    line_start = clause.text.rfind("\n", 0, rel) + 1
    line_end = clause.text.find("\n", rel)
    line = clause.text[line_start:line_end if line_end >= 0 else len(clause.text)]
    if len(line) > 240 or not line.strip():
        return None
    marker = _ITEM_MARKER_RE.match(line)
    body = line[marker.end():] if marker else line.lstrip()
    run_in = ""
    # the line's words before the clause, when a lead-in and the item's marker were split off as a clause of their own
    # ("Service Delivery The Contractor shall: 1." | "Provide …"): kept as written, before the item
    doc_line = document.rfind("\n", max(0, clause.start + line_start - 200), clause.start + line_start) + 1 if document else 0
    before = document[doc_line:clause.start + line_start] if document and clause.start + line_start - doc_line < 200 else ""
    if before.strip() and not marker:
        lead_part = _TRAILING_MARKER_RE.sub("", before)
        if lead_part.strip() and not _READS_ON_LEAD_RE.search(lead_part.rstrip()):
            return None  # the sentence before it in a paragraph, not a lead-in
        # a lead-in and the marker, or the item's marker alone ("2."), which a list item's place already holds
        run_in = "" if place.kind == "item" and not lead_part.strip() else " ".join(before.split()) + " "
    elif not _VERB_ITEM_RE.match(body) and (colon := line.rfind(": ", 0, min(160, rel - line_start))) > 0 \
            and _READS_ON_LEAD_RE.search(line[:colon + 1]):
        # a lead-in run into the item's line ("Service Delivery The Contractor shall: 1. Provide …") stays as written
        marker = _ITEM_MARKER_RE.match(line, colon + 1)
        run_in = line[:colon + 1].strip() + " "
        body = line[marker.end():] if marker else line[colon + 2:]
        finishes = _FINISHING_ITEM_RE.match(body) or body[:1].islower() or not _FINITE_VERB_RE.search(body)
        if finishes and _VERB_LEAD_RE.search(run_in) and not _VERB_ITEM_RE.match(body) and not _LABEL_START_RE.match(body) \
                and not _TABLE_DEBRIS_RE.search(body.rstrip()):
            # an item that finishes a lead-in run into its line ("On collection from hospital you can expect: To wait no
            # longer than 60 minutes …", "Specifications include: Direct service hours of no less than 6 hours per day"):
            # the lead-in and the item's own words stay whole, then the change it is for, as one item (an outcome sentence
            # after "you can expect:" would not read)
            own, end_mark = _item_words(body)
            if len(own) <= 230 and not _carries(own) and "tender-coach" not in own.lower():
                text = _item_text(template, clause, start, end, doc_area, own, kept=own) + end_mark
                return as_item(place, run_in + (marker.group(0).strip() + " " if marker else "") + text)
    if _MEASURE_ITEM_RE.match(body) and (marker or place.kind == "item") and not _SENTENCE_IN_RE.search(body.rstrip(" .;")) \
            and not run_in and ":" not in body and len(body) <= 200 and not _FINITE_VERB_RE.search(body):
        # a measure in a list of measures ("2. Average daily population of …;") comes back as one measure of the list
        label = marker.group(0).strip() + " " if marker and place.kind != "item" else ""
        tail = re.search(r";(?:\s+(?:and|or))?\s*$", body)
        end_mark = "; " + tail.group(0).strip(" ;") if tail and tail.group(0).strip(" ;") else (";" if tail else "")
        return as_item(place, _line_rewrite(template, clause, start, end, doc_area, label, document) + end_mark)
    at_line = clause.start + line_start
    above_line = document[document.rfind("\n", max(0, at_line - 300), max(0, at_line - 1)) + 1:max(0, at_line - 1)].strip() \
        if document and at_line > 0 and document[at_line - 1] == "\n" else ""
    if body[:1].islower() and (marker or place.kind == "item" or above_line.endswith(":")) and not run_in:
        # an item that finishes its lead-in's sentence ("Over the summer:" … "- for most children, each day should
        # consist of at least four hours of provision;") comes back as that item, its own words whole, with the change
        # it is for: its conditions and figures stay, and it still finishes the lead-in
        own, end_mark = _item_words(body)
        if len(own) > 230 or _carries(own) or "tender-coach" in own.lower():
            return None
        text = _item_text(template, clause, start, end, doc_area, own, kept=own) + end_mark
        return as_item(place, (marker.group(0).strip() + " " if marker and place.kind != "item" else "") + text)
    # A charter's commitment on a line of its own, its verb after "To" ("To carry out grass cutting in public parks once a
    # month."): the same line back, "To work with …", with the commitment kept.
    # (Not a share to reach, "To ensure 85 per cent of prisoners …": the change it is for goes in the sentence's place.)
    to_line = _TO_VERB_RE.match(body) if not run_in and "\n" not in clause.text.strip() \
        and not re.search(r"%|\bper\s?cent\b", body, re.I) else None
    if to_line:
        body = body[to_line.end():]
        body = body[:1].upper() + body[1:]
    verb = _VERB_ITEM_RE.match(body)
    if verb is None or not body[:1].isupper() or _SENTENCE_IN_RE.search(body.rstrip(" .;")) or _LABEL_START_RE.match(body):
        return None  # not a verb phrase, or a label that starts like one ("Document Supply: 90% of requests …")
    # The lead-in: the line above the item's run of items (at most a few lines and 600 characters back, as written).
    at = clause.start + line_start
    lead = ""
    for _ in range(8):
        above_end = document.rfind("\n", max(0, at - 600), at) if at > 0 else -1
        if above_end < 0:
            break
        above_start = document.rfind("\n", max(0, above_end - 300), above_end) + 1
        above = document[above_start:above_end].strip()
        at = above_start
        if not above:
            continue
        m = _ITEM_MARKER_RE.match(above)
        rest = above[m.end():] if m else above
        if _VERB_ITEM_RE.match(rest) and rest[:1].isupper() and len(above) <= 240 and not _SENTENCE_IN_RE.search(rest):
            continue  # another item of the same list
        lead = above
        break
    # (A commitment on a line of its own with no full stop, under a heading, is a plan's list entry too: "Offer 10,000
    # training days per annum" under "Activity 1.1 …".)
    # (Not a row's cells a copy set on one line, "Review minutes circulated in 4 weeks / 85", "… offered   7,096   8,301", nor
    # a label before a dash, "Call answering – 75% of calls …".)
    entry = len(line.strip()) <= 160 and not line.rstrip().endswith((".", "!", "?")) and "\n" not in clause.text.strip() \
        and not re.search(r" / |\S {2,}\S|\s[–—-]\s", line.strip())
    if not (run_in or _READS_ON_LEAD_RE.search(lead) or place.kind == "item" or marker or entry or to_line):  # a bullet keeps its own form
        return None
    own = " ".join(body.split()).rstrip(" .;,")
    # The item's words up to where the quote of its activity ends: an escape after it ("… or as agreed with the social
    # worker") or a note is not part of the commitment; the verb before a quote that starts later stays.
    quoted = _clean_quote(_quote_ends(_NUMBERING_RE.sub("", " ".join((their_words(clause, start, end) or "").split()))))
    at = own.lower().find(quoted.lower()) if len(quoted) >= 12 else -1
    if at >= 0 and len(quoted) + at < len(own):
        cut = at + len(quoted)
        while cut < len(own) and own[cut] not in " ,;":  # to the end of its last word ("child(ren)")
            cut += 1
        if _ESCAPE_RE.match(own, cut):  # the rest is an escape from the commitment, not more of it
            own = own[:cut].rstrip(" .;,")
    own = re.split(r"\s[–—-]\s(?=[A-Z])", own)[0]  # "… rate – This is an annual rate": a note after a dash
    end_mark = body.rstrip()[-1:] if body.rstrip()[-1:] in (";", ".") else ""
    commitment = own[0].lower() + own[1:] if not own[:2].isupper() else own
    if commitment.count(")") > commitment.count("(") and commitment.endswith(")"):
        commitment = commitment[:-1].rstrip(" ,;")  # a bracket the item closes but never opened
    if len(commitment) > 220:
        commitment = shorten(commitment, 220)
    if commitment and (_carries(commitment) or "tender-coach" in commitment.lower()):
        commitment = ""
    text = _item_text(template, clause, start, end, doc_area, own, reads_on=True, commitment=commitment) + end_mark
    if to_line:
        text = "To " + text[:1].lower() + text[1:]
    prefix = run_in + (marker.group(0).strip() + " " if marker and (run_in or place.kind != "item") else "")
    return as_item(place, prefix + text)


# A step of an applicant scoring ladder: "(A) One point based on a minimum target of 70% of persons served …",
# "Up to 5 points for applicants serving at least 200 households".
_POINTS_STEP_RE = regex(r"(?:up\s+to\s+|a\s+maximum\s+of\s+)?(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)"
                        r"\s+(?:additional\s+|bonus\s+)?points?\s+(?:(?:will\s+be\s+)?(?:awarded|given)\s+)?(?:based\s+on|for|if|where|when)\b", re.I)


def _item_words(body: str) -> tuple[str, str]:
    """A list item's own words on one line, and the mark that ends it: "; and" (which joins it to the next item and
    stays at its end), ";" or "."."""
    own = " ".join(body.split()).rstrip(" .;,")
    joint = re.search(r"[;,]?\s+(?:and|or)$", own)
    if joint:
        return own[:joint.start()].rstrip(" .;,"), joint.group(0)
    last = body.rstrip()[-1:]
    return own, last if last in (";", ".") else ""


def _points_step(clause: Clause, start: int, end: int, doc_area: DocContext | Area, place: Place) -> str | None:
    """A step of a ladder that scores applications on an activity target comes back as the same step, its points and
    its figure whole (the ladder still awards them), with the outcome the applicant is also asked to state: a
    paragraph in its place would leave the ladder awarding nothing. None for any other line."""
    line = _line_at(clause, start)
    marker = _ITEM_MARKER_RE.match(line)
    body = line[marker.end():] if marker else line
    if len(body) > 260 or not _POINTS_STEP_RE.match(body):
        return None
    own, end_mark = _item_words(body)
    if _carries(own) or "tender-coach" in own.lower():
        return None
    text = _item_text("output-to-outcome", clause, start, end, doc_area, own, points=own) + end_mark
    return as_item(place, (marker.group(0).strip() + " " if marker and place.kind != "item" else "") + text)


def _item_text(template: str, clause: Clause, start: int, end: int, doc_area: DocContext | Area, own: str,
               **slots) -> str:
    """One list item's rewrite, on one line: the group and the outcome found from the clause and its section (seeded by
    the item's own words), with `slots` saying how the item's words are kept."""
    area, scope, heading = _setting(clause, doc_area)
    words = {"beneficiaries": _beneficiaries(clause.text, heading, area, scope.ages, _doc_group(doc_area)),
             "outcomes": _outcome_slots(area, 1, _seed(clause, start, end) or own, scope), "quoted": None, **slots}
    return " ".join(render(f"rewrites/{template}.j2", **words).split())


_BR_TAG_RE = regex(r"[ \t]*<br\s*/?>[ \t]*", re.I)
# Two cells of a row run together on one line: a word, then a new cell's sentence ("Reviews We aim to …").
_RUN_TOGETHER_CELLS_RE = regex(r"\b[A-Za-z][a-z-]+\s+(?:We|They|You|The|This|Our|All|Each|Any)\s+[a-z]")
# A verb that asks for the count to be kept, before the count itself ("Track number of …", "Report the percentage of …").
_TRACKING_VERB_RE = regex(r"^(?:track|report|record|monitor|count|measure|collect)\s+(?=(?:the\s+)?(?:number|percentage|proportion|total|#))", re.I)
# A month or a preposition before figures: a date ("as of September 30, 2016"), not a row's columns.
_DATE_BEFORE_RE = regex(r"(?:january|february|march|april|may|june|july|august|september|october|november|december|\bon|\bof|\bin|\bby)$", re.I)
# A line that stops on a word needing the next: "… in", "… calculated as", "… and the".
_CUT_OFF_END_RE = regex(r"\b(?:in|of|as|to|for|the|a|an|and|or|with|within|by|at|on|from|per|than|that|which|is|are)$", re.I)
# Cells a stored copy put on one line, with a gap of spaces between them.
_CELL_GAP_RE = regex(r"[a-z)][ \t]{3,}[A-Z]")
# A figure's word after a number that looked like a marker: "2.6 million", "1.5 per cent".
_FIGURE_WORD_RE = regex(r"(?:million|thousand|billion|bn|m\b|per\s?cent|percent|%)", re.I)
# A line that counts something: a figure, a count's name, or a lot ("6 units of …", "Total number of …", "Lot 2 - …").
_COUNT_LINE_RE = regex(r"(?:\d|(?:up\s+to|at\s+least|a\s+)?(?:minimum|maximum)\b|lot\s+\d|(?:total|number|percentage|proportion|average"
                       r"|rate|count|no\.|no(?=\s+of\b))\b|[#%]\s?of\b)", re.I)
# More verbs that open an item which is a commitment ("Increase the number of referrals …", "Communicate with …").
_MORE_ITEM_VERBS_RE = regex(r"(?:increase|reduce|improve|expand|promote|raise|encourage|continue|collaborate|communicate|work|build"
                            r"|create|ensure|deliver|begin|offer|maintain)\b(?![-'’])", re.I)
# A word that makes the item's words a clause with its own verb ("… is 430"), not a thing counted ("6 units of …").
_OWN_VERB_RE = regex(r"\b(?:is|are|was|were|will|shall|must|should|may|can|has|have|had)\b", re.I)


def _short_line(template: str, clause: Clause, start: int, end: int, doc_area: DocContext | Area, place: Place,
                document: str = "") -> str | None:
    """A place that is not a paragraph's sentence (a list item with its marker, a numbered entry, a label or heading line
    with no verb and no full stop) comes back in the same form and about the same length: its marker or label, the
    outcome with its measure, and the item's own words (its count, group, units, lot) kept as a secondary measure, one
    line, not the two-sentence paragraph. None for a sentence of prose, or an item too long to keep whole."""
    rel = start - clause.start
    line_start = clause.text.rfind("\n", 0, rel) + 1
    line_end = clause.text.find("\n", rel)
    line = clause.text[line_start:line_end if line_end >= 0 else len(clause.text)]
    if len(clause.text) <= 300:  # a short clause wrapped over lines ("… during the 12- <br />month period = 985"): all of it
        line_start, line = 0, clause.text.strip()
        a = document.rfind("\n", max(0, clause.start - 300), clause.start) + 1 if document else -1
        b = document.find("\n", clause.end, clause.end + 300) if document else -1
        if 0 < a <= clause.start and b >= clause.end and "\n" not in clause.text.strip():
            # its line as written, when the clause stops short of it ("period= <br />120 PERSONS"), without its marker
            whole = document[a:b].strip()
            if place.kind == "item" and whole.startswith(place.marker.strip()):
                whole = whole[len(place.marker.strip()):].strip()
            if len(whole) <= 300 and whole.startswith(clause.text.strip()[:20]):
                line = whole
    if line.rstrip().endswith(("=", ":")) and document:  # "… contract period= <br />120 PERSONS": the value, on the next line
        below = document[clause.end:clause.end + 80].lstrip(" \t\r").split("\n")
        value = below[1].strip() if len(below) > 1 and not below[0].strip() else ""
        if re.match(r"\d[\d,.]*%?(?:\s+[A-Za-z]+){0,2}$", value):
            line = line.rstrip() + " " + value
    if _CELL_GAP_RE.search(line):
        return None  # cells a stored copy put on one line with gaps between them ("Rationale      To measure …")
    line = " ".join(_BR_TAG_RE.sub(" ", line).split())
    if not line or len(line) > 300 or "|" in line or "\t" in line or _AMOUNT_RE.search(line):
        return None  # a row's cells (scoring/fit.py), or a rate: what to pay is the problem there, not a count
    marker = _ITEM_MARKER_RE.match(line)
    if marker and _FIGURE_WORD_RE.match(line, marker.end()):
        marker = None  # "2.6 million patients …": a figure, not a marker
    body = line[marker.end():] if marker else line.strip()
    body = " ".join(body.split())
    own_line = "\n" not in clause.text.strip()
    is_item = place.kind == "item" or marker is not None
    # a label or heading line: one line on its own, no full stop, no verb of a sentence
    is_line = own_line and not body.rstrip().endswith((".", "!", "?")) and not _OWN_VERB_RE.search(body) and len(body) <= 160 \
        and not re.search(r"[.!?]\s", body) and not _RUN_TOGETHER_CELLS_RE.search(body) and _COUNT_LINE_RE.match(body)
    if not (is_item or is_line):
        return None
    label = ""
    if (lab := _LABEL_START_RE.match(body)) and len(body) - lab.end() >= 12:
        label, body = lab.group(0).strip() + " ", body[lab.end():]
    if (cat := _CATEGORY_DASH_RE.match(body)) and _OWN_VERB_RE.search(body, cat.end()):
        # a category before its own sentence ("Emergency – An operative will be with you within two hours"): the category
        # stays a label, and the sentence is what is kept
        label, body = label + cat.group(1) + " – ", body[cat.end():]
    elif is_item and (cat := _CATEGORY_LABEL_RE.match(body)) and len(body) - cat.end() >= 12:
        # a list item's category before what it lists ("Palliative care - Additional beds (55 beds in …)"): the
        # category stays the item's label, as written
        label, body = label + cat.group(0), body[cat.end():]
    end_mark = body.rstrip()[-1:] if body.rstrip()[-1:] in (";", ".") else ""
    sentences = re.split(r"(?<=[a-z0-9)]{2}[.!?])\s+(?=[A-Z])", body)
    if len(sentences) > 1:  # the sentence the finding is in: the note after it ("This represents …") is not the count
        flagged = " ".join(clause.text[rel:rel + 30].split())[:20]
        body = next((one for one in sentences if flagged and flagged in one), sentences[0])
        end_mark = "."
    if body.rstrip().endswith(":"):
        return None  # a lead-in to a list ("… within the following standards:"), not an item of it
    own = _TRACKING_VERB_RE.sub("", without_icon_alt(body).strip(" .;,:"), count=1)
    head, figures = split_figures(own)
    if len(figures) > 1 and not _DATE_BEFORE_RE.search(head.rstrip(" ,")):
        own = head.rstrip(" .,;:")  # a flattened row's columns ("… area 50% 11,296 31%"): which is the target is not said
    own = _SEE_ATTACHED_RE.sub("", own).rstrip(" -–—,;:") or own  # "… within 60 minutes – see attached": a pointer, not the item
    if _CUT_OFF_END_RE.search(own):
        return None  # a line cut off mid-clause ("… not less than 60% in", "calculated as"): there is no whole to keep
    if own.count("(") > own.count(")"):  # "… hours (excluding provision of": a bracket the clause never closes
        own = own[:own.rfind("(")].rstrip(" ,;:")
    clause_like = _OWN_VERB_RE.search(own) and not _MEASURE_ITEM_RE.match(own)
    if not label and _MEASURE_ITEM_RE.match(own) and (colon := own.find(": ")) > 0 and own[colon + 2:colon + 3].isupper() \
            and _OWN_VERB_RE.search(own[colon:]) and colon < 120:
        # "Total number of households to be served: The total … is 80 households": the measure's name is its label
        label, own, clause_like = own[:colon + 1] + " ", own[colon + 2:], True
    doing = _VERB_ITEM_RE.match(own) or _MORE_ITEM_VERBS_RE.match(own)
    if clause_like and not (doing or label):
        return None  # a sentence with its own subject ("The service will make 900 visits.") reads on as a sentence
    if len(own) > (110 if clause_like else 220) or len(_WORD_RE.findall(own)) < 2:
        return None
    if _carries(own) or "tender-coach" in own.lower():
        return None
    area, scope, heading = _setting(clause, doc_area)
    indicator = template == "output-to-outcome" and not clause_like and not doing and _COUNT_NAME_RE.match(own) is not None
    text = _cell_outcome(template, clause, area, scope, heading, doc_area, _seed(clause, start, end) or own, indicator)
    if not re.match(r"[A-Z]{2}", own) and (not re.match(r"[A-Z][a-z]+\s+[A-Z\d]", own)
                                           or re.match(r"(?:A|An|The|Some|All|Each|Every|At|Around|About|Over|Up)\s", own)):
        # "Nursery provision 16 places …", "Some 85 per cent …", not a name ("Santa Ana residents …", "Lot 1")
        own = own[0].lower() + own[1:]
    if doing:  # "Begin services within 7 days": what they do
        text += f"; the commitment to {own[0].lower() + own[1:]} kept as a secondary measure"
    elif clause_like:  # "the number of clients is 430": a clause of its own
        text += f"; as a secondary measure, {own}"
    else:
        text += f"; {as_secondary(own, 'kept')}"
    prefix = (marker.group(0).strip() + " " if marker and place.kind != "item" else "") + label
    return as_item(place, prefix + text + (end_mark or ""))


# What a service has room for, or a share of its money set aside: "a maximum of 24 beds", "up to 60 bedspaces", "6 units
# of accommodation", "16 places", "20% of the total contract value is … allocated to"; a description, not a target.
_CAPACITY_RE = regex(r"\b(?:(?:maximum|minimum|total)\s+of\s+|up\s+to\s+)?\d[\d,]*\s+(?:[\w-]+\s+){0,2}?(?:beds?|bed\s?spaces?|units"
                     r"(?:\s+of\s+(?:supported\s+)?accommodation)?|places|rooms|flats|spaces)\b(?!\s+(?:per|a|an|each)\s)"
                     r"|\b\d{1,3}(?:\.\d+)?\s?%\s+of\s+(?:the\s+)?(?:total\s+)?(?:contract\s+value|contract\s+sum|budget|grant(?:\s+budget)?|funding"
                     r"|annual\s+value)\b", re.I)


_LISTED_RE = regex(r"[:|*•]|\b\d{1,2}\.[a-z]\)|\(\w\)\s", re.I)
_ROOM_WORD_RE = regex(r"\b(?:beds|bed\s?spaces|units\s+of\s+(?:supported\s+)?accommodation|self-contained\s+(?:flats|units|rooms))\b", re.I)


def _capacity_kept(clause: Clause, start: int, end: int, doc_area: DocContext | Area) -> str | None:
    """A sentence that says what a service has room for or how its money is shared ("The contract is for a maximum of
    24 beds", "20% of the contract value is allocated to children's support") describes it; it sets no target to
    replace. It stays as written, every figure kept, and the outcome the service is judged by follows it. None for
    anything else, or a clause of several sentences."""
    text = " ".join(clause.text.split())
    if not text.endswith(".") or len(text) > 300 or _SENTENCE_IN_RE.search(text[:-1]) or _LISTED_RE.search(text) \
            or _VERB_ITEM_RE.match(text) or _MORE_ITEM_VERBS_RE.match(text):
        return None  # a list run into one line, a row, or an instruction ("Provide 32 beds"): not a description
    found = _CAPACITY_RE.search(text)
    flagged = " ".join(clause.text[max(0, start - clause.start):end - clause.start].split())
    room = found is not None and found.start() <= end - clause.start and found.end() >= start - clause.start
    # "bedspaces … enough to support 8 individuals": the people a building has room for
    room = room or (_ROOM_WORD_RE.search(text) is not None and re.match(r"(?:support|accommodate|house)\s+\d", flagged, re.I) is not None)
    if not room or _carries(text) or "tender-coach" in text.lower():
        return None  # the flagged words are not the capacity, or the sentence has a second problem
    area, scope, heading = _setting(clause, doc_area)
    outcome = _outcome_slots(area, 1, _seed(clause, start, end) or text, scope)[0]
    who = _beneficiaries(clause.text, heading, area, scope.ages, _doc_group(doc_area))
    kept = f"{text[:-1]}; success is judged by whether {who} {outcome['change']} ({outcome['measure']}, {outcome['when']})."
    # pasted, it must not be flagged again (a second count in the sentence, "and accept 400 referrals", still would)
    return None if _carries(kept, ("cost-first", "output-only")) else kept


# An amount of money a clause pays or charges: "£23.84", "$18.75", "€40", "USD 12.50", "Rs. 150".
_AMOUNT_RE = regex(r"(?:[£$€₹₦৳₱₵]|(?<![\w$£€])(?:" + FOREIGN_CODE + r")[ \t]?)[ \t]?\d[\d,]*(?:\.\d{1,2})?(?![\d,])")
# A rate paid for a unit: an amount with its unit after it ("$18.75 one-way passenger trip", "£15 per session", "€40/visit"),
# or a rate, fee or package named before its amount ("The new minimum rate … is £23.84", "fees … for group trips at $9.50",
# "ASHA package of Rs. 400 … include Rs. 200 for ANC component").
_UNIT_AFTER_RE = regex(r"[ \t]?(?:per|an?|each|for[ \t]+(?:each|every)|/)[ \t]?(?:[\w-]+[ \t]){0,3}?[\w-]+|[ \t](?:one[- ]way|return|round[- ]trip)\b", re.I)
_SUM_ASIDE_RE = regex(r"[ \t]?\([^()\n]{1,20}\)|\)")
_RATE_NAMED_RE = regex(r"\b(?:rates?|fees?|tariffs?|prices?|stipends?|reimburse\w*|paid|pay|payments?|charges?|packages?|incentives?|allowances?"
                       r"|honorari(?:um|a))\b", re.I)
# A rule for what a provider may bill or claim for: "shall only bill for the actual number of clients served", "claims are
# made for each unit delivered". Kept whole: it is a payment control, and the outcome-linked part goes after it.
# (Not a person's claim for a pension or a benefit: "to clear claims for war pensions within 52 working days".)
_BILLING_RULE_RE = regex(r"\b(?:(?:shall|will|may|must|can)\s+(?:only\s+)?(?:bill|invoice|claim)|(?:bill|invoice|claim)s?\s+(?:only\s+)?for"
                         r"(?!\s+(?:[\w-]+\s+){0,2}?(?:pensions?|benefits?|allowances?|compensation)\b)"
                         r"|(?:claims?|invoices?|bills?)\s+(?:are|is|will\s+be|shall\s+be)\s+(?:made|submitted|paid))\b", re.I)


# Payment on the volume of activity reached: a threshold, a target level, a contract's activity target with clawback or
# carry-forward, a coverage share that triggers payment.
_VOLUME_RULE_RE = regex(r"\bthreshold\b|\btarget\s+(?:payment\s+)?levels?\b|\bactivity\s+(?:targets?|thresholds?)\b|\bclaw(?:back|ed\s+back)\b"
                        r"|\bcarr(?:y|ied)\s+(?:forward|over)\b|\btriggered\s+at\b|\b\d{1,3}\s*%\s+(?:coverage|uptake|target)\b"
                        r"|\b(?:reaches|achieves|meets)\s+the\s+\d{1,3}\s*%\s+target\b|\bby\s+doing\s+\d"
                        # a payment taken back unless a number is delivered: "reclaimed if pharmacy owners do not provide five"
                        r"|\b(?:reclaimed|recovered|repaid|recouped)\s+(?:if|unless|where|when)\b", re.I)


_PAYS_RE = regex(r"\b(?:pa(?:y|id|ys|yments?)|fees?|claw(?:back|ed\s+back)|incentives?|earn\w*|remunerat\w*|reimburs\w*)\b", re.I)


def _rates_kept(clause: Clause, start: int, end: int, doc_area: DocContext | Area, document: str = "") -> str | None:
    """A clause that sets the rates paid for a unit of service ("The base rate is $23.00 a trip; the Recipient pays a
    discounted $18.75", "£15 per session, £12.50 for groups") keeps its own words, every rate whole, as the base of the
    payment, with the outcome-linked part after them: not a paragraph quoting a clipped phrase of it. None when the
    clause sets no rate for a unit (a contract's total value, a percentage incentive), or is too long to keep whole."""
    rel = start - clause.start
    text = clause.text
    lines = text.strip().split("\n")
    if len(lines) > 1 and any(ln.rstrip().endswith((".", ":", ";", "!", "?")) for ln in lines[:-1]):
        # several lines that are not one sentence wrapped: the finding's own sentence, its lines joined where a line
        # ends without a full stop ("… for all `Individual\nTrips' (medical and personal)."), if it holds the rate
        line_start = text.rfind("\n", 0, rel) + 1
        while line_start > 1 and not text[:line_start - 1].rstrip().endswith((".", ":", ";", "!", "?")) \
                and rel - line_start < 400:
            line_start = text.rfind("\n", 0, line_start - 1) + 1
        line_end = text.find("\n", rel)
        while line_end >= 0 and not text[:line_end].rstrip().endswith((".", ":", ";", "!", "?")) and line_end - rel < 400:
            line_end = text.find("\n", line_end + 1)
        above = text[:line_start].strip().split("\n")[-1].strip() if line_start else ""
        # a run-in title on the line above ("Reimbursement of client services.") stays with its rule
        title = above if above and len(above) <= 60 and above[:1].isupper() and len(above.split()) <= 6 \
            and not re.search(r"\b(?:is|are|was|were|will|shall|must|be|has|have|can|may)\b", above, re.I) else ""
        text = text[line_start:line_end if line_end >= 0 else len(text)]
    else:
        title = ""
        # a price list a PDF copy flattened one row a line ("CS100 Simple Assessment $173.99 Per consultation" over
        # "CS200 Complex Assessment $266.58 Per consultation"): its rows stay rows, one a line, not run into one
        rows = [" ".join(ln.split()) for ln in lines if ln.strip()]
        if 2 <= len(rows) <= _MOST_RATE_ROWS and all(len(_AMOUNT_RE.findall(r)) == 1 and len(r) <= 160 for r in rows):
            return _rate_rows_kept(clause, start, end, doc_area, rows)
        tail = document[clause.end:clause.end + 200].split("\n")[0] if document else ""
        if tail.strip() and not text.rstrip().endswith((".", ";", ":", "!", "?", ")")) and tail[:1] in (" ", "\t", "<") \
                and _AMOUNT_RE.search(text):
            text += tail  # a sentence a stored copy's line break cut in two ("for all `Individual <br />Trips' …"): read on
    words = " ".join(_BR_TAG_RE.sub(" ", text).split()).strip()
    words = re.sub(r"(?<=\s)-(?=[a-z])", "", words)  # "the number of -service units": a stray hyphen from a scan
    words = re.sub(r"\s+([,.;:])", r"\1", words).rstrip(" ;,.")
    lead_in = words.endswith(":")  # "Fixed case rate of Php 4,000 per TB case, paid in two phases:"
    words = words.rstrip(" :")  # (kept, its colon would run into the rider: "… two phases:; this rate stays …")
    if not 20 <= len(words) <= 320 or _SENTENCE_IN_RE.search(words):
        return None
    words = f"{title} {words}" if title else words
    amounts = list(_AMOUNT_RE.finditer(words))
    # a rule that pays on the volume reached ("Year 3 threshold 5, incentive payment £1,000", "payment is triggered at 70%
    # and 90% coverage", "activity will be carried forward"): kept as written, not called a base rate
    volume = bool(_VOLUME_RULE_RE.search(clause.text[rel:rel + 200] or words)) and not lead_in and len(words) <= 280 \
        and _PAYS_RE.search(words) is not None  # (a count "carried over from the previous quarter" pays nothing)
    billing = not volume and not amounts and _BILLING_RULE_RE.search(words) is not None and len(words) <= 240
    if (not amounts and not billing and not volume) or len(amounts) > 4:
        return None
    # (past the same sum in another currency, in brackets: "300 NRS ($4.7) for each delivery attended")
    unit = billing or volume or any(_UNIT_AFTER_RE.match(words, a.end() + len(m.group(0)) if (m := _SUM_ASIDE_RE.match(words, a.end())) else a.end())
                                    for a in amounts)
    named = any(_RATE_NAMED_RE.search(words[max(0, a.start() - 120):a.start()]) for a in amounts)
    if not (unit or named) or (not volume and re.search(r"\b(?:total|budget|contract\s+(?:value|sum|price)|maximum|up\s+to|not\s+(?:to\s+)?exceed)\b", words, re.I)):
        return None  # a total, a budget or a cap is not a rate for a unit of service
    if amounts and all(_FEE_CUT_RE.search(words[max(0, a.start() - 120):a.start()]) for a in amounts):
        return None  # what families pay, to be cut ("reduce fees for regulated child care to an average of $10-a-day"), is
        # no rate the provider is paid: the clause's target is its own (250,000 new spaces), rewritten as such
    if "tender-coach" in words.lower():  # (cost-first words are caught by the check of the whole suggestion below)
        return None
    if document and _AMOUNT_RE.search(_paragraph_around(document, clause)):
        return None  # another sentence of its paragraph pays too: the run shares one suggestion quoting each payment
    area, scope, heading = _setting(clause, doc_area)
    slots = {"beneficiaries": _beneficiaries(clause.text, heading, area, scope.ages, _doc_group(doc_area)),
             "outcomes": _outcome_slots(area, 1, _seed(clause, start, end) or words, scope), "quoted": None,
             "rates": words, "several": sum(words[max(0, a.start() - 1):a.start()] != "(" for a in amounts) > 1,
             "billing": billing, "volume": volume}  # (a sum in brackets after another is the same sum, converted)
    slots["young"] = _young(scope, slots["beneficiaries"])
    kept = " ".join(render("rewrites/payment-to-outcome.j2", **slots).split())
    return None if _carries(kept, ("cost-first", "output-only")) else kept


_FEE_CUT_RE = regex(r"\b(?:reduc|lower|cut|cap|halv)\w*\s+(?:[\w-]+\s+){0,5}?(?:fees?|charges?|prices?|costs?)\b[^.;]{0,60}?"
                    r"\bto\s+(?:an\s+average\s+of\s+|just\s+|as\s+little\s+as\s+|no\s+more\s+than\s+)?$", re.I)


def _paragraph_around(document: str, clause: Clause) -> str:
    """The rest of the line a clause sits on (the other sentences of its paragraph), at most 600 characters each side."""
    a = document.rfind("\n", max(0, clause.start - 600), clause.start) + 1
    b = document.find("\n", clause.end, clause.end + 600)
    return document[max(a, clause.start - 600):clause.start] + " " + document[clause.end:b if b >= 0 else clause.end + 600]


# Another sentence inside the item: "Answer calls. We will also …".
_MOST_RATE_ROWS = 12  # rows of a flattened price list kept as rows in one suggestion
_RATES_SLOT = "\x00rates\x00"


def _rate_rows_kept(clause: Clause, start: int, end: int, doc_area: DocContext | Area, rows: list[str]) -> str | None:
    """A flattened price list's rows, each on its own line as written, with the outcome-linked part of the payment
    after them as a sentence of its own: "…\nThese rates stay the base rates, with part of the payment …"."""
    words = " ".join(rows)
    if _carries(words, ("cost-first",)) or "tender-coach" in words.lower():
        return None
    area, scope, heading = _setting(clause, doc_area)
    slots = {"beneficiaries": _beneficiaries(clause.text, heading, area, scope.ages, _doc_group(doc_area)),
             "outcomes": _outcome_slots(area, 1, _seed(clause, start, end) or words, scope), "quoted": None,
             "rates": _RATES_SLOT, "several": True, "billing": False, "volume": False}
    slots["young"] = _young(scope, slots["beneficiaries"])
    kept = " ".join(render("rewrites/payment-to-outcome.j2", **slots).split())
    head, _, rider = kept.partition(_RATES_SLOT)
    rider = rider.lstrip("; ")
    if head or not rider.startswith("these rates stay the base rates, ") or _carries(rider, ("cost-first", "output-only")):
        return None
    return rate_rows_text(rows, rider.removeprefix("these rates stay the base rates, "))


# The mark each kept row once carried ("£18.00 (base rate, part linked to outcomes)"), so that a row pasted back was not
# flagged again. A reader took it for debris in a price cell: the rows now come back as written, and the sentence under
# them is what lets them off (scoring/engine.py reads a price list with the line under it). A suggestion pasted back
# with the old mark is still read as its rows.
_ROW_MARK = " (base rate, part linked to outcomes)"
_ONE_RATE_RE = regex(r"(?P<row>[^\n;]{1,160}); this rate stays the base rate, (?P<rider>[^\n]+)")
_RATE_ROWS_RE = regex(r"(?P<rows>[^\n]{1,200}(?:\n[^\n]{1,200}){1,40})\nThese rates stay the base rates, (?P<rider>[^\n]+)")


def rate_rows_text(rows: list[str], rider: str) -> str:
    """A price list's rows, one a line as written, then the sentence on the outcome-linked part of the payment (`rider`:
    what follows "these rates stay the base rates, ")."""
    return "\n".join(rows) + "\nThese rates stay the base rates, " + rider


def plain_rate_row(text: str) -> str | None:
    """A line of a price list as a row to keep ("HS02 Domestic help visit $35.10 Per visit"): one line, one amount, no
    sentence, nothing that reads as cost-first; its words with spaces evened out, else None."""
    row = " ".join(text.split())
    if "\n" in text.strip() or not 10 <= len(row) <= 160 or len(_AMOUNT_RE.findall(row)) != 1 \
            or row.endswith((".", ";", ":", "!", "?")) or _SENTENCE_IN_RE.search(row) or "tender-coach" in row.lower():
        return None
    return None if _carries(row, ("cost-first",)) else row


def rate_rows(text: str | None) -> tuple[list[str], str] | None:
    """A suggestion that keeps a rate line, or a price list's rows, as written: (the rows, unmarked; what follows "these
    rates stay the base rates, "), else None."""
    if text is None:
        return None
    if m := _ONE_RATE_RE.fullmatch(text):
        return [m.group("row")], m.group("rider")
    if m := _RATE_ROWS_RE.fullmatch(text):
        return [row.removesuffix(_ROW_MARK) for row in m.group("rows").split("\n")], m.group("rider")
    return None


_SENTENCE_IN_RE = regex(r"[a-z)]{2}[.!?]\s+[A-Z]")


_AWARD_WORDS_RE = regex(r"\b(?:tender\w*|bid\w*|award\w*|evaluat\w*|procure\w*|contract\s+will\s+be|weight\w*|scor\w*"
                        r"|criteri\w*|quotations?|lowest|cheapest|price)\b", re.I)


# A list item's own marker at the start of its line, as flattened copies store it: "1. ", "8.Maintain", "3.d) ",
# "ii. ", "(b) "; not a figure ("4.2 million", "2.5 hours").
_RUN_IN_MARKER_RE = regex(r"[ \t]*(\(?(?:\d{1,2}[a-z]?(?:\.[a-z]|\.\d{1,2}(?=[.)]))?[.)]?|[a-z]|[ivx]{1,4})[.)])(?:[ \t]+(?=\S)|(?=[A-Z][a-z]))")


# The end of a label for a value, not a lead-in to items: a figure, or "Target", "Actual", "Total".
_VALUE_LABEL_END_RE = regex(r"(?:\d|\b(?:target|actual|baseline|total|result|results|value|rate|figure|score))\W*$", re.I)
_ITEM_AFTER_LEAD_RE = regex(r"[ \t]*(?:\(?(?:\d{1,2}(?:\.[a-z])?|[a-z]|[ivx]{1,4})[.)][ \t]*)?[A-Z][a-z]")


def _run_in_lead(document: str, start: int, end: int) -> str:
    """What goes before a rewrite so it goes back where the item was: a lead-in run into the item's line ("Specifications
    include, but are not limited to: ", "The Contractor shall: 1. ") and the item's own marker ("8. " of "8.Maintain"),
    read from the finding's line (at most 200 characters before it) up to the flagged words; "" when it has neither."""
    line_start = max(document.rfind("\n", 0, start) + 1, start - 200)
    upto = max(start, end)
    before = document[line_start:upto]
    colon = before.rfind(": ")
    lead = ""
    if 3 <= colon <= 90 and not _VALUE_LABEL_END_RE.search(before[:colon]) and len(re.findall(r"[A-Za-z]{2,}", before[:colon])) >= 2 \
            and _ITEM_AFTER_LEAD_RE.match(before, colon + 2) and not _carries(before[:colon + 1], ("cost-first", "output-only")):
        # a lead-in the items follow, each its own ("… shall: 1. Provide …", "… include: Provide …"); not a sentence
        # that runs on after its colon ("Supported living for adults: the provider will …") or a field and its value
        lead, after = before[:colon + 1] + " ", line_start + colon + 2
    elif line_start == start - 200:
        return ""  # the line starts further back than we read: no lead-in or marker known
    else:
        after = line_start
    marker = _RUN_IN_MARKER_RE.match(document, after, min(len(document), after + 12))
    if marker:
        lead += marker.group(1) + " "
    return " ".join(lead.split()) + " " if lead.strip() else ""


# An activity target the payment depends on: "will receive an incentive payment of 5%", "payment will be reduced
# by 2%", "a bonus of £500", "withheld".
_PAYMENT_LINK_RE = regex(r"\bincentive\s+payments?\b|\bpayments?\s+(?:will\s+be\s+|is\s+|are\s+)?(?:reduced|withheld|deducted|clawed\s+back)\b"
                         r"|\b(?:reduction|deduction|cut)\s+in\s+(?:the\s+)?(?:payment|reimbursement|fee)s?\b|\bperformance\s+bonus\b", re.I)


# A line that is only a label: "Output #1:", "KPI 3 –", "Target 2:".
_LABEL_ONLY_RE = regex(r"(?:(?:key\s+)?(?:performance\s+)?(?:output|outcome|measure|indicator|kpi|pi|target|goal|objective|standard)"
                       r"\s*(?:#|no\.?)?\s*\d{1,3}(?:\.\d{1,2})?[a-z]?|[A-Z]{2,5}\s?\d{1,3}[a-z]?)\s*[:–—-]", re.I)


# A short label before a sentence: "Literature Searches: 95% of searches will be completed on time.",
# "Output #4: ...", "Objective 3.1: ...".
# (Not the kind of figure a measure's name opens on, "Percentage: first attendances who were seen within 48 hours": that
# is the measure itself, whose words the rewrite replaces.)
_SENTENCE_LABEL_RE = regex(r"^\s*(?!(?i:percentage|proportion|number|rate|ratio|count|total|share)\s*:)([A-Z][\w&'’/()-]*(?:[ ][\w&'’/()#-]+(?:\.\d+)?){0,3})(:)[ \t]+(?=\S)"
                           # or a numbered label set off by a dash: "KPI 1 - 95% of ...", "Lot 2 – Minimum 20 units"
                           rf"|^\s*({NUMBERED_LABEL})[ \t]+([-–—])[ \t]+(?=\S)")


# A flattened two-cell row's label cell before its value: "Performance Measures <br /># of adults attending",
# "Program Goal At least 40 adults will be supported", "Next Year Projected Results At least 40 adults supported".
_LABEL_WORD = r"(?:[A-Z][a-z]+|[A-Z]{2,5})"
_CELL_LABEL_RE = regex(rf"[ \t]*({_LABEL_WORD}(?:[ \t]+(?:{_LABEL_WORD}|of|and|for)){{0,4}})[ \t]*(?:(<br\s*/?>)[ \t]*(?=\S)|[ \t](?=(?:At\s+least|Up\s+to"
                       r"|A\s+(?:minimum|maximum)\s+of|We\s+will|Number\s+of|#\s?of)\b))")
_LABEL_LINE_RE = regex(rf"{_LABEL_WORD}(?:[ \t]+(?:{_LABEL_WORD}|of|and|for)){{0,4}}")
_NOT_LABEL_RE = regex(r"^(?:The|This|These|That|All|Each|Every|Our|We|It|They|A|An|In|On|By|For|If|When)\b")


# A table's header line copied over its rows names columns, it labels no row: "Indicator Outcome", "Measure Target Actual"
# (one name alone, "Performance Measures", may be a two-cell row's label cell).
_COLUMN_NAMES_RE = regex(r"(?:(?:key\s+)?(?:performance\s+)?(?:indicators?|outcomes?|outputs?|measures?|targets?|results?|actuals?"
                         r"|baselines?|kpis?|status|description|frequency|data\s+source|source|comments?|notes?)\s*){2,}", re.I)


def _cell_label(clause: Clause, start: int) -> str:
    """The label cell a flattened two-cell row opens with, before the finding ("Program Goal: "), or ""."""
    rel = start - clause.start
    line_start = clause.text.rfind("\n", 0, rel) + 1
    found = _CELL_LABEL_RE.match(clause.text, line_start, min(len(clause.text), line_start + 80))
    if found is None and 0 < line_start and rel - line_start <= 40:
        # the cell's line break came through as a new line of the same clause: the label is the line above
        above = clause.text[clause.text.rfind("\n", 0, line_start - 1) + 1:line_start - 1].strip()
        label = _LABEL_LINE_RE.fullmatch(above)
        return label.group(0) + ": " if label and not _NOT_LABEL_RE.match(above) and not _COLUMN_NAMES_RE.fullmatch(above) else ""
    if found is None or found.end() > rel or _NOT_LABEL_RE.match(found.group(1)):
        return ""
    if found.group(2) is None and len(found.group(1).split()) < 2:
        return ""  # without a cell break, one capitalised word is a sentence's subject, not a label
    return found.group(1) + ": "


# A clause's own section number and bold run-in title, not part of the activity it names:
# "4.2 **Detached outreach.** The provider shall …", "3. The provider will …"; not "3.2 million people".
# (A figure with its unit after it is not a number of a section: "7.5 hours per week", "2.5 days".)
_NUMBERING_RE = regex(r"^(?:\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.)\s+(?!(?:million|thousand|billion|per\s?cent|hours?|hrs?|days?|weeks?"
                      r"|months?|years?|minutes?|mins?|sessions?|visits?|places?|beds?|fte|wte)\b)(?:\*\*[^*]{1,60}\*\*\s+)?", re.I)


# The end of a quote cut off mid-phrase, as flattened tables and cut pages leave it: a bracket never closed
# ("for all care groups (excluding"), or words that need more after them ("in receipt of an HCP at a").
_OPEN_BRACKET_END_RE = regex(r"\s*\([^()]{0,200}$")
# (and a subject whose verb the cut left behind, after a note's mark: "… a quit programme: / NB This")
_DANGLING_END_RE = regex(r"(?:[\s,;:/–-]+(?:a|an|the|of|to|for|in|on|at|by|with|and|or|from|per|than|excluding|including|this|these|those"
                         r"|which|nb|n\.b\.?|note))+[\s,;:/–-]*$", re.I)
_WORD_RE = regex(r"[a-z]{3,}|\d[\d,.]*%?", re.I)
_UNOPENED_BRACKET_RE = regex(r"^([^()]{0,200})\)")


# A currency left at a quote's end with its amount cut off ("… monthly meetings Rs", "… per session USD").
_CURRENCY_END_RE = regex(r"(?:\s+(?:Rs|INR|rupees|USD|CAD|AUD|NZD|Ksh|KES|GHS|PHP|ZAR|EUR|GBP|[£$€₹]))+\.?\s*$", re.I)
# A row's serial number run into its words ("2 Conducting monthly meetings"): not a count of the activity.
_SERIAL_START_RE = regex(r"\d{1,2}[ \t]+(?=[A-Z][a-z]+ing\b)")
# A count of the document's own parts, not of an activity: "3 groups", "15 Lots", "two phases" (a few of them: "2,600
# groups" is a count of community groups reached); or a time limit alone ("28 days", "5 working days").
_PARTS_ONLY_RE = regex(r"(?:[1-9]|1\d|20|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:groups?|lots?|parts?"
                       r"|phases?|stages?|tiers?|sections?|bands?|categor(?:y|ies)|areas?|zones?|regions?|districts?|localit(?:y|ies)"
                       r"|contracts?|schedules?|annex(?:es)?|pages?|appendices|levels?|elements?|components?|strands?)"
                       r"|\d[\d,.]*\s+(?:(?:working|business|calendar)\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?)", re.I)
# A quote that starts inside a phrase, at the second half of a ratio or a list ("divided by the number of …",
# "and 20 workshops"): a fragment, not the activity.
_FRAGMENT_START_RE = regex(r"(?:divided|multiplied|minus|plus|and|or|nor|but|of|by|than)\s")
# A funding rule, not an activity: "Funding for output based provision aims to …", "The funding is allocated to …".
_FUNDING_RULE_RE = regex(r"(?:the\s+)?(?:funding|payments?|grants?|budgets?|money)\b[^.;]{0,80}?"
                         r"\b(?:aims?\s+to|(?:is|are|was|were)\s+(?:allocated|focus(?:s)?ed|intended|designed|meant|used|to)\b)", re.I)


def _trimmed(words: str) -> str:
    words = _OPEN_BRACKET_END_RE.sub("", words)
    words = _UNOPENED_BRACKET_RE.sub(r"\1", words)  # "51%) shall be used …": the quote began inside a bracket
    return _quote_ends(_DANGLING_END_RE.sub("", words), " .,;:/–-*")  # and a footnote's asterisks


def _seed(clause: Clause, start: int, end: int) -> str:
    """What picks among the outcomes that fit (so a run of findings does not get the same one): the flagged
    words to their first cut, read the same way however much of the phrase the quote itself keeps."""
    words = their_words(clause, start, end, whole=False)
    cells = [c.strip() for c in re.split(r"[|\t]", words or "") if c.strip()]
    seed = _NUMBERING_RE.sub("", " ".join(", ".join(cells).split())).strip(" .,;:'\"")
    head, figures = split_figures(seed)
    seed = _trimmed(head.rstrip(" .,;:") if len(figures) > 1 else seed)
    return seed if len(_WORD_RE.findall(seed)) >= 2 else ""


# A preposition the quote opens on before its count, left from the verb it was cut from ("… support to up to 4,000 people").
_PREPOSITION_TO_FIGURE_RE = regex(r"(?:to|for)\s+(?=(?:up\s+to|at\s+least|a\s+(?:minimum|maximum)\s+of|no\s+(?:fewer|less|more)\s+than"
                                  r"|not\s+(?:fewer|less|more)\s+than|more\s+than|over|approximately|about|around)?\s*\d)", re.I)


def _clean_quote(words: str) -> str:
    """A quote without a cut-off end, or nothing when fewer than two words or figures are left ("active", "OP7"), or
    when what is left is not an activity: a count of the document's parts ("3 groups") or a funding rule."""
    words = _trimmed(_CURRENCY_END_RE.sub("", _OPEN_BRACKET_END_RE.sub("", words.rstrip(" ?"))))  # an indicator asked as a question
    words = _SERIAL_START_RE.sub("", words, count=1) if _SERIAL_START_RE.match(words) else words
    if lead := _PREPOSITION_TO_FIGURE_RE.match(words):  # "to up to 4,000 …", "for at least 200 …": the count is quoted
        words = words[lead.end():]
    if _PARTS_ONLY_RE.fullmatch(words) or _FUNDING_RULE_RE.match(words) or _FRAGMENT_START_RE.match(words):
        return ""
    return words if len(_WORD_RE.findall(words)) >= 2 else ""


# What may follow a quote's last words in its own clause without its sentence going on: the sentence's end, a line's
# end, a table's next cell, a closing bracket or quote mark, or nothing.
# A comma, or a joining word before a figure ("… per week, 48 weeks per year", "… and make 300 contacts"), starts the
# clause's next part: the quote before it is a whole phrase.
# The verb after a quoted subject ("At least 300 sessions" before "will be delivered") is not part of the quote either.
_QUOTE_CLOSED_RE = regex(r"[ \t)\]'\"’”*%]*(?:[.!?;:,|/\t\n]|$|(?:and|or|but|while|whilst|plus)\b(?=(?:\W+[^\W\d_]+){0,4}\W+\d)"
                         r"|(?:will|shall|must|should|may|can|is|are|was|were|to\s+be|has|have)\b)", re.I)


def _marked_open(clause: Clause, start: int, quoted: str) -> str:
    """`quoted` with " …" after it when the clause's phrase goes on past its last words ("300 contacts …", where the
    clause has "with rough sleepers per quarter"; "participants from both general …" before "and priority populations"):
    a quote cut short that ends in a full stop reads as the commissioner's whole sentence, and as a truncated one."""
    if not quoted or quoted.endswith("…"):
        return quoted
    tail = re.findall(r"[^\W_]+", quoted)[-3:]
    if not tail:
        return quoted
    rel = max(0, start - clause.start)
    last = None
    # (re.compile, not regex(): the pattern is made from each quote's own words, and regex() keeps every pattern it is
    # given, in memory and on disk, for the life of the process)
    for last in re.compile(r"\W+".join(map(re.escape, tail)) + r"(?![^\W_])").finditer(clause.text, max(0, rel - 400)):
        if last.end() > rel:
            break
    if last is None or last.end() <= rel or _QUOTE_CLOSED_RE.match(clause.text, last.end()):
        return quoted
    return quoted + " …"


# A quote that opens on its verb ("be responded to within 8 minutes", "will receive a first callback within 3 days") or on
# the word "target" after what the target is for ("The Home Support target for 2017 is …") reads as a fragment: the
# subject the sentence names in a few words before it is quoted too ("Patients will be responded to within …").
_MODALS = r"will|shall|should|must|would|can|may"
_VERB_OPEN_RE = regex(rf"(?:(?P<be>be|been)|{_MODALS}|(?P<target>target))\b", re.I)
_SUBJECT_MODAL_END_RE = regex(rf"\b(?:{_MODALS}|(?:is|are)\s+to)[ \t]*$", re.I)
_MODAL_WORD_RE = regex(rf"\b(?:{_MODALS})\b", re.I)
_SENTENCE_BREAK_RE = regex(r"(?:[.!?;:][ \t]+|\n)")
_PREPOSITION_RE = regex(r"\b(?:to|against|of|in|on|for|with|by|from|at|under|towards?)\b", re.I)
_SUBJECT_FILLER_RE = regex(r"(?:that|and|but|or|which|who|where|when|if|as|so|because)\b", re.I)


def _with_subject(clause: Clause, start: int, words: str) -> str:
    """`words` with the subject its sentence names just before it, when they open on a verb or on "target"."""
    opening = _VERB_OPEN_RE.match(words)
    if opening is None:
        return words
    rel = max(0, start - clause.start)
    at = clause.text.find(words[:40], max(0, rel - 200))
    if at < 0 or at > rel + 40:
        return words
    floor = max(0, at - 120)
    breaks = [m.end() for m in _SENTENCE_BREAK_RE.finditer(clause.text, floor, at)]
    if not breaks and floor > 0:
        return words
    seg = clause.text[breaks[-1] if breaks else 0:at]
    if "|" in seg or "\t" in seg:
        return words  # a row's other cells, not a subject
    seg = " ".join(seg.split())
    if not seg or not (seg[0].isupper() or seg[0].isdigit()) or len(seg.split()) > 8:
        return words
    seg = re.sub(r"^That\s+", "", seg)  # "On collection from hospital you can expect: That you will be collected …"
    if _SUBJECT_FILLER_RE.match(seg):
        return words
    if opening.group("be"):
        modal = _SUBJECT_MODAL_END_RE.search(seg)
        if modal is None:
            return words
        subject = seg[:modal.start()]
    else:
        subject = seg
    if opening.group("target") and (len(seg.split()) > 4 or _PREPOSITION_RE.search(seg)):
        return words  # "In relation to target D54", "To measure progress against the national target": not its subject
    if not subject.strip() or _FINITE_VERB_RE.search(subject) or _MODAL_WORD_RE.search(subject):
        return words
    return f"{seg} {words}"


# The body speaking of its own service, or to the people it serves: "we will …", "our staff", "your letters will be …".
_OWN_SERVICE_RE = regex(r"\b(?:we|our|us|you|your)\b", re.I)
# A service someone else delivers for the body: the provider, contractor, supplier or grantee is named.
_PROVIDER_NAMED_RE = regex(r"\b(?:providers?|contractors?|suppliers?|grantees?|tenderers?|bidders?|vendors?|operators?"
                           r"|consultants?|the\s+successful\s+(?:applicant|organisation|organization)|commission(?:s|ed|ing|ers?)?)\b", re.I)


_TIME_STANDARD_RE = regex(r"\b(?:within|wait(?:s|ing)?|waiting\s+times?|(?:response|median|average|mean)\s+times?|time\s+(?:between|from|to))\b"
                          r"[^.;]{0,120}?\b(?:minutes?|hours?|days?|weeks?|months?)\b", re.I)


def _sentence_rewrite(template: str, clause: Clause, start: int, end: int, document: str,
                      weight_sets: list[list[Weight]], doc_area: DocContext | Area, quote: bool,
                      place_kind: str = "sentence") -> str | None:
    area, scope, heading = _setting(clause, doc_area)
    words = their_words(clause, start, end)
    if words:
        words = _with_subject(clause, start, words)
    cells = [c.strip() for c in re.split(r"[|\t]", words or "") if c.strip()]
    quoted = _quote_ends(_NUMBERING_RE.sub("", " ".join(", ".join(cells).split())))
    head, figures = split_figures(quoted)
    if len(figures) > 1:  # a flattened row's columns after its words ("Calls answered: 92%, Target: 95%"): the words
        quoted = head.rstrip(" .,;:")
    quoted = _clean_quote(quoted)
    if not quoted:
        quote = False
    if quote and (_carries(quoted) or "tender-coach" in quoted.lower()):
        # Their words hold a second problem (say, per-minute pay), or a suppression marker that
        # would switch checks off wherever the rewrite is pasted: leave them out.
        quote = False
    group_text = clause.text
    if area.key == "adult-social-care" and isinstance(doc_area, DocContext) \
            and _SHARED_LIVES_RE.search(f"{heading}\n{doc_area.text[:4000]}"):
        group_text = _CARERS_WORD_RE.sub(" ", clause.text)  # Shared Lives carers give the care: they are not whom it is for
    context = {"beneficiaries": _beneficiaries(group_text, heading, area, scope.ages, _doc_group(doc_area)), "quoted": _marked_open(clause, start, quoted) if quote else None}
    if area.key == "children-families" and context["beneficiaries"] in (area.beneficiaries, "carers", "foster carers") \
            and _IN_CARE_RE.search(f"{heading}\n{clause.text[:1000]}"):
        context["beneficiaries"] = "children"  # a placement's rate is for the child placed, not a family kept together
    # Children under eight cannot plan a service or confirm its outcomes themselves: their families do, with them.
    context["young"] = _young(scope, context["beneficiaries"])
    # A payment cut or bonus tied to how fast the service acts ("a median time between referral and first appointment of more
    # than ten working days"): the time limit is a service standard, not an activity payment that could shrink.
    context["standard"] = template == "payment-to-outcome" and bool(quoted) and _TIME_STANDARD_RE.search(quoted) is not None
    # A quoted duty ("Outpatient follow-up must take place within 7 days of discharge") stays a standard the service keeps:
    # called "not a target" in the same breath as its "must", the suggestion would contradict itself.
    # So does a standard of speed, how soon people are seen or helped ("95% of patients wait less than four months for
    # elective treatment", "first treatment to take place within three weeks in 90% of cases"): how long people wait matters
    # to them, and it is not a count of activity to be set aside as "not a target".
    context["duty"] = bool(quoted) and (_DUTY_WORD_RE.search(quoted) is not None
                                        or (template == "output-to-outcome" and _SPEED_STANDARD_RE.search(quoted) is not None
                                            and _VOLUME_IN_TIME_RE.search(quoted) is None))
    context["everyone"] = area.everyone
    # A body's pledge about its own service ("we will respond within 2 working days", "Our voice mail messages will be
    # responded to …") has no provider to plan it: the body plans it itself.
    context["own_service"] = bool(_OWN_SERVICE_RE.search(clause.text[:1000])) \
        and not _PROVIDER_NAMED_RE.search(f"{heading}\n{clause.text[:1000]}")
    # A rate for a day, a night or a week of a placement or a bed (convention 7) is not care at home bought by the
    # minute: it keeps the clause's own service and group, its own rate, and no word of visit lengths or travel time.
    per = _time_unit(clause.text[max(0, start - clause.start):end - clause.start]) if template == "homecare-outcomes" else None
    per_rate = None
    if template == "homecare-outcomes" and per is None and not _RATE_UNIT_RE.search(clause.text[max(0, start - clause.start):end - clause.start]):
        # the finding names the rate, its line its period: "An increase in the rate paid to … care homes … by 7.9% per week"
        per = _time_unit(_line_at(clause, start))
        if per is None and (money := _MONEY_IN_RE.findall(_line_at(clause, start))):
            # or the heading or lead-in over a list of rates does: "Weekly fostering allowances" over "0-4 years: £181.00"
            per = _period_over(clause, heading, document)
            if per is not None and len(money) == 1:
                per_rate = f"{money[0]} per {per}"  # the line's figure, by the period its lead-in names
    if template in ("output-to-outcome", "payment-to-outcome", "homecare-outcomes"):
        if template == "homecare-outcomes" and _care_area(area, clause.text) is not area and per is None:
            area = _care_area(area, clause.text)
            context["beneficiaries"] = area.beneficiaries
        # Funded childcare paid by the hour (an early years place) is planned around each child's development: no
        # support plan, no travel time, and the child's development first.
        context["early"] = template == "homecare-outcomes" and area.key == "early-years"
        # A service bought by the hour that keeps no support plan (an appropriate adult's call-outs): its own outcome, no plan.
        # (A rate by the day keeps the day's wording: "the days paid for", not hours.)
        context["own_hours"] = template == "homecare-outcomes" and area.key in _OWN_OUTCOME_BY_THE_HOUR and per is None
        if context["early"] and context["beneficiaries"] == area.beneficiaries:
            context["beneficiaries"] = "children"  # "each child's learning and development, for example that children …"
        if context["early"]:
            scope = _development_scope(scope)
        context["outcomes"] = _outcome_slots(area, 2, _seed(clause, start, end), scope)
        if per is not None and _CARE_HOME_RE.search(_line_at(clause, start)):
            # people living in a care home: their outcome is not "stay living in their own home"
            slots = [o for o in _outcome_slots(area, 3, _seed(clause, start, end), scope) if o["key"] != "living-at-home-records"]
            context["outcomes"] = slots[:2] or context["outcomes"]
        if context["early"] or (area.key == "early-years" and _CHILDCARE_PLACE_RE.search(clause.text[:1000])):
            # a childcare place's outcome is the child's, not a social care record's
            context["outcomes"] = [o for o in context["outcomes"] if o["key"] != "childrens-social-care-records"] \
                or context["outcomes"]
        # Support paid by the hour that is not care at home (supported living, job coaching) is not told about
        # personal-care visits; NICE's home care guideline is England's: a text from elsewhere is not told to follow it.
        # A direct payment's rate is what the person is given to employ their own assistant: no visit lengths or
        # travel time for a provider, and no home care guideline.
        direct = _DIRECT_PAYMENT_RE.search(clause.text[:1000]) is not None
        context["direct"] = direct
        context["care"] = area.key in _CARE_AT_HOME and not direct
        context["nice"] = scope.nation in (None, "England") and area.key in _CARE_AT_HOME and per is None and not direct
        # The commissioner's own hourly rate stays, as the base the outcome payment is added to.
        context["rate"] = base_rate(clause.text[:4000]) if template == "homecare-outcomes" and per is None else (
            (_time_rate(clause.text[:4000]) or per_rate) if per else None)
        context["per"] = per
        # A fee for a placement named with no time unit ("a 5.92% increase in the foster carer fee"): no hours or travel
        # time are said to be paid for.
        context["untimed"] = template == "homecare-outcomes" and per is None and area.key not in _CARE_AT_HOME \
            and _IN_CARE_RE.search(f"{heading}\n{clause.text[:1000]}") is not None and not _HOURLY_WORD_RE.search(clause.text[:1000])
        # Rates set side by side ("£12.76 per hour for urban work and £13.05 per hour for rural work") stay together.
        context["rates"] = bool(context["rate"]) and len(_MONEY_IN_RE.findall(context["rate"])) > 1
        # "weekly care costs up to £492.03": a ceiling, kept as the limit it is, not turned into a base rate.
        context["limit"] = bool(context["rate"]) and _states_limit(clause.text[:4000], context["rate"])
    elif template == "award-quality-first":
        if (system := _preference_system(document or clause.text)) is not None:
            # South Africa's law sets the points for price (the 80/20 or 90/10 preference point system): a weighting that
            # scores quality against price there would be unlawful, so quality comes in as the functionality threshold the
            # regulations allow before price and preference points are scored. (Preferential Procurement Regulations,
            # 2017, regulations 5 to 7: https://source.acts.co.za/preferential-procurement-policy-framework-act-2000/r32_5__tenders_to_be_evaluated.php)
            return " ".join(render(f"rewrites/{template}.j2", preference=system).split())
        context.update(_award_slots(document, weight_sets, clause.start, scope.nation))
        in_place = _award_in_place(clause, start, end, context, document) or \
            _weights_in_place(clause, weight_sets, document, scope.nation)
        if in_place is not None:
            return in_place
        if _reports_award(clause):
            return None  # an award already made, or what a law requires: a scheme in its place would misstate it
        if (notice := _notice_fields(_line_at(clause, start), context)) is not None:
            return notice
        label = _field_label(clause, start)
        context["option"] = label is not None or _is_option(document, start)
        if label:
            return label + " ".join(render(f"rewrites/{template}.j2", **context).split())
        if context["option"] and place_kind != "item":  # "a)Exclusively the lowest price": the option keeps its letter
            line = clause.text[clause.text.rfind("\n", 0, start - clause.start) + 1:]
            marker = _OPTION_MARKER_RE.match(line)
            if marker:
                return marker.group(0).strip() + " " + " ".join(render(f"rewrites/{template}.j2", **context).split())
    return " ".join(render(f"rewrites/{template}.j2", **context).split())


# An hourly rate for care as the commissioner wrote it: "£18.50 per hour", "$13.00 - $21.00 per client per hour",
# "€32 an hour", "$82.02/hour"; Nordic rate lists: "377 kr/timme", "33 euroa / tunti", "41 €/h".
_MONEY = r"[£$€]\s?\d{1,4}(?:,\d{3})?(?:\.\d{2})?"
_HOURLY_RATE_RE = regex(rf"{_MONEY}(?:\s?(?:-|–|to)\s?{_MONEY})?\s?\(?(?:rate\s+)?(?:(?:per|an?)\s+(?:(?:client|consumer|person|participant|individual|resident)\s+per\s+)?hour\b|/\s?(?:hour|hr)\b|p/\s?hr?\b(?:\s+hour\b)?)"
                        r"|\b\d{1,4}(?:[.,]\d{2})?\s?(?:kr|kronor|euroa|€|eur)\s?(?:/|per)\s?(?:timme|tim|tunti|h|hour)\b"
                        # an amount in pounds and pence with its currency left off: "will be 33.00 per hour inclusive of all costs"
                        r"|(?<![\d.,£$€])\d{1,3}\.\d{2}\s(?:per|an?)\s+hour\b", re.I)


_CARE_AT_HOME = ("homecare", "adult-social-care", "older-people")
# Services with no support plan that are still bought by the hour (an appropriate adult's call-outs): the rate stays and
# the outcome part is the service's own, never home care's visits and travel time.
_OWN_OUTCOME_BY_THE_HOUR = ("custody-support",
                            # treatment for people on probation or in prison bought by the hour or the session: their
                            # outcomes (no further offending, a settled life) are the justice service's, with no care plan at home
                            "criminal-justice", "prisons")
# Services paid by the hour that keep their own outcomes: supported living for disabled people, job coaching,
# mental health support, a family worker's or a drug worker's hours, a carer's break (respite bought for the carer).
_PAID_BY_THE_HOUR = _CARE_AT_HOME + ("carers", "disability", "employment", "mental-health", "children-families", "youth",
                                     "leaving-care", "homelessness", "substance-misuse", "early-years", "learning-support")
# A rate that is a change, not the rate: "will rise from £17.08 to £17.28 an hour" (the rate is the second),
# "increased $2.15 an hour" (no rate is given).
# The new rate after "to", each rate with its unit: "from $28.88 per hour to $30.00 per hour".
_TO_NEW_RATE_RE = regex(rf"\s+to\s+({_MONEY}\s?(?:per|an?)\s+hour\b)", re.I)
# A sum that is the size of a change, named after it: "A $7 per day increase", "a £1.20 an hour uplift".
_CHANGE_AFTER_RE = regex(r"\s*(?:[\w-]+\s+)?(?:increases?|rises?|uplifts?|add-ons?|increments?|reductions?|decreases?|cuts?|top-ups?)\b", re.I)
# What names the sum after it as the size of a change: "an increase of $10 per resident per day", "an additional £15 a week",
# "will rise by $2 a day".
_CHANGE_BEFORE_RE = regex(r"(?:\b(?:increases?|rises?|uplifts?|raises?|top-ups?|add-ons?|increments?|reductions?|cuts?)\s+of|\b(?:additional"
                          r"|extra|further)|\b(?:rise|rises|increase|increases|go\s+up|goes\s+up)\s+by)\s*$", re.I)
_RATE_CHANGE_RE = regex(r"\b(?:ris(?:e|es|ing)|rose|increas(?:e|es|ed|ing)|uplift(?:s|ed)?|reduc(?:e|es|ed|ing)|"
                        r"decreas(?:e|es|ed|ing)|fall(?:s|ing)?|fell|go(?:es)?\s+up|went\s+up|up|down)\s+(by\s+|from\s+|of\s+)?$", re.I)
_MONEY_IN_RE = regex(_MONEY)
_RANGE_SPLIT_RE = regex(r"\s?(?:-|–|to)\s?(?=[£$€])")
# What joins two hourly rates set side by side, and what one is for: "… for Urban work and £13.05 per hour for Rural work".
# (what a rate is for may hold an age: "€350 per week for children aged under 12 and €377 per week for those over 12")
_RATE_JOIN_RE = regex(r"(?:\s+(?:for|in|on|at)\s+[^.;:£$€]{1,40}?)?\s*(?:,\s*|\s+)(?:and|or)\s+(?:(?:for|in|on|at)\s+[^.;:£$€\d]{1,30}?\s+)?", re.I)
_RATE_FOR_RE = regex(r"\s+(?:for|in|on|at)\s+[^.;:,£$€\n]{1,40}?(?=\s*(?:[.;,]|$))", re.I)
# A rate named before its sum, the sum set or changed: "The hourly rate for home care will be £21.50 from 1 April", "the
# quarter hour vendor rate … will change to $8.87" (not the amount of a rise: "the hourly rate rises by 50p").
_HOURLY_NAMED_RE = regex(rf"\b(?P<named>hourly|(?:a\s+)?quarter[\s-]hour|(?:a\s+)?half[\s-]hour)\s+(?:[\w-]+\s+){{0,2}}?rates?\b"
                         rf"[^.;:£$€\d\n]{{0,90}}?\b(?:is|are|be|of|to|at|remains?|stays?|set\s+at|becomes?)\s+(?P<sum>{_MONEY})"
                         r"(?![\d.,]?\d)(?!\s?(?:-|–|to)\s?[£$€])", re.I)
_HOURLY_RANGE_RE = regex(rf"\bhourly\s+rates?\s+(?:range\s+)?(?:of\s+|from\s+|between\s+)?({_MONEY})\s?(?:-|–|to|and)\s?({_MONEY})", re.I)


# (Also a rate named by its period with words between, as the rules read it: "weekly care costs", "the daily payment
# rate", "a rate per day of attendance".)
# (A rate "per 24 hours" is a day's; "£203.68 p/w" a week's.)
_TIME_UNIT_RE = regex(r"^(?![\s\S]*(?<!\b24\s)(?<!\b24)\b(?:hours?|hourly|hrs?|minutes?|mins?)\b)[\s\S]*?(?:\bper\s+24\s*(?:hours?|hrs?)\b|\d\s?(?P<w>p\s?/\s?w|pw)\b|\b(?:per|a)[-\s](?:(?:resident|person|client|child|bed|placement|individual|youth)\s+(?:per|a)\s+)?(?P<a>day|night|week|month|bed[-\s]?night)"
                      r"|(?P<b>bed[-\s]?night|daily|nightly|weekly|monthly|day|night)\s+(?:(?!(?:and|or|of|for|to)\b)[\w-]+\s+){0,2}?(?:rates?|costs?|fees?|payments?|amounts?)|per\s+diems?"
                      # a rate for each night a person stays, or a sum that buys one day: "a flat rate for each night the person
                      # stays with you", "$72.00 equates to one day respite"
                      r"|\b(?:for|per)\s+(?:each|every)\s+(?P<c>day|night|week)|\b(?:equates?|equals|buys|covers)\s+(?:to\s+)?(?:one|1|a)\s+(?P<d>day|night|week))\b", re.I)
_TIME_RATE_RE = regex(rf"{_MONEY}\s*(?:(?:per|a|/)\s*(?:(?:resident|person|client|child|bed|placement|individual|youth)\s+(?:per|a)\s+)?(?:day|night|week|month|bed[-\s]?night)\b|per\s+24\s*(?:hours?|hrs?)\b|p\s?/\s?w\b|pw\b)", re.I)


# A period's adjective and the unit it names.
_PERIOD_UNIT = {"daily": "day", "nightly": "night", "weekly": "week", "monthly": "month"}


_HOURLY_WORD_RE = regex(r"\b(?:hours?|hourly|minutes?|mins?|visits?)\b", re.I)
_PERIOD_WORD_RE = regex(r"\b(?:daily|nightly|weekly)\b", re.I)


def _lead_in_above(document: str, start: int) -> str:
    """The line just above `start` when it leads into a list (it ends with a colon), else ""."""
    line_start = document.rfind("\n", 0, start)
    if line_start <= 0:
        return ""
    above = document[document.rfind("\n", 0, line_start) + 1:line_start].strip()
    return above[-300:] if above.endswith(":") else ""


def _period_over(clause: Clause, heading: str, document: str, line: str = "") -> str | None:
    """The period ('day', 'night', 'week') that the heading over a clause or the lead-in line just above it names for its
    rates ("Weekly fostering allowances", "A weekly allowance … as follows:"); a heading that is the line itself
    (`line`) does not count."""
    over = " ".join(x for x in (heading if heading.strip() != line.strip() else "",
                                _lead_in_above(document, clause.start) if document else "") if x)
    return _time_unit(_PERIOD_WORD_RE.sub(lambda m: f"per {_PERIOD_UNIT[m.group(0).lower()]}", over)) if over else None


def _time_unit(found: str) -> str | None:
    """'day', 'night', 'week' or 'month' when the finding is a rate for a unit of time longer than an hour (a nursing
    home's rate per month is a place's, as a week's is)."""
    m = _TIME_UNIT_RE.search(found)
    if m is None:
        return None
    unit = "week" if m.group("w") else (m.group("a") or m.group("b") or m.group("c") or m.group("d") or "day").lower()
    return _PERIOD_UNIT.get(unit, "night" if "night" in unit else unit)


# A sum named by its period before it: "weekly care costs up to £492.03", "the daily payment rate is $80".
_PERIOD_SUM_RE = regex(rf"\b(?P<unit>daily|nightly|weekly|monthly)\s+(?:(?!(?:and|or|of|for|to)\b)[\w-]+\s+){{0,2}}?(?:rates?|costs?|fees?|payments?|amounts?)"
                       rf"\s+(?:[\w-]+\s+){{0,3}}?(?:(?:is|are|of|up\s+to|will\s+be)\s+|:\s*)?(?P<sum>{_MONEY})", re.I)


# A sum whose period is named just before it, as a fee list sets them: "Nursing fee per week £851.81", "The standard fee for
# … Care Homes per week is £774.47", "Night care per night (Sleep in) £81.90".
_PER_UNIT_SUM_RE = regex(rf"\bper\s+(?P<unit>day|night|week|month)\s+(?:\([^()\n]{{1,30}}\)\s+)?(?:(?:is|of|will\s+be)\s+|[:–-]\s*)?(?P<sum>{_MONEY})",
                         re.I)


_LIMIT_BEFORE_RE = regex(r"\b(?:up\s+to|a\s+maximum\s+of|maximum(?:\s+of)?|no\s+more\s+than|not\s+(?:to\s+)?exceed(?:ing)?|capped\s+at|at\s+most)\s*$", re.I)


_RISE_BY_RE = regex(r"\b(?:increas\w*|ris(?:e|es|ing)|rose|uplift\w*|rais\w*)\s+by\b", re.I)


def _states_limit(text: str, rate: str) -> bool:
    """Whether the sum of `rate` is written as a ceiling in `text` ("up to £492.03", "a maximum of $80 a day")."""
    at = text.find(rate.split()[0])
    if at > 0 and re.search(r"\bup\s+to\s*$", text[max(0, at - 10):at], re.I) and _RISE_BY_RE.search(text, max(0, at - 80), at):
        return False  # "will increase by €25 per week, up to €350 per week": the rate a rise brings, not a ceiling
    return at > 0 and bool(_LIMIT_BEFORE_RE.search(text[max(0, at - 30):at]))


def _time_rate(text: str) -> str | None:
    """A rate for a day, a night or a week as written; rates set side by side ("£747.60 per week and £846.73 per
    week") stay together, as a base of the first would drop the others."""
    rate = _TIME_RATE_RE.search(text)
    if rate and (_CHANGE_AFTER_RE.match(text, rate.end()) or _CHANGE_BEFORE_RE.search(text, max(0, rate.start() - 40), rate.start())):
        # "A $7 per day increase to the nursing component base rate", "A permanent increase of $10 per resident per day": the
        # size of a change, not the rate; the rates it brings, where the clause names them, are ("will increase by €25 per
        # week, up to €350 per week for children aged under 12 and €377 per week for those over 12")
        after = _TIME_RATE_RE.search(text, rate.end())
        if after is None or _CHANGE_AFTER_RE.match(text, after.end()):
            return None
        rate = after
    if rate:
        return _side_by_side(_TIME_RATE_RE, text, rate) or " ".join(rate.group(0).split())
    named = _PERIOD_SUM_RE.search(text)
    if named:
        return f"{named.group('sum')} per {_PERIOD_UNIT[named.group('unit').lower()]}"
    before = _PER_UNIT_SUM_RE.search(text)
    if before:
        return f"{before.group('sum')} per {before.group('unit').lower()}"
    return None


def _side_by_side(pattern, text: str, first) -> str | None:
    """The run of rates joined to `first` by "and"/"or" (each with what it is for, the last one's too), or None when
    `first` stands alone."""
    last = first
    for nxt in pattern.finditer(text, first.end()):
        if not _RATE_JOIN_RE.fullmatch(text, last.end(), nxt.start()):
            break
        last = nxt
    if last is first:
        return None
    end = _RATE_FOR_RE.match(text, last.end())
    return " ".join(text[first.start():end.end() if end else last.end()].split())


def base_rate(text: str) -> str | None:
    """The hourly rate a clause sets, as written: the new rate of a rise, none for the amount of a change. Rates set
    side by side ("£12.76 per hour for urban work and £13.05 per hour for rural work", "an hourly rate range from
    £17.17 to £18.20") are kept together, each with what it is for: a base of one of them would drop the others."""
    ranged = _HOURLY_RANGE_RE.search(text)
    rate = _HOURLY_RATE_RE.search(text)
    if rate is None and ranged is not None:
        return f"{ranged.group(1)} to {ranged.group(2)} an hour"
    if rate is None and (named_rate := _HOURLY_NAMED_RE.search(text)):
        unit = named_rate.group("named").lower().replace("-", " ").removeprefix("a ")
        return f"{named_rate.group('sum')} " + ("an hour" if unit == "hourly" else f"per {' '.join(unit.split())}")
    if rate is None or _CHANGE_AFTER_RE.match(text, rate.end()):
        return None  # (nor "a £1.20 an hour uplift": the size of a change)
    words = re.sub(r"\s+rate\s+(?=per\b|an?\b)", " ", " ".join(rate.group(0).split()))  # "$56.52 rate per hour"
    change = _RATE_CHANGE_RE.search(text[max(0, rate.start() - 40):rate.start()])
    if change is None and re.search(r"\bfrom\s*$", text[max(0, rate.start() - 10):rate.start()], re.I) \
            and len(parts := _RANGE_SPLIT_RE.split(words)) == 2:
        return parts[1]  # "fees … from £14.50 to £15.50 per hour": a change, and the new rate is the base
    if change is None:
        return _side_by_side(_HOURLY_RATE_RE, text, rate) or words
    parts = _RANGE_SPLIT_RE.split(words)
    if change.group(1) and change.group(1).strip().lower() == "from" and len(parts) == 2:
        return parts[1]  # "from £17.08 to £17.28 an hour": the new rate
    if change.group(1) and change.group(1).strip().lower() == "from" and (
            new := _TO_NEW_RATE_RE.match(text, rate.end())):
        return " ".join(new.group(1).split())  # "from $28.88 per hour to $30.00 per hour": the new rate
    return None


_BARE_AMOUNT_RE = regex(r"(?<![\d.,])\d{1,4}[.,]\d{2}(?![\d%])")
# A rate table's row whose unit is a quarter or half hour, its price at the end: "Day Habilitation Level 2 15 minutes 1306
# 2525 $2.47" (the row is its own line: the rate stays, the outcome part is added).
_QUARTER_HOUR_ROW_RE = regex(r"\b(?:15|30|fifteen|thirty)[-\s]min(?:ute)?s?\b(?:[^\S\n]+\d[\d,]*(?:\.\d+)?){0,3}[^\S\n]+[$£€]\s?\d[\d,]*\.\d\d\s*$", re.I)
_RATE_UNIT_RE = regex(r"\b(?:hour(?:ly)?|hr|per\s+h|visit|minute|session|unit|timme|tunti)\b|/\s?h\b", re.I)
# The unit or rate named by a table's row or header: "| Day |", "| 15 Minutes |", "FY08 Base Rate".
_ROW_UNIT_RE = regex(r"\b(?:\d{1,2}\s+)?(?:minutes?|mins?|days?|daily|nights?|weeks?|weekly|months?|monthly|trips?|miles?"
                     r"|diem|placements?|(?:base\s+|unit\s+|hourly\s+|daily\s+|weekly\s+)?rates?)\b", re.I)
# A rate cell that names no figure.
_UNSET_RATE_RE = regex(r"varies|variable|negotiated|by\s+negotiation|tbc|tba|to\s+be\s+(?:confirmed|agreed)", re.I)
# A cell of one figure or sum and nothing else: "500", "$0.25", "1,000", "12.5%".
_FIGURE_ONLY_CELL_RE = regex(r"[-–]?[£$€]?\s?\d[\d,]*(?:\.\d+)?\s?%?")
_MONEY_CELL_RE = regex(r"(?:[£$€]\s?\d{1,4}(?:[.,]\d{2})?|\d{1,4}[.,]\d{2}\s?(?:€|kr|eur|euroa)?)(?:\s?(?:p/?h|ph|/\s?h(?:ou)?r?|per\s+\w+))?")


def _care_area(area: Area, text: str = "") -> Area:
    """The area a payment-by-the-hour rewrite speaks for: the clause's own service (care at home, supported
    living, job coaching, a family worker's hours, a break for unpaid carers), else home care (a rate for care names no
    other service). "Carers" paid by the hour are care workers unless the text says the rate buys unpaid carers a break."""
    if area.key == "carers" and not _CARERS_BREAK_RE.search(text[:1000]):
        return library()["homecare"]
    if area.key in _PAID_BY_THE_HOUR or area.key in _OWN_OUTCOME_BY_THE_HOUR:
        return area
    # a price per bed or per resident ("Price: $10.80 per bed per day") is a care home's, not care at home
    return library()["adult-social-care" if _PER_BED_RE.search(text[:1000]) else "homecare"]


def _priced_area(area: Area, line: str, scheme: bool) -> Area:
    """The service a rate in a paste mostly of child care rates pays for, where it is not a funded child's place: a
    price per bed that names no service of its own is a care home's, and child care that an injury compensation scheme
    buys for its clients ("Child Care (per hour - for TAC registered providers)") is help at home for the injured
    person, beside the housekeeping and domestic help on the same schedule (`scheme`: see _injury_scheme)."""
    if area.key != "early-years":
        return area
    if _PER_BED_RE.search(line) and _clause_area(line).key == "general":
        return library()["adult-social-care"]
    if scheme:
        return library()["homecare"]
    return area


def _injury_scheme(line: str, document: str, start: int, heading: str) -> bool:
    """Whether a rate is an injury compensation scheme's: its line, its table's first line ("Service Description | TAC
    Item Number | …"), the line that leads its table or list in, or its section's heading names the scheme or its
    clients ("for TAC registered providers", "Workers' compensation home services fees"). Not the whole paste's opening:
    a paste may hold that schedule and a child care subsidy table apart."""
    return bool(_INJURY_SCHEME_RE.search(line[:1000]) or _INJURY_SCHEME_RE.search(_run_top(document, start))
                or _INJURY_SCHEME_RE.search(_lead_in(document, start)) or _INJURY_SCHEME_RE.search(heading[-300:]))


_PER_RESIDENT_RE = regex(r"\bper\s+resident\b", re.I)
_PER_BED_RE = regex(r"\bper\s+(?:occupied\s+)?(?:bed|resident)s?\b|\bbed[-\s]?(?:days?|nights?)\b", re.I)


# A rate that buys unpaid carers a break, or support for them: "respite for family caregivers", "carers' breaks", "a
# sitting service for unpaid carers" (not "£19.00 p/h for each carer employed on the care call").
_CARERS_BREAK_RE = regex(r"\b(?:unpaid|family|informal)\s+(?:carers?|caregivers?)\b|\bcaregivers?\b|\bcarers?['’]?\s+(?:breaks?|support|assessments?)\b"
                         r"|\bbreaks?\s+for\s+carers\b|\bsitting\s+service\b", re.I)


def _direct_payments(doc_area: DocContext | Area) -> bool:
    """Whether the whole document is a page of direct payment rates (DocContext.direct_payments)."""
    return isinstance(doc_area, DocContext) and doc_area.direct_payments


def _payment_part(outcome: dict[str, str], who: str | None) -> str:
    """The outcome-linked part of a rate: the outcome named, for the group the rate is paid for ("linked to whether people
    supported at home say their agreed support-plan outcomes have been met (support-plan review, …)"), not "outcomes each
    person confirms", which left the reader to guess what they were."""
    if who and outcome.get("change"):
        example = f", for example that they {outcome['example']}" if outcome.get("example") and who == outcome.get("example_for") else ""
        return f"part of the payment linked to whether {who} {outcome['change']}{example} ({outcome['measure']}, {outcome['when']})"
    return f"part of the payment linked to outcomes each person confirms ({outcome['measure']}, {outcome['when']})"


# Areas whose support-plan outcome fits any row of their rate sheets (care and support bought by the hour or the day).
_CARE_PLAN_AREAS = frozenset({"homecare", "adult-social-care", "disability", "older-people", "carers", "general"})


def _rate_who(line: str, heading: str, area: Area, scope: _Scope, doc_area: DocContext | Area,
              scheme: bool = False) -> str:
    """Who a rate is paid for: the group its line or heading names, else its service's (a mental health service's rate is
    for people with mental health needs, though its outcome part is the support plan's, as for care at home). A singular
    word in a rate's line names its service, as in a heading ("Home Help (per hour, for a registered carer)" names who
    gives the care): only a plural there names the group. `scheme`: an injury compensation scheme's rate (_injury_scheme),
    whose care at home is for the injured person, whatever its line names."""
    if area.key in ("general", "homecare", "adult-social-care", "older-people") and _PER_RESIDENT_RE.search(line):
        return "residents"  # "$22.15 per resident per day": a care home's residents, not people supported at home
    if scheme and area.key == "homecare":
        return area.beneficiaries  # an injury scheme's child care or housekeeping is help at home for the injured person
    if _group_words(line) and not _group_words(line, plural_only=True):
        line = ""
    if area.key == "children-families" and " children in care" in scope.aims \
            and not _group_words(line, plural_only=True):
        return "children in care"  # a placement's rate is paid for the child placed, not for a family's parenting
    return _beneficiaries(line, heading, area if area.key != "general" else _care_area(area, line), scope.ages, _doc_group(doc_area))


def _with_outcome_part(rate_words: str, outcome: dict[str, str], early: bool = False, direct: bool = False,
                       who: str | None = None) -> str:
    """A rate as written, kept as the base, with the outcome-linked part of the payment after it. A line that
    only changes a rate ("To increase fees by £1.20 per hour") is not called a base rate, and a line whose rate
    is followed by more words ("£19 per hour to meet the wage floor") is not left hanging "as the base rate".
    `early`: a funded childcare rate stays the funding rate, and providers report each funded child's progress.
    `direct`: the document is a page of direct payment rates, so every rate on it is a person's own budget."""
    words = rate_words.rstrip(' .;,')
    if early:
        part = f"providers reporting {_funded_child(outcome)} progress ({outcome['measure']}, {outcome['when']})"
        rate = _HOURLY_RATE_RE.search(words) or _UNIT_RATE_RE.search(words)
        if rate is not None and len(_TAIL_WORD_RE.findall(words[rate.end():])) > 3:
            return f"{words}; this rate stays the funding rate, with {part}"
        if re.search(r"\bfunding\s+rates?\b", words, re.I):  # "… funding rate … = £5.64 per hour": already named
            return f"{words}, with {part}"
        return f"{words} as the funding rate, with {part}"
    if direct or _DIRECT_PAYMENT_RE.search(words):  # the person's own budget to employ an assistant: no provider is paid on outcomes
        return f"{words}, reviewed against the outcomes in each person's support plan ({outcome['measure']}, " \
               f"{outcome['when']}), so that the direct payment lets them employ the support they need to meet them"
    part = _payment_part(outcome, who)
    rate = _HOURLY_RATE_RE.search(words) or _UNIT_RATE_RE.search(words)
    before = words[max(0, rate.start() - 60):rate.start()] if rate is not None else ""
    if rate is not None and (_names_rate_change(words, rate)
                             or re.search(r"\bbase\b", before, re.I)):  # "The base rate is $4.45 per unit": already said
        return f"{words}, with {part}"
    if len(_HOURLY_RATE_RE.findall(words) or _UNIT_RATE_RE.findall(words)) > 1 \
            and not re.search(r"\b(?:increas|ris|rais|uplift|reduc|decreas|chang)\w*", words, re.I):
        return f"{words}; each rate stays the base rate, with {part}"  # "Exception Rate $12.00 / Hr. $12.85 / Hr.": one a year
    if rate is not None and (len(_TAIL_WORD_RE.findall(words[rate.end():])) > 3 or "," in words[rate.end():]):
        return f"{words}; this rate stays the base rate, with {part}"  # (", effective 1 January": not "2024 as the base rate")
    return f"{words} as the base rate, with {part}"


# A rate table's row comes back as written, its rates untouched, with the sentence on the outcome-linked part on the line
# under it: a paragraph put into the rate's cell made the cell unreadable and the row no longer a price list's row. A run
# of rows with the same sentence gets it once, under the run (join_run_rows).
FEE_RIDER = "This fee stays the base rate, with "
RATE_RIDER = "This rate stays the base rate, with "
_RIDERS = {FEE_RIDER: "These fees stay the base rates, with ", RATE_RIDER: "These rates stay the base rates, with ",
           "This rate stays the funding rate, with ": "These rates stay the funding rates, with ",
           "This rate stays the direct payment rate, ": "These rates stay the direct payment rates, "}


def _rate_row_kept(cells: list[str], money: int, join: Callable[[list[str]], str], outcome: dict[str, str], early: bool,
                   direct: bool, who: str | None) -> str | None:
    """A rate table's row (its `cells`, the rate in cells[money], put back together by `join`) kept as written, with the
    outcome-linked part of its payment as a sentence on the line under it (pasted back together, the sentence lets the
    row off: scoring/engine.py); None where the cell changes a rate ("increase by £1.20 per hour"), which is not a base."""
    cell = cells[money]
    words = cell.strip().rstrip(" .;,")
    if _names_rate_change(words, _HOURLY_RATE_RE.search(words) or _UNIT_RATE_RE.search(words)):
        return None
    direct = direct or _DIRECT_PAYMENT_RE.search(" ".join(cells)) is not None
    row = join(list(cells))
    if early:
        rider = f"This rate stays the funding rate, with providers reporting {_funded_child(outcome)} progress " \
                f"({outcome['measure']}, {outcome['when']})."
    elif direct:
        rider = f"This rate stays the direct payment rate, reviewed against the outcomes in each person's support plan " \
                f"({outcome['measure']}, {outcome['when']}), so that the direct payment lets them employ the support they need to meet them."
    else:
        rider = f"{RATE_RIDER}{_payment_part(outcome, who)}."
    return f"{row}\n{rider}"


def _names_rate_change(words: str, rate: re.Match | None) -> bool:
    """Whether the words before a rate (all of `words` when no rate was found) make it the size of a change or a rate
    changed to ("To increase fees by £1.20 per hour", "rising to £19.40 per hour"), not a base."""
    before = words[max(0, rate.start() - 60):rate.start()] if rate is not None else words
    return bool(_RATE_CHANGE_RE.search(before[-40:]) or _CHANGE_BY_RE.search(before))


# A rate for a unit of care other than an hour: "$6.72 for each 15 minutes", "£45 per visit", "$30 a session".
_UNIT_RATE_RE = regex(rf"{_MONEY}\s?\(?(?:(?:per|for\s+(?:each|every)|an?|/)\s?(?:(?:occupied\s+)?(?:bed|resident|person|client|child|participant|place|individual)\s+(?:per|a|/)\s?)?(?:\d{{1,3}}[ -]?)?(?:minutes?|mins?|visits?|sessions?|units?|hours?|days?|nights?|weeks?|diem)\b"
                      rf"|(?:p\s?/\s?[hwdn]|pw|ph)\b|\d{{1,3}}[ ]?(?:minutes?|mins?)\b)", re.I)  # (and written short: "£203.68
# p/w", "£19.50ph"; or a fee schedule's unit after the rate: "W1792 $3.41 15 min"; or per bed or resident: "$10.80 per bed
# per day")
_TAIL_WORD_RE = regex(r"[A-Za-z]{2,}")
# A cap told after the rate: "$22.29 per 15-minute increment with a maximum of 4 units per day".
_CAP_TAIL_RE = regex(r"\W*(?:increments?\s+|blocks?\s+)?(?:,\s*)?(?:with\s+a\s+|to\s+a\s+|up\s+to\s+a\s+)?(?:maximum|max\.?|limit|cap)\s+of\b",
                     re.I)
# A change named before the amount it changes by: "To increase respite care fees by £1.20 per hour".
_CHANGE_BY_RE = regex(r"\b(?:increas|ris|rais|uplift|reduc|decreas|cut)\w*\b[^.;:]{0,50}\bby\s+$", re.I)


# A line's last full stop may only shorten its unit ("$12.00 / Hr. $12.85 / Hr."): a rate schedule's line, not a sentence.
_UNIT_STOP_RE = regex(r"(?:[/ ]|\bper\s)(?:hrs?|hr|wk|mo|mth|min|mins|yr)\.$", re.I)


def _ends_sentence(line: str) -> bool:
    return line.endswith((".", ";", ":")) and not _UNIT_STOP_RE.search(line)


_RUNS_ON_RE = regex(r"\b(?:a|an|the|of|to|for|in|on|at|by|with|and|or|from|will|shall|must|than|per)[ \t]*$", re.I)


def _wrapped(clause: Clause, start: int) -> bool:
    """Whether the finding's line is part of a sentence a stored copy broke over lines ("The County will\nreimburse
    at $23.88/hour for services in the Purchase of\nService …"), not a line of figures: the line ends on a word that
    needs more, or the next line carries on in lower case."""
    rel = start - clause.start
    line_end = clause.text.find("\n", rel)
    if line_end < 0 or not clause.text.rstrip().endswith("."):
        return False
    line = clause.text[clause.text.rfind("\n", 0, rel) + 1:line_end]
    following = clause.text[line_end + 1:line_end + 40].lstrip(" \t<>/br")
    return bool(_RUNS_ON_RE.search(line)) or following[:1].islower()


def _rate_ends_line(line: str) -> bool:
    """Whether a short line is a rate with at most a few words after it ("(b) $6.72 for each 15 minutes of service.")."""
    units = list(_UNIT_RATE_RE.finditer(line[:200]))
    rate = units[-1] if units else _HOURLY_RATE_RE.search(line[:200])  # the last rate on the line
    return rate is not None and len(line) <= 120 and (len(_TAIL_WORD_RE.findall(line[rate.end():])) <= 3
                                                      or _CAP_TAIL_RE.match(line, rate.end()) is not None)


def _line_at(clause: Clause, start: int) -> str:
    rel = start - clause.start
    return clause.text[clause.text.rfind("\n", 0, rel) + 1:].split("\n")[0].strip()


_LONE_AMOUNT_LINE_RE = regex(r"[ \t]*[£$€]\s?\d{1,4}(?:[.,]\d{2})?[ \t]*(?:\n|$)")


def rates_below(line: str, document: str, start: int) -> str:
    """A row flattened one cell a line, its label on the finding's line and its rates on the lines below ("80%+
    certificated teachers", "$12.71", "$12.93"): the label with those rates, "80%+ certificated teachers: $12.71,
    $12.93". The line alone when it has an amount of its own or no lone amount follows."""
    if not document or _MONEY_IN_RE.search(line):
        return line
    at = document.find("\n", start)
    rates: list[str] = []
    while at >= 0 and len(rates) < 4:
        rest = document[at + 1:at + 200]
        blank = len(rest) - len(rest.lstrip("\n"))
        m = _LONE_AMOUNT_LINE_RE.match(rest, blank)
        if m is None or blank > 3:
            break
        rates.append(m.group(0).strip())
        at = at + 1 + m.end() - 1 if m.group(0).endswith("\n") else -1
    return f"{line.rstrip(' :')}: {', '.join(rates)}" if rates else line


_LONE_RATE_LINE_RE = regex(r"\s*[£$€]\s?\d{1,5}(?:[.,]\d{2})?\s*\(?(?:per|an?|/)\s*[a-z ]{2,20}\)?\s*[/|]?\s*$", re.I)


def _line_above(text: str, at: int, blank: int | None = None) -> str:
    """The nearest line with words above the line holding `at`, within 300 characters (and with at most `blank` blank
    lines between, if given); "" if there is none."""
    lines = text[max(0, at - 300):at].split("\n")[:-1]
    for gap, line in enumerate(reversed(lines)):
        if line.strip():
            return line
        if blank is not None and gap >= blank:
            break
    return ""


def _label_above(line: str, document: str, start: int) -> str | None:
    """A rate alone on its line ("$5 (per hour)") under the label it prices ("Centre-based care and support service",
    a blank line between): the label with its rate, as one line of the list. None when the line holds more than a rate
    or no short label stands just above it."""
    if not _LONE_RATE_LINE_RE.fullmatch(line):
        return None
    label = _line_above(document, start).strip().strip(" /|")
    if not label or len(label) > 120 or _MONEY_IN_RE.search(label) or label.endswith((":", ".")) or not label[:1].isalpha():
        return None
    return f"{label}: {line.strip(' /|')}"


def _row_line(clause: Clause, start: int, document: str) -> str:
    """The finding's line; or, where a flattened row's cells were split into sentences ("Home care Increase to
    reflect the cost of the wage floor. 20.28 (hourly rate) 6.60 21.64 (hourly rate)"), the whole row as the
    document has it, when its last sentence is its rates and it is at most 600 characters; or its label with the
    rates on the lines below it (rates_below)."""
    line = _line_at(clause, start)
    if not document:
        return line
    if (below := rates_below(line, document, start)) != line:
        return below
    if (above := _label_above(line, document, start)) is not None:
        return above
    lo = max(0, start - 600)
    a = document.rfind("\n", lo, start) + 1
    b = document.find("\n", start, start + 600)
    b = b if b >= 0 else (len(document) if len(document) - start <= 600 else -1)
    if (a == 0 and lo > 0) or b < 0:
        return line
    full = document[a:b].strip()
    last = full[full.rfind(". ") + 2:] if ". " in full else ""
    if len(full) > len(line) and last[:1].isdigit() and len(_BARE_AMOUNT_RE.findall(last)) >= 2 and _RATE_UNIT_RE.search(last):
        return full
    return line


# A rate's unit alone on its line, a flattened table's cell: "(Hourly rate)", "per week".
_UNIT_ONLY_LINE_RE = regex(r"\(?\s*(?:(?:hourly|weekly|nightly|daily)\s+rate|per\s+(?:hour|week|night|day))\s*\)?", re.I)


def _rate_cells_around(document: str, start: int, block: int) -> Clause | None:
    """A fee table flattened one cell a line, the finding on the unit's own line with the rate on the line above and the
    new rate on the line below ("15.12", "(Hourly rate)", "16.08"): those cells as one line, "15.12 (Hourly rate) 16.08",
    so that the rates are kept and not replaced by a paragraph."""
    a = document.rfind("\n", 0, start) + 1
    b = document.find("\n", start)
    b = len(document) if b < 0 else b
    unit = document[a:b].strip()
    if not _UNIT_ONLY_LINE_RE.fullmatch(unit):
        return None
    above = [x.strip() for x in document[max(0, a - 200):a].split("\n") if x.strip()]
    below = [x.strip() for x in document[b:b + 200].split("\n") if x.strip()]
    if not above or not _FIGURE_CELL_RE.fullmatch(above[-1]):
        return None
    after = below[0] if below and _FIGURE_CELL_RE.fullmatch(below[0]) else ""
    line = " ".join(x for x in (above[-1], unit, after) if x)
    return Clause(start=0, end=len(line), text=line, kind="row", block=block)


def _rate_line(clause: Clause, start: int, doc_area: DocContext | Area, document: str = "") -> str | None:
    """A short line giving a care rate ("Homemaker $14.00 per hour", "Personal care / £21.50 per hour") comes back
    as the same line, its rate kept as the base with the outcome-linked part added: not a paragraph per line."""
    first = _line_at(clause, start)
    if first.count("|") >= 2 and not _MONEY_IN_RE.search(first) and (nl := clause.text.find("\n", start - clause.start)) >= 0 \
            and clause.text[nl + 1:].strip():
        start = clause.start + nl + 1  # a header line read with the row under it: the row is what gets its rate kept
    line = _row_line(clause, start, document)
    if len(line) > (120 if line == _line_at(clause, start) else 600):
        return None
    amounts = _BARE_AMOUNT_RE.findall(line)
    cells = line.split("|") if line.count("|") >= 2 else []
    money = next((i for i, c in enumerate(cells) if _MONEY_CELL_RE.fullmatch(c.strip()) or _HOURLY_RATE_RE.search(c)), None)
    area, scope, heading = _setting(clause, doc_area)
    if area.key != "early-years" and _clause_area(line).key == "general" and (own := detect_ages(line)) is not None \
            and own.high is not None and own.high <= 5:
        area = library()["early-years"]  # the line's own age group, though its clause runs on into another sentence
    scheme = _injury_scheme(line, document, clause.start, heading)
    area = _priced_area(area, line, scheme)
    early = area.key == "early-years"  # a funded childcare place's rate: the child's development, not a care plan
    # A line of a list of rates whose period its heading or lead-in names ("0-4 years: £181.00" under "A weekly
    # allowance … based on the child's age as follows:"): the line keeps its figure, by that period.
    per = _period_over(clause, heading, document, line) if len(_MONEY_IN_RE.findall(line)) == 1 \
        and not _RATE_UNIT_RE.search(line) and not _PERIOD_WORD_RE.search(line) else None
    # (the unit may be named above the line, in the same clause: "$ PER FUNDED CHILD HOUR" over a row of rates)
    unit_above = _RATE_UNIT_RE.search(clause.text[:max(0, start - clause.start)] + "\n" + heading) is not None
    priced = PRICE_LINE_RE.fullmatch(line.strip()) if not cells else None
    if not _HOURLY_RATE_RE.search(line) and not _UNIT_RATE_RE.search(line) and not _QUARTER_HOUR_ROW_RE.search(line) \
            and not ((_RATE_UNIT_RE.search(line) or unit_above or line != first) and (money is not None or len(amounts) >= 2)) \
            and not (early and len(amounts) == 1 and _MONEY_CELL_RE.search(line)) and per is None and priced is None:  # "Under 2's - Entitlement £9.90"
        return None
    if priced is not None and per is None:  # a price list's line ("Weekday$52.85"): its item and its price, apart
        line = f"{priced.group(1).strip()} {priced.group(2)}"
    if per is not None:
        line = f"{line.rstrip(' .;,')} per {per}"
    slot = _child_development_slot(area, scope) if early else _own_outcomes_slot(_care_area(area, line), scope)
    direct = _direct_payments(doc_area)
    who = None if early else _rate_who(line, heading, area, scope, doc_area, scheme)
    if not early and not direct and _CARE_HOME_RE.search(line):
        slot, who = _care_home_part(line, heading, scope, doc_area)  # a care home's residents, not people kept at home
    if money is not None:  # "Home care (per worker) | £15.10 | per hour |": the row as written, the outcome part under it
        if (kept := _rate_row_kept(cells, money, lambda marked: "|".join(marked).strip(), slot, early, direct, who)) is not None:
            return kept
        cells[money] = " " + _with_outcome_part(cells[money].strip(), slot, early, direct, who) + " "
        return "|".join(cells).strip()
    if len(amounts) >= 2 and not _HOURLY_RATE_RE.search(line) and not _DIRECT_PAYMENT_RE.search(line) and not direct:
        # a flattened row of rates ("Respite at home 18.20 (hourly rate) 5.10 19.13 (hourly rate)"): each stays
        if early:
            return (f"{line.rstrip(' .;,')}; each rate stays the funding rate, with providers reporting "
                    f"{_funded_child(slot)} progress ({slot['measure']}, {slot['when']})")
        return f"{line.rstrip(' .;,')}; each rate stays the base rate, with {_payment_part(slot, who)}"
    return _with_outcome_part(line, slot, early, direct, who)


_CARE_HOME_RE = regex(r"\b(?:care|nursing|residential)\s+homes?\b|\bdementia\s+rate\b"
                      r"|\b(?:long[\s-]term\s+care|aged\s+care|ltc)\s+(?:\(\s*ltc\s*\)\s+)?homes?\b", re.I)
_CHILDCARE_PLACE_RE = regex(r"\b(?:child\s?care|nursery|pre-?school|funded\s+(?:places?|hours|early\s+education)|early\s+education)\b", re.I)


_RATE_RISE_RE = regex(r"\b(?:increas|uplift|rais|ris)\w*\b[^.;:]{0,120}?\bby\s+\d{1,2}(?:\.\d+)?\s*%\s*(?:per\s+(?:week|day|night|hour|annum))?", re.I)


def _rate_rise_line(clause: Clause, start: int, doc_area: DocContext | Area) -> str | None:
    """A decision that raises a rate by a share and names no new rate ("An increase in the rate paid to … nursing homes … by
    7.9% per week;") stays that decision, its rise kept, with the outcome-linked part after it: not a care paragraph
    that drops the rise it was there to approve."""
    line = _line_at(clause, start)
    if len(line) > 240 or not _RATE_RISE_RE.search(line) or _AMOUNT_RE.search(line):
        return None
    area, scope, heading = _setting(clause, doc_area)
    if _CARE_HOME_RE.search(line):  # people living in a care home: their care-related quality of life, not staying at home
        slot, who = _care_home_part(line, heading, scope, doc_area)
    else:
        slot = _own_outcomes_slot(_care_area(area, line), scope)
        who = _rate_who(line, heading, area, scope, doc_area)
    return (f"{line.rstrip(' .;,')}; {_payment_part(slot, who)}, rather than the time paid for"
            f"{line[-1] if line[-1] in '.;' else '.'}")


# A price for a room by the night, the day or the week, or for a bed by the night, as hotels and hostels are bought
# ("€65.00 per room per day", "the €30 paid per bed per night"), with no care or support named beside it: it buys a
# roof, and an outcome payment on a support plan would invent a service that is not there.
_ROOM_PRICE_RE = regex(r"\bper\s+(?:room|bedroom|hotel\s+room|unit\s+of\s+accommodation)\s+per\s+(?:night|day|week)\b"
                       r"|\bper\s+(?:bed|bed\s?space)\s+per\s+night\b"
                       r"|\b(?:hotel|hostel|b\s?&\s?b|bed\s+and\s+breakfast)\s+(?:rooms?\s+)?(?:rates?|prices?|costs?)\b", re.I)
_SUPPORT_IN_ROOM_RE = regex(r"\b(?:support|care|nursing|hospice|treatment|respite|therapeutic|staffed|supervis\w*|detox\w*"
                            r"|rehabilitation|recovery|hospital|ward|patients?|residents?|placements?|foster\w*|meals?)\b", re.I)


# Services bought by the hour that are not care or support: interpreting and translation, legal aid and court work,
# driving, tutoring, a doctor's sessions. Their hours are the service; a support plan's outcome payment would invent one.
_NOT_CARE_SERVICE_RE = regex(r"\b(?:interpret(?:er|ers|ing|ation)|translat(?:or|ors|ion)|sign\s+language|language\s+services?|legal\s+aid|lawyers?|solicitors?"
                             r"|barristers?|counsel\s+fees?|duty\s+counsel|attorneys?|public\s+defen[cs]e|court\s+(?:work|appearances?)"
                             r"|drivers?|driving|tutors?|tutoring|tuition"
                             # a doctor's time bought by the hour or the shift: "NHS offers £200-an-hour shifts to GPs"
                             r"|GPs?|general\s+practitioners?|doctors?|locums?|physicians?)\b", re.I)
_CARE_NAMED_RE = regex(r"\b(?:care|carers?|support\s+workers?|personal\s+assistan\w+|nursing|respite|homemak\w+|attendant|"
                       r"support(?:ed)?\s+living|domiciliary|reablement|hospice)\b", re.I)
# What a person is charged for a service, told to them ("the most you will pay is £5.88 per week", "You will receive a bill
# in April"): their charge, not the rate a provider is paid.
_CHARGED_TO_PERSON_RE = regex(r"\b(?:the\s+most\s+)?you\s+(?:will\s+|would\s+)?(?:pay|be\s+charged|be\s+billed|receive\s+a\s+bill)\b"
                              r"|\bis\s+paid\s+on\s+a\s+\w+\s+basis\b", re.I)


def _not_care_bought(clause: Clause, doc_area: DocContext | Area) -> bool:
    """Whether a rate's clause is for a service that is not care or support (an interpreter's hours, a lawyer's tariff, a
    driver's reimbursement, a tutor's hour), named in the clause, its heading or the document's opening and with no care
    named in the clause; or a charge told to the person who pays it."""
    text = clause.text[:1000]
    if _CHARGED_TO_PERSON_RE.search(text):
        return True
    if _CARE_NAMED_RE.search(text):
        return False
    doc = doc_area if isinstance(doc_area, DocContext) else None
    around = f"{text}\n{doc.heading_above(clause.start) if doc else ''}\n{doc.text[:3000] if doc else ''}"
    return _NOT_CARE_SERVICE_RE.search(around) is not None and not _CARE_NAMED_RE.search(around[len(text):])


def _unpriced_rule(clause: Clause, doc_area: DocContext | Area) -> str | None:
    """A sentence that says how care is paid by the day but names no amount ("The program pays one of four per diem rates",
    "DADS pays one of the per diem rates for each day … regardless of the volume of services provided"): the rule stays as
    written, and a sentence after it links part of the payment to the outcome. A support-plan paragraph in its place
    dropped the rule it was there to state."""
    text = clause.text.strip()
    if "\n" in text or "|" in text or len(text) > 300 or not _SENTENCE_END_RE.search(text) or _AMOUNT_RE.search(text) \
            or _BARE_AMOUNT_RE.search(text) or not _DAY_RATE_RULE_RE.search(text) or _BY_THE_CLOCK_RE.search(text) \
            or _DIRECT_PAYMENT_RE.search(text) or _ABBREVIATION_END_RE.search(text):
        # (care at home bought by the hour or the minute keeps its own suggestion: visit lengths, travel time; and a
        # sentence cut at an abbreviation, "as set under 38 U.S.C.", is not kept half-way)
        return None
    area, scope, heading = _setting(clause, doc_area)
    if _CARE_HOME_RE.search(text):
        slot, who = _care_home_part(text, heading, scope, doc_area)
    elif area.key == "carers" or _CARERS_WORD_RE.search(text):
        return None  # whether the carers give the care (Shared Lives) or are helped is the template's to tell
    elif area.key == "general":
        # no service named: the change each person names, for the group the sentence names (not care at home's)
        slot = _outcome_slots(area, 1, _seed(clause, clause.start, clause.end), scope)[0]
        who = _beneficiaries(text, heading, area, scope.ages, _doc_group(doc_area))
    else:
        # (a service with outcomes of its own, hospice care say, is paid on them, as its suggestions elsewhere are)
        slot = _own_outcomes_slot(area, scope) if area.key in _CARE_PLAN_AREAS \
            else _outcome_slots(area, 1, _seed(clause, clause.start, clause.end), scope)[0]
        who = _rate_who(text, heading, area, scope, doc_area)
    part = _payment_part(slot, who).replace("part of the payment linked", "Part of the payment is linked", 1)
    return f"{text} {part}."


_SENTENCE_END_RE = regex(r"[.!?]['\"’”)]*\s*$")
# A rule for paying by the day: "per diem rates", "a daily rate", "for each day an individual … qualifies".
_DAY_RATE_RULE_RE = regex(r"\bper[\s-]+diem\b|\b(?:daily|day|nightly|weekly)\s+rates?\b|\bper\s+(?:day|night|week)\b"
                          r"|\bfor\s+each\s+(?:day|night|week)\b", re.I)
_BY_THE_CLOCK_RE = regex(r"\b(?:hours?|hourly|minutes?|visits?)\b", re.I)
_ABBREVIATION_END_RE = regex(r"\b(?:[A-Z]\.){2,}$")  # a clause the segmenter ended at "U.S.C.", not at its full stop


def _care_home_part(line: str, heading: str, scope: _Scope, doc_area: DocContext | Area) -> tuple[dict[str, str], str | None]:
    """The outcome part for a care or nursing home's rate: its residents' care-related quality of life (ASCOT), and who
    they are. Staying in one's own home, the example for care at home, contradicts the setting the rate pays for."""
    care = library()["adult-social-care"]
    slots = [o for o in _outcome_slots(care, 4, "rate", scope, own_aim=False) if o["key"] != "living-at-home-records"]
    who = _rate_who(line, heading, care, scope, doc_area)
    if who == care.beneficiaries:  # named by no group of its own: the home's residents, not every adult with care needs
        who = "older residents" if _OLDER_WORD_RE.search(f"{line}\n{heading}") else "residents"
    return next((o for o in slots if o["key"] == "ascot"), slots[0]), who


_OLDER_WORD_RE = regex(r"\b(?:older|elderly|aged\s+care|over\s+65s?)\b", re.I)


def _development_scope(scope: _Scope) -> _Scope:
    """A funded early years place's scope: its outcome is the child's development (plain "children" there are the places'
    under-fives, not every age to 17)."""
    ages = None if scope.ages is not None and (scope.ages.low, scope.ages.high) == (0, 17) else scope.ages
    return _Scope(ages, scope.named, f"{scope.aims} development", scope.nation, scope.purpose)


def _child_development_slot(area: Area, scope: _Scope) -> dict[str, str]:
    """A funded early years place's outcome: the child's development, measured for the child's ages. Where the places
    run past the early years (a rate table whose columns go on to "School age (6-12 years)"), the development measure
    is asked of the under-fives among them, and the slot says so (`under_five`): no measure of a young child's
    development fits a school-age child, and a tool for adults and their keyworker fits neither."""
    development = _development_scope(scope)
    ages = development.ages
    if ages is not None and ages.low < 5 and (ages.high is None or ages.high > 5):
        under_five = _Scope(UNDER_FIVE_AGES, scope.named, development.aims, scope.nation, scope.purpose)
        return dict(_child_development_slot(area, under_five), under_five="yes")
    slots = _outcome_slots(area, 2, "rate", development, own_aim=False)
    return next((o for o in slots if o["key"] != "childrens-social-care-records"), slots[0])


def _funded_child(slot: dict[str, str]) -> str:
    """Whose progress a funded child care rate is reported on: each funded child's, or only the under-fives' where the
    places run to school age (see _child_development_slot)."""
    return "the under-fives'" if slot.get("under_five") else "each funded child's"


def _own_outcomes_slot(area: Area, scope: _Scope) -> dict[str, str]:
    """The area's outcome each person defines (its support-plan review), the same for every rate in a list."""
    own = next((o for o in area.outcomes if "person-defined" in o.tags), None)
    # (a rate for a child's placement, where the text names children in care: the placement's own outcome)
    own = next((o for o in area.outcomes if "in-care" in o.tags and scope.aims and o.stated_in(scope.aims)), own)
    measure = own.measure_for(scope.ages, scope.named, scope.nation) if own else None
    if measure is None:
        return _outcome_slots(area, 1, "rate", scope, own_aim=False)[0]
    slot = {"change": own.change, "measure": _measure_named(own, measure, scope), "when": measure.when, "key": measure.key}
    # "their agreed support-plan outcomes" names none: where the area has a concrete one each person may choose (tagged
    # `example`: staying in their own home), it is given as the example
    example = next((o for o in area.outcomes if o is not own and "example" in o.tags
                    and o.measure_for(scope.ages, scope.named, scope.nation) is not None), None)
    if example is not None:
        slot["example"], slot["example_for"] = example.change, area.beneficiaries  # (for the area's own group only)
    return slot


# A lowest-price award term that names one bidder or offer: "lowest responsible bidder", "lowest-priced
# compliant bid", "cheapest tender", "lowest evaluated price". Group 1 is its noun.
_LOWEST_TERM_RE = regex(
    r"(?:lowest|cheapest|low)(?:[-\s]+(?:and\s*/?\s*(?:or\s+)?best|[\w/]+,?))*?[-\s]+"
    r"(bidder|tenderer|contractor|vendor|supplier|offeror|proposer|firm|provider|bid|tender|offer|quotation|quote|proposal"
    r"|price|cost)(?![\w-])", re.I)
# A sentence that reports what a law, a court, an opinion or a guide says, or names one option among
# several: the buyer's own rule is not being written here.
_REPORTS_RULE_RE = regex(
    r"\b(?:acts?|statutes?|laws?|courts?|case\s+law|judgm?ents?|opinions?|regulations?|directives?|ordinances?\s+(?:say|says|state|requires?)"
    r"|requires?|required\s+by|currently|traditionally|historically|approach|option|method|alternatively|held|ruled"
    r"|principles?|conclu\w+|sec(?:tion)?s?\.?\s*\d+|r\.?a\.?\s+\d+)\b", re.I)
_LOWEST_WORD_RE = regex(r"\b(?:lowest|cheapest|low)\b", re.I)
# How a buyer states its standing practice without a modal verb: "The quotation is awarded to the lowest …", "with the
# contract awarded to the lowest bidder", "an award is given to the lowest bidder".
_STANDING_AWARD_RE = regex(r"\b(?:(?:is|are)\s+(?:normally\s+|usually\s+|then\s+|always\s+)?(?:awarded|given|made|let|placed)"
                           r"|with\s+the\s+(?:contract|award|order|tender)\s+(?:being\s+)?(?:awarded|given|made|let|placed))\s+to\b", re.I)
# An award already made: "was selected as the lowest responsive and responsible bidder", "the bids were awarded to …".
_AWARD_MADE_RE = regex(r"\b(?:(?:was|were)\s+(?:\w+\s+){0,2}?(?:awarded|selected|chosen|accepted|recommended)"
                       r"|(?:has|have|had)\s+been\s+(?:awarded|selected|chosen)"
                       # (or told in the active: "the Government entered into a contract … with the bidder who submitted the
                       # lowest evaluated bid", "the council awarded the contract to the lowest bidder")
                       r"|(?:entered\s+into|signed|concluded)\s+(?:a|the|an)\s+(?:[\w-]+\s+)?(?:contract|agreement)"
                       r"|awarded\s+(?:the|a|its)\s+(?:[\w-]+\s+)?(?:contract|tender|bid|work)\s+to)\b", re.I)
# A law, a code or a guide said to require the lowest price: "City municipal code requires staff to purchase … at the lowest
# cost", "The provisions of the KTPP Act and Rules provide for only the acceptance of the lowest tender".
_LAW_REQUIRES_RE = regex(r"\b(?:acts?|codes?|statutes?|laws?|rules|regulations?|ordinances?|provisions|guidelines?|policy)\b"
                         r"[^.;:]{0,60}?\b(?:requires?|required|provides?\s+for|mandates?|stipulates?|prescribes?|says|states)\b", re.I)
_BINDING_MODAL_RE = regex(r"\b(?:will|shall|must)\b", re.I)
_PERSON_NOUNS = {"bidder", "tenderer", "contractor", "vendor", "supplier", "offeror", "proposer", "firm", "provider"}


# A writer's own view or account, not a rule: "My concern is that the lowest price wins", "When we talk about a tender, …".
_COMMENTARY_RE = regex(r"^\W*(?:when\s+we\s+talk|my\s+(?:concern|view|worry)|i\s+(?:think|believe|would|feel)|in\s+my\s+(?:view|opinion)"
                       r"|we\s+all\s+know|as\s+we\s+(?:all\s+)?know)\b", re.I)
# The lowest price named again after the term was replaced, by its own word or by the "L1" of Indian procurement.
_STILL_LOWEST_RE = regex(r"\b(?:lowest|cheapest|least\s+expensive|L-?1)\b", re.I)


# A contract notice's award criteria, one field a line (UK Find a Tender, OJEU): "Quality criterion - Name: Not applicable /
# Weighting: 0", "Price - Weighting: 100", "Cost criterion - Name: Price / Weighting: 100".
_NOTICE_FIELD_RE = regex(r"\W*(?:(?:quality|cost|price)\s+criterion\s*[-–—]\s*name\s*:[^\n/|]{0,80}/\s*weighting\s*:\s*\d{1,3}"
                         r"|(?:price|cost)\s*[-–—]\s*weighting\s*:\s*\d{1,3})\s*%?\s*", re.I)


def _notice_fields(line: str, slots: dict) -> str | None:
    """A notice's award field comes back as the notice's own fields, the proposed weights in them: its quality criteria
    (the service and what it achieves for people; social value where it is weighted apart) and price."""
    if not _NOTICE_FIELD_RE.fullmatch(line):
        return None
    fields = [f"Quality criterion - Name: Quality of the service and the outcomes it achieves for the people who use it / "
              f"Weighting: {slots['quality']}"]
    if slots.get("social") and not slots.get("social_within"):
        fields.append(f"Quality criterion - Name: Social value / Weighting: {slots['social']}")
    fields.append(f"{slots.get('price_term', 'Price')} - Weighting: {slots['price']} (weights proposed for the "
                  f"{slots.get('buyer', 'council')} to confirm)")
    return "\n".join(fields)


def _reports_award(clause: Clause) -> bool:
    """A sentence that tells of an award already made ("… was selected as the lowest responsive and responsible
    bidder") or of what a law or code requires ("City municipal code requires staff to purchase … at the lowest cost"):
    the buyer cannot paste a weighting over it. One line of prose, with no modal verb that would make it a rule."""
    text = clause.text.strip()
    if "\n" in text or len(text) < 60 or _BINDING_MODAL_RE.search(text):
        return False
    return bool(_AWARD_MADE_RE.search(text) or _LAW_REQUIRES_RE.search(text))


def _award_in_place(clause: Clause, start: int, end: int, slots: dict, document: str = "") -> str | None:
    """A lowest-price term inside a longer rule ("Contracts over $5,000 shall be let to the lowest
    responsible bidder, unless the council finds …") is replaced where it stands, so the rule's
    thresholds, exceptions and steps stay; a clause that is only the term gets the whole scheme."""
    text = clause.text.strip()
    lead = len(clause.text) - len(clause.text.lstrip())
    a, b = start - clause.start - lead, end - clause.start - lead
    first = _LOWEST_WORD_RE.search(text, max(0, a), max(0, b))
    term = _LOWEST_TERM_RE.match(text, first.start()) if first else None
    # Only where the finding is the term itself (a weighting or a points rule that mentions the lowest bid
    # is another problem), and not a price per unit ("the lowest price per passenger journey").
    if term is not None and (first.start() > a + 4 or b > term.end() + 2
                             or (term.group(1).lower() in ("price", "cost")
                                 and re.match(r"\s*(?:per|for\s+each|of|a|an)\b", text[term.end():], re.I))):
        term = None
    if term is None or "\n" in text or len(text) > 600 or len(text) - (term.end() - term.start()) < 24:
        return None
    noun = term.group(1).lower()
    fill = {k: slots[k] for k in ("quality", "social", "price", "price_term", "buyer")}
    # The bidder's qualities stay ("lowest responsive and responsible bidder" -> "responsive and responsible bidder
    # offering …"); the words that only said how the price was reckoned go ("evaluated", "priced", "and best").
    kept = re.sub(r"^\W*(?:and\s*/?\s*(?:or\s+)?best\b)?", "", text[first.end():term.start(1)])
    kept = " ".join(w for w in re.split(r"[-\s]+", kept.strip(" ,-"))
                    if w and w.rstrip(",").lower() not in ("evaluated", "priced", "price", "cost", "calculated"))
    kept = re.sub(r"^(?:and|or)\s+|\s+(?:and|or)$", "", kept).strip(" ,")
    named = f"{kept} {noun}" if kept and noun not in ("price", "cost") else noun
    phrase = " ".join(render("rewrites/award-in-place.j2", part="phrase", noun="tender" if noun in ("price", "cost") else named,
                             person=noun in _PERSON_NOUNS, **fill).split())
    if term.group(0).isupper():
        phrase = phrase.upper()  # "NOTICE OF APPARENT LOWEST RESPONSIBLE BIDDER": a title in capitals stays in capitals
    scheme_sentence = " ".join(render("rewrites/award-in-place.j2", part="sentence", noun=noun, person=False, **fill).split())
    # The line above (a list's lead-in or a heading) says whose rule it is too: "Notable principles of case law are:".
    lead_in = " ".join([ln for ln in document[max(0, clause.start - 200):clause.start].split("\n") if ln.strip(" -•*")][-1:])
    if _REPORTS_RULE_RE.search(text) or _REPORTS_RULE_RE.search(lead_in):
        return None  # a sentence about the law or a guide's option: changing one term would misstate it
    if not (sets_requirement(text) or _STANDING_AWARD_RE.search(text)) or _COMMENTARY_RE.search(text):
        return None  # an account of what happened or a writer's view: the changed sentence would report something untrue
    sentence = re.sub(r"[ \t]{2,}", " ", text[:term.start()] + phrase + text[term.end():]).rstrip()
    if _STILL_LOWEST_RE.search(sentence):
        return None  # the rule names the lowest price again ("… or L1", "decided on the lowest price"): it would contradict itself
    if _carries(sentence, ("cost-first", "output-only")):
        return None  # the rest of the clause has a problem of its own (per-session pay, say): the whole scheme instead
    # In brackets (a list goes on after the sentence), the scheme's sentences are joined as one.
    bracketed = re.sub(r"\. (\w)", lambda m: "; " + m.group(1).lower(), scheme_sentence[0].lower() + scheme_sentence[1:].rstrip("."))
    if sentence.endswith((";", ",", ":")):  # a list goes on after it: the scheme goes in brackets, the mark stays
        return f"{sentence[:-1]} ({bracketed}){sentence[-1]}"
    joined = re.search(r"([;,])\s+(and|or)$", sentence)  # "…; and": the list's joining word stays after the mark too
    if joined:
        return f"{sentence[:joined.start()]} ({bracketed}){joined.group(1)} {joined.group(2)}"
    return sentence + ("" if sentence.endswith((".", ":", "!")) else ".") + " " + scheme_sentence


_NUMBER_RE = regex(r"\d{1,3}(?:\.\d+)?(?=\s*%)")
# Parts of a tender named by words a guide's "method" or "approach" would share.
_TENDER_PARTS_RE = regex(r"\b(?:method|approach)\s+statements?\b", re.I)
# An account of an award already made: "Bids were evaluated on …", "The authority has identified …".
_PAST_RE = regex(r"\b(?:was|were|had|(?:has|have)\s+(?:been|\w+ed))\b|(?<!\bbe )(?<!\bare )(?<!\bis )\b(?:included|identified|applied|evaluated|assessed|scored|awarded|discussed|agreed|noted|"
                      r"considered|approved|decided|resolved|recommended|endorsed|debated)\b(?!\s+by\b)", re.I)


# An article before a share, which follows how the figure is said: "an 85% cost", "a 30% cost", "an 11% share".
_ARTICLE_BEFORE_SHARE_RE = regex(r"\b([Aa])n?(\s+)(\d{1,3}(?:\.\d+)?)(?=\s*%)")


def _article_for_share(m: re.Match) -> str:
    whole = m.group(3).split(".")[0]
    vowel = whole.startswith("8") or whole in ("11", "18")
    return m.group(1) + ("n" if vowel else "") + m.group(2) + m.group(3)


def _weights_in_place(clause: Clause, weight_sets: list[list[Weight]], document: str = "",
                      nation: str | None = None) -> str | None:
    """A sentence that gives its own price and quality weights ("Tenders will be assessed on price (70%)
    and quality (30%)") keeps its wording: only the figures change where they stand, to a quality-led
    proposal, with social value marked within quality unless the sentence weights it itself. None when
    the weights are not plain percentages of this one sentence, or the sentence is not the buyer's rule."""
    text = clause.text
    if "\n" in text.strip() or len(text) > 400:
        return None
    lo, hi = clause.start, clause.end
    inside = []  # the sets with a weight in this clause; they come in order, so from the first that ends after lo
    for i in range(bisect.bisect_left(_EndsView(weight_sets), lo), len(weight_sets)):
        if weight_sets[i][0].start >= hi:
            break
        if any(lo <= w.start and w.end <= hi for w in weight_sets[i]):
            inside.append(weight_sets[i])
    if len(inside) != 1 or not all(lo <= w.start and w.end <= hi for w in inside[0]):
        return None
    current = scheme(inside[0])
    if len(current) != len(inside[0]) or "price" not in current or "quality" not in current:
        return None  # sub-criteria, or a criterion weighted twice: not one plain scheme
    if abs(sum(w.value for w in current.values()) - 100) > 0.5:
        return None
    spans = {}
    for name, w in current.items():
        numbers = [m for m in _NUMBER_RE.finditer(document, w.start, w.end) if float(m.group()) == w.value]
        if len(numbers) != 1:
            return None  # a ratio ("80:20") or points: the figures are not one per criterion
        spans[name] = numbers[0].span()
    if len(set(spans.values())) != len(spans) or len(_NUMBER_RE.findall(text)) != len(spans):
        return None  # another share in the sentence (a sub-criterion, a threshold) would no longer add up
    lead_in = " ".join([ln for ln in document[max(0, lo - 200):lo].split("\n") if ln.strip(" -•*")][-1:])
    if _PAST_RE.search(text) or _COMMENTARY_RE.search(text) or _REPORTS_RULE_RE.search(_TENDER_PARTS_RE.sub("", text)) \
            or _REPORTS_RULE_RE.search(lead_in):
        return None  # an account of an award, a writer's view or what a law says: new figures would misstate it
    price = min(current["price"].value, 30)
    social = max(current["social"].value, 10) if "social" in current else 10
    values = {"price": price, "quality": 100 - price - (social if "social" in current else 0), "social": social}
    as_text = lambda v: str(int(v)) if float(v).is_integer() else str(v)  # noqa: E731 - tiny formatter
    out = document[lo:hi]
    for name, (a, b) in sorted(spans.items(), key=lambda kv: -kv[1][0]):
        out = out[:a - lo] + as_text(values[name]) + out[b - lo:]
    out = _ARTICLE_BEFORE_SHARE_RE.sub(_article_for_share, " ".join(out.split()))  # "an 85% cost" becomes "a 30% cost"
    if _carries(out, ("cost-first",)):
        return None
    abroad = nation == "outside the UK"  # no social value added where the UK's duty does not run (see _award_slots)
    note = " ".join(render("rewrites/award-in-place.j2", part="weights-note", social_given="social" in current or abroad,
                           social=as_text(social), buyer=buyer_of(document, "buyer" if abroad else "council")).split())
    return out + ("" if out.endswith((".", "!")) else ".") + " " + note


# A lead-in or heading that introduces a list of methods a guide explains ("Common selection methods are:").
_OPTION_MARKER_RE = regex(r"\s*(?:\(?[a-zA-Z0-9]{1,2}[.)](?![\d.])|[•◦▪*-](?=\s))\s*")  # (not a notice's section number, "II.2.5)")
_OPTIONS_RE = regex(r"\b(?:methods?|options?|approaches|criteria|bases|ways)\b[^.\n]{0,80}$|"
                    r"\b(?:this|the) (?:method|criterion|option|approach) is (?:used|appropriate|suitable)\b", re.I)


def _is_option(document: str, start: int) -> bool:
    """Whether the flagged words are one option in a list of award methods (the line above them is a
    lead-in or heading such as "Common selection methods are:"), so a whole scheme would replace one
    item of a list: the rewrite proposes the better option instead."""
    line_start = document.rfind("\n", 0, start) + 1
    above = document[max(0, line_start - 300):line_start].rstrip()
    lead_in = above[above.rfind("\n") + 1:]
    own_line = document[line_start:line_start + 300]
    return bool(_OPTIONS_RE.search(lead_in) or _OPTIONS_RE.search(own_line))


def _field_label(clause: Clause, start: int) -> str | None:
    """ "Lot 1 Award Criterion (cost): Lowest cost": a one-line field whose value is the problem keeps its label."""
    first = clause.text.strip().split("\n")[0]
    colon = first.find(":")
    value = first[colon + 1:].strip()
    if len(first) > 100 or colon < 3 or not value or len(value) > 40 or "%" in first or start - clause.start <= colon:
        return None
    label = re.sub(r"\s*\((?:cost|price)\)", "", first[:colon], flags=re.I).strip()
    return label + ": "


def _cells_quote(clause: Clause, start: int) -> str | None:
    """On a line of cells ("Calls answered within 20 seconds | 85% | Monthly"), the cell the finding starts
    in, whole, and the first figure in the cells after it: "Calls answered within 20 seconds 85%". None on a
    line without cells."""
    rel = start - clause.start
    line_start = clause.text.rfind("\n", 0, rel) + 1
    line = clause.text[line_start:].split("\n")[0]
    if "|" not in line and "\t" not in line:
        return None
    cells = re.split(r"[|\t]", line)
    at, offset = 0, rel - line_start
    for i, cell in enumerate(cells):
        if offset <= len(cell):
            at = i
            break
        offset -= len(cell) + 1
    # A code or a number in the first cell ("KPI 2 | Referrals contacted …") is not the indicator: its words are.
    at = next((j for j in range(at, len(cells)) if len(re.findall(r"[A-Za-z]{3,}", cells[j])) >= 2), at)
    own = cells[at].strip()
    figure = next((m.group() for c in cells[at + 1:] for m in [_FIGURE_CELL_RE.fullmatch(c.strip())] if m), None)
    return f"{own} {figure}" if figure and own else own or None


# Ten or more digits with no separator: a flattened table's year columns run together ("4905907934962990"), not a count.
_RUN_TOGETHER_RE = regex(r"\d{10,}")
_FIGURE_CELL_RE = regex(r"(?:[<>≥≤=]\s{0,2})?\d[\d,]{0,12}(?:\.\d{1,4})?\s{0,2}%?")


# A milestone row that opens on its date: "May 1, 2026 35% of Proposed Accomplishments Met", "31/03/2026 – 60% of places
# filled" (its date and its share are the row; a quote of the words after the share loses both).
_DATED_LINE_RE = regex(r"^\W*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d"
                       r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(?:19|20)\d\d"
                       r"|\d{1,2}/\d{1,2}/(?:19|20)?\d\d)\s*[-–:|]?\s*\d{1,3}(?:\.\d+)?\s*%\s+of\s+\S(?=.{0,100}$)", re.I)


# A month or a day opens a label as a name, which keeps its capital mid-sentence ("February 2024: 1").
# A short category name set before a sentence of its own by a dash: "Emergency – An operative will …", "Damp - The repairs team …".
# (and a list item's category before what it lists: "Palliative care - Additional beds …")
_CATEGORY = r"([A-Z][\w'&/]*(?:[ ][\w'&/]+){0,3})[ ]+[–—-][ ]+"
_CATEGORY_DASH_RE = regex(_CATEGORY + r"(?=(?:An?|The|Our|We|You|Your|All|Each|Every)\b)")
_CATEGORY_LABEL_RE = regex(_CATEGORY + r"(?=[A-Z][a-z])")


# A line that names a count or a share of people or things, a KPI's title: "Number of clients", "Daily average number of
# clients", "% of referrals seen within 5 days", "A18 Percentage of adults …" (after its code). Its rewrite is a share too.
_COUNT_NAME_RE = regex(r"(?:(?:[A-Z]{1,3}\d{1,3}(?:\.\d{1,3}){0,3}[.:)]?|\d{1,3}(?:\.\d{1,3}){0,3}[.:)])[ \t]+)?(?:the[ \t]+)?(?:(?:daily|weekly|monthly|quarterly|annual|average|mean"
                       r"|total)[ \t]+){0,2}(?:number|no\.|no(?=\s+of\b)|#|percentage|per[ \t]?cent|%|proportion|count)[ \t]+of\b", re.I)


def _line_rewrite(template: str, clause: Clause, start: int, end: int, doc_area: DocContext | Area, label: str,
                  document: str = "") -> str:
    """A short indicator line (a KPI title, a list entry, a flattened row) comes back as one indicator
    with its label, like a table cell: the outcome, its measure, and their count kept as a secondary measure."""
    area, scope, heading = _setting(clause, doc_area)
    line = _line_at(clause, start)
    # a field and its value ("Min number of beds funded - 10"): the whole field is the activity, not the flagged words
    if _DATED_LINE_RE.match(line):  # "May 1, 2026 35% of Proposed Accomplishments Met": the date and share are the row
        text = _cell_outcome(template, clause, area, scope, heading, doc_area, clause.text)
        return f"{label}{text}; {' '.join(line.split())} reported as a secondary measure"
    own = line.strip()
    own = own[m.end():] if (m := _ITEM_MARKER_RE.match(own)) else own
    if not label and _TIME_ONLY_RE.fullmatch(own.strip(" |")) and (above := _time_label_above(clause, start, document)):
        # a time alone on its line under its row's label: the label and the time are the standard kept, and the label and
        # the lines just above it say what the time is for ("Claim processing" under "Timely processing of applications")
        if area.key == "general":
            source, at = (document, start) if document else (clause.text, start - clause.start)
            near = "\n".join(source[max(0, at - 300):at].split("\n")[-5:])
            labelled = _clause_area(above)
            area = labelled if labelled.key != "general" else library()["applications"] \
                if _APPLICATION_STANDARD_RE.search(near) else area
        text = _cell_outcome(template, clause, area, scope, heading, doc_area, f"{above} {own}")
        return f"{text}; {mid_sentence(above)}: {own.strip(' |*').lower()} reported as a secondary measure"
    if not label and len(own) <= 120 and own[:1].isupper() and _VERB_ITEM_RE.match(own) and not _FINITE_VERB_RE.search(own) \
            and not _SENTENCE_IN_RE.search(own.rstrip(" .;")) and not _carries(own) and start - clause.start > 0:
        # a short commitment that opens on its verb ("Offer IT training to at least 10 people"), flagged past its verb:
        # the whole commitment is kept, not the words after the verb alone ("to at least 10 people")
        text = _cell_outcome(template, clause, area, scope, heading, doc_area, own)
        return f"{text}, with the commitment to {own[0].lower() + own[1:]} kept as a secondary measure".replace("..", ".")
    flat = flat_row_under_header(document, start) if document else None
    if flat is not None:  # a row of a table pasted with spaces ("February 2024   1"): its label and its figure, or all
        # its figures where it has several (a dashboard's result, target and gap: which is the target the header says)
        words, figures = f"{' '.join(flat[0].split())}: {' '.join(flat[1:])}", list(flat[1:])
        quoted = words
    else:
        words = _cells_quote(clause, start) or (line if is_field_value(line) else their_words(clause, start, end)) or ""
        abbreviated = re.search(r"\b[a-z]\.[a-z]\.$", words.rstrip())  # "1,200 p.a.": the abbreviation keeps its full stop
        words = " ".join(words.split()).strip(" .,;:'\"")
        words = _clean_quote(re.sub(r"\s*\([^)]*\)", "", words))  # "(accessed via the report)": a note, not the activity
        words = words + "." if abbreviated and words.endswith(abbreviated.group(0)[:-1]) else words
        head, figures = split_figures(words)
        if figures:  # "...report).5600" -> "...: 5600"; several figures (actual, target, next year's) cannot be told apart
            whole = head.strip(" .,;:'\"")
            head = _clean_quote(head)
            if head and whole.startswith(head) and re.search(re.escape(whole) + r"\s*[:=]", " ".join(line.split())):
                head = whole  # a field's whole name, not a cut quote: "… the project expects to work with: 300" keeps "with"
            fused = any(_RUN_TOGETHER_RE.fullmatch(f) for f in figures)  # year columns fused by a flattened copy
            # several figures (a workload row's actual, estimate and target years) cannot be told apart, so all are kept as
            # the row gives them: the commissioner still sees what was counted
            words = "" if not head else head if fused else f"{head}: {figures[0]}" if len(figures) == 1 \
                else f"{head} (the row's figures: {', '.join(figures)})"
        quoted, words = words, _with_row_label(words, line, label)
    if words:
        after = clause.text[clause.text.find(quoted[:20]) + len(quoted):].split("\n")[0] if quoted and quoted[:20] in clause.text else ""
        target = None if figures else re.match(r"\s*(?:\([^)]*\)\s*)?[:.]?\s*(\d[\d,.]*%?)(?![\w])", after)
        if target and target.group(1) not in words:
            words = f"{words}: {target.group(1)}"
        elif not figures and not target and (below := _value_below(clause, document)):
            words = f"{words}: {below}"  # a table flattened one cell a line: the indicator's figure is the next line
        elif not figures and not target and (column := _figures_below(clause, start, document)):
            words = f"{words} (the row's figures: {', '.join(column)})"  # its years' figures, one a line: all kept
        if label and words.startswith(label.strip()):
            words = words[len(label.strip()):].strip(" :–—-")
        words = mid_sentence(words)
    if _carries(words) or "tender-coach" in words.lower():
        words = ""
    name = own[len(label.strip()):].lstrip(" :–—-") if label.strip() and own.startswith(label.strip()) else own
    indicator = template == "output-to-outcome" and _COUNT_NAME_RE.match(name) is not None
    text = _cell_outcome(template, clause, area, scope, heading, doc_area, words or clause.text, indicator)
    if words:
        text += f"; {as_secondary(words)}"
    elif (kept := _standard_kept(own)) is not None:
        text += f"; {kept}"  # "Feedback to customers will be given within 14 days": the standard and its time are not lost
    return label + text


def _standard_kept(own: str) -> str | None:
    """A short line's whole standard, kept as a secondary measure when no activity phrase could be quoted from it: "the
    standard that feedback to customers will be given within 14 days is kept", "the commitment to answer calls within
    30 seconds kept". None for a long line, one with no figure, or words that would be flagged again."""
    own = " ".join(own.split()).strip(" .;:")
    if not own or len(own) > 160 or not re.search(r"\d", own) or _carries(own) or "tender-coach" in own.lower():
        return None
    if _VERB_ITEM_RE.match(own):
        return f"the commitment to {own[0].lower() + own[1:]} kept as a secondary measure"
    lowered = own if re.match(r"[A-Z]{2}|[A-Z][a-z]+\s+[A-Z]", own) else own[0].lower() + own[1:]
    return f"the standard that {lowered} is kept as a secondary measure"


# A row's label before its figures on a line pasted with spaces: "Initial applications 65% in 30 days 85% in 53 days".
_ROW_LABEL_RE = regex(r"[A-Z][A-Za-z'’/&-]*(?:[ \t]+[A-Za-z'’/&-]+){0,5}")


def _with_row_label(words: str, line: str, label: str) -> str:
    """The quoted figures of a row with the row's own label when the quote starts after it ("Initial applications: 65%
    in 30 days 85% in 53 days", not the figures alone, which several rows share): a label is a few words opening the
    line, with no verb and no figure, and the quote starts with a figure."""
    flat = " ".join(line.split())
    # (or a row flattened with its figures after it: "Contact Centre response times – calls answered within 30 seconds 80% 80%")
    if not words or label or not (words[:1].isdigit() or re.search(r"\d%?[ ]+\d[\d.,]*%?$", flat.rstrip(" |"))):
        return words
    at = flat.find(words[:12])
    lead = flat[:at].strip(" :–—-") if at > 0 else ""
    if not lead or not _ROW_LABEL_RE.fullmatch(lead) or _OWN_VERB_RE.search(lead) or _VERB_ITEM_RE.match(lead) \
            or _MORE_ITEM_VERBS_RE.match(lead) or re.match(r"(?:to|and|or|of|for|by|in|with|the|a|an)\b", lead, re.I):
        return words
    return f"{lead}: {words}"


# A flattened table's cells, one a line: a figure alone on its line ("200", "1,500", "95%", "≥ 80"), then perhaps a
# frequency alone on the next ("Monthly").
_FIGURE_LINE_RE = regex(r"[ \t]*(?:[<>≥≤][ \t]?)?(\d[\d,]{0,9}(?:\.\d{1,2})?%?)[ \t]*")
_FREQUENCY_LINE_RE = regex(r"[ \t]*(weekly|monthly|quarterly|annually|yearly|per\s+(?:week|month|quarter|year|annum)|each\s+"
                           r"(?:week|month|quarter|year))[ \t]*", re.I)


# A line that is only a time limit: "3 days", "Under 25 days", "Between 35 and 65 days**".
_TIME_ONLY_RE = regex(r"(?:(?:under|less\s+than|up\s+to|no\s+more\s+than|maximum(?:\s+of)?|between\s+\d{1,3}\s+and)\s+)?"
                      r"\d{1,3}(?:\.\d+)?\s+(?:working\s+|calendar\s+|clear\s+|business\s+)?(?:days?|weeks?|hours?|minutes?)\**", re.I)


def _time_label_above(clause: Clause, start: int, text: str) -> str:
    """The label of a row whose time stands alone on its line, a cell a line ("Claim processing" / "" / "Under 25 days"):
    the nearest line above it with words and no figure, within two lines of it in the clause or the document; else ""."""
    source, at = (text, start) if text else (clause.text, start - clause.start)
    line = " ".join(_line_above(source, at, blank=2).split()).strip(" |")
    if 2 <= len(line) <= 100 and not re.search(r"\d", line) and not line.endswith(":") and len(line.split()) <= 14:
        return line
    return ""


def _value_below(clause: Clause, text: str) -> str:
    """The figure an indicator line's own row holds when a stored copy puts each cell on a line of its own: the one
    figure alone on the next line of the document (with the frequency alone on the line after it, if there is
    one), else ""."""
    if not text or "\n" in clause.text.strip() or text[clause.end:clause.end + 2].strip(" \t")[:1] not in ("\n", "\r"):
        return ""
    lines = text[clause.end:clause.end + 120].lstrip(" \t\r").split("\n")[1:4]
    figure = _FIGURE_LINE_RE.fullmatch(lines[0]) if lines else None
    if figure is None or (len(lines) > 1 and _FIGURE_LINE_RE.fullmatch(lines[1])):
        return ""  # no figure below, or two (a baseline and a target, this year's and next): which is the target is not said
    frequency = _FREQUENCY_LINE_RE.fullmatch(lines[1]) if len(lines) > 1 else None
    return figure.group(1) + (f" {frequency.group(1).lower()}" if frequency else "")


_COLUMN_FIGURE_RE = regex(r"[ \t]*((?:[<>≥≤][ \t]?)?[$£€]?\d[\d,]{0,9}(?:\.\d{1,2})?%?)[ \t]*")
_NO_FIGURE_RE = regex(r"[ \t]*(n/?a|[-–—]|tbc|tbd)[ \t]*", re.I)


def _figures_below(clause: Clause, start: int, text: str, most: int = 6) -> list[str]:
    """The cells a flattened row sets one a line under its indicator's line (a workload row's actual, estimate and
    target years, with blank lines and "N/A" cells between), in the clause or, where the clause ends with the line, in
    the document: each cell as written, up to the first line that is not one. Empty unless two are figures."""
    rel = start - clause.start
    below = clause.text.find("\n", rel)
    if below >= 0:
        source, at = clause.text, below
    elif text and text[clause.end:clause.end + 2].strip(" \t")[:1] in ("\n", "\r"):
        source, at = text, clause.end
    else:
        return []
    lines = source[at:at + 40 * most].split("\n")[1:]
    if at + 40 * most < len(source):
        lines = lines[:-1]  # (the last line read may be cut short: "1,5" of "1,500")
    found: list[str] = []
    figures = 0
    for line in (raw.rstrip("\r") for raw in lines):
        if (figure := _COLUMN_FIGURE_RE.fullmatch(line)) is not None:
            found.append(figure.group(1))
            figures += 1
        elif (none := _NO_FIGURE_RE.fullmatch(line)) is not None:
            found.append(none.group(1))
        elif line.strip():
            break
        if len(found) == most:
            break
    return found if figures > 1 else []


def _doc_group(doc_area: DocContext | Area) -> str | None:
    return doc_area.group if isinstance(doc_area, DocContext) else None


def _cell_outcome(template: str, clause: Clause, area: Area, scope: _Scope, heading: str,
                  doc_area: DocContext | Area, seed: str, indicator: bool = False) -> str:
    """One line's outcome and its measure, as a table cell or a short item states them: "Children … (ASQ-3, …)". An
    indicator's name ("Number of clients") comes back as an indicator too: "Percentage of clients who …"."""
    outcome = _outcome_slots(area, 1, seed, scope)[0]
    slots = {"beneficiaries": _beneficiaries(clause.text, heading, area, scope.ages, _doc_group(doc_area)), "outcome": outcome}
    slots["young"] = _young(scope, slots["beneficiaries"])
    first = "cell-payment" if template == "payment-to-outcome" else "cell-indicator" if indicator else "cell-outcome"
    return f"{_one_line(render(f'rewrites/{first}.j2', **slots))} ({_one_line(render('rewrites/cell-measure.j2', **slots))})"


# Funded places for children, paid by the hours each child attends or is entitled to: an early education offer.
_CHILD_FUNDING_RE = regex(r"\b(?:each|every|per|an?)\s+(?:eligible\s+|funded\s+)?child\b[^.;]{0,40}?\b(?:attends?|attending|is\s+entitled)\b"
                          r"|\bper\s+funded\s+child\s+hours?\b"  # "$ PER FUNDED CHILD HOUR" over a kindergarten's rates
                          r"|\bentitlements?\b[^.;]{0,120}?\b(?:eligible|funded)\s+child(?:ren)?\b", re.I)


_YOUNG_CLIENTS = {"children", "families", "parents"}  # (the groups a service for children up to ten serves)


# Children at school, whom a rate "per child who attends" pays for at a school's club, not a funded early years place.
_SCHOOL_CHILD_RE = regex(r"\b(?:special|primary|secondary|junior|infant|high|middle)\s+schools?\b|\bpupils?\b|\bbreakfast\s+clubs?\b"
                         r"|\b(?:after|before|out[-\s]of)[-\s]school\b|\bschool[-\s]aged?\b", re.I)


# A standard for deciding what people apply or claim for, whatever the application: "applications processed within 5
# working days", "Financial assistance application decision", "Timely processing of applications", "plans checked and
# cleared within 7 days" (the applicant's outcome is a sound decision in time, not a follow-up about their life).
# A charter table's column of what to bring, or a row's forms: "Documents Required", "1. Completed HoH form".
_DOCUMENTS_REQUIRED_RE = regex(r"\b(?:documents?|papers|attachments)\s+(?:required|needed|to\s+(?:be\s+)?(?:submit|attach|produc|bring)\w*)\b"
                               r"|\b(?:completed|filled(?:[-\s]in)?|signed)\s+(?:[\w&/-]+\s+){0,4}?(?:forms?|application)\b", re.I)
_ADULTS_NAMED_RE = regex(r"\b(?:adults?|older\s+(?:people|persons|adults)|elderly|seniors?|(?:aged|over)\s+(?:18|50|60|65)\b)", re.I)
_APPLICATION_STANDARD_RE = regex(
    r"\b(?:applications?|claims?|plans|requests?\s+for\s+(?:funding|approval|a\s+licen[cs]e|a\s+permit))\b[^.;|\n]{0,60}?"
    r"\b(?:processed|processing|decided|determined|approved|cleared|assessed)\b"
    r"|\b(?:processing|decision|determination|approval|assessment)\s+(?:of\s+|on\s+)?(?:[\w-]+\s+){0,3}?(?:applications?|claims?)\b"
    r"|\b(?:applications?|claims?)\s+(?:decisions?|processing)\b|\backnowledg\w*\s+(?:of\s+)?receipt\b[^.;|\n]{0,20}?\bapplications?\b",
    re.I)


_LEAD_IN_LINES = 60  # rows or items walked up to find the line that introduces them (a longer table is read by its heading)


def _lead_in(document: str, start: int) -> str:
    """The line that introduces the table or list a clause is in ("The immunisation service is paid per dose as
    follows." over its fee rows), when the clause is a row or an item and that line stands in the same block, right
    above the run; else "". A pasted draft may hold several services, and a row naming none is the lead-in's."""
    top = _run_start(document, start)
    if top is None or top == 0:
        return ""
    above = document.rfind("\n", 0, top - 1) + 1
    line = document[above:top - 1]
    if not line.strip() or _in_run(line):
        return ""  # a blank line (the run has no lead-in of its own), or a run longer than is walked
    return line.strip() if len(line) <= 300 else ""


def _run_top(document: str, start: int) -> str:
    """The first line of the table or list a clause's line is in (its header row, where it has one); "" for a clause
    that is not in a run."""
    top = _run_start(document, start)
    if top is None:
        return ""
    end = document.find("\n", top)
    line = document[top:end if end >= 0 else len(document)]
    return line if len(line) <= 1000 else ""


def _run_start(document: str, start: int) -> int | None:
    """Where the run of rows or items holding the line at `start` begins, looking at most _LEAD_IN_LINES lines up;
    None where that line is not a row or an item."""
    top = document.rfind("\n", 0, start) + 1
    end = document.find("\n", start)
    if not _in_run(document[top:end if end >= 0 else len(document)]):
        return None
    for _ in range(_LEAD_IN_LINES):
        if top == 0:
            break
        above = document.rfind("\n", 0, top - 1) + 1
        if not _in_run(document[above:top - 1]):
            break
        top = above
    return top


def _in_run(line: str) -> bool:
    """A table row or a list item: a line of a run that a lead-in introduces."""
    return "|" in line or "\t" in line.strip() or BULLET_RE.match(line) is not None


_SHARED_LIVES_RE = regex(r"\bshared\s+lives\b", re.I)
# Breaks from caring, named with nothing else of adult social care: "30,000 short breaks", "respite care".
_BREAK_WORDS_RE = regex(r"\b(?:short[-\s]breaks?|respite(?:\s+(?:care|breaks?|beds?|stays?))?)\b", re.I)
_CARERS_WORD_RE = regex(r"\b(?:short[-\s]break\s+|respite\s+|long[-\s]term\s+)?carers?\b", re.I)


def _setting(clause: Clause, doc_area: DocContext | Area) -> tuple[Area, _Scope, str]:
    """The service area, scope (ages, named measures, aims) and section heading of a clause."""
    doc = doc_area if isinstance(doc_area, DocContext) else None
    heading = doc.heading_above(clause.start) if doc else ""
    area = _clause_area(clause.text)
    if area.key == "general" and doc is not None and (lead := _lead_in(doc.text, clause.start)):
        area = _clause_area(lead)  # "The immunisation service is paid per dose:" over "| MMR | £10.06 |"
    if area.key == "general" and heading:
        area = _clause_area(heading)  # "Childhood immunisation" above "… coverage for two and five year olds"
    if area.key == "general" and (own := detect_ages(clause.text)) is not None and own.high is not None and own.high <= 5 \
            and not (doc is not None and doc.area.key == "health-services"):
        # "2 year-olds funding rate …": the clause's own group, whatever the document's area (but a health service's
        # under-fives are its patients: "90% coverage for two and five year olds" is vaccination, not early education)
        area = library()["health-services" if re.search(r"\bcoverage\b", clause.text[:1000], re.I) else "early-years"]
    if area.key == "general" and (_CHILD_FUNDING_RE.search(clause.text[:1000]) or _CHILD_FUNDING_RE.search(heading)) \
            and not _SCHOOL_CHILD_RE.search(clause.text[:1000]):
        # "providers are paid a locally set hourly rate for the hours each eligible child attends" (not a school's club:
        # "For special schools, there is a daily rate of £3.23 per day per child who attends the club")
        area = library()["early-years"]
    if area.key == "general" and (_APPLICATION_STANDARD_RE.search(clause.text[:1000]) or _APPLICATION_STANDARD_RE.search(heading)):
        area = library()["applications"]  # "Timely processing of applications" / "Claim processing: under 25 days": a decision
    if area.key == "carers" and doc is not None and doc.area.key == "homecare":
        area = doc.area  # in a homecare specification "carers" are the care workers
    if area.key == "adult-social-care" and doc is not None and doc.area.key == "carers" \
            and _clause_area(_BREAK_WORDS_RE.sub(" ", clause.text[:1000])).key == "general":
        # "We aimed to deliver 30,000 short breaks" in a strategy for unpaid carers: the breaks are the carers' own, so
        # their quality of life is measured, not that of adults with care and support needs
        area = doc.area
    if area.key == "carers" and doc is not None and _SHARED_LIVES_RE.search(f"{heading}\n{doc.text[:4000]}"):
        # in a Shared Lives text "carers" are paid to share their home: the person who stays is whom the rate serves
        area = library()["adult-social-care"]
    if area.key in ("adult-social-care", "homecare", "carers") and doc is not None and _fostering_page(doc) \
            and not _ADULTS_NAMED_RE.search(clause.text[:1000]):
        area = library()["children-families"]  # "Respite Care all ages $40.00 per day" on a page of foster family rates
    if area.key == "general" and not _outside_clients(clause.text, doc.area if doc else doc_area):
        area = doc.area if doc else doc_area
        if area.key == "complaints":
            # complaint handling is one standard among a charter's, not its service: the rows that register people or issue
            # passes are not measured by complaints answered because another row is about complaints
            area = library()["general"]
    if area.key in ("youth", "criminal-justice", "prisons") and _for_victims(clause.text):
        area = library()["general"]  # victims of crime: the outcomes they agree, not the offender's
    if area.key != "health-services" and _EMERGENCY_CALLS_RE.search(clause.text[:1000]):
        # "Red 1 calls … measured against an 8 minute response time": an ambulance's, whatever else the draft is about
        area = library()["health-services"]
    scope = _scope(clause, heading, doc)
    if scope.ages is not None and scope.ages.high is not None and scope.ages.high < 11 and doc is not None \
            and not set(area.clients) & _YOUNG_CLIENTS and detect_ages(clause.text) is None and detect_ages(heading) is None:
        # children's ages named elsewhere in the draft ("Hourly rate cap for under-fives" in another table) are not the ages
        # of a service for adults: debt advice to households keeps its own measures, which are for adults
        scope.ages = None
    if area.key not in ("general", "health-services") and _CONTACT_RE.search(clause.text[:1000]) \
            and _clause_area(clause.text).key in ("general", "libraries") and not _EMERGENCY_CALLS_RE.search(clause.text[:1000]) \
            and not any("contact standard" in " ".join(o.aims) for o in area.outcomes):
        # "Answering correspondence: we will respond to emails and letters within 7 days" in a council's standards about
        # bins and streets: a contact standard, measured by whether people got what they got in touch for, not by the
        # document's own service (a health service's calls, an ambulance's above all, keep their own measures)
        area = library()["general"]
    if area.key not in ("general", "applications") and _clause_area(clause.text).key == "general" \
            and _DECISION_STANDARD_RE.search(clause.text[:1000]):
        # "We will process 90% of tax returns within 10 working days" pasted beside a diabetes service's targets: a time to
        # decide what people applied for, measured by the decision, not by the document's own service
        area = library()["general"]
    if area.key not in ("general", "health-services") and _clause_area(clause.text).key == "general" \
            and _PATIENT_TRANSPORT_RE.search(clause.text[:1000]):
        # a patient transport line pasted beside another service's ("On collection from the clinic you can expect: To wait
        # …" under a family support target): its journeys are patients' journeys to the care booked, not the other's service
        area = library()["health-services"]
    if area.key == "early-years" and scope.ages == CHILD_AGES:
        # "719 children will access newly registered partial care facilities": in an early years service the word
        # "children" means its under-fives, so a child-development measure fits and a survey asking them does not
        scope.ages = UNDER_FIVE_AGES
    return _area_for_ages(area, scope.ages), scope, heading


# An ambulance service's calls by their category: "Category A calls", "Red 1 calls", "999 calls", calls "categorised as
# life threatening".
_EMERGENCY_CALLS_RE = regex(r"\b(?:category\s+[a-d1-4]|red\s+[12]|red|purple|999)\s+calls?\b"
                            r"|\bcalls?\s+categori[sz]ed\s+as\W{0,3}life[-\s]threatening", re.I)


def _row_rewrite(template: str, clause: Clause, start: int, end: int, document: str,
                 weight_sets: list[list[Weight]], doc_area: DocContext | Area, place: Place, row: int = 0) -> str:
    """A table row comes back as a row with the same columns (scoring/fit.py says which cell gets what)."""
    if template == "award-quality-first":
        slots = _award_slots(document, weight_sets, clause.start, _setting(clause, doc_area)[1].nation)
        return award_rows(place, slots, slots["price_term"])
    area, scope, heading = _setting(clause, doc_area)
    if template == "homecare-outcomes":
        area = _care_area(area, " ".join(place.cells) or clause.text)
    if area.key == "general" and _DOCUMENTS_REQUIRED_RE.search(" ".join(place.header + place.cells)):
        area = library()["applications"]  # a charter's row with the documents to bring and the time taken: a decision
    activity = row_activity(place)
    slots = _outcome_slots(area, 3, row_seed(place) or clause.text, scope, own_aim=False)
    outcome = slots[row % len(slots)]
    if template == "homecare-outcomes":
        # A rate table's row keeps its cells; the rate gains the outcome part. The rate is a cell with its unit
        # ("£21.50 per hour"), else a money cell in a row or table that gives the unit elsewhere ("| £18.00 | per
        # hour |", a column headed "Hourly rate").
        # A unit cell or a column headed as a rate ("| Day |", "| 15 Minutes |", "FY08 Base Rate") says so too.
        unit = _RATE_UNIT_RE.search(" ".join(place.cells + place.header)) is not None \
            or _ROW_UNIT_RE.search(" ".join(place.cells + place.header)) is not None
        money = [i for i, cell in enumerate(place.cells) if _HOURLY_RATE_RE.search(cell)][:1] or \
            [i for i, cell in enumerate(place.cells) if unit and _MONEY_CELL_RE.fullmatch(cell.strip())][-1:]
        # (of several bare amounts the last is the one in force: "| $5.20 | $6.50 |" under "Current Rate | New Rate")
        # (each row's own service first: "Overnight respite in the home" in a sheet that also prices job coaching is care
        # at home, whatever the sheet's commonest service)
        if (own := _clause_area(" ".join(place.cells))).key != "general":
            area = _care_area(own, " ".join(place.cells))
        cells = list(place.cells)
        scheme = _injury_scheme(" ".join(place.cells), document, clause.start, heading)
        area = _priced_area(area, " ".join(place.cells), scheme)
        early = area.key == "early-years"  # a child care rate's row ("HOURLY | $2.39 | $2.25"): each child's progress
        if early:
            # (its columns' ages where the header states them: "Infant (0-18 months)" to "School age (6-12 years)" is not
            # a table of under-fives, whatever the row's own "child care" says)
            banded = detect_ages(" ".join(place.header) if place.header else _run_top(document, clause.start))
            if banded is not None and banded != CHILD_AGES:
                scope = _Scope(banded, scope.named, scope.aims, scope.nation, scope.purpose)
            slot, who = _child_development_slot(area, scope), None
        elif own.key == "general" and area.key not in _CARE_PLAN_AREAS:
            # a row that names no service of its own in a sheet of several (its commonest service is job coaching): not
            # that service's outcome for respite at home, but the outcomes each person agreed, for the people supported
            slot, who = _own_outcomes_slot(library()["general"], scope), "the people supported"
        else:
            who = _rate_who(" ".join(place.cells), heading, area, scope, doc_area, scheme)
            slot = _own_outcomes_slot(area, scope)
        if money:
            direct = _direct_payments(doc_area)
            if (kept := _rate_row_kept(cells, money[0], place.join, slot, early, direct, who)) is not None:
                return kept
            cells[money[0]] = _with_outcome_part(cells[money[0]].strip(), slot, early, direct=direct, who=who)
            return place.join(cells)
        unset = [i for i, cell in enumerate(cells) if _UNSET_RATE_RE.fullmatch(cell.strip())
                 and len(place.header) == len(cells) and _ROW_UNIT_RE.search(place.header[i])]
        if unset:  # a rate column that says "Varies" or "Negotiated": the row keeps it, the payment rule beside it
            cells[unset[-1]] = f"{cells[unset[-1]].strip()}, with {_payment_part(slot, who)}"
            return place.join(cells)
        # no rate in the row (a header, a band's name): the payment suggestion as a paragraph
        return _sentence_rewrite(template, clause, start, end, document, weight_sets, doc_area, False)
    if template == "payment-to-outcome" and len(place.cells) >= 2 \
            and all(_FIGURE_ONLY_CELL_RE.fullmatch(cell.strip()) for cell in place.cells[1:]) \
            and (money := [i for i, cell in enumerate(place.cells) if _MONEY_CELL_RE.fullmatch(cell.strip())]):
        # a fee schedule's row, an activity and the sums paid for it ("Antenatal care visit | 500 | $0.25"): the row stays
        # as written (its figures are fees, not counts to report), with the outcome-linked part in a line under it
        who = _beneficiaries(" ".join((place.cells[0], clause.text)), heading, area, scope.ages, _doc_group(doc_area))
        return f"{place.join(list(place.cells))}\n{FEE_RIDER}{_payment_part(outcome, who)}."
    roles = place.roles()
    indicator = next((place.cells[i] for i, r in enumerate(roles) if r == "what"), "") if place.cells else ""
    # who the row is for: its indicator, else the flagged cell, else anywhere in the row ("preparing children for ...")
    row_words = " ".join(x for x in (indicator, place.cells[place.flagged] if place.cells else "", clause.text) if x)
    beneficiaries = _beneficiaries(row_words, heading, area, scope.ages, _doc_group(doc_area))
    words = {"beneficiaries": beneficiaries, "outcome": outcome, "young": _young(scope, beneficiaries), "unit": area.unit}
    # (a row whose indicator counts people or things, "Number of clients seen", gets an indicator in its place: a share)
    first = "cell-payment" if template == "payment-to-outcome" \
        else "cell-indicator" if _COUNT_NAME_RE.match(" ".join(indicator.split()).strip(" |*")) else "cell-outcome"
    if _carries(activity):
        activity = ""  # the row's own words hold a second problem (say, per-minute pay): leave them out
    return outcome_row(
        place,
        outcome=_one_line(render(f"rewrites/{first}.j2", **words)),
        measure=_one_line(render("rewrites/cell-measure.j2", **words)),
        activity=activity,
        baseline=_one_line(render("rewrites/cell-target.j2", **words)),
    )


_DUTY_WORD_RE = regex(r"\b(?:must|shall|(?:is|are)\s+required\s+to)\b", re.I)
_TIME = r"(?:[\w()-]+\s+){1,3}?(?:working\s+|business\s+|calendar\s+|clear\s+)?(?:minutes?|hours?|days?|weeks?)"
# A standard of how soon: a time after an event ("within 2 working days of case transfer"), a share within a time ("90% of
# referrals seen within 2 weeks", "within three weeks in 90% of cases"), something done within a time ("be responded to
# within 8 minutes", "repairs completed within 24 hours"), or a wait ("wait less than four months").
_SPEED_STANDARD_RE = regex(rf"\bwithin\s+{_TIME}\s+(?:(?:of|from|after|following)\b|in\s+\d{{1,3}}(?:\.\d+)?\s?(?:%|per\s?cent\b))"
                           rf"|\d{{1,3}}(?:\.\d+)?\s?(?:%|per\s?cent\b)[^.;]{{0,100}}?\bwithin\s+{_TIME}\b"
                           rf"|\b(?:responded\s+to|seen|answered|attended(?:\s+to)?|assessed|treated|acknowledged|collected|completed|resolved"
                           rf"|repaired|investigated|removed|processed)\s+within\s+{_TIME}\b"
                           r"|\bwaits?\s+(?:of\s+)?(?:less|no\s+(?:more|longer)|under|fewer)\b|\b(?:waiting|response)\s+times?\b", re.I)
# Not a volume to deliver in a time ("deliver 500 sessions within 12 weeks of the start") or a course to get through ("80%
# will complete the course within 12 weeks"): targets of activity.
_VOLUME_IN_TIME_RE = regex(r"\b(?:deliver|provide|run|hold|complete|conduct|offer|make|carry\s+out)\w*\s+(?:at\s+least\s+|a\s+minimum\s+of\s+)?\d"
                           r"|\b(?:complet|finish|attend)\w*\s+(?:the|a|their|all)\s+(?:[\w-]+\s+)?(?:course|programme|program|sessions?|treatment\s+programme)s?\b", re.I)


def join_run_rows(rewrites: list[str], sep: str = "\n") -> str:
    """The suggestion for a run of rows rewritten together: each row's own, in turn; rows of a fee or rate table, each
    kept as written with the same sentence under it, come back as the rows and that sentence once, under them."""
    groups: list[tuple[list[str], str | None]] = []
    for text in rewrites:
        row, _, rider = text.rpartition("\n")
        if row and any(rider.startswith(single) for single in _RIDERS):
            # (a fee schedule's rows share the first row's sentence, as they always have; rate rows share one only
            # where it is the same, so a sleep-in night's row does not take a home care row's outcome)
            if groups and (groups[-1][1] == rider or (groups[-1][1] or "").startswith(FEE_RIDER) and rider.startswith(FEE_RIDER)):
                groups[-1][0].append(row)
                continue
            groups.append(([row], rider))
        else:
            groups.append(([text], None))
    out: list[str] = []
    for rows, rider in groups:
        out.extend(rows)
        if rider is not None:
            single = next(s for s in _RIDERS if rider.startswith(s))
            out.append(rider if len(rows) == 1 else rider.replace(single, _RIDERS[single], 1)
                       .replace("the direct payment lets them", "the direct payments let them"))
    return sep.join(out)


def _one_line(text: str) -> str:
    return " ".join(text.split())
