"""Pure decisions: which events a case file or an article's developments call for.

A development is recorded once per (case, type, date window); later reports
of it add their source and, when more precise, refine its date. Deciding
against the stream's current state (and appending with its version) makes
re-ingesting an article a no-op and two racing ingesters safe.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from monitor.domain.cases import Case, Group
from monitor.domain.dates import PartialDate, compatible, parse_optional
from monitor.domain.developments import (
    RECURRING,
    STAGE,
    Development,
    DevelopmentType,
    status_set_by,
)
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
from monitor.domain.review import (
    MAX_WIDE_COVERAGE,
    Coverage,
    Review,
    ReviewPolicy,
    as_news,
    assess,
    held,
    outlet,
)
from monitor.domain.status import Fact, fold


@dataclass
class KnownDevelopment:
    """A development as its case stream knows it: what matching, dating and review need, and
    no sources (a development in a prominent case can have thousands; they live in the
    store's source index, and a decision asks it about one article)."""

    id: str
    type: DevelopmentType
    date: PartialDate | None
    outcome: str | None
    detail: str | None
    retracted: bool = False
    review: Review = Review.ACCEPTED
    confidence: float = 0.0
    # Moved to another case by a correction: it no longer belongs here.
    moved: bool = False
    # A person set the date: later reports no longer refine it.
    date_fixed: bool = False
    # How often each date was reported (undated reports are not counted).
    reported: Counter[str] = field(default_factory=Counter)
    # The outlets that reported it as news, each with its most confident report: what the
    # corroboration rule asks of a proposal (at most NEWS_OUTLETS of them are kept).
    outlets: dict[str, float] = field(default_factory=dict)

    def note_outlet(self, source: Source, date: str | None, confidence: float) -> None:
        """Remember the outlet of a report that gives `date`, if it is news of it."""
        name = outlet(source.url)
        if name is None or (name not in self.outlets and len(self.outlets) >= NEWS_OUTLETS):
            return
        if not as_news(parse_optional(date), source.published):
            return
        self.outlets[name] = max(self.outlets.get(name, 0.0), confidence)

    @property
    def live(self) -> bool:
        """Whether it counts: accepted, not retracted, not moved away."""
        return self.review is Review.ACCEPTED and not self.retracted and not self.moved

    def fact(self) -> Fact:
        return Fact(self.id, self.type, self.date, self.outcome)


# Bounds on what a state keeps of its coverage: a second outlet is all a proposal needs, and
# `[review] wide_coverage` is at most MAX_WIDE_COVERAGE.
NEWS_OUTLETS = 8
CASE_OUTLETS = MAX_WIDE_COVERAGE


@dataclass
class CaseState:
    """A case stream folded: its definition and its developments (bounded by the number of
    developments, not of reports)."""

    definition: Case | None = None
    developments: dict[str, KnownDevelopment] = field(default_factory=dict)
    version: int = 0
    # The outlets that have reported on the case (at most CASE_OUTLETS of them).
    outlets: set[str] = field(default_factory=set)
    # Developments still shared with the state this one was forked from (copy on write).
    _borrowed: set[str] = field(default_factory=set)
    # The development ids of each type, in the order of `developments` (built on first use):
    # matching a report looks at its type only, so a case with hundreds of developments of
    # other types costs no more to match against.
    _types: dict[DevelopmentType, list[str]] | None = field(default=None, repr=False, compare=False)

    def of_type(self, kind: DevelopmentType) -> list[KnownDevelopment]:
        """The developments of one type, in the order they were recorded."""
        types = self._types
        if types is None:
            types = self._types = {}
            for k in self.developments.values():
                types.setdefault(k.type, []).append(k.id)
        return [self.developments[i] for i in types.get(kind, ())]

    def not_live(self) -> list[str]:
        """The ids of developments that do not count (retracted, not accepted, moved away)."""
        return [k.id for k in self.developments.values() if not k.live]

    def accepted_facts(self, excluding: str | None = None) -> list[Fact]:
        """The live developments as the status fold sees them."""
        return [k.fact() for k in self.developments.values() if k.live and k.id != excluding]

    @property
    def proposals(self) -> int:
        """How many developments wait for a person."""
        return sum(
            1
            for k in self.developments.values()
            if k.review is Review.PROPOSED and not k.retracted and not k.moved
        )

    def fork(self) -> CaseState:
        """A copy to decide against: each development is copied only when the fork changes it."""
        if self._types is None:
            self.of_type(DevelopmentType.DETAINED)  # build the index once, for every fork
        assert self._types is not None
        return CaseState(
            self.definition,
            dict(self.developments),
            self.version,
            set(self.outlets),
            set(self.developments),
            {kind: list(ids) for kind, ids in self._types.items()},
        )

    def _own(self, development_id: str) -> KnownDevelopment:
        known = self.developments[development_id]
        if development_id in self._borrowed:
            known = replace(known, reported=Counter(known.reported), outlets=dict(known.outlets))
            self.developments[development_id] = known
            self._borrowed.discard(development_id)
        return known

    def _change(self, development_id: str, change: Callable[[KnownDevelopment], None]) -> None:
        """Change one development (a copy, if it is still shared with the forked state)."""
        change(self._own(development_id))

    def apply(self, event: DomainEvent) -> None:
        self.version += 1
        if isinstance(event, CaseOpened | CaseRedefined):
            self.definition = Case(
                event.key, event.name, event.aliases, event.held_by, event.citizenship
            )
        elif isinstance(event, DevelopmentRecorded):
            if self._types is not None:
                if event.development_id in self.developments:
                    self._types = None  # recorded again (never, with idempotent keys): rebuild
                else:
                    self._types.setdefault(DevelopmentType(event.type), []).append(
                        event.development_id
                    )
            self.developments[event.development_id] = KnownDevelopment(
                event.development_id,
                DevelopmentType(event.type),
                parse_optional(event.date),
                event.outcome,
                event.detail,
                reported=Counter([event.date] if event.date else []),
                review=Review(event.review),
                confidence=event.confidence,
                date_fixed=event.moved_from is not None,
            )
            self.developments[event.development_id].note_outlet(
                event.source, event.date, event.confidence
            )
            self._covered_by(event.source)
        elif isinstance(event, DevelopmentCorroborated):
            self._corroborate(event)
        elif isinstance(event, DevelopmentRetracted):
            self._change(event.development_id, lambda k: setattr(k, "retracted", True))
        elif isinstance(event, DevelopmentUnretracted):
            self._change(event.development_id, lambda k: setattr(k, "retracted", False))
        elif isinstance(event, DevelopmentConfirmed):
            self._change(event.development_id, lambda k: setattr(k, "review", Review.ACCEPTED))
        elif isinstance(event, DevelopmentRejected):
            self._change(event.development_id, lambda k: setattr(k, "review", Review.REJECTED))
        elif isinstance(event, DevelopmentCorrected):
            self._change(event.development_id, lambda k: _corrected(k, event))
            self._types = None  # the type may have changed

    def _covered_by(self, source: Source) -> None:
        name = outlet(source.url)
        if name is not None and len(self.outlets) < CASE_OUTLETS:
            self.outlets.add(name)

    def _corroborate(self, event: DevelopmentCorroborated) -> None:
        known = self._own(event.development_id)
        known.confidence = max(known.confidence, event.confidence)
        if event.reported_date:
            known.reported[event.reported_date] += 1
        known.note_outlet(event.source, event.reported_date, event.confidence)
        self._covered_by(event.source)
        if event.refined_date:
            known.date = PartialDate.parse(event.refined_date)
        if event.accepts and known.review is Review.PROPOSED:
            self._change(event.development_id, lambda k: setattr(k, "review", Review.ACCEPTED))


def _corrected(known: KnownDevelopment, event: DevelopmentCorrected) -> None:
    known.type = DevelopmentType(event.type)
    known.date = parse_optional(event.date)
    known.outcome = event.outcome
    known.detail = event.detail
    known.review = Review.ACCEPTED
    known.date_fixed = True
    known.moved = event.moved_to is not None


# The layout of a stored snapshot; a change here must bump it, and older snapshots are
# then ignored (the state is folded from the events again).
SNAPSHOT_FORMAT = 3


def to_snapshot(state: CaseState) -> dict[str, Any]:
    """The state as JSON-ready data (see SNAPSHOT_FORMAT)."""
    d = state.definition
    return {
        "version": state.version,
        "outlets": sorted(state.outlets),
        "definition": None
        if d is None
        else [d.key, d.name, list(d.aliases), d.held_by, list(d.citizenship)],
        "developments": [
            [
                k.id,
                k.type.value,
                k.date.iso() if k.date else None,
                k.outcome,
                k.detail,
                k.retracted,
                dict(k.reported),
                k.review.value,
                k.confidence,
                k.moved,
                k.date_fixed,
                k.outlets,
            ]
            for k in state.developments.values()
        ],
    }


def from_snapshot(data: dict[str, Any]) -> CaseState:
    """The state `to_snapshot` wrote."""
    d = data["definition"]
    definition = None if d is None else Case(d[0], d[1], tuple(d[2]), d[3], tuple(d[4]))
    developments = {
        dev_id: KnownDevelopment(
            dev_id,
            DevelopmentType(kind),
            parse_optional(date),
            outcome,
            detail,
            retracted,
            Review(review),
            confidence,
            moved,
            date_fixed,
            Counter(reported),
            dict(outlets),
        )
        for (
            dev_id,
            kind,
            date,
            outcome,
            detail,
            retracted,
            reported,
            review,
            confidence,
            moved,
            date_fixed,
            outlets,
        ) in data["developments"]
    }
    return CaseState(definition, developments, int(data["version"]), set(data["outlets"]))


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
    """The recorded development this report is about, if any (retracted and rejected ones
    included, so a report of a rejected proposal does not propose it again)."""
    candidates = [
        k
        for k in state.of_type(report.type)
        if not k.moved
        and same_window(report.type, k.date, report.date)
        and not _qualifier_clash(k.outcome, report.outcome)
        and not _qualifier_clash(k.detail, report.detail)
        # A person rejected an undated claim, not every dated report of its type to come.
        and not (k.review is Review.REJECTED and k.date is None and report.date is not None)
    ]
    if not candidates:
        return None
    # Prefer an exact date, then a live one, then the most precise.
    return max(
        candidates,
        key=lambda k: (k.date == report.date, k.live, len(k.date.iso()) if k.date else 0),
    )


def current_detention(state: CaseState) -> KnownDevelopment | None:
    """The detention a held person is held under: a report of an arrest while the person is
    held is that same detention (one arrest, one detention), not a new custody period.

    Held means the accepted developments leave the person in custody, or nothing is
    accepted yet and an arrest waits for review: then that proposed arrest is the one.
    """
    accepted = state.accepted_facts()
    if held(accepted):
        candidates = [k for k in state.developments.values() if k.live]
    elif not accepted or fold(accepted).status is None:
        candidates = [
            k
            for k in state.developments.values()
            if k.review is Review.PROPOSED and not k.retracted and not k.moved
        ]
    else:
        return None
    detentions = [k for k in candidates if k.type is DevelopmentType.DETAINED]
    if not detentions:
        return None
    return max(detentions, key=lambda k: (k.date is not None, k.date.sort_key() if k.date else ()))


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


def decide_report(
    state: CaseState,
    report: Development,
    source: Source,
    policy: ReviewPolicy | None = None,
    *,
    sourced: Collection[str] = (),
) -> list[Decision]:
    """Record a new development, corroborate a known one, or nothing if this article is
    already among its sources (`sourced`: the developments the article is a source of).

    A new development is proposed rather than accepted when the review rule says so
    (`monitor.domain.review.assess`).
    """
    policy = policy or ReviewPolicy()
    known = match(state, report)
    custody = False
    if known is None and report.type is DevelopmentType.DETAINED:
        known = current_detention(state)
        custody = known is not None
    coverage = Coverage(outlets=len(state.outlets | _named(outlet(source.url))))
    if known is None:
        assessment = assess(
            report.type,
            report.outcome,
            report.date,
            report.confidence,
            state.accepted_facts(),
            policy,
            coverage,
        )
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
            review=assessment.review.value,
            review_reason=assessment.reason,
        )
        return [Decision(event, f"dev:{dev_id}:recorded")]
    if known.id in sourced:
        return []
    reported = report.date.iso() if report.date and not custody else None
    refined = None
    if reported is not None and not known.date_fixed:
        best = canonical_date(known.reported + Counter([reported]))
        refined = best.iso() if best is not None and best != known.date else None
    accepts = False
    if known.review is Review.PROPOSED and not known.retracted:
        date = PartialDate.parse(refined) if refined else known.date
        accepts = (
            assess(
                known.type,
                known.outcome,
                date,
                report.confidence,
                state.accepted_facts(excluding=known.id),
                policy,
                replace(
                    coverage,
                    corroborated=_corroborates(known, reported, report.confidence, source, policy),
                ),
            ).review
            is Review.ACCEPTED
        )
    event = DevelopmentCorroborated(
        development_id=known.id,
        case=report.case,
        source=source,
        evidence=report.evidence,
        confidence=round(report.confidence, 4),
        refined_date=refined,
        reported_date=reported,
        accepts=accepts,
        custody=custody,
    )
    return [Decision(event, f"dev:{known.id}:source:{_hash(source.article_id)}")]


def _named(name: str | None) -> set[str]:
    return set() if name is None else {name}


def _corroborates(
    known: KnownDevelopment,
    reported: str | None,
    confidence: float,
    source: Source,
    policy: ReviewPolicy,
) -> bool:
    """Whether this report (of the date `reported`, as its event records it), with one already
    known, makes two outlets that report the development as news, each at least as sure as
    `[review] second_source`."""
    bar = max(policy.threshold, policy.second_source)
    name = outlet(source.url)
    if name is None or confidence < bar:
        return False
    if not as_news(parse_optional(reported), source.published):
        return False
    return any(other != name and sure >= bar for other, sure in known.outlets.items())


def in_date_order(reports: Iterable[Development]) -> list[Development]:
    """Reports ordered by their own dates (undated last, stages in order within a date),
    so that each status a batch moves a case through is a change of its own."""

    def key(report: Development) -> tuple[bool, tuple[int, ...], int]:
        status = status_set_by(report.type, report.outcome)
        stage = STAGE[status] if status is not None else -1
        return (report.date is None, report.date.sort_key() if report.date else (), stage)

    return sorted(reports, key=key)


def decide_reports(
    state: CaseState,
    reports: Sequence[Development],
    source: Source,
    policy: ReviewPolicy | None = None,
    *,
    sourced: Collection[str] = (),
) -> list[Decision]:
    """Decide several reports of one article in date order, each seeing the ones before it.

    `sourced` names the developments the article is already a source of (asked of the
    store's source index, under the append lock), so re-deciding an article appends nothing.
    """
    work = state.fork()
    seen = set(sourced)
    decisions: list[Decision] = []
    for report in in_date_order(reports):
        for decision in decide_report(work, report, source, policy, sourced=seen):
            decisions.append(decision)
            work.apply(decision.event)
            if isinstance(decision.event, DevelopmentRecorded | DevelopmentCorroborated):
                seen.add(decision.event.development_id)
    return decisions


def decide_retraction(
    state: CaseState, development: str, reason: str, by: str | None = None, at: str | None = None
) -> list[Decision]:
    known = state.developments.get(development)
    if known is None:
        raise KeyError(development)
    if known.retracted:
        return []
    case = state.definition.key if state.definition else ""
    # A retraction may be reversed and repeated: its key names the stream version it follows.
    return [
        Decision(
            DevelopmentRetracted(development, case, reason, by, at),
            f"dev:{development}:retracted@{state.version}",
        )
    ]
