"""Review: which recorded developments wait for a person before they count.

A development is `accepted` (it counts towards status and alerts) or
`proposed` (recorded with its sources, but changing nothing until a person
confirms it); a person may also reject a proposal. The rule that decides is a
pure function of the report and the case's accepted developments.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from urllib.parse import urlsplit

from monitor.domain.dates import PartialDate, compare
from monitor.domain.developments import STAGE, DevelopmentType, Status, status_set_by
from monitor.domain.status import Fact, fold

# Chosen from the classifier's calibration (docs/classifier.md); `[review] threshold`
# overrides it, and 0 turns review off.
DEFAULT_THRESHOLD = 0.7

# Corroboration (docs/review.md, "Milestones need a second outlet"): where fewer outlets than
# DEFAULT_WIDE_COVERAGE have reported on a case, one report of a milestone counts alone at
# DEFAULT_SINGLE_SOURCE (developments scored 0.9 or more were right 93% of the time); where
# more have, a milestone only one outlet reports waits for a second, or for a person.
DEFAULT_SINGLE_SOURCE = 0.9
# Two outlets corroborate each other when each report reaches this confidence (right about nine
# times in ten); below it, two outlets repeating one speculative story are not two witnesses.
DEFAULT_SECOND_SOURCE = 0.8
DEFAULT_WIDE_COVERAGE = 3
# The most outlets a case state counts (`wide_coverage` may not ask for more).
MAX_WIDE_COVERAGE = 32
# A report corroborates only as news: published within this many days after the date it
# gives (a background mention months later repeats what it read elsewhere).
NEWS_DAYS = 7

# Statuses in which the person is in custody: another `detained` is the same detention.
HELD: frozenset[Status] = frozenset(
    {Status.DETAINED, Status.CHARGED, Status.ON_TRIAL, Status.CONVICTED, Status.SENTENCED}
)

# Statuses that end custody for good: news of them needs the most care.
ENDS_CUSTODY: frozenset[Status] = frozenset({Status.RELEASED, Status.DECEASED})

# Statuses after which a later-dated arrest is a new custody period, not a step back.
OUT_OF_CUSTODY: frozenset[Status] = frozenset({Status.RELEASED, Status.ACQUITTED, Status.ON_BAIL})


class Review(StrEnum):
    """A development's review state."""

    ACCEPTED = "accepted"
    PROPOSED = "proposed"
    REJECTED = "rejected"


@dataclass(frozen=True)
class ReviewPolicy:
    """The desk's settings: reports below `threshold` confidence wait for a person, and so do
    milestones no second outlet reports (unless `corroborate` is off)."""

    threshold: float = DEFAULT_THRESHOLD
    corroborate: bool = True
    single_source: float = DEFAULT_SINGLE_SOURCE
    second_source: float = DEFAULT_SECOND_SOURCE
    wide_coverage: int = DEFAULT_WIDE_COVERAGE

    @property
    def enabled(self) -> bool:
        return self.threshold > 0


@dataclass(frozen=True)
class Assessment:
    """The rule's answer for one report: its review state and, when proposed, why."""

    review: Review
    reason: str | None = None


ACCEPT = Assessment(Review.ACCEPTED)


@dataclass(frozen=True)
class Coverage:
    """What the press has said so far, as the corroboration rule needs it: whether another
    outlet reported this development as news, and how many outlets reported on the case."""

    corroborated: bool = False
    outlets: int = 0


@lru_cache(maxsize=4096)
def outlet(url: str | None) -> str | None:
    """The outlet an article comes from: its web host without `www.` (None when unknown).

    Cached: every event an article caused asks again, and a rebuild asks a million times."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def as_news(date: PartialDate | None, published: str | None) -> bool:
    """Whether a report of `date` published on `published` is news of it, not background:
    dated, and published no more than NEWS_DAYS after the date's last day."""
    if date is None or not published:
        return False
    try:
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return False
    return (day - date.last_day()).days <= NEWS_DAYS


def assess(
    kind: DevelopmentType,
    outcome: str | None,
    date: PartialDate | None,
    confidence: float,
    accepted: Sequence[Fact],
    policy: ReviewPolicy,
    coverage: Coverage | None = None,
) -> Assessment:
    """Whether a report can count at once, or must wait for a person (and why).

    `accepted` are the case's live, accepted developments without this one; `coverage`
    what other outlets said (none, if not given).
    """
    if not policy.enabled:
        return ACCEPT
    if confidence < policy.threshold:
        return Assessment(
            Review.PROPOSED,
            f"confidence {confidence:.2f} is below the review threshold {policy.threshold:g}",
        )
    sets = status_set_by(kind, outcome)
    if sets is None:
        return ACCEPT
    before = fold(accepted)
    after = fold([*accepted, Fact("\x00new", kind, date, outcome)])
    assert after.status is not None
    if before.status is None or STAGE[after.status] >= STAGE[before.status]:
        return _milestone(
            sets, before.status, after.status, confidence, policy, coverage or Coverage()
        )
    if (
        kind is DevelopmentType.DETAINED
        and before.status in OUT_OF_CUSTODY
        and date is not None
        and before.status_date is not None
        and (compare(date, before.status_date) or 0) > 0
    ):
        return ACCEPT  # a new arrest, dated after the release: a new custody period
    return Assessment(
        Review.PROPOSED,
        f"would move the case back from {before.status.value} to {after.status.value}",
    )


def _milestone(
    sets: Status,
    before: Status | None,
    after: Status,
    confidence: float,
    policy: ReviewPolicy,
    coverage: Coverage,
) -> Assessment:
    """The corroboration rule for a step forward: a release or a death (whatever its date),
    or a new status of a held person, counts on one report only in a thinly covered case, and
    then only if it is the next stage or the report is very sure; otherwise it waits for a
    second outlet (or a person)."""
    if not policy.corroborate or coverage.corroborated:
        return ACCEPT
    ends = sets in ENDS_CUSTODY
    if not ends and (before is None or after is before or before not in HELD):
        return ACCEPT  # the opening arrest, or no new status of a held person
    if policy.wide_coverage and coverage.outlets >= policy.wide_coverage:
        return Assessment(
            Review.PROPOSED,
            f"{sets.value} in a case {coverage.outlets} outlets cover, reported by one only",
        )
    jump = STAGE[after] - STAGE[before] if before is not None else 0
    if (ends or jump > 1) and confidence < policy.single_source:
        what = (
            "would end custody"
            if ends or before is None
            else f"would jump from {before.value} to {after.value}"
        )
        return Assessment(
            Review.PROPOSED,
            f"{what} on one report at confidence {confidence:.2f} "
            f"(alone it needs {policy.single_source:g}, or a second outlet)",
        )
    return ACCEPT


def held(accepted: Sequence[Fact]) -> bool:
    """Whether the accepted developments leave the person in custody."""
    status = fold(accepted).status
    return status is not None and status in HELD
