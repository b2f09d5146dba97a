"""The digest's tests run on SQLite (a file in tmp_path) and on PostgreSQL (a fresh database in the
session's throwaway cluster) where the numbers come from SQL."""

from __future__ import annotations

import pytest

from bot.store import Database


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'digest.db'}"
    from pg import create_database

    return create_database(request.getfixturevalue("pg_url"))


@pytest.fixture
def db(db_url):
    database = Database(db_url)
    database.migrate()
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'digest.db'}")
    database.migrate()
    yield database
    database.dispose()
