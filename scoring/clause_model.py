"""What each clause is and where it sits, so rules can tell a target from a report of one.

Patterns alone cannot see that "• Percentage of reviews completed;" is a target in a KPI
schedule but only a field of a return under "Providers report quarterly on:", or that a row
"Day care | 3 weeks | 2 | 1" holds a target because its column is headed "Target wait". This
module reads the segmented clauses once and gives each one:

role        target      a requirement or target (modal verb, target word, imperative, KPI row)
            report      a statistic, history or result (scoring/modality.py, a results table), or
                        a duty to report that sets no figure ("Each report shall contain …")
            definition  a definition or counting rule ("X =", "Denominator –", "Count each … once")
            question    a question, or a myth or FAQ claim put up to be answered
            heading     a heading or label line
            contents    an entry of a table of contents: a title, with its code or page number
            procedure   how the buyer will run the process ("bids will be evaluated …")
            guidance    anything else: description, aim, advice
headings    the heading path above the clause, outermost first
lead_in     for a list item: the sentence ending in ":" that introduces its list
header      for a table row: the cells of the table's header row
cells       for a table row: its own cells (a row flattened to one cell a line is re-joined)
columns     for each header cell: indicator | target | kpi (the performance measure itself) | frequency
            | measure (how measured) | result | other
"""

from __future__ import annotations

import re
from knowledge.records import dataclass, replace
from functools import lru_cache

from .modality import MINUTES_RE, modal_or_imperative, reports_fact, sets_requirement
from .patterns import regex
from .segment import ITEM_NUMBER, Clause

ROLES = ("target", "report", "definition", "question", "heading", "contents", "procedure", "guidance")


@dataclass(frozen=True)
class ClauseInfo:
    role: str
    headings: tuple[str, ...] = ()
    lead_in: str | None = None
    header: tuple[str, ...] = ()
    cells: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    row_start: int | None = None  # a flattened row: where its first cell starts (its indicator)
    row_end: int | None = None
    aim: bool = False  # a direction of travel with no figure ("Increasing the number of …")
    unit: bool = False  # says what one billing unit or period is ("A unit of respite is 12 to 24 hours")
    balanced: bool = False  # an award rule weighing price with other factors ("most advantageous, price and other factors considered")
    # a table copied one cell a paragraph: its header's labels from the service's column to the time's, in order
    cell_header: tuple[str, ...] = ()

    @property
    def in_table(self) -> bool:
        return bool(self.header)

    @property
    def spaced_row(self) -> bool:
        """A row of a table pasted with spaces only, read under its one-line header (its label the indicator)."""
        return len(self.header) == 1 and self.columns[:1] == ("indicator",)

    @property
    def results_table(self) -> bool:
        """A table of results (actuals, outturn, past years) with no target column."""
        return "result" in self.columns and "target" not in self.columns

    def cell(self, role: str) -> str | None:
        """This row's cell under the first header column with the given role."""
        for i, r in enumerate(self.columns):
            if r == role and i < len(self.cells):
                return self.cells[i]
        return None

    def time_limit_column(self) -> bool:
        """Whether the row's target column is the longest a service may take ("The most days it will take us")."""
        k = self.columns.index("target") if "target" in self.columns else -1
        return 0 <= k < len(self.header) and TIME_LIMIT_COLUMN_RE.search(self.header[k]) is not None

    def indicator(self) -> str:
        """What the row measures: the wordiest cell under an indicator column (not a code like "E2")."""
        named = [self.cells[i] for i, r in enumerate(self.columns) if r == "indicator" and i < len(self.cells)]
        return max(named, key=len) if named else (self.cells[0] if self.cells else "")

    @property
    def report_only_list(self) -> bool:
        return self.lead_in is not None and report_only_lead_in(self.lead_in)


_DEFINITION_RE = regex(
    r"^\W*(?:(?:note|nb)\s*[:–-]\s*)?(?:"
    r"[A-Za-z][\w()' -]{0,30}?\s*=(?!=)"  # "Pmin = price of the lowest compliant bid"
    r"|(?:numerator|denominator|definition|counting\s+rule|count(?:ing)?\s+method)\b"
    r"|(?:\d{1,2}\s+)?(?:kpi|indicator|measure|metric)\s+(?:calculation|formula|computation)\b"  # "5 KPI Calculation Count …"
    r"|[A-Za-z][\w'()% -]{0,50}?\s+definition\s*:"  # a guide's indicator name, then its definition
    r"|count(?:s|ed)?\b[^.;]{0,80}?\b(?:once|not\s+(?:the|each|as|every)|only|rather\s+than|exclud\w*|separately)\b"
    # What a figure leaves out, as a counting rule says it: "The 15 hours does not include activities outside the programme".
    r"|(?:the\s+)?[\w'()% -]{1,40}?\s+(?:does|do|will|shall)\s+not\s+(?:include|cover|count)\b"
    r"|(?:a|an|the)\s+[\w -]{1,40}?\s+(?:is|are|means?)\s+(?:defined|calculated|counted)\s+as\b"
    # A glossary entry under its term: "A type of performance-based contract that a board can enter into to serve …".
    r"|(?:a|an)\s+(?:type|kind|form|category|variant)\s+of\s+[\w /-]{1,60}?\s+(?:that|which|in\s+which|under\s+which|whereby)\b"
    # A procurement classification code and its name: "85310000-5 Social work services", "50100000 - Repair of vehicles".
    r"|\d{8}(?:-\d)?\s*(?:[-–:]\s*)?[A-Z]"
    # What a target's figure is, told in words: "In practice, this will be the percentage of patients seen within …".
    r"|(?:in\s+practice,?\s+)?(?:this|that|it)\s+(?:will\s+be|is)\s+the\s+(?:percentage|proportion|number|share|count)\s+of\b"
    r")", re.I)
# What a measure or a data system counts, told of it with no figure: "This annual measure reports on the detention
# centre utilisation rate", "CaseTrak tracks the total number of people who received services this quarter".
_DESCRIBES_MEASURE_RE = regex(
    r"^\W*(?:this|the|each|that)\s+(?:[\w-]+\s+){0,3}?(?:measure|indicator|kpi|metric|data\s*set|database|system|return)\s+"
    r"(?:reports|tracks|shows|counts|captures|records|collects|describes|monitors|represents)\s+(?:on\s+)?\w"
    # and a report, a table or a dashboard: "The quarterly Timeliness Report shows the total number of cases received".
    r"|^\W*(?:this|the|each|that|our)\s+(?:[\w-]+\s+){0,3}?(?:report|dashboard|table|chart|graph|scorecard|tool|portal)\s+"
    r"(?:shows|displays|lists|presents|sets\s+out|summari[sz]es)\s+(?:the\s+)?(?:total\s+)?(?:number|count|percentage|proportion|numbers)\s+of\b"
    r"|^\W*[A-Za-z][\w-]{1,15}\s+(?:tracks|records|captures|collects)\s+(?:both\s+)?(?:the\s+)?(?:total\s+)?(?:number|count|percentage|proportion)\s+of\b",
    re.I)
# The time limit a measure counts within, part of what it is ("how many permits are picked up within 60 days of submittal").
_MEASURED_SPAN_RE = regex(r"\b(?:with)?in\s+\d{1,3}\s+(?:working\s+|business\s+|calendar\s+)?(?:minutes?|hours?|days?|weeks?|months?)\b", re.I)
_FIGURE_CAPTION_RE = regex(r"^\W*(?:figure|fig\.|chart|graph)\s+\d{1,3}[a-z]?\s*[:.–—-]", re.I)
_CAPTION_RE = regex(r"^\W*(?:figure|fig\.|chart|graph|table|exhibit)\s+\d{1,3}[a-z]?(?:\.\d{1,2})?\s*[:.–—-]", re.I)
# Where on a form a count is kept, no figure of it: "(Section 1.)", "in Table 2".
_FORM_REF_RE = regex(r"\b(?:section|part|table|appendix|annex|item|question|line|box)\s+\d{1,2}[a-z]?(?:\.\d{1,2})*\.?", re.I)
_DEFINED_AS_RE = regex(
    r"\b(?:is|are)\s+(?:defined|calculated)\s+as\b|\bmeans\s+(?:the|a|an|any)\b"
    # A measure's name and how it is worked out: "Average Wage at Placement, calculated as the sum of … divided by …".
    r"|,\s*(?:calculated|computed|derived|worked\s+out)\s+(?:as|by)\b(?=[^.;]{0,200}?\bdivided\s+by\b)"
    # What makes a bid defective, as a regulation defines it: "A bid is materially unbalanced when it is based on prices …".
    r"|^\W*an?\s+(?:bid|tender|offer|proposal|quotation)\s+is\s+(?:materially\s+|mathematically\s+|abnormally\s+|considered\s+|deemed\s+)?"
    r"(?:unbalanced|non-?responsive|responsive|abnormally\s+low|irregular|non-?compliant|unacceptable)\s+(?:when|if|where)\b"
    # A term defined by name, or for the purposes of a contract, at the start of its clause: "The term “actual
    # enrollment” means, with respect to …", "For the purposes of this Contract, emergency examination beds means …".
    r"|^\W*the\s+terms?\s+[\"“'‘][^\"”’']{1,60}[\"”'’]\s+(?:means|refers\s+to|includes)\b"
    # A glossary's entry, its term in quotes, under a letter or a number: 'B. "Lowest responsible bidder" refers to the
    # supplier who …'; and a procedure's scope line saying it defines terms ("to define the terms low bid and …").
    r"|^\W*(?:[A-Za-z0-9]{1,3}[.)]\s+)?[\"“][^\"”]{1,60}[\"”]\s+(?:means|refers\s+to|is\s+defined\s+as|shall\s+mean)\b"
    r"|^\W*to\s+define\s+(?:the\s+)?terms?\b"
    r"|^\W*for\s+the\s+purposes?\s+of\s+(?:this|these|the)\s+[\w -]{1,40}?,\s*[^.;,]{1,80}?\s+means\b"
    # ("As hereinafter specified" points to what follows; it names nothing.)
    r"|\b(?:shall|will|is|are)\s+(?:be\s+)?(?:referred\s+to|known)\s+as\b|(?<!\bas\s)\bhereinafter\b"
    # How a measure counts, told as the standard it uses: "On-Time Performance uses a standard of one minute early and five
    # minutes late as the range of on-time".
    r"|\b(?:performance|measure|indicator|metric)\s+(?:uses|applies)\s+(?:a|the)\s+(?:standard|definition|threshold|window)\s+of\b[^.;]{1,120}?\bas\b"
    # A form's note on what a field is for: "The goal should explain what the service is trying to achieve".
    r"|\b(?:goals?|objectives?|measures?|indicators?|outcomes?|section|field|box|column)\s+(?:should|must|will)\s+"
    r"(?:explain|describe|state|set\s+out|say|show)\s+(?:what|how|why)\b", re.I)
# A real question opens with a question word; "we go lowest price again, right?" is a statement with a tag.
_QUESTION_RE = regex(
    # (a question may open on "And" or "But" after the one before it: "And might there be a clash if 2 or more …?")
    r"^\W*(?:q\d*[:.)]\s*)?(?:(?:and|but|or|also|so)\s+)?(?:is|are|was|were|does|do|did|will|would|can|could|should|shall|must|may|might|what|how|why"
    r"|when|where|which|who|whom|whose|has|have|had|isn't|aren't|doesn't|don't)\b[^?]*\?\W*$"
    # the question after a condition: "If the lowest bid will not do, then what recourse is there?"
    r"|^\W*(?:if|when|where|once|given|since)\b[^?]{0,200},\s*(?:then\s+)?(?:what|how|why|who|which|is|are|does|do|can|could|should"
    r"|would|will|shall)\b[^?,]*\?\W*$"
    # the title over a consultation's questions: "KPI 1a – Place Utilisation Discussion Questions", "Consultation questions"
    r"|^[^.?!\n]{0,120}\b(?:discussion|consultation|key|review|further|reflective)\s+questions\W*$"
    # a question reported in minutes or a parliament's record: "Ms Lee asked the Minister for Health what the reason is"
    # (or what figure: "52. Deputy Joe Bloggs asked the Minister for Health the number of home support hours provided …")
    r"|^\W*(?:[\w.'-]+\s+){1,6}?asked\s+(?:the\s+)?(?:[\w'-]+\s+){0,8}?(?:what|whether|how|why|if|when|which"
    r"|the\s+(?:total\s+)?(?:numbers?|amounts?|levels?|proportions?|percentages?|costs?|rates?)\s+of)\b"
    # … whatever it asks, when a member asks a minister by title: "370. Deputy Jo Bloggs asked the Minister for Health the
    # HSE's home help hours target for 2018; … and if he will make a statement on the matter".
    r"|^\W*(?:\d+\.?\s*)?(?:Deputy|Senator|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Lord|Baroness|Sir|Dame)\s+(?:[\w.'-]+\s+){1,4}?"
    r"asked\s+the\s+(?:Minister|Secretary\s+of\s+State|Taoiseach|Tánaiste|First\s+Minister|Cabinet\s+Secretary)\b"
    # a parliament's written question: "Mr. Smith: To ask the Secretary of State for Health what the hourly rate paid …"
    r"|^\W*(?:[\w.'’-]+\s+){0,4}?(?:[\w.'’-]+:\s*)?to\s+ask\s+(?:the|her|his|my)\s+(?:[\w'’-]+\s+){0,8}?(?:what|whether|how|why|if|when|which|for)\b"
    # an application form's request to the applicant: "please provide a brief overview of the project", "Please include the
    # target population and the number of contracted beds" asks what there is, it does not set a number to reach
    r"|^\W*(?:[\w,'’-]+\s+){0,4}?please\s+(?:provide|give|include|write|attach|describe|list|state|explain|outline|tell\s+us"
    r"|summari[sz]e|identify|indicate|specify)\b"
    # a request for information, in an FOI's words: "Could you provide the figures for the average weekly fee rates charged
    # for adults receiving care …", "Please could you tell me the hourly rate", "I would like to request the number of …"
    r"|^\W*(?:[\w,'’-]+\s+){0,3}?(?:(?:could|can|would)\s+you|please\s+(?:could|can|would)\s+you)\s+(?:please\s+)?(?:kindly\s+)?"
    r"(?:provide|give|send|supply|tell\s+(?:me|us)|confirm|share|let\s+(?:me|us)\s+know|list|advise|state|disclose)\b"
    r"|^\W*(?:i|we)\s+(?:would\s+like\s+to|wish\s+to|am\s+writing\s+to|are\s+writing\s+to)\s+(?:request|know|ask|obtain)\b", re.I)
# A duty to report that sets no figure: "Each report shall contain the number of residents served".
_REPORTING_DUTY_RE = regex(
    r"^\W*+(?:(?:each|every|the|all|any|a)\s+)?(?:[\w-]+\s+){0,2}?(?:reports?|returns?|submissions?|monitoring\s+(?:reports?|returns?|information))"
    r"\s+(?:shall|will|must|should)\s+(?:also\s+)?(?:contain|include|cover|set\s+out|show|give|detail|provide)\b"
    # "Centres must report their actual attendance each month": a duty to report, no level to reach.
    r"|^\W*(?:[\w'&-]+\s+){1,5}?(?:shall|will|must|should|(?:is|are)\s+required\s+to)\s+(?:also\s+)?(?:report|record|submit)\s+(?:on\s+)?(?:their|its)\b"
    # Reporting on a count, said as a duty or as what projects do: "All projects report quarterly on the number of
    # participants that start" (a figure to reach would be a target; this clause has none).
    r"|\b(?:report|reports|reporting|submit\s+data|provide\s+data)\s+(?:(?:monthly|quarterly|annually|yearly|weekly|each\s+(?:month|quarter|year))\s+)?"
    r"on\s+(?:the\s+)?(?:numbers?|counts?|totals?)\s+of\b"
    # A summary or return to be sent in, and what it holds: "A monthly summary, on the form the council provides,
    # which shall summarize the number of families assisted".
    r"|\b(?:summary|report|return|form|submitted)\b[^.;]{0,120}?\b(?:which|that)\s+(?:shall|will|must|should)\s+(?:summari[sz]e|contain|include|list|detail|set\s+out|show)\b"
    r"|\b(?:shall|will|must|should)\s+(?:also\s+)?summari[sz]e\s+(?:the\s+)?(?:numbers?|counts?|totals?)\s+of\b"
    # Reports to be sent in and the counts they show: "The agency shall submit monthly reports showing the number of
    # clients served".
    r"|\b(?:shall|will|must|should)\s+(?:also\s+)?(?:submit|send|provide|file)\s+(?:[\w-]+\s+){0,3}?(?:reports?|returns?|data|statistics"
    r"|summaries)\s+(?:showing|detailing|listing|giving|setting\s+out|that\s+shows?|which\s+shows?|on|of)\s+(?:the\s+)?(?:numbers?|counts?"
    r"|totals?)\s+of\b"
    # The report as the object, its contents listed: "Records of delivery must include a monthly report consisting of
    # the following: number of visits made, ..."
    r"|\b(?:shall|will|must|should)\s+(?:also\s+)?(?:include|contain|comprise)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:reports?|returns?"
    r"|summary|statement)\s+(?:consisting\s+of|containing|comprising|including|showing|listing)\b", re.I)
_MYTH_RE = regex(r"^\W*(?:myth|fact\s+or\s+fiction|faq|q\s*\d*\s*[:.)])\b|^\W*myth\s*\d*\s*[:.–-]", re.I)
# Both in one pass (text_role runs on every new clause).
# A request's item asked as a noun phrase: "* The mean hourly rate of the Supported Living paid to providers?", "The number
# of people who used the service in 2023?".
_ITEM_QUESTION_RE = regex(r"^\W*(?:the\s+)?(?:mean|median|average|lowest|highest|total|number|percentage|proportion|amount|cost"
                          r"|rate|value|list)\b[^?\n]{0,200}\?\W*$", re.I)
_QUESTION_OR_MYTH_RE = regex(f"(?:{_QUESTION_RE.pattern})|(?:{_MYTH_RE.pattern})|(?:{_ITEM_QUESTION_RE.pattern})", re.I)
# A question asking for a figure, and an answer that opens on one ("How many interventions were done by telephone? /
# 296 cases."): a request for information answered, not a target. (An FAQ's answer in words, "The thresholds for payment
# are 60% - 80%", still sets its terms.)
_ASKS_FOR_FIGURE_RE = regex(r"^\W*(?:how\s+(?:many|much)|what\s+(?:is|was|were|are)\s+the\s+(?:number|total|amount|cost|value)"
                            r"|(?:the\s+)?(?:mean|median|average|lowest|highest|total|number|amount))\b[^?\n]{0,200}\?\W*$", re.I)
_FIGURE_ANSWER_RE = regex(r"^\W*(?:[£$€]\s?)?\d[\d,. ]*\b", re.I)
_PROCEDURE_RE = regex(
    r"\b(?:will|shall|must)\s+(?:then\s+|first\s+|next\s+)?be\s+(?:evaluated|examined|opened|ranked|checked|scored|assessed"
    r"|moderated|shortlisted|considered)\b", re.I)
# A lead-in that introduces what is collected or reported, not what must be achieved.
_REPORT_LEAD_RE = regex(
    # (not what the people served do: "When you report a repair we'll:" leads in to the service's promises)
    r"\b(?<!you\s)(?<!customers\s)(?<!tenants\s)(?<!residents\s)(?:report\w*|returns?|collect\w*|record\w*|submit\w*|management\s+information|MI|data\s+(?:on|about|for)"
    r"|(?:cover|include|comprise)s?\b[^:]{0,40}\b(?:indicators|metrics|measures|data|information|fields)"
    # What a dashboard or chart shows: "These charts show:".
    r"|(?:dashboards?|tabs?|charts?|graphs?|visuali[sz]ations?|infographics?)\b[^:]{0,40}\bshows?)\b"
    # What the sentence before it describes, spelled out: "… is the second largest provider of passenger services. This
    # includes:" (the scale of what a body does today, not what it must do).
    r"|(?:^|[.!?]\s+)(?:this|these)\s+(?:includes?|involves?|covers?)\s*:\s*$", re.I)
# A heading over the fields a provider reports, with no level to reach: "Reporting Requirements", "Monitoring information",
# "Data to be collected" (not "Performance targets and reporting").
_REPORTING_HEADING_RE = regex(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:[\w-]+\s+){0,2}?(?:reporting|monitoring|data\s+collection|management\s+information)\s+"
    r"(?:requirements?|arrangements?|information|data|fields|items|returns?)\b"
    r"|^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:data|information)\s+(?:to\s+be\s+)?(?:reported|collected|recorded|submitted)\b", re.I)
_FIELD_LABEL_RE = regex(r"^\W*(?:(?:the\s+)?total\s+)?(?:number|no\.|\#|percentage|proportion|count|amount)\s+of\b", re.I)
_TARGET_LEAD_RE = regex(
    r"\b(?:targets?|kpis?|key\s+performance|standards?|must\s+(?:achieve|meet|deliver)|held\s+to|assessed\s+against"
    r"|judged\s+against|determined\s+(?:using|by)|paid|payment|will\s+(?:achieve|deliver|meet))\b"
    r"|\bwe(?:'ll|’ll|\s+will|\s+shall)\s*:\s*$", re.I)  # a charter's "When you report a fault we'll:" over its promises

# A column that holds the longest a service may take, which makes a header of two cells ("Type of maintenance | Target
# response time", "What we will do | The most days it will take us").
TIME_LIMIT_COLUMN_RE = regex(r"\b(?:target\s+(?:response\s+|waiting\s+)?(?:times?|waits?)|(?:given\s+)?time\s+limits?|(?:the\s+)?most\s+days"
                              r"|max(?:imum|\.)?\s+(?:time|days)|service\s+(?:delivery\s+)?deadlines?|stipulated\s+time|time\s?-?\s?frames?|^\W*timelines?\W*$)\b", re.I)


# Header cells: what a column holds.
_COLUMN_RES = (
    # A fee schedule's price column ("Maximum Payment Rate", "Fee", "Hourly rate"): what is paid, not a target to reach.
    ("other", regex(r"\b(?:payment\s+rates?|fees?|prices?|charges?|tariffs?|(?:hourly|daily|unit|weekly)\s+rates?|rates?\s+(?:payable|paid)"
                    r"|amounts?\s+payable)\b", re.I)),
    # (A charter's column of the longest time a service takes is its standard: "Max time taken to serve".)
    ("target", regex(r"\b(?:targets?|standards?|goals?|thresholds?|expected|required|planned|plan|aim|kpi\s+level|tolerance|minimum|maximum"
                     r"|max\.?\s+time|time\s+taken)\b|" + TIME_LIMIT_COLUMN_RE.pattern, re.I)),
    ("kpi", regex(r"\bkpis?\b(?!\s*(?:no|number|ref|code|id)\b)|\bperformance\s+(?:measures?|indicators?)|\bkey\s+performance", re.I)),
    ("result", regex(r"\b(?:actuals?|outturn|results?|achieved|performance(?!\s+(?:measures?|indicators?|standards?|targets?))|value|longest|average|mean|median|forecast"
                     r"|(?:19|20)\d\d(?:\s*(?:/|-|to)\s*(?:\d{2,4}))?)\b", re.I)),  # quarters alone may be targets
    ("frequency", regex(r"\b(?:frequency|how\s+often|reporting\s+period|period|when)\b", re.I)),
    ("measure", regex(r"\b(?:how\s+measured|measured|method|data\s+source|source|evidence|by\s+whom|counting)\b", re.I)),
    # where a charter's service is given and who gives it ("Place of service", "Designated Officer"): not what the row measures
    ("other", regex(r"^\W*(?:places?|locations?|venues?|points?)\s+(?:of|for)\b|\b(?:designated|responsible|nodal)\s+(?:officers?|officials?|persons?)\b", re.I)),
    ("indicator", regex(r"\b(?:indicators?|kpis?|measures?|outputs?|outcomes?|services?|modality|activity|description|no\.?|ref"
                        r"|pledges?|commitments?)\b", re.I)),  # a service pledge's column: "Respond within ten calendar days"
)
_VALUE_RE = regex(
    r"^\W*(?:[<>≤≥=]\s*)?(?:\d[\d,.]*\s*(?:%|per\s?cent|k)?|(?:\d+|one|two|three|four|five|six|seven|eight|ten|twelve)"
    r"\s+(?:working\s+)?(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)|n/?a|xxx|-|yes|no)\W*$", re.I)
# An aim written as a gerund with no figure: "Increasing the number of people using the library".
_AIM_RE = regex(r"^\W*(?:increas|improv|expand|grow|encourag|promot|enabl|widen|broaden|reduc|develop|strengthen|support|build)ing\b"
                # A purpose told as an infinitive, with no figure: "To increase the number of poor children accessing services".
                r"|^\W*to\s+(?:increase|improve|expand|grow|encourage|promote|enable|widen|broaden|reduce|develop|strengthen|build)\b", re.I)
# A description of a method, criterion or option: what it is or when a buyer would use it ("This method
# is used for bids where …", "X is a supplier selection method in which …", "The following methods may be
# used: …"). It makes nothing the rule of a contract, unless the clause also says the award will use it.
_METHOD = r"(?:method|criterion|approach|option|procedure|mechanism)"
_METHODS = r"(?:methods|criteria|approaches|options|procedures|mechanisms)"
_METHOD_DEF_RE = regex(
    r"\b(?:this|that|the|such\s+an?|each)\s+(?:[\w-]+\s+){0,4}?" + _METHOD + r"s?\s+(?:is|are|may\s+be|can\s+be"
    r"|could\s+be|should\s+be|would\s+be)\s+(?:\w+ly\s+)?(?:used|applied|appropriate|suitable|suited|chosen|adopted"
    r"|recommended)\s+(?:for|when|where|if|in|by|with)\b"
    r"|\b(?:is|are)\s+an?\s+(?:[\w-]+\s+){0,4}?" + _METHOD + r"\s+(?:in\s+which|where|whereby|under\s+which"
    r"|used\s+(?:for|when|where|if))\b"
    r"|\b" + _METHODS + r"\s+(?:include|includes|are\s+available|available\s+(?:are|include)|(?:that\s+|which\s+)?(?:may|can|could)"
    r"\s+be\s+used)\b"
    r"|\b(?:use\s+of|choosing|choice\s+of|selecting)\s+the\s+(?:[\w-]+\s+){0,5}?(?:method|procedure|approach|mechanism)\b|^\W*under\s+the\s+(?:[\w-]+\s+){0,4}?" + _METHOD + r"\b"
    r"|^\W*use\s+(?:this|the\s+following)\s+(?:clause|method|criterion|option|approach|provision)\s+(?:when|where|if|for)\b"
    r"|\bwhen\s+you\s+(?:are\s+trying|want|need|wish)\s+to\s+(?:balance|buy|purchase|procure|choose|select|weigh|trade)"
    r"|\b(?:works?|will\s+work)\s+(?:well|best)\b"
    # what a named method does, told by a guide: "The lowest cost compliant offer method evaluates fitness for purpose as
    # pass/fail and selects …", "The value for money ratio method divides …"
    r"|^\W*the\s+(?:[\w-]+\s+){1,6}?" + _METHOD + r"\s+(?:evaluates|selects|treats|scores|ranks|compares|divides|multiplies|weighs|gives|assesses)\b", re.I)
# What makes a method the rule: the award will be made, accepted or selected by it.
_AWARD_RULE_RE = regex(
    r"\b(?:will|shall|must|is\s+to|are\s+to)\s+(?:then\s+|only\s+|always\s+)?(?:be\s+)?(?:award|accept|select|use[ds]?\b|appl)"
    r"|\b(?:is|are)\s+(?:then\s+|always\s+)?(?:awarded|evaluated|selected|accepted|ranked|scored)\b"
    r"|\b(?:for|in|under)\s+this\s+(?:contract|tender|procurement|service|lot|framework|requirement|opportunity|competition)\b", re.I)
# A glossary entry for a kind of measure: "Output: the number of …", "Throughput is the percentage of …".
_TERM_DEF_RE = regex(
    r"^\W*(?:an?\s+|the\s+)?(?:(?:output|outcome|input|activity|process)\s+(?:measures?|indicators?)|outputs?|outcomes?|inputs?"
    r"|throughput|utili[sz]ation|occupancy|capacity|efficiency|effectiveness|reach|volume)"
    r"\s*(?:[:–—-]\s*|\s(?:is|are|refers?\s+to|means?|measures?|counts?|describes?)\s+)(?:the\s+|a\s+|an\s+)?"
    r"(?:number|count|percentage|proportion|rate|total|amount|quantity|share)\s+of\b", re.I)
# A glossary's measure, named with its short form, then what it counts: "Monthly Average Abandonment Rate (MAAR): The
# number of calls abandoned in a 24-hour period, divided by …", "Average Speed of Answer (ASA): The average wait …".
_NAMED_MEASURE_DEF_RE = regex(
    r"^\W*(?:[A-Z][\w'’/&-]*\s+){1,9}\((?-i:[A-Z][A-Za-z]{1,9})\)\s*[:–—-]\s*(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:number|count|percentage|proportion|rate|total|average|sum|mean|time|length)\b", re.I)
# An account of a past period with its figure: "During the fiscal year 51,814 clients completed plans."
_PAST_PERIOD_RE = regex(
    r"\b(?:during|over|in|throughout|for)\s+(?:the|its|our|their)\s+(?:(?:last|past|previous|fiscal|financial|reporting|review|calendar|same"
    r"|whole|first|second|third|fourth)\s+){1,2}(?:(?:two|three|four|five|six|nine|\d{1,2})\s+)?(?:year|quarter|period|half|months?|weeks?)\b"
    r"|\bin\s+the\s+(?:year|twelve\s+months|12\s+months)\s+to\b"
    # a span of months up to a date gone by, or the same span again: "during the three months to June", "during the same
    # time period"
    r"|\b(?:during|in|over)\s+the\s+(?:three|six|nine|twelve|\d{1,2})\s+months\s+(?:to|ending|ended)\s+(?:the\s+end\s+of\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d)"
    r"|\b(?:during|in|over)\s+the\s+same\s+(?:time\s+)?period\b"
    # a quarter's statistics: "7,118 referrals started treatment during the quarter", "at the end of the quarter, …"
    r"|\b(?:during|at\s+the\s+end\s+of)\s+the\s+(?:quarter|month|year|period)\b(?!\s+(?:ahead|to\s+come))"
    r"|\bactual\s+(?:results?|outcomes?|figures?|performance)\b", re.I)
_PAST_COUNT_RE = regex(
    r"\b\d[\d,]*\s+(?:[\w-]+\s+){0,4}?(?:completed|received|attended|accessed|used|participated|took\s+part|moved\s+on"
    r"|achieved|gained|entered|started|finished|engaged|were|had|got|left|obtained|secured|benefit+ed|joined|enrolled"
    r"|registered)\b"
    r"|\b(?:worked\s+with|ran|held|trained|visited|assessed|answered|handled|dealt\s+with|took\s+on|welcomed)\s+(?:[\w-]+\s+){0,2}?\d"
    # a tally so far: "592,000 consultations delivered in the first four months"
    r"|\b\d[\d,]*\s+(?:[\w-]+\s+){0,2}?delivered\s+(?=(?:in|during|over)\s+the\s+(?:first|last|past)\s+(?:[\w-]+\s+)?(?:days|weeks|months|years|quarters?)\b)", re.I)
# Results spread over a series of limits, in measured shares: "64.3% of calls received a response within 9 minutes,
# 68.8% within 10 minutes, 84.2% within 15 minutes" (a target names one limit, not a distribution).
_DISTRIBUTION_RE = regex(r"\d{1,3}\.\d\s*%[^.;]{0,100}?,\s*\d{1,3}\.\d\s*%\s+(?:within|in|under|over|after)\b", re.I)
# A trend told as a statistic: "the number of checks fell by 8% between 2015 and 2019", "rose from 1,200 to 1,500".
_TREND_RE = regex(
    # A change told between two past years: "6% decrease in the number of offenders referred … from 2009 to 2010".
    r"\b\d{1,3}(?:\.\d+)?\s*%\s+(?:increase|decrease|rise|fall|drop|reduction)\s+in\s+[^.;]{0,160}?\bfrom\s+(?:19|20)\d\d\s+to\s+(?:19|20)\d\d\b|"
    r"\b(?:increased|decreased|fell|rose|dropped|declined|grew|doubled|halved)\s+(?:\w+ly\s+)?(?:by|from)\s+"
    r"(?:around\s+|about\s+|almost\s+|nearly\s+|over\s+|some\s+)?\d"
    r"|\bwent\s+(?:up\s+|down\s+)?from\s+\d[\d,.]*\s*%?\s+to\s+\d"
    # A change told as a news headline's figures: "Band 2 – up 61% from 150 to 242 visits", "down 8% from 1,200 to 1,104".
    r"|\b(?:up|down)\s+(?:by\s+)?\d{1,3}(?:\.\d+)?\s*%\s+(?:from|on)\s+\d[\d,.]*\s+to\s+\d"
    # A change told between two dates: "referrals increased from March 2021 to June 2023".
    r"|\b(?:increased|decreased|fell|rose|dropped|declined|grew|doubled|halved)\s+(?:\w+ly\s+)?(?:from|between)\s+"
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+|q[1-4]\s+)?(?:19|20)\d\d(?:\s*[/–-]\s*\d{2,4})?"
    r"\s+(?:to|and)\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+|q[1-4]\s+)?(?:19|20)\d\d\b"
    # A change told by where it ended: "referrals from January to March increased to 367,689", "rose to 12%".
    r"|\b(?:increased|decreased|fell|rose|dropped|declined|grew)\s+(?:\w+ly\s+)?to\s+(?:around\s+|about\s+|almost\s+"
    r"|nearly\s+|over\s+|some\s+|just\s+(?:over|under)\s+)?\d", re.I)
# A description of what a data set holds: "Information on the numbers of calls answered each month".
_DATA_DESCRIPTION_RE = regex(
    r"^\W*(?:information|data|figures|statistics|details)\s+(?:on|about|showing)\s+(?:the\s+)?"
    r"(?:numbers?|counts?|proportions?|percentages?|rates?|levels?)\s+of\b"
    # A lead-in to the tables of figures that follow: "The following tables show the number of beds by type and location".
    r"|^\W*(?:the\s+)?(?:following|attached|above|below)\s+(?:tables?|charts?|graphs?|figures?)\s+(?:shows?|sets?\s+out|gives?|lists?"
    r"|presents?|provides?|details?)\s+(?:the\s+)?(?:numbers?|counts?|totals?|proportions?|percentages?|rates?|levels?)\s+of\b"
    # A body's sharing of data, told: "NHSE shares data on capacity, occupancy percentage and capacity per 100,000".
    r"|\b(?:shares|published|publishes|releases|released|collects|collected)\s+(?:the\s+)?(?:latest\s+)?(?:data|figures|statistics"
    r"|information)\s+on\b"
    # What a return or data set takes in, told after it: "This takes into account the number of referrals".
    r"|^\W*(?:this|it|these|the\s+(?:data(?:set|\s+set)?|returns?|database|submissions?))\s+(?:takes?\s+into\s+account|covers?|captures?"
    r"|records?|holds?|contains?)\s+(?:the\s+)?(?:numbers?|counts?|totals?)\s+of\b"
    # What a chart or a measure shows, told after the group it covers: "Amongst the patients still waiting, it shows the
    # proportion of those waiting within 18 weeks".
    r"|\b(?:it|this\s+(?:chart|graph|table|figure|indicator|measure|map)|the\s+(?:chart|graph|table|figure|indicator|measure|data|map))"
    r"\s+(?:shows|illustrates|presents)\s+(?:the\s+)?(?:numbers?|proportions?|percentages?|shares?)\s+of\b"
    # What a data item is for, told under it in a return's specification: "This is to show the number of referrals received
    # for each category"; and the item itself, counted over the return's month and broken down: "The number of referrals
    # received during the month by category".
    r"|^\W*this\s+(?:is\s+(?:to|intended\s+to)\s+show|shows|will\s+show)\s+(?:the\s+)?(?:numbers?|totals?|counts?|proportions?"
    r"|percentages?)\s+of\b"
    r"|\b(?:numbers?|totals?|counts?)\s+of\b[^.;:|\n]{3,160}?\b(?:during|in|for|over)\s+the\s+(?:month|quarter|year|period|reporting"
    r"\s+period),?\s+(?:broken\s+down\s+)?by\s+(?:category|type|age(?:\s+group)?|gender|sex|ethnicity|area|locality|source|outcome"
    r"|reason)\W*$"
    # The title of a published table, broken down by place or group: "Number and percentage of children offered
    # childcare, by local authority".
    r"|^\W*(?:total\s+)?(?:numbers?|percentages?|proportions?|counts?|rates?)(?:\s+(?:and|&)\s+(?:numbers?|percentages?"
    r"|proportions?|rates?))?\s+of\s+[^.;:|\n]{3,150}?,\s*by\s+(?:local\s+authority|(?:local\s+)?health\s+board|area|region"
    r"|age(?:\s+group)?|sex|gender|year|month|quarter|ethnicity|ward|district|county|trust|council|nation|country|provider"
    r"|setting)(?:\s+(?:and|&)\s+[\w ]{1,30})?\W*$"
    # … or for a quarter named by its number and year: "The number of referrals entering treatment in the year, with mean
    # waiting times, for IAPT services in Quarter 3, 2014-15 (October 1 to December 31)".
    r"|^\W*(?:the\s+)?(?:total\s+)?(?:numbers?|percentages?|proportions?|counts?)\s+of\s+[^.;:|\n]{3,200}?\b(?:in|for|during)\s+"
    r"(?:quarter|qtr|q)\s*[1-4],?\s+(?:of\s+)?\d{4}(?:\s*[-/–]\s*\d{2,4})?\b(?![^.;]{0,80}?\b(?:targets?|will|must|shall|should)\b)", re.I)
# A document telling what it is about: "This policy states the requirements for maintaining the minimum number of
# children enrolled", "This section describes how the number of visits is agreed", "The bulletin presents figures on the
# number of people receiving home care", "These FAQs provide information in relation to 11 activities".
_SELF_DESCRIPTION_RE = regex(
    r"^\W*(?:this|the|these)\s+(?:policy|document|section|chapter|guidance|guide|procedure|specification|annex|appendix|schedule|report"
    r"|paper|note|framework|handbook|manual|bulletin|publication|release|statistical\s+(?:bulletin|release|report)|table|dashboard"
    r"|faqs?|frequently\s+asked\s+questions|questions\s+and\s+answers|q\s?&\s?as?)"
    r"\s+(?:states|sets?\s+out|describes?|outlines?|explains?|summari[sz]es|summari[sz]e|covers?|presents?|contains?|reports?\s+on|shows?"
    r"|details|provides?\s+(?:information|guidance|an\s+overview|data|statistics|figures)|gives?\s+(?:information|guidance)|is\s+about"
    r"|are\s+about)\b", re.I)
# The parts a document counts of itself: "in relation to 11 activities", "covering 8 indicators".
_OWN_PARTS_RE = regex(r"\b(?:in\s+relation\s+to|about|on|covering|covers|for)\s+(?:the\s+|these\s+)?\d{1,3}\s+(?:[\w-]+\s+)?"
                      r"(?:activities|questions|topics|areas|indicators|measures|sections|chapters|services|programmes|programs)\b", re.I)
# What an audit or a review set out to test, the contract's standard told as its subject: "This audit was initiated to
# evaluate whether the hotline operates in compliance with its contract, which requires calls to be answered within 20 seconds".
_AUDIT_SCOPE_RE = regex(
    r"^\W*(?:this|the|our)\s+(?:audit|review|evaluation|inspection|investigation|inquiry)\s+(?:was|is|has\s+been)\s+(?:initiated|carried\s+out"
    r"|undertaken|designed|conducted|intended)\s+to\s+(?:evaluate|assess|determine|examine|review|test|establish)\s+whether\b", re.I)
# What services commonly do, told as a fact of the market: "Many long day care services utilise the 15 hours a week
# option", "Most providers offer two sessions a day". (A clause that also sets a requirement stays a target.)
_PRACTICE_DESCRIPTION_RE = regex(
    r"^\W*(?:many|most|some|several|few|a\s+(?:number|few|majority|minority)\s+of)\s+(?:of\s+)?(?:the\s+|our\s+|these\s+)?"
    r"(?:[\w'-]+\s+){1,4}?(?:currently\s+|already\s+|now\s+|tend\s+to\s+|choose\s+to\s+)?(?:utili[sz]e|use|offer|provide|run"
    r"|opt\s+for|choose|deliver|operate|follow)\b"
    # Today's scale, told with a rough figure: "These contracts service approximately 1,500 Daily Bus routes".
    r"|^\W*(?:these|the|our|its|their)\s+(?:[\w'-]+\s+){0,2}?(?:contracts?|services?|schemes?|programmes?|programs?|networks?|fleet)"
    r"\s+(?:currently\s+)?(?:service|serve|cover|carry|run|operate|reach|employ|support|provide)s?\s+(?:approximately|around|about|roughly"
    r"|some|nearly|almost|an\s+estimated)\s+\d", re.I)
# Headings of a results section: the figures under them are actuals, not targets set for a provider.
_SECTION_NUMBER_RE = regex(r"^\W*\d{1,2}(?:\.\d{1,2}){0,3}\.?(?![\d,])\s*")
_RESULTS_HEADING_RE = regex(
    r"\b(?:at\s+a\s+glance|highlights|key\s+(?:facts|figures|statistics|stats)|in\s+numbers|by\s+the\s+numbers"
    r"|year\s+in\s+review|achievements|outturn|annual\s+report|statistics|statistical|what\s+we\s+(?:did|achieved|delivered)"
    # a market position statement's figures: "Market Data & Insight", "Market profile"
    r"|market\s+(?:data|insight|intelligence|profile|analysis|position)|data\s+(?:&|and)\s+insight"
    r"|summary\s+of\s+(?:activity|results|achievements)|activity\s+summary|actual\s+(?:results?|outcomes?|figures?)"
    # how full a programme is, told: "Program Utilization Summary", "Occupancy update"
    r"|(?:utili[sz]ation|occupancy|enrol(?:l)?ment)\s+(?:summary|update|report)"
    # a department's counts of demand, told not set: "2022-2023 Workload Measures", "Workload Measures 2019/2020"
    r"|workload\s+(?:measures|indicators|statistics|data)"
    # a hospital charter's daily averages: "AVERAGE DAILY WORKLOAD HANDLED BY THE HOSPITAL", "AVERAGE DAILY NO. OF STAFF"
    r"|average\s+daily\s+(?:workload|no|number|attendance|staff)|workload\s+handled"
    # A form's cell of last year's figures: "Prior Year Program Results".
    r"|(?:previous|prior|last|past)\s+(?:program(?:me)?\s+|fiscal\s+|financial\s+|contract\s+)?years?(?:'s|’s)?\s+(?:program(?:me)?\s+)?results"
    # What has been done so far, as a grant's page heads it: "Indicators & Metrics to Date", "Progress to date".
    r"|\bto\s+date(?=\s*:?\s*$)"
    # a title over the figures a service recorded in a period gone by: "Service data: 12th August 2021 to 30th September 2023"
    r"|(?:service|monitoring|activity|programme|program)\s+data\b(?=[^\n]{0,100}?\b(?:19|20)\d\d\b))\b", re.I)
# The line that titles such figures: the data named, then the period from one date to another, and nothing more.
_DATA_PERIOD_TITLE_RE = regex(
    r"^[^.!?;\n]{0,80}?\b(?:service|monitoring|activity|programme|program)\s+data\b\s*(?::|,|for|from|covering)?\s*(?:the\s+period\s+)?"
    r"(?:from\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d\b"
    r"[^.!?;\n]{0,60}?\b(?:to|until|through|-|–)\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d\s*$", re.I)
_TARGET_HEADING_RE = regex(r"\b(?:targets?|kpis?|key\s+performance|standards?|requirements?|specification|schedule|contract"
                           r"|expected|planned|required|proposed|projected)\b", re.I)
# A lead-in over figures already achieved: "Service highlights for the year:", "Current data indicates:", "These
# measures had met their quarter 3 targets:". The entries of its list are results, not targets set for a provider.
_RESULTS_LEAD_RE = regex(
    r"\b(?:highlights|achievements|key\s+(?:facts|figures|statistics|findings)|main\s+findings|at\s+a\s+glance)\b[^:]{0,60}:\s*$"
    r"|\b(?:data|figures|statistics|results|records|returns)\b[^:]{0,40}?\b(?:indicates?|indicated|shows?|showed|reveals?|revealed)\s*(?:that\s*)?:\s*$"
    r"|\b(?:had|have|has)\s+(?:(?:all|now|already)\s+)?(?:met|achieved|exceeded|reached|surpassed)\s+(?:their|its|the|our)\s+(?:[\w-]+\s+){0,3}?(?:targets?|goals?)\b[^:]{0,40}:\s*$"
    # (Also in the simple past, over each measure it names: "The department exceeded each Federal Performance Measure as
    # follows:"; not a lead-in that asks for it: "Providers must have met the following standards:".)
    r"|^(?![^:]{0,200}?\b(?:will|shall|must|should|to|needs?|required|expected)\b)[^:]{0,120}?\b(?:met|achieved|exceeded|surpassed)\s+(?:(?:each|all|every)\s+(?:of\s+)?)?(?:(?:their|its|the|our)\s+)?(?:[\w-]+\s+){0,3}?(?:targets?|goals?|measures?|standards?)\b[^:]{0,40}:\s*$"
    # A lead-in naming a period that has ended, over its figures: "In the quarter ended 30 June:", "During the
    # year ending March 2025:" (with no modal verb: "By the year ending March 2028, providers will:" sets targets).
    r"|^\W*(?:during|in|over|for)\s+the\s+(?:year|quarter|month|period|half[-\s]year|twelve\s+months|12\s+months)\s+(?:ending|ended)\s+(?![^:]{0,40}?\b(?:will|shall|must|should)\b)[^:]{1,40}:\s*$"
    # What was done in a past year, told over its list: "the LEOs supported an even wider cohort of entrepreneurs in 2015
    # through:", "In 2023 the service delivered:".
    r"|^(?![^:]{0,200}?\b(?:will|shall|must|should|aims?|plans?|targets?)\b)[^:]{0,160}?\b(?:supported|delivered|provided|achieved|helped|assisted|reached|served|ran|held|completed)\b"
    r"[^:]{0,100}?\b(?:in|during)\s+(?:(?:19|20)\d\d|(?:the\s+)?(?:last|past|previous)\s+(?:year|quarter))\b[^:]{0,60}:\s*$"
    r"|^\W*in\s+(?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?,?\s+(?![^:]{0,60}?\b(?:will|shall|must|should|aims?|plans?)\b)[^:]{0,60}?\b(?:supported|delivered|provided|achieved|helped|assisted|reached|served|ran|held|completed)\b[^:]{0,60}:\s*$"
    # (Also results counted since a year: "Since 2018, with support from SICAP:" over "16,502 people completed a lifelong
    # learning course".)
    r"|^\W*since\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+)?(?:19|20)\d\d\b(?![^:]{0,100}?\b(?:will|shall|must|should)\b)[^:]{0,100}:\s*$",
    re.I)
# The title of a table or list of targets, a label naming them in the plural: "Business Event Targets for 2004–05",
# "Key performance indicators".
_TABLE_TITLE_RE = regex(r"\b(?:targets|standards|kpis|key\s+performance\s+indicators|performance\s+(?:indicators|measures))\b", re.I)
# A lead-in defining a term by the list under it: "Employment Outcome means when … a person is placed into employment as
# below:", "A sustained job is defined as:".
# ("This means that the provider will deliver:" is no definition: it leads a list of what is to be done.)
_DEFINITION_LEAD_RE = regex(r"^(?!\W*(?:this|that|it|which|what)\s+means\b)[^:]{0,120}?\b(means|(?:is|are)\s+defined\s+as|shall\s+mean)\b"
                            r"[^:]{0,240}:\s*$", re.I)
# A clause that goes on to describe the term above it ("Lowest-priced bid" / "This method is used for …").
_DESCRIBES_ABOVE_RE = regex(
    r"^\W*(?:this|it|the\s+above)\s+(?:[\w-]+\s+){0,2}?(?:method|criterion|approach|option|procedure|mechanism)\b", re.I)
# A heading over a menu of buying methods ("Tender evaluation options", "Methods for selecting a bid"); a
# heading such as "Delivery options" over a service's sessions is not one.
_BUYING = r"(?:evaluat\w*|award\w*|procur\w*|select\w*|tender\w*|purchas\w*|buying|sourcing|bids?|bidders?|suppliers?|contractors?|quotes?|quotations?)"
_MENU_HEADING_RE = regex(
    r"\b" + _BUYING + r"\s+(?:[\w-]+\s+){0,2}?(?:options|methods|approaches)\b"
    r"|\b(?:options|methods|approaches|types)\s+(?:for|of)\s+(?:[\w-]+\s+){0,3}?" + _BUYING + r"\b", re.I)
# One method of several, numbered and named by what it weighs: "Method 2: Best price-quality ratio".
_NUMBERED_METHOD_RE = regex(
    r"^\W*(?:(?:evaluation|award|procurement|tender|pricing)\s+)?(?:method|model)\s+(?:\d{1,2}|[a-d]|one|two|three|four)\s*[:.)–—-]"
    r"[^:]{0,60}?\b(?:price|cost|quality|meat|value|cheapest|lowest)\b", re.I)
# Figures other than a year, a sum of money or a list number: a count a method description would not hold.
_OTHER_FIGURE_RE = regex(r"^\W*\d+[.)]|\b(?:19|20)\d\d(?:\s*[/–-]\s*\d{2,4})?\b|[$£€]\s?\d[\d,.]*")
# An actual set beside its target: "which exceeded the target of 95 per cent", "was above the target",
# "better than the target". With no modal verb, the clause reports a result; it sets nothing.
_AGAINST_TARGET_RE = regex(
    r"\b(?:exceed(?:ed|s|ing)|surpass(?:ed|es|ing)|beat|missed|(?:has|have|had)\s+(?:\w+ly\s+)?(?:met|achieved|exceeded|missed)"
    r"|(?:are|is|were|was)\s+fail(?:ing|ed)\s+to\s+(?:hit|meet|achieve|reach)|failed\s+to\s+(?:hit|meet|achieve|reach))"
    r"\s+(?:the\s+|its\s+|their\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:targets?|standards?)\b"
    r"|\b(?:was|were|is|are|remains?|remained|been|performing|reported(?:\s+at)?)\s+(?:\w+ly\s+)?"
    r"(?:\d{1,3}(?:\.\d+)?\s*(?:%|per\s?cent),?\s+)?(?:either\s+)?(?:above|below|better\s+than|worse\s+than"
    r"|ahead\s+of|behind|short\s+of|off|on)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?targets?\b"
    r"|\b(?:better|worse|higher|lower)\s+than\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?target\b"
    # A result set beside its target: "92 per cent of participants completed it, compared to a target of 93 per cent".
    r"|\bcompared\s+(?:to|with)\s+(?:a|the|its|their)\s+(?:[\w-]+\s+){0,2}?targets?\s+of\b"
    # Met, in the past, with no figure of the target's own after it: "All but 4 regions met the target as 97% of requests
    # had been allocated" ("We met our target response times of 20 days" still sets out the times).
    r"|(?<!\bnot\s)(?<!\bif\s)\b(?:met|achieved)\s+the\s+(?:[\w-]+\s+){0,2}?targets?\b(?!\s+(?:[\w-]+\s+){0,2}?(?:of|for|at)\s+\d)"
    r"|\b(?:was|were|had\s+been|has\s+been)\b[^.;]{0,200}?\bagainst\s+(?:a|the|its|their)\s+(?:[\w-]+\s+)?target\b"
    # A league table of results told as news: "came out on top in the shorter stays target, beating it by five points",
    # "Only the Waikato DHB lagged behind, reaching 88 per cent of the 95 per cent target".
    r"|\b(?:beating|beat)\s+it\s+by\b|\bcame\s+out\s+on\s+top\b|\blagg(?:ed|ing)\s+behind\b|\bdid\s+(?:the\s+)?(?:worst|best)\b"
    r"|\breach(?:ed|ing)\s+\d{1,3}(?:\.\d+)?\s*(?:%|per\s?cent)\s+of\s+(?:the|its|their)\s+\d{1,3}(?:\.\d+)?\s*(?:%|per\s?cent)\s+target\b", re.I)
# A result cell or opening: "Indicator met.", "Target not achieved", "Standard partly met".
_RESULT_MARK_RE = regex(
    r"(?:^|\|)\s*(?:the\s+)?(?:indicators?|targets?|standards?|kpis?|benchmarks?|measures?)\s+(?:was\s+|were\s+|has\s+been\s+)?"
    r"(?:fully\s+|partly\s+|partially\s+|substantially\s+|largely\s+)?(?:met|not\s+met|achieved|not\s+achieved|exceeded|missed)\b"
    # a scorecard's result line, and progress told against a target: "Result: 1,740,579 meals", "is on track to provide"
    r"|^\W*(?:results?|actual|outturn)\s*:\s*\d|\b(?:is|are|was|were)\s+on\s+track\s+to\s+(?!(?:meet|exceed|hit|achieve|reach)\b)", re.I)
# A person telling what happened to them (a consultation response, a case story), not a body setting anything: an "I" who
# found, waited, got or was told, with "my" or "me" (not a minister's "I have set the agency the following targets").
_TESTIMONY_RE = regex(r"(?:^|[.!?]\s+|[–—]\s+)I\s+(?:found|was|got|waited|received|felt|tried|asked|needed|wanted|had|have\s+(?:been|had"
                      r"|waited|asked|tried|\w+\s+(?:years|months|weeks)))\b")
_NOT_APPLICABLE_END_RE = regex(r"\b(?:not\s+applicable|n/a)(?:\s+(?:to|for|in)\s+[\w&'’ -]{1,40})?[\s.;)]*$", re.I)
_FIRST_PERSON_RE = regex(r"\b(?:my|me)\b")
_TARGET_WORD_RE = regex(r"\b(?:targets?|kpis?|standards?|indicators?)\b", re.I)
_BINDING_MODAL_RE = regex(r"\b(?:will|shall|must|should|needs?\s+to|is\s+to|are\s+to|required\s+to|expected\s+to)\b", re.I)
# A modal inside a relative clause binds what the clause is about, not the sentence ("X, which will receive
# £85,000 over the period, had 411 young people registered").
_RELATIVE_MODAL_RE = regex(r"\b(?:which|who)\s+(?:will|shall|is\s+to|are\s+to)\b", re.I)
# A figure told roughly ("around 125,000", "in excess of 13,000"): how much is done now, not a number to reach.
_ROUGH_FIGURE = r"(?:around|about|approximately|roughly|some|an\s+estimated|nearly|almost|more\s+than|over|in\s+excess\s+of)\s+\d"
# An organisation's own account of what it does now: "Our workforce supports 16,000 people", "We see 300
# families a year". With no modal verb or target word it describes the service; it sets nothing.
_OWN_ACCOUNT_RE = regex(
    r"^\W*(?:we|our\s+(?:[\w'&-]+\s+){0,3}?[\w'&-]+(?:\s*,[^,.;]{0,80},)?)\s+(?:currently\s+|now\s+|already\s+|each\s+year\s+)?"
    r"(?:supports?|serves?|helps?|reach(?:es)?|works?\s+with|sees?|cares?\s+for|looks?\s+after|houses?|visits?)\s+"
    r"(?:over\s+|around\s+|about\s+|more\s+than\s+|nearly\s+|almost\s+|some\s+|up\s+to\s+)?\d"
    # The work it does, told with a rough figure in a sentence of its own: "Our annual repairs budget is approximately
    # £35m. We carry out around 125,000 repairs and 20,000 gas safety checks annually." (Without "around" or the like,
    # "We answer 90% of calls within 20 seconds" is a charter's standard.)
    r"|(?:^|(?<=[.!?]\s))\W*(?:we|our\s+(?:[\w'&-]+\s+){0,3}?[\w'&-]+)\s+(?:currently\s+|now\s+|already\s+|each\s+year\s+)?"
    r"(?:carry\s+out|deliver|complete|handle|receive|process|answer|make|undertake|manage|perform|respond\s+to|deal\s+with|take|"
    r"collect|empty|empties|inspect|issue|provide)s?\s+" + _ROUGH_FIGURE +
    # The same told of the commissioner by its name, in the present: "Perth and Kinross has a growing population of older
    # people and the HSCP arranges around 13,000 hours of care each week" (the market today, not hours set for a provider).
    r"|(?:^|(?<=[.!?]\s)|(?<=,\s)|(?<=\band\s))\W*(?:the\s+)?(?:[\w&'-]+\s+){0,3}?(?:hscp|ijb|council|partnership|authority"
    r"|department|trust|board|county|city|borough|ministry|government)\s+(?:currently\s+|now\s+|already\s+)?(?:arranges|commissions"
    r"|purchases|funds|buys|provides|delivers|supports)\s+" + _ROUGH_FIGURE +
    # ... or what it gives, to roughly how many: "The council provides subsidised meals to more than 200 people who live at home".
    r"|(?:^|(?<=[.!?]\s))\W*(?:the\s+)?(?:[\w&'-]+\s+){0,3}?(?:council|authority|department|trust|board|county|city|borough|ministry"
    r"|government)\s+(?:currently\s+|now\s+|already\s+)?(?:provides|delivers|offers|funds)\s+(?:[\w-]+\s+){1,5}?(?:to|for)\s+"
    + _ROUGH_FIGURE, re.I)
# A share already achieved "within timescale" (a limit set elsewhere): "100 per cent of reviews completed
# within timescale;". A target names its limit, or says the share is to be met.
_WITHIN_TIMESCALE_RE = regex(
    r"^\W*\d{1,3}(?:\.\d+)?\s*(?:%|per\s?cent)\s+of\s+[^.;:]{1,120}?\b(?:completed|held|made|carried\s+out|done|seen|visited"
    r"|reviewed|undertaken|allocated)\s+(?:with)?in\s+(?:the\s+)?(?:required\s+|agreed\s+|statutory\s+)?timescales?\b", re.I)
# A meeting's business told as news: "The committee will meet on Thursday and will hear about …".
_MEETING_NEWS_RE = regex(
    r"\b(?:committee|cabinet|board|panel|councillors|members|scrutiny)\s+(?:will|is\s+to|are\s+to)\s+(?:meet|hear|consider|receive|discuss|note|be\s+(?:told|asked|given|updated))\b"
    # Minutes of what a meeting was told: "Members heard that all call-handling measures were on target".
    r"|\b(?:committee|cabinet|panel|councillors|members|scrutiny)\s+(?:heard|noted|were\s+(?:told|informed|advised|reminded))\s+that\b"
    # A forecast of demand, not a level set for a provider: "Based on current trends, calls in 2027 will be about 90,000".
    r"|^\W*based\s+on\s+(?:current|recent|past|previous|historical|existing|present)\s+(?:trends|demand|activity|volumes|figures|data)\b",
    re.I)
# A bidder telling of its own readiness: "X is well prepared to collect accurate data".
_BIDDER_CLAIM_RE = regex(
    r"^\W*+(?:[\w'&-]+\s+){1,4}?(?:is|are|am)\s+(?:well|fully|uniquely|ideally|best|very\s+well)\s+(?:prepared|placed|positioned|equipped|qualified|suited)\s+to\b",
    re.I)
# Any of the cues above, in one pass: most clauses have none, and need no further look.
_REPORT_CUE_RE = regex("|".join(f"(?:{rx.pattern})" for rx in (
    _AGAINST_TARGET_RE, _RELATIVE_MODAL_RE, _OWN_ACCOUNT_RE, _WITHIN_TIMESCALE_RE, _MEETING_NEWS_RE, _BIDDER_CLAIM_RE)), re.I)


# A clause that is only a threshold, its measure named on the label line above it: "The goal is 100%.",
# "Acceptable performance is 90%.", "Target: 95%".
_THRESHOLD_ONLY_RE = regex(
    r"^\W*(?:(?:the|our|a)\s+|[A-Z][\w&.-]{1,30}(?:'s|’s)\s+)?(?:goal|target|standard|benchmark|threshold|minimum|maximum|aim|requirement"
    r"|(?:acceptable|achievable)(?:\s+(?:performance|level))?"
    r"|expected(?:\s+(?:performance|level))?|performance\s+(?:standard|target|threshold|level))"
    r"\s*(?:is|will\s+be|shall\s+be|of|:|=|-|–)\s*(?:(?:at\s+least|a\s+minimum\s+of|no\s+(?:less|fewer)\s+than|not\s+less\s+than"
    r"|(?:greater|more)\s+than(?:\s+or\s+equal\s+to)?|>=|≥)\s*)?"
    r"\d{1,3}(?:\.\d+)?\s*(?:%|per\s?cent)\W*$", re.I)


# A bare indicator line: what is counted, with no figure ("Number of referrals made", "% of clients seen").
_BARE_INDICATOR_RE = regex(r"^\W*(?:total\s+)?(?:number|no\.|no(?=\s+of\b)|#|percent(?:age)?|proportion|rate|%)\s+of\b", re.I)
# An outcome statement over such lines, in an outcomes framework: "People at risk get help early", "Fewer
# children will need care", "Risk is reduced for people who use drugs", "Services: support services are safe
# and effective". The indicators under it are how progress to it is tracked; they hold no provider to a count.
_OUTCOME_STATEMENT_RE = regex(
    r"^\W*+(?:[\w'’-]+\s*:\s*)?(?:(?:fewer|more|all|most)\s+)?(?:[\w'’,/-]+\s+){0,8}?(?:people|children|young\s+people"
    r"|adults|families|individuals|communities|residents|patients|carers|services|risks?|harms?)\b(?:\s+[\w'’,/-]+){0,12}?"
    r"\s+(?:have|has|receive|are|is|feel|live|get|will|can|experience|access|move|enter|stay|remain|need|recover|thrive"
    r"|achieve|become)\b", re.I)
# What one billing unit or period is: "A half unit of respite is six to 12 hours", "1 week = five working days",
# "An 'hour' is at least 50 minutes of direct service". It sets no level to reach; the cost-first rules, which do
# not judge only targets, still read a unit of care paid by time.
_UNIT_DEF_RE = regex(
    r"^\W*(?:a|an|one|1|each)\s+(?:half\s+|full\s+|partial\s+)?[\"'“‘]?(?:unit|hour|week)[\"'”’]?\s*(?:of\s+(?:[\w-]+\s+){1,2}?)?"
    r"(?:is|equals|=|means)\s+(?!(?:paid|charged|billed|funded|priced|reimbursed|invoiced)\b)", re.I)
_SPAN_RE = regex(r"\b\d{1,3}\s+(?:working\s+)?(?:hours|days|weeks|months|years)\b", re.I)  # a time limit is not a level
# A row or line turning minutes of contact into billing units: "8 minutes up to 22 minutes | 1 unit", "Fewer than 8
# minutes: no units can be billed", "Number of 15-minute units that can be billed". A counting rule, not a rate or a level.
_UNIT_CONVERSION_RE = regex(
    r"\bmin(?:ute)?s?\b[^.;$£€|\t=\n]{0,40}?(?:\s*(?:\||\t|=|->|→|:)|\s+(?:equals?|counts?\s+as|(?:is|are)\s+(?:billed|claimed|counted)\s+as))"
    r"\s*(?:no|\d{1,2}(?:\.\d+)?|one|two|three|four|five|six|half\s+an?|a)\s+(?:[\w-]+\s+)?units?\b"
    r"|\bunits?\s+(?:that\s+|which\s+)?(?:can|may)\s+(?:not\s+)?be\s+(?:billed|claimed|charged|invoiced)\b", re.I)
_MINUTE_RANGE_RE = regex(
    r"^\W*(?:(?:fewer|less|more|under|over|at\s+least|up\s+to)\s+(?:than\s+)?)?\d{1,3}\s+min(?:ute)?s?"
    r"(?:\s*(?:up\s+to|to|through|-|–|and)\s*\d{1,3}\s+min(?:ute)?s?)?(?:\s+or\s+(?:more|less|fewer))?[\s|\t:]*$", re.I)
_UNIT_COUNT_RE = regex(r"^\W*(?:no|\d{1,2}(?:\.\d+)?|one|two|three|four|five|six|half\s+an?|a)\s+(?:[\w-]+\s+)?units?\b[^\d\n]{0,40}$", re.I)
_MONEY_RE = regex(r"[$£€]\s?\d|\b(?:rate|fee|price|paid|pay)\b", re.I)
# An award rule that weighs price with other factors: "awarded to the offeror whose proposal is most advantageous, price
# and other factors considered", "award to the tender offering best value", "the best price-quality ratio". It sets no
# price-first rule; with a figure or "lowest" beside it the weighting rules judge it.
_BALANCED_AWARD_RE = regex(
    r"\b(?:most\s+(?:economically\s+)?advantageous|best\s+(?:overall\s+)?value|best\s+price[-\s]quality\s+ratio"
    r"|(?:price|cost)\s+and\s+(?:all\s+)?other\s+(?:evaluation\s+|relevant\s+)?factors\s+considered)\b", re.I)
_AWARD_WORD_RE = regex(r"\b(?:award\w*|select\w*|chosen|accept\w*)\b", re.I)
_PRICE_LED_RE = regex(r"\d|\b(?:lowest|cheapest|least\s+(?:expensive|costly)|low\s+bid|alone|solely|only|primary|primarily|pricing|price[-\s]based"
                      r"|(?:price|cost)\s+criteri\w*"
                      r"|predominant\w*|main(?:ly)?|most\s+important|greatest\s+weight)\b", re.I)


def balanced_award(text: str) -> bool:
    """True for an award rule that weighs price with other factors and names no price-first rule."""
    return bool(_BALANCED_AWARD_RE.search(text)) and bool(_AWARD_WORD_RE.search(text)) and not _PRICE_LED_RE.search(text)
_MEASURE_WORD_RE = regex(r"\b(?:indicators?|measures?|measured|kpis?|targets?|performance|report\w*|monitor\w*|data|contract\w*"
                         r"|provider|specification|deliver\w*|must|shall)\b|:\s*$", re.I)


def caption(text: str) -> bool:
    """Whether the clause is a table's or a chart's caption ("Figure 4: Per Diem Rates for Residential Care")."""
    return _CAPTION_RE.match(text.strip()) is not None


def threshold_only(text: str) -> bool:
    """True when the clause sets a figure and nothing else, so its measure is the label above it."""
    return bool(_THRESHOLD_ONLY_RE.match(text.strip()))


_NO_TARGET_RE = regex(r"\b(?:report(?:ing)?\s+only|monitor(?:ing)?\s+only|for\s+information|no\s+target|not\s+set|baseline\s+year|n/a)\b", re.I)
_HEADING_LIKE_MAX = 90
_BRACKET_NOTE_RE = regex(r"\s*\([^()]{0,60}\)|\s+[—–-]\s+[^|]{1,80}$")  # a note in brackets, or after a dash
_HEADER_CELL_MAX = 45  # characters: a column name is short; a longer cell is a row's content
_MAX_FLAT_CELLS = 24  # a flattened row is re-joined as it grows: a cap keeps a long list of numbers linear  # characters: longer unpunctuated lines are prose cut short, not labels


def split_cells(text: str) -> tuple[str, ...]:
    """The cells of a row in any of the forms pasted text gives it."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) > 1 and sum(line.count("|") >= 2 for line in lines) > 1:
        text = lines[0]  # several piped rows read as one clause: the first is this clause's row
    for sep in (r"\|", r"\t", r"\s+/\s+", r"\n\s*\n|\n"):
        parts = [p.strip() for p in re.split(sep, text)]
        if sep == r"\|" and len(parts) > 2:
            # an empty cell between two bars keeps its column ("2 | Respond to letters | | Administration | One day");
            # the empty ends outside the first and last bar are not cells
            while parts and not parts[0]:
                parts.pop(0)
            while parts and not parts[-1]:
                parts.pop()
            if len(parts) >= 2 and any(parts):
                return tuple(parts)
        parts = [p for p in parts if p]
        if len(parts) >= 2:
            return tuple(parts)
    return (text.strip(),)


def column_roles(header: tuple[str, ...]) -> tuple[str, ...]:
    roles = []
    for cell in header:
        roles.append(next((name for name, rx in _COLUMN_RES if rx.search(cell)), "other"))
    if roles and roles[0] in ("other", "result"):
        roles[0] = "indicator"  # the first column names the row
    if "target" not in roles:
        # A plan's years after the last actual ("Actual 2019/20 | Year 1 2021/22 | Year 2 2022/23"): the first of them
        # is the level set for the year ahead.
        actual = next((k for k, cell in enumerate(header) if _ACTUAL_HEAD_RE.search(cell)), None)
        if actual is not None:
            ahead = next((k for k in range(actual + 1, len(header)) if _PLAN_YEAR_HEAD_RE.match(header[k])), None)
            if ahead is not None:
                roles[ahead] = "target"
    return tuple(roles)


# (A budget's "Estimated performance" or "Revised estimate" for the year under way stands where the actuals would.)
_ACTUAL_HEAD_RE = regex(r"\bactuals?\b|\bestimated\s+(?:performance|outcome|outturn)\b|\brevised\s+estimates?\b", re.I)
# A year of a plan ("Year 1 2021/22"), or a later period a budget book sets a level for ("2022-2023 Budget", "2023
# Projected", "Estimate FY 26", "FY2025 Adopted").
_PLAN_YEAR_HEAD_RE = regex(r"^\W*(?:year|yr)\s*\d{1,2}\b(?:\s*[-–]\s*\d{1,2})?\s*\(?(?:19|20)\d\d"
                           r"|^(?=[^|]{0,40}(?:(?:19|20)\d\d|\bfy\s?\d\d))(?=[^|]{0,40}\b(?:budget(?:ed)?|projected|projection|proposed"
                           r"|adopted|planned|estimates?|mtef)\b)(?![^|]{0,40}\b(?:actual|to[- ]date|ytd)\b)", re.I)


def _under_reporting_heading(headings: list[str], text: str) -> bool:
    """Whether a clause with no figure sits under a heading of what is reported ("Reporting Requirements"), not of targets."""
    return bool(headings) and _REPORTING_HEADING_RE.search(headings[-1]) is not None \
        and not _TARGET_LEAD_RE.search(headings[-1]) and not re.search(r"\d", text)


@lru_cache(maxsize=2048)
def report_only_lead_in(text: str) -> bool:
    """'Providers report quarterly on:' introduces fields of a return, not targets to meet."""
    return bool(_REPORT_LEAD_RE.search(text)) and not _TARGET_LEAD_RE.search(text)


# A dashboard icon's alt text that a web copy keeps after a row's figures: "Green happy face indicating meeting or
# exceeding the target", "Down arrow representing a negative trend". It marks how the year went beside the target the
# row still sets, so it is no account of results in the row's own words.
_ICON_ALT_RE = regex(
    r"(?:\b(?:green|amber|red|yellow|grey|gray|blue)\s+)?\b(?:happy|sad|smiling|frowning|neutral|straight|smiley)\s+face"
    r"\s+(?:indicating|representing|showing|meaning)\b[^\n|]{0,80}"
    r"|\b(?:up|down|upward|downward|sideways|level|flat|no\s+change)\s+arrow\s+(?:indicating|representing|showing|meaning)\b[^\n|]{0,60}",
    re.I)


def without_icon_alt(text: str) -> str:
    """The text without a dashboard icon's alt text ("Green happy face indicating meeting the target")."""
    return _ICON_ALT_RE.sub(" ", text).rstrip() if "face" in text or "arrow" in text else text


@lru_cache(maxsize=8192)
def text_role(text: str, kind: str = "sentence") -> str:
    """The role a clause has on its own words."""
    stripped = text.strip()
    stripped = without_icon_alt(stripped).strip()
    if kind == "heading":
        return "heading"
    if _QUESTION_OR_MYTH_RE.search(stripped):
        return "question"
    if _DEFINITION_RE.search(stripped) or _DEFINED_AS_RE.search(stripped[:120]):
        return "definition"
    if _TERM_DEF_RE.search(stripped) and not re.search(r"\d", stripped) and not sets_requirement(stripped):
        return "definition"  # "Output: the number of …" in a glossary; with a figure or a "must" it is a target
    if _NAMED_MEASURE_DEF_RE.search(stripped) and not sets_requirement(stripped):
        return "definition"  # a glossary's named measure and what it counts, its periods and limits part of the count
    if _DESCRIBES_MEASURE_RE.search(stripped) and not re.search(r"\d", _MEASURED_SPAN_RE.sub(" ", _FORM_REF_RE.sub(" ", stripped))) \
            and not sets_requirement(stripped):
        return "definition"  # "This annual measure reports on …", "VSDCS tracks the total number of …": what is counted
    if _METHOD_DEF_RE.search(stripped) and not _AWARD_RULE_RE.search(stripped) \
            and not re.search(r"\d", _OTHER_FIGURE_RE.sub(" ", stripped)):
        return "definition"  # a guide's account of a method, not the rule of a contract
    if kind == "sentence" and _DATA_PERIOD_TITLE_RE.match(stripped) and not sets_requirement(stripped):
        return "heading"  # "Service data: 12th August 2021 (date of launch) to 30th September 2023": the title over its figures
    if kind == "sentence" and _is_label(stripped) and _RESULTS_HEADING_RE.search(stripped) \
            and not re.search(r"\d", _SECTION_NUMBER_RE.sub("", stripped, count=1)):
        return "heading"  # (its section's number is not a figure: "2.1 IMPORTANT INFORMATION AT A GLANCE OF HOSPITAL")  # "Indicators & Metrics to Date": the title over results, which the figures under it are
    if reports_fact(stripped) or (_REPORTING_DUTY_RE.search(stripped) and not re.search(r"\d", stripped)):
        return "report"
    if kind == "sentence" and _CAPTION_RE.match(stripped) and "\n" not in stripped and len(stripped) <= 120 \
            and not _SENTENCE_END_RE.search(stripped) and not re.search(r"\d", _CAPTION_RE.sub("", stripped, count=1)):
        return "heading"  # a caption alone, its figures in the rows under it: "Figure 4: Per Diem Rates for Residential Care"
    if _FIGURE_CAPTION_RE.match(stripped):
        return "report"  # a chart's caption and the figures a copy took from it: "Figure 7: Percentage of … 58% 57% 44%"
    if _RESULT_MARK_RE.search(stripped) and not _BINDING_MODAL_RE.search(stripped):
        return "report"  # "| Indicator met. | The agency carried out 1,014 audits …": a row of results
    if _REPORT_CUE_RE.search(stripped) and _reports_by_cue(stripped):
        return "report"  # a result against its target, news, a bidder's claim, an account of what a service does
    if _PAST_PERIOD_RE.search(stripped) and _PAST_COUNT_RE.search(stripped) and not sets_requirement(stripped):
        return "report"
    if (_TREND_RE.search(stripped) or _DISTRIBUTION_RE.search(stripped)) and not sets_requirement(stripped):
        return "report"
    if _DATA_DESCRIPTION_RE.search(stripped) and not sets_requirement(stripped):
        return "report"  # "Figures on the number of calls answered each month": what a data set holds
    if _PRACTICE_DESCRIPTION_RE.search(stripped) and not sets_requirement(stripped):
        return "report"  # "Many services use the 15 hours a week option": what the market does
    if _AUDIT_SCOPE_RE.search(stripped):
        return "report"  # "This audit was initiated to evaluate whether the hotline … requires calls to be answered within 20 seconds"
    if _SELF_DESCRIPTION_RE.search(stripped) and (not re.search(r"\d", stripped)
                                                  or _OWN_PARTS_RE.search(stripped) and not _BINDING_MODAL_RE.search(stripped)):
        return "report"  # "This policy states the requirements for …": what the document is about, no figure set (or a count
        # of its own parts: "These FAQs provide information in relation to 11 activities")
    if _NOT_APPLICABLE_END_RE.search(stripped) and not _BINDING_MODAL_RE.search(stripped):
        return "report"  # a measure answered "Not applicable to this trust": named, but nobody here is held to it
    if _TESTIMONY_RE.search(stripped) and _FIRST_PERSON_RE.search(stripped) and not _BINDING_MODAL_RE.search(stripped) \
            and not _TARGET_WORD_RE.search(stripped):
        return "report"  # a person's own account in a consultation: "I waited … my provider never offered me 16 hours …"
    if _PROCEDURE_RE.search(stripped):
        return "procedure"  # the buyer's own steps; a modal verb here binds the buyer, not the provider
    if sets_requirement(stripped):
        if kind == "sentence" and _TABLE_TITLE_RE.search(stripped) and _is_label(stripped) and not modal_or_imperative(stripped):
            return "heading"  # "Business Event Targets for 2004-05": the title over a table of targets, which its rows set
        return "target"
    if kind == "sentence" and _is_label(stripped):
        if _COLUMN_NAMES_LINE_RE.match(stripped):
            return "header"  # "Location Number of Beds Current Average Waiting Time": a statistics table's columns, named
        return "heading"
    return "guidance"


# A line of column names over a table of figures, a count's name among others: "Location Number of Beds Current Average
# Waiting Time", "Region Number of Clinics Average Wait" (a count then a second measure or a place: no one row's label).
_COLUMN_NAMES_LINE_RE = regex(r"(?:[A-Z][\w/&'’-]*\s+){0,3}?(?:Number|No\.|Total)\s+(?:of\s+)?(?:[A-Z][\w-]*\s+){1,3}?(?:Current|Average"
                              r"|Mean|Median|Waiting|Location|Region|Area|Date|Type|Status|Percentage|Cost|Value)\b(?:\s+[A-Z][\w-]*){0,4}\s*$")


def _reports_by_cue(text: str) -> bool:
    """The finer checks behind _REPORT_CUE_RE (one pass over every clause; these run only on a cue)."""
    if _MEETING_NEWS_RE.search(text):
        return True  # "the committee will meet and will hear about …": news of a meeting
    if _BINDING_MODAL_RE.search(_RELATIVE_MODAL_RE.sub("which", text)):
        return False  # a binding verb outside a relative clause: the clause sets something
    if _AGAINST_TARGET_RE.search(text) or _BIDDER_CLAIM_RE.search(text):
        return True
    if _RELATIVE_MODAL_RE.search(text) and reports_fact(_RELATIVE_MODAL_RE.sub("which", text)):
        return True  # the only modal sits in a relative clause; the sentence reports a figure
    return bool(_OWN_ACCOUNT_RE.search(text) or _WITHIN_TIMESCALE_RE.search(text)) and not sets_requirement(text) \
        and not _BINDING_MODAL_RE.search(text) and not re.search(r"\bto\s+be\b", text, re.I)


# A heading over a worked example or a case study: what its clauses say happened or will happen is an illustration of the
# guidance around it, not a requirement ("Example: total extra hours", "Worked example 2", "Case study – a day centre").
_EXAMPLE_HEADING_RE = regex(r"^\W*(?:(?:a\s+)?worked\s+examples?|examples?(?:\s+\d{1,2})?\s*(?:[:–—-]|$)|case\s+stud(?:y|ies)\b"
                            r"|illustrative\s+example|hypothetical\b)", re.I)


def under_results_heading(headings: list[str]) -> bool:
    """Inside a section of results ("Performance at a glance", "Key statistics"), none of whose headings
    names targets or a contract."""
    return any(_RESULTS_HEADING_RE.search(h) for h in headings) and not any(_TARGET_HEADING_RE.search(h) for h in headings)


_FOOTNOTE_MARK_RE = regex(r"(?<=[a-z])\d{1,2}$")


def _is_label(text: str) -> bool:
    # A year or a financial year ("Key statistics 2018-19") may sit in a label, and so may a footnote's number glued to its
    # last word ("Benefit Clearance Times1") and a section's number before it ("2.1 KEY FACTS"); any other figure is a value.
    undated = _FOOTNOTE_MARK_RE.sub("", _YEAR_RE.sub(" ", _SECTION_NUMBER_RE.sub("", text, count=1) if text[:1].isdigit() else text))
    return len(text) <= _HEADING_LIKE_MAX and not re.search(r"[.!?;:,]$", text) and not re.search(r"\d", undated) \
        and len(text.split()) <= 12 and not _VALUE_RE.match(text) and bool(undated.strip())


# A table of contents by its heading; its entries are titles, with a section's code before them ("C2", "B2(1)", "4.3")
# and a page number or dot leaders after. Only a short title line with no figure of its own, no modal and no sentence
# end is one, so that a plain-text document whose later headings go unseen is not silenced below "Contents".
_CONTENTS_HEADING_RE = regex(r"^\W*(?:table\s+of\s+)?contents?(?:\s+page)?\W*$", re.I)
_CONTENTS_CODE_RE = regex(r"^\W{0,3}(?:[A-Z]{1,2}\d{1,3}(?:\(\d{1,2}\))?|\d{1,2}(?:\.\d{1,2}){0,3}\.?)\s+")
_CONTENTS_PAGE_RE = regex(r"(?:\s*\.{2,}\s*|\s+)\d{1,3}$")


# A table of contents' row, under any heading or none: a part's label, its title (words only) and a page number
# (scoring/weights.py reads no weight in it either: "Appendix 3 | - Pricing Schedule | 52").
CONTENTS_ROW_RE = regex(r"\|?\s*(?:appendix|annex(?:ure)?|schedule|part|section|chapter|attachment|exhibit)\s+(?:\d{1,2}|[ivxlc]{1,5}|[a-z])"
                         r"\s*\|\s*[-–]?\s*[A-Za-z][A-Za-z ,&'’()/-]{2,90}?\s*\|\s*\d{1,3}\s*\|?", re.I)


def _contents_entry(text: str) -> bool:
    title = _CONTENTS_PAGE_RE.sub("", _CONTENTS_CODE_RE.sub("", text.strip(), count=1), count=1).rstrip(" .")
    return 0 < len(title.split()) <= 16 and "\n" not in title and "|" not in title and not re.search(r"\d|[.!?;:]", title) \
        and not _BINDING_MODAL_RE.search(title)


# A measure specification's part headings: the line under "Numerator" says what is counted.
_COUNT_PART_HEADING_RE = regex(r"^\W*(?:numerator|denominator)s?\W*$", re.I)
_YEAR_RE = regex(r"\b(?:19|20)\d\d(?:\s*[/–-]\s*(?:(?:19|20)?\d\d))?\b")


def _is_fragment(clause: Clause) -> bool:
    """A short line with no sentence end: a cell of a flattened row, a list entry, a label."""
    t = clause.text.strip()
    return clause.kind != "heading" and len(t) <= 200 and not re.search(r"[.!?]$", t)


# A header of two cells naming a measure and its target: "Indicator | Target", "KPI | Performance target", "Service |
# Standard" (the second column holds what the provider is held to).
_TWO_CELL_MEASURE_RE = regex(r"^\W*(?:(?:key\s+)?performance\s+)?(?:indicators?|measures?|kpis?|metrics?|services?|activit(?:y|ies)|outputs?|deliverables?"
                             r"|objectives?|(?:service|performance)\s+(?:standards?|areas?)|what\s+we\s+(?:will\s+)?(?:do|measure)"
                             r"|assessment\s+of\s+performance|performance\s+assessment)\W*$", re.I)
# (the year may come first, and a budget may set it: "2018/19 Budget Standard")
_TWO_CELL_TARGET_RE = regex(r"^\W*(?:(?:19|20)\d\d(?:\s*(?:/|-)\s*\d{2,4})?\s+)?(?:(?:performance|kpi|service|annual|minimum|contract(?:ual)?"
                            r"|budget(?:ed)?)\s+)?(?:targets?|standards?|goals?|target\s+levels?)"
                            r"(?:\s+(?:(?:19|20)\d\d(?:\s*(?:/|-)\s*\d{2,4})?|level))?(?:\s*\((?:numerical\s+)?(?:value|number|figure)\))?\W*$", re.I)


def _header_like(cells: tuple[str, ...]) -> bool:
    """A header names columns: several short cells (two when one is a time limit), none of them a value or a percentage."""
    # (a note in brackets or after a dash is not the column's name: "PERFORMANCE MEASURES (Division: Senior Center)",
    # "Desired Level — Strategic Focus Area: Arts & Culture")
    years = _year_columns(cells)
    return (len(cells) >= 3 or len(cells) == 2 and (TIME_LIMIT_COLUMN_RE.search(cells[1]) is not None
                                                    or _TWO_CELL_MEASURE_RE.search(cells[0]) is not None
                                                    and _TWO_CELL_TARGET_RE.match(cells[1]) is not None)) \
        and not any((_VALUE_RE.match(c) and not (k == 0 and _NUMBER_HEADING_RE.match(c)) and not (years and k > 0)) or "%" in c
                    or len(_BRACKET_NOTE_RE.sub("", c)) > _cell_max(c) for k, c in enumerate(cells))


# A column named by its year alone, perhaps with a note: "2019", "2020 (forecast)", "2023/24", "FY2022".
_YEAR_CELL_RE = regex(r"^\W*(?:fy\s?)?((?:19|20)\d\d)(?:\s*[/–-]\s*(?:(?:19|20)?\d\d))?(?:\s*\(?[a-z][a-z ]{0,20}\)?)?\W*$", re.I)


def _year_columns(cells: tuple[str, ...]) -> bool:
    """Whether a row's cells after its first are years running on from one to the next ("Grant type | 2018 | 2019 | 2020
    (forecast)"): a header naming its columns by year, not a row of counts (three counts that happen to fall between 1900
    and 2099 seldom rise a year at a time)."""
    if len(cells) < 3 or not re.search(r"[A-Za-z]", cells[0]) or re.search(r"\d", cells[0]):
        return False
    found = [_YEAR_CELL_RE.match(c) for c in cells[1:]]
    if not all(found):
        return False
    years = [int(m.group(1)) for m in found if m]
    return all(0 < b - a <= 2 for a, b in zip(years, years[1:]))


# A number column's heading as the first cell, not a Yes/No value: "No.", "No", "#" over the rows' item numbers.
_NUMBER_HEADING_RE = regex(r"^\W*(?:no\.?|#)\W*$", re.I)


def _cell_max(cell: str) -> int:
    """How long a column name may be: a time limit column's name says whose time and for what at length ("Time limit for
    providing service by the Urban Local Body", as Right to Services schedules head it)."""
    return _HEADER_CELL_MAX * 2 if TIME_LIMIT_COLUMN_RE.search(cell) else _HEADER_CELL_MAX


def _row_like(clause: Clause) -> bool:
    """A table row, also as a sentence clause when pipes or slashes part its cells."""
    t = clause.text
    return clause.kind == "row" or t.count("|") >= 2 or (t.count(" / ") >= 2 and "\n" not in t)


def _two_cells(text: str) -> bool:
    """A line of two cells parted by one bar ("Type of maintenance | Target response time", "Urgent repairs | 4 hours")."""
    return text.count("|") - text.rstrip().endswith("|") - text.lstrip().startswith("|") == 1 and " | " in text \
        and "\n" not in text.strip()


# A cell that is a time limit and nothing more: "Within 1 business day", "Within 2 Working Days", "Made within 2 -5 working
# days", "We will inspect within 1 hour".
LIMIT_CELL_RE = regex(r"^\W*(?:(?:we\s+will\s+)?[a-z]+\s+)?within\s+(?:\d{1,3}(?:\s*(?:-|–|to)\s*\d{1,3})?|one|two|three|four|five|six"
                       r"|seven|ten|fourteen|twenty|thirty)(?:\s*\(\d{1,3}\))?\s*[- ]?(?:working\s+|business\s+|calendar\s+|clear\s+)?"
                       r"(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\b(?:\s+of\s+[^|]{0,60})?\W*$", re.I)


def _limit_header(text: str, following: str) -> bool:
    """A line of two short cells that name columns (no figure in them) over a row whose second cell is a time limit."""
    if not _two_cells(text) or not (_row_like_text(following) or _two_cells(following)):
        return False
    head, row = split_cells(text), split_cells(following)
    return len(head) == 2 == len(row) and all(len(cell) <= _HEADER_CELL_MAX and not re.search(r"\d", cell) for cell in head) \
        and LIMIT_CELL_RE.match(row[1]) is not None


def _row_like_text(text: str) -> bool:
    return text.count("|") >= 2 and "\n" not in text.strip()


def _looks_header_line(clause: Clause) -> tuple[str, ...] | None:
    if _row_like(clause) or _two_cells(clause.text):
        cells = split_cells(clause.text)
        if _header_like(cells):
            return cells
    return None


_HEADER_CELL_LINE_RE = regex(r"^[A-Za-z][^\n.;:,|\t]{0,58}\??$")


def _header_cell_lines(clauses: list[Clause], i: int) -> str | None:
    """The header of a table copied one cell a line, just above clause i: two to six short labels (no figure but a year),
    one naming a target column, read as one header line; None otherwise."""
    cells: list[str] = []
    k = i - 1
    while k >= 0 and len(cells) < 6:
        t = clauses[k].text.strip()
        if clauses[k].kind == "row" or not _HEADER_CELL_LINE_RE.match(t) or re.search(r"\d", _YEAR_RE.sub(" ", t)):
            break
        cells.append(t)
        k -= 1
    if len(cells) < 2:
        return None
    line = " ".join(reversed(cells))
    return line if _flat_header(line) else None


# A table's caption: "Table 1: Funded indicators with annual weighting for the period commencing" / "1 July 2011 |" (a
# caption over two lines is a sentence to the segmenter, but it ends on no stop and names the table below it).
_TABLE_CAPTION_RE = regex(r"Table\s+[A-Z]?\d{1,3}[A-Za-z]?\s*[:.–-]\s*[^\n]{3,200}?(?:\n[^\n.]{1,80}?)?[ \t|]*", re.I)


def build(clauses: list[Clause]) -> list[ClauseInfo]:
    """One ClauseInfo for each clause, in order."""
    out: list[ClauseInfo] = []
    headings: list[str] = []
    lead_in: str | None = None
    header: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    flat: list[int] = []  # indexes of the fragments of a flattened row being gathered
    opener = None  # the first cell of that row, when it shares a clause with the header line
    under_outcome = False  # the last line that was not a bare indicator states an outcome
    flat_head: str | None = None  # the header line of a table pasted with spaces only, while its rows follow
    for i, c in enumerate(clauses):
        text = c.text.strip()
        role = text_role(text, c.kind)
        if flat_head is not None:
            cells = _flat_lines(text) if not _row_like(c) else None
            if cells is not None:
                out.append(ClauseInfo(_flat_role(role), tuple(headings), None, (flat_head,), cells,
                                      _flat_columns(cells)))
                continue
            flat_head = None
        if flat_head is None and not header and i >= 2 and not _row_like(c) and (cells := _flat_lines(text)) is not None \
                and (head_line := _header_cell_lines(clauses, i)):
            # a header copied one cell a line ("Measure 2003/04" / "Target" / "Status"), then its rows pasted with spaces
            out.append(ClauseInfo(_flat_role(role), tuple(headings), None, (head_line,), cells, _flat_columns(cells)))
            flat_head = head_line
            continue
        if not header and not _row_like(c) and _HEAD_PART_RE.match(text.partition("\n")[0].strip()) \
                and (head_line := _head_above(clauses, i)) is not None:
            first, _, rest = text.partition("\n")
            if rest.strip() and (cells := _flat_lines(rest)) is not None:
                # the header's last line glued to the rows under it ("17/18 18/19\n# of Programs Offered 1,019 1,000")
                r_start = len(first) + 1 + (len(rest) - len(rest.lstrip()))
                line_end = text.find("\n", r_start)
                out.append(ClauseInfo(_flat_role(role), tuple(headings), None, (head_line,), cells, _flat_columns(cells),
                                      c.start + r_start, c.start + (line_end if line_end >= 0 else len(text.rstrip()))))
                flat_head = head_line
                continue
            if not rest.strip() and i + 1 < len(clauses) and not _row_like(clauses[i + 1]) \
                    and _flat_lines(clauses[i + 1].text.strip()) is not None:
                flat_head = head_line
                out.append(ClauseInfo("header", tuple(headings), lead_in))
                continue
        if not header and not _row_like(c) and "\n" in text and (joined := _flat_head_and_rows(text)) is not None:
            # the header line and its rows read as one clause ("KPIs Baseline 2013 Target 2021\n% of … NA NA 95%"):
            # the first row's cells, where it starts and ends
            head_line, cells, r_start, r_end = joined
            out.append(ClauseInfo(_flat_role(role), tuple(headings), None, (head_line,), cells,
                                  _flat_columns(cells), c.start + r_start, c.start + r_end))
            flat_head = head_line
            continue
        if not header and not _row_like(c) and _flat_header(text) and i + 1 < len(clauses) \
                and not _row_like(clauses[i + 1]) and _flat_lines(clauses[i + 1].text.strip()) is not None:
            flat_head = text  # its rows hold the figures; the header line names columns and sets nothing itself
            out.append(ClauseInfo("header", tuple(headings), lead_in))
            continue
        inner = _inner_lead_in(text)
        if inner is not None:
            # "Providers report quarterly on:\nSPI 1 - …" read as one sentence: the lines after the
            # lead-in are its list, and have their own role.
            role = text_role(inner[1], "item")
        opened = _header_then_cell(c)
        if opened is not None:
            # A long header line and the first cell of a row flattened one cell a line, read as one clause.
            header, cell_text, cell_start = opened
            columns, flat = column_roles(header), [i]
            opener = (cell_text, cell_start, i)
            out.append(ClauseInfo(role, tuple(headings), None, header, (), columns))
            _refresh_flat(out, clauses, flat, header, columns, headings, None, opener)
            continue
        if CONTENTS_ROW_RE.fullmatch(text.strip()) is not None:
            # "Appendix 4 | - Marking Scheme for Technical Assessment | 56": a part of the document, its title and its page
            out.append(ClauseInfo("contents", tuple(headings), lead_in))
            continue
        table = _inline_table(c)
        if table is not None:
            # A header line and its row read as one sentence (a long header is not split off).
            head, cells, r_start, r_end = table
            row_line = text.partition("\n")[2].split("\n")[0]
            row_columns = column_roles(head) if len(cells) == len(head) or " | " in row_line or " / " in row_line \
                else _flat_columns(cells)  # a row pasted with spaces that has more or fewer cells than its header
            out.append(_row_info(text_role(" | ".join(cells), "row"), headings, None, head, row_columns,
                                 cells, r_start, r_end))
            header, columns, flat = head, column_roles(head), []
            continue
        if i and out and out[-1].role == "question" and _ASKS_FOR_FIGURE_RE.search(clauses[i - 1].text) \
                and _FIGURE_ANSWER_RE.match(text) and role in ("target", "guidance") and not modal_or_imperative(text):
            role = "report"  # the figure under a question asking for it ("How many people have used it? / 501 cases")
        if c.kind == "item" and role != "heading" and not header and i + 1 < len(clauses) \
                and threshold_only(clauses[i + 1].text) and _is_label(text):
            role = "heading"  # "1. Days open" over "The goal is 100%.": the label names the measure below it
        # The clause right after a lead-in ("Providers report quarterly on:") is the first entry of its list.
        just_led = lead_in is not None and i > 0 and clauses[i - 1].text.strip() == lead_in
        if just_led and role == "heading" and c.kind != "heading":
            role = text_role(text, "item")
        if (role in ("target", "guidance", "report") and headings and _COUNT_PART_HEADING_RE.match(headings[-1])) \
                or (role in ("target", "guidance", "report", "heading") and i and c.kind != "heading"
                    and _COUNT_PART_HEADING_RE.match(clauses[i - 1].text)):
            role = "definition"  # under "Numerator" or "Denominator": what a measure counts, not a count to reach
        if not header:
            if _BARE_INDICATOR_RE.match(text) and not re.search(r"\d", _SPAN_RE.sub(" ", text)) and not sets_requirement(text):
                if under_outcome and role in ("guidance", "heading") \
                        and not any(_TARGET_HEADING_RE.search(h) for h in headings):
                    role = "report"  # "Number of referrals made" listed under "People get help early": it tracks that outcome
            else:
                under_outcome = bool(_OUTCOME_STATEMENT_RE.search(text)) and not re.search(r"\d", text) \
                    and not _MEASURE_WORD_RE.search(text)
        if header and role == "heading" and c.kind != "heading" and _is_fragment(c):
            role = "guidance"  # a label inside a table is a cell, not a new section
        if not header and i + 1 < len(clauses) and _limit_header(c.text, clauses[i + 1].text):
            # "Complaint | Action" over "Garbage removal | Within 1 working day": its rows' second cells are time limits,
            # which makes it a header of the service and its limit, whatever it calls the columns
            header, columns, flat = split_cells(text), ("indicator", "target"), []
            out.append(ClauseInfo("heading", tuple(headings), lead_in, header, header, columns))
            continue
        if role == "heading" and not header and _two_cells(text) and (two := _looks_header_line(c)) is not None:
            # two cells that name a measure and its target ("Assessment of Performance | 2018/19 Budget Standard") head a
            # table: they name its columns and set nothing themselves
            header, columns, flat = two, column_roles(two), []
            out.append(ClauseInfo("header", tuple(headings), lead_in, header, header, columns))
            continue
        if role == "heading" and _row_like(c) and "\n" not in text and _year_columns(cells := split_cells(text)) \
                and _header_like(cells):
            # "Grant type | 2018 | 2019 | 2020 (forecast)": a header naming its columns by year, over the rows it heads
            header, columns, flat = cells, column_roles(cells), []
            out.append(ClauseInfo("header", tuple(headings), lead_in, header, header, columns))
            continue
        first = text.partition("\n")[0].strip()
        if "\n" in text and role in ("guidance", "target") and _DATA_PERIOD_TITLE_RE.match(first) and not sets_requirement(first):
            headings = headings[-3:] + [first]  # a title over a period's figures, run into the first of them: it heads the rest
        if role in ("guidance", "target", "report") and not header and i + 1 < len(clauses) \
                and _TABLE_CAPTION_RE.fullmatch(text) and _row_like(clauses[i + 1]):
            role = "heading"  # a table's caption, wrapped onto a second line, heads the rows under it
        if role == "heading" and _FIELD_LABEL_RE.match(text) and _under_reporting_heading(headings, text):
            role = "report"  # "Number of meals provided for the month" under "Reporting Requirements": a field of a return
        # The heading path: a heading replaces any deeper heading of the same numbering depth.
        if role == "heading":
            depth = _depth(text)
            # A label straight under another, with nothing between, is a sub-heading of it: "Clearance time standards" /
            # "Attendance Allowance" / "18 days" (the first is kept in the path, not replaced as a sibling would be).
            parent = headings[-1] if headings and i and out and out[-1].role == "heading" and not out[-1].header \
                and clauses[i - 1].text.strip() == headings[-1] and _depth(headings[-1]) == depth else None
            headings = [h for h in headings if _depth(h) < depth or h is parent][-3:] + [text]
            lead_in = None
            header, columns = (), ()
            out.append(ClauseInfo("heading", tuple(headings[:-1])))
            continue
        new_header = _looks_header_line(c)
        if new_header is not None and header and sum(r not in ("other", "indicator") for r in column_roles(new_header)) < 2:
            new_header = None  # a row of words inside a table, not a second header
        if new_header is not None:
            if not header or new_header != header:
                header, columns = new_header, column_roles(new_header)
                flat = []
                out.append(ClauseInfo("heading", tuple(headings), lead_in, header, header, columns))
                continue
        row_like = _row_like(c) or len(header) == 2 and _two_cells(text)
        if header and not row_like and not _is_fragment(c):
            header, columns, flat = (), (), []  # prose ends the table
        if lead_in is not None and not (just_led or c.kind == "item" or _is_fragment(c) or re.search(r";\s*(?:and|or)?$", text)):
            lead_in = None  # a full sentence ends the list
        info_lead = lead_in if (just_led or c.kind == "item" or _is_fragment(c) or text.endswith(";")) else None
        if header:
            # A row pasted with spaces under a header parted by bars or slashes ("Measure 2030/31 / Target / Status"
            # over "Number of partnerships … 6 5"): its label and figures are its cells.
            spaced = flat_row(text) if len(header) > 1 and "|" not in text and "\t" not in text \
                and not _VALUE_RE.match(text) else None
            if spaced is not None:
                row_columns = columns if len(spaced) == len(header) else _flat_columns(spaced)
                flat = []
                out.append(_row_info(_flat_role(role), headings, info_lead, header, row_columns, spaced, None, None))
            elif row_like:
                cells = split_cells(text)
                if role not in ("definition", "question") and _blank_target(text, columns):
                    role = "report"  # a row left empty under the Target column is tracked, not held to a figure
                out.append(_row_info(role, headings, info_lead, header, columns, cells, None, None))
            else:
                # A row flattened one cell a line: a text cell opens a row, value cells follow it.
                if not _VALUE_RE.match(text) or not flat or len(flat) >= _MAX_FLAT_CELLS:
                    flat = [i]
                else:
                    flat.append(i)
                out.append(ClauseInfo(role, tuple(headings), info_lead, header, (), columns))
                _refresh_flat(out, clauses, flat, header, columns, headings, info_lead, opener)
        else:
            if inner is not None and info_lead is None and inner[0].endswith(":"):
                info_lead = inner[0]
            aim = bool(_AIM_RE.search(inner[1] if inner else text)) and not re.search(r"\d", text)
            if role == "guidance" and under_results_heading(headings) and re.search(r"\d", text):
                role = "report"  # "Number of client contacts 102,526" under "Performance at a glance"
            if role in ("guidance", "target") and headings and _CONTENTS_HEADING_RE.match(headings[-1]) and _contents_entry(text):
                role = "contents"  # "C2 Number of adults receiving care at home" under "Contents": a section's title
            if role in ("guidance", "heading") and not _BINDING_MODAL_RE.search(text) and _under_reporting_heading(headings, text):
                role = "report"  # a field of a return, longer than a heading-like label
            if role in ("guidance", "target", "heading") and info_lead and _RESULTS_LEAD_RE.search(info_lead) \
                    and not _BINDING_MODAL_RE.search(text):
                role = "report"  # "• 1,200 tenants housed." under "Highlights of the year:"
            defined = _DEFINITION_LEAD_RE.search(info_lead) if info_lead and role in ("guidance", "target") else None
            if defined and not _BINDING_MODAL_RE.search(text) and not _BINDING_MODAL_RE.search(info_lead, defined.end(1)):
                # The entries under "A job outcome means … as below:" say what the term covers ("Success means that
                # providers will:" leads duties; a modal before "means" describes the term: "… which shall be awarded, means:").
                role = "definition"
            out.append(ClauseInfo(role, tuple(headings), info_lead, aim=aim, unit=bool(_UNIT_DEF_RE.match(text)),
                                  balanced=balanced_award(text)))
        if text.endswith(":") and not row_like:
            lead_in = text
    for i, c in enumerate(clauses):
        # "8 minutes up to 22 minutes | 1 unit", "No units can be billed": how minutes become billing units (also a row
        # split in two, its minutes on one line and its units on the next).
        if "nit" not in c.text or out[i].unit or _MONEY_RE.search(c.text):
            continue
        if _UNIT_CONVERSION_RE.search(c.text):
            out[i] = replace(out[i], unit=True)
        if i and _UNIT_COUNT_RE.match(c.text) and _MINUTE_RANGE_RE.match(clauses[i - 1].text):
            out[i] = replace(out[i], unit=True)
            out[i - 1] = replace(out[i - 1], unit=True)
    for i in range(len(clauses) - 1):
        # A ranking tool's question with the points for its answer on the next line ("Did your project have a
        # utilization rate of more than 100%?" / "□ Yes 5 pts □ No 0 pts") is a criterion projects are scored on.
        if out[i].role == "question" and _SCORED_ANSWER_RE.match(clauses[i + 1].text):
            out[i] = replace(out[i], role="target")
    _describe_menus(clauses, out)
    _requests(clauses, out)
    _examples(clauses, out)
    _report_grids(clauses, out)
    _cell_paragraph_tables(clauses, out)
    _period_table_titles(clauses, out)
    return out


# The header of a grid a grantee fills in with what it did, quarter by quarter, and no target column: "# / Output Measure
# / Data Grantee Reports / Qtr 1 / Qtr 2 / Qtr 3 / Qtr 4 / Total".
_REPORT_GRID_HEAD_RE = regex(r"^(?![^\n]*\b(?:targets?|goals?|standards?|benchmarks?)\b)(?=[^\n]*\b(?:(?:data\s+)?(?:grantees?|recipients?"
                             r"|providers?|sub-?grantees?)\s+reports?|data\s+(?:to\s+be\s+)?reported)\b)(?=[^\n]*\b(?:q(?:tr|uarter)?\.?\s*[1-4]"
                             r"|(?:jan|apr|jul|oct)\w*\s*[-–]\s*(?:mar|jun|sep|dec)\w*)\b)", re.I)
_CELL_SEPARATOR_RE = regex(r" / |\||\t")


# A table copied one cell a paragraph ("Sl. No" / "Type of Services provided" / "Documents Required" / "Time taken" /
# "Remarks", then "1" / "Birth Registration" / its documents / "30 Minutes" / a remark): its header is a run of short
# labels, one of them a time column, and a cell that is only a time ("30 Minutes", "Within 3 working days") is that
# column's limit for the service named a few cells before it.
_CELL_TIME_HEAD_RE = regex(r"^\W*(?:(?:max(?:imum|\.)?\s+|average\s+|standard\s+)?time\s+(?:taken|limits?|lines?|frames?|required|needed|standards?)"
                           r"|timelines?|time\s*frames?|processing\s+time|turn[-\s]?around(?:\s+time)?|(?:service\s+)?delivery\s+time"
                           r"|duration(?:\s+of\s+service)?|days?\s+(?:taken|required))\W*$", re.I)
_CELL_DURATION_RE = regex(r"^\W*(?:within\s+|max(?:imum|\.)?\s+|up\s+to\s+)?(?:\d{1,3}(?:\.\d)?(?:\s*(?:-|–|to)\s*\d{1,3})?|one|two|three|four"
                          r"|five|six|seven|eight|nine|ten|fifteen|thirty)\s*(?:working\s+|business\s+|calendar\s+|clear\s+)?"
                          r"(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\W*$|^\W*(?:same\s+day|immediately|on\s+the\s+spot)\W*$", re.I)
_CELL_SERVICE_HEAD_RE = regex(r"\b(?:services?|types?|names?|descriptions?|activit(?:y|ies)|particulars)\b", re.I)
_CELL_HEAD_SPAN = 8  # labels in one header run
_CELL_TABLE_REACH = 40  # cells a header is read over without a time in them


def _label_cell(c: Clause) -> bool:
    t = c.text.strip()
    return c.kind not in ("row", "item") and len(t) <= 60 and bool(_HEADER_CELL_LINE_RE.match(t)) and not re.search(r"\d", t)


_CELL_SERIAL_HEAD_RE = regex(r"^\W*(?:(?:s\.?\s*l|sr|s)\.?\s*)?(?:no|number|#)\W*$|^\W*(?:serial|item)\b", re.I)


def _cells_back(clauses: list[Clause], i: int, count: int) -> Clause | None:
    """The cell `count` cells before clause i, a cell's list (one clause an entry) counted as one cell."""
    k = i - 1
    for _ in range(count - 1):
        if k < 0:
            return None
        if clauses[k].kind == "item":
            while k > 0 and clauses[k - 1].kind == "item" and clauses[k - 1].block == clauses[k].block:
                k -= 1
        k -= 1
    return clauses[k] if 0 <= k < len(clauses) and clauses[k].kind != "item" else None


def _cell_paragraph_tables(clauses: list[Clause], out: list[ClauseInfo]) -> None:
    """Read each time cell of a table copied one cell a paragraph as a row of its service and its time limit."""
    head: tuple[str, str] | None = None
    labels: tuple[str, ...] = ()
    back = 0  # cells from a row's time back to its service, as the header orders them
    idle = 0
    i = 0
    while i < len(clauses):
        if out[i].header:
            head, i = None, i + 1
            continue
        j = i
        while j < len(clauses) and j - i < _CELL_HEAD_SPAN and _label_cell(clauses[j]) and not out[j].header:
            j += 1
        run = [clauses[k].text.strip() for k in range(i, j)]
        at = next((k for k, t in enumerate(run) if _CELL_TIME_HEAD_RE.match(t)), None)
        if len(run) >= 3 and at is not None:
            named = next((k for k, t in enumerate(run[:at]) if _CELL_SERVICE_HEAD_RE.search(t)), None)
            if named is None:
                named = next((k for k, t in enumerate(run[:at]) if not _CELL_SERIAL_HEAD_RE.match(t)), None)
            if named is not None:
                head, back, idle, i = (run[named], run[at]), at - named, 0, j
                labels = tuple(run[named:at + 1])
                continue
        if head is not None:
            t = clauses[i].text.strip()
            name = _cells_back(clauses, i, back) if _CELL_DURATION_RE.match(t) else None
            if name is not None and _label_cell(name) and not _CELL_DURATION_RE.match(name.text.strip()):
                label = name.text.strip()
                out[i] = replace(out[i], role="target", header=head, cells=(label, t), columns=("indicator", "target"),
                                 row_start=name.start + name.text.find(label), row_end=clauses[i].end, cell_header=labels)
                idle = 0
            else:
                idle += 1
                if idle > _CELL_TABLE_REACH:
                    head = None
        i += 1


# A header of months only, three or more ("Apr / May / Jun / Jul", "Jan-24 | Feb-24 | Mar-24"), perhaps glued to the
# title above it ("… with personal budgetsApr / May / Jun"): a month-by-month count of what was done. The title over it,
# or a lead-in naming it ("1. The number of people using day centres:"), says what was counted, and sets nothing. (Not
# years or quarters: a plan's "2025/26 | 2026/27" or "Q1 | Q2" columns can hold the targets themselves.)
_PERIOD_CELL = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?(?:[ ]?['’-]?[ ]?(?:19|20)?\d\d)?"
_PERIOD_HEADER_LINE_RE = regex(rf"(?:^|\n|(?<=[a-z]))[ \t]*{_PERIOD_CELL}(?:[ \t]*(?:/|\||\t|[ ]{{1,4}})[ \t]*{_PERIOD_CELL}){{2,}}[ \t|]*(?:\n|$)", re.I)
_MONTH_STEMS = ("jan", "feb", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_TARGET_WORD_RE = regex(r"\b(?:targets?|goals?|aims?|standards?|kpis?|must|shall|will|should|required|expected|minimum|maximum)\b", re.I)


def _period_table_titles(clauses: list[Clause], out: list[ClauseInfo]) -> None:
    """The title of a table of counts by period, and a lead-in that names it, are reports."""
    for i, c in enumerate(clauses):
        low = c.text.lower()
        if sum(low.count(m) for m in _MONTH_STEMS) < 2:  # cheap: most clauses name no two months
            continue
        m = _PERIOD_HEADER_LINE_RE.search(c.text)
        if m is None or out[i].header:
            continue
        titles = [i] if m.start() > 0 and c.text[:m.start()].strip() else []
        if i and (clauses[i - 1].text.rstrip().endswith(":") or not titles and not clauses[i - 1].text.rstrip().endswith(".")):
            titles.append(i - 1)  # the lead-in naming the table, or its title on a line of its own
        for k in titles:
            if out[k].role in ("guidance", "target", "heading") and not _TARGET_WORD_RE.search(clauses[k].text):
                out[k] = replace(out[k], role="report")


def _report_grids(clauses: list[Clause], out: list[ClauseInfo]) -> None:
    """The rows under a reporting grid's header (what a grantee reports each quarter, no target column) are the
    measures it reports, convention 1: they set no target, however they count."""
    grid = False
    for i, c in enumerate(clauses):
        text = c.text.strip()
        if _REPORT_GRID_HEAD_RE.match(text):
            grid = True
            continue
        if not grid:
            continue
        if not _CELL_SEPARATOR_RE.search(text):
            grid = False  # the grid ends where a line with no cells starts
            continue
        if out[i].role in ("guidance", "target"):
            out[i] = replace(out[i], role="report")


def _examples(clauses: list[Clause], out: list[ClauseInfo]) -> None:
    """What a worked example says ("An organisation will run an extra 2 hour club each week." under "Example: hours per
    week", or under a short "Example 2 - counting sessions" line just above it) illustrates the guidance around it: a
    report of what someone imagined does or will do, not a target."""
    for i, info in enumerate(out):
        if info.role not in ("guidance", "target", "heading"):
            continue
        above = clauses[i - 1].text.strip() if i else ""
        own = clauses[i].text.strip()
        if (len(own) <= 80 and _EXAMPLE_HEADING_RE.search(own) and not re.search(r"[.;]$", own)) or (info.headings and _EXAMPLE_HEADING_RE.search(info.headings[-1])) \
                or (len(above) <= 80 and _EXAMPLE_HEADING_RE.search(above) and not re.search(r"[.;]$", above)):
            out[i] = replace(info, role="report")


# A request for information over its items: "1. The information requested", "Request", "Your request", "You asked for:".
# The items under it ask what a rate or a count is; they set nothing. (Not "Questions": a tender's questions carry weights.)
_REQUEST_HEAD_RE = regex(r"^\W*(?:\d+[.)]\s*)?(?:the\s+)?(?:information\s+(?:(?:that\s+)?you\s+)?requested|(?:your|the|this|foi|freedom\s+of\s+information|eir)"
                         r"\s+request|request(?:ed)?(?:\s+(?:no\.?\s*)?\d+)?|you\s+asked(?:\s+(?:for|us))?|details\s+requested"
                         # the requester's own lead-in: "Please could you tell me:", "I would like to know the following:"
                         r"|(?:please\s+)?(?:could|can|would)\s+you\s+(?:please\s+)?(?:tell|provide|send|let|give)\s+(?:me|us)"
                         r"|please\s+(?:tell|provide|send|let|give)\s+(?:me|us)|i\s+would\s+like\s+(?:to\s+(?:know|request|ask)|the\s+following)"
                         # "Please may I have the following information:", "Can we request the following", "I am writing to request"
                         r"|(?:please\s+)?(?:may|can|could)\s+(?:i|we)\s+(?:please\s+)?(?:have|request|ask\s+for|obtain|be\s+(?:given|sent|provided))"
                         r"|please\s+(?:provide|send|supply)\s+the\s+following|i\s+(?:am\s+writing\s+to\s+|wish\s+to\s+)?request\s+the\s+following)\b[^\n]{0,40}$", re.I)


def _requests(clauses: list[Clause], out: list[ClauseInfo]) -> None:
    """The items of a request for information (under "The information requested", "Request") are questions, to the
    end of their list (the request's title may be an item itself: "1. The information requested" / "a. The lowest rate …")."""
    asking = False
    for i, info in enumerate(out):
        text = clauses[i].text.strip()
        if len(text) <= 80 and _REQUEST_HEAD_RE.search(text):
            asking = True
            continue
        asking = asking and clauses[i].kind == "item"
        if info.role not in ("target", "guidance", "report") or info.in_table:
            continue  # (a figure asked for reads as one reported: "what was the (a) highest … weekly cost")
        head = info.lead_in or (info.headings[-1] if info.headings else "")
        if asking or (head and _REQUEST_HEAD_RE.search(head.strip())):
            out[i] = replace(info, role="question")


# An answer to a request for information ("Answer 1", "Response", "We can therefore confirm the following information:")
# and reported speech in news ("Ms Logan said …", "is said to cost", "It is understood …"): what is, told to someone, not
# terms a buyer sets. A finding there keeps its explanation, but a rewrite would turn the fact into a contract clause.
_ANSWER_HEAD_RE = regex(r"^\W*(?:\d+[.)]\s*)?(?:(?:(?:our|foi)\s+)?(?:answers?|responses?)(?:\s+(?:to\s+)?(?:question\s+|q\s*)?\d+[a-z]?)?\s*[:.–-]?\s*$"
                        r"|(?:we|i)\s+(?:can\s+|are\s+able\s+to\s+)?(?:therefore\s+)?confirm\s+(?:the\s+following|that)\b[^\n]{0,60}$"
                        r"|(?:the\s+)?information\s+(?:we\s+hold|held\s+by)\b[^\n]{0,60}$)", re.I)
_MONEY_FIGURE_RE = regex(r"[£$€]\s?\d")  # (not _MONEY_RE above, which also takes rate words)
# A person speaking: a name or a pronoun, or a speaker by role, then "said", "told", "added" ("Ms Logan said", "But she
# added", "a spokesperson said"); "is said to", "it is understood". Not a text speaking ("where this chapter says
# otherwise") nor legal English's "said" ("during said time period").
_REPORTED_SPEECH_RE = regex(r"(?:\b(?:she|he|they|spokes(?:person|man|woman)|minister|councillor|leader|director|chair(?:man|woman)?"
                            r"|officer|manager|secretary|representative|source|union|department|ministry|government|watchdog|regulator"
                            r"|ombudsman|commissioner|(?-i:[A-Z][a-z]+))\s+(?:also\s+)?(?:said|says|added|told|claimed"
                            r"|believed|believes)\b|\b(?:is|are|was|were)\s+said\s+to\b|\bit\s+is\s+understood\b"
                            # a report's finding told ("A report by the Commissioner … found the average hourly tariff …
                            # is £11.35", "The COPNI report on domiciliary care said …"), not a review a provider must act on
                            r"|(?<!\bwhere\s)(?<!\bif\s)(?<!\bwhen\s)(?<!\bunless\s)\b(?:a|an|the|this|that|its|their|(?-i:[A-Z]{2,8}))\s+"
                            r"(?:[\w'’-]+\s+){0,2}?(?:report|review|survey|study|audit|analysis|research|evaluation|inspection|investigation|"
                            r"inquiry)\b[^.;\n]{0,90}?\b(?:found|showed|revealed|concluded|estimated|said|warned|highlighted)\b)", re.I)


# A bidder's price told as what happened ("Home Care Ltd, Stroudsburg, bid $7.10 hourly for 5,000 hours", "Acme
# submitted a bid of $7.99 per hour"), a board's past decision told as history ("On November 20, 2001, your Board
# approved Amendment No. 1 increasing the provider hourly rate from $14.43 to $15.20") and a board's agenda item put to it.
_TOLD_BID_OR_HISTORY_RE = regex(
    r"\b(?:submitted|entered|lodged|placed|tendered)\s+(?:a|an|the|their|its)\s+(?:bids?|tenders?|quotes?|quotations?|prices?)\s+of\s+[£$€]\s?\d"
    r"|,\s+(?:bid|listed|quoted)\s+[£$€]\s?\d"
    r"|^\W*(?:on|in)\s+(?:(?-i:[A-Z][a-z]+)\s+\d{1,2},?\s+)?(?:19|20)\d\d,\s+(?:the|your|our)\s+(?:board|council|committee|cabinet|"
    r"court|commission)\s+(?:of\s+\w+\s+)?(?:approved|agreed|authori[sz]ed|adopted|accepted)\b"
    # (and a board's agenda item, its verbs in capitals, that puts a contract to it: "APPROVE and AUTHORIZE the County
    # Probation Officer … to execute a contract with the County of Sonoma … at the rate of $375 per ward per day")
    r"|^\W*(?:title:\s*)?(?-i:APPROVE|AUTHORIZE|AUTHORISE|RATIFY|ADOPT)\b(?:\s+(?-i:and)\s+(?-i:AUTHORIZE|AUTHORISE|DIRECT|APPROVE)\b)?"
    # (and one price held against another: "That compares with the €30 paid per bed per night in …")
    r"|^\W*(?:this|that|which|it|these|those)\s+(?:figure\s+|rate\s+|price\s+|cost\s+)?(?:compares|contrasts)\s+(?:with|to)\b", re.I)


# A sentence that sets nothing tells what happened or what is: a decision or a request made ("The council approved a
# recommendation for …", "The association asked for a $1.50 increase"), a trend ("continued to improve from 42.9% in 2011"),
# what someone would pay or expect ("they would have to pay $36.34 per day"), an aim someone had ("PHE aspired to achieve a
# take up rate of 75%") or a duty told as history. A rule in the present tense ("Facilities
# receive NPR 1,000 for a normal delivery", "the hourly rate is increased to £21.35") sets terms, and is rewritten.
_REPORTING_VERB_RE = regex(r"(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bbeen\s)\b(?:approved|asked|agreed|announced|continued|decided"
                           r"|recommended|reported|requested|proposed|voted|welcomed|confirmed|noted|estimated|predicted|rose|fell"
                           r"|grew|improved|declined|increased|decreased|aspired|hoped|intended)\s+(?!by\b)(?:a|an|the|to|for|that|on|in|from|its|their|his"
                           r"|her|this)\b"
                           # what someone would face or expect, not a pledge ("we would normally arrange …") or a kind of case
                           # ("repairs that would cause damage")
                           r"|(?<!\bthat\s)(?<!\bwhich\s)(?<!\bwho\s)\b(?:would\s+(?:have\s+to|expect|face|represent|apply|be\s+able)"
                           r"|could\s+(?:also\s+)?be|might\s+be)\b"
                           # a duty someone had, told as history ("Local Authorities had a statutory obligation to offer …")
                           r"|\bhad\s+(?:a|the|an)\s+(?:statutory\s+|legal\s+)?(?:obligation|duty|requirement|responsibility)\s+to\b", re.I)
_SENTENCE_END_RE = regex(r"[.!?]['\"’”)]*\s*$")


def _told_sentence(text: str) -> bool:
    """A whole sentence of prose that sets nothing and tells what happened or what is (see _REPORTING_VERB_RE)."""
    text = text.strip()
    if "|" in text or "\t" in text or "\n" in text or len(text) < 40 or not _SENTENCE_END_RE.search(text) \
            or sets_requirement(text):
        return False
    return bool(_REPORTING_VERB_RE.search(text))


# A speaker's words told, past the forms above: a speaker by role who stated, announced or confirmed something ("Last week
# the Minister stated …"), words put "according to" a body that speaks ("According to the health ministry, …"), news
# heard second hand ("News from our members … says", "we're hearing that …") and a minister's own first person ("I am
# setting the target of …"). Not a document speaking ("as stated in Schedule 2", "according to the specification").
_PERSON = (r"(?:she|he|they|spokes(?:person|man|woman)|minister|premier|councillor|leader|director|chief\s+executive|chair(?:man|woman)?"
           r"|secretary|representative|officials?|deputy|senator|taoiseach|mayor)")
_BODY = r"(?:union|department|ministry|government)"  # (told only in the past: "The Department confirms that …" answers a bidder)
_SPEAKER_TOLD_RE = regex(
    rf"\b{_PERSON}\s+(?:also\s+|has\s+|had\s+|have\s+)?(?:stated|states|announced|announces|confirmed|confirms|explained|warned"
    rf"|insisted|pledged|promised|revealed|indicated)\b"
    rf"|\b{_BODY}\s+(?:also\s+|has\s+|had\s+)?(?:stated|announced|confirmed|warned|pledged|promised|revealed)\b"
    rf"|\baccording\s+to\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){{0,3}}?(?:{_PERSON}|{_BODY})\b"
    r"|\bnews\s+from\b|\bwe(?:'|’)re\s+hearing\b|\bwe\s+are\s+hearing\b|\bwe\s+(?:have\s+)?heard\s+that\b"
    r"|(?-i:\bI\s+(?:am|have|was)\s+(?:setting|announcing|pleased|delighted|committed|confirming|clear|determined)\b"
    r"|\bI\s+(?:can\s+)?(?:confirm|announce|announced|set)\b)", re.I)
# A clause that opens a quotation in the first person ("“Long waits are unacceptable and we are committed to …"): a
# speaker's words, whoever is named after them.
_QUOTED_FIRST_PERSON_RE = regex(r"^\W{0,3}?[“\"](?=[^”\"]{0,400}\b(?:we|our|us|I|my)\b)", re.I)


def _opens_quote(text: str) -> bool:
    """Whether a quotation is left open: more opening marks than closing ones, or an odd number of straight ones."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


# A row of a results table, its status given ("Met target", "Target not met", "… Meeting Target"): how a target went, told.
_RESULT_STATUS_RE = regex(r"(?m)(?:^|\t|\|)[ \t]*(?:(?:met|not\s+met|missed|achieved|exceeded|below|above|on)\s+target"
                          r"|target\s+(?:met|not\s+met|missed|achieved|exceeded)|(?:partially\s+|not\s+)?met)[ \t]*(?:$|\t|\|)|\bmeeting\s+target[ \t]*$",
                          re.I)


def _speaks(text: str) -> bool:
    """Whether someone is told speaking in the text (see _REPORTED_SPEECH_RE and _SPEAKER_TOLD_RE)."""
    return bool(_REPORTED_SPEECH_RE.search(text) or _SPEAKER_TOLD_RE.search(text))


def told_not_set(clause: Clause, info: ClauseInfo, before: str = "") -> bool:
    """Whether the clause tells what is (a rate given in answer to a request for information, news in reported speech, a
    bidder's price or a past decision told as history) rather than setting terms: no rewrite is written for it. `before`:
    the clause above, a short line such as "Answer 2" that the model does not take for a heading."""
    head = clause.text[:2000]
    if _speaks(head) or _TOLD_BID_OR_HISTORY_RE.search(head) or _RESULT_STATUS_RE.search(head) \
            or _QUOTED_FIRST_PERSON_RE.search(head[:400]) \
            or MINUTES_RE.search(head[:300]):  # a meeting's minutes ("Mr Smith CC indicated that …")
        return True
    if before and _opens_quote(before) and _speaks(before):
        return True  # the next sentence of a speaker's quotation ('she says that "Funding is … In the year ahead, …')
    if clause.kind == "sentence" and info.role not in ("target", "heading") and _told_sentence(clause.text):
        return True  # a decision, a request or a trend told: rewritten, it would read as a commitment
    if not _MONEY_FIGURE_RE.search(clause.text[:2000]):
        return False  # an answer restating terms ("The correct award criteria are: quality 60%, price 40%") sets them
    heads = ((info.lead_in,) if info.lead_in else ()) + info.headings[-2:] + ((before,) if len(before) <= 40 else ())
    return any(len(h) <= 100 and _ANSWER_HEAD_RE.search(h.strip()) for h in heads if h)


_SCORED_ANSWER_RE = regex(r"^\W*(?:yes|no)\b[^\n]{0,30}?\b\d{1,3}\s*(?:pts?|points?)\b", re.I)


# A guide's heading over indicators a reader might pick ("Step 2: Choosing your indicators", "Examples of
# measures"): the entries under it are a menu, not targets set for a provider.
_INDICATOR_MENU_HEADING_RE = regex(
    r"\b(?:selecting|choosing|how\s+to\s+(?:choose|select|pick)|examples?\s+of)\s+(?:(?:your|the|our|some|possible|suitable)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:indicators|measures|criteria|kpis|metrics)\b", re.I)


def _describe_menus(clauses: list[Clause], out: list[ClauseInfo]) -> None:
    """A method named by itself is a term being described, not an award rule: the line a method's
    description is about ("Lowest-priced bid" above "This method is used for …"), and an entry under a
    heading over a menu of methods ("Tender evaluation options" / "• Lowest cost")."""
    for i, info in enumerate(out):
        if info.role not in ("heading", "guidance", "target") or info.in_table:
            continue
        text = clauses[i].text.strip()
        if len(text) > _HEADING_LIKE_MAX * 2 or _AWARD_RULE_RE.search(text):
            continue
        nxt = out[i + 1] if i + 1 < len(out) else None
        described = info.role != "target" and nxt is not None and nxt.role == "definition" \
            and _DESCRIBES_ABOVE_RE.search(clauses[i + 1].text)
        # Only a heading: tests/scoring/test_rewrites.py still expects an item under a lead-in such as
        # "The evaluation approaches open to buyers are:" to be flagged and rewritten.
        in_menu = (clauses[i].kind == "item" or _is_fragment(clauses[i])) and bool(
            info.headings and _MENU_HEADING_RE.search(info.headings[-1]))
        # An item listing the traits of one numbered method of a guide ("Method 2: Best value. Features:").
        # Also a bare line under it when the method's name is the heading ("Method 1: Lowest price – traits").
        # The name may sit one short line above the lead-in ("Method A: Lowest cost." / "Main features:").
        above = clauses[i - 2].text if i >= 2 and info.lead_in and len(info.lead_in) <= 40 \
            and clauses[i - 1].text.strip() == info.lead_in.strip() else ""
        in_menu = in_menu or ((clauses[i].kind == "item" or _is_fragment(clauses[i])) and bool(
            (info.lead_in and _NUMBERED_METHOD_RE.search(info.lead_in))
            or (above and len(above) <= _HEADING_LIKE_MAX and _NUMBERED_METHOD_RE.search(above))
            or (info.headings and _NUMBERED_METHOD_RE.search(info.headings[-1]))))
        # The name line of a numbered method itself ("Method 1: Lowest price – how it works:").
        named = len(text) <= _HEADING_LIKE_MAX and bool(_NUMBERED_METHOD_RE.search(text)) \
            and not re.search(r"\d\s*(?:%|per\s?cent)", text)  # "Model 2: price 60%, quality 40%" is a scheme
        if described or in_menu or named:
            out[i] = replace(info, role="definition")
    # The entries under a heading over a menu of indicators: items, table rows and cells, until prose or a new
    # heading ends the list (a heading may be read as a short sentence: "Step 1: Choosing measures").
    menu = False
    for i, info in enumerate(out):
        text = clauses[i].text.strip()
        if len(text) <= _HEADING_LIKE_MAX and info.role in ("heading", "guidance") and _INDICATOR_MENU_HEADING_RE.search(text):
            menu = True
            continue
        if info.role == "heading" and not info.in_table:
            # a row label cut off by the page ("Reach |") goes on with the menu; any other heading ends it
            menu = (menu and bool(re.search(r"[|\t]", text))) or bool(_INDICATOR_MENU_HEADING_RE.search(text))
            continue
        if not menu:
            continue
        if not (info.in_table or clauses[i].kind == "item" or _row_like(clauses[i]) or _is_fragment(clauses[i])):
            menu = False  # prose ends the list
            continue
        if info.role in ("target", "guidance") and not _AWARD_RULE_RE.search(text):
            out[i] = replace(info, role="definition")


def _header_sep(first: str) -> str | None:
    """What parts a header line's cells: bars or slashes, two or more of them (one bar before a time-limit column)."""
    if first.count(" | ") >= 2 or TIME_LIMIT_COLUMN_RE.search(first) and " | " in first:
        return " | "
    return " / " if first.count(" / ") >= 2 else None


def _header_then_cell(clause: Clause) -> tuple[tuple[str, ...], str, int] | None:
    """A header row line followed, in the same clause, by one short cell with no separator."""
    if clause.kind == "row" or clause.text.count("\n") != 1:
        return None
    first, _, rest = clause.text.partition("\n")
    sep = _header_sep(first)
    if sep is None or sep.strip() in rest or not rest.strip() or len(rest.strip()) > _HEADER_CELL_MAX:
        return None
    if (spaced := flat_row(rest)) is not None and len(spaced) > 2:
        return None  # a whole row pasted with spaces ("# of New Programs 83 55 62 65"), not its first cell
    head = tuple(c.strip() for c in first.split(sep) if c.strip())
    if not _header_like(head):
        return None
    return head, rest.strip(), clause.start + len(first) + 1 + (len(rest) - len(rest.lstrip()))


def _inline_table(clause: Clause) -> tuple[tuple[str, ...], tuple[str, ...], int, int] | None:
    """A clause whose first line is a header row (cells parted by " | " or " / ") and whose next line
    is a row of the same table: the header, the row's cells and where the row starts and ends."""
    if clause.kind == "row" or "\n" not in clause.text:
        return None
    first, _, rest = clause.text.partition("\n")
    sep = _header_sep(first)
    if sep is None:
        return None
    head = tuple(c.strip() for c in first.split(sep) if c.strip())
    row_line = rest.split("\n")[0]
    if sep == " | " and row_line.count("|") >= 2:
        cells = split_cells(row_line)  # an empty cell keeps its column: "Rides provided |  |  | 34,858 | 38,000"
    else:
        cells = tuple(c.strip() for c in row_line.split(sep) if c.strip())
    if len(cells) < 2 and "|" not in row_line and (spaced := flat_row(row_line)) is not None:
        cells = spaced  # a budget book's row pasted with spaces under its barred header: "# of Programs 144 142 135"
    if not _header_like(head) or len(cells) < 2:
        return None
    start = clause.start + len(first) + 1 + (len(row_line) - len(row_line.lstrip()))
    return head, cells, start, start + len(row_line.strip())


def _inner_lead_in(text: str) -> tuple[str, str] | None:
    """A clause that holds its own list or label: the lead-in line ending in ':' (or a label line
    with no sentence end) and the lines after it."""
    first, _, rest = text.partition("\n")
    if rest.strip() and _is_label(first.strip()) and rest.lstrip()[:1].isupper():
        return first.strip(), rest.strip()
    m = None
    for m in re.finditer(r":[ \t]*\n", text):
        pass
    if m is None or not text[m.end():].strip():
        return None
    return text[:m.start() + 1].strip(), text[m.end():].strip()


def _blank_target(text: str, columns: tuple[str, ...]) -> bool:
    """Whether a piped row leaves its cell under the header's Target column empty ("Number of cases | 35 | | |" under
    "Indicator | Value | Target | Status"): read with its empty cells kept, one row a line or one cell a line."""
    if "target" not in columns or "|" not in text:
        return False
    lines = [line.strip() for line in text.strip().split("\n") if line.strip()]
    if len(lines) > 1 and all(line.endswith("|") for line in lines):
        raw = [line[:-1].strip() for line in lines]  # one cell a line, each closed by its bar
    elif len(lines) == 1:
        raw = [cell.strip() for cell in lines[0].strip().strip("|").split("|")]
    else:
        return False
    k = columns.index("target")
    return len(raw) == len(columns) and not raw[k]  # a row with more or fewer cells than the header may be misaligned


# A header a PDF copy broke over lines: under the line naming the target column, a line of its columns' periods
# ("17/18 18/19 18/19 19/20", "FY2023 FY2024") or of a column's bare name ("Indicator"), before the rows.
_PERIOD_TOKEN = r"(?:FY[ ]?)?(?:(?:19|20)\d\d(?:[ ]?[/–-][ ]?(?:19|20)?\d\d)?|\d\d[/–-]\d\d)"
_HEAD_PART_RE = regex(r"^(?:(?:" + _PERIOD_TOKEN + r"|actuals?|targets?|projected|estimated?|budget(?:ed)?|adopted|proposed"
                      r"|revised)[ ]+){0,7}" + _PERIOD_TOKEN + r"$|^(?:performance[ ]+)?(?:indicators?|measures?|kpis?)$", re.I)


def _head_above(clauses: list, i: int) -> str | None:
    """The header line naming a target column above clause i with only a header's other lines between (see
    _HEAD_PART_RE), at most two; None otherwise."""
    for k in range(i - 1, max(-1, i - 4), -1):
        t = clauses[k].text.strip()
        if "\n" in t or _row_like(clauses[k]):
            return None
        if _flat_header(t):
            return t
        if not _HEAD_PART_RE.match(t):
            return None
    return None


# A table pasted as plain lines, its cells parted by spaces only: a header line naming a target column ("Measure
# Target Proportion of funding", "Month   Minimum number of consultations") over rows of a label and its values
# ("Cervical screening 80% 25%", "February 2024   1"). No cells can be told apart in the header; in a row the
# values trail the label. ("Target group" or "target population" names who, not a column of figures.)
_FLAT_TARGET_HEAD_RE = regex(r"\b(?:targets?|minimum|maximum|thresholds?|expected|expectations?|standards?|goals?|max\.?\s+time|time\s+taken)\b"
                             r"(?!\s+(?:groups?|population|audiences?|areas?|cohorts?|market|date)\b)"
                             # a budget book's columns: the years' actuals, then the level budgeted or adopted for the year
                             # ahead ("Actual Actual Actual Budget", "Actual / Budget 2023-24 / Adopted 2024-25")
                             r"|\bactuals?\b(?=.{0,80}\b(?:budget(?:ed)?|adopted|projected|proposed|planned)\b)"
                             r"|\b(?:budget(?:ed)?|adopted|projected|proposed|planned)\b(?=.{0,80}\bactuals?\b)", re.I)
# (A year is part of the label: "February 2024   1".)
# (A gap against the target may be negative, "-21%"; a cell not yet set reads "NA" or "TBD".)
# (A time's unit stays with its figure: "2 days" is one cell, never "2" and a lost unit.)
_FLAT_VALUE = (r"(?:[<>≤≥=]\s*)?(?:[-+−](?=\d))?(?:\d{1,3}\s+(?:working\s+)?(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\b"
               r"|(?!(?:19|20)\d\d\b(?!\s*(?:%|per\s?cent)))\d[\d,]*(?:\.\d+)?\s*(?:%|per\s?cent)?|N/?A\b|TB[CD]\b)")
# A dashboard's status after the figures: "Status: Green (Good)", "Met", "On track".
_FLAT_STATUS = (r"(?:[ ]+(?:status:?[ ]*)?(?:green|amber|red|yellow|met|not[ ]met|achieved|not[ ]achieved|on[ ]track|off[ ]track)"
                r"\b(?:[ ]*\([A-Za-z ]{1,20}\)?)?)?"
                # or the alt text of the icon that shows it: "Green happy face indicating meeting or exceeding the target"
                r"(?:[ ]+(?:(?:green|amber|red|yellow|grey|gray)[ ]+)?(?:happy|sad|smiling|frowning|neutral|straight|smiley)[ ]+face"
                r"[ ]+(?:indicating|representing|showing|meaning)\b[^\n|]{0,80}?)?"
                r"(?:[ ]+(?:up|down|upward|downward|sideways|level|flat)[ ]+arrow[ ]+(?:indicating|representing|showing|meaning)\b[^\n|]{0,60}?)?")
# The row's label may end on the month it reports ("CW Visits with Parent 2x/Month September '18 69% 90% -21%").
# (A value may carry a short note in brackets: "98% (estimate) 100% 100%".)
_FLAT_NOTE = r"(?:[ ]+\([a-z][a-z ]{1,18}\))?"
# A row's section number ("4.2.1 "), and how a row starts: its label's words, perhaps after that number.
_SECTION_NO = r"\d{1,2}(?:\.\d{1,2}){1,3}\.?"
_ROW_START = r"^(?=(?:" + _SECTION_NO + r"[ ])?[^\d\n]{0,40}[A-Za-z]{3})"
# A row's figures to the end of its line: up to eight values, each perhaps with its note, then perhaps a status.
_FLAT_VALUES = r"((?:" + _FLAT_VALUE + r")" + _FLAT_NOTE + r"(?:[ ]+(?:" + _FLAT_VALUE + r")" + _FLAT_NOTE + r"){0,7})" \
    + _FLAT_STATUS + r"[ ]*$"
_FLAT_ROW_RE = regex(_ROW_START + r"([^\n|\t]{2,150}?(?:[A-Za-z)\]]|\b(?:19|20)\d\d(?:[/-]\d\d(?:\d\d)?)?|[A-Za-z][ ]+['’]\d\d))"
                     r"[ ]+" + _FLAT_VALUES, re.I)
# A row a PDF copy glued to its cells, with no space after the label or between the figures ("… transported to care
# within 60 minutes90%97.8%"): two shares or more, each closed by its sign, so where one cell ends is still plain.
_GLUED_ROW_RE = regex(r"^(?=[^\d\n]{0,40}[A-Za-z]{3})([^\n|\t]{2,150}?[A-Za-z)\]])((?:[<>≤≥]?\d{1,3}(?:[.,]\d+)?%){2,8})$")
# A row whose label is set apart from its figures by a wide gap, the first run of two spaces or more in the line.
_WIDE_ROW_RE = regex(_ROW_START + r"((?:(?![ ]{2})[^\n|\t]){2,150}?(?:[A-Za-z)\]%]))[ ]{2,}" + _FLAT_VALUES,
                     re.I)
_LABEL_SHARE_RE = regex(r"\bby\s+\d{1,3}(?:\.\d+)?\s*%", re.I)  # the change a wide label names: "… by 10%"
_TIME_CELL_RE = regex(r"\d{1,3}[ ]+(?:working[ ]+)?(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\b", re.I)
# Numbers a row's label may hold and still be one label: its section number ("4.2.1 Number of persons reached …"), its
# month ("September '18"), a frequency glued to its word ("2x/Month"), a time limit it names ("within 45 days", "CP&P 60
# Days", "within 15 minutes") or a group's size ("(n=30)").
_LABEL_NUMBERS_RE = regex(r"^\(\d{1,2}\)|^" + _SECTION_NO + r"(?=[ ][A-Za-z])|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ ]+['’]\d\d\b|\b\d{1,2}x\b"
                          r"|\b\d{1,3}[ ]+(?:working[ ]+)?(?:minutes|hours|days|weeks|months)\b|\(n[ ]*=[ ]*\d+\)", re.I)
# Where a PDF copy glued a header's words together ("2024-25 Target2024-25 Actual", "IndicatorsTarget"): a word's
# end that runs into a capital or a figure.
_GLUED_WORDS_RE = regex(r"(?<=[a-z])(?=[A-Z0-9])|(?<=\d)(?=[A-Z])")


@lru_cache(maxsize=4096)
def _flat_header(text: str) -> bool:
    """A column header written as one line of words with a target column among them. (Cached, like flat_row: each row
    looks up through the lines above it for its header, so a line is asked about once per row below it.)"""
    t = _GLUED_WORDS_RE.sub(" ", text.strip())
    if "\n" in t or "|" in t or "\t" in t or len(t) > 120 or re.search(r"[.;:!?,]$", t) or len(t.split()) > 16:
        return False
    return bool(_FLAT_TARGET_HEAD_RE.search(t)) and not re.search(r"\d", _YEAR_RE.sub(" ", _PERIOD_HEAD_RE.sub(" ", t))) \
        and not modal_or_imperative(t) and not _TARGETS_TITLE_RE.search(t)


@lru_cache(maxsize=4096)
def flat_row(text: str) -> tuple[str, ...] | None:
    """A row of a table pasted with spaces only: its label and the values after it."""
    text = text.strip()
    m = ("  " in text and _WIDE_ROW_RE.match(text)) or _FLAT_ROW_RE.match(text) \
        or ("%" in text and _GLUED_ROW_RE.match(text))  # (the cheap test first: most lines have neither)
    if not m:
        return None
    label, at = m.group(1), m.start(2)
    if _LEADS_VALUE_RE.search(label) and (limit := _TIME_CELL_RE.match(text, at)) is not None:
        label, at = text[:limit.end()], limit.end()  # the time limit the label names: "… within 15 minutes 85% 65.3%"
    values = [v.group(0).strip() for v in _ONE_VALUE_RE.finditer(text, at)]
    if not values:
        return None
    # A label set apart from its figures by a wide gap is a column of its own, whatever its words: "Increase program
    # attendance by 10%      79,218    91,607", "Increase number of new library cards issued by    20,622".
    wide = re.search(r"[ ]{2,}$", text[:at]) is not None
    if not wide and (_LEADS_VALUE_RE.search(label) or modal_or_imperative(label)):
        return None
    named = _LABEL_NUMBERS_RE.sub(" ", label)
    if wide:
        named = _LABEL_SHARE_RE.sub(" ", named)
    if re.search(r"\d|\bn/a\b", _YEAR_RE.sub(" ", named), re.I):
        return None  # a label names the row; a figure or an empty cell inside it means the cells are not told apart
    return (label.strip(), *values)


def _flat_role(role: str) -> str:
    """A row under a header naming a target column is held to it: its indicator may be worded as done ("Home visits
    made", "Meals served"), which is its name, not a report; a definition or a question still sets nothing."""
    return role if role in ("definition", "question") else "target"


def _flat_columns(cells: tuple[str, ...]) -> tuple[str, ...]:
    """What each cell of a flat row is for: its label the indicator, its first value with a figure the target (which
    value the header's target names cannot be told; "NA NA 95%" sets 95%)."""
    k = next((i for i, v in enumerate(cells[1:], start=1) if re.search(r"\d", v)), 1)
    return ("indicator",) + tuple("target" if i == k else "other" for i in range(1, len(cells)))


def _flat_lines(text: str) -> tuple[str, ...] | None:
    """The first row's cells when every line of a clause is a row of a table pasted with spaces only (rows a copy joined
    into one clause); None otherwise."""
    rows = [flat_row(line) for line in text.split("\n") if line.strip()]
    return rows[0] if rows and all(r is not None for r in rows) else None


def _flat_head_and_rows(text: str) -> tuple[str, tuple[str, ...], int, int] | None:
    """A clause that opens on a flat header line with its rows after it: the header line, the first row's cells, and
    where that row starts and ends in the clause."""
    head, _, rest = text.partition("\n")
    if not _flat_header(head) or not rest.strip():
        return None
    cells = _flat_lines(rest)
    if cells is None:
        return None
    r_start = len(head) + 1 + (len(rest) - len(rest.lstrip()))
    line_end = text.find("\n", r_start)
    return head.strip(), cells, r_start, line_end if line_end >= 0 else len(text.rstrip())


def flat_row_under_header(document: str, start: int) -> tuple[str, ...] | None:
    """The cells of the line at `start` when it is a row of a table pasted with spaces only, under its header line
    (other rows may stand between them); None otherwise."""
    found = flat_row_and_header(document, start)
    return found[0] if found else None


def flat_row_and_header(document: str, start: int) -> tuple[tuple[str, ...], str] | None:
    """The cells of the row of a table pasted with spaces only at `start`, and its header line; None otherwise."""
    line_start = document.rfind("\n", 0, start) + 1
    line_end = document.find("\n", start)
    cells = flat_row(document[line_start:line_end if line_end >= 0 else len(document)])
    if cells is None:
        return None
    above, parts = line_start - 1, 0
    for _ in range(_MAX_FLAT_CELLS):
        if above <= 0:
            return None
        prev_start = document.rfind("\n", 0, above) + 1
        prev = document[prev_start:above]
        if _flat_header(prev):
            return cells, prev
        if flat_row(prev) is None:  # a line of the header's periods or a bare column name may stand between, two at most
            if parts >= 2 or not _HEAD_PART_RE.match(prev.strip()):
                return None
            parts += 1
        above = prev_start - 1
    return None


_ONE_VALUE_RE = regex(_FLAT_VALUE, re.I)
# "Emergency department targets", "National Probation Service targets 2002-03 and 2003-04": a table's title (over its
# years), not a row of column names.
# (A column named by its period is no figure: "Quarter 3", "Q4", "Month 1", "Year 2".)
# (A budget book's fiscal year, "FY23 Actual", "FY 2024-25 Target", is a period too.)
_PERIOD_HEAD_RE = regex(r"\b(?:quarter|month|year|yr|q)[ ]?\d{1,2}\b|\bFY[ ]?(?:19|20)?\d\d(?:[ ]?[/–-][ ]?(?:19|20)?\d\d)?\b", re.I)
_TARGETS_TITLE_RE = regex(r"\b(?:targets|standards|goals)(?:\s+(?:for\s+)?(?:19|20)\d\d\S*(?:\s*(?:and|to|-)\s*(?:19|20)\d\d\S*)*)?\s*$", re.I)
# A sentence carrying its own figure ("… cases referred to the Tribunal to be no more than 4.5 per cent") is no label:
# a row's label does not end on a word that leads into the value.
_LEADS_VALUE_RE = regex(r"\b(?:than|of|to|at|least|most|within|by|in|is|are|be|from|under|over|per|about|around|approximately"
                        r"|and|or|for|only|just|some|nearly|almost|up)$", re.I)


def _split_values(values: str) -> tuple[str, ...]:
    return tuple(v.group(0).strip() for v in _ONE_VALUE_RE.finditer(values))


# A row's own item number in a cell the header has no column for: "5. | Approval for use of materials | 26 | 100% |" under
# "Type of Service | Target Response Time (Working Days) | Target Compliance Level".
_ITEM_NUMBER_CELL_RE = regex(rf"^(?:{ITEM_NUMBER})$", re.I)
_NUMBER_COLUMN_RE = regex(r"^\W*(?:s\.?\s*no|no|number|item|ref|#|sl|sr|serial|code|id)\b", re.I)


def has_item_number(header, cells) -> bool:
    """Whether a row's first cell is its own item number in a column the header does not name: the row holds one cell
    more than its header, or as many where the header's last cell is blank (a stored copy moved the blank heading of the
    number column to the end). Without it, the cells line up with their columns."""
    if not header or not _ITEM_NUMBER_CELL_RE.match(cells[0]) or _NUMBER_COLUMN_RE.match(header[0]):
        return False
    return len(cells) == len(header) + 1 or (len(cells) == len(header) > 2 and not header[-1].strip())


_LIMIT_IN_WORDS_RE = regex(r"^\W*(?:instantly|immediately|forthwith|same\s+day|on\s+the\s+spot|next\s+(?:working\s+)?day)\W*$", re.I)


# A header's first cell that names only the rows' item numbers: "S. No", "Sr. No.", "No", "#", "Item".
_NUMBER_ONLY_HEAD_RE = regex(r"^\W*(?:(?:s|sr|sl)\.?\s*no|no|serial(?:\s+no)?|item(?:\s+no)?|#)\W*$", re.I)


def _row_info(role, headings, lead_in, header, columns, cells, start, end) -> ClauseInfo:
    if has_item_number(header, cells):
        cells = cells[1:]  # the cells then line up with their columns
    elif len(cells) == len(header) - 1 >= 2 and _NUMBER_ONLY_HEAD_RE.match(header[0]) \
            and not _ITEM_NUMBER_CELL_RE.match(cells[0]):
        cells = ("",) + tuple(cells)  # a row copied without its item number: its cells start at the header's second
    if role not in ("definition", "question"):
        targets = [cells[k] for k, r in enumerate(columns) if r == "target" and k < len(cells) and cells[k].strip()]
        # Of two target columns ("Contractor Goal | Performance Target"), one marked "N/A" leaves the other's figure.
        target_cell = next((t for t in targets if not _NO_TARGET_RE.search(t)), targets[0] if targets else None)
        if target_cell and _NO_TARGET_RE.search(target_cell):
            role = "report"  # "Report only", "No target": the row is monitored, not held to a figure
        elif target_cell and (re.search(r"\d|\b(?:one|two|three|four|five|six|seven|eight|ten|twelve)\b", target_cell)
                              or _LIMIT_IN_WORDS_RE.match(target_cell)):
            role = "target"  # (a limit in words too: "Instantly", "Same day")
        elif "result" in columns and "target" not in columns:
            role = "report"
    return ClauseInfo(role, tuple(headings), lead_in, header, tuple(cells), columns, start, end)


def _refresh_flat(out, clauses, flat, header, columns, headings, lead_in, opener=None) -> None:
    """Give every fragment of a flattened row the whole row's cells. `opener` is (text, start) of a
    first cell that shares its clause with the header line above it."""
    cells = tuple(opener[0] if (opener and opener[2] == k) else clauses[k].text.strip() for k in flat)
    start = opener[1] if (opener and opener[2] == flat[0]) else clauses[flat[0]].start
    first = text_role(cells[0], clauses[flat[0]].kind)
    for k in flat:
        out[k] = _row_info(first, headings, lead_in, header, columns, cells, start, clauses[flat[-1]].end)


def _depth(heading: str) -> int:
    m = re.match(r"^\W*(\d+(?:\.\d+)*)", heading)
    if m:
        return m.group(1).count(".") + 1
    m = re.match(r"^\s*(#{1,6})", heading)
    return len(m.group(1)) if m else 1
