"""The queries behind `monitor status` and `monitor timeline`, and time travel (`--as-of`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, func, or_, select

from monitor.domain.dates import PartialDate
from monitor.domain.developments import DevelopmentType
from monitor.domain.events import case_stream
from monitor.domain.status import Fact, fold
from monitor.store.schema import (
    case_definitions,
    case_status,
    case_timeline,
    development_sources,
)
from monitor.store.schema import events as events_table
from monitor.store.sources import sources_of_developments


def _iso(d: PartialDate | None) -> str | None:
    return d.iso() if d else None


def _days_held(row: Any, today: dt.date) -> int | None:
    """From the first detention to release or death, or to `today` while still held."""
    if not row.held_since:
        return None
    end_text = row.released_on or (row.status_date if row.status == "deceased" else None)
    end = PartialDate.parse(end_text).first_day() if end_text else today
    return max((end - PartialDate.parse(row.held_since).first_day()).days, 0)


def _opened_order(conn: Connection) -> dict[str, int]:
    """Each case's position of opening: its stream's first event, looked up by the
    (stream, version) index for the cases the projections know, not by scanning the store."""
    keys = list(
        conn.execute(
            select(case_definitions.c.key).where(case_definitions.c.is_group.is_(False))
        ).scalars()
    )
    order: dict[str, int] = {}
    for i in range(0, len(keys), 500):
        streams = [case_stream(k) for k in keys[i : i + 500]]
        rows = conn.execute(
            select(events_table.c.stream, events_table.c.position).where(
                events_table.c.stream.in_(streams), events_table.c.version == 1
            )
        )
        order.update((r.stream.removeprefix("case:"), r.position) for r in rows)
    return order


def _status_row(r: Any, today: dt.date) -> dict[str, Any]:
    return {
        "case": r.case_key,
        "name": r.name,
        "held_by": r.held_by,
        "status": r.status,
        "status_date": r.status_date,
        "last_development": r.last_development,
        "last_development_date": r.last_development_date,
        "held_since": r.held_since,
        "days_held": _days_held(r, today),
        "last_consular_visit": r.last_consular_visit,
        "developments": r.developments,
        "sources": r.sources,
        "proposals": r.proposals,
    }


def current_status(conn: Connection, today: dt.date | None = None) -> list[dict[str, Any]]:
    """Every case's status row, in the order the cases were opened."""
    today = today or dt.datetime.now(dt.UTC).date()
    order = _opened_order(conn)
    rows = sorted(
        conn.execute(select(case_status)), key=lambda r: (order.get(r.case_key, 0), r.case_key)
    )
    return [_status_row(r, today) for r in rows]


def case_status_of(
    conn: Connection, case_key: str, today: dt.date | None = None
) -> dict[str, Any] | None:
    """One case's status row (as in `current_status`), or None for an unknown case."""
    row = conn.execute(select(case_status).where(case_status.c.case_key == case_key)).first()
    return _status_row(row, today or dt.datetime.now(dt.UTC).date()) if row else None


def timeline(conn: Connection, case_key: str, *, proposed: bool = False) -> list[dict[str, Any]]:
    """One case's live developments, ordered by their own dates (undated last); with
    `proposed`, the proposals waiting for review as well."""
    rows = _live_rows(conn, case_key, ("accepted", "proposed") if proposed else ("accepted",))
    return [
        {
            "case": r.case_key,
            "development": r.development_id,
            "type": r.type,
            "date": r.date,
            "precision": r.date_precision,
            "outcome": r.outcome,
            "detail": r.detail,
            "evidence": r.evidence,
            "confidence": r.confidence,
            "sources": r.source_count,
            "first_source": r.first_source,
            "last_source": r.last_source,
            "review": r.review,
        }
        for r in rows
    ]


def status_as_of(conn: Connection, as_of: dt.date) -> list[dict[str, Any]]:
    """Each case's status on `as_of`, folded from the timeline projection (developments dated
    after it, or undated, are left out): a query over developments, not a replay of events.
    The caller brings the projections up to date first."""
    order = _opened_order(conn)
    names = {
        r.key: r.name
        for r in conn.execute(
            select(case_definitions.c.key, case_definitions.c.name).where(
                case_definitions.c.is_group.is_(False)
            )
        )
    }
    facts: dict[str, list[Fact]] = {key: [] for key in order}
    rows = conn.execute(
        select(
            case_timeline.c.development_id,
            case_timeline.c.case_key,
            case_timeline.c.type,
            case_timeline.c.date,
            case_timeline.c.outcome,
        ).where(
            case_timeline.c.retracted.is_(False),
            case_timeline.c.review == "accepted",  # proposals and rejections never count
            case_timeline.c.date.is_not(None),
        )
    )
    for r in rows:
        date = PartialDate.parse(r.date)
        if r.case_key in facts and date.first_day() <= as_of:
            facts[r.case_key].append(
                Fact(r.development_id, DevelopmentType(r.type), date, r.outcome)
            )
    result = []
    for key in sorted(order, key=order.__getitem__):
        folded = fold(facts[key])
        result.append(
            {
                "case": key,
                "name": names.get(key, key),
                "status": folded.status.value if folded.status else None,
                "status_date": _iso(folded.status_date),
                "last_development": folded.last_development.value
                if folded.last_development
                else None,
                "last_development_date": _iso(folded.last_development_date),
                "held_since": _iso(folded.held_since),
                "days_held": folded.days_held(as_of),
                "last_consular_visit": _iso(folded.last_consular_visit),
            }
        )
    return result


def _utc(value: dt.datetime | None) -> str | None:
    """A stored time as ISO 8601 in UTC (SQLite keeps no zone; the store writes UTC only)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).isoformat()


def _developments(conn: Connection, rows: list[Any]) -> list[dict[str, Any]]:
    sources = sources_of_developments(conn, [r.development_id for r in rows])
    return [_development(r, sources) for r in rows]


def _development(r: Any, sources_by_development: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """A timeline row with its full list of reports and the times it was recorded and changed."""
    return {
        "case": r.case_key,
        "development": r.development_id,
        "type": r.type,
        "date": r.date,
        "precision": r.date_precision,
        "outcome": r.outcome,
        "detail": r.detail,
        "evidence": r.evidence,
        "confidence": r.confidence,
        "review": r.review,
        "review_reason": r.review_reason,
        "sources": sources_by_development.get(r.development_id, []),
        "recorded_at": _utc(r.first_recorded_at),
        "updated_at": _utc(r.updated_at or r.first_recorded_at),
        "position": r.first_recorded_position,
    }


_SHOWN = ("accepted", "proposed")  # rejected ones stay in the store, out of sight


def case_history(conn: Connection, case_key: str) -> list[dict[str, Any]]:
    """One case's live developments and proposals in `timeline` order, each with every source
    that reported it (article id, url, title, published), its review state and when it last
    changed."""
    return _developments(conn, _live_rows(conn, case_key, _SHOWN))


def _live_rows(conn: Connection, case_key: str, states: Sequence[str]) -> list[Any]:
    """A case's timeline rows in the given review states, not retracted, by their own dates
    (undated last), then in the order they were first recorded."""
    rows = list(
        conn.execute(
            select(case_timeline).where(
                case_timeline.c.case_key == case_key,
                case_timeline.c.retracted.is_(False),
                case_timeline.c.review.in_(states),
            )
        )
    )
    rows.sort(key=lambda r: (r.date is None, r.date or "", r.first_recorded_position))
    return rows


def developments(
    conn: Connection,
    *,
    case: str | None = None,
    types: list[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    after: int = 0,
    limit: int = 50,
    review: tuple[str, ...] = ("accepted",),
) -> list[dict[str, Any]]:
    """Live developments in the order they were first recorded, after position `after`.

    `since`/`until` compare the developments' own (partial, ISO) dates as text, so
    `since="2021"` keeps everything dated in 2021 or later; undated ones drop out.
    The first recorded position is unique per development, so it is a stable cursor.
    Accepted developments only, unless `review` names other states.
    """
    query = select(case_timeline).where(
        case_timeline.c.retracted.is_(False),
        case_timeline.c.review.in_(review),
        case_timeline.c.first_recorded_position > after,
    )
    if case:
        query = query.where(case_timeline.c.case_key == case)
    if types:
        query = query.where(case_timeline.c.type.in_(types))
    if since:
        query = query.where(case_timeline.c.date >= since)
    if until:
        # "2021-09" as an upper bound keeps "2021-09-30", which sorts after it as text.
        query = query.where(
            or_(case_timeline.c.date <= until, case_timeline.c.date.like(until + "%"))
        )
    query = query.order_by(case_timeline.c.first_recorded_position).limit(limit)
    return _developments(conn, list(conn.execute(query)))


def recent_developments(
    conn: Connection, *, case: str | None = None, types: list[str] | None = None, limit: int = 100
) -> list[dict[str, Any]]:
    """The accepted developments changed most recently (newest first), with their case's
    name: a feed (proposals are not news until a person confirms them)."""
    query = (
        select(case_timeline, case_status.c.name.label("case_name"))
        .join(case_status, case_status.c.case_key == case_timeline.c.case_key, isouter=True)
        .where(case_timeline.c.retracted.is_(False), case_timeline.c.review == "accepted")
    )
    if case:
        query = query.where(case_timeline.c.case_key == case)
    if types:
        query = query.where(case_timeline.c.type.in_(types))
    updated = func.coalesce(case_timeline.c.updated_at, case_timeline.c.first_recorded_at)
    query = query.order_by(updated.desc(), case_timeline.c.first_recorded_position.desc())
    rows = list(conn.execute(query.limit(limit)))
    return [
        {**d, "name": r.case_name or r.case_key}
        for d, r in zip(_developments(conn, rows), rows, strict=True)
    ]


def sources(conn: Connection, case: str | None = None) -> list[dict[str, Any]]:
    """Every article that reported a live, accepted development: outlet, title, link,
    published, and which cases and how many developments it supports; newest first."""
    query = (
        select(
            development_sources.c.case_key,
            development_sources.c.article_id,
            development_sources.c.url,
            development_sources.c.title,
            development_sources.c.published,
        )
        .join(
            case_timeline,
            case_timeline.c.development_id == development_sources.c.development_id,
        )
        .where(case_timeline.c.retracted.is_(False), case_timeline.c.review == "accepted")
        .order_by(development_sources.c.position)
    )
    if case:
        query = query.where(development_sources.c.case_key == case)
    found: dict[str, dict[str, Any]] = {}
    for s in conn.execute(query):
        entry = found.setdefault(
            s.article_id,
            {
                "article": s.article_id,
                "outlet": outlet(s.url),
                "title": s.title,
                "url": s.url,
                "published": s.published,
                "cases": [],
                "developments": 0,
            },
        )
        entry["developments"] += 1
        if s.case_key not in entry["cases"]:
            entry["cases"].append(s.case_key)
    return sorted(found.values(), key=lambda e: (e["published"] or "", e["article"]), reverse=True)


def outlet(url: str | None) -> str | None:
    """The publication a link belongs to, by its host name without `www.`."""
    if not url:
        return None
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def case_names(conn: Connection) -> dict[str, str]:
    """Each defined case's display name (groups left out)."""
    rows = conn.execute(
        select(case_definitions.c.key, case_definitions.c.name).where(
            case_definitions.c.is_group.is_(False)
        )
    )
    return {r.key: r.name for r in rows}
