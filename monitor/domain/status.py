"""The pure fold from a case's developments to its status.

Status follows the developments' own dates, never the order in which they
were reported; dates that cannot be ordered fall back to the stage order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from monitor.domain.dates import PartialDate, compare, latest
from monitor.domain.developments import STAGE, DevelopmentType, Status, status_set_by


@dataclass(frozen=True)
class Fact:
    """One recorded (not retracted) development, as the status fold sees it."""

    id: str
    type: DevelopmentType
    date: PartialDate | None
    outcome: str | None = None


@dataclass(frozen=True)
class CaseStatus:
    """The result of the fold."""

    status: Status | None
    status_date: PartialDate | None
    last_development: DevelopmentType | None
    last_development_date: PartialDate | None
    held_since: PartialDate | None
    last_consular_visit: PartialDate | None

    def days_held(self, today: dt.date) -> int | None:
        """Days from the first detention to release or death, or to `today` while held."""
        if self.held_since is None:
            return None
        start = self.held_since.first_day()
        end = today
        if self.status in (Status.RELEASED, Status.DECEASED) and self.status_date is not None:
            end = self.status_date.first_day()
        return max((end - start).days, 0)


def _beats(a: Fact, sa: Status, b: Fact, sb: Status) -> bool:
    order = compare(a.date, b.date)
    if order is None or order == 0:
        return STAGE[sa] > STAGE[sb]
    return order > 0


def fold(facts: Iterable[Fact]) -> CaseStatus:
    """Compute a case's status from its developments, whatever their order."""
    # A canonical order first, so that nothing below depends on arrival order.
    ordered = sorted(facts, key=lambda f: (f.date.sort_key() if f.date else (), f.type.value, f.id))
    setting = [(f, s) for f in ordered if (s := status_set_by(f.type, f.outcome)) is not None]

    status: Status | None = None
    status_date: PartialDate | None = None
    if setting:
        unbeaten = [(f, s) for f, s in setting if not any(_beats(g, t, f, s) for g, t in setting)]
        # Non-transitive ties (possible with unknown dates) fall back to stage, then date.
        pool: Sequence[tuple[Fact, Status]] = unbeaten or setting
        _, status = max(
            pool, key=lambda fs: (STAGE[fs[1]], fs[0].date.sort_key() if fs[0].date else ())
        )
        status_date = latest([f.date for f, s in setting if s is status])

    last = _last(ordered)
    detentions = [f.date for f in ordered if f.type is DevelopmentType.DETAINED and f.date]
    visits = [f.date for f in ordered if f.type is DevelopmentType.CONSULAR_VISIT]
    return CaseStatus(
        status=status,
        status_date=status_date,
        last_development=last.type if last else None,
        last_development_date=last.date if last else None,
        held_since=min(detentions, key=PartialDate.sort_key) if detentions else None,
        last_consular_visit=latest(visits),
    )


def _last(ordered: Sequence[Fact]) -> Fact | None:
    """The latest development by its own date; undated ones only when none is dated."""
    if not ordered:
        return None
    dated = [f for f in ordered if f.date is not None]
    if not dated:
        return ordered[-1]

    def key(f: Fact) -> tuple[tuple[int, ...], int]:
        s = status_set_by(f.type, f.outcome)
        return (f.date.sort_key() if f.date else (), STAGE[s] if s else -1)

    return max(dated, key=key)
