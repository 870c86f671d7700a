"""What the web handlers need, wired by the composition root: the database, the write guard,
the review desk and the clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import Connection

from monitor.store.db import Database
from monitor.web.guard import Guard


@dataclass(frozen=True)
class Decision:
    """A reviewer's decision on a proposed development, as a page or API client submitted it."""

    action: str  # "confirm", "reject" or "correct"
    development: str
    by: str
    reason: str | None = None
    changes: dict[str, str] = field(default_factory=dict)


class UnknownProposal(LookupError):
    """No development waits for review under that id."""


class ReviewDesk(Protocol):
    """Proposals waiting for a person, and the use case that records decisions on them."""

    def proposals(self, conn: Connection, case: str | None = None) -> list[dict[str, Any]]:
        """Waiting proposals, each with evidence, confidence and sources."""

    def waiting(self, conn: Connection) -> dict[str, int]:
        """How many proposals wait, per case."""

    def decide(self, decision: Decision) -> int:
        """Append the decision's events (as the CLI does); the number appended."""


class NoReview:
    """The desk when review is not available: nothing waits, nothing can be decided."""

    def proposals(self, conn: Connection, case: str | None = None) -> list[dict[str, Any]]:
        return []

    def waiting(self, conn: Connection) -> dict[str, int]:
        return {}

    def decide(self, decision: Decision) -> int:
        raise UnknownProposal(f"no proposal {decision.development!r} waits for review")


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


@dataclass
class WebContext:
    """Everything the handlers use; nothing here writes except `review.decide`."""

    db: Database
    guard: Guard
    review: ReviewDesk = field(default_factory=NoReview)
    today: Callable[[], dt.date] = _today
