"""Claiming rows for work, shared by the feed poller and the alert dispatcher."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Connection, Row, Select, Table, update


def claim(
    conn: Connection, query: Select[Any], table: Table, key: Column[Any], **values: Any
) -> list[Row[Any]]:
    """Select rows and mark them claimed (`values`) in the caller's write transaction.

    On PostgreSQL the selected rows are locked FOR UPDATE SKIP LOCKED, so a
    concurrent claimer passes over them instead of waiting or taking them too;
    on SQLite the write transaction (BEGIN IMMEDIATE) already excludes others.
    """
    if conn.dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    rows = list(conn.execute(query))
    if rows:
        ids = [getattr(r, key.name) for r in rows]
        conn.execute(update(table).where(key.in_(ids)).values(**values))
    return rows
