"""Date expressions resolve against the publication day, in the past, with honest precision."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from monitor.classify.dates import find_dates, shift
from monitor.domain.dates import PartialDate, compare, compatible

PUB = dt.date(2021, 9, 27)  # a Monday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("they met last Saturday at the summit", "2021-09-25"),
        ("were sent home on Friday", "2021-09-24"),
        ("visited him on Nov. 10", "2020-11-10"),
        ("trials held in late March", "2021-03"),
        ("closed trials earlier this year", "2021"),
        ("arrested in December 2018", "2018-12"),
        ("a call in June last year", "2020-06"),
        ("he was seen last June", "2021-06"),
        ("a September 9 phone call", "2021-09-09"),
        ("on December 1, 2018 at the airport", "2018-12-01"),
        ("released earlier this month", "2021-09"),
        ("talks last month", "2021-08"),
        ("charged yesterday", "2021-09-26"),
        ("arrested three days ago", "2021-09-24"),
        ("smuggling in 2014", "2014"),
        ("on 24 September 2021", "2021-09-24"),
        ("in early December", "2020-12"),
        # days of the year news names rather than numbers
        ("re-arrested on New Year's Eve", "2020-12-31"),
        ("caught at the castle on Christmas Day 2019", "2019-12-25"),
        ("killed on Boxing Day in 2018", "2018-12-26"),
        # "earlier in the week" is this week, as "earlier this week" is
        ("seized while appearing in court earlier in the week", "2021-09"),
    ],
)
def test_expression_resolves_against_the_publication_day(text: str, expected: str) -> None:
    found = [d.date.iso() for d in find_dates(text, PUB) if d.date]
    assert found == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "China may not free them",
        "held for 1,019 days",
        "in the 1990s",
        "a 20-year term",
        # a day a court puts something off to lies ahead
        "remanded her in custody to June 27",
        "adjourned the trial of X to November 12",
        "appeal hearing set for Oct. 25",
        "detention extended through at least July 2",
        "upheld a ruling to keep him in detention until late August",
        "arrested in the week before the vote",
    ],
)
def test_words_that_look_like_dates_are_not_dates(text: str) -> None:
    assert [d for d in find_dates(text, PUB) if d.date] == []


def test_a_period_bound_dates_no_event() -> None:
    assert [d.date for d in find_dates("held since January", PUB)] == [None]


def test_a_duration_written_with_thousands_separators_says_when_the_period_began() -> None:
    [held] = find_dates("held for 1,019 days", PUB)
    assert (held.date, held.began) == (None, PartialDate(2018))


def test_nine_days_later_is_an_offset_from_an_anchor() -> None:
    [offset] = find_dates("arrested nine days later", PUB)
    assert (offset.date, offset.offset_days) == (None, 9)
    assert shift(PartialDate(2018, 12, 1), 9, "day") == PartialDate(2018, 12, 10)
    assert shift(PartialDate(2018, 12), 9, "day") == PartialDate(2018, 12)


def test_a_bare_weekday_on_the_publication_day_is_that_day_but_last_is_a_week_back() -> None:
    assert find_dates("on Monday", PUB)[0].date == PartialDate(2021, 9, 27)
    assert find_dates("last Monday", PUB)[0].date == PartialDate(2021, 9, 20)


def test_next_week_day_is_future_and_undated() -> None:
    [d] = find_dates("will be sentenced next Friday", PUB)
    assert d.future and d.date is None


def test_partial_dates_order_only_when_neither_is_a_prefix() -> None:
    a, b, c = PartialDate.parse("2021-09"), PartialDate.parse("2021-09-24"), PartialDate(2018)
    assert compatible(a, b) and compare(a, b) is None
    assert compare(c, b) == -1 and compare(b, c) == 1
    assert compare(None, b) is None
    with pytest.raises(ValueError):
        PartialDate.parse("2021-02-30")


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(st.dates(dt.date(2016, 1, 1), dt.date(2019, 12, 31)))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return PartialDate(day.year)
    if precision == "month":
        return PartialDate(day.year, day.month)
    return PartialDate.of(day)


@given(partial_dates(), partial_dates())
def test_date_comparison_agrees_with_iso_prefixes_and_iso_order(
    a: PartialDate, b: PartialDate
) -> None:
    sa, sb = a.iso(), b.iso()
    prefix = sa.startswith(sb) or sb.startswith(sa)
    assert compatible(a, b) == prefix
    assert (a.sort_key() < b.sort_key()) == (sa < sb)
    if a == b:
        assert compare(a, b) == 0
    elif prefix:
        assert compare(a, b) is None
    else:
        assert compare(a, b) == (-1 if sa < sb else 1)


@pytest.mark.parametrize(
    "text",
    [
        "humans arrived 12,000 years ago",
        "a sentence of 1,000,000,000 days ago",
        "locked up for 5,000,000 years",
        "freed 999,999,999 years after",
        "marks 100,000,000 days behind bars",
    ],
)
def test_a_count_beyond_two_centuries_dates_nothing(text: str) -> None:
    assert [d for d in find_dates(text, PUB) if d.date or d.began or d.offset_days] == []


@given(
    pub=st.dates(),
    count=st.integers(min_value=0, max_value=10**12),
    unit=st.sampled_from(["day", "week", "month", "year"]),
    words=st.sampled_from(["ago", "later", "earlier", "since"]),
)
def test_no_count_and_no_publication_day_leaves_the_calendar(
    pub: dt.date, count: int, unit: str, words: str
) -> None:
    text = f"arrested {count:,} {unit}s {words}, for {count:,} {unit}s, last week, on Dec. 31"
    for mention in find_dates(text, pub):
        assert mention.date is None or 1 <= mention.date.year <= 9999


def test_a_publication_day_before_1900_resolves_no_relative_date() -> None:
    assert find_dates("arrested last week, three days ago", dt.date(1, 1, 1)) == []
    assert [d.date for d in find_dates("arrested last week", dt.date(1900, 1, 8))] == [
        PartialDate(1900, 1)
    ]


@pytest.mark.parametrize(
    "text", ["arrested in 2025", "on December 31, 2021", "a trial set for Oct. 5, 2021"]
)
def test_a_written_date_after_the_publication_day_is_ahead_and_undated(text: str) -> None:
    [d] = find_dates(text, dt.date(2021, 9, 27))
    assert d.future and d.date is None


def test_a_written_date_a_day_after_publication_is_a_time_zone_away() -> None:
    assert find_dates("arrested on September 28, 2021", PUB)[0].date == PartialDate(2021, 9, 28)
