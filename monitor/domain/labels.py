"""A desk's decisions as labelled data: gold lines in the format of the evaluation set
(`../shared/eval/news/gold.jsonl`), so its corrections measure and train its classifier.

For every article behind a development a person decided about, one line per development
that article reports as the desk now holds it: decided ones are required, the article's
other (undecided) developments optional, and rejected, retracted or moved ones left out,
which makes a classifier that still finds them pay a false positive.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from monitor.domain.events import (
    DECISION_TYPES,
    DevelopmentConfirmed,
    DevelopmentCorrected,
    DevelopmentCorroborated,
    DevelopmentRecorded,
    DevelopmentRejected,
    DevelopmentRetracted,
    DevelopmentUnretracted,
    DomainEvent,
)
from monitor.domain.recording import CaseState
from monitor.domain.review import Review

# The gold format's keys, in its order.
GOLD_KEYS = ("article", "case", "type", "date", "optional", "evidence", "note")


@dataclass
class _Reports:
    """What one case stream says about its developments' reports and decisions."""

    state: CaseState = field(default_factory=CaseState)
    # (development, article) -> the evidence that article gave, in arrival order.
    evidence: dict[tuple[str, str], str] = field(default_factory=dict)
    # development -> the last decision's note ("confirmed by desk: checked").
    decided: dict[str, str] = field(default_factory=dict)
    # development -> the articles that reported it, in arrival order.
    sources: dict[str, list[str]] = field(default_factory=dict)


def _note(event: DomainEvent) -> str:
    if isinstance(event, DevelopmentConfirmed):
        return f"confirmed by {event.by}" + (f": {event.note}" if event.note else "")
    if isinstance(event, DevelopmentCorrected):
        return f"corrected by {event.by}: {event.reason}"
    if isinstance(event, DevelopmentRejected):
        return f"rejected by {event.by}: {event.reason}"
    if isinstance(event, DevelopmentRetracted):
        return f"retracted by {event.by or 'someone'}: {event.reason}"
    if isinstance(event, DevelopmentUnretracted):
        return f"retraction reversed by {event.by}: {event.reason}"
    return "decided"


def _read(events: Iterable[DomainEvent]) -> _Reports:
    reports = _Reports()
    for event in events:
        reports.state.apply(event)
        if isinstance(event, DevelopmentRecorded | DevelopmentCorroborated):
            key = (event.development_id, event.source.article_id)
            if key not in reports.evidence:
                reports.evidence[key] = event.evidence
                reports.sources.setdefault(event.development_id, []).append(key[1])
            if isinstance(event, DevelopmentRecorded) and event.moved_from:
                reports.decided[event.development_id] = f"moved here from {event.moved_from}"
        elif isinstance(event, DECISION_TYPES):
            reports.decided[str(getattr(event, "development_id", ""))] = _note(event)
    return reports


@dataclass(frozen=True)
class Labels:
    """Gold lines, and every article a person reviewed (some have no line: all rejected)."""

    lines: list[dict[str, Any]]
    articles: list[str]


def gold_lines(streams: Iterable[tuple[str, Iterable[DomainEvent]]]) -> Labels:
    """Gold lines from every case stream's events ((case key, events) pairs)."""
    cases = {key: _read(events) for key, events in streams}
    reviewed_articles: set[str] = set()
    for reports in cases.values():
        for dev in reports.decided:
            reviewed_articles.update(reports.sources.get(dev, []))
    lines: dict[tuple[str, str, str, str | None], dict[str, Any]] = {}
    for case, reports in sorted(cases.items()):
        for known in reports.state.developments.values():
            counts = known.live or (
                known.review is Review.PROPOSED and not known.retracted and not known.moved
            )
            if not counts:
                continue
            decided = known.id in reports.decided and known.live
            date = known.date.iso() if known.date else None
            for article in reports.sources.get(known.id, []):
                if article not in reviewed_articles:
                    continue
                line = {
                    "article": article,
                    "case": case,
                    "type": known.type.value,
                    "date": date,
                    "optional": not decided,
                    "evidence": reports.evidence.get((known.id, article), ""),
                    "note": reports.decided[known.id] if decided else "not reviewed",
                }
                key = (article, case, known.type.value, date)
                if key not in lines or lines[key]["optional"]:
                    lines[key] = line
    ordered = sorted(lines.values(), key=lambda g: (g["article"], g["case"], g["type"]))
    return Labels(ordered, sorted(reviewed_articles))
