"""Which alerts a projector batch's case changes raise: pure decisions, no I/O.

- Status: the batch's new developments of a case are replayed in the order of their own
  dates, so each real change of status is one alert (a poll carrying a charge, a verdict
  and a release says `charged`, `convicted`, `released`, not only `released`).
- Types (`on = ["consular_visit"]`): a development of that type once it is accepted
  (recorded as accepted, confirmed, or made accepted by a confident report).
- Corrections: whoever heard of a development hears once of its correction, retraction or
  the reversal of a retraction, with what changed and why (and the new status, if any).
- Review (`on = ["review"]`): one digest per batch of the new proposals, not one each.

Proposals raise nothing but the digest. Every development in a payload carries its
confidence, review state and all sources known so far.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from monitor.domain.developments import STAGE, status_set_by
from monitor.domain.events import (
    DevelopmentConfirmed,
    DevelopmentCorrected,
    DevelopmentCorroborated,
    DevelopmentRecorded,
    DevelopmentRejected,
    DevelopmentRetracted,
    DevelopmentUnretracted,
    DomainEvent,
)
from monitor.domain.recording import KnownDevelopment
from monitor.domain.review import Review
from monitor.domain.status import Fact, fold
from monitor.projections.cases import CaseChange

ADDITIVE = (DevelopmentRecorded, DevelopmentCorroborated, DevelopmentConfirmed)
CORRECTIONS = (DevelopmentCorrected, DevelopmentRetracted, DevelopmentUnretracted)


class Subscriber(Protocol):
    """What the decisions need of a stored subscription."""

    @property
    def id(self) -> str: ...

    @property
    def since_position(self) -> int: ...

    @property
    def on(self) -> list[str]: ...

    def covers(self, case: str) -> bool: ...


@dataclass(frozen=True)
class Alert:
    """An alert to write to the outbox; its id is deterministic, so writing it twice is one."""

    id: str
    subscription: str
    kind: str
    case: str
    position: int
    payload: dict[str, Any]
    development: str | None = None


def alert_id(subscription: str, kind: str, case: str, key: str) -> str:
    return hashlib.sha256(f"{subscription}|{kind}|{case}|{key}".encode()).hexdigest()[:32]


def development_id(event: DomainEvent) -> str | None:
    value = getattr(event, "development_id", None)
    return value if isinstance(value, str) else None


def is_additive(change: CaseChange) -> bool:
    """Whether the event only adds to what counts (a report, a confirmation)."""
    return isinstance(change.event, ADDITIVE)


def _source(source: Any) -> dict[str, Any]:
    return {k: v for k, v in vars(source).items() if v is not None}


def development_view(
    change: CaseChange, development: str, sources: Sequence[Mapping[str, Any]] | None = None
) -> dict[str, Any] | None:
    """A development as alerts describe it: values, confidence, review, every source."""
    known = change.state.developments.get(development)
    if known is None:
        return None
    event = change.event
    evidence = getattr(event, "evidence", None)
    source = getattr(event, "source", None)
    view: dict[str, Any] = {
        "id": development,
        "type": known.type.value,
        "date": known.date.iso() if known.date else None,
        "outcome": known.outcome,
        "detail": known.detail,
        "confidence": known.confidence,
        "review": known.review.value,
    }
    if evidence is not None:
        view["evidence"] = evidence
    if source is not None:
        view["source"] = _source(source)
    view["sources"] = list(sources) if sources else ([_source(source)] if source else [])
    return view


def _hears(sub: Subscriber, change: CaseChange) -> bool:
    return change.position > sub.since_position and sub.covers(change.case)


@dataclass(frozen=True)
class Step:
    """One change of status within a batch, and the report that caused it."""

    old: str | None
    new: str | None
    status_date: str | None
    change: CaseChange
    development: str | None
    sequence: int


def _order(fact: Fact) -> tuple[bool, tuple[int, ...], int]:
    status = status_set_by(fact.type, fact.outcome)
    stage = STAGE[status] if status else -1
    return (fact.date is None, fact.date.sort_key() if fact.date else (), stage)


def _makes_count(event: DomainEvent) -> str | None:
    """The development an event may newly make count: a first report or a decision, not a
    repeated report of one that already counts. A development that counted before the batch
    stays in the base of the replay, or adding an older report before it would show the
    case's status falling back to nothing and coming back."""
    if isinstance(event, DevelopmentCorroborated) and not event.accepts:
        return None
    return development_id(event)


def status_steps(changes: Sequence[CaseChange]) -> list[Step]:
    """The status changes a batch of one case's additive changes makes, in date order.

    The developments the batch touched are added to the others one at a time, in the
    order of their own dates; every change of the folded status is a step. Sequences
    are the batch's event positions in order, so alerts sort as the steps happened.
    """
    if not changes:
        return []
    final = next((c.facts for c in reversed(changes) if c.facts is not None), None)
    start = changes[0].before.status
    end = changes[-1].after.status
    if final is None or (start == end and all(c.after.status == start for c in changes)):
        return []
    touched = {d for c in changes if (d := _makes_count(c.event)) is not None}
    base = [f for f in final if f.id not in touched]
    added = sorted((f for f in final if f.id in touched), key=_order)
    last_change = {development_id(c.event): c for c in changes}
    positions = sorted(c.position for c in changes)
    steps: list[Step] = []
    current = start
    facts = list(base)
    for fact in added:
        facts.append(fact)
        folded = fold(facts)
        if folded.status != current:
            steps.append(
                Step(
                    current.value if current else None,
                    folded.status.value if folded.status else None,
                    folded.status_date.iso() if folded.status_date else None,
                    last_change.get(fact.id, changes[-1]),
                    fact.id,
                    positions[min(len(steps), len(positions) - 1)],
                )
            )
            current = folded.status
    if current != end:  # what replaying cannot explain still ends where the fold ends
        after = changes[-1].after
        steps.append(
            Step(
                current.value if current else None,
                end.value if end else None,
                after.status_date.iso() if after.status_date else None,
                changes[-1],
                development_id(changes[-1].event),
                positions[-1],
            )
        )
    # Two steps never share a sequence: a batch of n events makes at most n steps.
    return [s for i, s in enumerate(steps) if i == 0 or s.sequence > steps[i - 1].sequence]


def _base(change: CaseChange, sequence: int, development: dict[str, Any] | None) -> dict[str, Any]:
    # `sequence` orders a case's alerts, as delivery may not.
    return {
        "case": change.case,
        "name": change.name,
        "sequence": sequence,
        "development": development,
    }


def status_alerts(
    steps: Sequence[Step],
    subs: Iterable[Subscriber],
    sources: Mapping[str, Sequence[Mapping[str, Any]] | None],
    skip: Mapping[str, set[str]] | None = None,
) -> list[Alert]:
    """One alert per step for each subscription that asks for status changes."""
    out = []
    for step in steps:
        dev = step.development
        view = development_view(step.change, dev, sources.get(dev or "")) if dev else None
        for sub in subs:
            if "status" not in sub.on or not _hears(sub, step.change):
                continue
            if skip and sub.id in skip.get(dev or "", set()):
                continue  # told in a correction instead
            aid = alert_id(sub.id, "status", step.change.case, str(step.sequence))
            payload = {
                **_base(step.change, step.sequence, view),
                "type": "status_changed",
                "old_status": step.old,
                "new_status": step.new,
                "status_date": step.status_date,
            }
            out.append(Alert(aid, sub.id, "status", step.change.case, step.sequence, payload, dev))
    return out


def newly_accepted(change: CaseChange) -> KnownDevelopment | None:
    """The development this event made count, if it did."""
    event = change.event
    dev = development_id(event)
    known = change.state.developments.get(dev or "")
    if known is None or not known.live:
        return None
    if isinstance(event, DevelopmentRecorded) and event.review == Review.ACCEPTED.value:
        return known
    if isinstance(event, DevelopmentCorroborated) and event.accepts:
        return known
    if isinstance(event, DevelopmentConfirmed | DevelopmentCorrected | DevelopmentUnretracted):
        return known
    return None


def type_alerts(
    change: CaseChange,
    subs: Iterable[Subscriber],
    sources: Sequence[Mapping[str, Any]] | None,
    skip: set[str] = frozenset(),  # type: ignore[assignment]
) -> list[Alert]:
    """Alerts for subscriptions to this development's type, once it counts."""
    known = newly_accepted(change)
    if known is None:
        return []
    kind = known.type.value
    view = development_view(change, known.id, sources)
    out = []
    for sub in subs:
        if kind not in sub.on or not _hears(sub, change) or sub.id in skip:
            continue
        aid = alert_id(sub.id, kind, change.case, str(change.position))
        payload = {**_base(change, change.position, view), "type": "development"}
        payload["development_type"] = kind
        out.append(Alert(aid, sub.id, kind, change.case, change.position, payload, known.id))
    return out


def _what_changed(was: KnownDevelopment | None, now: KnownDevelopment | None) -> dict[str, Any]:
    if was is None or now is None:
        return {}
    fields: dict[str, tuple[Any, Any]] = {
        "type": (was.type.value, now.type.value),
        "date": (was.date.iso() if was.date else None, now.date.iso() if now.date else None),
        "outcome": (was.outcome, now.outcome),
        "detail": (was.detail, now.detail),
        "counts": (was.live, now.live),
    }
    return {k: {"was": a, "now": b} for k, (a, b) in fields.items() if a != b}


def correction_alerts(
    change: CaseChange,
    alerted: set[str],
    subs: Iterable[Subscriber],
    sources: Sequence[Mapping[str, Any]] | None,
) -> list[Alert]:
    """A correction for each subscription that heard of this development before."""
    event = change.event
    if not isinstance(event, CORRECTIONS):
        return []
    dev = event.development_id
    known = change.state.developments.get(dev)
    action = {
        DevelopmentCorrected: "moved" if getattr(event, "moved_to", None) else "corrected",
        DevelopmentRetracted: "retracted",
        DevelopmentUnretracted: "unretracted",
    }[type(event)]
    before = change.before.status.value if change.before.status else None
    after = change.after.status.value if change.after.status else None
    out = []
    for sub in subs:
        if sub.id not in alerted or not sub.covers(change.case):
            continue
        aid = alert_id(sub.id, "correction", change.case, str(change.position))
        payload = {
            **_base(change, change.position, development_view(change, dev, sources)),
            "type": "correction",
            "action": action,
            "reason": event.reason,
            "by": event.by,
            "at": event.at,
            "changed": _what_changed(change.was, known),
            "moved_to": getattr(event, "moved_to", None),
            "old_status": before,
            "new_status": after,
            "status_date": change.after.status_date.iso() if change.after.status_date else None,
        }
        out.append(Alert(aid, sub.id, "correction", change.case, change.position, payload, dev))
    return out


def review_digest(changes: Sequence[CaseChange], subs: Iterable[Subscriber]) -> list[Alert]:
    """One alert per subscription to `review`, listing the batch's new proposals it covers."""
    proposed = [
        c
        for c in changes
        if isinstance(c.event, DevelopmentRecorded) and c.event.review == Review.PROPOSED.value
    ]
    out = []
    for sub in subs:
        if "review" not in sub.on:
            continue
        mine = [c for c in proposed if _hears(sub, c)]
        if not mine:
            continue
        items = []
        for c in mine:
            e = c.event
            assert isinstance(e, DevelopmentRecorded)
            items.append(
                {
                    "case": c.case,
                    "name": c.name,
                    "id": e.development_id,
                    "type": e.type,
                    "date": e.date,
                    "confidence": e.confidence,
                    "reason": e.review_reason,
                    "evidence": e.evidence,
                    "source": _source(e.source),
                }
            )
        cases = sorted({c.case for c in mine})
        case = cases[0] if len(cases) == 1 else "*"
        first, last = mine[0].position, mine[-1].position
        aid = alert_id(sub.id, "review", case, f"{first}-{last}")
        payload = {
            "type": "review",
            "case": case,
            "name": mine[0].name if len(cases) == 1 else f"{len(cases)} cases",
            "sequence": last,
            "count": len(items),
            "proposals": items,
        }
        out.append(Alert(aid, sub.id, "review", case, last, payload))
    return out


def rejected(change: CaseChange) -> bool:
    return isinstance(change.event, DevelopmentRejected)
