"""`/tender digest on [day] [HH:MM] [Area/City] | off | status | preview | quiet tip|skip`.

Settings are per channel, stored with who changed them and when. Every reply is private to the
person who typed the command; only the weekly post itself goes to the channel."""

from __future__ import annotations

from datetime import datetime, timezone

from bot.digest.run import SETTING_KEY, build
from bot.digest.schedule import (
    DEFAULT_TZ,
    QUIET_MODES,
    DigestSetting,
    ScheduleError,
    next_due,
    parse_day,
    parse_time,
    parse_zone,
    preview_slot,
    slot_for,
)
from bot.slack import blocks
from bot.slack.context import Deps
from bot.slack.conversation import Place, post
from bot.store import ledger, repo

USAGE = ("`/tender digest on [day] [HH:MM] [Area/City time zone]` (default: Monday 09:00 in your time zone), "
         "`/tender digest off`, `/tender digest status`, `/tender digest preview`, "
         "`/tender digest quiet tip|skip` (what a week with no reviews gets)")


def handle(deps: Deps, client, place: Place, args: str, *, now: datetime | None = None) -> None:
    now = now or datetime.now(timezone.utc)
    words = args.split()
    action = words[0].lower() if words else "status"
    if place.channel.startswith("D"):
        _say(client, place, "Weekly digests are for team channels: type this in the channel that should get one.")
        return
    current = DigestSetting.from_dict(repo.get_setting(deps.db, place.team, place.channel, SETTING_KEY))
    try:
        if action == "on":
            setting = _parse_on(words[1:], current, lambda: _user_zone(client, place.user))
            repo.set_setting(deps.db, place.team, place.channel, SETTING_KEY, setting.to_dict(), changed_by=place.user)
            when = _when(next_due(setting, now, done_this_week=_done(deps, place, setting, now)), setting)
            _say(client, place, f"Weekly digest on for this channel: {setting.describe()}. The next one: {when}.")
        elif action == "off":
            if current is None or not current.on:
                _say(client, place, "The weekly digest is already off here.")
                return
            off = DigestSetting(False, current.day, current.time, current.tz, current.quiet)
            repo.set_setting(deps.db, place.team, place.channel, SETTING_KEY, off.to_dict(), changed_by=place.user)
            _say(client, place, "Weekly digest off for this channel. `/tender digest on` turns it back on.")
        elif action == "quiet" and len(words) == 2 and words[1].lower() in QUIET_MODES:
            base = current or DigestSetting(on=False)
            changed = DigestSetting(base.on, base.day, base.time, base.tz, words[1].lower())
            repo.set_setting(deps.db, place.team, place.channel, SETTING_KEY, changed.to_dict(), changed_by=place.user)
            _say(client, place, "A week with no reviews now gets " +
                 ("one short line with a tip." if changed.quiet == "tip" else "no post at all."))
        elif action == "status":
            text = _status(deps, place, current, now)  # our own words and a user id: not escaped
            post(client, place, blocks.Message(text=text, blocks=[blocks.section(text)]))
        elif action == "preview":
            setting = current or DigestSetting(tz=_user_zone(client, place.user))
            _, message = build(deps.db, place.team, place.channel,
                               DigestSetting(True, setting.day, setting.time, setting.tz, "tip"),
                               preview_slot(setting, now))
            post(client, place, message)
        else:
            _say(client, place, f"Try {USAGE}.")
    except ScheduleError as exc:
        _say(client, place, f"{exc}. {USAGE}.")


def _parse_on(words: list[str], current: DigestSetting | None, zone_of_user) -> DigestSetting:
    day = time = zone = None
    for word in words:
        if "/" in word or word.upper() == "UTC":
            zone = parse_zone(word if word.upper() != "UTC" else "UTC")
        elif word[:1].isdigit():
            time = parse_time(word)
        else:
            day = parse_day(word)
    base = current or DigestSetting()
    return DigestSetting(on=True, day=base.day if day is None else day, time=time or base.time,
                         tz=zone or (base.tz if current else zone_of_user()), quiet=base.quiet)


def _user_zone(client, user: str) -> str:
    """The person's own time zone from their Slack profile; London if Slack cannot say."""
    try:
        zone = (client.users_info(user=user).get("user") or {}).get("tz")
        return parse_zone(zone) if zone else DEFAULT_TZ
    except Exception:
        return DEFAULT_TZ


def _done(deps: Deps, place: Place, setting: DigestSetting, now: datetime) -> bool:
    return ledger.state_of(deps.db, place.team, place.channel, slot_for(setting, now).week) in ("posted", "skipped")


def _status(deps: Deps, place: Place, current: DigestSetting | None, now: datetime) -> str:
    if current is None:
        return f"No weekly digest in this channel yet. {USAGE}."
    changed = repo.setting_changed(deps.db, place.team, place.channel, SETTING_KEY)
    who = f" Last changed by <@{changed[0]}> on {changed[1]:%d %b %Y}." if changed else ""
    if not current.on:
        return f"The weekly digest is off here.{who}"
    when = _when(next_due(current, now, done_this_week=_done(deps, place, current, now)), current)
    quiet = "one line with a tip" if current.quiet == "tip" else "no post"
    posted = [e for e in ledger.entries(deps.db, place.team, place.channel, limit=3) if e.state == "posted"]
    last = f" Last posted: week {posted[0].week}." if posted else ""
    return (f"Weekly digest on: {current.describe()}. Next: {when}. A week with no reviews gets {quiet}."
            f"{last}{who}")


def _when(moment: datetime, setting: DigestSetting) -> str:
    local = moment.astimezone(setting.zone)
    return f"{local:%a %d %b, %H:%M} ({setting.tz})"


def _say(client, place: Place, text: str) -> None:
    post(client, place, blocks.notice(text))
