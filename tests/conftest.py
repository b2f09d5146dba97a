import pytest


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path, monkeypatch):
    """Never touch a real user's data folder; never pick up a stray config file."""
    monkeypatch.setenv("TENDER_COACH_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="session")
def pg_url():
    """A throwaway PostgreSQL cluster for the session (tests/pg.py). Missing server binaries fail
    the tests that need it, loudly: CI must run them, never skip them."""
    from pg import PostgresUnavailable, postgres_cluster

    try:
        cluster = postgres_cluster()
        url = cluster.__enter__()
    except PostgresUnavailable as exc:
        pytest.fail(f"PostgreSQL tests cannot run: {exc}", pytrace=False)
    try:
        yield url
    finally:
        cluster.__exit__(None, None, None)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """The store's tests run on SQLite (a file in tmp_path) and on PostgreSQL (a fresh database in
    the session's throwaway cluster), so the two backends cannot drift apart unnoticed."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'tender-coach-test.db'}"
    from pg import create_database

    return create_database(request.getfixturevalue("pg_url"))


@pytest.fixture
def db(db_url):
    """A migrated database on each backend."""
    from bot.store import Database

    database = Database(db_url)
    database.migrate()
    yield database
    database.dispose()
