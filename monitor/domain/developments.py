"""Development types, case statuses and the development value the classifier yields."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from monitor.domain.dates import PartialDate


class DevelopmentType(StrEnum):
    """The contract's development types."""

    DETAINED = "detained"
    CHARGED = "charged"
    CONSULAR_VISIT = "consular_visit"
    HEARING = "hearing"
    TRIAL = "trial"
    VERDICT = "verdict"
    SENTENCED = "sentenced"
    APPEAL = "appeal"
    BAIL = "bail"
    TRANSFERRED = "transferred"
    RELEASED = "released"
    DIED = "died"
    DIPLOMATIC_ACTION = "diplomatic_action"


class Status(StrEnum):
    """A case's status; the declaration order is the contract's stage order."""

    DETAINED = "detained"
    CHARGED = "charged"
    ON_TRIAL = "on_trial"
    CONVICTED = "convicted"
    ACQUITTED = "acquitted"
    SENTENCED = "sentenced"
    ON_BAIL = "on_bail"
    RELEASED = "released"
    DECEASED = "deceased"


# Stage rank for breaking ties between dates that cannot be ordered;
# convicted and acquitted share a rank, as the contract puts them side by side.
STAGE: dict[Status, int] = {
    Status.DETAINED: 0,
    Status.CHARGED: 1,
    Status.ON_TRIAL: 2,
    Status.CONVICTED: 3,
    Status.ACQUITTED: 3,
    Status.SENTENCED: 4,
    Status.ON_BAIL: 5,
    Status.RELEASED: 6,
    Status.DECEASED: 7,
}

_SETS_STATUS: dict[DevelopmentType, Status] = {
    DevelopmentType.DETAINED: Status.DETAINED,
    DevelopmentType.CHARGED: Status.CHARGED,
    DevelopmentType.TRIAL: Status.ON_TRIAL,
    DevelopmentType.VERDICT: Status.CONVICTED,
    DevelopmentType.SENTENCED: Status.SENTENCED,
    DevelopmentType.BAIL: Status.ON_BAIL,
    DevelopmentType.RELEASED: Status.RELEASED,
    DevelopmentType.DIED: Status.DECEASED,
}

# Types that happen again and again in one case; a report of one of these with
# no date is never merged into an earlier, dated one.
RECURRING: frozenset[DevelopmentType] = frozenset(
    {
        DevelopmentType.CONSULAR_VISIT,
        DevelopmentType.HEARING,
        DevelopmentType.APPEAL,
        DevelopmentType.TRANSFERRED,
        DevelopmentType.DIPLOMATIC_ACTION,
    }
)


def status_set_by(kind: DevelopmentType, outcome: str | None = None) -> Status | None:
    """The status a development of this type sets, or None if it leaves it unchanged."""
    if kind is DevelopmentType.VERDICT and outcome == "acquitted":
        return Status.ACQUITTED
    return _SETS_STATUS.get(kind)


@dataclass(frozen=True)
class Development:
    """Something that happened in a case, as one article reports it."""

    case: str
    type: DevelopmentType
    date: PartialDate | None
    evidence: str
    confidence: float
    rule: str
    outcome: str | None = None
    detail: str | None = None


_TYPE_ORDER = {t: i for i, t in enumerate(DevelopmentType)}


def report_order(d: Development) -> tuple[str, int, str]:
    """How an article's developments are listed: by case, the contract's type order, date."""
    return (d.case, _TYPE_ORDER[d.type], d.date.iso() if d.date else "")
