"""The queries behind `monitor status` and `monitor timeline`, and time travel from the events."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, select

from monitor.domain.dates import PartialDate
from monitor.domain.events import CaseOpened, case_stream
from monitor.domain.recording import CaseState
from monitor.domain.status import Fact, fold
from monitor.store.codec import decode
from monitor.store.events import EventStore
from monitor.store.schema import case_status, case_timeline
from monitor.store.schema import events as events_table


def _iso(d: PartialDate | None) -> str | None:
    return d.iso() if d else None


def _days_held(row: Any, today: dt.date) -> int | None:
    """From the first detention to release or death, or to `today` while still held."""
    if not row.held_since:
        return None
    end_text = row.released_on or (row.status_date if row.status == "deceased" else None)
    end = PartialDate.parse(end_text).first_day() if end_text else today
    return max((end - PartialDate.parse(row.held_since).first_day()).days, 0)


def _opened_order(conn: Connection) -> dict[str, int]:
    rows = conn.execute(
        select(events_table.c.stream, events_table.c.position).where(
            events_table.c.type == CaseOpened.TYPE
        )
    )
    return {r.stream.removeprefix("case:"): r.position for r in rows}


def current_status(conn: Connection, today: dt.date | None = None) -> list[dict[str, Any]]:
    """Every case's status row, in the order the cases were opened."""
    today = today or dt.datetime.now(dt.UTC).date()
    order = _opened_order(conn)
    rows = sorted(
        conn.execute(select(case_status)), key=lambda r: (order.get(r.case_key, 0), r.case_key)
    )
    return [
        {
            "case": r.case_key,
            "name": r.name,
            "held_by": r.held_by,
            "status": r.status,
            "status_date": r.status_date,
            "last_development": r.last_development,
            "last_development_date": r.last_development_date,
            "held_since": r.held_since,
            "days_held": _days_held(r, today),
            "last_consular_visit": r.last_consular_visit,
            "developments": r.developments,
            "sources": r.sources,
        }
        for r in rows
    ]


def timeline(conn: Connection, case_key: str) -> list[dict[str, Any]]:
    """One case's live developments, ordered by their own dates (undated last)."""
    rows = list(
        conn.execute(
            select(case_timeline).where(
                case_timeline.c.case_key == case_key, case_timeline.c.retracted.is_(False)
            )
        )
    )
    rows.sort(key=lambda r: (r.date is None, r.date or "", r.first_recorded_position))
    return [
        {
            "case": r.case_key,
            "development": r.development_id,
            "type": r.type,
            "date": r.date,
            "precision": r.date_precision,
            "outcome": r.outcome,
            "detail": r.detail,
            "evidence": r.evidence,
            "confidence": r.confidence,
            "sources": r.source_count,
            "first_source": r.first_source,
            "last_source": r.last_source,
        }
        for r in rows
    ]


def status_as_of(store: EventStore, as_of: dt.date) -> list[dict[str, Any]]:
    """Each case's status on `as_of`, folded from the events (developments dated after it,
    or undated, are left out), so it needs no projection."""
    with store.db.read() as conn:
        order = _opened_order(conn)
        result = []
        for key in sorted(order, key=order.__getitem__):
            state = CaseState()
            for stored in store.read_stream_in(conn, case_stream(key)):
                state.apply(decode(stored))
            facts = [
                Fact(k.id, k.type, k.date, k.outcome)
                for k in state.developments.values()
                if not k.retracted and k.date is not None and k.date.first_day() <= as_of
            ]
            folded = fold(facts)
            result.append(
                {
                    "case": key,
                    "name": state.definition.name if state.definition else key,
                    "status": folded.status.value if folded.status else None,
                    "status_date": _iso(folded.status_date),
                    "last_development": folded.last_development.value
                    if folded.last_development
                    else None,
                    "last_development_date": _iso(folded.last_development_date),
                    "held_since": _iso(folded.held_since),
                    "days_held": folded.days_held(as_of),
                    "last_consular_visit": _iso(folded.last_consular_visit),
                }
            )
    return result
