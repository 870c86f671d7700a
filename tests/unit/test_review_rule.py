"""The review rule and a person's decisions, as pure functions over a case's state."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.domain.dates import PartialDate
from monitor.domain.decisions import (
    Correction,
    DecisionError,
    decide_confirm,
    decide_correct,
    decide_reject,
    decide_unretract,
)
from monitor.domain.developments import Development, DevelopmentType, Status
from monitor.domain.events import (
    CaseOpened,
    DevelopmentCorroborated,
    DevelopmentRecorded,
    Source,
)
from monitor.domain.recording import (
    CaseState,
    decide_report,
    decide_reports,
    decide_retraction,
    fold_case,
)
from monitor.domain.review import DEFAULT_THRESHOLD, Review, ReviewPolicy, assess
from monitor.domain.status import Fact, fold

T = DevelopmentType
POLICY = ReviewPolicy(0.5)


def report(
    kind: T, date: str | None, confidence: float = 0.9, outcome: str | None = None
) -> Development:
    return Development(
        "lindqvist",
        kind,
        PartialDate.parse(date) if date else None,
        f"evidence of {kind.value}",
        confidence,
        "test",
        outcome,
    )


def state_after(
    *reports: tuple[Development, str],
    policy: ReviewPolicy = POLICY,
    sources: dict[str, list[str]] | None = None,
) -> CaseState:
    """Record each (report, article) in turn, as ingest does; `sources` collects each
    development's articles, as the store's source index would."""
    state = fold_case([CaseOpened("lindqvist", "Anna Lindqvist")])
    for rep, article in reports:
        for decision in decide_report(state, rep, Source(article), policy):
            state.apply(decision.event)
            if sources is not None:
                event = decision.event
                assert isinstance(event, DevelopmentRecorded | DevelopmentCorroborated)
                sources.setdefault(event.development_id, []).append(article)
    return state


def status(state: CaseState) -> Status | None:
    return fold(state.accepted_facts()).status


def test_the_default_threshold_is_one_documented_constant() -> None:
    assert ReviewPolicy().threshold == DEFAULT_THRESHOLD == 0.7
    docs = Path(__file__).resolve().parents[2] / "docs" / "review.md"
    assert f"threshold = {DEFAULT_THRESHOLD}" in docs.read_text(encoding="utf-8")


def test_a_report_below_the_threshold_is_proposed_and_says_why() -> None:
    got = assess(T.RELEASED, None, PartialDate.parse("2023-03-31"), 0.45, [], POLICY)
    assert got.review is Review.PROPOSED and "0.45" in (got.reason or "")
    assert assess(T.RELEASED, None, None, 0.45, [], ReviewPolicy(0)).review is Review.ACCEPTED


def test_a_report_that_moves_the_case_back_a_stage_is_proposed() -> None:
    accepted = [
        Fact("d", T.DETAINED, PartialDate.parse("2023-03-29")),
        Fact("c", T.CHARGED, PartialDate.parse("2023-04-07")),
    ]
    trial = assess(T.TRIAL, None, PartialDate.parse("2023-06-01"), 0.95, accepted, POLICY)
    assert trial.review is Review.ACCEPTED
    older = [*accepted, Fact("s", T.SENTENCED, PartialDate.parse("2023-05-26"))]
    back = assess(T.TRIAL, None, PartialDate.parse("2024-06-26"), 0.95, older, POLICY)
    assert back.review is Review.PROPOSED
    assert back.reason == "would move the case back from sentenced to on_trial"
    # An older report that leaves the status as it is changes nothing, so it needs no one.
    late = assess(T.DETAINED, None, PartialDate.parse("2023-03-29"), 0.95, accepted, POLICY)
    assert late.review is Review.ACCEPTED


def test_an_arrest_dated_after_a_release_is_a_new_custody_period() -> None:
    accepted = [
        Fact("d", T.DETAINED, PartialDate.parse("2020-01-10")),
        Fact("r", T.RELEASED, PartialDate.parse("2021-05-01")),
    ]
    again = assess(T.DETAINED, None, PartialDate.parse("2022-02-02"), 0.9, accepted, POLICY)
    assert again.review is Review.ACCEPTED
    # An undated arrest cannot be placed after the release, so it leaves the status alone;
    # a charge after the release, unlike an arrest, is a step back.
    assert assess(T.DETAINED, None, None, 0.9, accepted, POLICY).review is Review.ACCEPTED
    charged = assess(T.CHARGED, None, PartialDate.parse("2022-02-02"), 0.9, accepted, POLICY)
    assert charged.review is Review.PROPOSED


def test_one_arrest_is_one_detention_however_many_dates_reports_give_it() -> None:
    sources: dict[str, list[str]] = {}
    state = state_after(
        (report(T.DETAINED, "2023-03-29"), "a1"),
        (report(T.CHARGED, "2023-04-07"), "a2"),
        (report(T.DETAINED, "2023-04-10", 0.62), "a3"),  # "calls the arrest a brazen act"
        (report(T.DETAINED, "2023-05-23"), "a4"),  # "court extends detention"
        (report(T.DETAINED, "2022-08-30"), "a5"),  # a wrong date, still the same arrest
        sources=sources,
    )
    detentions = [k for k in state.developments.values() if k.type is T.DETAINED]
    assert len(detentions) == 1
    assert sources[detentions[0].id] == ["a1", "a3", "a4", "a5"]
    # Reports while held never move the arrest's date.
    assert detentions[0].date == PartialDate.parse("2023-03-29")
    assert status(state) is Status.CHARGED


def test_a_proposal_that_a_confident_report_repeats_is_accepted() -> None:
    state = state_after((report(T.DETAINED, "2023-03-29", 0.3), "a1"))
    (only,) = state.developments.values()
    assert only.review is Review.PROPOSED and status(state) is None and state.proposals == 1
    state = state_after(
        (report(T.DETAINED, "2023-03-29", 0.3), "a1"), (report(T.DETAINED, "2023-03-29"), "a2")
    )
    (only,) = state.developments.values()
    assert only.review is Review.ACCEPTED and status(state) is Status.DETAINED


def test_a_rejected_proposal_stays_rejected_when_reported_again() -> None:
    state = state_after((report(T.RELEASED, "2023-03-31", 0.3), "a1"))
    (dev,) = state.developments
    for decision in decide_reject(state, dev, "hedged: 'may be difficult'", "desk", "t"):
        state.apply(decision.event)
    for decision in decide_report(state, report(T.RELEASED, "2023-03-31"), Source("a2"), POLICY):
        state.apply(decision.event)
    assert state.developments[dev].review is Review.REJECTED and len(state.developments) == 1


def test_a_batch_is_decided_in_the_order_of_its_own_dates() -> None:
    state = fold_case([CaseOpened("lindqvist", "Anna Lindqvist")])
    reports = [
        report(T.RELEASED, "2024-08-01"),
        report(T.SENTENCED, "2024-07-19"),
        report(T.VERDICT, "2024-07-19", outcome="guilty"),
        report(T.DETAINED, "2023-03-29"),
    ]
    events = [d.event for d in decide_reports(state, reports, Source("a1"), POLICY)]
    assert [e.type for e in events if isinstance(e, DevelopmentRecorded)] == [
        "detained",
        "verdict",
        "sentenced",
        "released",
    ]


def test_confirm_reject_correct_and_unretract_each_decide_once() -> None:
    state = state_after((report(T.RELEASED, "2023-03-31", 0.3), "a1"))
    (dev,) = state.developments
    assert decide_unretract(state, dev, "not retracted", "desk", "t") == []
    with pytest.raises(KeyError):
        decide_reject(state, "no-such-id", "x", "desk", "t")
    (confirmed,) = decide_confirm(state, dev, "desk", "2024-01-01T00:00:00+00:00", "checked")
    state.apply(confirmed.event)
    assert decide_confirm(state, dev, "desk", "t") == []
    assert status(state) is Status.RELEASED
    with pytest.raises(DecisionError, match="retract it instead"):
        decide_reject(state, dev, "wrong", "desk", "t")
    (corrected,) = decide_correct(
        state, dev, Correction(type="diplomatic_action"), "talks, not a release", "desk", "t"
    )
    state.apply(corrected.event)
    assert state.developments[dev].type is T.DIPLOMATIC_ACTION and status(state) is None
    assert decide_correct(state, dev, Correction(type="diplomatic_action"), "x", "d", "t") == []
    (retracted,) = decide_retraction(state, dev, "not news", "desk", "t")
    state.apply(retracted.event)
    assert not state.developments[dev].live
    (back,) = decide_unretract(state, dev, "it was news after all", "desk", "t")
    state.apply(back.event)
    assert state.developments[dev].live and decide_unretract(state, dev, "x", "d", "t") == []


def test_a_correction_with_unknown_values_is_refused_before_anything_is_appended() -> None:
    state = state_after((report(T.RELEASED, "2023-03-31", 0.3), "a1"))
    (dev,) = state.developments
    for bad in (Correction(type="freed"), Correction(date="31/03/2023"), Correction(outcome="x")):
        with pytest.raises(DecisionError):
            decide_correct(state, dev, bad, "r", "d", "t")


def test_a_corroboration_that_accepts_a_proposal_makes_it_count() -> None:
    state = fold_case(
        [
            CaseOpened("lindqvist", "Anna Lindqvist"),
            DevelopmentRecorded(
                "d1",
                "lindqvist",
                "detained",
                "2023",
                "…",
                0.3,
                "t",
                Source("a1"),
                review="proposed",
            ),
            DevelopmentCorroborated("d1", "lindqvist", Source("a2"), "…", 0.3),
        ]
    )
    assert state.not_live() == ["d1"] and state.proposals == 1  # its sources count nowhere
    state.apply(DevelopmentCorroborated("d1", "lindqvist", Source("a3"), "…", 0.9, accepts=True))
    assert state.not_live() == [] and state.proposals == 0


def test_reports_of_an_arrest_waiting_for_review_join_it_instead_of_proposing_more() -> None:
    state = state_after(
        (report(T.DETAINED, None, 0.3), "a1"),
        (report(T.DETAINED, "2023-03-31", 0.3), "a2"),
        (report(T.DETAINED, "2023-04-10", 0.3), "a3"),
    )
    (only,) = state.developments.values()
    assert only.review is Review.PROPOSED and state.proposals == 1
