"""Migrations create exactly the tables the code declares, on every backend."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from monitor.store.db import Database, connect, current_revision, head_revision, upgrade
from monitor.store.schema import metadata


def test_upgrade_then_autogenerate_finds_no_drift(db: Database) -> None:
    assert current_revision(db) == head_revision(db)
    with db.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), metadata
        )
    assert diff == []


def test_first_open_of_a_fresh_database_migrates_it(db_url: str) -> None:
    database = connect(db_url)
    try:
        assert "events" in inspect(database.engine).get_table_names()
        assert upgrade(database) is False  # already at head: nothing runs twice
    finally:
        database.dispose()


def test_open_without_migrating_leaves_the_database_empty(db_url: str) -> None:
    database = connect(db_url, migrate=False)
    try:
        assert current_revision(database) is None
        assert upgrade(database) is True
        assert current_revision(database) == head_revision(database)
    finally:
        database.dispose()
