"""When a digest is due: the channel's own day, time and zone, the weeks the clocks change included."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from bot.digest.schedule import (
    DigestSetting,
    ScheduleError,
    next_due,
    parse_day,
    parse_time,
    parse_zone,
    slot_for,
)


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


@pytest.mark.parametrize("setting, now, due", [
    # Monday 09:00 London: GMT in November, BST in the week after the clocks went forward.
    (DigestSetting(), utc(2026, 11, 28, 12), utc(2026, 11, 23, 9)),
    (DigestSetting(), utc(2026, 3, 31, 12), utc(2026, 3, 30, 8)),
    (DigestSetting(), utc(2026, 10, 27, 12), utc(2026, 10, 26, 9)),
    # Sunday 01:30 London: skipped when clocks go forward (read by the old offset), twice when back (the first).
    (DigestSetting(day=6, time="01:30"), utc(2026, 3, 29, 12), utc(2026, 3, 29, 1, 30)),
    (DigestSetting(day=6, time="01:30"), utc(2026, 10, 25, 12), utc(2026, 10, 25, 0, 30)),
    # Friday 14:00 in New York and in Sydney, whose ISO week starts while London's is still Sunday.
    (DigestSetting(day=4, time="14:00", tz="America/New_York"), utc(2026, 11, 28, 12), utc(2026, 11, 27, 19)),
    (DigestSetting(day=0, time="08:00", tz="Australia/Sydney"), utc(2026, 11, 29, 22), utc(2026, 11, 29, 21)),
])
def test_the_slot_is_the_channels_day_and_time_in_its_zone(setting, now, due):
    slot = slot_for(setting, now)
    assert slot.due == due
    zone = setting.zone
    start, end = (moment.astimezone(zone) for moment in slot.covers)
    assert (start.hour, start.minute, end.hour, end.minute) == (0, 0, 0, 0)  # whole local days
    assert (end.date() - start.date()).days == 7 and end.date() == due.astimezone(zone).date()


def test_each_week_has_its_own_key_and_the_next_post_is_next_week_once_this_one_is_done():
    setting = DigestSetting()
    this = slot_for(setting, utc(2026, 11, 24, 12))
    assert this.week == "2026-W48"
    assert slot_for(setting, utc(2026, 11, 30, 12)).week == "2026-W49"
    assert next_due(setting, utc(2026, 11, 23, 8), done_this_week=False) == utc(2026, 11, 23, 9)
    assert next_due(setting, utc(2026, 11, 24, 8), done_this_week=True) == utc(2026, 11, 30, 9)


@pytest.mark.parametrize("parse, word, expected", [
    (parse_day, "Fri", 4), (parse_day, "sunday", 6), (parse_time, "9:05", "09:05"), (parse_time, "14.30", "14:30"),
    (parse_zone, "Europe/London", "Europe/London"), (parse_zone, "UTC", "UTC"),
])
def test_what_people_type_is_understood(parse, word, expected):
    assert parse(word) == expected


@pytest.mark.parametrize("parse, word, says", [
    (parse_day, "fr", "not a day"), (parse_day, "someday", "not a day"), (parse_time, "25:00", "24-hour"),
    (parse_time, "9am", "24-hour"), (parse_zone, "GMT", "Area/City"), (parse_zone, "Europe/Atlantis", "not a time zone"),
])
def test_what_cannot_be_understood_says_what_to_type(parse, word, says):
    with pytest.raises(ScheduleError, match=says):
        parse(word)
