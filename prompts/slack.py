"""The words of the Slack app, rendered from templates/slack/.

Block Kit structure is built in bot/slack/blocks.py; everything a person reads comes from
here, so wording changes are template edits. Values that come from users or documents must
be escaped by the caller before they are passed in (bot.slack.mrkdwn.escape, which is
prompts.inert.inert(text, "slack")): these templates are mrkdwn."""

from __future__ import annotations

from functools import lru_cache

from .render import render

NOTICES = ("dismissed", "empty", "error", "feedback_thanks", "rate_limited", "review_gone", "shared",
           "too_long", "unsupported_file")


def words(name: str, **context) -> str:
    """A Slack template rendered, without its surrounding blank lines."""
    return render(f"slack/{name}.j2", **context).strip()


def notice_text(kind: str, **context) -> str:
    """One-line replies: notice_text("error", reference="a1b2"), notice_text("rate_limited", seconds=60), …"""
    if kind not in NOTICES:
        raise ValueError(f"unknown notice {kind!r}; one of {', '.join(NOTICES)}")
    return words(f"notices/{kind}", **context)


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    labels = {}
    for line in words("labels").splitlines():
        key, sep, text = line.partition(":")
        if sep and key.strip():
            labels[key.strip()] = text.strip()
    return labels


def label(key: str) -> str:
    """A short label (button, modal title, input) from templates/slack/labels.j2."""
    return _labels()[key]
