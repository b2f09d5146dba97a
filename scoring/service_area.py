"""Reading a text for what the outcome library needs: the service area it speaks of, the ages of its
client group, the aims it states and the library measures it names. The patterns load from the
compiled-pattern cache (see scoring/patterns.py)."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge import diskcache
from knowledge.outcome_library import AgeRange, Area, library, measures

from .patterns import regex


@lru_cache(maxsize=1)
def _keyword_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """One alternation of every area's keywords, longest first, so a text is read once, not once an area."""
    owner: dict[str, str] = {}
    for key, area in library().items():
        if key != "general":
            for word in area.keywords:
                owner.setdefault(word.lower(), key)
    # Building the trie takes longer than a one-page review's matching: its result is kept by the word list.
    words = "\n".join(sorted(owner)).encode("utf-8")
    trie = diskcache.parsed(words, lambda raw: _trie(raw.decode("utf-8").split("\n")))
    return regex(r"\b" + trie + r"s?\b", re.I), owner  # (a keyword's plural too: "hospitals", "gp practices")


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


# "Parents and carers", foster, kinship and paid carers are not the unpaid carers of adults a carers' service is for.
# Children's care away from home (foster and residential care) is a children's service, not care at home.
# Leaving it ("young people leaving out-of-home care", "the transition from out-of-home care") is leaving care.
# Fostering named by what it pays or provides ("fostering allowances", "foster placements"), not "fostering" as a verb
# ("fostering business expansion"): foster care.
_FOSTERING_RE = regex(r"\bfostering\s+(?:allowances?|services?|fees?|payments?|agenc(?:y|ies)|panels?|households?|placements?)\b"
                      r"|\bfoster\s+placements?\b", re.I)
# A complaint about a matter the service acts on ("complaints about noise nuisance", "complaints of dog attacks") is a
# report of that matter, not a complaint about the service: it does not count for complaint handling.
_COMPLAINT_ABOUT_RE = regex(r"\bcomplaints?(?:\s*/\s*concerns?)?\s+(?:about|on|of|regarding|concerning|relating\s+to|related\s+to"
                            r"|in\s+respect\s+of)\s+(?!(?:our|the|this|its|your|a|any)\s+(?:services?|staff|council|department|office"
                            r"|organi[sz]ation|provider|contractor|agency|ministry|landlord)\b)(?=[\w/-])", re.I)
# Recovery of waste, resources or energy ("Promote Recycling and Recovery") is a waste service's, not recovery from drugs;
# action, risk or nuisance to "public health" is a council's environmental health duty in a street or waste service,
# not a public health programme ("Where urgent public health action is required we will respond within 1 working day").
_WASTE_RECOVERY_RE = regex(r"\b(?:recycling|waste|resources?|energy|materials?)(?:\s*(?:and|&|,)\s*|\s+)recovery\b", re.I)
_PUBLIC_HEALTH_DUTY_RE = regex(r"\bpublic\s+health\s+(?=(?:action|risks?|nuisances?|hazards?|grounds|reasons|pests?)\b)", re.I)
_OUT_OF_HOME_RE = regex(r"\b(?:(leav\w*|transition\w*|exit\w*)\s+(?:from\s+)?)?out[-\s]of[-\s]home\s+care\b", re.I)
# Child maintenance, as a child support agency runs it: "payments made to parents with care … from the absent parent",
# "new maintenance applications to be cleared": benefits administration, not family support or a children's service.
# A law or court process named "child care" (Ireland's Child Care Act 1991, "child care proceedings"): child welfare, not the
# care of young children while their parents work.
_CHILD_CARE_LAW_RE = regex(r"\bchild\s+care\s+(?:acts?|\(amendment\)|proceedings|law|orders?|regulations\s+1995)\b", re.I)
_CHILD_MAINTENANCE_RE = regex(r"\bchild\s+(?:support|maintenance)\b|\bmaintenance\s+(?:applications?|payments?|calculations?"
                              r"|assessments?|arrears|cases?)\b|\b(?:absent|non-resident|paying|receiving)\s+parents?\b"
                              r"|\bparents?\s+with\s+care\b", re.I)
# A social security benefit, or the agency that pays it, is named for whom it is paid to: "Claims: Carer's Allowance 24
# days" under the "Disability and Carers Service" is benefits administration, not a carers' or a disability service
# ("Child Benefit" is not a children's service).
BENEFIT_NAME_RE = regex(r"\b(?:carer(?:'|’)?s\s+allowance|attendance\s+allowance|disability\s+living\s+allowance"
                         r"|personal\s+independence\s+payments?|(?:pension,?\s+)?disability\s+and\s+carers\s+service|pension\s+credit"
                         r"|severe\s+disablement\s+allowance|incapacity\s+benefit|sickness(?:\s*/\s*|\s+and\s+)invalidity\s+benefit"
                         r"|invalidity\s+benefit|child\s+benefit|family\s+credit|retirement\s+pension|state\s+pension)\b", re.I)
_WORK_FOCUSED_RE = regex(r"\bwork[-\s]focus{1,2}ed\s+interviews?\b", re.I)
_NOT_UNPAID_CARERS_RE = regex(
    r"\b(?:parents?|child(?:ren)?|famil(?:y|ies)|babies)\s*(?:and|or|/|&)\s*carers?\b"
    r"|\bcarers?\s*(?:and|or|/|&)\s*(?:parents?|child(?:ren)?|babies)\b|\b(?:foster|paid|home|care|kinship|shared\s+lives)\s+carers?\b", re.I)

# A text about Shared Lives or fostering calls the people it pays "carers" once it has named them: "Shared Lives
# carer payments … Carers receive £35 for a half-day session".
_PAID_CARERS_SERVICE_RE = regex(r"\bshared\s+lives\b|\bfoster(?:ing|\s+carers?|\s+care)\b", re.I)
_BARE_CARERS_RE = regex(r"\bcarers?(?:'s?|’s?)?(?=\W|$)", re.I)


def _not_unpaid_carers(m: re.Match) -> str:
    said = m.group(0).lower()
    # (foster carers are paid to care for a child placed with them: a children's service, as "foster care" is)
    return " kinship care " if "kinship" in said else " shared lives " if "shared" in said else " foster care " if "foster" in said else " "


_ORDER: dict[str, int] = {}
_US_SPELLING_RE = regex(r"\b(immun|organ|real|util|special|stabil|minim|maxim|prior|categor|standard|optim)iz(ations?|ed|es|e|ing)\b",
                        re.I)
# "Fault repair by next working day": a telephone or supply fault put right, which says nothing of a home's repairs.
_FAULT_REPAIR_RE = regex(r"\bfault\s+repairs?\b", re.I)
# A medicine, not a drug misused: "drug-resistant TB", "drug-sensitive patients", "anti-TB drugs", "antiretroviral drugs".
_MEDICINE_RE = regex(r"\bdrugs?[-\s](?:resistant|resistance|sensitive|susceptible|susceptibility)\b|\b(?:anti-?\s?(?:TB|tuberculosis|malaria"
                     r"|malarial|retroviral)|antiretroviral|ARV|TB|tuberculosis|essential|generic|prescription|prescribed)\s+drugs?\b", re.I)
# "TB" is tuberculosis, as TB programmes write it throughout.
_TB_RE = regex(r"\bTB\b")
# An Appropriate Adult is the volunteer or worker who supports a child or a vulnerable adult in police custody: a role
# in the service, not the people it is for (nor a sign of adult social care).
APPROPRIATE_ADULT_RE = regex(r"\bappropriate\s+adults?\b", re.I)
# Mental health named as one kind of care in a list of health care ("primary medical, dental, mental health, substance abuse
# and home health"): the service is health care of every kind, not a mental health or a drug service (the kinds in the
# list are read as primary care).
_CARE_KINDS_RE = regex(r"\b(?:primary\s+medical|primary\s+care|medical|dental)\s*(?:care\s*)?,\s*(?:[\w/-]+\s*,\s*){0,3}?mental\s+health\b"
                       r"(?:\s*,\s*(?:and\s+)?[\w/-]+(?:\s+[\w/-]+)?){0,4}"
                       r"|\bmental\s+health\s*,\s*(?:[\w/-]+\s*,\s*){0,3}?(?:dental|primary\s+medical)\b", re.I)
_CARE_KIND_RE = regex(r"\bmental\s+health\b|\bsubstance\s+(?:abuse|use|misuse)\b", re.I)
_LICENSE_RE = regex(r"\blicense(s?)\b", re.I)
# Areas whose keywords mostly name a group of people rather than a service.
_GROUP_AREAS = frozenset({"youth", "children-families", "volunteering"})
# Areas for adults in the justice system: young people there are the youth justice system's.
_ADULT_JUSTICE_AREAS = ("criminal-justice", "prisons")


def detect_area(*texts: str) -> Area:
    """The service area the texts speak of most, trying each text in turn (a clause, then its document)."""
    areas = library()
    if not _ORDER:
        _ORDER.update({key: i for i, key in enumerate(areas)})  # ties go to the area listed first, as before
    for text in texts:
        if not text:
            continue
        paid_carers = _PAID_CARERS_SERVICE_RE.search(text)
        text = _NOT_UNPAID_CARERS_RE.sub(_not_unpaid_carers, text)
        text = _CHILD_MAINTENANCE_RE.sub(" ", text)  # a child support agency's parents are payers and payees, not a family service's
        if "hild" in text and "are" in text:
            text = _CHILD_CARE_LAW_RE.sub(" child protection law ", text)  # Ireland's "Child Care Act 1991" is child welfare law
        text = BENEFIT_NAME_RE.sub(" social security benefit ", text)  # "Carer's Allowance claims": benefits administration
        text = _WORK_FOCUSED_RE.sub(" work focused interview ", text)  # however it is spelt: an employment adviser's interview
        if paid_carers:
            text = _BARE_CARERS_RE.sub(" ", text)  # "carers" in a Shared Lives or fostering text are its carers
        text = _OUT_OF_HOME_RE.sub(lambda m: " child welfare " if m.group(1) is None else " leaving care ", text)
        text = _FOSTERING_RE.sub(" foster care ", text)  # "weekly fostering allowances", "foster placements"
        if "ppropriate" in text or "PPROPRIATE" in text:
            text = APPROPRIATE_ADULT_RE.sub(" custody support ", text)
        if "ecovery" in text or "ECOVERY" in text:  # (a plain test first: most texts have neither)
            text = _WASTE_RECOVERY_RE.sub(" recycling ", text)
        if "ealth" in text or "EALTH" in text:
            text = _PUBLIC_HEALTH_DUTY_RE.sub(" ", text)
        text = _COMPLAINT_ABOUT_RE.sub(" reports about ", text)
        if "ental" in text and "ealth" in text:
            text = _CARE_KINDS_RE.sub(lambda m: _CARE_KIND_RE.sub("primary care", m.group(0)), text)
        if "rug" in text or "RUG" in text:
            text = _MEDICINE_RE.sub(" medicine ", text)
        if "TB" in text:
            text = _TB_RE.sub("tuberculosis", text)
        if "ault" in text or "AULT" in text:  # a telephone line's or a meter's fault repaired is not a landlord's repair
            text = _FAULT_REPAIR_RE.sub(" fault put right ", text)
        # American spelling of the words the keywords spell with -is- ("immunization", "fully immunized")
        text = _US_SPELLING_RE.sub(r"\1is\2", text)
        text = _LICENSE_RE.sub(r"licence\1", text)  # the noun as America spells it: "trade license", "plumber license"
        pattern, owner = _keyword_pattern()
        counts: dict[str, int] = {}
        for m in pattern.finditer(text):
            word = m.group(0).lower()
            key = owner.get(word) or owner[word[:-1]]
            counts[key] = counts.get(key, 0) + 1
        ages = detect_ages(text) if "older-people" in areas else None
        if ages is not None and ages.low >= 60:  # "persons 60 years of age and older": a service for older people
            counts["older-people"] = counts.get("older-people", 0) + 1
        if ages is not None and ages.high is not None and ages.high < 18 and len(counts) > 1:
            # a service for children ("CAMHS … care and support") is not adult social care or a service for older people
            counts = {k: v for k, v in counts.items() if k not in ("adult-social-care", "older-people", *_ADULT_JUSTICE_AREAS)} or counts
        if "youth" in counts:  # juvenile offenders, youth on probation or in custody: the youth justice system's, not adults'
            for adults_only in _ADULT_JUSTICE_AREAS:
                counts.pop(adults_only, None)
        if counts:
            # On a tie, the service named beats the group named: "youth enrolled in tutoring" is a tutoring
            # service, "families in the drug service" a drug service.
            return areas[max(counts, key=lambda k: (counts[k], k not in _GROUP_AREAS, -_ORDER[k]))]
    return areas["general"]


# --- the client group's ages ------------------------------------------------------------------------------

_DASH = r"\s*(?:-|–|—|to)\s*"
_RANGE_RES = (
    regex(r"\b(?:aged|ages|age)\s+(?:between\s+)?(\d{1,2})" + _DASH.replace("to)", "to|and)") + r"(\d{1,2})\b", re.I),
    regex(r"\b(\d{1,2})" + _DASH + r"(\d{1,2})[- ]?(?:-?year[- ]olds?|years?[- ]olds?)", re.I),
    regex(r"\b(\d{1,2})\s+and\s+(\d{1,2})[- ]year[- ]olds?", re.I),
    regex(r"\b(\d{1,2})" + _DASH + r"(\d{1,2})s\b", re.I),  # "13-19s"
    # "30 children 0-5", "youth 12 to 17": a group word and its ages, not a count of hours or days after it
    regex(r"\b(?:children|kids|youths?|young\s+people|infants)\s+(\d{1,2})" + _DASH + r"(\d{1,2})\b(?![.,]\d)(?!\s*(?:%|per\b|hours?\b"
          r"|hrs?\b|days?\b|weeks?\b|months?\b|minutes?\b|mins?\b|miles?\b|sessions?\b|visits?\b|times?\b|places?\b))", re.I),
)
# An age band under its group's name, as child care rates and age-banded tables write it: "Toddler (18-36 months)",
# "School age (6-12 years)", "Infants: 0 – 12 months". Group 1 and 2 are the range, group 3 its unit.
_BAND_RE = regex(r"\b(?:infants?|babies|baby|toddlers?|pre-?school(?:ers)?|pre-?k|kindergarten|school[- ]age(?:d)?|"
                 r"(?:young\s+)?child(?:ren)?|youths?|teens?|teenagers?|adolescents?|juniors?|seniors?)\s*[(:,-]?\s*"
                 r"(?:aged\s+|ages?\s+)?(\d{1,2})" + _DASH + r"(\d{1,2})\s*(years?|yrs?|months?|mos?)\b", re.I)
_OVER_RES = (
    regex(r"\baged\s+(\d{2})\s*(?:\+|plus\b|and over\b|and above\b|or over\b|or older\b)", re.I),
    regex(r"(?<![£$€\d.,])\b(\d{2})(?:\+(?!\s*%)|\s+years?(?:\s+of\s+age)?\s+(?:and|or)\s+(?:over|older)\b)", re.I),
    regex(r"\bover[- ](\d{2})s\b", re.I),
)
# "under 5s", "under-fives", and "under 5" / "under 2 years" when no unit of time or money follows.
_UNDER_RE = regex(r"\bunder[- ](fives?|5s|(\d{1,2})(?:s\b|\s*years?\b|(?![\d,.%])(?!\s*(?:%|per|minutes?|mins?|hours?|hrs?|"
                  r"days?|weeks?|months?|miles?|km|kg|metres?|m\b|people|persons|staff|beds|places|sessions|visits|"
                  r"referrals|cases))))", re.I)
# One age, or a range of months, naming a group: "2 year-olds", "funding for 3-year-olds", "9 – 24-month-olds" (not a
# range of years, read above, nor "a 20-year-old building": the group is people of that age only when plural).
_SINGLE_AGE_RE = regex(r"(?<![\d.,–-])(?<!\d\s)(?<!\band\s)(?<!\bto\s)(?:\b(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})[- ]?months?[- ]olds\b"
                       r"|\b(\d{1,2})[- ]?months?[- ]olds\b|\b(\d{1,2})[- ]?(?:years?|yrs?)[- ]olds\b"
                       # early years funding by age group: "2 Year Old Funding", "3&4 Year Old Funding", "3 and 4 year old places"
                       r"|\b(?:(\d)\s*(?:&|and)\s*)?(\d)[- ]?years?[- ]old\s+(?=(?:funding|entitlement|offer|places?|provision|childcare)\b))", re.I)
# One age after "aged" ("children aged 2 have completed …"), not the start of a range or an open end ("aged 65 and over").
_AGED_ONE_RE = regex(r"\baged\s+(\d{1,2})\b(?![.,]\d)(?!\s*(?:-|–|—|to\b|and\b|or\b|&|\+|plus\b|years?\s+(?:and|or)\b"
                     r"|years?\s+(?:of\s+age\s+)?(?:and|or)\b|weeks?\b|days?\b))(\s*months?\b)?", re.I)
# School year groups (England and Wales: Year N pupils are N + 4 at the start of the year, N + 5 by its end).
# (Not a contract's year: "In year 2 pupils will …", "by Year 3 learners …".)
_SCHOOL_YEAR_RE = regex(r"(?<!\bin\s)(?<!\bby\s)(?<!\bduring\s)(?<!\buntil\s)(?<!\bfrom\s)(?<!\bafter\s)(?<!\bbefore\s)"
                        r"\b(?-i:Years?)\s+(\d{1,2})(?:\s*(?:-|–|to|and)\s*(\d{1,2}))?\s+(?:pupils|students|children|learners)\b"
                        r"(\s+(?:and|or)\s+(?:under|below|younger))?", re.I)
# The ages the bare group words stand for: "children" (under 18) and "babies", "under-fives" (under five). A rewrite
# narrows the first to the second in an early years service (scoring/rewrite.py).
CHILD_AGES, UNDER_FIVE_AGES = AgeRange(0, 17), AgeRange(0, 4)
# Words that state a client group's ages, in priority order (first found wins).
_GROUP_AGES = (
    (regex(r"\b(?:under[- ]fives?|pre-?school(?:ers|-age)?|babies|toddlers|infants|early years)\b", re.I), UNDER_FIVE_AGES),
    (regex(r"\bcare[- ]leavers?\b|\bleaving care\b", re.I), AgeRange(16, 25)),
    (regex(r"\b(?:older (?:people|person|adults)|later life|over[- ]65s|pensioners|elderly)\b", re.I), AgeRange(65, None)),
    (regex(r"\bprimary[- ](?:school|age)\b", re.I), AgeRange(4, 11)),
    # secondary school: Years 7 to 11 (NHS Digital's schools survey: "mostly aged 11 to 15"), and a sixth form's
    # Years 12 and 13, read by the year-group rule above (Year N pupils are N + 4 to N + 5)
    (regex(r"\bsecondary[- ](?:schools?|age|pupils|students)\b", re.I), AgeRange(11, 18)),
    # children of school age, however it is written ("school-age children", "school aged", "school ages deaf children")
    (regex(r"\bschool[- ]ag(?:e|es|ed)\b", re.I), AgeRange(4, 17)),
    # young people in a youth justice system: from the age of criminal responsibility to adulthood
    (regex(r"\b(?:juveniles?|young offenders?|youth offenders?)\b", re.I), AgeRange(10, 17)),
    # child and adolescent mental health services see children and young people up to 18
    (regex(r"\bcamhs\b|\bchild and adolescent mental health\b", re.I), AgeRange(0, 17)),
    (regex(r"\bchild(?:ren)?\b(?! and young people)", re.I), CHILD_AGES),
    (regex(r"\b(?<!young )adults?\b(?! social care)", re.I), AgeRange(18, None)),
)


# Ages written in words ("two and five year olds", "aged three to four", "eleven-year-olds"): read as digits
# by the rules below. Only where a word for an age's unit or "aged" follows or leads, so "two sessions" stays.
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_AGE_WORDS_RE = regex(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                      r"sixteen|seventeen|eighteen|nineteen)\b(?=(?:\s*(?:-|–|to|and|&)\s*\w+)?[- ]?(?:years?|months?)[- ]old"
                      r"|\s*(?:-|–|to|and)\s*(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                      r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b)", re.I)
_AGED_WORDS_RE = regex(r"\b(?:aged|ages?)\s+(?:between\s+)?\w+(?:\s*(?:-|–|to|and)\s*\w+)?", re.I)


def _digits(m: re.Match) -> str:
    return _NUMBER_WORDS[m.group(0).lower()]


def _ages_in_digits(text: str) -> str:
    """The text with ages written in words put in digits (the same length is not kept: only for reading ages)."""
    text = _AGED_WORDS_RE.sub(lambda m: re.sub(r"[A-Za-z]+", lambda w: _NUMBER_WORDS.get(w.group(0).lower(), w.group(0)),
                                               m.group(0)), text)
    return _AGE_WORDS_RE.sub(_digits, text)


_CACHED_TEXT = 2000  # longer texts (whole documents) are not kept: the caches stay small whatever is pasted


def _kept_when_short(read):
    """`read(text)` with a short text's answer kept: one review asks it of the same clause for several rules and
    rewrites. The answer must not be changed by the caller (a frozen value or a tuple)."""
    kept = lru_cache(maxsize=2048)(read)

    def answer(text: str):
        return kept(text) if len(text) <= _CACHED_TEXT else read(text)
    answer.__doc__ = read.__doc__
    return answer


@_kept_when_short
def detect_ages(text: str) -> AgeRange | None:
    """The ages a text states for its client group: stated ranges first, then group words.

    Several stated ranges are joined ("11-16 ... 16-19" gives 11-19), so a measure must fit them all.
    """
    if not text:
        return None
    text = _ages_in_digits(text)
    lows, highs = [], []
    for pattern in _RANGE_RES:
        for m in pattern.finditer(text):
            low, high = int(m.group(1)), int(m.group(2))
            if low <= high <= 100:
                lows.append(low)
                highs.append(high)
    for m in _SINGLE_AGE_RE.finditer(text):  # "2 year-olds funding rate", "9 – 24-month-olds": an age group on its own
        if m.group(1) is not None:
            lows.append(int(m.group(1)) // 12)
            highs.append(int(m.group(2)) // 12)
        elif m.group(3) is not None:
            lows.append(0)
            highs.append(int(m.group(3)) // 12)
        elif m.group(4) is not None:
            lows.append(int(m.group(4)))
            highs.append(int(m.group(4)))
        else:
            lows.append(int(m.group(5) or m.group(6)))
            highs.append(int(m.group(6)))
    for m in _BAND_RE.finditer(text):  # "School age (6-12 years)", "Toddler (18-36 months)"
        low, high = int(m.group(1)), int(m.group(2))
        if m.group(3)[0] in "mM":
            low, high = low // 12, high // 12
        if low <= high <= 100:
            lows.append(low)
            highs.append(high)
    for m in _AGED_ONE_RE.finditer(text):  # "children aged 2": one age; "infants aged 8 months": under one
        age = int(m.group(1)) // 12 if m.group(2) else int(m.group(1))
        lows.append(age)
        highs.append(age)
    for m in _SCHOOL_YEAR_RE.finditer(text):  # "Year 6 pupils": aged 10 to 11; "Year 5 pupils and under": up to 10
        first, last = int(m.group(1)), int(m.group(2) or m.group(1))
        if 1 <= first <= last <= 13:
            lows.append(4 if m.group(3) else first + 4)
            highs.append(last + 5)
    for m in _UNDER_RE.finditer(text):
        n = 5 if m.group(1).lower().startswith(("five", "5s")) or m.group(1).lower() == "5" else int(m.group(2))
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
    text = BENEFIT_NAME_RE.sub(" ", text)  # "Child Benefit" is claimed by parents: it names no children's ages
    for pattern, ages in _GROUP_AGES:
        if pattern.search(text):
            return ages
    return None


# --- what the document itself says ------------------------------------------------------------------------

_AIM_RE = regex(
    r"\b(?:aims?\s+(?:is|are|of|for|to)\b|aim(?:ed|s)?\s+to\b|aims?\s*:|purpose\s+(?:is|of)\b|purpose\s*:|"
    r"objectives?\s+(?:is|are|of|for)\b|objectives?\s*:|goals?\s+(?:is|are|of|for)\b|vision\s+(?:is|of|for)\b|"
    r"intended outcomes?|(?:following|expected|key) outcomes?\b|outcomes? (?:we|the council) (?:want|seek|expect))",
    re.I,
)
_LIST_END_RE = regex(r"\s*(?:#|\d{1,2}(?:\.\d{1,2})*\.?\s+[A-Z])")


@_kept_when_short
def named_measures(text: str) -> tuple[str, ...]:
    """Keys of the library measures a text names, in the order it names them."""
    if not text:
        return ()
    found = []
    for key, measure in measures().items():
        if measure.aliases and (m := regex(measure.aliases).search(text)):
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


# --- where the document is from ---------------------------------------------------------------------------

# Words that place a text in one UK nation or outside the UK. Only names and bodies that belong to one
# place: not "English" (the language), not the EU (English tenders cite its directives), not "County",
# not "Irish" or "Indian" (English equality-monitoring forms list them as ethnic groups).
_NATION_RE = regex(
    r"(?P<england>\bEngland\b|\bCare Quality Commission\b|\bCQC\b|\bOfsted\b|\bCare Act 2014\b|\bNDTMS\b)"
    r"|(?P<scotland>\bScotland\b|\bScottish\b|\bAlcohol and Drug Partnerships?\b|\bHEAT (?:standards?|targets?)\b"
    r"|\bCare Inspectorate\b(?!\s+Wales)|\bHealth and Social Care Partnerships?\b|\bIntegration Joint Boards?\b|\bCOSLA\b"
    r"|\bNHS (?:Greater Glasgow|Lothian|Tayside|Grampian|Highland|Fife|Lanarkshire|Ayrshire|Borders|Dumfries|Forth Valley)\b"
    r"|\bGlasgow\b|(?<!Warwick-)(?<!Warwick–)(?<!Warwick\s)\bEdinburgh\b(?![\s-]+(?:Mental|Postnatal))|\bAberdeen(?:shire)?\b|\bDundee\b)"
    r"|(?P<wales>(?<!New South )\bWales\b|\bWelsh\b|\bCymru\b|\bCardiff\b|\bSwansea\b|\bWrexham\b|\bBetsi Cadwaladr\b"
    r"|\bCwm Taf\b|\bAneurin Bevan\b|\bHywel Dda\b)"
    r"|(?P<ni>\bNorthern Ireland\b|\bHSC Trusts?\b|\bRQIA\b|\bHealth and Social Care (?:Trusts?|Board)\b|\bBelfast\b"
    r"|\b(?:Western|Southern|South Eastern|Northern) (?:HSC |Health and Social Care )?Trust\b)"
    r"|(?P<elsewhere>\bAustralian?\b|\bNew Zealand\b|\bAotearoa\b|\bSouth African?\b|\bCanad(?:a|ian)\b"
    r"|\bUnited States\b|\bU\.S\.A?\b|\bUSA\b|\bAmerican\b|(?<!Northern )\bIreland\b|\bIndia\b"
    # the United Nations' own buying (its Procurement Manual, its agencies): no UK law, no council
    r"|\bUnited Nations\b|\bUN Procurement\b|\bUNDP\b|\bUNICEF\b|\bUNHCR\b|\bUNOPS\b|\bUNFPA\b"
    r"|\bKenyan?\b|\bNigerian?\b|\bGhana(?:ian)?\b|\bPhilippines\b|\bSingapore\b|\bMalaysian?\b|\bJamaican?\b"
    r"|\bPakistan\b|\bSri Lanka\b|\bBangladesh\b|\bNepal\b|\bHong Kong\b|\bZambia\b|\bZimbabwe\b|\bMalawi\b"
    # (countries by name, not their people: "Greek Cypriot" or "Zambian" on a monitoring form places no text)
    r"|\bBotswana\b|\bTanzania\b|\bUganda\b|\bRwanda\b|\bEthiopia\b|\bKwacha\b|\bCyprus\b|\bMalta\b"
    r"|\bTrinidad\b|\bBarbados\b|\bBahamas\b|\bFiji\b|\bDenmark\b|\bDanish\b|\bSweden\b|\bSwedish\b|\bNorway\b"
    r"|\bNorwegian\b|\bFinland\b|\bNetherlands\b|\bDutch\b|\bGermany\b|\bGerman\b|\bFrance\b|\bFrench\b"
    r"|\bNDIS\b|\bMedicaid\b|\bMedicare\b|\bNew South Wales\b|\bQueensland\b|\bTusla\b|\bGauteng\b|\b(?:Eastern|Western|Northern) Cape\b"
    # US states and federal bodies, Canadian provinces, Australian states and territories
    r"|\b(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois"
    r"|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana"
    r"|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York State|North Carolina|North Dakota|Ohio|Oklahoma"
    r"|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia(?! Water)|Wisconsin"
    r"|Wyoming|Washington State|State of (?:Washington|Maine|Georgia)|Washington,? D\.?C\.?)\b"
    # an American award rule and buyer, in their own terms: "the lowest responsive, responsible bidder", a school district
    r"|(?i:\blowest\s+(?:qualified\s+)?(?:responsive\s*,?\s*(?:and\s+)?)?responsible\s+bidders?\b)|\b[Ss]chool [Dd]istricts?\b"
    r"|\b(?:WIOA|SAMHSA|HUD|Title (?:XIX|XX|IV-[BE]))\b|\b(?:U\.S\.C|C\.F\.R)\.|\bBoard of (?:County )?(?:Supervisors|Commissioners)\b"
    # the US federal buying rules and their departments: "FAR 14.201-8", "48 CFR 3514", "the Department of Labor"
    r"|\bFAR (?:Part )?\d{1,2}\.\d{1,4}|\b\d{1,2} CFR \d|\bDepartment of (?:Labor|Defense|Veterans Affairs)\b"
    r"|\b(?:Ontario|Quebec|Québec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|Newfoundland"
    r"|Ottawa|Toronto|Vancouver|Montreal|Montréal|Calgary|Edmonton|Winnipeg|Kāinga Ora|Kainga Ora"
    r"|Prince Edward Island|Yukon|Nunavut)\b"
    r"|\b(?:Victorian Government|State of Victoria|Tasmania|Northern Territory|Australian Capital Territory|ACT Government"
    r"|Te Whatu Ora|Whānau)\b"
    # New Zealand's health and social bodies, its people and its tax: "Waikato DHB", "Ministry of Health", "(Ex GST)"
    r"|\b(?:District Health Boards?|DHBs?|Ministry of Health|Ministry of Social Development|Oranga Tamariki|PHARMAC"
    r"|Accident Compensation Corporation|GST|M[āa]ori|Pasifika|Waikato|iwi)\b"
    # South Africa's procurement law and money: broad-based black economic empowerment, the preferential procurement
    # framework and its points, municipal finance, rand amounts ("R 1 500 000", "R2.5 million")
    r"|\bB-?BBEE\b|\bPPPFA\b|\bPreferential Procurement\b|(?i:\bpreference points?\b)|\bMFMA\b|\bSDBIP\b|\bZAR\b"
    r"|\bMunicipal Finance Management\b|\bR\s?\d{1,3}(?:[ ,]\d{3})+\b|\bR\d+(?:\.\d+)?\s?(?:million|billion|bn)\b"
    r"|[$€]\s?\d|\d\s?(?:kr|€)(?=[\s/.,]|$)|\bkronor\b|\beuroa\b)")
# American spelling of words British English spells otherwise: a text that names no place but writes "behavioral
# health centers" or "program enrollment" twice is from the Americas (Australia, New Zealand, Ireland and South Africa
# spell as the UK does, so they are not found this way, nor wrongly).
_US_SPELLING_CUE_RE = regex(
    r"\b(?:behavior(?:s|al|ally)?|centers?|centered|labor|neighborhoods?|enrollments?|programs?|organizations?|favorable"
    r"|counselors?|honor(?:s|ed)?|colors?|fulfill(?:s|ment)?|analyze[ds]?|prioritize[ds]?|utilize[ds]?|utilization"
    r"|minimize[ds]?|maximize[ds]?|recognize[ds]?|emphasize[ds]?)\b", re.I)
_NATION_NAMES = {"england": "England", "scotland": "Scotland", "wales": "Wales", "ni": "Northern Ireland",
                 "elsewhere": "outside the UK"}


@lru_cache(maxsize=2)  # a review asks it of its whole document twice; two documents at most are kept
def detect_nation(text: str) -> str | None:
    """The UK nation a text is from ("England", "Scotland", "Wales", "Northern Ireland"), "outside the UK",
    or None when it names none, or several without one clearly ahead (twice the mentions of the next).

    A rewrite never proposes England's own collections (NDTMS, the carers' survey in England, DfE returns)
    or cites NICE for a text that is plainly from elsewhere. A text naming no place is from outside the UK when it
    spells two words the American way ("program", "behavioral")."""
    if not text:
        return None
    counts: dict[str, int] = {}
    for m in _NATION_RE.finditer(text):
        counts[m.lastgroup] = counts.get(m.lastgroup, 0) + 1
    if not counts:
        spelt = _US_SPELLING_CUE_RE.finditer(text)
        return "outside the UK" if next(spelt, None) and next(spelt, None) else None
    ranked = sorted(counts.values(), reverse=True)
    if len(ranked) > 1 and ranked[0] < 2 * ranked[1]:
        return None
    return _NATION_NAMES[max(counts, key=counts.get)]
