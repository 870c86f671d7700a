"""Alembic environment: an engine or connection handed in by monitor, else MONITOR_DB."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from monitor.store.db import connect
from monitor.store.schema import metadata

config = context.config


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = config.attributes.get("engine")
    if engine is None:
        engine = connect(config.get_main_option("sqlalchemy.url"), migrate=False).engine
    with engine.begin() as conn:
        _run(conn)


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run `monitor db upgrade`")
run_migrations_online()
