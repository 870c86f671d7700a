"""A case stream folded into state: developments, their sources and retractions."""

from __future__ import annotations

from monitor.domain.events import (
    CaseOpened,
    DevelopmentCorroborated,
    DevelopmentRecorded,
    DevelopmentRetracted,
    Source,
)
from monitor.domain.recording import fold_case


def recorded(dev: str, kind: str, article: str) -> DevelopmentRecorded:
    return DevelopmentRecorded(
        dev, "lindqvist", kind, "2023-06-16", "…", 0.9, "test", Source(article)
    )


def corroborated(dev: str, article: str) -> DevelopmentCorroborated:
    return DevelopmentCorroborated(dev, "lindqvist", Source(article), "…", 0.9)


def test_source_count_is_distinct_articles_behind_live_developments() -> None:
    state = fold_case(
        [
            CaseOpened("lindqvist", "Anna Lindqvist"),
            recorded("d1", "detained", "a1"),
            recorded("d2", "charged", "a1"),  # one article, two developments
            corroborated("d1", "a2"),
            corroborated("d2", "a3"),
        ]
    )
    assert state.source_count == 3


def test_retracting_a_development_drops_only_the_sources_no_live_one_shares() -> None:
    opened = [
        CaseOpened("lindqvist", "Anna Lindqvist"),
        recorded("d1", "detained", "a1"),
        recorded("d2", "charged", "a1"),
        corroborated("d2", "a3"),
    ]
    state = fold_case([*opened, DevelopmentRetracted("d2", "lindqvist", "misread")])
    assert state.source_count == 1  # a1 still stands behind d1; a3 reported only d2
    twice = fold_case([*opened, *[DevelopmentRetracted("d2", "lindqvist", "again")] * 2])
    assert twice.source_count == 1
    late = fold_case(
        [*opened, DevelopmentRetracted("d2", "lindqvist", "x"), corroborated("d2", "a4")]
    )
    assert late.source_count == 1  # a report of a retracted development adds no source


def test_deciding_against_a_fork_leaves_the_original_state_untouched() -> None:
    state = fold_case([CaseOpened("lindqvist", "Anna Lindqvist"), recorded("d1", "detained", "a1")])
    work = state.fork()
    work.apply(corroborated("d1", "a2"))
    work.apply(DevelopmentRetracted("d1", "lindqvist", "misread"))
    assert work.developments["d1"].has_source("a2") and work.developments["d1"].retracted
    original = state.developments["d1"]
    assert original.sources == ["a1"] and not original.has_source("a2")
    assert not original.retracted and state.source_count == 1 and state.version == 2
