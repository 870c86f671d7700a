"""Pure decisions: which events a case file or an article's developments call for.

A development is recorded once per (case, type, date window); later reports
of it add their source and, when more precise, refine its date. Deciding
against the stream's current state (and appending with its version) makes
re-ingesting an article a no-op and two racing ingesters safe.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from monitor.domain.cases import Case, Group
from monitor.domain.dates import PartialDate, compatible, parse_optional
from monitor.domain.developments import RECURRING, Development, DevelopmentType
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


@dataclass
class KnownDevelopment:
    """A development as its case stream knows it."""

    id: str
    type: DevelopmentType
    date: PartialDate | None
    outcome: str | None
    detail: str | None
    sources: list[str] = field(default_factory=list)
    retracted: bool = False
    # How often each date was reported (undated reports are not counted).
    reported: Counter[str] = field(default_factory=Counter)
    # The sources again, for constant-time look-ups: a development in a prominent
    # case can be reported by thousands of articles.
    _source_set: set[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._source_set = set(self.sources)

    def has_source(self, article_id: str) -> bool:
        return article_id in self._source_set

    def add_source(self, article_id: str) -> None:
        self.sources.append(article_id)
        self._source_set.add(article_id)


@dataclass
class CaseState:
    """A case stream folded: its definition and its developments."""

    definition: Case | None = None
    developments: dict[str, KnownDevelopment] = field(default_factory=dict)
    version: int = 0
    # Reports per source across live developments, kept as events arrive so that the
    # number of distinct sources costs nothing however long the case's history.
    _live_sources: Counter[str] = field(default_factory=Counter)
    # Developments still shared with the state this one was forked from (copy on write).
    _borrowed: set[str] = field(default_factory=set)

    @property
    def source_count(self) -> int:
        """Distinct articles behind the case's live (not retracted) developments."""
        return len(self._live_sources)

    def fork(self) -> CaseState:
        """A copy to decide against: each development is copied only when the fork changes
        it. The per-source counts are still copied whole (one entry per distinct source)."""
        return CaseState(
            self.definition,
            dict(self.developments),
            self.version,
            Counter(self._live_sources),
            set(self.developments),
        )

    def _own(self, development_id: str) -> KnownDevelopment:
        known = self.developments[development_id]
        if development_id in self._borrowed:
            known = replace(known, sources=list(known.sources), reported=Counter(known.reported))
            self.developments[development_id] = known
            self._borrowed.discard(development_id)
        return known

    def apply(self, event: DomainEvent) -> None:
        self.version += 1
        if isinstance(event, CaseOpened | CaseRedefined):
            self.definition = Case(
                event.key, event.name, event.aliases, event.held_by, event.citizenship
            )
        elif isinstance(event, DevelopmentRecorded):
            self.developments[event.development_id] = KnownDevelopment(
                event.development_id,
                DevelopmentType(event.type),
                parse_optional(event.date),
                event.outcome,
                event.detail,
                [event.source.article_id],
                reported=Counter([event.date] if event.date else []),
            )
            self._live_sources[event.source.article_id] += 1
        elif isinstance(event, DevelopmentCorroborated):
            known = self._own(event.development_id)
            known.add_source(event.source.article_id)
            if not known.retracted:
                self._live_sources[event.source.article_id] += 1
            if event.reported_date:
                known.reported[event.reported_date] += 1
            if event.refined_date:
                known.date = PartialDate.parse(event.refined_date)
        elif isinstance(event, DevelopmentRetracted):
            known = self._own(event.development_id)
            if not known.retracted:
                known.retracted = True
                self._live_sources.subtract(known.sources)
                for source in set(known.sources):
                    if self._live_sources[source] <= 0:
                        del self._live_sources[source]


def fold_case(events: Iterable[DomainEvent]) -> CaseState:
    state = CaseState()
    for event in events:
        state.apply(event)
    return state


@dataclass(frozen=True)
class Decision:
    """An event to append, with the idempotency key that makes its append safe to repeat."""

    event: DomainEvent
    idempotency_key: str


def _hash(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:32]


def decide_case(state: CaseState, case: Case) -> list[Decision]:
    """Open a new case, redefine a changed one, or nothing when the file says what we know."""
    fields = (case.key, case.name, case.aliases, case.held_by, case.citizenship)
    if state.definition is None:
        return [Decision(CaseOpened(*fields), f"case:{case.key}:opened")]
    if state.definition == case:
        return []
    return [Decision(CaseRedefined(*fields), f"case:{case.key}:redefined@{state.version}")]


def decide_group(current: GroupDefined | None, group: Group, version: int) -> list[Decision]:
    event = GroupDefined(group.key, group.aliases, group.members)
    if current == event:
        return []
    return [Decision(event, f"group:{group.key}:defined@{version}")]


def same_window(kind: DevelopmentType, a: PartialDate | None, b: PartialDate | None) -> bool:
    """Whether two reported dates can be one development of this type."""
    if a is None and b is None:
        return True
    if a is None or b is None:
        # An undated report merges into a one-off development (one detention,
        # one release) but never into a dated visit or call: those recur.
        return kind not in RECURRING
    if compatible(a, b):
        return True
    # News in different time zones is a day apart about one-off events.
    return (
        kind not in RECURRING
        and a.day is not None
        and b.day is not None
        and abs((a.first_day() - b.first_day()).days) <= 1
    )


def _qualifier_clash(x: str | None, y: str | None) -> bool:
    return x is not None and y is not None and x != y


def match(state: CaseState, report: Development) -> KnownDevelopment | None:
    """The recorded development this report is about, if any (retracted ones included)."""
    candidates = [
        k
        for k in state.developments.values()
        if k.type is report.type
        and same_window(report.type, k.date, report.date)
        and not _qualifier_clash(k.outcome, report.outcome)
        and not _qualifier_clash(k.detail, report.detail)
    ]
    if not candidates:
        return None
    # Prefer an exact date, then a live one, then the most precise.
    return max(
        candidates,
        key=lambda k: (k.date == report.date, not k.retracted, len(k.date.iso()) if k.date else 0),
    )


def canonical_date(counts: Counter[str]) -> PartialDate | None:
    """A development's date from all its reports, whatever their order: the most precise,
    then the most often reported, then the earliest."""
    if not counts:
        return None
    best = min(counts, key=lambda iso: (-len(iso), -counts[iso], iso))
    return PartialDate.parse(best)


def development_id(case: str, report: Development, article_id: str) -> str:
    date = report.date.iso() if report.date else "-"
    return _hash(case, report.type.value, date, report.detail or "", article_id)


def decide_report(state: CaseState, report: Development, source: Source) -> list[Decision]:
    """Record a new development, corroborate a known one, or nothing if this article is known."""
    known = match(state, report)
    if known is None:
        dev_id = development_id(report.case, report, source.article_id)
        event: DomainEvent = DevelopmentRecorded(
            development_id=dev_id,
            case=report.case,
            type=report.type.value,
            date=report.date.iso() if report.date else None,
            evidence=report.evidence,
            confidence=round(report.confidence, 4),
            rule=report.rule,
            source=source,
            outcome=report.outcome,
            detail=report.detail,
        )
        return [Decision(event, f"dev:{dev_id}:recorded")]
    if known.has_source(source.article_id):
        return []
    best = canonical_date(known.reported + Counter([report.date.iso()] if report.date else []))
    refined = best.iso() if best is not None and best != known.date else None
    event = DevelopmentCorroborated(
        development_id=known.id,
        case=report.case,
        source=source,
        evidence=report.evidence,
        confidence=round(report.confidence, 4),
        refined_date=refined,
        reported_date=report.date.iso() if report.date else None,
    )
    return [Decision(event, f"dev:{known.id}:source:{_hash(source.article_id)}")]


def decide_reports(
    state: CaseState, reports: Sequence[Development], source: Source
) -> list[Decision]:
    """Decide several reports of one article in order, each seeing the ones before it."""
    work = state.fork()
    decisions: list[Decision] = []
    for report in reports:
        for decision in decide_report(work, report, source):
            decisions.append(decision)
            work.apply(decision.event)
    return decisions


def decide_retraction(state: CaseState, development: str, reason: str) -> list[Decision]:
    known = state.developments.get(development)
    if known is None:
        raise KeyError(development)
    if known.retracted:
        return []
    case = state.definition.key if state.definition else ""
    return [
        Decision(
            DevelopmentRetracted(development, case, reason),
            f"dev:{development}:retracted",
        )
    ]
