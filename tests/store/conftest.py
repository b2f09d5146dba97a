"""Every store test runs on SQLite and on PostgreSQL: the `db_url` and `db` fixtures are in tests/conftest.py."""
