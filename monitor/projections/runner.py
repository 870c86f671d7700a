"""Tail the event store and apply events to projectors, exactly once.

Each projector's writes and its position commit in one transaction (the
tracking record of eventsourcing's ProcessRecorder): a crash before the
commit loses both, so the batch is simply applied again, and nothing is
counted twice. On PostgreSQL the position row is locked FOR UPDATE, so two
daemons never apply the same batch; on SQLite the write transaction does it.

One event a projector cannot apply (a row the schema cannot hold, data the
code cannot decode) must not stop it for good, since events are never
deleted: a batch that fails is applied again event by event, each in a
savepoint, and an event that still fails is rolled back alone, recorded in
`projection_errors` (shown by `monitor health`) and skipped.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from sqlalchemy import Connection, Table, delete, func, insert, select
from sqlalchemy.exc import InterfaceError, OperationalError

from monitor.store.db import Database
from monitor.store.events import EventStore, StoredEvent
from monitor.store.schema import projection_errors, projection_positions

log = logging.getLogger("monitor.projections")

# The database itself failing: no event is to blame, so nothing is skipped.
UNAVAILABLE = (OperationalError, InterfaceError)


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


def _record_error(conn: Connection, name: str, event: StoredEvent, exc: Exception) -> None:
    first = (str(exc).strip().splitlines() or [""])[0]
    error = f"{type(exc).__name__}: {first}"[:1000]
    log.error(
        "projector %s skipped event %d (%s in %s): %s",
        name,
        event.position,
        event.type,
        event.stream,
        error,
    )
    known = conn.execute(
        select(projection_errors.c.position).where(
            projection_errors.c.projector == name, projection_errors.c.position == event.position
        )
    ).first()
    if known is None:
        conn.execute(
            insert(projection_errors).values(
                projector=name,
                position=event.position,
                event_type=event.type,
                stream=event.stream,
                error=error,
                recorded_at=dt.datetime.now(dt.UTC),
            )
        )


def _apply_alone(
    conn: Connection, projector: Projector, event: StoredEvent, *, replaying: bool
) -> bool:
    """Apply and flush one event in a savepoint; on failure roll it back, record, skip it."""
    savepoint = conn.begin_nested()
    try:
        projector.apply(conn, event, replaying=replaying)
        projector.flush(conn)
    except UNAVAILABLE:
        raise
    except Exception as exc:
        savepoint.rollback()
        projector.reset()  # its caches may hold what the savepoint undid
        _record_error(conn, projector.name, event, exc)
        return False
    savepoint.commit()
    return True


def _batch(
    db: Database,
    store: EventStore,
    projector: Projector,
    batch: int,
    replaying: bool,
    isolate: bool,
) -> int:
    with db.write() as conn:
        position = position_of(conn, projector.name, lock=True)
        events = store.read_after_in(conn, position, batch)
        for event in events:
            if isolate:
                _apply_alone(conn, projector, event, replaying=replaying)
            else:
                projector.apply(conn, event, replaying=replaying)
        if events:
            if not isolate:
                projector.flush(conn)
            _save(conn, projector.name, events[-1].position)
        return len(events)


def run_batch(
    db: Database,
    store: EventStore,
    projector: Projector,
    *,
    batch: int = 500,
    replaying: bool = False,
) -> int:
    """Apply the next batch of events to one projector; the number applied (or skipped)."""
    try:
        try:
            return _batch(db, store, projector, batch, replaying, isolate=False)
        except UNAVAILABLE:
            raise
        except Exception:
            projector.reset()
            log.warning("projector %s: a batch failed; applying it event by event", projector.name)
        return _batch(db, store, projector, batch, replaying, isolate=True)
    except BaseException:
        projector.reset()
        raise


def _batch_together(
    db: Database, store: EventStore, projectors: Sequence[Projector], batch: int
) -> int | None:
    """Apply the next batch to every projector in one transaction, reading it once; None
    (and nothing written) when they stand at different positions or the batch fails, for
    the per-projector path to deal with."""
    try:
        with db.write() as conn:
            # Position rows are locked in the projectors' order, as every instance does.
            positions = {position_of(conn, p.name, lock=True) for p in projectors}
            if len(positions) != 1:
                return None
            events = store.read_after_in(conn, positions.pop(), batch)
            if not events:
                return 0
            for projector in projectors:  # each sees the batch whole, as when run alone
                for event in events:
                    projector.apply(conn, event, replaying=False)
                projector.flush(conn)
                _save(conn, projector.name, events[-1].position)
            return len(events)
    except UNAVAILABLE:
        for projector in projectors:
            projector.reset()
        raise
    except Exception:
        for projector in projectors:
            projector.reset()
        return None
    except BaseException:
        for projector in projectors:
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
    """Bring every projector to the head of the store (or until `stop`, between batches).

    Projectors that stand at one position (the usual case) take each batch together: one
    read of the events and one transaction instead of one per projector. Otherwise, or when
    a batch fails, each goes on alone, where a failing event is isolated and skipped.
    """
    total = 0
    while not (stop is not None and stop()):
        n = _batch_together(db, store, projectors, batch)
        if n is None:
            break
        if n == 0:
            return total
        total += n * len(projectors)
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
    state. Alerts are not raised again. If an event cannot be replayed, the whole
    replay runs again event by event, recording and skipping the events that fail.
    """
    try:
        return _rebuild(db, store, projectors, batch, isolate=False)
    except UNAVAILABLE:
        raise
    except Exception:
        log.warning("rebuild: an event could not be replayed; replaying event by event")
    return _rebuild(db, store, projectors, batch, isolate=True)


def _rebuild(
    db: Database, store: EventStore, projectors: Sequence[Projector], batch: int, isolate: bool
) -> int:
    total = 0
    for projector in projectors:
        projector.reset()
    try:
        with db.write() as conn:
            for projector in projectors:
                position_of(conn, projector.name, lock=True)
                for table in projector.tables:
                    conn.execute(delete(table))
                conn.execute(
                    delete(projection_errors).where(projection_errors.c.projector == projector.name)
                )
            position = 0
            while events := store.read_after_in(conn, position, batch):
                for event in events:  # event by event, so the codec decodes each once
                    for projector in projectors:
                        if isolate:
                            _apply_alone(conn, projector, event, replaying=True)
                        else:
                            projector.apply(conn, event, replaying=True)
                if not isolate:
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


def error_count(db: Database) -> int:
    """How many events the projectors have skipped (see `errors`)."""
    with db.read() as conn:
        return int(conn.execute(select(func.count()).select_from(projection_errors)).scalar_one())


def errors(db: Database) -> list[dict[str, Any]]:
    """The events each projector skipped, and why, oldest first."""
    with db.read() as conn:
        rows = conn.execute(
            select(projection_errors).order_by(
                projection_errors.c.position, projection_errors.c.projector
            )
        )
        return [
            {
                "projector": r.projector,
                "position": r.position,
                "event_type": r.event_type,
                "stream": r.stream,
                "error": r.error,
                "recorded_at": r.recorded_at.isoformat(timespec="seconds"),
            }
            for r in rows
        ]
