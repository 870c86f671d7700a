"""Use case: a person reviews developments: list, show, confirm, reject, correct, retract,
un-retract, and export the decisions as labelled data.

The CLI and the web pages call these plain functions. Each decision is decided against
the case stream's current state (pure functions in `monitor.domain.decisions`) and
appended under the store's write lock, so it is an event like any other: projections,
alerts and rebuilds follow from it.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from monitor.domain.decisions import (
    Correction,
    DecisionError,
    Report,
    decide_arrival,
    decide_confirm,
    decide_correct,
    decide_reject,
    decide_unretract,
)
from monitor.domain.events import (
    DevelopmentCorrected,
    DevelopmentCorroborated,
    DevelopmentRecorded,
    Metadata,
    case_stream,
)
from monitor.domain.labels import gold_lines
from monitor.domain.recording import CaseState, Decision, decide_retraction
from monitor.store.codec import decode, encode
from monitor.store.events import EventStore, lock_for_append
from monitor.store.schema import articles, case_definitions, case_status, case_timeline
from monitor.store.schema import events as events_table
from monitor.store.snapshots import load_state
from monitor.store.sources import sources_of_developments

__all__ = [
    "Correction",
    "DecisionError",
    "DecisionResult",
    "Desk",
    "Export",
    "UnknownDevelopment",
    "cases_toml",
    "confirm",
    "correct",
    "default_reviewer",
    "export",
    "proposals",
    "reject",
    "retract",
    "show",
    "unretract",
]


class UnknownDevelopment(LookupError):
    """No development with that id (or id prefix), or more than one."""


@dataclass(frozen=True)
class DecisionResult:
    """What one decision did: the development, its case, and how many events it appended."""

    development: str
    case: str
    appended: int


def default_reviewer() -> str:
    """Who decides when `--by` is not given: the login name."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER") or "unknown"


def _now_iso(now: dt.datetime | None) -> str:
    return (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")


def resolve(conn: Connection, development: str) -> tuple[str, str]:
    """(development id, case) for a full id or a unique prefix of one."""
    if not development:
        raise UnknownDevelopment("no development id given")
    query = select(case_timeline.c.development_id, case_timeline.c.case_key)
    exact = conn.execute(query.where(case_timeline.c.development_id == development)).first()
    if exact is not None:
        return str(exact.development_id), str(exact.case_key)
    found = list(
        conn.execute(query.where(case_timeline.c.development_id.startswith(development)).limit(2))
    )
    if len(found) != 1:
        what = "no development" if not found else "more than one development"
        raise UnknownDevelopment(f"{what} with id {development!r} (see `monitor review list`)")
    return str(found[0].development_id), str(found[0].case_key)


def _state(store: EventStore, conn: Connection, case: str) -> CaseState:
    """The case's state: its newest decision snapshot and the events after it."""
    return load_state(store, conn, case_stream(case))


def _append(
    store: EventStore, conn: Connection, case: str, state: CaseState, decisions: Sequence[Decision]
) -> int:
    if not decisions:
        return 0
    meta = Metadata(causation="review")
    new = [encode(d.event, d.idempotency_key, meta) for d in decisions]
    stored = store.append_in(conn, case_stream(case), new, expected_version=state.version)
    return sum(1 for s in stored if s.version > state.version)


def _decide_each(store: EventStore, ids: Iterable[str], decide: Any) -> list[DecisionResult]:
    """Resolve each id, decide against its case's state and append, all in one transaction."""
    results = []
    with store.db.write() as conn:
        lock_for_append(conn)
        for given in ids:
            development, case = resolve(conn, given)
            state = _state(store, conn, case)
            try:
                decisions = decide(state, development)
            except KeyError:
                raise UnknownDevelopment(f"case {case!r} has no development {given!r}") from None
            results.append(
                DecisionResult(development, case, _append(store, conn, case, state, decisions))
            )
    return results


def confirm(
    store: EventStore,
    ids: Sequence[str],
    *,
    by: str | None = None,
    note: str | None = None,
    now: dt.datetime | None = None,
) -> list[DecisionResult]:
    """Confirm proposals: each then counts towards status and alerts like an accepted one."""
    who, at = by or default_reviewer(), _now_iso(now)
    return _decide_each(store, ids, lambda s, d: decide_confirm(s, d, who, at, note))


def reject(
    store: EventStore,
    ids: Sequence[str],
    *,
    reason: str,
    by: str | None = None,
    now: dt.datetime | None = None,
) -> list[DecisionResult]:
    """Reject proposals: they never count; their sources and the reason are kept."""
    return _with_reason(store, ids, reason, by, now, "a rejection needs a reason", decide_reject)


def retract(
    store: EventStore,
    ids: Sequence[str],
    *,
    reason: str,
    by: str | None = None,
    now: dt.datetime | None = None,
) -> list[DecisionResult]:
    """Retract developments (accepted or not): projections drop them; reversible."""
    return _with_reason(
        store, ids, reason, by, now, "a retraction needs a reason", decide_retraction
    )


def unretract(
    store: EventStore,
    ids: Sequence[str],
    *,
    reason: str,
    by: str | None = None,
    now: dt.datetime | None = None,
) -> list[DecisionResult]:
    """Reverse retractions: each development counts again as it stood before."""
    return _with_reason(
        store, ids, reason, by, now, "reversing a retraction needs a reason", decide_unretract
    )


def _with_reason(
    store: EventStore,
    ids: Sequence[str],
    reason: str,
    by: str | None,
    now: dt.datetime | None,
    missing: str,
    decide: Callable[[CaseState, str, str, str, str], list[Decision]],
) -> list[DecisionResult]:
    """A decision that must say why (reject, retract, reverse a retraction), for each id."""
    if not reason.strip():
        raise DecisionError(missing)
    who, at = by or default_reviewer(), _now_iso(now)
    return _decide_each(store, ids, lambda s, d: decide(s, d, reason, who, at))


def _reports(store: EventStore, conn: Connection, case: str, development: str) -> list[Report]:
    """Every article's report of one development, in the order they arrived."""
    reports = []
    for stored in store.read_stream_in(conn, case_stream(case)):
        if stored.data.get("development_id") != development:
            continue
        event = decode(stored)
        if isinstance(event, DevelopmentRecorded | DevelopmentCorroborated):
            reports.append(Report(event.source, event.evidence, event.confidence))
    return reports


def correct(
    store: EventStore,
    development: str,
    correction: Correction,
    *,
    reason: str,
    by: str | None = None,
    now: dt.datetime | None = None,
) -> DecisionResult:
    """Correct a development's type, date, outcome or detail, or move it to another case
    (with all its sources); it then counts as a person placed it."""
    if not reason.strip():
        raise DecisionError("a correction needs a reason")
    who, at = by or default_reviewer(), _now_iso(now)
    with store.db.write() as conn:
        lock_for_append(conn)
        development, case = resolve(conn, development)
        state = _state(store, conn, case)
        target = CaseState()
        if correction.case and correction.case != case:
            target = _state(store, conn, correction.case)
            if target.definition is None:
                raise DecisionError(f"no case {correction.case!r} to move the development to")
        decisions = decide_correct(state, development, correction, reason, who, at)
        appended = _append(store, conn, case, state, decisions)
        for decision in decisions:
            event = decision.event
            if isinstance(event, DevelopmentCorrected) and event.moved_to:
                arrival = decide_arrival(
                    target,
                    event,
                    _reports(store, conn, case, development),
                    rule=f"review:moved-from:{case}",
                )
                appended += _append(store, conn, event.moved_to, target, arrival)
    return DecisionResult(development, case, appended)


# --- reading ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProposalFilter:
    """Which proposals `proposals` lists: by case, type and age (time since recorded)."""

    case: str | None = None
    type: str | None = None
    older_than: dt.timedelta | None = None
    newer_than: dt.timedelta | None = None
    states: tuple[str, ...] = ("proposed",)


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)  # SQLite keeps no zone; only UTC is written
    return value


def _row(r: Any) -> dict[str, Any]:
    return {
        "id": r.development_id,
        "case": r.case_key,
        "type": r.type,
        "date": r.date,
        "outcome": r.outcome,
        "detail": r.detail,
        "confidence": r.confidence,
        "review": r.review,
        "reason": r.review_reason,
        "sources": r.source_count,
        "evidence": r.evidence,
        "first_source": r.first_source,
        "recorded_at": _iso(_aware(r.first_recorded_at)),
        "retracted": r.retracted,
        "decision": r.decision,
        "decided_by": r.decided_by,
        "decided_at": r.decided_at,
        "decision_reason": r.decision_reason,
    }


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def proposals(
    conn: Connection, where: ProposalFilter | None = None, *, now: dt.datetime | None = None
) -> list[dict[str, Any]]:
    """Developments waiting for review (or in `where.states`), oldest first."""
    where = where or ProposalFilter()
    now = now or dt.datetime.now(dt.UTC)
    query = select(case_timeline).where(
        case_timeline.c.review.in_(where.states), case_timeline.c.retracted.is_(False)
    )
    if where.case:
        query = query.where(case_timeline.c.case_key == where.case)
    if where.type:
        query = query.where(case_timeline.c.type == where.type)
    if where.older_than is not None:
        query = query.where(case_timeline.c.first_recorded_at <= now - where.older_than)
    if where.newer_than is not None:
        query = query.where(case_timeline.c.first_recorded_at >= now - where.newer_than)
    rows = conn.execute(query.order_by(case_timeline.c.first_recorded_position))
    return [_row(r) for r in rows]


def show(store: EventStore, conn: Connection, development: str) -> dict[str, Any]:
    """One development with every report of it: evidence, source and confidence each."""
    development, case = resolve(conn, development)
    row = conn.execute(
        select(case_timeline).where(case_timeline.c.development_id == development)
    ).one()
    detail = _row(row)
    detail["reports"] = [
        {
            "article": r.source.article_id,
            "url": r.source.url,
            "title": r.source.title,
            "published": r.source.published,
            "evidence": r.evidence,
            "confidence": r.confidence,
        }
        for r in _reports(store, conn, case, development)
    ]
    return detail


class Desk:
    """The review use case as the web pages' review desk (`monitor.web.context.ReviewDesk`):
    the queue with each proposal's sources, counts per case, and decisions."""

    def __init__(self, store: EventStore) -> None:
        self.store = store

    def proposals(self, conn: Connection, case: str | None = None) -> list[dict[str, Any]]:
        query = (
            select(case_timeline, case_status.c.name.label("case_name"))
            .join(case_status, case_status.c.case_key == case_timeline.c.case_key, isouter=True)
            .where(case_timeline.c.review == "proposed", case_timeline.c.retracted.is_(False))
        )
        if case:
            query = query.where(case_timeline.c.case_key == case)
        rows = list(conn.execute(query.order_by(case_timeline.c.first_recorded_position)))
        sources = sources_of_developments(conn, [r.development_id for r in rows])
        return [
            {
                "development": r.development_id,
                "case": r.case_key,
                "name": r.case_name or r.case_key,
                "type": r.type,
                "outcome": r.outcome,
                "detail": r.detail,
                "date": r.date,
                "confidence": r.confidence,
                "why": r.review_reason,
                "evidence": r.evidence,
                "sources": sources.get(r.development_id, []),
                "recorded_at": _iso(_aware(r.first_recorded_at)),
            }
            for r in rows
        ]

    def waiting(self, conn: Connection) -> dict[str, int]:
        rows = conn.execute(
            select(case_status.c.case_key, case_status.c.proposals).where(
                case_status.c.proposals > 0
            )
        )
        return {r.case_key: int(r.proposals) for r in rows}

    def decide(self, decision: Any) -> int:
        """One decision on a proposal from a page or API client (`action`, `development`,
        `by`, `reason`, `changes`): the number of events appended. Pages decide proposals
        only; accepted developments are retracted with `monitor review retract`."""
        with self.store.db.read() as conn:
            development, _ = resolve(conn, decision.development)
            review = conn.execute(
                select(case_timeline.c.review).where(case_timeline.c.development_id == development)
            ).scalar_one()
        if review != "proposed":
            raise UnknownDevelopment(f"no proposal {decision.development!r} waits for review")
        ids = [development]
        if decision.action == "confirm":
            results = confirm(self.store, ids, by=decision.by, note=decision.reason)
        elif decision.action == "reject":
            results = reject(self.store, ids, reason=decision.reason or "", by=decision.by)
        elif decision.action == "correct":
            changes = dict(decision.changes)
            results = [
                correct(
                    self.store,
                    decision.development,
                    Correction(**{k: changes.get(k) for k in Correction.__dataclass_fields__}),
                    reason=decision.reason or "corrected on the review page",
                    by=decision.by,
                )
            ]
        else:
            raise DecisionError(f"no review action {decision.action!r}")
        return sum(r.appended for r in results)


# --- labelled data ------------------------------------------------------------------------


@dataclass(frozen=True)
class Export:
    """The desk's decisions as gold lines, with the articles and cases they refer to."""

    lines: list[dict[str, Any]]
    articles: list[dict[str, Any]]
    cases: list[dict[str, Any]]


def export(store: EventStore) -> Export:
    """Gold lines for every article behind a decision (see `monitor.domain.labels`), the
    articles in `monitor extract`'s input format, and the cases they name."""
    with store.db.read() as conn:
        streams = sorted(
            conn.execute(
                select(events_table.c.stream).where(events_table.c.stream.like("case:%")).distinct()
            ).scalars()
        )
        labels = gold_lines(
            (stream.removeprefix("case:"), [decode(e) for e in store.read_stream_in(conn, stream)])
            for stream in streams
        )
        lines, ids = labels.lines, labels.articles
        found: list[dict[str, Any]] = []
        for chunk in range(0, len(ids), 500):
            rows = conn.execute(
                select(
                    articles.c.id,
                    articles.c.url,
                    articles.c.title,
                    articles.c.published,
                    articles.c.text,
                ).where(articles.c.id.in_(ids[chunk : chunk + 500]))
            )
            found.extend(dict(r._mapping) for r in rows)
        named = {line["case"] for line in lines}
        cases = [
            {
                "key": r.key,
                "name": r.name,
                "aliases": list(r.aliases),
                "held_by": r.held_by,
                "citizenship": list(r.citizenship),
            }
            for r in conn.execute(
                select(case_definitions).where(
                    case_definitions.c.key.in_(sorted(named)),
                    case_definitions.c.is_group.is_(False),
                )
            )
        ]
    found.sort(key=lambda a: a["id"])
    cases.sort(key=lambda c: c["key"])
    return Export(lines, found, cases)


def cases_toml(cases: Iterable[dict[str, Any]]) -> str:
    """Case definitions in the contract's TOML (strings as JSON, which TOML reads the same)."""
    out = []
    for case in cases:
        out.append("[[case]]")
        out.append(f"key = {json.dumps(case['key'])}")
        out.append(f"name = {json.dumps(case['name'], ensure_ascii=False)}")
        out.append(f"aliases = {json.dumps(case['aliases'], ensure_ascii=False)}")
        if case.get("held_by"):
            out.append(f"held_by = {json.dumps(case['held_by'])}")
        out.append(f"citizenship = {json.dumps(case['citizenship'])}")
        out.append("")
    return "\n".join(out)
