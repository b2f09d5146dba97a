"""Text made safe for Slack's mrkdwn, and our guidance Markdown turned into it.

Anything a person pasted, and anything read from a document, goes through `escape` before
it reaches Slack: `<!channel>`, `<@U123>` or a bare `@here` in a draft must never ping anyone."""

from __future__ import annotations

import re

_CONTROL = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_CONTROL_RE = re.compile(r"[&<>]")
# Slack turns these words into pings even without angle brackets. A zero-width joiner after
# the @ keeps them readable and inert.
_BROADCAST_RE = re.compile(r"@(?=(?:channel|here|everyone)\b)", re.IGNORECASE)
_ZWJ = "\u200d"

# The Markdown our guidance and answers use: [title](url), **bold**, *italic*.
_INLINE_RE = re.compile(
    r"\[(?P<title>[^\]\n]+)\]\((?P<url>(?:[^()\s]|\([^()\s]*\))+)\)"  # one level of (…) inside a URL
    r"|\*\*(?P<bold>[^*\n]+?)\*\*"
    r"|(?<![*\w])\*(?P<italic>[^*\s](?:[^*\n]*?[^*\s])?)\*(?![*\w])"
)
_WEB_URL_RE = re.compile(r"^https?://[^\s<>|]+$", re.IGNORECASE)


def escape(text: str) -> str:
    """Escape Slack's three control characters and defuse broadcast words."""
    text = _CONTROL_RE.sub(lambda m: _CONTROL[m.group()], text)
    return _BROADCAST_RE.sub("@" + _ZWJ, text)


def link(url: str, title: str) -> str:
    """`<url|title>` for a web address; anything else (mailto:, javascript:, a typo) is shown as plain text."""
    title = escape(" ".join(title.split()) or url)
    url = url.strip()
    if not _WEB_URL_RE.match(url):
        return title
    return f"<{url.replace('&', '&amp;')}|{title}>"


def to_mrkdwn(markdown: str) -> str:
    """Markdown **bold**, *italic* and [title](url) as Slack mrkdwn; everything else escaped."""
    out, last = [], 0
    for m in _INLINE_RE.finditer(markdown):
        out.append(escape(markdown[last:m.start()]))
        if m.group("title") is not None:
            out.append(link(m.group("url"), m.group("title")))
        elif m.group("bold") is not None:
            out.append(f"*{escape(m.group('bold'))}*")
        else:
            out.append(f"_{escape(m.group('italic'))}_")
        last = m.end()
    out.append(escape(markdown[last:]))
    return "".join(out)
