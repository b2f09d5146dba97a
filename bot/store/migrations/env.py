"""Alembic environment for bot.store. Run through `Database.migrate()`, which builds the
Config in code and hands over an open connection; there is no alembic.ini."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from bot.store.models import Base

# Every tender-coach process takes this PostgreSQL advisory lock around a migration, so two
# workers starting together migrate one after the other. Any constant works if all agree on it.
PG_MIGRATION_LOCK = 7_304_115_020_001


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    # Tables that share the database but are not ours (slack_sdk's OAuth stores) must never show
    # up as "removed" when a developer autogenerates the next revision.
    return not (type_ == "table" and reflected and compare_to is None)


def run_migrations() -> None:
    config = context.config
    connection = config.attributes.get("connection")
    if connection is None or context.is_offline_mode():
        raise RuntimeError("run bot.store migrations through bot.store.Database(url).migrate()")
    sqlite = connection.dialect.name == "sqlite"
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        include_object=include_object,
        render_as_batch=sqlite,  # SQLite cannot ALTER most things; batch mode copies the table
        # One transaction for the whole upgrade on SQLite too (Alembic assumes otherwise): our
        # engine opens it with BEGIN IMMEDIATE, which is what serialises concurrent migrations.
        transactional_ddl=True if sqlite else None,
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            # Held until this transaction ends; the next process then reads the new revision.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_MIGRATION_LOCK})
        context.run_migrations()
        for metadata in config.attributes.get("extra_metadata", ()):
            metadata.create_all(connection, checkfirst=True)


run_migrations()
