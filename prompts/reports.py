"""Render a review Report for a terminal (text) or for Markdown."""

from __future__ import annotations

import json
import re

from scoring.report import Finding, Report

from .inert import inert, inert_data, strip_controls
from .render import render

_SNIPPET_WIDTH = 110
_RAW_CONTEXT = 2000  # characters of a line, either side of a finding, cleaned before the window is cut
_ANSI = {"error": "\033[1;31m", "warning": "\033[1;33m", "suggestion": "\033[1;36m", "mark": "\033[4;1m", "reset": "\033[0m"}


def _line_of(text: str, finding: Finding) -> tuple[str, str, str]:
    """The source line holding the finding's start, cut into the words before the marked span,
    the span and the words after it; control characters already gone, so that the window below
    counts what a reader sees and never cuts an escape sequence in two."""
    line_start = text.rfind("\n", 0, finding.start) + 1
    line_end = text.find("\n", finding.start)
    line_end = len(text) if line_end == -1 else line_end
    line = text[line_start:line_end].replace("\t", " ").rstrip("\r")
    a = finding.start - line_start
    b = max(min(finding.end, line_end) - line_start, a + 1)
    # A draft with no line breaks is one huge line: only its neighbourhood is cleaned.
    lo, hi = max(0, a - _RAW_CONTEXT), min(len(line), b + _RAW_CONTEXT)
    before, marked, after = (strip_controls(part) for part in (line[lo:a], line[a:b], line[b:hi]))
    whole = before + marked + after
    # Keep long lines readable: a window around the marked words.
    if len(whole) > _SNIPPET_WIDTH or lo > 0 or hi < len(line):
        a, b = len(before), len(before) + len(marked)
        left = max(0, min(a - 20, len(whole) - _SNIPPET_WIDTH))
        right = left + _SNIPPET_WIDTH
        prefix, suffix = ("…" if left or lo else ""), ("…" if right < len(whole) or hi < len(line) else "")
        before, marked, after = prefix + whole[left:a], whole[a:min(b, right)], whole[min(b, right):right] + suffix
    return before, marked, after


def _finding_context(text: str, finding: Finding, fmt: str, color: bool) -> dict:
    """What the template shows of one finding. Every draft-derived value is made inert here;
    our own colour codes and **bold** are added around the escaped pieces, never inside them."""
    esc = "markdown" if fmt == "markdown" else "text"
    before, marked, after = (inert(part, esc) for part in _line_of(text, finding))
    context = {
        "f": finding,
        "level_label": finding.level,
        "message": inert(finding.message, esc),
        "why": inert(finding.why, esc),
        "rewrite": inert(finding.rewrite, esc) if finding.rewrite else None,
        "guidance": [_guidance(g, esc) for g in finding.guidance],
    }
    if fmt == "markdown":
        bold = f"**{marked.strip()}**" if marked.strip() else ""
        return context | {"md_snippet": (before + bold + after).strip()}
    if color:
        return context | {"level_label": _ANSI[finding.level] + finding.level + _ANSI["reset"],
                          "snippet": before + _ANSI["mark"] + marked + _ANSI["reset"] + after, "carets": None}
    # Columns counted on what is shown: removed control characters take no room on screen.
    return context | {"snippet": before + marked + after,
                      "carets": " " * len(before) + "^" * max(len(marked), 1)}


_WEB_URL_RE = re.compile(r"^https?://\S+$", re.IGNORECASE)
_URL_UNSAFE = {"(": "%28", ")": "%29", "<": "%3C", ">": "%3E", " ": "%20"}


def _guidance(citation: dict, esc: str) -> dict:
    """A guidance citation's words made inert; in Markdown, `link` is [title](url) or, for anything
    but a web address, the title alone."""
    title = inert(citation.get("title", ""), esc)
    url = strip_controls(citation.get("url", "")).strip()
    out = {"title": title, "source": inert(citation.get("source", ""), esc), "url": inert(url, "text")}
    if esc == "markdown":
        safe = "".join(_URL_UNSAFE.get(ch, ch) for ch in url)
        out["link"] = f"[{title}]({safe})" if _WEB_URL_RE.match(url) else title
    return out


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


def score_context(score, esc: str = "text") -> dict:
    """What every template needs to show the checklist score; `esc` is the format its words are made inert for."""
    filled = 0 if score.value is None else round(score.value * _BAR_WIDTH / 100)
    return {
        "value": score.value,
        "bar": "█" * filled + "░" * (_BAR_WIDTH - filled),
        "assessable": score.assessable,
        "total": len(score.items),
        "items": [{"title": inert(i.title, esc), "status": i.status, "mark": STATUS_MARK[i.status],
                   "evidence": [inert(e, esc) for e in i.evidence]}
                  for i in score.items],
    }


def render_report(report: Report, fmt: str = "text", *, source: str = "draft", color: bool = False) -> str:
    """The report as text for a terminal, Markdown, or JSON (Report.to_dict() with control and
    invisible characters removed from every string, so `jq -r` cannot drive a terminal either)."""
    if fmt == "json":
        return json.dumps(inert_data(report.to_dict()), indent=2, ensure_ascii=False) + "\n"
    template = {"text": "report.txt.j2", "markdown": "report.md.j2"}[fmt]
    esc = "markdown" if fmt == "markdown" else "text"
    return render(
        template,
        source=inert(" ".join(source.split()) if fmt == "markdown" else source, esc),  # a heading is one line
        findings=[_finding_context(report.text, f, fmt, color) for f in report.findings],
        counts=_counts(report),
        omitted=report.omitted,
        score=score_context(report.score, esc),
    )
