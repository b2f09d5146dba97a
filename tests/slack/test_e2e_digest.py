"""End to end: `/tender digest on|off|status|preview` through the real server, and the scheduler
inside `serve` posting a due digest once when the bot comes back."""

from __future__ import annotations

import json
import subprocess
import sys
import time

from bot_process import BotProcess, mention

DRAFT = "The provider will deliver 200 youth sessions per year. Price 70%, quality 30%."


def _private(emu, count=1):
    return emu.wait_for("chat.postEphemeral", count=count, timeout=15)


def _text(call) -> str:
    return json.dumps(call.params, ensure_ascii=False)


def _digests(emu, channel):
    return [c for c in emu.calls("chat.postMessage")
            if c.params["channel"] == channel and "eek of" in c.params.get("text", "")]


def test_turning_the_digest_on_and_off_and_asking_its_status(emu, tmp_path):
    with BotProcess(emu.api_url, tmp_path) as bot:
        bot.command("digest on friday 14:00 Europe/London", channel="C1")
        assert "Fridays at 14:00 (Europe/London)" in _text(_private(emu)[0])

        emu.add_user("U7", tz="America/New_York")
        bot.command("digest on", channel="C2", user="U7")  # defaults: Monday 09:00 in U7's own zone
        reply = _private(emu, 2)[1]
        assert emu.calls("users.info")[0].params["user"] == "U7"
        assert "Mondays at 09:00 (America/New_York)" in _text(reply)

        bot.command("digest status", channel="C2", user="U1")
        status = _text(_private(emu, 3)[2])
        assert "Mondays at 09:00" in status and "U7" in status  # who changed it

        bot.command("digest off", channel="C2")
        bot.command("digest status", channel="C2")
        assert "off" in _text(_private(emu, 5)[4])

        bot.command("digest on someday 25:00", channel="C3")
        assert "not a day of the week" in _text(_private(emu, 6)[5])
        bot.command("digest on", channel="D1")
        assert "team channels" in _text(_private(emu, 7)[6])


def test_preview_shows_this_weeks_digest_privately(emu, tmp_path):
    with BotProcess(emu.api_url, tmp_path) as bot:
        bot.event(mention(DRAFT, channel="C5"))
        emu.wait_for("chat.postMessage", timeout=15)
        bot.command("digest preview", channel="C5")
        preview = _private(emu)[0]
        assert preview.params["channel"] == "C5" and "1 draft" in _text(preview)
        time.sleep(0.5)
        assert _digests(emu, "C5") == []  # nothing went to the channel


def test_a_bot_that_was_down_at_the_scheduled_minute_posts_once_when_it_is_back(emu, tmp_path):
    with BotProcess(emu.api_url, tmp_path) as bot:
        bot.event(mention(DRAFT, channel="C9"))
        emu.wait_for("chat.postMessage", timeout=15)
        # Monday 00:00 UTC is always already past this week: turned on, the digest is overdue.
        bot.command("digest on monday 00:00 UTC", channel="C9")
        _private(emu)
    # Restarted, the scheduler catches up at once; a cron run beside it adds nothing.
    with BotProcess(emu.api_url, tmp_path) as bot:
        emu.wait_for("chat.postMessage", timeout=30,
                     predicate=lambda c: c.params["channel"] == "C9" and "eek of" in c.params.get("text", ""))
        done = subprocess.run([sys.executable, "-m", "bot.cli", "digest", "run", "--now"], env=bot.env,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        time.sleep(1.0)
    digests = _digests(emu, "C9")
    assert len(digests) == 1
    # It covers the week before this Monday's slot: the review made just now belongs to next week's.
    assert "no drafts were reviewed" in _text(digests[0]) and "Tip of the week" in _text(digests[0])


def test_digest_run_dry_run_prints_and_posts_nothing(emu, tmp_path):
    from bot.digest.schedule import DigestSetting
    from bot.store import Database, repo

    db = Database(f"sqlite:///{tmp_path / 'tender-coach.db'}")
    db.migrate()
    repo.set_setting(db, "T0001", "C4", "digest", DigestSetting(day=0, time="00:00", tz="UTC").to_dict(),
                     changed_by="U1")
    db.dispose()
    env = BotProcess(emu.api_url, tmp_path).env
    done = subprocess.run([sys.executable, "-m", "bot.cli", "digest", "run", "--dry-run", "--channel", "C4"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "C4" in done.stdout and "dry-run" in done.stdout and "Week of" in done.stdout
    assert emu.calls("chat.postMessage") == []
    again = subprocess.run([sys.executable, "-m", "bot.cli", "digest", "run", "--channel", "C4"],
                           env=env, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0 and "posted" in again.stdout  # the dry run claimed nothing
    assert len(emu.calls("chat.postMessage")) == 1


def test_digest_run_never_opens_the_vector_store(emu, tmp_path):
    """`serve` may hold the embedded Chroma store; cron's `digest run` must not need it, nor torch."""
    from bot.digest.schedule import DigestSetting
    from bot.store import Database, repo
    from scoring import review

    db = Database(f"sqlite:///{tmp_path / 'tender-coach.db'}")
    db.migrate()
    repo.set_setting(db, "T0001", "C6", "digest", DigestSetting(day=6, time="23:59", tz="UTC").to_dict(),
                     changed_by="U1")
    repo.save_review(db, team_id="T0001", channel_id="C6", user_id="U1", text=DRAFT, report=review(DRAFT),
                     visibility="channel")
    db.dispose()
    env = BotProcess(emu.api_url, tmp_path).env
    code = ("import sys; from bot.cli import main; main(['digest', 'run', '--now']); "
            "print(sorted(m for m in ('chromadb', 'torch', 'sentence_transformers', 'bm25s') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "C6" in done.stdout and "posted" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]"
    emu.wait_for("files.completeUploadExternal")  # the chart was drawn and sent too
