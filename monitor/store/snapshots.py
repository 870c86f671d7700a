"""Decision snapshots: a case stream's folded state at one version, so that deciding an
article reads a bounded amount (the newest snapshot and the events after it), not the stream
from its first event.

A snapshot is a cache of the events, never a source of truth: it is written under the append
lock from a state folded from those very events, its rows are never rewritten (append-only
triggers), and one of another format (`SNAPSHOT_FORMAT`) is ignored, so the state is folded
from the events again.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, insert, select

from monitor.domain.recording import SNAPSHOT_FORMAT, CaseState, from_snapshot, to_snapshot
from monitor.store.codec import decode
from monitor.store.events import EventStore
from monitor.store.schema import decision_snapshots

# A new snapshot once a stream has this many events beyond its newest one: at most this many
# events are folded to rebuild any state, and a snapshot is written once per that many events.
SNAPSHOT_EVERY = 200


def newest_snapshot(
    conn: Connection, stream: str, through_version: int | None = None
) -> CaseState | None:
    """The newest usable snapshot of `stream` (at or below `through_version`), if any."""
    query = (
        select(decision_snapshots.c.version, decision_snapshots.c.state)
        .where(
            decision_snapshots.c.stream == stream,
            decision_snapshots.c.format == SNAPSHOT_FORMAT,
        )
        .order_by(decision_snapshots.c.version.desc())
        .limit(1)
    )
    if through_version is not None:
        query = query.where(decision_snapshots.c.version <= through_version)
    row = conn.execute(query).first()
    if row is None:
        return None
    state = from_snapshot(row.state)
    return state if state.version == row.version else None  # inconsistent: fold the events


def snapshot_version(conn: Connection, stream: str) -> int | None:
    """The version of the stream's newest usable snapshot, if any (without loading it)."""
    # The newest first, stopping at the first of this format: `max(version) WHERE format = ?`
    # would read every snapshot of the stream (the format is not in the index).
    version = conn.execute(
        select(decision_snapshots.c.version)
        .where(
            decision_snapshots.c.stream == stream,
            decision_snapshots.c.format == SNAPSHOT_FORMAT,
        )
        .order_by(decision_snapshots.c.version.desc())
        .limit(1)
    ).scalar()
    return None if version is None else int(version)


def load_state(
    store: EventStore, conn: Connection, stream: str, through_version: int | None = None
) -> CaseState:
    """The stream's state at `through_version` (default: its head): the newest snapshot at or
    below it, then the events after the snapshot."""
    state = newest_snapshot(conn, stream, through_version) or CaseState()
    catch_up_state(store, conn, stream, state, through_version)
    return state


def catch_up_state(
    store: EventStore,
    conn: Connection,
    stream: str,
    state: CaseState,
    through_version: int | None = None,
) -> None:
    """Apply the stream's events after `state.version` (up to `through_version`) to `state`."""
    for event in store.read_stream_in(conn, stream, state.version, through_version):
        state.apply(decode(event))


def save_snapshot(conn: Connection, stream: str, state: CaseState, now: dt.datetime) -> None:
    """Record `state` as the stream's snapshot at its version (inside the append lock)."""
    exists = conn.execute(
        select(decision_snapshots.c.version).where(
            decision_snapshots.c.stream == stream, decision_snapshots.c.version == state.version
        )
    ).first()
    if exists is None:
        conn.execute(
            insert(decision_snapshots).values(
                stream=stream,
                version=state.version,
                format=SNAPSHOT_FORMAT,
                state=to_snapshot(state),
                taken_at=now,
            )
        )
