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
