"""Shapes of input that once made the checker slow or unbounded, each a function of a size in
characters: shared by tests/scoring/test_bounds.py (work grows linearly) and
benchmarks/review_speed.py (the worst-case timing table)."""

def _whole(row: str, n: int) -> str:
    """As many whole copies of a row as fit in n characters, padded with spaces to n."""
    text = row * (n // len(row))
    return text + " " * (n - len(text))


SHAPES = {
    "one letter": lambda n: "a" * n,
    "one digit": lambda n: "7" * n,
    "dashes": lambda n: "-" * n,
    "pipes": lambda n: "|" * n,
    "full stops": lambda n: "." * n,
    "spaces": lambda n: "x" + " " * (n - 1),
    "newlines": lambda n: "x" + "\n" * (n - 1),
    "non-ASCII letter": lambda n: "ß" * n,
    "token then a stop": lambda n: "y" * (n - 1) + ".",
    "long tokens": lambda n: " ".join("outcomeoutcome" * 40 for _ in range(n // 561 + 1))[:n],
    "one line, no spaces, mixed": lambda n: ("Price60%Quality40%sessions12-" * (n // 29 + 1))[:n],
    "deep list": lambda n: "".join("  " * (i % 40) + f"- {i}. item with 3 sessions\n" for i in range(n // 60 + 1))[:n],
    "markdown table rows": lambda n: ("| Sessions delivered | 120 | Quarterly |\n" * (n // 40 + 1))[:n],
    "tab-separated rows": lambda n: ("Number of visits\t300\tMonthly\n" * (n // 30 + 1))[:n],
    "long numbers": lambda n: " ".join("1234567890" * 8 for _ in range(n // 81 + 1))[:n],
    "many percentages": lambda n: ("95% of 60% and 40% " * (n // 19 + 1))[:n],
    "price lines": lambda n: ("Price 60%\n" * (n // 10 + 1))[:n],
    "initials": lambda n: ("A. B. c. " * (n // 9 + 1))[:n],
    "bullets and numbers": lambda n: ("- 1.\n" * (n // 5 + 1))[:n],
    # a web page's tag breaks on one long line, each one looking back at the line before it
    "tag breaks on one line": lambda n: ("a" * 100 + "<br />Xy sessions" * (n // 17 + 1))[:n],
    # tables however a copy laid them out: rows glued to their figures, labels set apart by a wide gap, a header copied
    # one cell a line over spaced rows, rates alone under their labels (whole rows, padded: a row cut short at the end
    # is a different clause, and one finding more or less would be a threshold, not growth)
    "glued rows": lambda n: _whole("Percentage of call-outs reached within 20 minutes85%81.2%90%\n", n),
    "wide-gap rows": lambda n: _whole("Increase number of cards issued by   20,622   12,488   13,112\n", n),
    "header cells a line": lambda n: _whole("Measure 2003/04\nTarget\nStatus\nNumber of partnerships 4 4 34\n", n),
    "rates under labels": lambda n: _whole("Home care service\n\n$5 (per hour)\n", n),
    # a row's figures set inside a label a bracket wraps over two lines, and a charter's numbered pledges
    "bracket-wrapped rows": lambda n: _whole("Complete 50 units (80% N/A 40 50\nAMI or lower) each year\n", n),
    "charter lines": lambda n: _whole("1. To inform applicants within 5 working days upon receipt\n", n),
    # a table copied one cell a line: one long run the header's width parts into rows, and cells each followed by a bar line
    "cells a line": lambda n: "Service |\nTime limit |\n" + _whole("Repair a street light |\n5 days |\n", n - 26),
    "bar lines": lambda n: _whole("Repair a street light\n|\n5 days\n|\n", n),
    # rows copied one cell a line that open on two cells without a figure (the header's width is sought), and count rows
    # opening on "#" with their cells between bars
    "rows open on words": lambda n: "Output |\nKPI |\nTarget 2025 |\n" + _whole("Paths built |\nNumber of paths |\n40 |\n", n - 32),
    "hash rows": lambda n: _whole("# Locations baited |  | 266 | 156\n", n),
    "two-cell limit rows": lambda n: "Complaint | Action\n" + _whole("Garbage removal | Within 1 Working Days\n", n - 19),
    "shares with their counts": lambda n: _whole("1. 87% (2676 of 3089) closed within 3 months.\n", n),
    "one long limit cell": lambda n: "A | B\nX | Within " + "1 " * max(0, (n - 16) // 2),
    # a resolution's title in capitals wrapped over every line: the whole text is read as one block of prose
    "capitals wrapped": lambda n: _whole("THE PROVIDER WILL DELIVER 500 SESSIONS OF SUPPORT AND ADVICE FOR THE CITY OF\n", n),
}
