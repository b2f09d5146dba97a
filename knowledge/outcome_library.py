"""The outcome library: service area -> typical outcomes -> the measures that evidence them.

Each measure carries the client groups and ages it is valid for, so a rewrite can never propose,
say, SWEMWBS to a service for nine-year-olds. Light to import (YAML and `re` only), so the
checker can use it for rewrites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

LIBRARY_PATH = Path(__file__).with_name("outcomes.yaml")


@dataclass(frozen=True)
class AgeRange:
    """The ages a service is for: `high` None means no upper limit."""

    low: int
    high: int | None

    def __str__(self) -> str:
        return f"{self.low}+" if self.high is None else f"{self.low}-{self.high}"


_RECORDS = {"administrative", "self-report"}


@dataclass(frozen=True)
class Measure:
    key: str
    name: str
    short: str
    measures: str
    scale: str
    when: str
    source: str
    url: str
    guidance: str | None
    kind: str = "validated"
    clients: tuple[str, ...] = ("any",)
    min_age: int | None = None
    max_age: int | None = None
    owner: str = ""
    aliases: re.Pattern | None = None
    age_rule: str = "within"

    def fits(self, ages: AgeRange | None) -> bool:
        """Whether the measure suits a service for these ages.

        A scale, tool or official measure must be valid for every age the service is for (SWEMWBS,
        valid from 15, never for a service for 11-19 year olds). Records a council keeps cover the
        members of the group they are about, so their (advisory) limits need only overlap the ages.
        """
        if ages is None:
            return True
        high = ages.high if ages.high is not None else 200
        if self.age_rule == "overlap":
            return (self.min_age is None or high >= self.min_age) and (self.max_age is None or ages.low <= self.max_age)
        if self.min_age is not None and ages.low < self.min_age:
            return False
        if self.max_age is not None and high > self.max_age:
            return False
        return True


@dataclass(frozen=True)
class Outcome:
    id: str
    change: str
    options: tuple[Measure, ...]  # in order of preference
    tags: tuple[str, ...]
    aims: tuple[str, ...] = ()

    @property
    def measure(self) -> Measure:
        return self.options[0]

    def measure_for(self, ages: AgeRange | None, named: tuple[str, ...] = ()) -> Measure | None:
        """The measure to offer: one the document names first, else the first valid for the ages."""
        valid = [m for m in self.options if m.fits(ages)]
        for m in valid:
            if m.key in named:
                return m
        return valid[0] if valid else None

    def stated_in(self, aims_text: str) -> bool:
        low = aims_text.lower()
        return any(re.search(r"\b" + re.escape(a), low) for a in self.aims)


@dataclass(frozen=True)
class Choice:
    outcome: Outcome
    measure: Measure


@dataclass(frozen=True)
class Area:
    key: str
    label: str
    keywords: tuple[str, ...]
    beneficiaries: str
    outcomes: tuple[Outcome, ...]
    clients: tuple[str, ...] = ()

    def serves(self, measure: Measure) -> bool:
        return "any" in measure.clients or bool(set(measure.clients) & set(self.clients))

    def choose(self, count: int = 2, start: int = 0, ages: AgeRange | None = None,
               named: tuple[str, ...] = (), aims: str = "") -> list[Choice]:
        """Outcomes with measures valid for `ages`, the document's own aims and measures first.

        Then a core outcome of the area (drug treatment always gets a substance-use outcome),
        then ones with tags the first lacks: a mix of hard and soft, wellbeing and prevention.
        `start` rotates the choice, so a table of eight activity counts does not get eight
        identical suggestions. Outcomes with no measure valid for the ages are never offered.
        """
        usable = [(o, m) for o in self.outcomes if (m := o.measure_for(ages, named)) is not None]
        usable = _borrowed(self, usable, ages, named) + usable
        if not usable:
            return []
        first = start % len(usable)
        rotated = usable[first:] + usable[:first]
        stated = [c for c in rotated if aims and c[0].stated_in(aims)]
        by_name = [c for c in rotated if c[1].key in named]
        core = [c for c in rotated if "core" in c[0].tags]
        ordered = _unique(stated + by_name + (core[:1] or []) + rotated)
        chosen = [ordered[0]]
        for outcome, measure in ordered[1:]:
            if len(chosen) == count:
                break
            preferred = (outcome, measure) in stated or measure.key in named
            seen = {t for o, _ in chosen for t in o.tags}
            if measure.key not in {m.key for _, m in chosen} and (preferred or set(outcome.tags) - seen):
                chosen.append((outcome, measure))
        return [Choice(o, m) for o, m in chosen]

    def pick(self, count: int = 2, start: int = 0) -> list[Outcome]:
        """The outcomes `choose` would offer when nothing is known of ages, aims or measures."""
        return [c.outcome for c in self.choose(count, start)]


_BORROWABLE = {"validated", "tracking-tool"}


def _borrowed(area: Area, usable: list, ages: AgeRange | None, named: tuple[str, ...]) -> list:
    """Outcomes from other areas for published measures the document names and this area lacks.

    Only for a measure valid for the ages and meant for one of the area's client groups.
    """
    have = {m.key for _, m in usable}
    out = []
    for key in named:
        measure = measures().get(key)
        if measure is None or key in have or measure.kind not in _BORROWABLE or not measure.fits(ages) or not area.serves(measure):
            continue
        for other in library().values():
            outcome = next((o for o in other.outcomes if measure in o.options), None)
            if outcome is not None:
                out.append((outcome, measure))
                have.add(key)
                break
    return out


def _unique(items: list) -> list:
    seen, out = set(), []
    for item in items:
        if id(item) not in seen:
            seen.add(id(item))
            out.append(item)
    return out


@lru_cache(maxsize=1)
def measures() -> dict[str, Measure]:
    return _load()[0]


@lru_cache(maxsize=1)
def library() -> dict[str, Area]:
    return _load()[1]


@lru_cache(maxsize=1)
def _load() -> tuple[dict[str, Measure], dict[str, Area]]:
    raw = yaml.load(LIBRARY_PATH.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    found = {
        key: Measure(
            key, m["name"], m.get("short", m["name"]), m["measures"], m["scale"], m.get("when", ""),
            m["source"], m["url"], m.get("guidance"), m.get("kind", "validated"), tuple(m.get("clients") or ("any",)),
            m.get("min_age"), m.get("max_age"), m.get("owner", ""),
            re.compile(m["aliases"]) if m.get("aliases") else None,
            m.get("age_rule") or ("overlap" if m.get("kind") in _RECORDS else "within"),
        )
        for key, m in raw["measures"].items()
    }
    areas = {
        key: Area(
            key, a["label"], tuple(a["keywords"]), a["beneficiaries"],
            tuple(
                Outcome(o["id"], o["change"], tuple(found[k] for k in _measure_keys(o)), tuple(o.get("tags", ())),
                        tuple(x.lower() for x in o.get("aims", ())))
                for o in a["outcomes"]
            ),
            tuple(a.get("clients") or ()),
        )
        for key, a in raw["areas"].items()
    }
    return found, areas


def _measure_keys(outcome: dict) -> list[str]:
    return list(outcome.get("measures") or [outcome["measure"]])


@lru_cache(maxsize=1)
def _keyword_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """One alternation of every area's keywords, longest first, so a text is read once, not once an area."""
    owner: dict[str, str] = {}
    for key, area in library().items():
        if key != "general":
            for word in area.keywords:
                owner.setdefault(word.lower(), key)
    return re.compile(r"\b" + _trie(sorted(owner)) + r"\b", re.I), owner


def _trie(words: list[str]) -> str:
    """A regular expression matching any of `words`, factored by shared prefixes (longest match first)."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return "(?:" + build(tree) + ")"


# "Parents and carers", foster carers and paid carers are not the unpaid carers a carers' service is for.
_NOT_UNPAID_CARERS_RE = re.compile(
    r"\b(?:parents?|child(?:ren)?|famil(?:y|ies)|babies)\s*(?:and|or|/|&)\s*carers?\b"
    r"|\bcarers?\s*(?:and|or|/|&)\s*(?:parents?|child(?:ren)?|babies)\b|\b(?:foster|paid|home|care)\s+carers?\b", re.I)


_ORDER: dict[str, int] = {}


def detect_area(*texts: str) -> Area:
    """The service area the texts speak of most, trying each text in turn (a clause, then its document)."""
    areas = library()
    if not _ORDER:
        _ORDER.update({key: i for i, key in enumerate(areas)})  # ties go to the area listed first, as before
    for text in texts:
        if not text:
            continue
        text = _NOT_UNPAID_CARERS_RE.sub(" ", text)
        pattern, owner = _keyword_pattern()
        counts: dict[str, int] = {}
        for m in pattern.finditer(text):
            key = owner[m.group(0).lower()]
            counts[key] = counts.get(key, 0) + 1
        if counts:
            return areas[max(counts, key=lambda k: (counts[k], -_ORDER[k]))]
    return areas["general"]


# --- the client group's ages ------------------------------------------------------------------------------

_DASH = r"\s*(?:-|–|—|to)\s*"
_RANGE_RES = (
    re.compile(r"\b(?:aged|ages|age)\s+(?:between\s+)?(\d{1,2})" + _DASH.replace("to)", "to|and)") + r"(\d{1,2})\b", re.I),
    re.compile(r"\b(\d{1,2})" + _DASH + r"(\d{1,2})[- ]?(?:-?year[- ]olds?|years?[- ]olds?)", re.I),
    re.compile(r"\b(\d{1,2})\s+and\s+(\d{1,2})[- ]year[- ]olds?", re.I),
    re.compile(r"\b(\d{1,2})" + _DASH + r"(\d{1,2})s\b", re.I),  # "13-19s"
)
_OVER_RES = (
    re.compile(r"\baged\s+(\d{2})\s*(?:\+|plus\b|and over\b|and above\b|or over\b|or older\b)", re.I),
    re.compile(r"(?<![£$€\d.,])\b(\d{2})(?:\+(?!\s*%)|\s+years?\s+(?:and|or)\s+(?:over|older)\b)", re.I),
    re.compile(r"\bover[- ](\d{2})s\b", re.I),
)
_UNDER_RE = re.compile(r"\bunder[- ](fives?|5s|(\d{1,2})s)\b", re.I)
# Words that state a client group's ages, in priority order (first found wins).
_GROUP_AGES = (
    (re.compile(r"\b(?:under[- ]fives?|pre-?school(?:ers|-age)?|babies|toddlers|infants|early years)\b", re.I), AgeRange(0, 4)),
    (re.compile(r"\bcare[- ]leavers?\b|\bleaving care\b", re.I), AgeRange(16, 25)),
    (re.compile(r"\b(?:older (?:people|person|adults)|later life|over[- ]65s|pensioners|elderly)\b", re.I), AgeRange(65, None)),
    (re.compile(r"\bprimary[- ](?:school|age)\b", re.I), AgeRange(4, 11)),
    (re.compile(r"\bchild(?:ren)?\b(?! and young people)", re.I), AgeRange(0, 17)),
    (re.compile(r"\b(?<!young )adults?\b(?! social care)", re.I), AgeRange(18, None)),
)


def detect_ages(text: str) -> AgeRange | None:
    """The ages a text states for its client group: stated ranges first, then group words.

    Several stated ranges are joined ("11-16 ... 16-19" gives 11-19), so a measure must fit them all.
    """
    if not text:
        return None
    lows, highs = [], []
    for pattern in _RANGE_RES:
        for m in pattern.finditer(text):
            low, high = int(m.group(1)), int(m.group(2))
            if low <= high <= 100:
                lows.append(low)
                highs.append(high)
    for m in _UNDER_RE.finditer(text):
        n = 5 if m.group(1).lower().startswith(("five", "5")) else int(m.group(2))
        lows.append(0)
        highs.append(n - 1)
    for pattern in _OVER_RES:
        for m in pattern.finditer(text):
            n = int(m.group(1))
            if 10 <= n <= 100:
                lows.append(n)
                highs.append(None)
    if lows:
        return AgeRange(min(lows), None if None in highs else max(highs))
    for pattern, ages in _GROUP_AGES:
        if pattern.search(text):
            return ages
    return None


# --- what the document itself says ------------------------------------------------------------------------

_AIM_RE = re.compile(
    r"\b(?:aims?\s+(?:is|are|of|for|to)\b|aim(?:ed|s)?\s+to\b|aims?\s*:|purpose\s+(?:is|of)\b|purpose\s*:|"
    r"objectives?\s+(?:is|are|of|for)\b|objectives?\s*:|goals?\s+(?:is|are|of|for)\b|vision\s+(?:is|of|for)\b|"
    r"intended outcomes?|(?:following|expected|key) outcomes?\b|outcomes? (?:we|the council) (?:want|seek|expect))",
    re.I,
)
_LIST_END_RE = re.compile(r"\s*(?:#|\d{1,2}(?:\.\d{1,2})*\.?\s+[A-Z])")


def named_measures(text: str) -> tuple[str, ...]:
    """Keys of the library measures a text names, in the order it names them."""
    if not text:
        return ()
    found = []
    for key, measure in measures().items():
        if measure.aliases is not None and (m := measure.aliases.search(text)):
            found.append((m.start(), key))
    return tuple(key for _, key in sorted(found))


def stated_aims(text: str, limit: int = 4000) -> str:
    """What a text says it aims at: sentences stating an aim, purpose or objective, and the list after
    one that ends with a colon ("The service aims to:" and its bullets). At most `limit` characters.
    """
    if not text:
        return ""
    out: list[str] = []
    size = 0
    lines = text.split("\n")
    i = 0
    while i < len(lines) and size < limit:
        line = lines[i]
        i += 1
        if len(line) > 2000 or not _AIM_RE.search(line):
            continue
        sentences = [x for x in re.split(r"(?<=[.!?])\s+", line) if _AIM_RE.search(x)]
        out.extend(sentences)
        size += sum(map(len, sentences))
        if line.rstrip().endswith(":"):  # the aims follow as a list
            taken = 0
            while i < len(lines) and taken < 12 and size < limit:
                nxt = lines[i].strip()
                if not nxt:
                    if taken:
                        break
                    i += 1
                    continue
                if nxt.startswith("#") or (_LIST_END_RE.match(nxt) and len(nxt) <= 60 and nxt[-1] not in ".;:,"):
                    break  # the next section's heading
                out.append(nxt)
                size += len(nxt)
                taken += 1
                i += 1
    return " ".join(out)[:limit]
