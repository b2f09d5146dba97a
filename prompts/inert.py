"""Text from a draft or a document made inert for the place it is shown.

A pasted draft, a shared file and a council's own indexed documents are untrusted: they can
carry terminal escape codes, HTML, Markdown links or Slack mentions. Every output path passes
such text through `inert(text, fmt)` once, at the moment it is placed into the output, and adds
its own markup (our colours, our **bold**, our <url|title> links) only after that.

`inert` is not idempotent for "markdown" and "slack" (an `&` escaped twice shows as `&amp;`):
call it on the raw value, exactly once.

Formats:
- "text" (or "terminal"): invisible and control characters removed; nothing else changes.
- "markdown": the same, plus HTML and link/image/emphasis syntax escaped so the words show
  literally; a line break becomes a hard break, so a value stays one paragraph and none of
  its lines can start a heading, list or table.
- "slack": the same removal, plus Slack's three control characters (&, <, >) escaped, so
  `<!channel>` or `<@U123>` is shown as typed, and bare @channel/@here/@everyone defused.
- "json": the same removal. json.dumps already writes C0 controls as \\u escapes, but `jq -r`
  turns those back into raw bytes on a terminal, so escaping alone protects nobody: the
  characters are removed. `start`/`end`/`column` still point into the original text.
"""

from __future__ import annotations

import re

FORMATS = ("text", "terminal", "markdown", "slack", "json")

# Escape sequences, 7-bit (ESC …) and 8-bit (a C1 introducer). A string-type sequence (OSC,
# DCS, SOS, PM, APC) is removed with its body only when it is terminated; an unterminated one
# loses just its introducer, so the words after it stay visible instead of being swallowed.
_STRING_SEQ = r"(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)"
_CSI = r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]"
_OTHER_ESC = r"\x1b[\x21-\x2f]*[\x30-\x7e]"  # not a space: "ESC word" keeps its word
_SEQUENCE_RE = re.compile(f"{_STRING_SEQ}|{_CSI}|{_OTHER_ESC}")

# Characters that move the cursor or break a line on some display: a space keeps words apart.
_LINE_LIKE_RE = re.compile(r"\r(?!\n)|[\x0b\x0c\x1c-\x1e\x85]")
# Everything else invisible that can drive a terminal or reorder what is read: C0 (but \t, \n,
# \r of CRLF), DEL, C1, bidi embeddings/overrides/isolates (Trojan Source), zero-width spaces,
# invisible operators and the byte-order mark.
_INVISIBLE_RE = re.compile(
    "[\x00-\x08\x0e-\x1b\x1f\x7f\x80-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069"
    "\u200b\u2060-\u2064\ufeff\u180e]"
)
# Joiners are needed inside emoji sequences and some scripts (between two non-ASCII
# characters); next to ASCII or a space they only serve to disguise a word.
_STRAY_JOINER_RE = re.compile(r"[\u200c\u200d](?![^\x00-\x7f\s])|(?<![^\x00-\x7f\s])[\u200c\u200d]")
# Unicode tag characters spell hidden ASCII ("ASCII smuggling"); they are kept only as the
# tail of a flag emoji, which is what they exist for.
_TAGS_RE = re.compile("(\U0001F3F4[\U000E0020-\U000E007E]+\U000E007F)|[\U000E0000-\U000E007F]")


# Every character any of the patterns above starts with or removes: a string with none of them
# (nearly every string of a report) is returned as it is, after one search instead of five.
_ANY_SPECIAL_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u180e\u200b-\u200d\u202a-\u202e\u2060-\u2069\ufeff"
    "\U000E0000-\U000E007F]"
)


def strip_controls(text: str) -> str:
    """`text` without escape sequences and invisible control, bidi and zero-width characters.
    Tabs and line breaks are kept (a CR of CRLF too); a lone CR, vertical tab or form feed
    becomes a space."""
    if _ANY_SPECIAL_RE.search(text) is None:
        return text
    text = _SEQUENCE_RE.sub("", text)
    text = _LINE_LIKE_RE.sub(" ", text)
    text = _INVISIBLE_RE.sub("", text)
    text = _TAGS_RE.sub(lambda m: m.group(1) or "", text)
    return _STRAY_JOINER_RE.sub("", text)


# CommonMark decodes a character reference only when it is complete (`&lt;`, `&#60;`): a bare
# "&" as in "Trowers & Hamlins" stays readable in the raw file and renders the same.
_MD_ENTITY_RE = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
# Backslash first, so an escape we add can never pair with one from the draft.
_MD_PUNCT_RE = re.compile(r"([\\`*_\[\]])")
_MD_ANGLE = {"<": "&lt;", ">": "&gt;"}


# What opens a block at the start of a line: a heading, a list item, a setext underline or
# thematic break, a tilde code fence, a table's delimiter row. Escaping its first character keeps the line text.
_MD_BLOCK_START_RE = re.compile(
    r"\s*(?:#{1,6}(?=\s|$)|[-+](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|~{3,}|=+\s*$|[|:-][|:\s-]*$)")


def _markdown_line(line: str) -> str:
    line = _MD_ENTITY_RE.sub("&amp;", line.replace("\t", " "))
    line = re.sub(r"[<>]", lambda m: _MD_ANGLE[m.group()], line)
    line = _MD_PUNCT_RE.sub(r"\\\1", line)
    block = _MD_BLOCK_START_RE.match(line)
    if not block:
        return line
    at = block.end() if block.group().strip().isdigit() else len(block.group()) - len(block.group().lstrip())
    return line[:at] + "\\" + line[at:]


def _markdown(text: str) -> str:
    # A line break inside a value is kept as a hard break: the value stays one paragraph, and a
    # line of it can never open a block of its own.
    lines = [_markdown_line(line) for line in text.splitlines()]
    return "\\\n".join(lines)


_SLACK = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# Slack turns these words into pings even without angle brackets. A zero-width joiner after
# the @ keeps them readable and inert.
_BROADCAST_RE = re.compile(r"@(?=(?:channel|here|everyone)\b)", re.IGNORECASE)
_ZWJ = "\u200d"


def _slack(text: str) -> str:
    text = re.sub(r"[&<>]", lambda m: _SLACK[m.group()], text)
    return _BROADCAST_RE.sub("@" + _ZWJ, text)


def inert(text: str, fmt: str) -> str:
    """`text` (untrusted) made safe to place into output of format `fmt` (see FORMATS)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    text = strip_controls(text)
    if fmt == "markdown":
        return _markdown(text)
    if fmt == "slack":
        return _slack(text)
    return text


def inert_data(value, fmt: str = "json"):
    """Every string inside `value` (dicts, lists, tuples) made inert; other values unchanged."""
    if isinstance(value, str):
        return inert(value, fmt)
    if isinstance(value, dict):
        return {key: inert_data(item, fmt) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [inert_data(item, fmt) for item in value]
    return value
