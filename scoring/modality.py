"""Does a clause set what must happen, or only report what happened or what is?

A count in a statistic ("In 2024 the service supported 3,100 people"), a history or a
description of today's market is not a target, and a commissioner loses trust in a checker that
rewrites it. A clause reports a fact when it has the marks of a report (a past-tense account, a
present state "currently", a figure for a past period) and none of the marks of a requirement
(a modal verb, a target or KPI word, a minimum, an imperative opening)."""

from __future__ import annotations

import re
from functools import lru_cache
from .patterns import regex

_MODAL_RE = regex(
    # (not a speaker's aside to an audience: "As Deputies will be aware, 60% of home support is provided by …")
    r"\b(?:will(?!\s+(?:be\s+aware|know|recall|remember|appreciate|have\s+seen|have\s+heard)\b)|shall|must|should|is\s+to|are\s+to"
    r"|needs?\s+to|is\s+required|are\s+required|required\s+to"
    # what a provider is bought to do ("The Trust is commissioned to attend 75% of Category A calls within 8 minutes")
    r"|(?:is|are)\s+(?:commissioned|contracted)\s+to"
    # a duty given to a body: "The Ministry of Education is tasked with providing 400,000 pupils with laptops", "has the
    # task of ensuring that …"
    r"|(?:is|are|(?:has|have)\s+been)\s+tasked\s+(?:with|to)|(?:has|have)\s+the\s+(?:task|duty|responsibility)\s+of"
    r"|is\s+expected|are\s+expected|expected\s+to|to\s+be\s+(?:delivered|provided|achieved|met|seen"
    # a target list's infinitive ("95 per cent of claims to be cleared within 26 weeks")
    r"|cleared|processed|paid|answered|dispatched|screened|tested|vaccinated|immuni[sz]ed|assessed|decided|resolved|registered"
    r"|allocated|admitted))\b",
    re.I,
)
# A response standard told short, after its figure: a time unit and the share of the time it must be met ("it's 12
# minutes, 90% of the time").
_TIME_SHARE = r"\s*(?:minutes?|mins?|hours?|hrs?)\s*,\s*\d{1,3}(?:\.\d+)?\s*(?:%|per\s?cent)\s+of\s+the\s+time"
_TARGET_RE = regex(
    r"\b(?:aims?\b|aim\s+(?:is|for)|targets?\b|trajector(?:y|ies)\b|kpis?\b|key\s+performance|performance\s+(?:indicator|measure|standard"
    r"|threshold)|minimum|at\s+least|no\s+(?:fewer|less)\s+than|not\s+less\s+than|a\s+maximum|benchmark"
    r"|standard\s+is|acceptable\s+level|achievable\s+level|measured\s+by|per\s+(?:week|month|quarter|year|annum)"
    # a level the scheme sets without its figure: "payment to practices where a specified proportion of women have been screened"
    r"|(?:specified|prescribed|required)\s+(?:proportion|percentage|share)"
    # a goal set as a figure: "The scheme's goal for service in 2031 is 240 young carers" (not "our goal is to help …")
    r"|goals?\s+(?:for\s+(?:[\w-]+\s+){1,4}?)?(?:is|are|will\s+be)\s+(?:to\s+(?:serve|reach|enrol|see|support)\s+)?(?:at\s+least\s+)?\d"
    # a response standard told short, a time and the share of the time it must be met: "it's 12 minutes, 90% of the time"
    r"|\d+" + _TIME_SHARE + r")\b",
    re.I,
)
# Opening verbs of an instruction ("Deliver 12 workshops…", "Record the number of…").
_IMPERATIVE_RE = regex(
    r"^\W*(?:\d+[.)]\s*)?(?:deliver|provide|record|report|ensure|achieve|maintain|offer|run|hold|see|visit|complete"
    r"|support|engage|reach|increase|reduce|improve|count|monitor|submit|attend)\b", re.I)
# A meeting's minutes: what members asked or said, not what the service must do ("Members asked for clarification
# on … the numbers of people who required one-to-one support", "Mr Smith CC indicated that the Cabinet had concerns").
MINUTES_RE = regex(r"^\W*(?:(?:the\s+)?(?:members?|councillors?|cllrs?\.?|the\s+(?:committee|cabinet|board|panel|commission))"
                    r"|(?:mr|mrs|ms|miss|dr|cllr)\.?\s+(?:[A-Z]\.?\s+)?[A-Z][\w'-]+(?:\s+(?:CC|MP|MSP|AM|MS))?)\s+"
                    r"(?:also\s+)?(?:asked|queried|raised|indicated|expressed|questioned|requested|commented|welcomed|suggested|"
                    r"sought|highlighted|emphasi[sz]ed|reported|stated|explained|confirmed)\b", re.I)


# Strong marks of a report: a past-tense account with its figure ("supported 26,109 people") or a
# figure for a past period ("In 2023/24, …", "of the total"). They outweigh a target word, since
# reports quote targets ("…which was 90% of the target").
# A share told as large or small, no figure: "A significant proportion of children on the waiting list are waiting less
# than three months to be seen", "A large number of respite beds are regularly used for emergencies" (its "to be seen"
# is the wait's, not a standard: one set has a modal or a target word of its own).
_VAGUE_SHARE_RE = regex(r"^\W*(?:a|the)\s+(?:significant|large|small|growing|high|substantial|considerable|sizeable|great|vast)\s+"
                        r"(?:proportion|number|share|percentage|majority|minority)\s+of\b"
                        r"(?![^.;]{0,160}?\b(?:must|shall|should|will|need\s+to|has\s+to|have\s+to|targets?|aims?|goals?)\b)", re.I)
_STRONG_REPORT_RES = (
    # Work done so far, dated from a point gone by: "It has already worked with around 40 young people since August".
    regex(r"\b(?:has|have)\s+already\s+(?:worked\s+with|supported|helped|seen|reached|served|engaged|placed|trained|delivered)\b"
          r"[^.;]{0,80}?\bsince\b", re.I),
    # A count told as about so many, then what they get or do now: "Over 40,000 people receive care from members of the
    # two associations", "Around 300 children use the centre" (a level to reach is exact, or at least so many).
    # (or as a span, after a linking phrase: "In addition, between 2,000 and 2,500 persons avail of day respite"; or of
    # people named by where they live: "About 9,000 Tasmanians use the service")
    regex(r"^\W*(?:(?:in\s+addition|also|currently|at\s+present|each\s+year|annually)\s*,?\s+)?(?:(?:over|around|about|approximately"
          r"|circa|nearly|almost|more\s+than|some|roughly|upwards\s+of|an\s+estimated)\s+\d[\d,.]*|between\s+\d[\d,.]*\s+and\s+\d[\d,.]*)"
          r"(?:\s+million)?\s+(?:[\w-]+\s+){0,2}?(?:people|persons|adults|children|families|residents|clients|patients|users|households"
          r"|carers|pupils|students|tenants|participants|youth|youths|young\s+people|offenders|(?-i:[A-Z][a-z]{2,}(?:ans|ese)))\s+(?:currently\s+|now\s+|each\s+year\s+"
          r"|(?:per|a|each)\s+(?:year|month|week)\s+)?(?:receive|use|get|live|rely|attend|access|are|have|need|depend|benefit|wait"
          r"|participate|take\s+part|avail\s+of)\b", re.I),
    # What a buyer set out to buy, told after the event: "NHS Norfolk sought to commission 6 beds in a care home" (the
    # notice's account of its aim; the terms are set elsewhere).
    regex(r"\b(?:sought|had\s+sought|wished|had\s+wished)\s+to\s+(?:commission|procure|purchase|buy|secure|contract\s+for)\b", re.I),
    # A rough share of a group, told in the past: "some 92% of care leavers aged 19 were in contact with the Trusts" (a
    # level set is exact, or at least so much; "were" tells what was found).
    regex(r"^\W*(?:over|around|about|approximately|circa|nearly|almost|more\s+than|some|roughly|an\s+estimated)\s+\d{1,3}(?:\.\d+)?\s*"
          r"(?:%|per\s?cent)\s+of\s+(?:[\w-]+\s+){1,6}?(?:were|was|had|lived|received|used|attended|reported|said)\b", re.I),
    # What a change has allowed, told with its result: "This has allowed Lifeline to increase its capacity and for the first
    # time 500,000 calls were able to be answered in a 12 month period".
    # (or what it has paid for, told as the service given: "This has enabled the provision of services to approximately
    # 2,000 people")
    regex(r"\b(?:has|have|had)\s+(?:allowed|enabled)\b[^.;]{0,120}?\b(?:were|was)\b|\bfor\s+the\s+first\s+time\b[^.;]{0,80}?"
          r"\b(?:were|was|had\s+been|have\s+been|has\s+been)\b"
          r"|^\W*(?:this|these|it|that|which|the\s+(?:funding|grant|programme|program|investment|contract)s?)\s+(?:has|have|had)\s+"
          r"(?:already\s+)?(?:enabled|allowed|funded|paid\s+for|made\s+possible)\s+(?:the\s+)?(?:provision|delivery|funding|purchase)\s+of\b", re.I),
    # History dated from a year, told in the perfect: "Since 2018, Ontario has invested over $26.5 million to add 153 new
    # hospice beds" (no modal verb reaches here: "Since 2018 the service must …" still sets something).
    regex(r"^\W*since\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+)?(?:19|20)\d\d\b[^.;]{0,80}?"
          r"\b(?:has|have)\s+(?:\w+\s+)?\w+(?:ed|en|t)\b", re.I),
    # Places or beds that a building replaced or added, or that exist already, told: "The residence, which replaced the 25
    # youth justice beds …, added 15 beds to the national capacity", "Places already exist on schemes for 1,250 young
    # people"; and what a figure leaves out: "This is exclusive of the approximately 150 palliative care support beds".
    regex(r"\b(?:replaced|added|opened|created|built)\s+(?:the\s+|an?\s+|another\s+)?(?:(?:further|additional|extra|new)\s+)?\d[\d,]*"
          r"\s+(?:[\w-]+\s+){0,4}?(?:beds|places|spaces|units)\b|\b(?:already\s+exists?|exists?\s+already)\b"
          r"|^\W*(?:this|these|that|the\s+figure|the\s+total)\s+(?:is|are|was|were)\s+(?:exclusive|inclusive)\s+of\b", re.I),
    # What was being done, told in the past: "on transfer LC were providing a total of 920 hours of specialist service per
    # month" (its "per month" is the account's, not a level set).
    regex(r"\b(?:was|were)\s+(?:(?:already|then|still|only)\s+)?(?:providing|delivering|supporting|receiving|running|commissioning"
          r"|purchasing|buying|funding|using|paying|spending|employing|operating)\b", re.I),
    # Results told with how steadily they came, in a year gone by: "911 consistently answered at least 90 percent of calls
    # within 10 seconds for each quarter of 2017" (its "at least" is the result's, not a level set).
    regex(r"\b(?:consistently|successfully)\s+(?:answered|achieved|met|exceeded|delivered|responded\s+to|handled|completed|reached)\b"
          r"(?=[^.;]{0,120}?\b(?:in|of|during|for)\s+(?:(?:each|every)\s+quarter\s+of\s+|the\s+year\s+)?(?:19|20)\d\d\b)", re.I),
    # A fill or take-up level told as it stands, or its change: "Voucher utilization is 80%", "enrolment stood at 91 per
    # cent", "PBV utilization: +1%" (set as a level, it has a target word or a modal verb and never reaches here).
    regex(r"^(?![\s\S]*\b(?:minimum|maximum|targets?|at\s+least|no\s+(?:less|fewer)|goals?|standards?|thresholds?|expected|required"
          r"|aims?)\b)[\s\S]*?(?:\b(?:utili[sz]ation|occupancy|enrol(?:l)?ment|uptake|take-?up|coverage)\s+(?:rates?\s+|levels?\s+)?(?:is|was|were|are"
          r"|stands?\s+at|stood\s+at|remains?\s+at|remained\s+at|reached)\s+(?:currently\s+|now\s+)?(?:at\s+)?(?:over\s+|around\s+"
          r"|about\s+|approximately\s+|circa\s+|nearly\s+|almost\s+)?\d{1,3}(?:\.\d+)?\s*(?:%|per\s?cent)"
          r"|\b(?:utili[sz]ation|occupancy|enrol(?:l)?ment)\s*:\s*(?:\+/-|\+|-|−)\s?\d{1,3}(?:\.\d+)?\s*%)", re.I),
    regex(r"\b(?:supported|received|delivered|reached|served|serviced|distributed|saw|assisted|helped|engaged|attended|completed"
               r"|responded\s+to|answered|handled|fielded|logged|(?:have|has)\s+seen|dealt\s+with"
               r"|accessed|recorded|constituted|accounted\s+for|represented|made(?:\s+up(?:\s+(?:just|only))?)?|had|provided|placed|housed)"
               r"\s+(?:over\s+|around\s+|about\s+|approximately\s+|circa\s+|almost\s+|nearly\s+|more\s+than\s+|some\s+)?[£$€]?\d",
               re.I),
    # Published figures told by what they show, a period told by what it saw, a market's share told, and a commitment told
    # as met: "The newly released figures from November 2023 indicate that England has a total capacity of 11,231 virtual
    # ward beds", "November saw England average a 70.2 percent occupancy rate", "The twelve providers with the most business
    # account for over 70% of the hours commissioned", "We have met our commitment for an additional 70,000 children".
    regex(r"\b(?:figures|data|statistics|numbers)\b[^.;]{0,60}?\b(?:show|showed|shows|indicate|indicated|indicates|reveal|revealed"
          r"|reveals|suggest|suggested|suggests)\s+that\b"
          r"|\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:19|20)\d\d(?:[/-]\d\d)?|last\s+(?:year|month|quarter))"
          r"\s+saw\b"
          r"|\baccount(?:s|ed)?\s+for\s+(?:over\s+|around\s+|about\s+|nearly\s+|almost\s+|more\s+than\s+|some\s+|just\s+(?:over|under)\s+)?"
          # (not a scheme's weight on a payment: "Recording of smoking status accounts for 7% of the performance payment")
          r"\d{1,3}(?:\.\d+)?\s*(?:%|per\s?cent)\s+of\b(?!\s+(?:the\s+|an?\s+|its\s+|their\s+)?(?:[\w’'-]+\s+){0,2}?"
          r"(?:performance|incentive|achievement|bonus)\s+(?:payments?|funding|pool)\b)"
          r"|\b(?:have|has|had)\s+(?:now\s+|already\s+)?(?:met|exceeded|achieved|delivered\s+on|fulfilled)\s+(?:our|its|their|the|this)"
          r"\s+(?:[\w-]+\s+)?(?:commitments?|targets?|pledges?|ambitions?|goals?)\b", re.I),
    # A survey's answers: "Nearly half reported working on over 30 cases", "staff reported caseloads exceeding 70" (what
    # respondents said of their work, not a level set for it).
    regex(r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bis\s)(?<!\bare\s)\b(?:reported|said|indicated|stated)\s+(?:working\s+(?:on|with)|having"
          r"|carrying|managing|holding|handling|caseloads?)\b(?=[^.;]{0,80}?\d)", re.I),
    # A change made, told in the past by who made it: "agencies reduced their average per diem costs and the number of
    # children entering into care" (with a modal verb it would set a change, and never reaches here).
    regex(r"\b(?:reduced|lowered|decreased|increased|raised|halved|doubled)\s+(?:their|its|our)\s+(?:[\w-]+\s+){0,4}?"
          r"(?:costs?|spending|numbers?|rates?|use|admissions|caseloads?)\b", re.I),
    # A count's change told as what has happened: "the number of service users entering care homes has dropped".
    regex(r"\b(?:number|numbers|total|proportion|percentage)\s+of\s+[^.;]{1,100}?\s(?:has|have)\s+(?:dropped|fallen|risen|increased"
          r"|decreased|reduced|gone\s+(?:up|down)|doubled|halved|grown|declined)\b", re.I),
    # A target of past years told as history: "The performance indicator for the years 2003-04 to 2005-06 was to ensure
    # that 80 per cent of ...".
    regex(r"\b(?:indicators?|targets?|aims?|standards?|goals?|measures?)\s+for\s+(?:the\s+)?(?:years?|period)\s+(?:19|20)\d\d"
          r"[^.;]{0,40}?\s(?:was|were)\s+(?:to|that)\b", re.I),
    # A list of what was done, each item opening on its verb in the past: "2. Provided financial support to 2,879 needy
    # households …", "Trained 140 volunteers in first aid" (a report of a period's work; an item with a modal verb still
    # sets, and so does one that still names a number to reach: "Launched a cash transfer programme, targeting 21,000
    # households by end of February").
    regex(r"^[^\w]*(?:\d{1,2}[.)]\s*|[a-z][.)]\s+)?(?:provided|delivered|supported|served|reached|distributed|assisted|trained"
          r"|conducted|disbursed|launched|hosted|helped|housed)\s+(?!by\b|for\b|to\b|in\b|that\b|as\b|under\b|through\b|with\b|within\b"
          r"|living\b|accommodation\b|housing\b|employment\b|lodgings?\b|internships?\b|meals?\b|services?\b)"
          r"(?=[^.;]{0,120}?\d)(?![^.;]{0,200}?\b(?:target(?:s|ing|ed)?|aim(?:s|ing)?\s+to|will|to\s+reach)\b)", re.I),
    # A count of people opening the clause, then what they did or got, in the past: "10,500 clients received a visit of
    # 15 minutes or less", "Around 300 young people attended the summer scheme"; also as someone said it ("Cox said 622
    # people received some form of general assistance").
    # (Also past an aside about them: "Almost 70% of all Amber calls, which are serious, but not life-threatening, received …".)
    # (not a sum of money opening a fee line: "• $20 for each delivery attended" is a fee schedule's line)
    regex(r"^[^\w$£€]*(?:(?:[A-Z][\w.'’-]+\s+){1,3}(?:said|says|told\s+\w+|reported|noted|added)\s+(?:that\s+)?)?"
          r"(?:over\s+|around\s+|about\s+|approximately\s+|circa\s+|almost\s+|nearly\s+|more\s+than\s+|some\s+)?\d[\d,]*(?:\.\d+)?%?\s+"
          r"(?:of\s+)?(?:[\w'’-]+\s+){0,4}?(?:[\w'’-]+\s*,\s*(?:which|who|that)\b[^.;]{1,100}?,\s+)?"
          r"(?:received|attended|accessed|used|waited|got|started|left|lived|died|took\s+part|had)\b", re.I),
    # Scope for more, told as an opinion: "staff say there is scope to continue driving up the number of patients who
    # benefit", "feedback … that there is more scope to increase the number of referrals".
    regex(r"\bthere\s+is\s+(?:more\s+|further\s+|still\s+|real\s+)?scope\s+to\s+(?:continue\s+)?(?:increas|driv|grow|boost|expand|rais)\w*", re.I),
    # A statistics table's title over past years: "Table 18 Timescales for starting community payback order work
    # placement: 2014-15 to 2018-19".
    regex(r"^\W*(?:table|figure|chart)\s+\d{1,3}[a-z]?\b[^\n]{0,160}?\b(?:19|20)\d\d(?:\s*[-‑–/]\s*\d\d)?\s+(?:to|-|–)\s+(?:19|20)\d\d", re.I),
    # A statistic's caveat: "estimates of the proportion of cases processed within target times could change".
    regex(r"\bestimates\s+of\s+the\s+(?:number|proportion|percentage|share)\s+of\b[^.;]{1,120}?\b(?:could|may|might)\s+(?:change|be\s+revised)", re.I),
    # Someone's words, quoted whole: "\u201cIt is fantastic we are able to continue expanding the Childcare Offer …\u201d".
    regex(r"^\s*[\"\u201c](?=[^\"\u201c\u201d]*\b(?:we|I|our|us)\b)[^\"\u201c\u201d]{20,}[\"\u201d]\s*$"),
    # ... or with the speaker named after it: "\u201cIt is encouraging to see an increase in the numbers of smokers accessing
    # services,\u201d Mr Gething said."
    regex(r"^\s*[\"\u201c][^\"\u201c\u201d]{20,}[\"\u201d]\s*,?\s*(?:(?:Mr|Mrs|Ms|Miss|Dr|Professor|Cllr|Councillor)\.?\s+)?"
          r"(?:[A-Z][\w\u2019'-]+\s+){0,3}?(?:he|she|they|[A-Z][\w\u2019'-]+)\s+(?:said|says|added|explained)\.?\s*$"),
    # A count out of a whole, told as what happened: "Out of 258 'red' calls with an on-scene response, 202 arrived within the
    # standard time".
    regex(r"^\W*out\s+of\s+(?:the\s+)?(?:over\s+|around\s+|about\s+)?\d[\d,]*\b[^.;]{0,100}?,\s*(?:only\s+|just\s+)?\d[\d,]*\s+"
          r"(?:were|was|arrived|had|received|got|met|did)\b", re.I),
    # A count's level told as it was: "the number of outreach sessions available reflected the staff capacity".
    regex(r"^\W*the\s+(?:number|total|proportion|percentage)\s+of\s+[^.;]{1,80}?\s(?:reflected|remained|matched|mirrored)\b", re.I),
    # Progress told as what is so already: "Already 65 per cent of patients are seen within 48 hours" (a target's
    # progress, not the target; "will" or "must" in the clause sets one, caught before this).
    regex(r"^\W*already\s+(?:over\s+|more\s+than\s+|some\s+|nearly\s+|almost\s+|around\s+|about\s+)?\d", re.I),
    # A programme announced, told as news: "the Treasury confirmed a 'new £2 billion programme' to support 1 million people".
    regex(r"\b(?:confirmed|announced|unveiled)\s+(?:a|an|the)\s+[‘'\"“]?new\b", re.I),
    # A count told as it stands: "The current number of adults using the service is 212".
    regex(r"^\W*(?:the\s+)?current\s+(?:number|total|count|figure)\s+of\b[^.;]{0,120}?\b(?:is|was|stands\s+at)\s+"
          r"(?:around\s+|about\s+|approximately\s+)?\d", re.I),
    # A share that has moved, told as news: "the situation has moved from 55% of emergency calls being responded to within
    # eight minutes to 68%" (a target raised or cut, "have increased from 9,000 to 13,000", is not this).
    regex(r"\b(?:has|have|had)\s+(?:moved|risen|fallen|improved|climbed|dropped)\s+from\s+\d{1,3}(?:\.\d+)?\s*(?:%|per\s?cent)", re.I),
    # What was done in a year gone by, told with its change on the year before: "The Agency conducted 1,743 site audits … -
    # an increase of 12.6% in the total number of audits compared with 2004-05" (a plan's "achieve an increase of 10%
    # compared with 2024" has its verb in the imperative, caught before this).
    regex(r"^(?=[\s\S]{0,600}?\b(?:conducted|was|were|had|recorded|saw|undertook|made|completed|delivered|provided|received|handled)\b)"
          r"[\s\S]{0,600}?\b(?:an?\s+)?(?:increase|decrease|rise|fall|growth|reduction|drop)\s+of\s+\d[\d.]*\s*(?:%|per\s?cent)"
          r"[^.;]{0,100}?\bcompared\s+(?:with|to)\s+(?:the\s+(?:previous|prior)\s+year|last\s+year|(?:19|20)\d\d)", re.I),
    # Progress told against a target as it stands now: "The majority of online applications are currently being
    # processed within 5 working days, well ahead of target".
    regex(r"\b(?:well|comfortably|slightly|just|far)\s+(?:ahead\s+of|behind|above|below)\s+(?:the\s+|its\s+|our\s+)?targets?\b"
          r"|\b(?:is|are)\s+currently\s+being\s+[a-z]+ed\b", re.I),
    # A share told with the counts it was worked out from, at the head of its line: "1. 87% (2676 of 3089) closed within
    # 3 months", "8% (7) would not be met" (a target sets a share; the cases counted are a result).
    regex(r"^\W*(?:\d{1,2}[.)]\s*)?\d{1,3}(?:\.\d+)?\s*%\s*\(\s*[\d,]+(?:\s+(?:of|out\s+of)\s+[\d,]+)?\s*\)", re.I),
    # A figure told as what something averages: "The bookmobile averages 470 transactions per week", "Recovery rates have
    # averaged 45 per cent" (a target says what it must average).
    regex(r"\b(?:averages|averaged)\s+(?:about\s+|around\s+|approximately\s+|circa\s+|over\s+|more\s+than\s+|nearly\s+)?\d", re.I),
    # An average price or cost told as it stands: "the average payment to private residential care companies is €5,535 per
    # child per bed per week" (a rate set for providers has no "average … is" of its own; with a modal it is set, caught
    # before this).
    regex(r"\b(?:the\s+)?average\s+(?:weekly\s+|hourly\s+|daily\s+|annual\s+|unit\s+|gross\s+|net\s+)?(?:payment|cost|price|fee|charge"
          r"|spend|rate\s+paid)\b[^.;]{0,140}?\b(?:is|was|are|were|stands\s+at|stood\s+at)\s+(?:around\s+|about\s+|approximately\s+)?"
          r"[£$€]\s?\d", re.I),
    # An average size or length told as it stands: "The average size of care package is 15 hours per week", "the average
    # length of stay was 42 days" (a target says what it must or should be, caught before this).
    regex(r"^\W*(?:the\s+)?average\s+(?:size|length|number|duration|amount)\s+of\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:is|was|are|were)"
          r"\s+(?:around\s+|about\s+|approximately\s+|circa\s+|over\s+|just\s+over\s+|nearly\s+)?\d", re.I),
    # A reply passing on what a body said: "Tusla has informed me that …".
    regex(r"\b(?:has|have|had)\s+(?:informed|advised|told)\s+(?:me|us)\s+that\b", re.I),
    # A speaker's account of what was done before, in the past perfect: "the Minister said over the past few years, the State
    # Government had made significant investment to increase the number of crisis beds" (history, not a number to reach).
    regex(r"\b(?:said|stated|noted|explained|added|told\s+\w+)\b(?:\s+that)?[^.;]{0,120}?\bhad\s+(?:already\s+)?(?:made|invested"
          r"|provided|funded|delivered|increased|expanded|opened|doubled|committed|spent|allocated|added|created|built|secured)\b", re.I),
    # What a programme does now, told with "currently" and a figure: "The Alternative Care of the Elderly Programme, that
    # currently accommodates 232 persons in nursing homes …, is costing taxpayers $6.3 million per year".
    regex(r"\bcurrently\s+(?:accommodates|supports|serves|houses|cares\s+for|looks\s+after|provides|delivers|funds|reaches|employs"
          r"|has|holds|runs|operates|covers|caters\s+for|places|helps|sees|visits|treats)\s+(?:around\s+|about\s+|approximately\s+"
          r"|some\s+|over\s+|more\s+than\s+|nearly\s+|almost\s+|up\s+to\s+)?\d", re.I),
    # Someone's words passed on ("According to Minister Inniss: "This has helped …"), and a breakdown of a total told as it
    # stands ("Of the 25,387 open cases, 77% (19,667) had an allocated social worker and 5,720 were waiting …").
    regex(r"^\W*according\s+to\b", re.I),
    regex(r"^\W*of\s+(?:the|these|those|all)\s+(?:[\w-]+\s+){0,2}?\d[\d,.]*\s+(?:[\w'-]+\s+){0,4}?[\w'-]+\s*,\s+[^.;]{0,120}?"
          r"\b(?:had|were|was|have|are|is|has)\b", re.I),
    # A press release's wire dateline ("CALGARY, ALBERTA--(Marketwire - Sept. 2, 2010) - During the first quarter …, nearly
    # 350 people receiving …"): news of what happened (a modal verb in it still sets).
    regex(r"^[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][A-Za-z .'-]{1,30})?\s*[-–—]{1,2}\s*\(\s*(?:Marketwire|Market\s+Wire|Business\s+Wire|PR\s?Newswire|CNW|"
          r"GLOBE\s+NEWSWIRE|Canada\s+NewsWire|ACCESSWIRE|EIN\s+Presswire|PRWeb)\b"),
    # A meeting's minutes passing on what a report or an officer said, in the past: "The report stated that the Home First
    # service had a capacity of 150 referrals per week" (a modal in it, "stated that providers must …", is caught before this).
    regex(r"^\W*(?:the\s+)?(?:report|paper|update|briefing|presentation|review|officer|director|manager|head\s+of\s+[\w\s]{1,30}?|committee|members?)"
          r"\s+(?:stated|noted|said|explained|reported|highlighted|confirmed|advised|informed\s+members)\s+that\b[^.;]{0,200}?\b(?:had|was|were)\b", re.I),
    # An annual report's result line opening on what was achieved: "Achieved average monthly vacancy rate of 5.1% for
    # Defence-owned off-base houses" (a plan's "Achieve a rate of …" is an instruction, caught before this).
    regex(r"^\W*achieved\s+(?:an?\s+|the\s+)?(?:average\s+)?(?:(?:daily|weekly|monthly|quarterly|annual|overall)\s+)?(?:average\s+)?"
          r"(?:[\w-]+\s+){0,3}?(?:rate|level|score|figure|share)\s+(?:for\s+[^.;]{1,60}?\s+)?of\s+\d", re.I),
    # What a service can take, told as it is: "The service has the capacity to support up to 25 residents" (a provider told
    # it "must have the capacity to …" is set a requirement, caught before this).
    regex(r"\b(?:has|have)\s+(?:the\s+)?capacity\s+(?:to\s+(?:support|serve|accommodate|house|take|see|work\s+with)|for)\s+"
          r"(?:up\s+to\s+|around\s+|about\s+)?\d", re.I),
    # A chart's account of itself: "The chart to the right shows the "success rate" for weekly pick-ups".
    regex(r"^\W*(?:the|this|each)\s+(?:chart|graph|figure|map|dashboard)\s+(?:(?:to|on)\s+the\s+(?:right|left)\s+|above\s+|below\s+)?"
          r"(?:shows|displays|illustrates|presents|depicts)\b", re.I),
    # A record broken: "the highest proportion answered since May 2022".
    regex(r"\bthe\s+(?:highest|lowest|best|worst)\s+(?:[\w-]+\s+){0,3}?since\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+)?"
          r"(?:19|20)\d\d\b", re.I),
    # What an organisation is doing now, with a round count: "Carers Trust Wales, who are working with over 30 local
    # carers groups" ("will be working with" is a plan, caught before this).
    regex(r"\b(?:is|are)\s+(?:currently\s+|now\s+)?working\s+with\s+(?:over\s+|around\s+|about\s+|more\s+than\s+|some\s+|nearly\s+)?\d", re.I),
    # A figure set beside an average, as a statistic is: "4.2% of adults receive direct payments, slightly below the
    # national average" (with a modal or a target word it is a level to reach, caught before this).
    regex(r"\b(?:(?:slightly|well|just|far|significantly|considerably|much)\s+)?(?:below|above|higher\s+than|lower\s+than)"
          r"\s+the\s+(?:[\w-]+\s+){0,2}?(?:average|mean|median)\b", re.I),
    # What the money bought, told as a result: "the new service cost £90,000 and resulted in 400 people receiving support".
    regex(r"\b(?:cost|spent)\s+[£$€]\d[\d,.]*\s*(?:k|m|bn|million)?\s+and\b", re.I),
    # An audit's or a report's finding: "the dispatch reports indicated an on-time pickup rate of 99%".
    regex(r"\b(?:indicated|showed|revealed|demonstrated)\s+(?:that\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?(?:rate|share|level|figure|percentage|proportion)\s+of\s+\d", re.I),
    # A change told as what caused it: "the move to telehealth led to a decrease in the number of individuals served".
    regex(r"\b(?:led|contributed)\s+to\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:decrease|increase|reduction|rise|fall|drop|decline|growth)\s+in\b", re.I),
    regex(r"\bresulted\s+in\s+(?:over\s+|around\s+|about\s+|approximately\s+|circa\s+|almost\s+|nearly\s+|more\s+than\s+|some\s+)?\d", re.I),
    # What a named organisation has, told as it is: "Little Hands Sure Start has 3 programmes", "Riverside Housing
    # runs 12 schemes across the county" (no modal: with one it is a requirement).
    regex(r"^\W*(?:the\s+)?[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|of|for|and))*\s+[A-Z][\w'’&-]*\s+(?:currently\s+)?(?:has|have|runs|operates|manages)\s+"
          r"(?:over\s+|around\s+|about\s+|approximately\s+|circa\s+|some\s+)?(?:\d{1,4}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w-]+\s+){0,2}?"
          r"(?:programmes?|programs?|centres?|centers?|sites?|services?|beds?|schemes?|projects?|teams?|branches?|clinics?|groups?|hubs?|units?)\b"),
    # Today's figures quoted as a statistic: "Current data (May 2026) shows that 410 people are supported with 3,900
    # hours of care a week", "the latest figures indicate".
    regex(r"\b(?:current|latest|recent|existing|present)\s+(?:activity\s+)?(?:data|figures|statistics|information|activity)\b"
          r"(?:\s*\([^()]{1,30}\))?\s+(?:indicates?|shows?|suggests?|tells?\s+us)\b", re.I),
    # What a body keeps count of, told as its practice, not a level to reach: "We monitor the number of repairs fixed first
    # time, resident satisfaction and call volumes", "We record how many complaints are responded to within 10 days".
    regex(r"^\W*(?:we|the\s+(?:council|service|team|landlord))\s+(?:monitor|record|track|measure|count|collect\s+data\s+on)\s+"
          r"(?:the\s+(?:number|percentage|proportion)\s+of|how\s+many)\b", re.I),
    # What a report's figures are about, told of the data: "Most of the data relates to the number of individual children
    # seen", "These figures refer to the number of households assisted".
    regex(r"\b(?:data|figures|statistics|numbers|information|returns?)\s+(?:in\s+this\s+\w+\s+|above\s+|below\s+|here\s+)?"
          r"(?:relates?|refers?|relating|referring)\s+to\s+(?:the\s+)?(?:number|count|total|volume)\s+of\b", re.I),
    # How a measure is worked out, not a target: "These measures are calculated based on the number of people enrolled".
    regex(r"\b(?:these|this|the|each|both)\s+(?:[\w-]+\s+)?(?:measures?|indicators?|rates?|figures?|scores?|percentages?)\s+(?:is|are)\s+"
          r"(?:calculated|computed|derived|worked\s+out)\s+(?:based\s+on|from|using|by|as)\b", re.I),
    # What a measure covers, told of the measure as a clause opens: "This measure includes the number of public users
    # benefiting from new projects …", "The indicator looks at the share of …" (a definition, not a target).
    regex(r"^\W*(?:this|the|each|both)\s+(?:[\w-]+\s+)?(?:measures?|indicators?|metrics?)\s+(?:includes?|looks\s+at|counts"
          r"|tracks|covers|captures|reflects|reports\s+on|is\s+made\s+up\s+of|consists\s+of)\b", re.I),
    regex(r"\b(?:in|during|over|for)\s+(?:the\s+)?(?:(?:first|last|past)\s+\w+\s+(?:months?|years?|quarters?)\s+of\s+"
          r"|(?:first|second|third|fourth|final|last)\s+(?:quarter|half|month)\s+of\s+)?"
               r"(?:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
               r"|nov(?:ember)?|dec(?:ember)?)\.?\s+)?"
               r"(?:19|20)\d\d(?:\s*[/–-]\s*\d{2,4})?\b|\blast\s+(?:year|month|quarter)\b|\bof\s+the\s+total\b"
               r"|\b(?:in|during|over|for)\s+the\s+(?:year|quarter|month|period|twelve\s+months|12\s+months)\s+(?:ending|ended|to)\s+"
               r"(?:\d{1,2}\s+)?(?:[a-z]+\.?\s+)?(?:19|20)\d\d\b", re.I),
    # A reply telling what a question asked: "has asked me to reply to your recent Parliamentary Question asking if he will
    # list all the offices … and the number of persons receiving benefit" (its "will" is the question's).
    regex(r"\basked\s+me\s+to\s+reply\b|\b(?:parliamentary\s+)?question\s+asking\s+(?:if|whether)\b", re.I),
    # Hours or cases that have come up, told as they stand: "250,000 hours have arisen to respond to home support needs".
    regex(r"\b(?:has|have|had)\s+(?:arisen|emerged|accrued|built\s+up)\b", re.I),
    # What someone reported or found, with its figure: "the projects reported that 6,600 young people started", "six have
    # confirmed that a total of 4376 unpaid carers have received short breaks".
    regex(r"\b(?:reported|found|showed|confirmed|indicated|recorded|noted)\s+that\s+(?:a\s+total\s+of\s+|in\s+total\s+)?(?:over\s+|around\s+|about\s+"
          r"|approximately\s+|circa\s+|almost\s+|nearly\s+|more\s+than\s+|some\s+|only\s+)?[£$€]?\d", re.I),
    # Published data with its figure: "National data on the number of young people treated shows that over 73% of patients
    # started treatment within one week" (with a modal it sets something, caught before this).
    # (Also with no "that": "new statistics released earlier today show 84.1 per cent of young people start CAMHS …".)
    regex(r"\b(?:data|figures|statistics|returns|results)\b[^.;]{0,100}?\b(?:shows?|showed|indicates?|indicated|suggests?|suggested)"
          r"\s+(?:that\s+)?(?:over\s+|around\s+|about\s+|approximately\s+|circa\s+|almost\s+|nearly\s+|more\s+than\s+|some\s+|only\s+"
          r"|just\s+(?:over|under)\s+)?[£$€]?\d", re.I),
    # A quarter of a named year: "in Quarter 1 2017-18", "during Q3 2023/24".
    regex(r"\b(?:in|during|for)\s+(?:quarter|qtr|q)\s*[1-4]\s+(?:of\s+)?(?:19|20)\d\d\b", re.I),
    # A year named as a financial, school or programme year: "In financial year 2018/19 the projects …".
    # (Not "for": "a performance goal for calendar year 2010" names the year a target is for.)
    regex(r"\b(?:in|during)\s+(?:the\s+)?(?:financial|fiscal|calendar|contract|program(?:me)?|school|academic|grant)"
          r"\s+year\s+(?:19|20)\d\d(?:\s*[/–-]\s*\d{2,4})?\b", re.I),
    # A comparison only a report makes: "reported the highest proportion of urgent tests".
    regex(r"\b(?:reported|recorded|achieved|posted|had)\s+the\s+(?:highest|lowest|best|worst|largest|smallest)\b", re.I),
    # A rounded count of people served today, opening the clause: "Some 30,000 people receive home care from
    # these agencies". Said with a modal ("About 300 people will receive") it is a target, caught before this.
    regex(r"^\W*(?:some|about|around|approximately|circa|roughly|nearly|almost|an\s+estimated)\s+\d[\d,.]*\s*(?:million|thousand)?"
          r"\s+(?:[\w-]+\s+){0,3}?(?:people|adults|children|families|households|residents|clients|patients|users|carers)"
          r"\s+(?:receive|use|get|access|rely\s+on|live|are|have)\b", re.I),
    # A funder's account of what it pays for now, in round figures: "The department funds about 40 charities to run
    # some 70 programmes". Said with a modal ("will fund around 12 places") it is a plan, caught before this.
    # Also what a buyer or a service buys or serves now: "It commissions around 2 million hours of home care per year",
    # "The City receives more than 170,000 service request calls a year".
    regex(r"\b(?:funds|finances|resources|grant-aids|commissions|purchases|buys|spends|employs|serves|supports|handles|receives"
          r"|answers|processes|fields|treats|houses|sees|visits|delivers|provides|issues|inspects|registers)\s+"
          r"(?:about|around|approximately|circa|roughly|some|over|nearly|almost|more\s+than|an\s+estimated)\s+[£$€]?\d", re.I),
    # A quarter named by its months is a reporting period: "In the July-September quarter 85% of calls were …".
    regex(r"\b(?:in|during|over|for)\s+the\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*[-–/]\s*"
          r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+quarter\b", re.I),
    # A form's cell of last year's figures: "Prior Year Results: 45 families served", "Last year's outcomes".
    regex(r"(?:\b(?:previous|prior|last|past)\s+(?:program(?:me)?\s+|fiscal\s+|financial\s+|contract\s+|grant\s+)?years?(?:'s|’s)?"
          r"|\bFY\s?(?:19|20)?\d\d(?:\s*[/–-]\s*\d{2,4})?)"
          r"\s+(?:program(?:me)?\s+|actual\s+)?(?:results?|outcomes?|performance|actuals?|accomplishments?|achievements?)\b"
          r"(?=[^\d\n]{0,40}\d)", re.I),  # with its figure; alone, the label is a heading over the figure
    # A published statistic opening on its base count, then what a share of it did: "Of the 1,204 referrals completed
    # this quarter, 91% involved a wait of two weeks or less", "Of the 96 visits made, 70 lasted an hour", "o Of the 812
    # referrals received, only 406 attended" (a flattened bullet's "o" before it).
    regex(r"^\W*(?:o\s+)?of\s+(?:the|these|those|all)\s+(?:total\s+of\s+)?\d[\d,.]*\s+[^.;:]{3,160}?,\s*(?:only\s+)?(?:(?:about|around|almost|nearly"
          r"|over|some|just\s+over|just\s+under|more\s+than|less\s+than)\s+)?(?:\d[\d,.]*\s*(?:%|per\s?cent)?|all|most|half|a\s+third"
          r"|a\s+quarter|two[-\s]thirds|three[-\s]quarters)\s+(?:of\s+(?:them|these|those)\s+)?"
          r"(?:\w+ed|took|led|had|were|was|saw|went|began|left|got|made|spent|found|said|felt|met|kept|did|fell|rose|grew|came)\b", re.I),
    # A count for a span of past dates: "Between September 2014 and March 2017, 470 students completed their training".
    regex(r"\bbetween\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?(?:19|20)\d\d\s+and\s+"
          r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?(?:19|20)\d\d\b", re.I),
    # What took place, counted: "likely to undercount the number of contacts which took place".
    regex(r"\b(?:number|total|count)\s+of\s+[^.;]{1,60}?\b(?:which|that)\s+(?:took\s+place|happened|occurred)\b", re.I),
    MINUTES_RE,
    # A figure told as what something comes to: "In all this comes to an average of 12,500 weekly hours of support for
    # 1,900 clients" (a level to reach is set by a modal verb or a target word, read before this).
    regex(r"\b(?:this|that|which|it|these|they)\s+(?:amounts?|amounted|comes?|came|equates?|equated|adds?\s+up|added\s+up)\s+to\s+"
          r"(?:an?\s+)?(?:average|total|sum)\s+of\b", re.I),
    # What a change has already brought: "the new rota has resulted in 310 more visits being made", "led to 42 new
    # packages" (its numbers are a result, not a level set).
    regex(r"\b(?:(?:has|have|had)\s+(?:already\s+)?(?:resulted\s+in|led\s+to)|resulted\s+in)\b", re.I),
    # Need not met, told as it stands: "410 care packages not being met because of staff shortages", "unmet need of 2,300
    # weekly hours" (a duty to meet it has a modal verb, read before this).
    regex(r"\b\d[\d,]*\s+(?:[\w'’-]+\s+){0,4}?(?:(?:are|is|still)\s+)?not\s+being\s+(?:met|seen|delivered|provided|covered|filled"
          r"|picked\s+up|allocated|assessed)\b|\bunmet\s+(?:need|demand)\s+(?:of|amounting\s+to|totalling|totaling|stands\s+at|is)\b", re.I),
    # A sum worked out, not a level set: "Multiplied by 10 cases, that's over 52 hours a week", "that works out at 40 visits a
    # day" (a level to reach has a modal verb or a target word, read before this).
    regex(r"^\W*(?:multiplied|divided)\s+by\b|\b(?:that|this|which|it)(?:['’]s|\s+works\s+out\s+(?:at|to|as)|\s+comes\s+to)\s+"
          r"(?:over|about|around|nearly|almost|roughly|more\s+than|less\s+than|just\s+(?:over|under))?\s*[£$€]?\d"
          # (not a response standard told short: "For towns, it's 12 minutes, 90% of the time")
          r"(?![\d.]*" + _TIME_SHARE + r")", re.I),
    # A service described by how many it serves in a year, told roughly: "FHS provides services to more than 30,000
    # low-income clients annually", "Our programs serve over 15,000 participants each year" (not what a target is to do:
    # "has a target to help about 130 young people each year").
    regex(r"(?<!\bto\s)(?<!\bwill\s)\b(?:provides?|serves?|supports?|reaches?|helps?|sees?|assists?)\b(?:\s+[\w-]+){0,3}?\s+(?:more\s+than|over|nearly"
          r"|almost|around|about|approximately|some|upwards\s+of)\s+\d[\d,]*\s+(?:[\w-]+\s+){0,3}?(?:people|persons|clients|participants"
          r"|patients|residents|families|children|youth|young\s+people|women|mothers|individuals|households|members|students|customers"
          r"|users|callers|seniors|veterans)\s+(?:annually|each\s+year|every\s+year|a\s+year|per\s+year)\b", re.I),
    # Cases counted against a standard they missed: "there are 847 referrals in breach of the 13 week target" (a count of
    # breaches is a result; a limit on them has a modal verb, read before this).
    regex(r"\b\d[\d,]*\s+(?:[\w'’-]+\s+){0,3}?(?:(?:are|were|is|was|remain|remained)\s+)?(?:(?:currently|now|still)\s+)?(?:in\s+breach\s+of"
          r"|breaching|outside)\s+(?:the\s+|a\s+|its\s+)?(?:[\w-]+\s+){0,3}?(?:targets?|standards?|time\s+limits?)\b", re.I),
    # What the buyer buys today, told of the market: "The county council purchases 21,000 hours of home care a week
    # through block and spot contracts" (what the provider must deliver has a modal verb, read before this).
    regex(r"\b(?:council|authority|trust|board|department|county|borough|we)\s+(?:currently\s+|now\s+)?(?:purchases|buys|commissions"
          r"|funds|spends)\s+(?:around\s+|about\s+|approximately\s+|circa\s+|over\s+|some\s+|nearly\s+|more\s+than\s+)?[£$€]?\d", re.I),
    # Work taken on or done so far, counted: "Collectively, they have taken on 766 packages of care, totalling 6,659 hours",
    # "the team has delivered over 400 sessions" (a level to reach has a modal verb or a target word, read before this).
    regex(r"\b(?:has|have)\s+(?:now\s+|already\s+|collectively\s+|together\s+|so\s+far\s+)?(?:taken\s+on|picked\s+up|delivered|provided"
          r"|supported|seen|served|helped|completed|made|carried\s+out|undertaken|trained|reached|assisted|housed|placed)\s+"
          r"(?:a\s+total\s+of\s+|over\s+|more\s+than\s+|around\s+|about\s+|some\s+|nearly\s+|almost\s+)?\d", re.I),
    # A change in the past: "From April 2016 the helpline began taking council tax calls".
    regex(r"\b(?:began|started|commenced|took\s+over)\s+(?:handling|taking|answering|providing|delivering|running|managing"
          r"|processing|receiving|offering|operating)\b", re.I),
    # A news report's account: what someone said would follow if something were done ("Ms Reid said if the council funded
    # the 10 beds, 60 others would go"; not what they said a provider must do), and a bid told as asked for ("Oneroof asked
    # for $678,000 for 10 beds").
    regex(r"\b(?:said|says|told\s+(?:the\s+)?[\w-]+|explained|added|argued|warned)\s+(?:that\s+)?if\b"
          r"|\basked\s+for\s+[£$€]\s?\d", re.I),
    # What a fund or a programme did, told in the past: "This covered 94% of the hospice's costs to run 12 beds", "The challenge
    # provided partners with 50 days to review their systems against 10 interventions" (not what it must do).
    regex(r"^\W*(?:this|it|that|these|those|the\s+(?:[\w-]+\s+){0,2}?(?:challenge|funding|grants?|scheme|programme|program|pilot"
          r"|project|initiative|fund|money|investment|review|campaign|allocation|award|uplift))\s+(?:provided|covered|funded|supported"
          r"|enabled|allowed|gave|helped|paid\s+for|financed|bought)\b", re.I),
    # What is being done now, told as it goes on: "More than 1,000 meals a week are being delivered across the city" (a level
    # to keep has a modal verb or a target word, read before this).
    regex(r"\b(?:is|are)\s+(?:currently\s+|now\s+)?being\s+(?:delivered|provided|served|supplied|offered|run|distributed|given"
          r"|handed\s+out)\b", re.I),
    # What happened over a span just gone, told from the start of the sentence: "In total, over the last four years more than
    # 25,000 girls received a vaccine" (not a measure's window: "visited at least once in the past eight weeks").
    regex(r"^\W*(?:in\s+total\s*,?\s+)?(?:over|in|during|across)\s+the\s+(?:last|past|previous)\s+(?:\w+\s+)?"
          r"(?:years?|months?|decades?)\b", re.I),
)
# Weak marks: a past or present state ("was", "currently", "there are"); a target word beside them
# makes the clause a target after all ("the target was 95%").
_WEAK_REPORT_RE = regex(
    r"\b(?:was|were|(?:has|have|had)\s+(?:not\s+|never\s+)?been|currently|at\s+present|presently|to\s+date|so\s+far"
    r"|there\s+are|there\s+were)\b"
    # Something told as reported or asked for before: "The HSE has reported that 5,556 people were assessed", "Managers had
    # requested additional staffing to improve the volume of calls handled"; and a count told as small or large: "The
    # number of events each year is small".
    r"|\b(?:has|have|had)\s+reported\s+that\b|\bhad\s+(?:requested|asked\s+for|sought|proposed|planned)\b"
    r"|\b(?:number|volume|count)\s+of\s+(?:[\w-]+\s+){1,4}?(?:is|are|was|were|remains?)\s+(?:very\s+|quite\s+|relatively\s+)?"
    r"(?:small|large|low|high|modest|limited|few|significant)\b"
    # A report's highlights, listed: "Highlights include the development of 2 new holiday programmes".
    r"|^\W*(?:[\w-]+\s+){0,2}?highlights\s+(?:include|included|were|are|for\s+the\s+year)\b"
    # A snapshot on a date: "63% of clients as at end of Q4", "as at 31 March".
    r"|\bas\s+at\s+(?:the\s+)?(?:end\s+of\s+)?(?:q[1-4]\b|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)"
    # A headline figure: a share done, with no verb of its own ("96% of repairs completed on time").
    r"|^\W*\d{1,3}(?:\.\d+)?\s*%\s+of\s+[^.;|\n]{0,80}?\b(?:completed|answered|resolved|responded\s+to|dealt\s+with|repaired"
    r"|relet|re-let|visited|carried\s+out|kept)\b(?![^.;|\n]{0,40}?\b(?:within|by|in\s+under)\b)", re.I)


# A trajectory still to come: "10% in 2013/14, rising to 15% in 2014/15" sets a path, whatever the years.
# (also the interim level set on the way to a target: "95 percent … (milestone of 62 percent in 2024-25)")
_TRAJECTORY_RE = regex(r"\b(?:rising|increasing|growing|going\s+up|reducing|falling|decreasing)\s+to\s+(?:at\s+least\s+)?\d"
                       r"|\b(?:interim\s+)?milestones?\s+of\s+\d"
                       # a plan's path from one share to another, still to travel: "Increasing screening coverage from 52% in
                       # 2030 to 70% by 2033" (not "increased from …", which tells what happened)
                       r"|\b(?:increasing|raising|improving|reducing|lowering|to\s+(?:increase|raise|improve|reduce|lower))\b[^.;]{0,80}?"
                       r"\bfrom\s+\d{1,3}(?:\.\d+)?\s*%\s+(?:(?:in|at)\s+\S+\s+)?to\s+\d{1,3}(?:\.\d+)?\s*%", re.I)
# A target told as what it is, its past verbs inside it: "The aim was to ensure staff saw 90% of referrals within
# three weeks", "The standard is that 95% of people waited no more than four weeks".
# Also a year's target told in the present, its year no past period: "The Home Support target for 2017 is 2.75 million
# hours" ("the target for 2017 was …" is history, left to the marks below).
_TARGET_STATED_RE = regex(r"\b(?:aim|target|standard|goal|ambition|expectation)\s+(?:was|is|has\s+been)\s+(?:to\s+ensure\s+(?:that\s+)?|that\s+)"
                          r"|\b(?:targets?|goals?)\s+for\s+(?:(?:service|services|enrol(?:l)?ment|participation)\s+(?:in|for)\s+)?(?:(?:the\s+)?(?:financial\s+|calendar\s+)?year\s+)?(?:19|20)\d\d(?:\s*[/–-]\s*\d{2,4})?"
                          r"\s+(?:is|are|will\s+be)\s+(?:to\b|that\b|an?\s+|\d)"
                          # a target that sets its figure, whatever year it is for: "The target is 500 home visits in
                          # 2024-25", "Reference Point/Target: 1,769 registered sites in 2007-08" (not "the target of 500
                          # was met", a result)
                          r"|\btargets?\s*(?::|\bis\b|\bare\b|\bwill\s+be\b)[\s|]*(?:at\s+least\s+|a\s+minimum\s+of\s+)?\d"
                          # a target kept, its bound as a sign, whatever year it is for: "The target for CW04 remains ≥ 85%
                          # adolescent utilisation … for 2020", "The targets remain ≥ 95% for pre-school enrolment"
                          r"|\btargets?\s+(?:for\s+[^.;:\n]{1,40}?\s+)?(?:remains?|stays?|is\s+(?:still|again)|are\s+(?:still|again))\s*(?:(?:≥|>=|≤|<=)\s*|at\s+least\s+)?\d"
                          # a body that targets a share, whatever result follows: "It targets 90 per cent of patients to be
                          # transferred within 30 minutes, but was able to achieve 60.4 per cent"
                          r"|\b(?:also\s+)?targets\s+(?:at\s+least\s+)?\d{1,3}(?:\.\d+)?\s*(?:%|per\s?cent)"
                          # a target of a number still to be reached, whatever year it is for: "A target of 300 people to
                          # be trained in 2027" (its year is the one the target is for, not a period reported on)
                          r"|\btargets?\s+of\s+(?:at\s+least\s+|a\s+minimum\s+of\s+)?\d[\d,]*\s+(?:[\w'’-]+\s+){0,3}?to\s+be\s+[a-z]+ed\b"
                          # (or of what is to be done, in a funded body's agreement: "receives over $790,000, with a target of
                          # answering 55,000 calls in their agreement")
                          r"|\bwith\s+a\s+target\s+of\s+[a-z]+ing\s+(?:at\s+least\s+)?\d[\d,]*\s+(?:[\w'’-]+\s+){0,2}?[a-z]+s\b"
                          # (and a target a body sets, agrees or expects for a year to come: "anticipates a target of 900
                          # Disabled Facilities Grants approvals in 2015/16")
                          r"|\b(?:sets?|agreed|agrees|anticipates?|proposes?|adopted|adopts)\s+a\s+target\s+of\s+(?:at\s+least\s+)?\d"
                          # (not one told as met or missed: "… in 2016, which was exceeded in the first quarter")
                          r"(?![^.;]{0,80}?\b(?:was|were|has\s+been|had\s+been|is)\s+(?:\w+\s+)?(?:met|exceeded|achieved|missed|surpassed|passed|reached)\b)", re.I)


# A KPI line that names its indicator first ("Number of home visits made", "% of calls answered"): its past
# participles describe the count ("visits made"), they do not report what happened, unless a finite verb does
# ("Number of visits made in 2023 was 1,200").
_INDICATOR_LINE_RE = regex(r"[\s*•\-–|]*+(?:(?:kpi|pi|ref|op|no\.?)\s*\d+[a-z]?[\s:.–-]*)?(?:(?:the\s+)?(?:total\s+)?number|no\.|no(?=\s+of\b)|"
                           r"percent(?:age)?|proportion|%|rate)\s+of\b", re.I)
# A result told as such: a share that did or did not meet a target or standard ("Only 51% of ambulances reached the most
# life threatening calls within the set target", "of the 36 high risk cases monitored, only a minority met the
# standard"), a target told as met or missed, a results table's "actual outputs achieved".
# (also "as few as 20 per cent of calls … can be answered": what a service manages, told as a problem)
_TOLD_RESULT_RE = regex(r"\b(?:only|just|as\s+(?:few|little|low)\s+as)\s+(?:\d{1,3}(?:\.\d+)?\s*(?:%|per\s?cent)|a\s+(?:minority|handful|few|third|quarter|half"
                         r"|fraction))(?!\w)[^.;]{0,100}?\b(?:met|reached|achieved|hit|missed|arrived|responded|were\s+(?:seen|treated|"
                         r"reached|answered|completed)|left|are\s+(?:seen|treated)|can\s+be\s+(?:seen|treated|reached|answered|helped)|received|waited|got)\b"
                         # a report's finding: "the annual report shows only 65 per cent …", "The audit found that 71% …"
                         r"|\b(?:report|data|figures|statistics|audit|survey|review)\s+(?:shows?|showed|reveals?|revealed|finds|found)\s+"
                         r"(?:that\s+)?(?:only\s+|just\s+|about\s+|around\s+|nearly\s+|almost\s+)?\d"
                         # a results line by its label: "actual: 99.9% in two minutes", "Outturn – 87%"
                         r"|(?:^|(?<=\n))[^\S\n]*[^\w\n]*(?:actuals?|achieved|outturn|result)[^\S\n]*[:=–-][^\S\n]*\d"
                         # a target told as met or missed: "The three-year target for 149,449 interventions was passed"
                         r"|\btargets?\b[^.;]{0,80}?\b(?:was|were|has\s+been|have\s+been)\s+(?:passed|met|exceeded|achieved|hit"
                         r"|missed|surpassed|beaten)\b"
                         # bodies told as meeting it or not: "Nearly half of all DHBs were meeting the target for …"
                         r"|\b(?:were|was)\s+(?:not\s+)?(?:meeting|missing|achieving|exceeding|reaching)\s+(?:the|their|its)\s+(?:[\w-]+\s+)?targets?\b"
                         # or a standard told as met now, thanks to what was done: "Response times … are now being met,
                         # in part because of the extra 100 ambulance staff recruited two years ago"
                         r"|\b(?:are|is)\s+now\s+being\s+(?:met|achieved|exceeded)\b"
                         # a results table's row: "Actual outputs achieved 11 540 Children reached"
                         r"|^\W*actual\s+(?:outputs?|outcomes?|results?|performance)\s+(?:achieved|delivered|reached)\b"
                         # a quarter's result set against the one before or against the target: "coverage for the second
                         # quarter is 89 percent, a 1.9 percent increase from the previous quarter", "4 percent above the
                         # national target"
                         r"|\b\d{1,3}(?:\.\d+)?\s*(?:%|per\s?cent)\s*,?\s+(?:an?\s+)?(?:\d{1,3}(?:\.\d+)?\s*(?:%|per\s?cent|percentage\s+points?)\s+)?"
                         r"(?:increase|decrease|rise|fall|drop|improvement|up|down)\s+(?:from|on|since)\s+(?:the\s+)?(?:previous|last|prior)\s+"
                         r"(?:quarter|year|month|period)\b"
                         # a share told as what was received, in the past, across a country: "Nationally 100 percent of
                         # patients … received their radiotherapy … within four weeks"
                         r"|^\W*(?:nationally|locally|regionally|overall|in\s+total),?\s+\d{1,3}(?:\.\d+)?\s*(?:%|per\s?cent)\s+of\b[^.;]{0,120}?"
                         r"\b(?:received|were\s+(?:seen|treated|given|offered)|had|got|waited)\b", re.I)
_FINITE_REPORT_RE = regex(r"\b(?:was|were|is|are|has|have|had|stood|rose|fell|increased|decreased|reflected|remained|matched"
                          r"|mirrored)\b", re.I)
# A flattened table row: a count's label ("Total clients served", "Unduplicated # of youth served", "# of instances of
# housing help") then only its figures, a target and the quarters' cells ("345 0 0"): an indicator, not an account
# (also as the last line under a flattened header).
_INDICATOR_ROW_RE = regex(r"(?:^|(?<=\n))[^\S\n]*\W*(?:[\w/-]+[^\S\n]+){0,3}?(?:total|\#\s*of|(?:number|no\.|no(?=\s+of\b))\s+of)\s+[^.;:\d]{3,80}?"
                          r"\s\d[\d,]*(?:\.\d+)?%?(?:\s+\d[\d,]*(?:\.\d+)?%?){0,5}\s*$", re.I)


# A forecast told as one, not set as a level: "it is projected that 72,500 meals will be served", "an estimated 400
# families are expected to …" is a market figure. ("It is expected that providers will …" sets a duty: not here.)
_PROJECTION_RE = regex(r"\b(?:it\s+is|it\s+was|we\s+have)\s+(?:projected|estimated|forecast|anticipated)\s+that\b"
                       r"|\b(?:is|are|was|were)\s+(?:projected|forecast)\s+to\b"
                       # (what officials predict will be needed: "Officials are predicting that 24 additional beds will be needed")
                       r"|\b(?:(?:is|are|was|were)\s+(?:predicting|forecasting|projecting)|predicts?|predicted)\s+that\b", re.I)
# A count dated as a snapshot: "Total number of served children: 161,387 children as of June 17, 2014", "as at 31
# March 2024". A KPI row or a line with a target word still reads as one.
_AS_OF_DATE_RE = regex(
    r"\bas\s+(?:of|at)\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d\d\b"
    r"|\bas\s+(?:of|at)\s+\d{1,2}[/.]\d{1,2}[/.](?:19|20)?\d\d\b"
    # (a day with no year, when what follows is told as done: "As of March 31, the Province has opened 500 additional beds")
    r"|\bas\s+(?:of|at)\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)\b(?=,?\s+[^.;]{0,60}?\b(?:has|have)\s+"
    r"(?:now\s+|already\s+)?(?:been\s+)?[a-z]+(?:ed|en|ilt|ent)\b)"
    # (or at a year's start or end: "Statistical indicators … as at the beginning of 2016/17")
    r"|\bas\s+(?:of|at)\s+(?:the\s+)?(?:beginning|start|end|close)\s+of\s+(?:the\s+)?(?:(?:financial|fiscal|municipal|calendar)\s+year\s+)?"
    r"(?:19|20)\d\d(?:\s*[/–-]\s*\d{2,4})?\b"
    # (or opening on the date: "At April 2000, 56% of pensioners received their payments by order book")
    r"|^\W*at\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"\s+(?:19|20)\d\d\s*,", re.I)


# A modal of the past ("contacts which should have been offered", "would have expected") sets nothing now.
# A chart or a data item described, not set: "This chart shows the proportion of people who accessed …", "This is to
# show the number of referrals received for each category" (a return's specification, under the item). Read before an
# indicator's own words, which it quotes, and before its "is to", which binds no one.
_DESCRIBED_RE = regex(r"^\W*(?:this|the)\s+(?:interactive\s+)?(?:chart|graph|table|figure|map|dashboard|data(?:\s*set)?|spreadsheet)"
                      r"\s+(?:(?:below|above)\s+)?(?:shows|illustrates|presents|sets\s+out|displays|contains|lists|is\s+divided)\b"
                      # (and what a measure's data stands for: "This data represents the percentage of calls answered in
                      # Vermont")
                      r"|^\W*(?:this|the)\s+(?:data|measure|indicator|metric|figure)\s+(?:represents|reflects|measures|counts|is)\s+the\s+"
                      r"(?:percentage|proportion|share|number|rate|count)\s+of\b"
                      r"|^\W*this\s+is\s+(?:to|intended\s+to)\s+show\b"
                      # a chart's caption: "Bar Chart showing highest number of referrals among 80-84 yrs age group"
                      r"|^\W*(?:(?:bar|line|pie|column|stacked(?:\s+bar)?|donut|doughnut)\s+)?(?:chart|graph|figure|diagram)(?:\s+\d+(?:\.\d+)?)?"
                      r"\s*[:.–-]?\s*(?:showing|illustrating|displaying|comparing)\b", re.I)
# A lead-in to a table of figures: "Total number of beneficiaries enrolled in Delhi till Nov., 2013 reads as follows:" (read
# before an indicator's own words, which it opens on).
_FIGURES_LEAD_IN_RE = regex(r"^\W*(?:the\s+)?(?:total\s+|average\s+|mean\s+)?(?:number|no\.|no(?=\s+of\b)|details|figures|data|status|position|break-?up)\s+of\b"
                            r"[^;\n]{0,160}?\b(?:(?:reads?|is|are|was|were|stands?)\s+as\s+(?:follows|under|below)|(?:is|are|was|were)\s+"
                            r"(?:shown|given|set\s+out|listed|presented|detailed|summari[sz]ed|tabulated)\s+(?:below|overleaf|in\s+the\s+table\s+below)"
                            # or placed in an annex: "Details of performance-based incentives … is placed at Annexure- II."
                            r"|(?:is|are|was|were)\s+(?:placed|given|annexed|attached|enclosed|shown|provided|available)\s+(?:at|in)\s+(?:the\s+)?"
                            r"(?:annex(?:ure)?|appendix|schedule|statement|attachment)\b[\s-]*[\w.()-]{0,10})"
                            r"\s*:?\s*$", re.I)
# A question told in a reply, its modal the question's: "your Parliamentary Question asking if he will list …".
_REPORTED_QUESTION_RE = regex(r"\b(?:asking|asked|asks)\s+(?:[\w'-]+\s+){0,2}?(?:if|whether)\s+(?:[\w'-]+\s+){1,4}?(?:will|would|shall|can|could)\b",
                              re.I)
_PAST_MODAL_RE = regex(r"\b(?:should|would|could|might|must|ought\s+to)\s+have\s+(?:been\s+)?\w+"
                       r"|\b(?P<then>was|were)\s+(?:able|unable)\s+to\s+(?:be\s+)?\w+", re.I)  # (what could be done then: "were able to be answered")
# A deadline a past modal is set against: "By the end of 2011-12, 6,259 eligible people … should have received a health
# check" sets a target for that date, not a regret about the past.
_BY_DEADLINE_RE = regex(r"\bby\s+(?:the\s+end\s+of\s+)?(?:(?:19|20)\d\d(?:\s*[-/–]\s*\d\d(?:\d\d)?)?\b|(?:january|february|march|april"
                        r"|may|june|july|august|september|october|november|december)\s+(?:19|20)\d\d\b|year[-\s]end\b)", re.I)


# A view someone put forward about a target, told in the past: "the Panel felt that the target response time for urgent
# repairs should be less than five working days" (its "should" is the view's; the target set afterwards is a sentence of
# its own).
_VIEW_TOLD_RE = regex(r"\b(?:felt|believed|argued|suggested|recommended|proposed|considered|thought)\s+that\s+(?:the\s+|a\s+|an\s+"
                      r"|its\s+|their\s+)?(?:[\w-]+\s+){0,4}?(?:targets?|standards?|kpis?|times?|limits?)\b", re.I)


# Figures a report or a news story gives as its source: "According to the latest figures, 1,686 children were expected to
# be seen within three months" (the figures, and what they say, are told, not set).
_FIGURES_SAY_RE = regex(r"^\W*according\s+to\s+(?:the\s+)?(?:latest\s+|most\s+recent\s+|recent\s+|new\s+|official\s+|published\s+"
                        r"|provisional\s+|(?:hse|nhs|government|department|ministry|council)\s+)*(?:figures|data|statistics|stats|numbers)\b",
                        re.I)
# A count told as having reached a level in a period gone by, as a headline gives it: "Number of referrals to Camhs hit
# 11,700 last year", "Calls to the helpline rose to 40,000 in 2022".
_COUNT_REACHED_RE = regex(r"\b(?:hit|reached|topped|passed|exceeded|rose\s+to|fell\s+to|climbed\s+to|jumped\s+to|soared\s+to|dropped\s+to)"
                          r"\s+(?:a\s+record\s+|almost\s+|nearly\s+|more\s+than\s+|over\s+)?\d[\d,.]*(?:\s*(?:%|per\s?cent))?"
                          r"\s+(?:last\s+(?:year|month|week|quarter)|in\s+(?:19|20)\d\d\b|during\s+(?:19|20)\d\d\b)", re.I)
# What a count follows, described: "the number of new places in any year reflects the number of applications from young
# people leaving school" (how the count comes about, not a level to reach).
_COUNT_FOLLOWS_RE = regex(r"\b(?:number|numbers|volume|level)\s+of\s+(?:[\w-]+\s+){1,4}?(?:(?:in\s+any\s+(?:given\s+)?|each\s+|per\s+|a\s+)"
                          r"year\s+)?(?:reflects|mirrors|depends\s+on|is\s+determined\s+by|is\s+driven\s+by|varies|fluctuates|is\s+based\s+on"
                          r"|is\s+linked\s+to|follows)\b", re.I)
# A measure's movement looked into, not a level set: "to understand any variations in numbers seen within 4 weeks",
# "Officers review trends in the proportion of calls answered within 20 seconds".
_MOVEMENT_LOOKED_AT_RE = regex(r"\b(?:review|monitor|understand|discuss|explain|examine|track|analy[sz]e|look\s+at|consider|investigate"
                               r"|report\s+on|explore)\w*\b[^.;:]{0,40}?\b(?:variations?|variance|trends?|changes?|fluctuations?"
                               r"|differences?|movements?)\s+in\s+(?:the\s+)?(?:numbers?|proportions?|percentages?|shares?|rates?|levels?)\b", re.I)
# A count or a share told by how it moved: "The proportion of young people … not subsequently re-referred continues to
# steadily grow", "The number of young people with youth justice FGCs decreased this quarter", "… has fluctuated over the
# last two years" (a trend reported, with no level set).
_TREND_TOLD_RE = regex(r"\b(?:number|numbers|proportion|percentage|share|rate|level|volume)\s+of\b[^.;:]{0,160}?\b(?:"
                       r"continues?\s+to\s+(?:\w+ly\s+)?(?:grow|rise|increase|fall|decline|decrease|drop|improve)"
                       r"|(?:has|have)\s+(?:\w+ly\s+)?(?:fluctuated|grown|risen|increased|fallen|declined|decreased|dropped|remained|stayed"
                       r"|improved|doubled|halved)"
                       r"|(?:fluctuated|decreased|increased|declined|fell|rose|grew|dropped|doubled|halved)\s+(?:\w+ly\s+)?"
                       r"(?:this|last|over|during|since|from|compared)\b)", re.I)
# Funding told as announced, and a programme named by its aim in a news lead before what it did: "The Government has
# announced funding for 3000 emergency housing places per year, … which will be available from September", "A refugee
# programme that aims to resettle 110 families has created two new jobs" (the news, whatever its "will" or "aims").
_ANNOUNCED_RE = regex(r"\b(?:has|have|had|was|were)\s+(?:today\s+|now\s+|recently\s+)?announced\s+(?:new\s+|additional\s+|extra\s+"
                      r"|further\s+)?(?:funding|investment|money|grants?)\s+(?:for|of|to)\b"
                      r"|^\W*(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:programme|program|scheme|project|initiative|service|charity)\s+(?:that|which)"
                      r"\s+aims\s+to\b[^.;]{0,120}?\b(?:has|have|had)\s+(?:created|launched|opened|received|won|secured|appointed|hired)\b",
                      re.I)
# A change in a count, told as seen: "As a result, we observe little change in the number of people provided with services".
_CHANGE_SEEN_RE = regex(r"\b(?:observe[sd]?|observing|saw|see|seen|noted|found|show(?:s|ed|n)?)\s+(?:\w+\s+){0,2}?changes?\s+in\s+"
                        r"the\s+(?:number|proportion|percentage|share|rate)\s+of\b", re.I)
_TOLD_RES = (_FIGURES_SAY_RE, _MOVEMENT_LOOKED_AT_RE, _ANNOUNCED_RE, _CHANGE_SEEN_RE)
# A movement recorded in a count, told before it: "health boards which recorded notable increases in the number of brief
# interventions" (what happened, not a level set).
_MOVEMENT_RECORDED_RE = regex(r"\b(?:recorded|reported|saw|seen|showed|shown|had|experienced|achieved)\s+(?:[\w-]+\s+){0,2}?"
                              r"(?:increases?|decreases?|rises?|falls?|drops?|reductions?|growth|declines?)\s+in\s+(?:the\s+)?"
                              r"(?:number|numbers|proportion|percentage|rate|level|volume)\s+of\b", re.I)
# A provider's present volume, told in the present tense: "The crisis line fields 3,243 calls a year", "the service
# handles about 900 referrals a month" (what it does now; a level to reach is set with a modal or a target word).
_VOLUME_NOW_RE = regex(r"\b(?:fields|handles|receives|answers|takes|gets|sees|serves|responds\s+to|deals\s+with)\s+(?:about\s+|around\s+"
                       r"|approximately\s+|some\s+|over\s+|more\s+than\s+|nearly\s+|roughly\s+)?\d[\d,]*\s+(?:[\w-]+\s+){0,2}?"
                       r"(?:calls|contacts|enquiries|inquiries|referrals|visits|patients|clients|people|cases)\s+(?:a|per|each|every)\s+"
                       r"(?:year|month|week|day)\b", re.I)
_TOLD_UNLESS_MODAL_RES = (_COUNT_REACHED_RE, _COUNT_FOLLOWS_RE, _TREND_TOLD_RE, _MOVEMENT_RECORDED_RE, _VOLUME_NOW_RE)
# A note about what follows, whose "should" or "must" is the writer's aside: "It should be noted that although there were
# 321 new referrals only 41% went on to receive a service".
_ASIDE_NOTE_RE = regex(r"^\W*(?:it\s+(?:should|must)\s+be\s+(?:noted|remembered|borne\s+in\s+mind)|it\s+is\s+worth\s+noting"
                       r"|please\s+note|note)\s*(?:that\b|:)?", re.I)


# Waiting for something still to happen, told of people: "those waiting for a carer to be assigned", "waiting on funding to
# be allocated", "5,720 were waiting to be allocated a social worker" (its "to be" is what they wait for, and sets nothing).
_WAITING_FOR_RE = regex(r"\bwait(?:ing|s|ed)?\s+(?:(?:for|on)\s+[^.;:]{1,60}?\s)?to\s+be\s+\w+", re.I)


@lru_cache(maxsize=4096)
def reports_fact(text: str) -> bool:
    """True when the clause only reports what happened or what is, and sets nothing."""
    if "(" in text and _PROGRESS_ASIDE_RE.search(text):
        outside = _PROGRESS_ASIDE_RE.sub(" ", text)
        if re.search(r"\d", outside):  # "• 43 additional residential places (at end of July 2023, 84 … were developed)":
            text = outside              # progress told in brackets beside a count the line itself sets
    if "wait" in text and _WAITING_FOR_RE.search(text):
        text = _WAITING_FOR_RE.sub(" ", text)
    if _PAST_MODAL_RE.search(text) and not (_BY_DEADLINE_RE.search(text) and re.search(r"\bshould\s+have\b", text, re.I)):
        text = _PAST_MODAL_RE.sub(lambda m: " were " if m.group("then") else " ", text)  # (the account stays one: "were")
    if "ask" in text and _REPORTED_QUESTION_RE.search(text):
        text = _REPORTED_QUESTION_RE.sub(" ", text)
    if "ote" in text and _ASIDE_NOTE_RE.match(text):
        text = _ASIDE_NOTE_RE.sub(" ", text, count=1)
    if "|" not in text and "\t" not in text and not _TARGET_RE.search(text) and not _IMPERATIVE_RE.search(text) \
            and (_PROJECTION_RE.search(text) or (_AS_OF_DATE_RE.search(text) and not _MODAL_RE.search(text))):
        return True
    if (_DESCRIBED_RE.search(text) or _FIGURES_LEAD_IN_RE.search(text)) and "|" not in text and "\t" not in text:
        return True  # its "is to" says what the data item shows, it binds no one
    if _VIEW_TOLD_RE.search(text) and not _IMPERATIVE_RE.search(text):
        return True
    if "|" not in text and "\t" not in text and (any(r.search(text) for r in _TOLD_RES) or (
            any(r.search(text) for r in _TOLD_UNLESS_MODAL_RES) and not _MODAL_RE.search(text))):
        return True  # figures told or looked into; a count's level, cause or trend told with no modal verb
    if _VAGUE_SHARE_RE.search(text) and "|" not in text and "\t" not in text:
        return True
    if _MODAL_RE.search(text) or _IMPERATIVE_RE.search(text) or "|" in text or "\t" in text \
            or _TRAJECTORY_RE.search(text) or _TARGET_STATED_RE.search(text):
        return False  # a requirement, a path to a target, or a table row (a KPI table sets targets by its form)
    if _TOLD_RESULT_RE.search(text):
        return True  # "Only 51% of ambulances reached the calls within the set target": a result, told as one
    if (_INDICATOR_LINE_RE.match(text) or _INDICATOR_ROW_RE.search(text)) and not _FINITE_REPORT_RE.search(text):
        return False  # "Number of welfare calls made 24 30": an indicator and its figures, not an account
    if any(pattern.search(text) for pattern in _STRONG_REPORT_RES):
        return True
    return bool(_WEAK_REPORT_RE.search(text)) and not _TARGET_RE.search(text)


# Progress told in brackets after a figure, dated or "to date": "(at end of July 2023, 84 new residential places were
# developed)" (not the standards a result is told against: "(87% of calls answered in 60 seconds …)").
_PROGRESS_ASIDE_RE = regex(r"\((?=[^()]{0,40}?(?:\b(?:at|as\s+(?:at|of)|by|since|in)\s+(?:the\s+)?(?:end\s+of\s+)?(?:[a-z]+\s+)?(?:19|20)\d\d"
                           r"|\b(?:to\s+date|so\s+far)\b))[^()]{0,160}?\b(?:were|was|have\s+been|has\s+been|had\s+been)\b[^()]{0,120}\)", re.I)


def modal_or_imperative(text: str) -> bool:
    """True when a modal verb or an instruction sets something (not only a target word)."""
    return bool(_MODAL_RE.search(text) or _IMPERATIVE_RE.search(text))


@lru_cache(maxsize=4096)
def sets_requirement(text: str) -> bool:
    """True when the clause sets something: a modal verb, a target or KPI word, or an instruction."""
    return bool(_MODAL_RE.search(text) or _TARGET_RE.search(text) or _IMPERATIVE_RE.search(text))
