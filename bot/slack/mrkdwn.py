"""Text made safe for Slack's mrkdwn, and our guidance Markdown turned into it.

Anything a person pasted, and anything read from a document, goes through `escape` before
it reaches Slack: `<!channel>`, `<@U123>` or a bare `@here` in a draft must never ping anyone.
The escaping itself lives in prompts.inert, the one implementation every output format uses."""

from __future__ import annotations

import re

from prompts.inert import inert, strip_controls

# The Markdown our guidance and answers use: [title](url), **bold**, *italic*.
_INLINE_RE = re.compile(
    r"\[(?P<title>[^\]\n]+)\]\((?P<url>(?:[^()\s]|\([^()\s]*\))+)\)"  # one level of (…) inside a URL
    r"|\*\*(?P<bold>[^*\n]+?)\*\*"
    r"|(?<![*\w])\*(?P<italic>[^*\s](?:[^*\n]*?[^*\s])?)\*(?![*\w])"
)
_WEB_URL_RE = re.compile(r"^https?://[^\s<>|]+$", re.IGNORECASE)


def escape(text: str) -> str:
    """Escape Slack's three control characters, defuse broadcast words, drop control characters."""
    return inert(text, "slack")


def link(url: str, title: str) -> str:
    """`<url|title>` for a web address; anything else (mailto:, javascript:, a typo) is shown as plain text."""
    url = strip_controls(url).strip()
    title = escape(" ".join(title.split()) or url)
    if not _WEB_URL_RE.match(url):
        return title
    return f"<{url.replace('&', '&amp;')}|{title}>"


def to_mrkdwn(markdown: str, *, links: bool = True) -> str:
    """Markdown **bold**, *italic* and [title](url) as Slack mrkdwn; everything else escaped.

    `links=False` for text that is not ours (a council's own documents): a link then shows its
    address beside its title, so a reader sees where it goes before following it."""
    out, last = [], 0
    for m in _INLINE_RE.finditer(markdown):
        out.append(escape(markdown[last:m.start()]))
        if m.group("title") is not None and not links:
            out.append(escape(f"{m.group('title')} ({m.group('url')})"))
        elif m.group("title") is not None:
            out.append(link(m.group("url"), m.group("title")))
        elif m.group("bold") is not None:
            out.append(f"*{escape(m.group('bold'))}*")
        else:
            out.append(f"_{escape(m.group('italic'))}_")
        last = m.end()
    out.append(escape(markdown[last:]))
    return "".join(out)
