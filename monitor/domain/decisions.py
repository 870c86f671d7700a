"""Pure decisions a person makes about recorded developments: confirm, reject, correct,
retract (in `recording`) and un-retract. Each returns the events to append, or none when
the development already stands as asked, so repeating a decision appends nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from monitor.domain.dates import PartialDate, parse_optional
from monitor.domain.developments import DevelopmentType
from monitor.domain.events import (
    DevelopmentConfirmed,
    DevelopmentCorrected,
    DevelopmentCorroborated,
    DevelopmentRecorded,
    DevelopmentRejected,
    DevelopmentUnretracted,
    DomainEvent,
    Source,
)
from monitor.domain.recording import CaseState, Decision, KnownDevelopment, _hash
from monitor.domain.review import Review

OUTCOMES = frozenset({"guilty", "acquitted", "filed", "upheld", "overturned", "reduced"})


class DecisionError(ValueError):
    """A decision that does not apply to the development as it stands, worded for one line."""


def _known(state: CaseState, development: str) -> KnownDevelopment:
    known = state.developments.get(development)
    if known is None:
        raise KeyError(development)
    if known.moved:
        raise DecisionError(f"development {development} was moved to another case")
    return known


def _case(state: CaseState) -> str:
    return state.definition.key if state.definition else ""


def decide_confirm(
    state: CaseState, development: str, by: str, at: str, note: str | None = None
) -> list[Decision]:
    """A proposal (or a rejected one, on second thoughts) becomes accepted."""
    known = _known(state, development)
    if known.retracted:
        raise DecisionError(f"development {development} is retracted: un-retract it instead")
    if known.review is Review.ACCEPTED:
        return []
    event = DevelopmentConfirmed(development, _case(state), by, at, note)
    return [Decision(event, f"dev:{development}:confirmed@{state.version}")]


def decide_reject(
    state: CaseState, development: str, reason: str, by: str, at: str
) -> list[Decision]:
    """A proposal is wrong: it never counts. An accepted development is retracted instead."""
    known = _known(state, development)
    if known.review is Review.REJECTED:
        return []
    if known.review is Review.ACCEPTED or known.retracted:
        raise DecisionError(f"development {development} is accepted: retract it instead")
    event = DevelopmentRejected(development, _case(state), by, at, reason)
    return [Decision(event, f"dev:{development}:rejected@{state.version}")]


def decide_unretract(
    state: CaseState, development: str, reason: str, by: str, at: str
) -> list[Decision]:
    """Reverse a retraction: the development counts again as it stood."""
    known = _known(state, development)
    if not known.retracted:
        return []
    event = DevelopmentUnretracted(development, _case(state), reason, by, at)
    return [Decision(event, f"dev:{development}:unretracted@{state.version}")]


@dataclass(frozen=True)
class Correction:
    """What a person changes; None leaves a field as it is. `date` "" means no known date."""

    type: str | None = None
    date: str | None = None
    outcome: str | None = None
    detail: str | None = None
    case: str | None = None


def validate(correction: Correction) -> None:
    """Reject values the contract does not know, before anything is appended."""
    if correction.type is not None and correction.type not in {t.value for t in DevelopmentType}:
        raise DecisionError(f"unknown development type {correction.type!r}")
    if correction.date:
        try:
            PartialDate.parse(correction.date)
        except ValueError:
            raise DecisionError(
                f"not a date: {correction.date!r} (YYYY, YYYY-MM or YYYY-MM-DD)"
            ) from None
    if correction.outcome is not None and correction.outcome not in OUTCOMES:
        raise DecisionError(f"unknown outcome {correction.outcome!r}")


def decide_correct(
    state: CaseState, development: str, correction: Correction, reason: str, by: str, at: str
) -> list[Decision]:
    """The development takes the corrected values and counts; nothing if nothing changes."""
    validate(correction)
    known = _known(state, development)
    if known.retracted:
        raise DecisionError(f"development {development} is retracted: un-retract it first")
    kind = correction.type or known.type.value
    date = known.date.iso() if known.date else None
    if correction.date is not None:
        date = correction.date or None
    outcome = correction.outcome if correction.outcome is not None else known.outcome
    detail = correction.detail if correction.detail is not None else known.detail
    moved_to = correction.case if correction.case not in (None, _case(state)) else None
    unchanged = (
        kind == known.type.value
        and parse_optional(date) == known.date
        and outcome == known.outcome
        and detail == known.detail
        and moved_to is None
    )
    if unchanged and known.review is Review.ACCEPTED:
        return []
    event = DevelopmentCorrected(
        development, _case(state), by, at, reason, kind, date, outcome, detail, moved_to
    )
    return [Decision(event, f"dev:{development}:corrected@{state.version}")]


@dataclass(frozen=True)
class Report:
    """One article's report of a development, as its events hold it."""

    source: Source
    evidence: str
    confidence: float


def decide_arrival(
    target: CaseState, corrected: DevelopmentCorrected, reports: Sequence[Report], rule: str
) -> list[Decision]:
    """The events that bring a development moved by `corrected` into its new case:
    recorded (accepted, as a person placed it) with its first report, then its other reports."""
    if not reports or corrected.moved_to is None:
        return []
    new_id = _hash(corrected.moved_to, corrected.development_id, "moved")
    if new_id in target.developments:
        return []
    first, *rest = reports
    events: list[tuple[DomainEvent, str]] = [
        (
            DevelopmentRecorded(
                development_id=new_id,
                case=corrected.moved_to,
                type=corrected.type,
                date=corrected.date,
                evidence=first.evidence,
                confidence=first.confidence,
                rule=rule,
                source=first.source,
                outcome=corrected.outcome,
                detail=corrected.detail,
                moved_from=corrected.development_id,
            ),
            f"dev:{new_id}:recorded",
        )
    ]
    for report in rest:
        events.append(
            (
                DevelopmentCorroborated(
                    development_id=new_id,
                    case=corrected.moved_to,
                    source=report.source,
                    evidence=report.evidence,
                    confidence=report.confidence,
                ),
                f"dev:{new_id}:source:{_hash(report.source.article_id)}",
            )
        )
    return [Decision(event, key) for event, key in events]
