"""The weekly post: its words, Slack's limits, escaping of quoted drafts, and quiet weeks."""

from __future__ import annotations

import dataclasses
import importlib.util
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from digest_helpers import END, TZ, add, day

from bot.digest import compute_digest
from bot.digest.compute import Improvement, TopCategory
from bot.slack.blocks import MAX_BLOCKS, digest_message

_spec = importlib.util.spec_from_file_location("slack_limits", Path(__file__).parents[1] / "slack" / "slack_limits.py")
slack_limits = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(slack_limits)  # the emulator's own reading of Slack's limits
strings = slack_limits.strings

HOSTILE = "200 sessions for <!channel> <!here|here> <!everyone> <@U123ABC> <#C999> @here @channel & more"


def within_limits(message) -> None:
    error, problems = slack_limits.check_message(message.as_kwargs())
    assert error is None, problems
    assert len(message.blocks) <= MAX_BLOCKS


def texts(message) -> str:
    return "\n".join(strings(message.blocks))


@pytest.fixture
def digest(sqlite_db):
    add(sqlite_db, at=day(9), score=30)
    add(sqlite_db, at=day(6), user="UALICE", thread="t", score=40, rules=("output-only/activity-count",) * 2,
        checklist={"outcomes-stated": "missing", "quality-over-cost": "partial"},
        examples={"output-only": HOSTILE})
    add(sqlite_db, at=day(5), user="UALICE", thread="t", score=75, rules=("cost-first/price-majority",),
        checklist={"outcomes-stated": "missing"}, examples={"cost-first": "Price 70% / Quality 30%"})
    add(sqlite_db, at=day(4), user="UBOB", visibility="ephemeral", shared_to="C1", shared_at=day(3), score=50)
    add(sqlite_db, at=day(2), user="UCAROL", channel="D1", visibility="dm", score=0,
        examples={"output-only": "private words"})
    return compute_digest(sqlite_db, "T1", "C1", end=END, tz=TZ)


def test_the_post_says_which_week_and_gives_the_numbers(digest):
    message = digest_message(digest)
    within_limits(message)
    blocks = message.blocks
    assert blocks[0]["type"] == "header"
    assert blocks[0]["text"]["text"] == "Weekly digest · Week of 16–22 Nov 2026"
    body = texts(message)
    assert "*3 drafts* reviewed by *2 people*" in body
    assert "Average checklist score: *55/100* (▲ 25 points on the week before)" in body  # (40+75+50)/3 vs 30
    assert "• Outcomes are stated as change for people: missing in 2" in body
    assert "• Quality comes before cost in the award: partly met in 1" in body
    assert "1. *output-only*: 2 findings, for example “200 sessions for" in body
    assert "2. *cost-first*: 1 finding, for example “Price 70% / Quality 30%” · <https://" in body
    assert "*Biggest improvement:* a draft reviewed again went from 40 to *75* (▲ 35 points)" in body
    assert "*Tip of the week:* " in body and f"<{digest.tip['url']}|" in body
    assert "private words" not in body and "UALICE" not in body and "UBOB" not in body  # nobody named
    assert blocks[-1]["type"] == "context" and "Mon 16 Nov to Sun 22 Nov (Europe/London)" in body
    assert message.text == "Weekly digest, week of 16–22 Nov 2026: 3 drafts reviewed by 2 people, " \
                           "average checklist score 55/100."


def test_a_pasted_example_never_pings_anyone(digest):
    message = digest_message(digest)
    for text in [*strings(message.blocks), message.text]:
        assert "<!" not in text and "<@" not in text and "<#" not in text, text
        assert not re.search(r"@(?:here|channel|everyone)\b", text), text
    assert "&lt;!channel&gt;" in texts(message)


def test_the_change_is_said_in_words(digest):
    def said(**changes) -> str:
        return texts(digest_message(dataclasses.replace(digest, **changes)))

    assert "(▼ 4.5 points on the week before)" in said(average=50.5, previous_average=55.0, change=-4.5)
    assert "(▲ 1 point on the week before)" in said(average=56.0, previous_average=55.0, change=1.0)
    assert "(no change on the week before)" in said(change=0.0)
    assert "(no scored drafts the week before)" in said(previous_average=None, change=None)
    first = dataclasses.replace(digest, weekly=tuple(dataclasses.replace(w, average=None) for w in digest.weekly[:-1])
                                + digest.weekly[-1:], previous_average=None, change=None)
    assert "(first week with scores)" in texts(digest_message(first))
    assert "None of them could be given a checklist score yet" in said(average=None, change=None)


def test_weeks_across_months_and_years_are_named_in_full(digest):
    def header(first, last) -> str:
        return digest_message(dataclasses.replace(digest, first_day=first, last_day=last)).blocks[0]["text"]["text"]

    assert header(date(2026, 11, 30), date(2026, 12, 6)).endswith("Week of 30 Nov – 6 Dec 2026")
    assert header(date(2026, 12, 28), date(2027, 1, 3)).endswith("Week of 28 Dec 2026 – 3 Jan 2027")


def test_a_late_or_off_hour_post_shows_its_hours(sqlite_db):
    add(sqlite_db, at=day(1), score=10)
    digest = compute_digest(sqlite_db, "T1", "C1", end=END + timedelta(hours=9), tz=TZ)
    message = digest_message(digest)
    assert message.blocks[0]["text"]["text"].endswith("Week of 16–23 Nov 2026")
    assert "Mon 16 Nov 09:00 to Mon 23 Nov 09:00 (Europe/London)" in texts(message)


def test_huge_values_stay_within_slack_limits(digest):
    big = dataclasses.replace(
        digest,
        top_categories=tuple(TopCategory(f"category-{n}" * 20, 10 ** 9, "x" * 50_000 + HOSTILE,
                                         {"id": "p", "title": "T" * 5000, "url": "https://example.org/" + "a" * 3000,
                                          "source": "S"}) for n in range(3)),
        improvement=Improvement(0, 100),
        tip={"id": "p", "title": "Title " * 500, "text": "Advice. " * 2000, "url": "https://example.org",
             "source": "Source " * 500},
        tz="Europe/London",
    )
    message = digest_message(big)
    within_limits(message)
    assert all(len(b["text"]["text"]) <= 3000 for b in message.blocks if b["type"] == "section")
    assert "x" * 121 not in texts(message)  # a quoted example is at most 120 characters


def test_a_quiet_week_gets_one_line_with_the_tip_or_nothing(sqlite_db):
    quiet = compute_digest(sqlite_db, "T1", "C1", end=END, tz=TZ)
    assert quiet.quiet

    message = digest_message(quiet, quiet="tip")
    within_limits(message)
    assert len(message.blocks) == 1 and message.blocks[0]["type"] == "section"
    line = message.blocks[0]["text"]["text"]
    assert line.startswith("*Week of 16–22 Nov 2026:* no drafts were reviewed here.")
    assert f"<{quiet.tip['url']}|" in line and "\n" not in line
    assert message.text == line

    assert digest_message(quiet, quiet="skip") is None
    assert digest_message(dataclasses.replace(quiet, tip=None)).blocks[0]["text"]["text"] == \
        "*Week of 16–22 Nov 2026:* no drafts were reviewed here."
    with pytest.raises(ValueError):
        digest_message(quiet, quiet="loud")


def test_skip_only_silences_quiet_weeks(digest):
    assert digest_message(digest, quiet="skip") == digest_message(digest)
