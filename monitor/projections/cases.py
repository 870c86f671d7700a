"""The case projectors: definitions, the deduplicated timeline, and status.

Status is recomputed from the whole case stream on every development event
(via the pure fold), so it follows the developments' own dates whatever
order they arrived in, and a replay yields the same rows as incremental work.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert, select, update

from monitor.domain.events import (
    CaseOpened,
    CaseRedefined,
    DevelopmentConfirmed,
    DevelopmentCorrected,
    DevelopmentCorroborated,
    DevelopmentRecorded,
    DevelopmentRejected,
    DevelopmentRetracted,
    DevelopmentUnretracted,
    DomainEvent,
    GroupDefined,
    Source,
)
from monitor.domain.recording import CaseState, KnownDevelopment
from monitor.domain.status import CaseStatus, Fact, fold
from monitor.store.codec import decode
from monitor.store.events import EventStore, StoredEvent
from monitor.store.schema import (
    case_definitions,
    case_status,
    case_timeline,
    development_sources,
)
from monitor.store.snapshots import load_state
from monitor.store.sources import live_source_count


def _chunks(values: Sequence[Any], size: int = 500) -> list[Sequence[Any]]:
    return [values[i : i + size] for i in range(0, len(values), size)]


def _update_rows(conn: Connection, table: Table, key: str, rows: Sequence[dict[str, Any]]) -> None:
    """UPDATE rows (all with the same columns) by `key`, in one executemany."""
    if not rows:
        return
    columns = [name for name in rows[0] if name != key]
    # Bound names differ from the column names, as an UPDATE's SET clause requires.
    conn.execute(
        update(table)
        .where(table.c[key] == bindparam(f"v_{key}"))
        .values({name: bindparam(f"v_{name}") for name in columns}),
        [{f"v_{k}": v for k, v in row.items()} for row in rows],
    )


def _upsert_rows(conn: Connection, table: Table, key: str, rows: Sequence[dict[str, Any]]) -> None:
    """Write rows keyed by `key`: one INSERT of the new ones, one UPDATE of the rest.

    Per-row statements cost more to build than to run; a rebuild writes each
    case's status once per batch, so this is what keeps it linear in events.
    """
    keys = [row[key] for row in rows]
    existing: set[Any] = set()
    for i in range(0, len(keys), 500):
        chunk = keys[i : i + 500]
        existing.update(conn.execute(select(table.c[key]).where(table.c[key].in_(chunk))).scalars())
    fresh = [row for row in rows if row[key] not in existing]
    if fresh:
        conn.execute(insert(table), fresh)
    _update_rows(conn, table, key, [row for row in rows if row[key] in existing])


class DefinitionsProjector:
    """case_definitions: the current name, aliases and members of every case and group."""

    name = "case_definitions"
    tables: Sequence[Table] = (case_definitions,)

    def __init__(self) -> None:
        self._pending: dict[str, dict[str, Any]] = {}

    def apply(self, conn: Connection, event: StoredEvent, *, replaying: bool) -> None:
        if event.type not in (CaseOpened.TYPE, CaseRedefined.TYPE, GroupDefined.TYPE):
            return
        e = decode(event)
        if isinstance(e, CaseOpened | CaseRedefined):
            self._pending[e.key] = {
                "key": e.key,
                "name": e.name,
                "aliases": list(e.aliases),
                "held_by": e.held_by,
                "citizenship": list(e.citizenship),
                "is_group": False,
                "members": [],
            }
        elif isinstance(e, GroupDefined):
            self._pending[e.key] = {
                "key": e.key,
                "name": e.aliases[0] if e.aliases else e.key,
                "aliases": list(e.aliases),
                "held_by": "",
                "citizenship": [],
                "is_group": True,
                "members": list(e.members),
            }

    def flush(self, conn: Connection) -> None:
        _upsert_rows(conn, case_definitions, "key", list(self._pending.values()))
        self._pending.clear()

    def reset(self) -> None:
        self._pending.clear()


def _source_label(source: Source) -> str:
    return source.url or source.article_id


class TimelineProjector:
    """case_timeline: one row per development, with its source count and first/last source
    (every source is a row of `development_sources`, written with the event).

    Rows touched in a batch are kept in memory and written once at `flush`, in
    the batch's transaction: a development corroborated many times in a batch
    costs one UPDATE, not one per report. Recently used rows stay cached across
    batches while this projector has applied every event since (positions are
    gapless, so a jump means another instance wrote in between).
    """

    name = "case_timeline"
    tables: Sequence[Table] = (case_timeline,)
    cache_size = 10_000

    def __init__(self) -> None:
        self._rows: dict[str, dict[str, Any]] = {}  # least recently used first
        self._new: set[str] = set()
        self._dirty: set[str] = set()
        self._through: int | None = None

    def reset(self) -> None:
        self._rows.clear()
        self._new.clear()
        self._dirty.clear()
        self._through = None

    def _row(self, conn: Connection, development_id: str) -> dict[str, Any]:
        row = self._rows.pop(development_id, None)
        if row is None:
            found = conn.execute(
                select(case_timeline).where(case_timeline.c.development_id == development_id)
            ).one()
            row = dict(found._mapping)
        self._rows[development_id] = row
        self._dirty.add(development_id)
        return row

    def apply(self, conn: Connection, event: StoredEvent, *, replaying: bool) -> None:
        if self._through is None or event.position != self._through + 1:
            # Rows cached from earlier batches may be stale; this batch's own stay.
            keep = self._dirty | self._new
            self._rows = {k: v for k, v in self._rows.items() if k in keep}
        self._through = event.position
        if event.type == DevelopmentRecorded.TYPE:
            e = decode(event)
            assert isinstance(e, DevelopmentRecorded)
            occurred = e.occurred()
            self._rows[e.development_id] = {
                "development_id": e.development_id,
                "case_key": e.case,
                "type": e.type,
                "date": e.date,
                "date_precision": occurred.precision.value if occurred else None,
                "outcome": e.outcome,
                "detail": e.detail,
                "evidence": e.evidence,
                "confidence": e.confidence,
                "rule": e.rule,
                "source_count": 1,
                "first_source": _source_label(e.source),
                "last_source": _source_label(e.source),
                "first_recorded_position": event.position,
                "retracted": False,
                "first_recorded_at": event.recorded_at,
                "updated_at": event.recorded_at,
                "review": e.review,
                "review_reason": e.review_reason,
                "decision": None,
                "decided_by": None,
                "decided_at": None,
                "decision_reason": None,
            }
            self._new.add(e.development_id)
        elif event.type == DevelopmentCorroborated.TYPE:
            c = decode(event)
            assert isinstance(c, DevelopmentCorroborated)
            row = self._row(conn, c.development_id)
            row["source_count"] += 1
            row["last_source"] = _source_label(c.source)
            row["confidence"] = max(row["confidence"], c.confidence)
            refined = c.occurred()
            if refined is not None:
                row.update(date=refined.iso(), date_precision=refined.precision.value)
            if c.accepts and row["review"] == "proposed":
                row["review"] = "accepted"
        elif event.type in _DECISIONS:
            self._decided(conn, decode(event))
        touched = event.data.get("development_id")
        if touched in self._dirty:
            # Whatever changed the row (a corroboration, a correction) moves its `updated` time.
            self._rows[touched]["updated_at"] = event.recorded_at

    def _decided(self, conn: Connection, e: DomainEvent) -> None:
        """A person's decision: the row's review state, values, and who decided, when, why."""
        assert isinstance(
            e,
            DevelopmentRetracted
            | DevelopmentUnretracted
            | DevelopmentConfirmed
            | DevelopmentRejected
            | DevelopmentCorrected,
        )
        row = self._row(conn, e.development_id)
        row.update(decided_by=e.by, decided_at=e.at)
        if isinstance(e, DevelopmentRetracted):
            row.update(retracted=True, decision="retracted", decision_reason=e.reason)
        elif isinstance(e, DevelopmentUnretracted):
            row.update(retracted=False, decision="unretracted", decision_reason=e.reason)
        elif isinstance(e, DevelopmentConfirmed):
            row.update(review="accepted", decision="confirmed", decision_reason=e.note)
        elif isinstance(e, DevelopmentRejected):
            row.update(review="rejected", decision="rejected", decision_reason=e.reason)
        else:
            occurred = e.occurred()
            row.update(
                type=e.type,
                date=e.date,
                date_precision=occurred.precision.value if occurred else None,
                outcome=e.outcome,
                detail=e.detail,
                review="accepted",
                decision="moved" if e.moved_to else "corrected",
                retracted=e.moved_to is not None,
                decision_reason=e.reason,
            )

    def flush(self, conn: Connection) -> None:
        new = [self._rows[key] for key in self._new]
        if new:
            conn.execute(insert(case_timeline), new)
        changed = [self._rows[key] for key in self._dirty - self._new]
        _update_rows(conn, case_timeline, "development_id", changed)
        self._new.clear()
        self._dirty.clear()
        for key in list(self._rows)[: max(0, len(self._rows) - self.cache_size)]:
            del self._rows[key]


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
    # The accepted facts after the event (None: the event left them as they were), so
    # that alerts can replay a batch's developments in the order of their own dates.
    facts: tuple[Fact, ...] | None = None
    # For a person's decision: the development as it stood before it.
    was: KnownDevelopment | None = None


ChangeHook = Callable[[Connection, CaseChange], None]

_DECISIONS = (
    DevelopmentRetracted.TYPE,
    DevelopmentUnretracted.TYPE,
    DevelopmentConfirmed.TYPE,
    DevelopmentRejected.TYPE,
    DevelopmentCorrected.TYPE,
)

status_log = logging.getLogger("monitor.status")


def logging_changes(hook: ChangeHook | None) -> ChangeHook:
    """`hook`, after a log line for each change of a case's status (the daemon's news)."""

    def on_change(conn: Connection, change: CaseChange) -> None:
        before, after = change.before.status, change.after.status
        if before != after:
            date = change.after.status_date.iso() if change.after.status_date else "no date"
            status_log.info(
                "case %s: status %s -> %s (%s)%s",
                change.case,
                before.value if before else "none",
                after.value if after else "none",
                date,
                " [backfill]" if change.backfill else "",
            )
        if hook is not None:
            hook(conn, change)

    # The wrapped hook's end-of-batch `flush` (the outbox writes a batch's status alerts
    # there, in date order) must survive the wrapping, or no status alert is written.
    flush = getattr(hook, "flush", None)
    if flush is not None:
        on_change.flush = flush  # type: ignore[attr-defined]
    return on_change


_CASE_EVENTS = (
    CaseOpened.TYPE,
    CaseRedefined.TYPE,
    DevelopmentRecorded.TYPE,
    DevelopmentCorroborated.TYPE,
    *_DECISIONS,
)


def facts(state: CaseState) -> list[Fact]:
    """The developments that count towards status: accepted, not retracted."""
    return state.accepted_facts()


def _status_row(state: CaseState, after: CaseStatus, position: int, sources: int) -> dict[str, Any]:
    definition = state.definition
    assert definition is not None
    live = [k for k in state.developments.values() if k.live]
    released = after.status_date if after.status and after.status.value == "released" else None

    def iso(d: Any) -> str | None:
        return d.iso() if d is not None else None

    return {
        "name": definition.name,
        "held_by": definition.held_by,
        "status": after.status.value if after.status else None,
        "status_date": iso(after.status_date),
        "last_development": after.last_development.value if after.last_development else None,
        "last_development_date": iso(after.last_development_date),
        "held_since": iso(after.held_since),
        "released_on": iso(released),
        "last_consular_visit": iso(after.last_consular_visit),
        "developments": len(live),
        "sources": sources,
        "updated_position": position,
        "proposals": state.proposals,
    }


def _is_live(state: CaseState, development: str | None) -> bool:
    known = state.developments.get(development) if development else None
    return known is not None and known.live


class StatusProjector:
    """case_status: each case's status by the fold, plus counts; hands changes to a hook.

    The hook (the alert outbox) runs in the same transaction as the row it
    describes, so no status changes without its alerts, and no alert exists
    for a change that did not commit. Nothing is handed on while replaying.
    A hook with a `flush(conn)` method is also called at each flush, so it can
    write what it gathered over a batch (one review digest per poll).
    """

    name = "case_status"
    tables: Sequence[Table] = (case_status,)
    cache_size = 2_000

    def __init__(self, store: EventStore, on_change: ChangeHook | None = None) -> None:
        self.store = store
        self.on_change = on_change
        self._cache: dict[str, CaseState] = {}
        self._folded: dict[str, CaseStatus] = {}
        # Per case, what to write at flush: its state, its fold (None while replaying: folded
        # once at flush, not after every event), the last event's position.
        self._pending: dict[str, tuple[CaseState, CaseStatus | None, int]] = {}
        # This batch's reports of live developments (case, article, development, position),
        # and the cases whose sources a retraction changed: for the source counts at flush.
        self._reports: list[tuple[str, str, str, int]] = []
        self._recount: set[str] = set()

    def reset(self) -> None:
        self._cache.clear()
        self._folded.clear()
        self._pending.clear()
        self._reports.clear()
        self._recount.clear()

    def flush(self, conn: Connection) -> None:
        counts = self._source_counts(conn)
        rows = [
            {
                "case_key": key,
                **_status_row(
                    state, after if after is not None else fold(facts(state)), position, counts[key]
                ),
            }
            for key, (state, after, position) in self._pending.items()
        ]
        _upsert_rows(conn, case_status, "case_key", rows)
        self._pending.clear()
        self._reports.clear()
        self._recount.clear()
        flush_hook = getattr(self.on_change, "flush", None)
        if flush_hook is not None:
            flush_hook(conn)

    def _source_counts(self, conn: Connection) -> dict[str, int]:
        """Each pending case's distinct live sources after this batch.

        Holding every case's sources in memory would grow without bound, and counting them
        afresh would cost a famous case's whole history per batch. So the count moves on from
        the stored row: a report adds one when its article stood behind no live development
        of the case before it (asked of the source index, once per batch). A retraction, which
        is rare, recounts its case from the index.
        """
        keys = list(self._pending)
        counts = dict.fromkeys(keys, 0)
        for chunk in _chunks(keys):
            rows = conn.execute(
                select(case_status.c.case_key, case_status.c.sources).where(
                    case_status.c.case_key.in_(chunk)
                )
            )
            counts.update((row.case_key, row.sources) for row in rows)
        for key, (state, _, position) in self._pending.items():
            if key in self._recount:
                counts[key] = live_source_count(conn, key, position, state.not_live())
        reports = [r for r in self._reports if r[0] not in self._recount]
        if not reports:
            return counts
        first = reports[0][3]
        behind: dict[tuple[str, str], set[str]] = defaultdict(set)
        for chunk in _chunks(sorted({article for _, article, _, _ in reports})):
            for case, article, development in conn.execute(
                select(
                    development_sources.c.case_key,
                    development_sources.c.article_id,
                    development_sources.c.development_id,
                ).where(
                    development_sources.c.article_id.in_(chunk),
                    development_sources.c.position < first,
                )
            ):
                pending = self._pending.get(case)
                if pending is not None and _is_live(pending[0], development):
                    behind[case, article].add(development)
        for case, article, development, _ in reports:
            live = behind[case, article]
            if not live:
                counts[case] += 1
            live.add(development)
        return counts

    def _state_before(self, conn: Connection, event: StoredEvent) -> CaseState:
        state = self._cache.pop(event.stream, None)
        if state is None or state.version != event.version - 1:
            if event.version == 1:
                return CaseState()  # a new stream: nothing earlier to read
            # The newest decision snapshot before this event, and the events after it.
            state = load_state(self.store, conn, event.stream, event.version - 1)
            self._folded.pop(event.stream, None)
        return state

    def _remember(self, stream: str, state: CaseState, folded: CaseStatus | None) -> None:
        """Keep at most `cache_size` case states, least recently used first out."""
        self._cache[stream] = state
        if folded is None:
            self._folded.pop(stream, None)
        else:
            self._folded[stream] = folded
        if len(self._cache) > self.cache_size:
            oldest = next(iter(self._cache))
            del self._cache[oldest]
            self._folded.pop(oldest, None)

    def _note_sources(
        self,
        key: str,
        state: CaseState,
        e: DomainEvent,
        development: str | None,
        was_live: bool,
        position: int,
    ) -> None:
        """Remember what the event did to the case's live sources, for the counts at flush."""
        is_live = _is_live(state, development)
        if was_live != is_live and not isinstance(e, DevelopmentRecorded):
            # A decision (retract, confirm, reject, correct) or an accepting report changed
            # whether a development counts: rare, so its case is counted afresh.
            self._recount.add(key)
        elif is_live and isinstance(e, DevelopmentRecorded | DevelopmentCorroborated):
            self._reports.append((key, e.source.article_id, e.development_id, position))

    def apply(self, conn: Connection, event: StoredEvent, *, replaying: bool) -> None:
        if event.type not in _CASE_EVENTS or not event.stream.startswith("case:"):
            return
        state = self._state_before(conn, event)
        domain_event = decode(event)
        development = getattr(domain_event, "development_id", None)
        was_live = _is_live(state, development)
        if replaying:
            # No hook sees a replay, so the status is folded once per case, at flush.
            state.apply(domain_event)
            self._remember(event.stream, state, None)
            if state.definition is not None:
                key = state.definition.key
                self._pending[key] = (state, None, event.position)
                self._note_sources(key, state, domain_event, development, was_live, event.position)
            return
        cached = self._folded.pop(event.stream, None)
        before = cached if cached is not None else fold(facts(state))
        was = None
        if event.type in _DECISIONS and self.on_change is not None:
            known = state.developments.get(str(event.data.get("development_id")))
            was = replace(known) if known is not None else None
        state.apply(domain_event)
        # A corroboration that refines no date and accepts nothing leaves every fact, so
        # the status, as it was.
        unchanged = isinstance(domain_event, DevelopmentCorroborated) and not (
            domain_event.refined_date or domain_event.accepts
        )
        live = None if unchanged else facts(state)
        after = before if live is None else fold(live)
        self._remember(event.stream, state, after)
        definition = state.definition
        if definition is None:
            return
        self._pending[definition.key] = (state, after, event.position)
        self._note_sources(
            definition.key, state, domain_event, development, was_live, event.position
        )
        if self.on_change is not None:
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
                    facts=None if live is None else tuple(live),
                    was=was,
                ),
            )
