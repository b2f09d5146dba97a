"""The digest's tests run on SQLite and on PostgreSQL where the numbers come from SQL (`db`, from
tests/conftest.py); `sqlite_db` where the backend does not matter."""

from __future__ import annotations

import pytest

from bot.store import Database


@pytest.fixture
def sqlite_db(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'digest.db'}")
    database.migrate()
    yield database
    database.dispose()
