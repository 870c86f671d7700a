"""Migrations create exactly the tables the code declares, on every backend."""

from __future__ import annotations

import datetime as dt

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select

from monitor.store.db import (
    Database,
    alembic_config,
    connect,
    current_revision,
    head_revision,
    upgrade,
)
from monitor.store.schema import development_sources, events, metadata


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


def test_upgrading_a_store_with_history_copies_its_sources_into_the_index(db_url: str) -> None:
    from alembic import command

    database = connect(db_url, migrate=False)
    try:
        command.upgrade(alembic_config(database), "0002")
        now = dt.datetime.now(dt.UTC)
        data = {"development_id": "d1", "case": "c", "source": {"article_id": "a1", "url": "u"}}
        rows = [
            {
                "position": p,
                "stream": "case:c",
                "version": p,
                "type": kind,
                "schema_version": 1,
                "data": {**data, "source": {"article_id": f"a{p}"}} if p == 3 else data,
                "metadata": {},
                "recorded_at": now,
                "idempotency_key": f"k{p}",
                "content_hash": "0" * 64,
            }
            for p, kind in (
                (1, "DevelopmentRecorded"),
                (2, "CaseOpened"),
                (3, "DevelopmentCorroborated"),
            )
        ]
        rows[1]["data"] = {"key": "c"}
        with database.engine.begin() as conn:
            conn.execute(events.insert(), rows)
        upgrade(database)
        with database.engine.connect() as conn:
            found = conn.execute(
                select(development_sources.c.position, development_sources.c.article_id).order_by(
                    development_sources.c.position
                )
            ).all()
        assert [tuple(r) for r in found] == [(1, "a1"), (3, "a3")]
    finally:
        database.dispose()
