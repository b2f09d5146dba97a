"""When a channel's digest is due: its day and time in its own time zone, once per ISO week.

Pure functions of a setting and a clock, so tests can walk a frozen clock across the weeks when
the clocks change."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DEFAULT_DAY, DEFAULT_TIME, DEFAULT_TZ = 0, "09:00", "Europe/London"
QUIET_MODES = ("tip", "skip")
_TIME_RE = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


class ScheduleError(ValueError):
    """A day, time or time zone that cannot be used; the message says what to type instead."""


@dataclass(frozen=True)
class DigestSetting:
    on: bool = True
    day: int = DEFAULT_DAY  # Monday = 0
    time: str = DEFAULT_TIME  # HH:MM, 24-hour, in `tz`
    tz: str = DEFAULT_TZ
    quiet: str = "tip"  # a week with no reviews: one line with a tip, or nothing

    def to_dict(self) -> dict:
        return {"on": self.on, "day": self.day, "time": self.time, "tz": self.tz, "quiet": self.quiet}

    @classmethod
    def from_dict(cls, value) -> DigestSetting | None:
        if not isinstance(value, dict):
            return None
        return cls(on=bool(value.get("on")), day=int(value.get("day", DEFAULT_DAY)),
                   time=str(value.get("time", DEFAULT_TIME)), tz=str(value.get("tz", DEFAULT_TZ)),
                   quiet=str(value.get("quiet", "tip")))

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz)

    def describe(self) -> str:
        return f"{DAYS[self.day].capitalize()}s at {self.time} ({self.tz})"


@dataclass(frozen=True)
class Slot:
    """One week's digest: its ISO week (in the channel's zone), when it is due, what it covers."""
    week: str  # "2026-W48"
    due: datetime  # UTC
    covers: tuple[datetime, datetime]  # UTC: the 7 whole local days before the day of `due`


def parse_day(word: str) -> int:
    word = word.lower()
    for n, day in enumerate(DAYS):
        if len(word) >= 3 and day.startswith(word):
            return n
    raise ScheduleError(f"'{word}' is not a day of the week: try monday, tue, friday…")


def parse_time(word: str) -> str:
    m = _TIME_RE.match(word)
    if not m:
        raise ScheduleError(f"'{word}' is not a time: use 24-hour HH:MM, such as 09:00 or 14:30")
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def parse_zone(word: str) -> str:
    if "/" not in word and word != "UTC":
        raise ScheduleError(f"use an Area/City time zone such as Europe/London, not '{word}'")
    try:
        ZoneInfo(word)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(f"'{word}' is not a time zone: use an Area/City name such as Europe/London") from None
    return word


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def slot_for(setting: DigestSetting, now: datetime) -> Slot:
    """The slot of the ISO week that `now` falls in, in the channel's zone."""
    zone = setting.zone
    local_today = now.astimezone(zone).date()
    monday = local_today - timedelta(days=local_today.weekday())
    hour, minute = map(int, setting.time.split(":"))
    day = monday + timedelta(days=setting.day)
    due = _local(datetime.combine(day, time(hour, minute)), zone)
    # Whole local days, so weeks neither overlap nor leave gaps: a Monday post covers last Monday
    # to Sunday, and a review on Monday morning counts next week.
    covers = (_local(datetime.combine(day - timedelta(days=7), time()), zone), _local(datetime.combine(day, time()), zone))
    return Slot(week=iso_week(monday), due=due, covers=covers)


def preview_slot(setting: DigestSetting, now: datetime) -> Slot:
    """The last 7 days up to now, for `/tender digest preview`."""
    now = now.astimezone(timezone.utc)
    return Slot(week=iso_week(now.astimezone(setting.zone).date()), due=now, covers=(now - timedelta(days=7), now))


def next_due(setting: DigestSetting, now: datetime, *, done_this_week: bool) -> datetime:
    """When the next post goes out: this week's slot (possibly already past, so at the next tick)
    unless this week's is done, then next week's."""
    slot = slot_for(setting, now)
    if done_this_week:
        return slot_for(setting, slot.due + timedelta(days=7)).due
    return slot.due


def _local(naive: datetime, zone: ZoneInfo) -> datetime:
    """A wall-clock time in `zone`, as UTC. A time the clocks skip (going forward) is read by the
    old offset, i.e. an hour later on the new clock; a time that happens twice (going back) is
    the first of the two."""
    return naive.replace(tzinfo=zone, fold=0).astimezone(timezone.utc)  # zoneinfo's fold=0 does both
