"""The outcome library: service area -> typical outcomes -> the measures that evidence them.

Each measure carries the client groups and ages it is valid for, so a rewrite can never propose,
say, SWEMWBS to a service for nine-year-olds. Data only: reading a text for its service area, ages,
aims and named measures is the checker's job (scoring/service_area.py). The parsed YAML is kept in
the disk cache, so a review does not even import yaml.
"""

from __future__ import annotations

from .records import dataclass
import os
from functools import lru_cache

from knowledge import diskcache

LIBRARY_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "outcomes.yaml")  # a str: no pathlib in a review


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
    aliases: str = ""  # a regular expression for the names a document may use for the measure
    age_rule: str = "within"
    nations: tuple[str, ...] = ()  # where an official collection runs; empty: anywhere

    def applies_in(self, nation: str | None) -> bool:
        """Whether the measure can be proposed for a document from `nation` (None: not known, so yes).

        England's collections (NDTMS, the carers' survey, DfE returns) are not offered to a Scottish
        partnership or an American county, whose services report elsewhere."""
        return not self.nations or nation is None or nation in self.nations

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

    def measure_for(self, ages: AgeRange | None, named: tuple[str, ...] = (), nation: str | None = None) -> Measure | None:
        """The measure to offer: one the document names first, else the first valid for the ages and nation."""
        valid = [m for m in self.options if m.fits(ages) and m.applies_in(nation)]
        for m in valid:
            if m.key in named:
                return m
        if nation is None:  # where the text is from is not known: a collection that runs anywhere, if there is one
            anywhere = [m for m in valid if not m.nations]
            if anywhere:
                return anywhere[0]
        return valid[0] if valid else None

    def official_in(self, measure: Measure, ages: AgeRange | None, nation: str | None) -> Measure | None:
        """Where the nation is not known and `measure` runs anywhere: the nation's own collection it stands in for, if
        the outcome has one valid for the ages (named beside it: "in England, the Tenant Satisfaction Measures")."""
        if nation is not None or measure.nations or measure not in self.options:
            return None
        before = self.options[:self.options.index(measure)]  # only a collection preferred to it: not a tool chosen first
        return next((m for m in before if m.nations and m.fits(ages)), None)

    def stated_in(self, aims_text: str) -> bool:
        low = aims_text.lower()
        return any(_starts_word_in(a, low) for a in self.aims)


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _starts_word_in(words: str, text: str) -> bool:
    """Whether `words` occur in `text` at a word boundary (`\\b` before them), found without compiling a
    pattern for each: a review asks this of a few hundred aims, and parsing each as a new pattern cost ~1 ms."""
    if not words:
        return False
    at = text.find(words)
    while at >= 0:
        if (at > 0 and _is_word(text[at - 1])) != _is_word(words[0]):
            return True
        at = text.find(words, at + 1)
    return False


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
    # What a row's target is set on: each person the service works with, or each site for a service to places
    # (street cleaning, pest control), whose baseline is the state of the place.
    unit: str = "person"
    # Whether the service is for everyone in its area, used or not (a fire and rescue service keeps every resident
    # safer): its outcome is said of the whole group, not of the people "who use the service".
    everyone: bool = False

    def serves(self, measure: Measure) -> bool:
        return "any" in measure.clients or bool(set(measure.clients) & set(self.clients))

    def choose(self, count: int = 2, start: int = 0, ages: AgeRange | None = None,
               named: tuple[str, ...] = (), aims: str = "", nation: str | None = None) -> list[Choice]:
        """Outcomes with measures valid for `ages`, the document's own aims and measures first.

        Then a core outcome of the area (drug treatment always gets a substance-use outcome),
        then ones with tags the first lacks: a mix of hard and soft, wellbeing and prevention.
        `start` rotates the choice, so a table of eight activity counts does not get eight
        identical suggestions. Outcomes with no measure valid for the ages, or usable in the
        document's nation, are never offered; nor is one tagged `when-stated` (staying out of the youth justice
        system) unless the clause, its section or the document speaks of what it is about; nor one tagged
        `treatment` where such a stated outcome is tagged `prevention` (drug education in schools), nor one tagged
        `prevention` where a stated outcome is tagged `emergency` (an ambulance's response to a cardiac arrest) or `in-care`
        (children in a residential or foster placement), or the aims name an emergency response (A&E, an ambulance's calls,
        a crisis bed: scoring/rewrite.py adds it). A stated outcome tagged `sole` is offered alone.
        """
        usable = [(o, m) for o in self.outcomes if (m := o.measure_for(ages, named, nation)) is not None
                  and ("when-stated" not in o.tags or (aims and o.stated_in(aims)))]
        usable = _borrowed(self, usable, ages, named, nation) + usable
        if aims and any("prevention" in o.tags and "when-stated" in o.tags and o.stated_in(aims) for o, _ in usable):
            # drug education in schools: pupils are not in treatment, so no treatment outcome is offered for them
            usable = [(o, m) for o, m in usable if "treatment" not in o.tags]
        if aims and ("emergency response" in aims.lower() or any("emergency" in o.tags and o.stated_in(aims) for o, _ in usable)):
            # an emergency response (an ambulance for a cardiac arrest) takes people to hospital when they need it:
            # avoiding admission is not its outcome
            usable = [(o, m) for o, m in usable if "prevention" not in o.tags]
        in_care = bool(aims) and any("in-care" in o.tags and o.stated_in(aims) for o, _ in usable)
        if in_care:
            # children in care (a residential or foster placement) are already in it: keeping a family out of statutory
            # care is not their outcome
            usable = [(o, m) for o, m in usable if "prevention" not in o.tags]
        if not usable:
            return []
        first = start % len(usable)
        rotated = usable[first:] + usable[:first]
        stated = [c for c in rotated if aims and c[0].stated_in(aims)]
        sole = [c for c in stated if "sole" in c[0].tags]
        if sole:  # what the service is for says it all (patient transport: getting to the care booked), nothing beside it
            return [Choice(*sole[0])]
        if in_care:  # the placement is what a rate for it pays for: its outcome before one for the child's parents
            stated = [c for c in stated if "in-care" in c[0].tags] + [c for c in stated if "in-care" not in c[0].tags]
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


def _borrowed(area: Area, usable: list, ages: AgeRange | None, named: tuple[str, ...], nation: str | None = None) -> list:
    """Outcomes from other areas for published measures the document names and this area lacks.

    Only for a measure valid for the ages and meant for one of the area's client groups.
    """
    have = {m.key for _, m in usable}
    out = []
    for key in named:
        measure = measures().get(key)
        if (measure is None or key in have or measure.kind not in _BORROWABLE or not measure.fits(ages)
                or not measure.applies_in(nation) or not area.serves(measure)):
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
    raw = diskcache.yaml_data(diskcache.file_bytes(LIBRARY_PATH))
    found = {
        key: Measure(
            key, m["name"], m.get("short", m["name"]), m["measures"], m["scale"], m.get("when", ""),
            m["source"], m["url"], m.get("guidance"), m.get("kind", "validated"), tuple(m.get("clients") or ("any",)),
            m.get("min_age"), m.get("max_age"), m.get("owner", ""),
            m.get("aliases") or "",
            m.get("age_rule") or ("overlap" if m.get("kind") in _RECORDS else "within"),
            tuple(m.get("nations") or ()),
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
            a.get("unit", "person"),
            bool(a.get("everyone", False)),
        )
        for key, a in raw["areas"].items()
    }
    return found, areas


def _measure_keys(outcome: dict) -> list[str]:
    return list(outcome.get("measures") or [outcome["measure"]])
