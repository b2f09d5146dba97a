"""Post the digests that are due: claim each in the ledger, compute, post, attach the chart, finish.

Called every minute by the scheduler inside `tender-coach serve` and by `tender-coach digest run`
from cron; both may run at once on one database and still post each week's digest once. Nothing
here opens the vector store (`serve` may hold it): tips come from the guidance files."""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from bot.digest.schedule import DigestSetting, Slot, slot_for
from bot.store import Database, ledger, repo

log = logging.getLogger("tender_coach.digest")
SETTING_KEY = "digest"
CHART_NAME = "tender-coach-weekly-scores.png"


@dataclass(frozen=True)
class Outcome:
    team_id: str
    channel_id: str
    week: str
    action: str  # posted | skipped | dry-run | failed
    text: str = ""


def runner_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def channel_settings(db: Database) -> list[tuple[str, str, DigestSetting]]:
    found = []
    for team, channel, value in repo.settings_for_key(db, SETTING_KEY):
        setting = DigestSetting.from_dict(value)
        if setting is not None and setting.on:
            found.append((team, channel, setting))
    return found


def run_due(db: Database, client_for: Callable[[str], object], *, now: datetime | None = None,
            channel: str | None = None, force: bool = False, dry_run: bool = False,
            runner: str | None = None) -> list[Outcome]:
    """Post every due digest (or, with `force`, every opted-in channel's digest for this week now).
    A week already posted or skipped is never posted again."""
    now = now or datetime.now(timezone.utc)
    runner = runner or runner_id()
    outcomes = []
    for team, channel_id, setting in channel_settings(db):
        if channel and channel_id != channel:
            continue
        slot = slot_for(setting, now)
        if now < slot.due:
            if not force:
                continue
            slot = Slot(slot.week, now, (now - timedelta(days=7), now))  # --now: the last 7 days, posted now
        if ledger.state_of(db, team, channel_id, slot.week) in ("posted", "skipped"):
            continue
        if dry_run:
            outcomes.append(Outcome(team, channel_id, slot.week, "dry-run", preview_text(db, team, channel_id,
                                                                                         setting, slot)))
            continue
        if not ledger.claim(db, team, channel_id, slot.week, runner=runner, covers=slot.covers, now=now):
            continue  # another runner has it, or a crashed runner's lease has not run out yet
        try:
            action = post_digest(db, client_for(team), team, channel_id, setting, slot, runner)
        except Exception as exc:  # left claimed: retried once the lease runs out
            log.error("the digest for %s/%s %s failed (%s); it will be retried", team, channel_id, slot.week,
                      exc.__class__.__name__)
            action = "failed"
        outcomes.append(Outcome(team, channel_id, slot.week, action))
    return outcomes


def build(db: Database, team: str, channel: str, setting: DigestSetting, slot: Slot):
    from bot.digest.compute import compute_digest
    from bot.slack.blocks import digest_message

    recent = [e.tip_id for e in ledger.entries(db, team, channel, limit=8) if e.tip_id and e.week != slot.week]
    digest = compute_digest(db, team, channel, end=slot.covers[1], tz=setting.tz, recent_tips=recent, week=slot.week)
    return digest, digest_message(digest, quiet=setting.quiet)


def post_digest(db: Database, client, team: str, channel: str, setting: DigestSetting, slot: Slot,
                runner: str) -> str:
    digest, message = build(db, team, channel, setting, slot)
    tip_id = (digest.tip or {}).get("id")
    if message is None:  # a quiet week, and the channel asked for silence
        ledger.finish(db, team, channel, slot.week, runner=runner, state="skipped", tip_id=tip_id)
        return "skipped"
    posted = client.chat_postMessage(channel=channel, text=message.text, blocks=message.blocks,
                                     unfurl_links=False, unfurl_media=False)
    # Recorded before the chart: if the upload fails, the digest itself must not be posted again.
    ledger.finish(db, team, channel, slot.week, runner=runner, state="posted", tip_id=tip_id,
                  message_ts=posted["ts"])
    if not digest.quiet:
        try:
            from bot.digest.chart import render_chart

            client.files_upload_v2(channel=channel, thread_ts=posted["ts"], content=render_chart(digest),
                                   filename=CHART_NAME, title="Weekly checklist score, last 8 weeks")
        except Exception as exc:
            log.warning("the digest chart for %s/%s was not uploaded (%s)", team, channel, exc.__class__.__name__)
    return "posted"


def preview_text(db: Database, team: str, channel: str, setting: DigestSetting, slot: Slot) -> str:
    _, message = build(db, team, channel, setting, slot)
    return message.text if message is not None else "(a quiet week: nothing would be posted)"
