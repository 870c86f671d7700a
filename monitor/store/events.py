"""The append-only event store: append with an expected version, read a stream, read after N.

Ordering and concurrency. Every append allocates its global positions as
`max(position) + 1` while holding the store's write lock for the rest of its
transaction: `pg_advisory_xact_lock` on PostgreSQL (keyed to the schema, so
two deployments in one database do not contend) and `BEGIN IMMEDIATE` on
SQLite. Appends therefore commit one at a time in position order, and a reader
can never see position N+1 before N has committed. This matters on
PostgreSQL, where a sequence would hand out positions at insert time and let
a later, smaller position commit after a reader had already moved past it
("everything after N" would silently skip it). PostgreSQL makes a commit
visible before it releases the transaction's locks, so the next writer's
position is always allocated after the previous one is visible. Positions
are gapless, which also makes a skipped event detectable.

The price is that appends are serialised; they are short (one indexed max(),
a few inserts), and the benchmarks in docs/benchmarks.md measure the cost
against a plain batched INSERT.

Idempotency. Each event has a unique idempotency key and a hash of its
content. Under the same lock, keys already stored are looked up first: the
same key with the same content returns the stored event and writes nothing
(so a retried or concurrent duplicate append is harmless); the same key with
other content raises IdempotencyConflict. The unique index is the last line
of defence, never the mechanism.

Sources. An event that names a development and its source also gets a row in
`development_sources` (monitor.store.sources), in the same transaction, so that
index is never behind the events.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, String, func, select, text, type_coerce

from monitor.store.db import Database, loads_json
from monitor.store.schema import events as events_table
from monitor.store.sources import index_sources


class ConcurrencyError(Exception):
    """The stream moved on since the caller read it; nothing was written."""


class IdempotencyConflict(Exception):
    """An idempotency key is already stored with different content; nothing was written."""


@dataclass(frozen=True)
class NewEvent:
    """An event to append, before it has a position."""

    type: str
    schema_version: int
    data: dict[str, Any]
    metadata: dict[str, Any]
    idempotency_key: str
    occurred_on: str | None = None
    occurred_precision: str | None = None

    def content_hash(self, stream: str) -> str:
        body = json.dumps(
            [stream, self.type, self.schema_version, self.data, self.occurred_on],
            sort_keys=True,
            separators=(",", ":"),
            ensure_ascii=False,
        )
        return hashlib.sha256(body.encode()).hexdigest()

    def row(
        self, stream: str, position: int, version: int, recorded_at: dt.datetime
    ) -> dict[str, Any]:
        """The events-table row that records this event at `position`."""
        return {
            "position": position,
            "stream": stream,
            "version": version,
            "type": self.type,
            "schema_version": self.schema_version,
            "data": self.data,
            "metadata": self.metadata,
            "occurred_on": self.occurred_on,
            "occurred_precision": self.occurred_precision,
            "recorded_at": recorded_at,
            "idempotency_key": self.idempotency_key,
            "content_hash": self.content_hash(stream),
        }


@dataclass(frozen=True)
class StoredEvent:
    """An event as recorded, with its global position and stream version."""

    position: int
    stream: str
    version: int
    type: str
    schema_version: int
    data: dict[str, Any]
    metadata: dict[str, Any]
    occurred_on: str | None
    occurred_precision: str | None
    recorded_at: dt.datetime
    idempotency_key: str


# The events table's columns but the content hash, in StoredEvent's field order. The JSON and
# time columns come as the driver gives them (text on SQLite, values on PostgreSQL) and are
# decoded in `row_to_event`: SQLAlchemy's per-value result processors cost a rebuild more than
# the decoding itself.
_AS_GIVEN = ("data", "metadata", "recorded_at")
EVENT_COLUMNS = tuple(
    type_coerce(c, String()).label(c.name) if c.name in _AS_GIVEN else c
    for c in events_table.c
    if c.name != "content_hash"
)


def row_to_event(row: Any) -> StoredEvent:
    """The event a row of the events table's columns holds (in table order, as selected by
    `select(events_table)` or `select(*EVENT_COLUMNS)`), read by position: replay reads
    every event, and named access cost a sixth of a rebuild."""
    position, stream, version, type_, schema, data, metadata, on, precision, recorded, key = row[
        :11
    ]
    if type(data) is str:
        data = loads_json(data)
    if type(metadata) is str:
        metadata = loads_json(metadata)
    if type(recorded) is str:
        # SQLite keeps no zone; the store writes UTC only (parsing it in is faster than
        # `replace`, which costs a rebuild a second per million events).
        zoned = recorded[-6] in "+-" or recorded[-1] == "Z"
        recorded = dt.datetime.fromisoformat(recorded if zoned else recorded + "+00:00")
    elif recorded.tzinfo is None:
        recorded = recorded.replace(tzinfo=dt.UTC)
    return StoredEvent(
        position, stream, version, type_, schema, data, metadata, on, precision, recorded, key
    )


def _stored(row: dict[str, Any]) -> StoredEvent:
    """The event as just written (no need to read back what this transaction inserted)."""
    return StoredEvent(**{k: v for k, v in row.items() if k != "content_hash"})


def _stream_head(stream: str) -> Select[Any]:
    """The stream's highest version (0 for a new stream)."""
    return select(func.coalesce(func.max(events_table.c.version), 0)).where(
        events_table.c.stream == stream
    )


def _stream_heads(conn: Connection, streams: Sequence[str]) -> dict[str, int]:
    """Each stream's highest version (0 for a new stream), in one round trip per 100 streams.

    One `max(version) WHERE stream = ?` per stream, as scalar subqueries: each is a single
    descent of the (stream, version) index. The obvious `WHERE stream IN (...) GROUP BY
    stream` reads every index entry of those streams instead (neither SQLite nor PostgreSQL
    skips to the last one), so its cost grew with the longest stream's history.
    """
    heads: dict[str, int] = {}
    for i in range(0, len(streams), 100):
        chunk = streams[i : i + 100]
        row = conn.execute(select(*(_stream_head(s).scalar_subquery() for s in chunk))).one()
        heads.update((stream, int(version)) for stream, version in zip(chunk, row, strict=True))
    return heads


def lock_for_append(conn: Connection) -> None:
    """Take the store's write lock for the rest of this transaction (see module docstring)."""
    if conn.dialect.name == "postgresql":
        conn.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || '.events', 0))")
        )
    # SQLite: the transaction began with BEGIN IMMEDIATE (Database.write) and holds the lock.


def _check_sqlite_immediate(conn: Connection) -> None:
    if conn.dialect.name == "sqlite" and not conn.get_execution_options().get("sqlite_immediate"):
        raise RuntimeError("appends on SQLite must run inside Database.write()")


class EventStore:
    """The store's small API over one Database."""

    def __init__(self, db: Database, *, clock: Any = None) -> None:
        self.db = db
        self._clock = clock or (lambda: dt.datetime.now(dt.UTC))

    def append(
        self, stream: str, new: Sequence[NewEvent], expected_version: int | None = None
    ) -> list[StoredEvent]:
        """Append to one stream in its own transaction (see `append_in`)."""
        with self.db.write() as conn:
            return self.append_in(conn, stream, new, expected_version)

    def append_in(
        self,
        conn: Connection,
        stream: str,
        new: Sequence[NewEvent],
        expected_version: int | None = None,
    ) -> list[StoredEvent]:
        """Append `new` to `stream` inside the caller's write transaction.

        Events whose idempotency key is stored with the same content are returned
        as stored; the rest are appended after checking `expected_version` (None:
        any version). Raises ConcurrencyError or IdempotencyConflict, writing nothing.
        """
        _check_sqlite_immediate(conn)
        lock_for_append(conn)
        keys = [e.idempotency_key for e in new]
        if len(set(keys)) != len(keys):
            raise IdempotencyConflict(f"duplicate idempotency keys in one append to {stream}")
        existing = (
            {
                row.idempotency_key: row
                for row in conn.execute(
                    select(events_table).where(events_table.c.idempotency_key.in_(keys))
                )
            }
            if keys
            else {}
        )
        fresh: list[NewEvent] = []
        for e in new:
            row = existing.get(e.idempotency_key)
            if row is None:
                fresh.append(e)
            elif row.content_hash != e.content_hash(stream):
                raise IdempotencyConflict(
                    f"idempotency key {e.idempotency_key!r} is stored with other content "
                    f"(position {row.position})"
                )
        if fresh:
            # One round trip for both heads, read under the lock taken above.
            current, position = conn.execute(
                select(
                    _stream_head(stream).scalar_subquery(),
                    select(func.coalesce(func.max(events_table.c.position), 0)).scalar_subquery(),
                )
            ).one()
            if expected_version is not None and current != expected_version:
                raise ConcurrencyError(
                    f"stream {stream!r} is at version {current}, expected {expected_version}"
                )
            now = self._clock()
            rows = [
                e.row(stream, position + i, current + i, now) for i, e in enumerate(fresh, start=1)
            ]
            conn.execute(events_table.insert(), rows)
            index_sources(conn, rows)
            written = {r["idempotency_key"]: _stored(r) for r in rows}
        else:
            written = {}
        return [written[k] if k in written else row_to_event(existing[k]) for k in keys]

    def append_streams_in(
        self,
        conn: Connection,
        expected: Mapping[str, int],
        new: Sequence[tuple[str, NewEvent]],
    ) -> int:
        """Append events to several streams, in the order given, with one look-up of keys and
        heads and one INSERT, inside the caller's write transaction; the number written.

        `expected` holds each stream's version before these events (ConcurrencyError when
        the store disagrees). Events whose key is stored with the same content are skipped,
        as in `append_in`; other content under a stored key raises IdempotencyConflict.
        """
        _check_sqlite_immediate(conn)
        lock_for_append(conn)
        if not new:
            return 0
        keys = [e.idempotency_key for _, e in new]
        if len(set(keys)) != len(keys):
            raise IdempotencyConflict("duplicate idempotency keys in one append")
        stored: dict[str, str] = {}
        for i in range(0, len(keys), 500):
            query = select(events_table.c.idempotency_key, events_table.c.content_hash).where(
                events_table.c.idempotency_key.in_(keys[i : i + 500])
            )
            stored.update((row.idempotency_key, row.content_hash) for row in conn.execute(query))
        fresh: list[tuple[str, NewEvent]] = []
        for stream, e in new:
            digest = stored.get(e.idempotency_key)
            if digest is None:
                fresh.append((stream, e))
            elif digest != e.content_hash(stream):
                raise IdempotencyConflict(
                    f"idempotency key {e.idempotency_key!r} is stored with other content"
                )
        if not fresh:
            return 0
        streams = sorted({stream for stream, _ in fresh})
        heads = _stream_heads(conn, streams)
        for stream in streams:
            if stream in expected and heads[stream] != expected[stream]:
                raise ConcurrencyError(
                    f"stream {stream!r} is at version {heads[stream]}, expected {expected[stream]}"
                )
        position = int(
            conn.execute(select(func.coalesce(func.max(events_table.c.position), 0))).scalar_one()
        )
        now = self._clock()
        rows = []
        for offset, (stream, e) in enumerate(fresh, start=1):
            heads[stream] += 1
            rows.append(e.row(stream, position + offset, heads[stream], now))
        conn.execute(events_table.insert(), rows)
        index_sources(conn, rows)
        return len(rows)

    @staticmethod
    def _stream_version(conn: Connection, stream: str) -> int:
        return int(conn.execute(_stream_head(stream)).scalar_one())

    def stream_version(self, stream: str) -> int:
        with self.db.read() as conn:
            return self._stream_version(conn, stream)

    def read_stream(self, stream: str, after_version: int = 0) -> list[StoredEvent]:
        """A stream's events in version order."""
        with self.db.read() as conn:
            return self.read_stream_in(conn, stream, after_version)

    def read_stream_in(
        self,
        conn: Connection,
        stream: str,
        after_version: int = 0,
        through_version: int | None = None,
    ) -> list[StoredEvent]:
        query = select(*EVENT_COLUMNS).where(
            events_table.c.stream == stream, events_table.c.version > after_version
        )
        if through_version is not None:
            query = query.where(events_table.c.version <= through_version)
        return [row_to_event(r) for r in conn.execute(query.order_by(events_table.c.version))]

    def read_after(self, position: int, limit: int = 1000) -> list[StoredEvent]:
        """Up to `limit` events with a global position above `position`, in order."""
        with self.db.read() as conn:
            return self.read_after_in(conn, position, limit)

    @staticmethod
    def read_after_in(conn: Connection, position: int, limit: int = 1000) -> list[StoredEvent]:
        rows = conn.execute(
            select(*EVENT_COLUMNS)
            .where(events_table.c.position > position)
            .order_by(events_table.c.position)
            .limit(limit)
        )
        return [row_to_event(r) for r in rows]

    def iter_all(self, batch: int = 5000) -> Iterator[StoredEvent]:
        position = 0
        while chunk := self.read_after(position, batch):
            yield from chunk
            position = chunk[-1].position

    def head(self) -> int:
        """The highest position stored (0 for an empty store)."""
        with self.db.read() as conn:
            return int(
                conn.execute(
                    select(func.coalesce(func.max(events_table.c.position), 0))
                ).scalar_one()
            )
