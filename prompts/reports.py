"""Render a review Report for a terminal (text) or for Markdown."""

from __future__ import annotations

import json

from scoring.report import Finding, Report

from .render import render

_SNIPPET_WIDTH = 110
_ANSI = {"error": "\033[1;31m", "warning": "\033[1;33m", "suggestion": "\033[1;36m", "mark": "\033[4;1m", "reset": "\033[0m"}


def _line_of(text: str, finding: Finding) -> tuple[str, int, int]:
    """The source line holding the finding's start, and the marked span's columns within it."""
    line_start = text.rfind("\n", 0, finding.start) + 1
    line_end = text.find("\n", finding.start)
    line_end = len(text) if line_end == -1 else line_end
    line = text[line_start:line_end].replace("\t", " ").rstrip("\r")
    a = finding.start - line_start
    b = min(finding.end, line_end) - line_start
    # Keep long lines readable: a window around the marked words.
    if len(line) > _SNIPPET_WIDTH:
        left = max(0, min(a - 20, len(line) - _SNIPPET_WIDTH))
        right = left + _SNIPPET_WIDTH
        prefix, suffix = ("…" if left else ""), ("…" if right < len(line) else "")
        line = prefix + line[left:right] + suffix
        a, b = a - left + len(prefix), min(b, right) - left + len(prefix)
    return line, a, max(b, a + 1)


def _finding_context(text: str, finding: Finding, color: bool) -> dict:
    line, a, b = _line_of(text, finding)
    if color:
        marked = line[:a] + _ANSI["mark"] + line[a:b] + _ANSI["reset"] + line[b:]
        level = _ANSI[finding.level] + finding.level + _ANSI["reset"]
    else:
        marked = line
        level = finding.level
    return {
        "f": finding,
        "level_label": level,
        "snippet": marked,
        "carets": None if color else " " * a + "^" * (b - a),
        "md_snippet": (line[:a] + "**" + line[a:b].strip() + "**" + line[b:]).strip(),
    }


def _counts(report: Report) -> dict[str, int]:
    """Findings of each level, listed or not."""
    counts = {"error": 0, "warning": 0, "suggestion": 0}
    for f in report.findings:
        counts[f.level] += 1
    for level, n in report.omitted_levels.items():
        counts[level] += n
    return counts


_BAR_WIDTH = 20
STATUS_MARK = {"met": "✓", "partial": "~", "missing": "✗", "n/a": "-"}


def score_context(score) -> dict:
    """What every template needs to show the checklist score."""
    filled = 0 if score.value is None else round(score.value * _BAR_WIDTH / 100)
    return {
        "value": score.value,
        "bar": "█" * filled + "░" * (_BAR_WIDTH - filled),
        "assessable": score.assessable,
        "total": len(score.items),
        "items": [{"title": i.title, "status": i.status, "mark": STATUS_MARK[i.status], "evidence": list(i.evidence)}
                  for i in score.items],
    }


def render_report(report: Report, fmt: str = "text", *, source: str = "draft", color: bool = False) -> str:
    if fmt == "json":
        return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
    template = {"text": "report.txt.j2", "markdown": "report.md.j2"}[fmt]
    return render(
        template,
        source=source,
        findings=[_finding_context(report.text, f, color) for f in report.findings],
        counts=_counts(report),
        omitted=report.omitted,
        score=score_context(report.score),
    )
