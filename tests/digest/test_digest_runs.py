"""Posting the weekly digest: once, at the scheduled minute in the channel's time zone, whatever
runs beside it, and never lost to a crash. Frozen clocks; the Slack emulator records the posts."""

from __future__ import annotations

import json
import sys
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "slack"))  # the Slack emulator lives there
from emulator import SlackEmulator  # noqa: E402

from bot.digest import run as digest_run  # noqa: E402
from bot.digest.chart import read_series  # noqa: E402
from bot.digest.schedule import DigestSetting  # noqa: E402
from bot.slack.app import web_client  # noqa: E402
from bot.slack.settings import Settings  # noqa: E402
from bot.store import ledger, repo  # noqa: E402
from scoring import review  # noqa: E402

DRAFT = "The provider will deliver 200 youth sessions per year. Price 70%, quality 30%."
BETTER = ("Young people who use the service report better mental wellbeing (SWEMWBS at entry and after six months). "
          "Young people help design the service. Price 30%, quality 60%, social value 10%.")


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


@pytest.fixture
def emu():
    with SlackEmulator() as emulator:
        yield emulator
        emulator.assert_no_violations()


@pytest.fixture
def client_for(emu):
    settings = Settings.from_env({"SLACK_API_URL": emu.api_url, "SLACK_BOT_TOKEN": "xoxb-test-token"}, worker=True)
    client = web_client(settings, settings.bot_token)
    return lambda team: client


def turn_on(db, channel="C1", **setting) -> None:
    repo.set_setting(db, "T0001", channel, "digest", DigestSetting(**setting).to_dict(), changed_by="U1")


def save(db, text, *, at, channel="C1", user="U1", visibility="channel", thread_ts=None):
    report = review(text)
    return repo.save_review(db, team_id="T0001", channel_id=channel, user_id=user, text=text, report=report,
                            visibility=visibility, created_at=at, thread_ts=thread_ts), report


def posts(emu, channel="C1"):
    return [c for c in emu.calls("chat.postMessage") if c.params["channel"] == channel]


def test_the_post_arrives_once_at_the_scheduled_minute_in_the_channels_zone(db, emu, client_for):
    turn_on(db, "C1", day=0, time="09:00", tz="Europe/London")  # Monday 09:00 London = 08:00 UTC in BST
    turn_on(db, "C2", day=0, time="09:00", tz="America/New_York")  # = 13:00 UTC in EDT
    save(db, DRAFT, at=utc(2026, 3, 27, 12))
    save(db, DRAFT, at=utc(2026, 3, 27, 12), channel="C2")
    minute = utc(2026, 3, 30, 7, 55)  # the Monday after the clocks went forward in London (and in New York)
    first_post = {}
    while minute <= utc(2026, 3, 30, 14, 0):
        for outcome in digest_run.run_due(db, client_for, now=minute, runner="r1"):
            first_post.setdefault(outcome.channel_id, minute)
        minute += timedelta(minutes=1)
    assert first_post == {"C1": utc(2026, 3, 30, 8, 0), "C2": utc(2026, 3, 30, 13, 0)}
    assert len(posts(emu, "C1")) == len(posts(emu, "C2")) == 1


def test_autumn_clock_change_week_too(db, emu, client_for):
    turn_on(db, "C1", day=0, time="09:00", tz="Europe/London")
    save(db, DRAFT, at=utc(2026, 10, 24, 12))
    assert digest_run.run_due(db, client_for, now=utc(2026, 10, 26, 8, 59)) == []
    assert [o.action for o in digest_run.run_due(db, client_for, now=utc(2026, 10, 26, 9, 0))] == ["posted"]
    assert digest_run.run_due(db, client_for, now=utc(2026, 10, 26, 9, 1)) == []
    assert len(posts(emu)) == 1


def test_two_runners_at_once_post_once(db, emu, client_for):
    turn_on(db)
    save(db, DRAFT, at=utc(2026, 11, 20, 12))
    now = utc(2026, 11, 23, 9, 0)
    barrier = threading.Barrier(6)
    results = []

    def runner(n):
        barrier.wait()
        results.extend(digest_run.run_due(db, client_for, now=now, runner=f"runner-{n}"))

    threads = [threading.Thread(target=runner, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [o.action for o in results] == ["posted"]
    assert len(posts(emu)) == 1


def test_a_crash_after_the_claim_is_retried_once_the_lease_runs_out(db, emu, client_for):
    turn_on(db)
    save(db, DRAFT, at=utc(2026, 11, 20, 12))
    due = utc(2026, 11, 23, 9, 0)
    assert ledger.claim(db, "T0001", "C1", "2026-W48", runner="crashed", covers=(due - timedelta(days=7), due), now=due)
    # The crashed runner holds the lease: nobody posts yet, and nothing is lost.
    assert digest_run.run_due(db, client_for, now=due + timedelta(minutes=5)) == []
    assert posts(emu) == []
    after = due + ledger.LEASE + timedelta(minutes=1)
    assert [o.action for o in digest_run.run_due(db, client_for, now=after)] == ["posted"]
    assert digest_run.run_due(db, client_for, now=after + timedelta(minutes=1)) == []
    assert len(posts(emu)) == 1


def test_a_bot_down_at_nine_posts_when_back_that_week_and_says_which_week(db, emu, client_for):
    turn_on(db)
    save(db, DRAFT, at=utc(2026, 11, 20, 12))
    back = utc(2026, 11, 25, 15, 0)  # Wednesday
    assert [o.action for o in digest_run.run_due(db, client_for, now=back)] == ["posted"]
    text = posts(emu)[0].params["text"]
    assert "16–22 Nov 2026" in text and "25 Nov" not in text  # the week it covers, not the day it was posted


def test_last_weeks_digest_is_not_posted_into_a_new_week(db, emu, client_for):
    turn_on(db, day=4, time="17:00")  # Friday 17:00
    save(db, DRAFT, at=utc(2026, 11, 18, 12))
    # Down from Friday 16:00 until the next Monday: last week's Friday post is not made on Monday.
    assert digest_run.run_due(db, client_for, now=utc(2026, 11, 30, 9, 0)) == []
    assert posts(emu) == []


def test_an_opted_out_channel_gets_nothing(db, emu, client_for):
    turn_on(db)
    repo.set_setting(db, "T0001", "C1", "digest", {**DigestSetting().to_dict(), "on": False}, changed_by="U2")
    save(db, DRAFT, at=utc(2026, 11, 20, 12))
    assert digest_run.run_due(db, client_for, now=utc(2026, 11, 23, 10), force=True) == []
    assert posts(emu) == []


def test_the_numbers_match_the_stored_reviews_and_dm_reviews_stay_out(db, emu, client_for):
    turn_on(db)
    _, weak = save(db, DRAFT, at=utc(2026, 11, 18, 10), user="U1", thread_ts="1.1")
    _, strong = save(db, BETTER, at=utc(2026, 11, 19, 10), user="U1", thread_ts="1.1")
    save(db, DRAFT, at=utc(2026, 11, 19, 11), user="U2")
    save(db, DRAFT, at=utc(2026, 11, 19, 12), user="U3", channel="D9", visibility="dm")
    save(db, DRAFT, at=utc(2026, 11, 19, 13), user="U4", visibility="ephemeral")
    save(db, DRAFT, at=utc(2026, 11, 9, 12), user="U5")  # the week before: only in the change
    digest_run.run_due(db, client_for, now=utc(2026, 11, 23, 9, 0))
    text = json.dumps(posts(emu)[0].params, ensure_ascii=False)
    average = round((weak.score.value * 2 + strong.score.value) / 3, 1)
    assert "3 drafts" in text and "2 people" in text
    assert f"{average:g}" in text
    assert f"from {weak.score.value} to *{strong.score.value}*" in text


def test_the_chart_goes_with_the_post_and_plots_the_stored_weekly_averages(db, emu, client_for):
    turn_on(db)
    _, early = save(db, DRAFT, at=utc(2026, 11, 5, 12))  # three weeks before the digest
    _, late = save(db, BETTER, at=utc(2026, 11, 19, 12))  # the digest's own week
    digest_run.run_due(db, client_for, now=utc(2026, 11, 23, 9, 0))
    post = posts(emu)[0]
    upload = emu.wait_for("files.completeUploadExternal")[0]
    assert upload.params["channel_id"] == "C1" and upload.params["thread_ts"] == post.response["ts"]
    png = b"".join(emu.uploads.values())
    assert png.startswith(b"\x89PNG") and len(png) < 300_000
    assert read_series(png)["average"] == [None] * 5 + [early.score.value, None, late.score.value]
