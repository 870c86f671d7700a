"""Review: which recorded developments wait for a person before they count.

A development is `accepted` (it counts towards status and alerts) or
`proposed` (recorded with its sources, but changing nothing until a person
confirms it); a person may also reject a proposal. The rule that decides is a
pure function of the report and the case's accepted developments.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from monitor.domain.dates import PartialDate, compare
from monitor.domain.developments import STAGE, DevelopmentType, Status, status_set_by
from monitor.domain.status import Fact, fold

# Chosen from the classifier's calibration (docs/classifier.md); `[review] threshold`
# overrides it, and 0 turns review off.
DEFAULT_THRESHOLD = 0.7

# Statuses in which the person is in custody: another `detained` is the same detention.
HELD: frozenset[Status] = frozenset(
    {Status.DETAINED, Status.CHARGED, Status.ON_TRIAL, Status.CONVICTED, Status.SENTENCED}
)

# Statuses after which a later-dated arrest is a new custody period, not a step back.
OUT_OF_CUSTODY: frozenset[Status] = frozenset({Status.RELEASED, Status.ACQUITTED, Status.ON_BAIL})


class Review(StrEnum):
    """A development's review state."""

    ACCEPTED = "accepted"
    PROPOSED = "proposed"
    REJECTED = "rejected"


@dataclass(frozen=True)
class ReviewPolicy:
    """The desk's settings: reports below `threshold` confidence wait for a person."""

    threshold: float = DEFAULT_THRESHOLD

    @property
    def enabled(self) -> bool:
        return self.threshold > 0


@dataclass(frozen=True)
class Assessment:
    """The rule's answer for one report: its review state and, when proposed, why."""

    review: Review
    reason: str | None = None


ACCEPT = Assessment(Review.ACCEPTED)


def assess(
    kind: DevelopmentType,
    outcome: str | None,
    date: PartialDate | None,
    confidence: float,
    accepted: Sequence[Fact],
    policy: ReviewPolicy,
) -> Assessment:
    """Whether a report can count at once, or must wait for a person (and why).

    `accepted` are the case's live, accepted developments without this one.
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
    if before.status is None:
        return ACCEPT
    after = fold([*accepted, Fact("\x00new", kind, date, outcome)])
    assert after.status is not None
    if STAGE[after.status] >= STAGE[before.status]:
        return ACCEPT
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


def held(accepted: Sequence[Fact]) -> bool:
    """Whether the accepted developments leave the person in custody."""
    status = fold(accepted).status
    return status is not None and status in HELD
