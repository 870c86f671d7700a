"""The event store's contract, run on SQLite and PostgreSQL alike."""

from __future__ import annotations

import multiprocessing as mp
import threading
import time
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from monitor.domain.events import CaseOpened, Metadata
from monitor.store.codec import decode, encode
from monitor.store.db import Database, connect
from monitor.store.events import (
    ConcurrencyError,
    EventStore,
    IdempotencyConflict,
    NewEvent,
)


def ev(key: str, n: int = 0, **data: Any) -> NewEvent:
    return NewEvent(
        type="Tested",
        schema_version=1,
        data={"n": n, **data},
        metadata={"by": "test"},
        idempotency_key=key,
        occurred_on="2021-09-24",
        occurred_precision="day",
    )


def test_append_assigns_gapless_positions_and_stream_versions(db: Database) -> None:
    store = EventStore(db)
    a = store.append("case:a", [ev("a1"), ev("a2")], expected_version=0)
    b = store.append("case:b", [ev("b1")], expected_version=0)
    c = store.append("case:a", [ev("a3")], expected_version=2)
    assert [e.position for e in a + b + c] == [1, 2, 3, 4]
    assert [e.version for e in store.read_stream("case:a")] == [1, 2, 3]
    assert [e.idempotency_key for e in store.read_after(1)] == ["a2", "b1", "a3"]
    assert store.head() == 4


def test_multi_stream_append_continues_each_stream_from_its_own_head(db: Database) -> None:
    # 150 streams: more than one round trip of heads; a few already long, most new.
    store = EventStore(db)
    for n in range(3):
        store.append(f"case:s{n:03d}", [ev(f"old-{n}-{i}") for i in range(n + 2)])
    new = [(f"case:s{n:03d}", ev(f"new-{n}-{i}")) for n in range(150) for i in range(2)]
    expected = {"case:s000": 2, "case:s001": 3, "case:s002": 4, "case:s149": 0}
    with db.write() as conn:
        assert store.append_streams_in(conn, expected, new) == 300
    assert [e.version for e in store.read_stream("case:s002")] == [1, 2, 3, 4, 5, 6]
    assert [e.version for e in store.read_stream("case:s100")] == [1, 2]
    assert [e.position for e in store.read_after(0, 1000)] == list(range(1, 310))
    with db.write() as conn, pytest.raises(ConcurrencyError):
        store.append_streams_in(conn, {"case:s120": 1}, [("case:s120", ev("late"))])


def test_stored_event_keeps_every_field(db: Database) -> None:
    store = EventStore(db)
    [stored] = store.append("case:a", [ev("k", 7, text="Kang Mingkai 康明凯")])
    [read] = store.read_stream("case:a")
    assert read == stored
    assert read.data == {"n": 7, "text": "Kang Mingkai 康明凯"}
    assert read.metadata == {"by": "test"}
    assert (read.occurred_on, read.occurred_precision) == ("2021-09-24", "day")
    assert read.recorded_at.tzinfo is not None


def test_stored_json_beyond_the_fast_decoder_still_reads_back(db: Database) -> None:
    # orjson refuses integers beyond 64 bits; the store falls back to json for them.
    store = EventStore(db)
    store.append("case:a", [ev("big", 2**70, nested={"n": -(2**65)})])
    [read] = store.read_stream("case:a")
    assert read.data == {"n": 2**70, "nested": {"n": -(2**65)}}


def test_stale_expected_version_raises_and_writes_nothing(db: Database) -> None:
    store = EventStore(db)
    store.append("case:a", [ev("a1")], expected_version=0)
    with pytest.raises(ConcurrencyError, match="expected 0"):
        store.append("case:a", [ev("a2"), ev("a3")], expected_version=0)
    assert [e.idempotency_key for e in store.read_stream("case:a")] == ["a1"]
    assert store.head() == 1


def test_same_idempotency_key_and_content_is_stored_once(db: Database) -> None:
    store = EventStore(db)
    first = store.append("case:a", [ev("a1"), ev("a2")], expected_version=0)
    again = store.append("case:a", [ev("a1"), ev("a2")], expected_version=0)
    assert again == first
    assert store.head() == 2


def test_same_idempotency_key_with_other_content_is_a_conflict(db: Database) -> None:
    store = EventStore(db)
    store.append("case:a", [ev("a1", 1)])
    with pytest.raises(IdempotencyConflict, match="a1"):
        store.append("case:a", [ev("a2"), ev("a1", 2)])
    assert store.head() == 1


@pytest.mark.parametrize("statement", ["UPDATE events SET type = 'x'", "DELETE FROM events"])
def test_raw_update_and_delete_are_refused_by_the_database(db: Database, statement: str) -> None:
    EventStore(db).append("case:a", [ev("a1")])
    with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as conn:
        conn.execute(text(statement))
    with db.read() as conn:
        assert conn.execute(text("SELECT type FROM events")).scalar_one() == "Tested"


def test_old_schema_versions_are_upcast_on_read_and_the_row_never_changes(db: Database) -> None:
    store = EventStore(db)
    old = NewEvent("CaseOpened", 0, {"key": "kovrig", "full_name": "Michael Kovrig"}, {}, "o1")
    store.append("case:kovrig", [old])

    def v0_to_v1(data: dict[str, Any]) -> dict[str, Any]:
        return {"key": data["key"], "name": data["full_name"]}

    [stored] = store.read_stream("case:kovrig")
    event = decode(stored, {("CaseOpened", 0): v0_to_v1})
    assert event == CaseOpened(key="kovrig", name="Michael Kovrig")
    assert store.read_stream("case:kovrig")[0].data == {
        "key": "kovrig",
        "full_name": "Michael Kovrig",
    }


def test_domain_events_round_trip_through_the_codec(db: Database) -> None:
    store = EventStore(db)
    event = CaseOpened("kovrig", "Michael Kovrig", ("Kang Mingkai",), "CN", ("CA",))
    store.append("case:kovrig", [encode(event, "k", Metadata(classifier_version="t"))])
    [stored] = store.read_stream("case:kovrig")
    assert decode(stored) == event
    assert stored.metadata == {"classifier_version": "t"}


def test_reader_never_moves_past_an_append_held_open(db: Database) -> None:
    """A later append cannot commit while an earlier one is open, so a tailing
    reader sees positions only in order, whatever the commit timing."""
    store = EventStore(db)
    store.append("case:a", [ev("a0")])
    held = db.engine.connect().execution_options(sqlite_immediate=True)
    tx = held.begin()
    store.append_in(held, "case:a", [ev("held")])
    later_done = threading.Event()

    def later() -> None:
        store.append("case:b", [ev("later")])
        later_done.set()

    thread = threading.Thread(target=later)
    thread.start()
    try:
        time.sleep(0.5)
        assert not later_done.is_set(), "a later append committed while an earlier one was open"
        assert [e.idempotency_key for e in store.read_after(1)] == []
    finally:
        tx.commit()
        held.close()
    thread.join(timeout=30)
    assert later_done.is_set()
    seen = store.read_after(1)
    assert [(e.position, e.idempotency_key) for e in seen] == [(2, "held"), (3, "later")]


def _writer(url: str, worker: int, count: int) -> None:
    database = connect(url, migrate=False)
    store = EventStore(database)
    for i in range(count):
        stream = f"case:w{worker}-{i % 3}"
        store.append(stream, [ev(f"w{worker}-{i}", i), ev(f"w{worker}-{i}b", i)])
    database.dispose()


def _duplicate_writer(url: str, barrier: Any) -> None:
    database = connect(url, migrate=False)
    barrier.wait()
    EventStore(database).append("case:dup", [ev(f"dup-{i}", i) for i in range(20)])
    database.dispose()


@pytest.mark.slow
def test_concurrent_writer_processes_and_a_tailing_reader_see_every_event_once(
    db: Database, db_url: str
) -> None:
    workers, per_worker = 4, 40
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(db_url, w, per_worker)) for w in range(workers)]
    for p in procs:
        p.start()
    store = EventStore(db)
    seen: list[int] = []
    keys: list[str] = []
    deadline = time.monotonic() + 120
    expected = workers * per_worker * 2
    while len(seen) < expected and time.monotonic() < deadline:
        batch = store.read_after(seen[-1] if seen else 0, limit=37)
        seen.extend(e.position for e in batch)
        keys.extend(e.idempotency_key for e in batch)
        if not batch:
            time.sleep(0.01)
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    assert seen == list(range(1, expected + 1))
    assert len(set(keys)) == expected


@pytest.mark.slow
def test_two_processes_appending_the_same_keys_store_one_copy(db: Database, db_url: str) -> None:
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=_duplicate_writer, args=(db_url, barrier)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    assert [e.idempotency_key for e in EventStore(db).read_stream("case:dup")] == [
        f"dup-{i}" for i in range(20)
    ]


def test_postgresql_sessions_plan_without_parallel_workers(pg_url: str) -> None:
    # Point look-ups on a large store once drew parallel plans whose worker start-up cost
    # more than the look-up; the monitor's sessions plan serially, keeping the URL's options.
    db = connect(pg_url)
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("SHOW max_parallel_workers_per_gather")).scalar() == "0"
            # the URL's own options (the test schema as search_path) still apply
            assert conn.execute(text("SELECT count(*) FROM events")).scalar() == 0
    finally:
        db.dispose()
