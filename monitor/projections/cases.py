"""The case projectors: definitions, the deduplicated timeline, and status.

Status is recomputed from the whole case stream on every development event
(via the pure fold), so it follows the developments' own dates whatever
order they arrived in, and a replay yields the same rows as incremental work.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, insert, select, update

from monitor.domain.events import (
    CaseOpened,
    CaseRedefined,
    DevelopmentCorroborated,
    DevelopmentRecorded,
    DevelopmentRetracted,
    DomainEvent,
    GroupDefined,
    Source,
)
from monitor.domain.recording import CaseState
from monitor.domain.status import CaseStatus, Fact, fold
from monitor.store.codec import decode
from monitor.store.events import EventStore, StoredEvent
from monitor.store.schema import case_definitions, case_status, case_timeline


def _upsert(conn: Connection, table: Table, key: dict[str, Any], values: dict[str, Any]) -> None:
    clause = [table.c[k] == v for k, v in key.items()]
    if conn.execute(update(table).where(*clause).values(**values)).rowcount == 0:
        conn.execute(insert(table).values(**key, **values))


class DefinitionsProjector:
    """case_definitions: the current name, aliases and members of every case and group."""

    name = "case_definitions"
    tables: Sequence[Table] = (case_definitions,)

    def apply(self, conn: Connection, event: StoredEvent, *, replaying: bool) -> None:
        if event.type not in (CaseOpened.TYPE, CaseRedefined.TYPE, GroupDefined.TYPE):
            return
        e = decode(event)
        if isinstance(e, CaseOpened | CaseRedefined):
            values = {
                "name": e.name,
                "aliases": list(e.aliases),
                "held_by": e.held_by,
                "citizenship": list(e.citizenship),
                "is_group": False,
                "members": [],
            }
            _upsert(conn, case_definitions, {"key": e.key}, values)
        elif isinstance(e, GroupDefined):
            values = {
                "name": e.aliases[0] if e.aliases else e.key,
                "aliases": list(e.aliases),
                "held_by": "",
                "citizenship": [],
                "is_group": True,
                "members": list(e.members),
            }
            _upsert(conn, case_definitions, {"key": e.key}, values)

    def reset(self) -> None:
        pass


def _source_label(source: Source) -> str:
    return source.url or source.article_id


def _source_json(source: Source) -> dict[str, Any]:
    return {k: v for k, v in vars(source).items() if v is not None}


class TimelineProjector:
    """case_timeline: one row per development, with its sources."""

    name = "case_timeline"
    tables: Sequence[Table] = (case_timeline,)

    def apply(self, conn: Connection, event: StoredEvent, *, replaying: bool) -> None:
        if event.type == DevelopmentRecorded.TYPE:
            e = decode(event)
            assert isinstance(e, DevelopmentRecorded)
            occurred = e.occurred()
            conn.execute(
                insert(case_timeline).values(
                    development_id=e.development_id,
                    case_key=e.case,
                    type=e.type,
                    date=e.date,
                    date_precision=occurred.precision.value if occurred else None,
                    outcome=e.outcome,
                    detail=e.detail,
                    evidence=e.evidence,
                    confidence=e.confidence,
                    rule=e.rule,
                    source_count=1,
                    first_source=_source_label(e.source),
                    last_source=_source_label(e.source),
                    sources=[_source_json(e.source)],
                    first_recorded_position=event.position,
                    retracted=False,
                )
            )
        elif event.type == DevelopmentCorroborated.TYPE:
            c = decode(event)
            assert isinstance(c, DevelopmentCorroborated)
            row = conn.execute(
                select(case_timeline.c.sources, case_timeline.c.confidence).where(
                    case_timeline.c.development_id == c.development_id
                )
            ).one()
            values: dict[str, Any] = {
                "sources": [*row.sources, _source_json(c.source)],
                "source_count": len(row.sources) + 1,
                "last_source": _source_label(c.source),
                "confidence": max(row.confidence, c.confidence),
            }
            refined = c.occurred()
            if refined is not None:
                values.update(date=refined.iso(), date_precision=refined.precision.value)
            conn.execute(
                update(case_timeline)
                .where(case_timeline.c.development_id == c.development_id)
                .values(**values)
            )
        elif event.type == DevelopmentRetracted.TYPE:
            r = decode(event)
            assert isinstance(r, DevelopmentRetracted)
            conn.execute(
                update(case_timeline)
                .where(case_timeline.c.development_id == r.development_id)
                .values(retracted=True)
            )

    def reset(self) -> None:
        pass


@dataclass(frozen=True)
class CaseChange:
    """What a development event did to a case, for whoever raises alerts."""

    case: str
    name: str
    position: int
    event: DomainEvent
    before: CaseStatus
    after: CaseStatus
    state: CaseState
    backfill: bool


ChangeHook = Callable[[Connection, CaseChange], None]

_CASE_EVENTS = (
    CaseOpened.TYPE,
    CaseRedefined.TYPE,
    DevelopmentRecorded.TYPE,
    DevelopmentCorroborated.TYPE,
    DevelopmentRetracted.TYPE,
)


def facts(state: CaseState) -> list[Fact]:
    return [
        Fact(k.id, k.type, k.date, k.outcome)
        for k in state.developments.values()
        if not k.retracted
    ]


class StatusProjector:
    """case_status: each case's status by the fold, plus counts; hands changes to a hook.

    The hook (the alert outbox) runs in the same transaction as the row it
    describes, so no status changes without its alerts, and no alert exists
    for a change that did not commit. Nothing is handed on while replaying.
    """

    name = "case_status"
    tables: Sequence[Table] = (case_status,)

    def __init__(self, store: EventStore, on_change: ChangeHook | None = None) -> None:
        self.store = store
        self.on_change = on_change
        self._cache: dict[str, CaseState] = {}

    def reset(self) -> None:
        self._cache.clear()

    def _state_before(self, conn: Connection, event: StoredEvent) -> CaseState:
        state = self._cache.get(event.stream)
        if state is None or state.version != event.version - 1:
            state = CaseState()
            for earlier in self.store.read_stream_in(conn, event.stream):
                if earlier.version >= event.version:
                    break
                state.apply(decode(earlier))
        return state

    def apply(self, conn: Connection, event: StoredEvent, *, replaying: bool) -> None:
        if event.type not in _CASE_EVENTS or not event.stream.startswith("case:"):
            return
        state = self._state_before(conn, event)
        before = fold(facts(state))
        domain_event = decode(event)
        state.apply(domain_event)
        self._cache[event.stream] = state
        after = fold(facts(state))
        definition = state.definition
        if definition is None:
            return
        live = [k for k in state.developments.values() if not k.retracted]
        released = after.status_date if after.status and after.status.value == "released" else None
        _upsert(
            conn,
            case_status,
            {"case_key": definition.key},
            {
                "name": definition.name,
                "held_by": definition.held_by,
                "status": after.status.value if after.status else None,
                "status_date": after.status_date.iso() if after.status_date else None,
                "last_development": after.last_development.value
                if after.last_development
                else None,
                "last_development_date": after.last_development_date.iso()
                if after.last_development_date
                else None,
                "held_since": after.held_since.iso() if after.held_since else None,
                "released_on": released.iso() if released else None,
                "last_consular_visit": after.last_consular_visit.iso()
                if after.last_consular_visit
                else None,
                "developments": len(live),
                "sources": len({s for k in live for s in k.sources}),
                "updated_position": event.position,
            },
        )
        if self.on_change is not None and not replaying:
            self.on_change(
                conn,
                CaseChange(
                    case=definition.key,
                    name=definition.name,
                    position=event.position,
                    event=domain_event,
                    before=before,
                    after=after,
                    state=state,
                    backfill=bool(event.metadata.get("backfill")),
                ),
            )
