"""Partial dates: an ISO prefix (`2021`, `2021-09`, `2021-09-24`) or unknown.

News rarely gives a full date for what it reports, so every development date
carries its precision, and two dates can only be ordered when neither is a
prefix of the other.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class Precision(StrEnum):
    """How much of a date the source text supports."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True, order=False)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        # Validates the calendar date (raises ValueError for 2021-02-30).
        dt.date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse an ISO prefix; raise ValueError for anything else."""
        m = _ISO_PREFIX.match(text.strip())
        if not m:
            raise ValueError(f"not an ISO date prefix: {text!r}")
        y, mo, d = m.groups()
        return cls(int(y), int(mo) if mo else None, int(d) if d else None)

    @classmethod
    def of(cls, day: dt.date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def sort_key(self) -> tuple[int, int, int]:
        """Orders as the ISO text does (a coarser date before its refinements), without
        formatting it: status folds compare dates millions of times in a rebuild."""
        return (self.year, self.month or 0, self.day or 0)

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day is not None:
            return self.first_day()
        if self.month is None:
            return dt.date(self.year, 12, 31)
        nxt = dt.date(self.year + (self.month == 12), self.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)

    def __str__(self) -> str:
        return self.iso()


def parse_optional(text: str | None) -> PartialDate | None:
    """Parse an ISO prefix, with None (or empty) meaning unknown."""
    return PartialDate.parse(text) if text else None


def compatible(a: PartialDate | None, b: PartialDate | None) -> bool:
    """Two known dates are compatible when one is a prefix of the other."""
    if a is None or b is None:
        return False
    if a.year != b.year:
        return False
    if a.month is None or b.month is None:
        return True
    return a.month == b.month and (a.day is None or b.day is None or a.day == b.day)


def compare(a: PartialDate | None, b: PartialDate | None) -> int | None:
    """-1, 0 or 1 when the dates can be ordered; None when they cannot.

    Unknown dates and dates of which one is a prefix of the other (2021-09 and
    2021-09-24) cannot be ordered; equal dates compare as 0.
    """
    if a is None or b is None:
        return None
    if a == b:
        return 0
    if compatible(a, b):
        return None
    return -1 if a.sort_key() < b.sort_key() else 1


def latest(dates: list[PartialDate | None]) -> PartialDate | None:
    """The latest known date by its ISO text (a finer date wins a tie of prefixes)."""
    known = [d for d in dates if d is not None]
    return max(known, key=PartialDate.sort_key) if known else None
