"""Per-feed schedule as pure decisions: when a feed is next due after a success or a failure.

Back-off doubles with each consecutive error, with jitter, and is capped, so a
feed that fails for a week is still tried every few hours and recovers by
itself; a server's Retry-After is honoured when it asks for longer.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

MAX_BACKOFF = dt.timedelta(hours=6)


@dataclass(frozen=True)
class Outcome:
    """What one poll of a feed came to, as the schedule needs it."""

    ok: bool
    retry_after: float | None = None


def next_due(
    now: dt.datetime,
    interval: int,
    consecutive_errors: int,
    outcome: Outcome,
    rng: random.Random | None = None,
) -> dt.datetime:
    """The next time to poll: the interval (±10%) after a success, back-off after errors."""
    rng = rng or random.Random()
    if outcome.ok:
        delay = dt.timedelta(seconds=interval * rng.uniform(0.9, 1.1))
    else:
        base = interval * (2 ** min(consecutive_errors, 16))
        capped = min(dt.timedelta(seconds=base), max(MAX_BACKOFF, dt.timedelta(seconds=interval)))
        delay = capped * rng.uniform(0.75, 1.0)
    if outcome.retry_after is not None:
        delay = max(delay, dt.timedelta(seconds=min(outcome.retry_after, 86400)))
    return now + delay
