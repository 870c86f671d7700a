"""A case stream folded into state, decided against, and snapshotted."""

from __future__ import annotations

import json

from monitor.domain.dates import PartialDate
from monitor.domain.developments import Development, DevelopmentType
from monitor.domain.events import (
    CaseOpened,
    DevelopmentCorrected,
    DevelopmentCorroborated,
    DevelopmentRecorded,
    DevelopmentRetracted,
    Source,
)
from monitor.domain.recording import decide_reports, fold_case, from_snapshot, to_snapshot


def recorded(dev: str, kind: str, article: str) -> DevelopmentRecorded:
    return DevelopmentRecorded(
        dev, "lindqvist", kind, "2023-06-16", "…", 0.9, "test", Source(article)
    )


def corroborated(dev: str, article: str, reported: str | None = None) -> DevelopmentCorroborated:
    return DevelopmentCorroborated(
        dev, "lindqvist", Source(article), "…", 0.9, reported_date=reported
    )


def test_a_report_from_an_article_already_behind_the_development_decides_nothing() -> None:
    state = fold_case([CaseOpened("lindqvist", "Anna Lindqvist"), recorded("d1", "detained", "a1")])
    report = Development(
        "lindqvist", DevelopmentType.DETAINED, PartialDate.parse("2023-06-16"), "…", 0.9, "t"
    )
    assert decide_reports(state, [report], Source("a1"), sourced={"d1"}) == []
    [decision] = decide_reports(state, [report, report], Source("a2"))
    assert isinstance(decision.event, DevelopmentCorroborated)  # the second report: a2 is known


def test_deciding_against_a_fork_leaves_the_original_state_untouched() -> None:
    state = fold_case([CaseOpened("lindqvist", "Anna Lindqvist"), recorded("d1", "detained", "a1")])
    work = state.fork()
    work.apply(corroborated("d1", "a2", "2023-06-15"))
    work.apply(DevelopmentRetracted("d1", "lindqvist", "misread"))
    assert work.developments["d1"].retracted and work.developments["d1"].reported["2023-06-15"]
    original = state.developments["d1"]
    assert dict(original.reported) == {"2023-06-16": 1}
    assert not original.retracted and state.version == 2


def test_a_snapshot_restores_the_state_it_was_taken_of() -> None:
    state = fold_case(
        [
            CaseOpened("lindqvist", "Anna Lindqvist", ("A. Lindqvist",), "CN", ("SE",)),
            recorded("d1", "detained", "a1"),
            recorded("d2", "charged", "a1"),
            corroborated("d1", "a2", "2023-06"),
            DevelopmentRetracted("d2", "lindqvist", "misread"),
        ]
    )
    restored = from_snapshot(json.loads(json.dumps(to_snapshot(state))))
    assert restored == state


def test_a_report_matches_by_type_even_after_a_correction_changed_one() -> None:
    state = fold_case(
        [
            CaseOpened("lindqvist", "Anna Lindqvist"),
            recorded("d1", "trial", "a1"),
            recorded("d2", "consular_visit", "a1"),
        ]
    )
    hearing = Development(
        "lindqvist", DevelopmentType.HEARING, PartialDate.parse("2023-06-16"), "…", 0.9, "t"
    )
    [first] = decide_reports(state, [hearing], Source("a2"))
    assert isinstance(first.event, DevelopmentRecorded)  # no hearing yet: a new development
    state.apply(
        DevelopmentCorrected(
            "d1", "lindqvist", "desk", "2023-06-20", "a bail hearing", "hearing", "2023-06-16"
        )
    )
    [second] = decide_reports(state, [hearing], Source("a3"))
    assert isinstance(second.event, DevelopmentCorroborated)
    assert second.event.development_id == "d1"
    assert [k.id for k in state.fork().of_type(DevelopmentType.TRIAL)] == []
