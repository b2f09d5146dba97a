"""Length-preserving clean-up of pasted text.

Every replacement keeps the text the same length, so a character offset in the
normalised text is the same offset in what the commissioner gave us. That is what
lets a finding point back at line and column of the original.
"""

import re

from .patterns import regex

# One character in, one character out.
_CHAR_MAP = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
        "\u2002": " ", "\u2003": " ", "\u3000": " ",
        "\u200b": " ", "\ufeff": " ",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\uff05": "%", "\u2215": "/", "\u2044": "/", "\uff1a": ":",
        "\x0b": "\n", "\x0c": "\n",
    }
)

# Slack escapes these three characters; pad the decoded character to the same width.
_ENTITIES = {"&amp;": "&    ", "&lt;": "<   ", "&gt;": ">   "}
_ENTITY_RE = regex("|".join(map(re.escape, _ENTITIES)))

# Slack mrkdwn emphasis markers around words: *bold*, _italic_, ~strike~.
_EMPHASIS_RE = regex(r"(?<![\w*_~])([*_~])(?=\S)([^*_~\n]{1,400}?)(?<=\S)\1(?![\w*_~])")

# Slack links and mentions: <https://x|label> keeps the label; <https://x> keeps the URL.
_LINK_RE = regex(r"<((?:https?|mailto):[^|>\s]+)(\|([^>]*))?>")


def _blank_link(match: re.Match) -> str:
    url, _, label = match.group(1), match.group(2), match.group(3)
    if label is not None:
        pad = len(match.group(0)) - len(label)
        return " " * (pad - 1) + label + " "
    return " " + url + " "


# HTML pasted from a web page or an exported PDF: inline tags hide words from the rules
# ("70% <strong>for</strong> price"), and the source's own line breaks after a <br /> or </p>
# split one sentence into two paragraphs. A tag becomes spaces; a <br />, with the whitespace run
# after it, becomes spaces when a lower-case word follows (the sentence goes on), else one line
# break and no blank line (paragraph tags keep their blank lines).
_INLINE_TAG_RE = regex(r"</?(?:b|strong|i|em|u|s|span|font|a|sup|sub|small|big|mark|abbr|code)(?:\s[^<>\n]{0,200})?>", re.I)
_BREAK_TAG_RE = regex(r"<br(?:\s[^<>\n]{0,200})?\s*/?>([ \t]*\n[ \t\n]*)?", re.I)
_BLOCK_TAG_RE = regex(r"</?(?:p|li|ul|ol|tr|td|th|table|tbody|thead|h[1-6]|div)(?:\s[^<>\n]{0,200})?\s*/?>", re.I)


def _blank_break(match: re.Match) -> str:
    # The first character after the break and any spaces that follow it on the same line.
    following = match.string[match.end():match.end() + 40].lstrip(" \t")[:1]
    # A break is a line break, as on the page, except where a lower-case word carries on the
    # sentence ("the number of <br /> meals served"). Nothing after it: nothing to keep apart.
    keep = "\n" if following and not following.islower() and not _wrapped_before(match) else ""
    return " " * (len(match.group(0)) - len(keep)) + keep


def _wrapped_before(match: re.Match) -> bool:
    """Whether the break cuts a sentence a long line carried (an exported PDF's wrap, "… to at least 78 income
    qualified <br />Santa Ana households who …"): a line of 70 characters or more since the last break, ending on a
    lower-case word or a comma, goes on after it even where a capital follows."""
    start = match.start()
    floor = max(0, start - 200)  # only whether the line reaches 70 characters matters: look back no further
    line_start = max(match.string.rfind("\n", floor, start), match.string.rfind(">", floor, start), floor - 1) + 1
    line = match.string[line_start:start].rstrip()
    return len(line) >= 70 and (line[-1:].islower() or line[-1:] == ",")


# A number written in words with its figure after it, as contracts write numbers: "Two Hundred Fifty
# (250) seniors", "within thirty (30) seconds". The words and brackets become spaces, so the rules
# read the figure ("250 seniors") where they expect one.
_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
          r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety")
_WORDS_THEN_FIGURE_RE = regex(
    r"\b(?:" + _WORDS + r")(?:[ \t-]+(?:" + _WORDS + r"|hundred|thousand|and))*[ \t]*\((\d{1,3}(?:,\d{3})*)\)", re.I)


# The same figure after the unit, as some rules and contracts write it: "within thirty days (30) of referral" reads
# "within 30 days" (padded with spaces to its length).
_WORDS_UNIT_FIGURE_RE = regex(
    r"\b(?:" + _WORDS + r")(?:[ \t-]+(?:" + _WORDS + r"|hundred|thousand|and))*[ \t]+((?:(?:business|working|calendar|clear)"
    r"[ \t]+)?(?:days?|weeks?|months?|hours?|minutes?|years?))[ \t]*\((\d{1,3}(?:,\d{3})*)\)", re.I)


def _figure_before_unit(match: re.Match) -> str:
    said = f"{match.group(2)} {match.group(1)}"
    return said + " " * (len(match.group(0)) - len(said))


def _figure_only(match: re.Match) -> str:
    figure = match.group(1)
    return " " * (match.start(1) - match.start(0)) + figure + " "


# A figure joined to its unit by a hyphen where the unit is a plural, or a time limit of one unit ("a minimum of 8-hours per
# week", "within 1-month of arriving"): the hyphen becomes a space, so the rules read "8 hours" and "1 month" as they read
# them elsewhere. A singular unit after a larger figure stays joined: "15-minute visits" and "24-hour cover" are words
# the rules read as they are, and so is a run of hyphened words, "24-hours-a-day".
_FIGURE_HYPHEN_UNIT_RE = regex(r"(?<![\w.,-])(?:(\d{1,3})-(?=(?:hours|days|weeks|months|minutes)\b(?!-))"
                               r"|(?<=\bwithin )(1)-(?=(?:hour|day|week|month)\b))", re.I)


# A list item whose dash touches its word, as PDF text often has it ("-Utilisation 90%"): the dash becomes a space,
# so the word starts a word for the rules (a dash before a word reads as the middle of a hyphenated one).
_TIGHT_DASH_ITEM_RE = regex(r"^([ \t]*)-(?=[A-Za-z])", re.M)


# A long dash joining a label to its figure, as a table flattened into text has it ("Faster family credit—90 per cent.
# in 5 days", "Primary—68 per cent"): the dash becomes a space, so the figure starts a word for the rules (a hyphen there
# reads as part of a word, as in "COVID-19", which keeps its hyphen). So does a long dash between two words ("Income support
# new claims—claims cleared on average in four days"): a hyphen there would join them into one word.
_WORD_DASH_FIGURE_RE = regex(r"(?:(?<=[^\W\d_])|(?<=\)))[\u2013\u2014](?=\d)|(?<=[^\W\d_])\u2014(?=[^\W\d_])")


# "per cent." with a full stop, as older UK government papers abbreviate it ("95 per cent. of children will"): the stop
# becomes a space where the sentence goes on (a lower-case word or a comma or semicolon after it), so it ends no sentence.
_PER_CENT_STOP_RE = regex(r"(?:(?<=\b[Pp]er[ \t]cent)|(?<=\b[Pp]ercent)|(?<=\bPER[ \t]CENT))\.(?=[ \t]*[;,)]|[ \t]+[a-z])")


# A sum in a currency the rules do not name by its sign ("Rs. 500", "NPR 1,000", "INR 1,200", "KES 300", "Sh6,000", "₹100", "₦750",
# "R15 per child" in rand, "USD 12.50", "GBP 22.59"): the code and the space after it become spaces and a "$" stands
# against the figure ("    $500"), so a fee, a rate or a price reads as the rules read "$500". What a finding quotes comes
# from the draft as written; a rewrite gets its currency back (`foreign_sums`).
FOREIGN_CODE = (r"Rs\.?|INR|NPR|PKR|LKR|BDT|Tk\.?|KES|KSh[s]?\.?|Kshs?\.?|UGX|TZS|NGN|ZAR|GH[S¢₵](?![ \t]?(?:19|20)\d\d\b)"
                 r"|USD|US\$|GBP|EUR|AUD|AU\$|A\$|NZD|NZ\$|CAD|CA\$|C\$|SGD|S\$|HK\$"
                 # shillings ("Sh6,000", "Shs 500"), pesos, rupiah, ringgit, and the Caribbean's, Pacific's and Africa's codes
                 r"|Shs?\.?|PHP|Php|IDR|Rp\.?|MYR|RM|JMD|J\$|TTD|TT\$|BBD|BSD|FJD|FJ\$|ZMW|BWP|MWK|RWF|ETB|EGP|NAD|MUR"
                 # and Europe's outside the euro ("SEK 280", "NOK 450", "CHF 95"), and the shekel ("NIS 265 per day")
                 r"|SEK|NOK|DKK|ISK|CHF|PLN|CZK|HUF|NIS|ILS")
_FOREIGN_SUM_RE = regex(
    r"(?<![\w$£€])(?:(?:" + FOREIGN_CODE + r")[ \t]?|[₹₦৳₱₵₪]|R(?=\d[\d,]*(?:\.\d+)?[ \t]?(?:per|a|an|each|for|million|billion|bn|m|k)\b))"
    r"(?=\d)")


# The same sums with the currency written after the figure, as South and Southeast Asian and Nordic papers do ("300 NRS
# for each delivery", "1,000 baht a day", "275 kronor an hour"): the figure moves one place on, behind a "$", and the
# code becomes spaces ("$300    "), so "300" is read as money, not as a count of 300 of something.
_FOREIGN_AFTER_RE = regex(r"(?<![\w$£€.,])(\d[\d,]*(?:\.\d+)?)[ \t]?(?:NRS|NPR|INR|BDT|LKR|PKR|THB|baht|rupees|taka|kyats?|ringgits?"
                          r"|rupiah|pesos|SEK|NOK|DKK|kronor|kroner|kronur)\b")
_FIGURE_AT_RE = regex(r"\d[\d,]*(?:\.\d+)?")


def _after_as_dollars(match: re.Match) -> str:
    return ("$" + match.group(1)).ljust(len(match.group(0)))


def _as_dollars(match: re.Match) -> str:
    return " " * (len(match.group(0)) - 1) + "$"


def foreign_sums(text: str) -> dict[str, str]:
    """Each sum the normalised text reads as dollars, as the draft wrote it: {"$500": "Rs. 500"}. A sum the draft also
    writes in dollars is left out (which one a rewrite quotes cannot be told)."""
    sums: dict[str, str] = {}
    for m in _FOREIGN_SUM_RE.finditer(text):
        figure = _FIGURE_AT_RE.match(text, m.end())
        if figure:
            sums.setdefault("$" + figure.group(0), m.group(0) + figure.group(0))
    for m in _FOREIGN_AFTER_RE.finditer(text):
        sums.setdefault("$" + m.group(1), m.group(0))
    return {read: written for read, written in sums.items() if read not in text}


def sum_start(text: str, at: int) -> int:
    """Where the sum read as "$" at `at` starts as the draft wrote it ("Rs. 500" starts at its "R"), so a finding quotes
    the currency too."""
    for m in _FOREIGN_SUM_RE.finditer(text, max(0, at - 8), at + 2):  # (one figure past it, for the lookahead)
        if m.end() == at + 1:
            return m.start()
    if (m := _FOREIGN_AFTER_RE.match(text, at)) is not None:  # ("300 NRS": the "$" stands where its figure began)
        return m.start()
    return at


# A price whose decimal point a scan or an export put a space before ("Bulk Standard Diet Meals $2 .467 per meal"): the
# point moves back against its figures and the space goes after them, so "467 per meal" is not read as a count of meals.
_SPLIT_DECIMAL_RE = regex(r"((?:[$£€]|\bR)[ \t]?\d{1,6})[ \t]\.(\d{1,4})(?![\d.,])")  # (rupees and the like are "$" by now)
# … and a sum whose thousands a scan set apart with spaces round the comma ("a payment limit of $813 , 815 for provision of
# meals", "$4 , 000 of savings"): the comma closes up and the spaces go after, so "815 for provision of meals" is not a count.
_SPLIT_THOUSANDS_RE = regex(r"([$£€][ \t]?\d{1,3}(?:,\d{3})*)[ \t],[ \t](\d{3})(?![\d])")


# A bracket opened on one line and closed on the next is one phrase a copy wrapped, not two lines ("Complete 500 housing
# units (80% N/A N/A 500 500" / "AMI or lower) each year", a table row whose figures a PDF copy set inside its label):
# the line break inside it becomes a space.
_WRAPPED_BRACKET_RE = regex(r"(\([^()\n]{1,120})\n([ \t]*[^()\s|][^()\n|]{0,80}\))")


# A table copied one cell a line, as some web and PDF copies give it: each cell closed by its bar on its own line
# ("Population |" / "Minimum |" / "Desirable |" / "less than 3,500 |" / "15 |" / "25-40 |"), or each cell's line followed by
# a line holding only a bar. The header is the run's leading cells without a figure; where the cells after it fill whole
# rows of that width, each row's line breaks become spaces, so the table is read a row a line.
_ONE_CELL_LINE_RE = regex(r"[ \t]*[^|\s][^|\n]{0,300}\|[ \t]*")
_LONE_BAR_LINE_RE = regex(r"[ \t]*\|[ \t]*")
_NO_BAR_LINE_RE = regex(r"[ \t]*[^|\s][^|\n]{0,300}")
# A column's number in brackets or a year, which a header cell may hold ("Officer responsible (3)", "Target 2025/26").
_HEADER_NUMBER_RE = regex(r"\(\s?\d{1,2}\s?\)|\b(?:19|20)\d\d(?:\s?[/-]\s?\d{2,4})?\b")
_DIGIT_RE = regex(r"\d")
_MAX_COLUMNS = 40  # a narrower row is sought under at most this many header cells: each width tried reads the run once
# A header cell over a column of figures: a target, or a year alone ("Target Yr (2021)", "FY 2024", "2025/26").
_YEAR_OR_TARGET_RE = regex(r"\btargets?\b|^\W*(?:FY\s?)?(?:19|20)\d\d(?:\s?[/-]\s?\d{2,4})?\W*$", re.I)


def _has_figure(cell: str) -> bool:
    return _DIGIT_RE.search(_HEADER_NUMBER_RE.sub(" ", cell)) is not None


def _cell_units(lines: list[str]) -> list[tuple[int, int, str]]:
    """Each line's cell unit: (first line, last line, form) for a one-cell line ("a") or a cell line and its bar line ("b")."""
    units = []
    i = 0
    while i < len(lines):
        if _ONE_CELL_LINE_RE.fullmatch(lines[i]):
            units.append((i, i, "a"))
        elif i + 1 < len(lines) and _NO_BAR_LINE_RE.fullmatch(lines[i]) and _LONE_BAR_LINE_RE.fullmatch(lines[i + 1]):
            units.append((i, i + 1, "b"))
            i += 1
        elif _LONE_BAR_LINE_RE.fullmatch(lines[i]):
            units.append((i, i, "e"))  # an empty cell: its bar alone ("Chronic conditions |" / "…" / "|" / "Breast cancer …")
        else:
            units.append((i, i, ""))
        i += 1
    return units


def _header_width(run: list[tuple[int, int, str]], lines: list[str]) -> int:
    """How many cells a row of the run has: its leading cells without a figure, or fewer where a row's own first cells
    have none either ("Key Output | KPI | Target 2021 | … | Classrooms built | Number of classrooms built | 1380 | …"):
    the widest that parts the run into whole rows, each after the header holding a figure, and holding one under each
    header cell that names a year or a target."""
    figures = [_has_figure(lines[u[0]]) for u in run]
    lead = next((n for n, f in enumerate(figures) if f), len(run))

    def fits(width: int) -> bool:
        if len(run) % width:
            return False
        marked = [n for n in range(width) if _YEAR_OR_TARGET_RE.search(lines[run[n][0]])]
        rows = range(width, len(run), width)
        return all(any(figures[g:g + width]) and all(figures[g + n] for n in marked) for g in rows)

    if lead >= 2 and len(run) % lead == 0 and (fits(lead) or not any(
            _YEAR_OR_TARGET_RE.search(lines[u[0]]) for u in run[:lead])):
        return lead  # (a header naming no year or target: its rows may hold words only, "Same day")
    return next((width for width in range(min(lead - 1, _MAX_COLUMNS), 1, -1) if fits(width)), 0)


def _label_rows_width(run: list[tuple[int, int, str]], lines: list[str]) -> int:
    """How many cells a row has in a run without its header (the header's cells are not closed by bars, or a section's
    title line parts them): the narrowest width at which the run is one row or more, each a label and then cells of one
    figure each ("Home visit |" / "500 |" / "$0.25 |"), and what is left over at its end is labels only (a section's
    title: "Identification of new patients |"). 0 when no width fits."""
    figures = [_FIGURE_CELL_RE.fullmatch(lines[u[0]]) is not None for u in run]
    for width in range(2, 7):
        whole = len(run) - len(run) % width
        if not whole or any(figures[whole:]):
            continue
        after = run[whole - 1][1] + 1
        if after < len(lines) and _LONE_BAR_LINE_RE.fullmatch(lines[after]):
            return 0  # the last row goes on in empty cells ("274 |" / "|" / "|"): where its figures sit is not known
        if all(not figures[g] and all(figures[g + 1:g + width]) for g in range(0, whole, width)):
            return width
    return 0


# A cell of one figure closed by its bar: "500 |", "$0.25 |", "12.5% |" (a label's footnote digit is not one: "identified2 |").
_FIGURE = r"[ \t]*[-–]?[$£€]?[ \t]?\d[\d,]*(?:\.\d+)?[ \t]?%?[ \t]*"
_FIGURE_CELL_RE = regex(_FIGURE + r"\|[ \t]*")


# A cell that is one figure once its bar is taken off: "9%", "84", "$0.25", "1,350".
_FIGURE_ONLY_RE = regex(_FIGURE + r"\|?[ \t]*")
_MAX_MIXED_ROW = 7  # cells in a row read from a run of mixed cell forms


def _mixed_rows(run: list[tuple[int, int, str]], lines: list[str]) -> list[tuple[int, int]]:
    """Rows of a run whose cells are copied in mixed forms (a cell closed by its bar, a cell and then its bar line, an
    empty cell's bar alone), as some PDF copies give a table whose first column is left empty under a group's name
    ("Chronic conditions |" / "Cervical cancer screening" / "|" / "9% |" / "|" / "Breast cancer screening" / "|" / "6% |"):
    a row is its labels (or empty cells) and then its figures, and ends at the last figure before the next label. Every
    row must be so, of two to seven cells with a label that is not empty; what is left at the run's end may be labels
    only. The rows as (first unit, unit after the last); none where the run does not part so. The caller reads them only
    where every row has the same width (a title over empty cells is not the start of a row), and otherwise reads each
    run of one form under its header as before."""
    figures = [u[2] != "e" and _FIGURE_ONLY_RE.fullmatch(lines[u[0]]) is not None for u in run]
    if run[-1][2] == "e":
        return []  # the last row goes on in empty cells ("274 |" / "|" / "|"): where its figures sit is not known
    rows, start = [], 0
    for n in range(1, len(run) + 1):
        if n == len(run) or (figures[n - 1] and not figures[n]):
            rows.append((start, n))
            start = n
    if rows and not any(figures[rows[-1][0]:rows[-1][1]]):
        rows.pop()  # a section's title, or a row the copy cut short of its figures
    for first, after in rows:
        cells = run[first:after]
        if not 2 <= len(cells) <= _MAX_MIXED_ROW or not any(u[2] != "e" and not figures[first + n]
                                                              for n, u in enumerate(cells)):
            return []
        if figures[first]:
            return []  # a row opening on a figure: the figures are not under labels
    return rows


def _join_cell_lines(text: str) -> str:
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    out = list(text)
    units = _cell_units(lines)
    k = 0
    rows: list[tuple[int, int]] = []
    while k < len(units):
        end = k
        while end < len(units) and units[end][2]:  # (units follow each other line by line)
            end += 1
        mixed, k = units[k:end], max(end, k + 1)
        found = []
        if len({u[2] for u in mixed}) > 1:
            lead = 1 if mixed[0][2] == "a" and mixed[0][0] and _NO_BAR_LINE_RE.fullmatch(lines[mixed[0][0] - 1]) else 0
            # (a first cell that closes a line above with no bar is the end of a wrapped title, not a row's cell)
            parted = _mixed_rows(mixed[lead:], lines)
            if len({b - a for a, b in parted}) == 1:  # rows of one width: a title over empty cells is not a row's start
                found = [(mixed[lead + a][0], mixed[lead + b - 1][1]) for a, b in parted]
        j = 0
        while not found and j < len(mixed):  # each run of one form, read under its header
            end = j
            while end < len(mixed) and mixed[end][2] == mixed[j][2]:
                end += 1
            run, j = mixed[j:end], end
            width = 0 if run[0][2] == "e" else _header_width(run, lines) or _label_rows_width(run, lines)
            if width >= 2:
                rows += [(run[g][0], run[g + width - 1][1]) for g in range(0, len(run) - len(run) % width, width)]
        rows += found
    for first, last in rows:
        for line in range(first, last):
            out[starts[line] + len(lines[line])] = " "  # the line break after it
    return "".join(out)


# An award notice's fields copied one per line (an EU notice's "[Price]", "-", "[Weighting]:", "60%"): a line that is only
# a dash or a slash joins the short lines either side of it, and a weighting's label joins the figure on the line below,
# so "Price - Weighting: 60%" reads as the one-line notice does.
_LONE_SEPARATOR_RE = regex(r"^([^\n]{1,80})\n([ \t]*[-/\u2013][ \t]*)\n(?=[^\n]{1,80}$)", re.M)
_WEIGHT_LABEL_RE = regex(r"(\b(?:weighting|weight)\]?[ \t]*:[ \t]*)\n(?=[ \t]*\d{1,3}(?:\.\d+)?[ \t]?%?[ \t]*$)", re.M | re.I)
# A notice's award criteria field with one value on the line under it, and no other criterion after: "II.2.5) Award
# criteria" / "Price". The two lines are one field, read as one line ("II.2.5) Award criteria Price"), so price as the
# only criterion is seen; a list of criteria ("Price" then "Quality criterion …") is left as it is.
_CRITERIA_VALUE_RE = regex(r"(\baward[ \t]+criteri(?:a|on)[ \t]*:?[ \t]*)\n(?=[ \t]*(?:the[ \t]+)?(?:lowest[ \t]+)?price(?:[ \t]+(?:only|alone))?[ \t]*\.?[ \t]*"
                           r"(?:$(?![\s\S])|\n(?![ \t]*(?:quality|technical|social|cost|weight|functionality|qualitative|non-price|[-–•*/|:(\d]))))",
                           re.M | re.I)


# The base a share is taken of, in brackets after it ("Contact 100% (n=30) of the cohort", "80% (n = 24)"): blanked, so
# the share reads on to what it is of.
_BASE_COUNT_RE = regex(r"(?<=%)[ \t]*\([ \t]*[nN][ \t]*=[ \t]*[\d,]{1,7}[ \t]*\)")


# A footnote's number glued to a unit of time ("within 40 working days1 except for …"): blanked, so the time reads whole.
_UNIT_NOTE_RE = regex(r"(?:(?<=\bdays)|(?<=\bweeks)|(?<=\bhours)|(?<=\bmonths)|(?<=\bminutes))\d{1,2}(?![\w,.]?\d)(?=[\s,;:.)])")


# A table row whose label wrapped round its figures, as a PDF table flattened into text has it: the label's first line, the
# row's figures one to a line, and the rest of the label after the last ("Number of water samples collected and" /
# "1,092" / "1,190" / "1,000 results reported to well owners"). The label is put back together and the figures follow it
# as the row's cells ("Number of water samples collected and results reported to well owners | 1,092 | 1,190 | 1,000"),
# so the rules read the row's indicator and its figures as one row.
_FIGURE = r"[-$\u00a3\u20ac]?\d[\d,.]*[ \t]*%?(?:[ \t]?\*)?"
_WRAPPED_LABEL_RE = regex(
    r"^([ \t]*[A-Za-z][^\n|]{2,150}?[a-z,(])[ \t]*\n((?:[ \t]*" + _FIGURE + r"[ \t]*\n){1,12})[ \t]*(" + _FIGURE
    + r")(?:[ \t]+|[ \t]*\n[ \t]*)([a-z(][^\n|]{0,120}?)[ \t]*$", re.M)


def _label_round_figures(match: re.Match) -> str:
    figures = [f.strip() for f in match.group(2).split("\n") if f.strip()] + [match.group(3).strip()]
    label = f"{match.group(1).rstrip()} {match.group(4).strip()}"
    for sep in (" | ", "|"):
        row = label + "".join(sep + f for f in figures)
        if len(row) <= len(match.group(0)):
            return row + " " * (len(match.group(0)) - len(row))
    return match.group(0)


# A linked file's size and type, left by a copied web page: "Self Assessment Package - 749 kb Word file", "(PDF, 1.2 MB)",
# "[Word 96KB]". It names no count of anything the service does, so its figure is blanked.
_FILE_SIZE_RE = regex(r"(?:[-–(\[,][^\S\n]*)?(?:(?:pdf|word|excel|docx?|xlsx?|rtf|odt)[^\S\n]*[,:]?[^\S\n]*)?(?<![\d,.])\d{1,4}(?:[.,]\d{1,2})?"
                      r"[^\S\n]?(?:kb|mb|kib|mib|kbytes|mbytes)\b(?:[^\S\n]+(?:pdf|word|excel|docx?|xlsx?|rtf|odt)(?:[^\S\n]+(?:file|document))?)?"
                      r"(?:[^\S\n]*[)\]])?", re.I)


def normalize(text: str) -> str:
    """Return text of the same length with quotes, spaces, dashes and Slack markup tidied."""
    # A Windows line end becomes " \n" so that it still counts as one line break.
    out = text.replace("\r\n", " \n").replace("\r", "\n")
    if "\u2014" in out or "\u2013" in out:
        out = _WORD_DASH_FIGURE_RE.sub(" ", out)
    out = out.translate(_CHAR_MAP)
    out = _ENTITY_RE.sub(lambda m: _ENTITIES[m.group(0)], out)
    out = _LINK_RE.sub(_blank_link, out)
    if "<" in out:
        out = _INLINE_TAG_RE.sub(lambda m: " " * len(m.group(0)), out)
        out = _BREAK_TAG_RE.sub(_blank_break, out)
        out = _BLOCK_TAG_RE.sub(lambda m: " " * len(m.group(0)), out)
    out = _EMPHASIS_RE.sub(lambda m: " " + m.group(2) + " ", out)
    if "(" in out:
        out = _WRAPPED_BRACKET_RE.sub(lambda m: f"{m.group(1)} {m.group(2)}", out)
        out = _WORDS_UNIT_FIGURE_RE.sub(_figure_before_unit, out)
        out = _WORDS_THEN_FIGURE_RE.sub(_figure_only, out)
    if "-" in out:
        out = _TIGHT_DASH_ITEM_RE.sub(lambda m: m.group(1) + " ", out)
        out = _FIGURE_HYPHEN_UNIT_RE.sub(lambda m: (m.group(1) or m.group(2)) + " ", out)
    if "|\n" in out or "\n|" in out or "| \n" in out:
        out = _join_cell_lines(out)
    out = _UNIT_NOTE_RE.sub(lambda m: " " * len(m.group(0)), out)
    if "\n" in out:
        out = _WRAPPED_LABEL_RE.sub(_label_round_figures, out)
    if "=" in out and "%" in out:
        out = _BASE_COUNT_RE.sub(lambda m: " " * len(m.group(0)), out)
    if "\n-\n" in out or "\n/\n" in out or "\n\u2013\n" in out or ":\n" in out:
        out = _LONE_SEPARATOR_RE.sub(lambda m: f"{m.group(1)} {m.group(2)} ", out)
        out = _WEIGHT_LABEL_RE.sub(lambda m: m.group(1) + " ", out)
    if "riteri" in out and ("rice" in out or "RICE" in out):
        out = _CRITERIA_VALUE_RE.sub(lambda m: m.group(1) + " ", out)
    out = _FOREIGN_SUM_RE.sub(_as_dollars, out)
    if _FOREIGN_AFTER_RE.search(out):
        out = _FOREIGN_AFTER_RE.sub(_after_as_dollars, out)
    if " ." in out:
        out = _SPLIT_DECIMAL_RE.sub(lambda m: f"{m.group(1)}.{m.group(2)} ", out)
    if " , " in out:
        out = _SPLIT_THOUSANDS_RE.sub(lambda m: f"{m.group(1)},{m.group(2)}  ", out)
    if "cent." in out:
        out = _PER_CENT_STOP_RE.sub(" ", out)
    if ("b" in out or "B" in out) and _FILE_SIZE_RE.search(out):
        out = _FILE_SIZE_RE.sub(lambda m: " " * len(m.group(0)), out)
    assert len(out) == len(text)
    return out
