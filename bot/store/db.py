"""The database handle: an engine tuned per backend, short sessions, and in-code Alembic migrations.

SQLite (the default, in the data folder) is set up so that two processes can share one file:
write-ahead logging, a busy timeout, and every transaction opened with BEGIN IMMEDIATE, so a
writer waits its turn instead of failing half-way when another process got there first.
PostgreSQL goes through psycopg 3 whatever driver the URL names."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import MetaData, create_engine, event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

ENV_DATABASE_URL = "DATABASE_URL"
DB_FILENAME = "tender-coach.db"
MIGRATIONS = Path(__file__).parent / "migrations"
# Long enough to outlast another process's migration or a burst of writes; short enough that a
# wedged database is reported instead of hanging a Slack handler for good.
BUSY_TIMEOUT_SECONDS = 30


class StoreError(Exception):
    """The database cannot be used as configured; the message says what to change."""


def normalize_url(url: str | URL) -> URL:
    """Parse a SQLAlchemy URL, sending every PostgreSQL URL to psycopg 3.

    Hosting platforms hand out `postgres://` and `postgresql://`; SQLAlchemy would pick psycopg2
    (not installed) for the second and refuses the first."""
    if isinstance(url, str):
        url = url.strip()
        if url.startswith("postgres://"):
            url = "postgresql://" + url[len("postgres://"):]
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(
            f"{ENV_DATABASE_URL} is not a database URL; use e.g. sqlite:////path/to/tender-coach.db "
            "or postgresql://user:password@host/dbname"
        ) from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def default_url() -> str:
    """SQLite in the data folder (TENDER_COACH_DATA, else the per-user data folder)."""
    from knowledge.store import data_dir  # imported here: bot.store stays light to import

    return f"sqlite:///{data_dir() / DB_FILENAME}"


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for another backend or an in-memory database."""
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if database in ("", ":memory:") or url.query.get("mode") == "memory" or database.startswith("file::memory:"):
        return None
    return Path(database).expanduser()


def _sqlite_on_connect(dbapi_connection, _record) -> None:
    # We emit BEGIN ourselves (see _sqlite_begin); the driver's own transaction handling would
    # start transactions late and break transactional DDL.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
        _switch_to_wal(cursor)  # readers never block the writer, nor it them
        cursor.execute("PRAGMA synchronous = NORMAL")  # durable enough with WAL, far fewer fsyncs
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _switch_to_wal(cursor) -> None:
    """Turn on write-ahead logging, waiting out other processes for up to the busy timeout.

    While another connection writes to the file in the old journal mode, SQLite refuses the
    switch at once instead of calling the busy handler, so the wait is done here. That is the
    start-up race when several processes open a new database together."""
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    pause = 0.005
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.1)


def _sqlite_begin(connection) -> None:
    # IMMEDIATE takes the write lock up front, waiting up to the busy timeout. A deferred BEGIN
    # that reads and then writes can fail at once with "database is locked" when another process
    # wrote in between: the busy timeout does not help with that upgrade.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _build_engine(url: URL, echo: bool) -> Engine:
    if url.get_backend_name() != "sqlite":
        return create_engine(url, echo=echo, pool_pre_ping=True)
    path = sqlite_path(url)
    if path is None:
        # One shared connection, or each pooled connection would see its own empty database.
        engine = create_engine(
            url, echo=echo, poolclass=StaticPool, connect_args={"check_same_thread": False}
        )
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo, connect_args={"timeout": BUSY_TIMEOUT_SECONDS})
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


class Database:
    """`Database(url)` or `Database.from_env()`; `.session()` for a unit of work; `.migrate()` once
    at start-up (safe from several processes at once)."""

    def __init__(self, url: str | URL, *, echo: bool = False) -> None:
        self.url = normalize_url(url)
        try:
            self.engine = _build_engine(self.url, echo)
        except (ArgumentError, ImportError) as exc:
            shown = self.url.render_as_string(hide_password=True)
            raise StoreError(f"cannot use the database {shown}: {exc.__class__.__name__}") from None
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def from_env(cls) -> Database:
        """DATABASE_URL if set, else SQLite in the data folder."""
        return cls(os.environ.get(ENV_DATABASE_URL, "").strip() or default_url())

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def __repr__(self) -> str:
        return f"Database({self.url.render_as_string(hide_password=True)!r})"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is committed when the block ends, rolled back if it raises."""
        with self._sessions() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def alembic_config(self, connection=None):
        """Alembic's Config, built in code: the scripts ship inside the package, no alembic.ini."""
        from alembic.config import Config

        config = Config()
        # ConfigParser interpolates '%'; an install path may contain one.
        config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
        config.set_main_option("path_separator", "os")
        config.attributes["connection"] = connection
        return config

    def migrate(self, *, extra_metadata: Iterable[MetaData] = ()) -> None:
        """Bring the schema to the newest revision (Alembic `upgrade head`); a no-op when it is.

        Concurrent callers are serialised: an advisory lock on PostgreSQL, the write lock on
        SQLite. `extra_metadata` (e.g. slack_sdk's installation and OAuth state stores) is created
        under the same lock, if missing."""
        from alembic import command
        from sqlalchemy.exc import OperationalError

        deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
        while True:
            try:
                with self.engine.connect() as connection:
                    config = self.alembic_config(connection)
                    config.attributes["extra_metadata"] = tuple(extra_metadata)
                    command.upgrade(config, "head")
                return
            except OperationalError as exc:
                # SQLite can refuse at once, busy timeout or not, in a few start-up races (a reader
                # meeting a WAL file being set up or checkpointed). The upgrade ran in one
                # transaction that was rolled back, and it starts by reading the revision: try again.
                if self.dialect != "sqlite" or "locked" not in str(exc.orig) or time.monotonic() >= deadline:
                    raise
                time.sleep(0.05)

    def revision(self) -> str | None:
        """The schema revision the database is at; None for an empty database."""
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    def dispose(self) -> None:
        self.engine.dispose()
