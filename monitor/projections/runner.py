"""Tail the event store and apply events to projectors, exactly once.

Each projector's writes and its position commit in one transaction (the
tracking record of eventsourcing's ProcessRecorder): a crash before the
commit loses both, so the batch is simply applied again, and nothing is
counted twice. On PostgreSQL the position row is locked FOR UPDATE, so two
daemons never apply the same batch; on SQLite the write transaction does it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from sqlalchemy import Connection, Table, delete, select

from monitor.store.db import Database
from monitor.store.events import EventStore, StoredEvent
from monitor.store.schema import projection_positions


class Projector(Protocol):
    """Something that turns events into rows."""

    name: str
    tables: Sequence[Table]

    def apply(self, conn: Connection, event: StoredEvent, *, replaying: bool) -> None:
        """Apply one event inside the caller's transaction."""

    def flush(self, conn: Connection) -> None:
        """Write what `apply` buffered, in the same transaction, before the position is saved."""

    def reset(self) -> None:
        """Forget any in-memory cache (after a rollback or before a rebuild)."""


def position_of(conn: Connection, name: str, *, lock: bool = False) -> int:
    query = select(projection_positions.c.position).where(projection_positions.c.name == name)
    if lock and conn.dialect.name == "postgresql":
        query = query.with_for_update()
    row = conn.execute(query).first()
    if row is None:
        conn.execute(projection_positions.insert().values(name=name, position=0))
        if lock and conn.dialect.name == "postgresql":
            conn.execute(query).first()
        return 0
    return int(row.position)


def _save(conn: Connection, name: str, position: int) -> None:
    conn.execute(
        projection_positions.update()
        .where(projection_positions.c.name == name)
        .values(position=position)
    )


def run_batch(
    db: Database,
    store: EventStore,
    projector: Projector,
    *,
    batch: int = 500,
    replaying: bool = False,
) -> int:
    """Apply the next batch of events to one projector; the number applied."""
    try:
        with db.write() as conn:
            position = position_of(conn, projector.name, lock=True)
            events = store.read_after_in(conn, position, batch)
            for event in events:
                projector.apply(conn, event, replaying=replaying)
            if events:
                projector.flush(conn)
                _save(conn, projector.name, events[-1].position)
            return len(events)
    except BaseException:
        projector.reset()
        raise


def catch_up(
    db: Database,
    store: EventStore,
    projectors: Sequence[Projector],
    *,
    batch: int = 500,
    stop: Callable[[], bool] | None = None,
) -> int:
    """Bring every projector to the head of the store (or until `stop`, between batches)."""
    total = 0
    for projector in projectors:
        while not (stop is not None and stop()) and (
            n := run_batch(db, store, projector, batch=batch)
        ):
            total += n
    return total


def rebuild(
    db: Database, store: EventStore, projectors: Sequence[Projector], *, batch: int = 20_000
) -> int:
    """Replay the store from zero into empty tables; the number of events replayed.

    One pass over the store feeds every projector, and all of it happens in one
    transaction: a reader sees the old tables or the new ones, never a half-built
    state. Alerts are not raised again.
    """
    total = 0
    for projector in projectors:
        projector.reset()
    try:
        with db.write() as conn:
            for projector in projectors:
                position_of(conn, projector.name, lock=True)
                for table in projector.tables:
                    conn.execute(delete(table))
            position = 0
            while events := store.read_after_in(conn, position, batch):
                for event in events:  # event by event, so the codec decodes each once
                    for projector in projectors:
                        projector.apply(conn, event, replaying=True)
                for projector in projectors:
                    projector.flush(conn)
                position = events[-1].position
                total += len(events)
            for projector in projectors:
                _save(conn, projector.name, position)
    finally:
        for projector in projectors:
            projector.reset()
    return total


def lag(db: Database, store: EventStore, name: str) -> int:
    """How many events a projector is behind the head."""
    head = store.head()
    with db.read() as conn:
        row = conn.execute(
            select(projection_positions.c.position).where(projection_positions.c.name == name)
        ).first()
    return head - (int(row.position) if row else 0)
