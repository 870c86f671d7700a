"""A case's time line as inline SVG: custody periods as bands, developments as marks.

Pure: history rows (as `reports.case_history` gives them) and `today` in, markup out.
A development dated to the day is a dot; one dated to a month or a year is a bar
spanning that month or year, so the drawing never claims more precision than the
source gave. Undated developments are counted in the caption, not placed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from monitor.domain.dates import PartialDate

WIDTH = 800
MARGIN = 24
AXIS_Y = 70
LANE = 14
CHAR = 6.2  # average width of an 11px label character

_STARTS = {"detained", "charged"}
_ENDS = {"released", "died"}


@dataclass(frozen=True)
class Period:
    """Time in custody: from a detention to a release or death (open while still held)."""

    start: dt.date
    end: dt.date
    open: bool


def custody_periods(history: Sequence[dict[str, Any]], today: dt.date) -> list[Period]:
    """Custody periods from dated developments in date order: a `detained` (or `charged`)
    opens one, a `released` or `died` closes it, and an open one runs to `today`."""
    periods: list[Period] = []
    start: dt.date | None = None
    dated = sorted(
        (PartialDate.parse(r["date"]).sort_key(), r["type"], PartialDate.parse(r["date"]))
        for r in history
        if r.get("date")
    )
    for _, kind, date in dated:
        if kind in _STARTS and start is None:
            start = date.first_day()
        elif kind in _ENDS and start is not None:
            periods.append(Period(start, max(date.first_day(), start), False))
            start = None
    if start is not None:
        periods.append(Period(start, max(today, start), True))
    return periods


def _ticks(first: dt.date, last: dt.date) -> list[dt.date]:
    """January 1st of each year in range, or quarter starts when the range is short."""
    years = list(range(first.year, last.year + 2))
    ticks = [dt.date(y, 1, 1) for y in years if first <= dt.date(y, 1, 1) <= last]
    if len(ticks) < 2:
        ticks = [
            dt.date(y, m, 1)
            for y in years
            for m in (1, 4, 7, 10)
            if first <= dt.date(y, m, 1) <= last
        ]
    return ticks


def timeline_svg(history: Sequence[dict[str, Any]], today: dt.date, *, title: str = "") -> str:
    """The SVG markup (no external references) for one case's developments and custody."""
    dated = [(r, PartialDate.parse(r["date"])) for r in history if r.get("date")]
    periods = custody_periods(history, today)
    undated = len(history) - len(dated)
    label = escape(title or "Time line")
    if not dated:
        return (
            f'<svg class="timeline" role="img" aria-label="{label}" viewBox="0 0 {WIDTH} 40" '
            f'xmlns="http://www.w3.org/2000/svg"><title>{label}</title>'
            f'<text x="{MARGIN}" y="24" class="empty">No dated developments yet'
            f"{f' ({undated} undated)' if undated else ''}.</text></svg>"
        )
    first = min([d.first_day() for _, d in dated] + [p.start for p in periods])
    last = max([d.last_day() for _, d in dated] + [p.end for p in periods])
    pad = max((last - first).days // 20, 15)
    first, last = first - dt.timedelta(days=pad), last + dt.timedelta(days=pad)
    span = max((last - first).days, 1)

    def x(day: dt.date) -> float:
        return round(MARGIN + (day - first).days / span * (WIDTH - 2 * MARGIN), 1)

    parts: list[str] = []
    for p in periods:
        state = "held, still" if p.open else "held"
        parts.append(
            f'<rect class="custody{" open" if p.open else ""}" x="{x(p.start)}" '
            f'y="{AXIS_Y - 12}" width="{max(x(p.end) - x(p.start), 2)}" height="24" rx="3">'
            f"<title>{state} {p.start.isoformat()} – "
            f"{'today' if p.open else p.end.isoformat()}</title></rect>"
        )
    parts.append(
        f'<line class="axis" x1="{MARGIN}" y1="{AXIS_Y}" x2="{WIDTH - MARGIN}" y2="{AXIS_Y}"/>'
    )
    for tick in _ticks(first, last):
        label_text = str(tick.year) if tick.month == 1 else tick.strftime("%b %Y")
        parts.append(
            f'<line class="tick" x1="{x(tick)}" y1="{AXIS_Y + 12}" x2="{x(tick)}" '
            f'y2="{AXIS_Y + 18}"/><text class="tick" x="{x(tick)}" y="{AXIS_Y + 30}" '
            f'text-anchor="middle">{label_text}</text>'
        )
    # Labels above the axis, stacked in lanes so that none overlaps another.
    lane_ends: list[float] = []
    for row, date in sorted(dated, key=lambda item: item[1].sort_key()):
        x0, x1 = x(date.first_day()), x(date.last_day() + dt.timedelta(days=1))
        kind = escape(row["type"])
        tip = f"{kind} {escape(date.iso())} ({escape(date.precision.value)})"
        if date.precision.value == "day" or x1 - x0 < 4:
            mark = (
                f'<circle class="mark {kind}" cx="{x0}" cy="{AXIS_Y}" r="5">'
                f"<title>{tip}</title></circle>"
            )
        else:
            mark = (
                f'<rect class="mark {kind} approx" x="{x0}" y="{AXIS_Y - 4}" '
                f'width="{round(x1 - x0, 1)}" height="8" rx="4"><title>{tip}</title></rect>'
            )
        text_x = (x0 + x1) / 2
        width = len(row["type"]) * CHAR
        lane = next(
            (i for i, end in enumerate(lane_ends) if end < text_x - width / 2), len(lane_ends)
        )
        if lane == len(lane_ends):
            lane_ends.append(0.0)
        lane_ends[lane] = text_x + width / 2 + 4
        y = AXIS_Y - 18 - lane * LANE
        parts.append(
            f'<g class="development" data-development="{escape(row["development"])}">{mark}'
            f'<line class="stem" x1="{text_x}" y1="{AXIS_Y - 6}" x2="{text_x}" y2="{y + 2}"/>'
            f'<text x="{text_x}" y="{y}" text-anchor="middle">{kind}</text></g>'
        )
    top = AXIS_Y - 18 - len(lane_ends) * LANE - 4
    height = AXIS_Y + 40 - top
    caption = f"{len(dated)} dated developments" + (f", {undated} undated" if undated else "")
    return (
        f'<svg class="timeline" role="img" aria-label="{label}: {caption}" '
        f'viewBox="0 {top} {WIDTH} {height}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{label}: {caption}</title>{''.join(parts)}</svg>"
    )
