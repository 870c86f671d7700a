"""The corroboration rule: a release, a death or a new stage of a held person counts on one
outlet's word only where few outlets cover the case and the report is sure enough."""

from __future__ import annotations

from monitor.domain.dates import PartialDate, parse_optional
from monitor.domain.developments import Development, DevelopmentType, Status
from monitor.domain.events import CaseOpened, DevelopmentRejected, Source
from monitor.domain.recording import (
    CaseState,
    decide_report,
    fold_case,
    from_snapshot,
    to_snapshot,
)
from monitor.domain.review import (
    Coverage,
    Review,
    ReviewPolicy,
    as_news,
    assess,
    outlet,
)
from monitor.domain.status import Fact, fold

T = DevelopmentType
POLICY = ReviewPolicy()
D = PartialDate.parse
HELD = [Fact("d", T.DETAINED, D("2022-03-12")), Fact("c", T.CHARGED, D("2022-04-01"))]
THIN = Coverage(outlets=1)
WIDE = Coverage(outlets=3)


def test_a_release_one_outlet_reports_in_a_widely_covered_case_waits_for_a_second() -> None:
    alone = assess(T.RELEASED, None, D("2023-06-16"), 0.93, HELD, POLICY, WIDE)
    assert alone.review is Review.PROPOSED
    assert alone.reason == "released in a case 3 outlets cover, reported by one only"
    backed = Coverage(corroborated=True, outlets=3)
    assert assess(T.RELEASED, None, D("2023-06-16"), 0.93, HELD, POLICY, backed).review is (
        Review.ACCEPTED
    )


def test_where_few_outlets_cover_a_case_one_sure_report_of_a_release_counts_alone() -> None:
    sure = assess(T.RELEASED, None, D("2023-06-16"), 0.93, HELD, POLICY, THIN)
    assert sure.review is Review.ACCEPTED
    unsure = assess(T.DIED, None, D("2023-06-16"), 0.85, HELD, POLICY, THIN)
    assert unsure.review is Review.PROPOSED
    assert unsure.reason is not None and "would end custody" in unsure.reason


def test_the_next_stage_counts_on_one_report_but_a_jump_of_stages_does_not() -> None:
    charged = assess(T.CHARGED, None, D("2022-04-01"), 0.75, HELD[:1], POLICY, THIN)
    assert charged.review is Review.ACCEPTED
    sentenced = assess(T.SENTENCED, None, D("2022-10-11"), 0.85, HELD, POLICY, THIN)
    assert sentenced.review is Review.PROPOSED
    assert sentenced.reason is not None and "jump from charged to sentenced" in sentenced.reason
    # In a widely covered case the next stage, too, needs a second outlet.
    trial = assess(T.TRIAL, None, D("2022-09-05"), 0.93, HELD, POLICY, WIDE)
    assert trial.review is Review.PROPOSED


def test_a_release_dated_before_the_detention_needs_corroboration_too() -> None:
    # "X was released in December" about someone else: it leaves the status alone, but it
    # would write a release into the case's history (and its status as of then).
    old = assess(T.RELEASED, None, D("2021-12"), 0.93, HELD, POLICY, WIDE)
    assert old.review is Review.PROPOSED
    # So does a release that is the first thing heard of a case.
    first = assess(T.RELEASED, None, D("2023-06-16"), 0.93, [], POLICY, WIDE)
    assert first.review is Review.PROPOSED
    assert assess(T.RELEASED, None, D("2023-06-16"), 0.93, [], POLICY, THIN).review is (
        Review.ACCEPTED
    )


def test_the_opening_arrest_and_a_new_arrest_after_a_release_need_no_second_outlet() -> None:
    assert assess(T.DETAINED, None, D("2022-03-12"), 0.75, [], POLICY, WIDE).review is (
        Review.ACCEPTED
    )
    freed = [*HELD, Fact("r", T.RELEASED, D("2023-06-16"))]
    again = assess(T.DETAINED, None, D("2024-01-05"), 0.75, freed, POLICY, WIDE)
    assert again.review is Review.ACCEPTED


def test_the_rule_is_off_with_corroborate_false_or_with_review_off() -> None:
    off = ReviewPolicy(corroborate=False)
    assert assess(T.RELEASED, None, D("2023-06-16"), 0.75, HELD, off, WIDE).review is (
        Review.ACCEPTED
    )
    review_off = ReviewPolicy(0)
    assert assess(T.RELEASED, None, D("2023-06-16"), 0.75, HELD, review_off, WIDE).review is (
        Review.ACCEPTED
    )
    # wide_coverage = 0: however many outlets cover a case, one sure report counts alone.
    never_wide = ReviewPolicy(wide_coverage=0)
    many = Coverage(outlets=30)
    got = assess(T.RELEASED, None, D("2023-06-16"), 0.93, HELD, never_wide, many)
    assert got.review is Review.ACCEPTED


def test_an_outlet_is_the_web_host_and_news_is_published_within_a_week() -> None:
    assert outlet("https://www.wsj.com/articles/x?utm=1") == "wsj.com"
    assert outlet("https://news.sky.com/story/y") == "news.sky.com"
    assert outlet(None) is None and outlet("not a url") is None
    assert as_news(D("2023-06-16"), "2023-06-17T08:00:00+00:00")
    assert as_news(D("2023-06"), "2023-07-05")
    assert not as_news(D("2022-12"), "2023-03-30")  # a background mention months later
    assert not as_news(None, "2023-06-17") and not as_news(D("2023-06-16"), None)


def release(confidence: float = 0.93, date: str | None = "2023-06-16") -> Development:
    return Development(
        "lindqvist", T.RELEASED, parse_optional(date), "was released", confidence, "test"
    )


def arrest() -> Development:
    return Development("lindqvist", T.DETAINED, D("2022-03-12"), "was arrested", 0.93, "test")


def source(article: str, host: str, published: str) -> Source:
    return Source(article, f"https://{host}/{article}", None, published)


def covered_state() -> CaseState:
    """Lindqvist held, her arrest reported by three outlets."""
    state = fold_case([CaseOpened("lindqvist", "Anna Lindqvist")])
    for i, host in enumerate(("a.example.org", "b.example.org", "www.c.example.org")):
        for decision in decide_report(state, arrest(), source(f"arr{i}", host, "2022-03-14")):
            state.apply(decision.event)
    return state


def record(state: CaseState, report: Development, src: Source) -> None:
    for decision in decide_report(state, report, src, POLICY):
        state.apply(decision.event)


def the_release(state: CaseState) -> Review:
    (known,) = [k for k in state.developments.values() if k.type is T.RELEASED]
    return known.review


def test_a_second_outlets_sure_news_report_makes_a_release_count() -> None:
    state = covered_state()
    assert state.outlets == {"a.example.org", "b.example.org", "c.example.org"}
    record(state, release(), source("r1", "a.example.org", "2023-06-17"))
    assert the_release(state) is Review.PROPOSED
    assert fold(state.accepted_facts()).status is Status.DETAINED
    record(state, release(), source("r2", "a.example.org", "2023-06-17"))  # the same outlet
    assert the_release(state) is Review.PROPOSED
    record(state, release(0.75), source("r3", "b.example.org", "2023-06-17"))  # not sure enough
    assert the_release(state) is Review.PROPOSED
    record(state, release(date="2023-06"), source("r4", "b.example.org", "2023-09-20"))  # history
    assert the_release(state) is Review.PROPOSED
    record(state, release(), source("r5", "c.example.org", "2023-06-16"))
    assert the_release(state) is Review.ACCEPTED
    assert fold(state.accepted_facts()).status is Status.RELEASED


def test_what_corroboration_needs_survives_a_snapshot_and_a_fold_from_events() -> None:
    state = covered_state()
    record(state, release(), source("r1", "a.example.org", "2023-06-17"))
    restored = from_snapshot(to_snapshot(state))
    assert restored.outlets == state.outlets
    assert restored.developments == state.developments
    record(restored, release(), source("r5", "c.example.org", "2023-06-16"))
    assert the_release(restored) is Review.ACCEPTED


def test_a_rejected_undated_claim_does_not_swallow_later_dated_reports_of_its_type() -> None:
    state = covered_state()
    record(state, release(date=None), source("r0", "a.example.org", "2023-04-13"))
    (undated,) = [k for k in state.developments.values() if k.type is T.RELEASED]
    state.apply(
        DevelopmentRejected(undated.id, "lindqvist", "desk", "2023-04-14", "talk of a swap")
    )
    record(state, release(), source("r1", "a.example.org", "2023-06-17"))
    dated = [k for k in state.developments.values() if k.type is T.RELEASED and k.date]
    assert len(dated) == 1 and dated[0].review is Review.PROPOSED
