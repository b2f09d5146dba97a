"""Migrations keep data, match the models, run backwards and forwards, and tolerate a crowd."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from datetime import datetime, timezone

from sqlalchemy import Column, Integer, MetaData, Table, inspect, text
from store_helpers import save

from bot.store import Database, StoreError, repo
from bot.store.db import normalize_url
from bot.store.models import Base

ROOT = Path(__file__).resolve().parents[2]
OUR_TABLES = {"reviews", "answers", "feedback", "dismissals", "channel_settings", "processed_events", "digest_ledger"}
HEAD = "0002"


def _tables(db: Database) -> set[str]:
    return set(inspect(db.engine).get_table_names())


def test_the_migrated_schema_is_exactly_the_models(db):
    with db.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_upgrading_from_the_first_schema_keeps_every_row(db_url):
    """A database made by the first release, with data in it, reaches the newest schema intact."""
    db = Database(db_url)
    try:
        with db.engine.connect() as connection:
            command.upgrade(db.alembic_config(connection), "0001")
        with db.engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO reviews (id, team_id, channel_id, user_id, created_at, score, assessable, finding_count, "
                "rule_ids, categories, checklist, text_sha256, text, visibility, source) VALUES (7, 'T1', 'C1', 'U1', "
                ":now, 40, 5, 1, :rules, :cats, :items, 'abc', 'kept draft', 'channel', 'message')"),
                {"now": datetime.now(timezone.utc), "rules": '["output-only/activity-count"]',
                 "cats": '["output-only"]', "items": '{"outcomes-stated": "missing"}'})
        repo.claim_event(db, "T1", "Ev1")
        repo.set_setting(db, "T1", "C1", "digest", {"on": True}, changed_by="U1")

        db.migrate()
        db.migrate()  # at head already: nothing to do

        assert db.revision() == HEAD
        kept = repo.get_review(db, 7)
        assert (kept.text, kept.score, kept.rule_ids) == ("kept draft", 40, ("output-only/activity-count",))
        assert repo.claim_event(db, "T1", "Ev1") is False
        assert repo.get_setting(db, "T1", "C1", "digest") == {"on": True}
    finally:
        db.dispose()


def test_downgrade_and_upgrade_round_trip(db):
    with db.engine.connect() as connection:
        command.downgrade(db.alembic_config(connection), "base")
    assert db.revision() is None
    assert not (_tables(db) & OUR_TABLES)

    db.migrate()
    assert db.revision() == HEAD and OUR_TABLES <= _tables(db)
    assert repo.claim_event(db, "T1", "Ev1") is True


def test_migrate_also_creates_tables_it_is_handed(db):
    slack_like = MetaData()
    Table("slack_installations", slack_like, Column("id", Integer, primary_key=True))
    db.migrate(extra_metadata=[slack_like])
    db.migrate(extra_metadata=[slack_like])  # already there: fine
    assert "slack_installations" in _tables(db)


def _start_together(code: str, url: str, copies: int) -> list[subprocess.CompletedProcess]:
    """Run `code` in `copies` fresh Python processes that all begin at the same moment
    (after their imports), so they really do overlap."""
    start_at = time.time() + 2
    script = textwrap.dedent(f"""
        import sys, time
        from bot.store import Database, repo
        url, start_at = sys.argv[1], float(sys.argv[2])
        db = Database(url)
        time.sleep(max(0.0, start_at - time.time()))
    """) + textwrap.dedent(code)
    processes = [
        subprocess.Popen([sys.executable, "-c", script, url, str(start_at)], cwd=ROOT, text=True,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(copies)
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return results


# Reading the current revision is slowed down, so that without a lock every process would read
# "empty database" before any of them creates a table: the race happens on every run.
SLOW_READ = textwrap.dedent("""
    from alembic.runtime.migration import MigrationContext
    read = MigrationContext.get_current_heads
    def slowly(self):
        heads = read(self)
        time.sleep(0.3)
        return heads
    MigrationContext.get_current_heads = slowly
""")


def test_several_processes_migrating_a_new_database_at_once_all_succeed(db_url):
    results = _start_together(SLOW_READ + "db.migrate()\nprint(db.revision())\n", db_url, copies=4)
    assert [(r.returncode, r.stdout.strip()) for r in results] == [(0, HEAD)] * 4, [r.stderr for r in results]
    db = Database(db_url)
    try:
        assert OUR_TABLES <= _tables(db)
    finally:
        db.dispose()


def test_processes_sharing_the_database_claim_each_event_once_and_lose_no_write(db):
    code = """
        won = [e for e in range(60) if repo.claim_event(db, "T1", f"Ev{e}")]
        for _ in range(20):
            repo.record_answer(db, team_id="T1", channel_id="C1", user_id="U1", question="q", covered=True)
        print(len(won))
    """
    results = _start_together(code, db.url.render_as_string(hide_password=False), copies=3)
    assert all(r.returncode == 0 for r in results), [r.stderr for r in results]
    assert sum(int(r.stdout) for r in results) == 60
    assert repo.answer_feedback(db).answers == 60


def test_database_url_forms(monkeypatch, tmp_path):
    for given in ("postgres://u:p@h:5432/d", "postgresql://u:p@h/d", "postgresql+psycopg://u:p@h/d"):
        assert normalize_url(given).drivername == "postgresql+psycopg"
    with pytest.raises(StoreError, match="DATABASE_URL"):
        normalize_url("not a url")

    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("TENDER_COACH_DATA", str(tmp_path / "data"))
    db = Database.from_env()
    try:
        db.migrate()
        assert (tmp_path / "data" / "tender-coach.db").is_file()
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        db.dispose()

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'elsewhere.db'}")
    assert Database.from_env().url.database == str(tmp_path / "elsewhere.db")


def test_the_store_stays_light_to_import():
    heavy = ("slack_bolt", "slack_sdk", "chromadb", "torch", "sentence_transformers", "scoring.engine")
    code = ("import sys; import bot.store, bot.store.repo, bot.commands.feedback; "
            f"print([m for m in {heavy!r} if m in sys.modules])")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr


def test_a_process_opening_the_file_while_another_holds_the_old_journal_lock_waits(tmp_path):
    """SQLite refuses to switch a file to write-ahead logging at once, without waiting for the
    busy timeout, while another connection is writing in the old journal mode: the start-up race
    in which one of four processes used to fail with "database is locked"."""
    import sqlite3
    import threading

    path = tmp_path / "shared.db"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE other_tool (x)")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO other_tool VALUES (1)")
    release = threading.Timer(0.5, lambda: holder.execute("COMMIT"))
    release.start()
    db = Database(f"sqlite:///{path}")
    try:
        db.migrate()
        assert db.revision() == HEAD
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("SELECT x FROM other_tool").scalar() == 1
    finally:
        release.join()
        holder.close()
        db.dispose()


def test_a_migration_refused_at_once_by_a_locked_sqlite_file_is_tried_again(tmp_path, monkeypatch):
    """Whatever the race, a start-up that meets "database is locked" for a moment still succeeds."""
    import sqlite3

    from sqlalchemy.exc import OperationalError

    real_upgrade, calls = command.upgrade, []

    def locked_once(config, revision):
        calls.append(revision)
        if len(calls) == 1:
            raise OperationalError("BEGIN IMMEDIATE", {}, sqlite3.OperationalError("database is locked"))
        return real_upgrade(config, revision)

    monkeypatch.setattr(command, "upgrade", locked_once)
    db = Database(f"sqlite:///{tmp_path / 'raced.db'}")
    try:
        db.migrate()
        assert len(calls) == 2 and db.revision() == HEAD
    finally:
        db.dispose()
