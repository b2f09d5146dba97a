"""The database: SQLAlchemy models, Alembic migrations and the repository functions in `repo`.

    from bot.store import Database, repo
    db = Database.from_env()   # DATABASE_URL, else SQLite in the data folder
    db.migrate()               # once at start-up; safe from several processes
    repo.claim_event(db, team_id, event_id)

Light to import: no Slack, no scoring engine, no chromadb or torch."""

from bot.store.db import Database, StoreError

__all__ = ["Database", "StoreError"]
