"""JSON under /api/v1: cases, one case with its timeline, developments, sources, proposals.

The case and timeline answers are the very rows `monitor status --json` and
`monitor timeline KEY --json` print (the same queries in
`monitor.projections.reports`). Every GET carries an ETag.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from monitor.domain.developments import DevelopmentType
from monitor.projections import reports
from monitor.web.context import WebContext
from monitor.web.responses import json_response

MAX_LIMIT = 500


def _ctx(request: Request) -> WebContext:
    context: WebContext = request.app.state.web
    return context


def encode_cursor(position: int) -> str:
    return base64.urlsafe_b64encode(f"p{position}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    """An opaque cursor back to the position it stands after; a bad one is a 400."""
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        if not text.startswith("p"):
            raise ValueError(cursor)
        return int(text[1:])
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise HTTPException(400, f"bad cursor {cursor!r}") from None


def _int(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise HTTPException(400, f"{name} must be a whole number") from None
    if not low <= value <= high:
        raise HTTPException(400, f"{name} must be between {low} and {high}")
    return value


def _types(request: Request) -> list[str]:
    """`type=a,b` or `type=a&type=b`; an unknown type is a 400, not an empty answer."""
    found = [t for raw in request.query_params.getlist("type") for t in raw.split(",") if t]
    known = {t.value for t in DevelopmentType}
    for t in found:
        if t not in known:
            raise HTTPException(400, f"unknown development type {t!r}")
    return found


_STATES = ("accepted", "proposed", "rejected")


def _review_states(request: Request) -> tuple[str, ...]:
    """`review=accepted,proposed` (default: accepted only); an unknown state is a 400."""
    raw = request.query_params.get("review") or "accepted"
    states = tuple(s for s in raw.split(",") if s)
    for state in states:
        if state not in _STATES:
            raise HTTPException(400, f"unknown review state {state!r}: use {', '.join(_STATES)}")
    return states


def cases(request: Request) -> Response:
    """Every case's status: the rows of `monitor status --json`."""
    context = _ctx(request)
    with context.db.read() as conn:
        rows = reports.current_status(conn, context.today())
    return json_response(request, rows)


def _known(conn: Any, key: str, context: WebContext) -> dict[str, Any]:
    row = reports.case_status_of(conn, key, context.today())
    if row is None:
        raise HTTPException(404, f"no case {key!r}")
    return row


def case(request: Request) -> Response:
    """One case: its status row, its timeline (as `monitor timeline KEY --json`), proposals."""
    context = _ctx(request)
    key = request.path_params["key"]
    with context.db.read() as conn:
        status = _known(conn, key, context)
        body = {
            "case": status,
            "timeline": reports.timeline(conn, key),
            "proposals": context.review.waiting(conn).get(key, 0),
        }
    return json_response(request, body)


def case_timeline(request: Request) -> Response:
    """One case's timeline: exactly `monitor timeline KEY --json`."""
    context = _ctx(request)
    key = request.path_params["key"]
    with context.db.read() as conn:
        _known(conn, key, context)
        rows = reports.timeline(conn, key)
    return json_response(request, rows)


def developments(request: Request) -> Response:
    """Developments in the order they were recorded, filtered, a page at a time."""
    context = _ctx(request)
    limit = _int(request, "limit", 50, 1, MAX_LIMIT)
    cursor = request.query_params.get("cursor")
    after = decode_cursor(cursor) if cursor else 0
    with context.db.read() as conn:
        rows = reports.developments(
            conn,
            case=request.query_params.get("case") or None,
            types=_types(request),
            since=request.query_params.get("since") or None,
            until=request.query_params.get("until") or None,
            after=after,
            limit=limit + 1,
            review=_review_states(request),
        )
    page, more = rows[:limit], len(rows) > limit
    body = {
        "developments": [{k: v for k, v in r.items() if k != "position"} for r in page],
        "next_cursor": encode_cursor(page[-1]["position"]) if more else None,
    }
    return json_response(request, body)


def sources(request: Request) -> Response:
    """The articles behind the live developments (optionally of one case)."""
    context = _ctx(request)
    with context.db.read() as conn:
        rows = reports.sources(conn, request.query_params.get("case") or None)
    return json_response(request, rows)


def proposals(request: Request) -> Response:
    """Developments waiting for review, with evidence and sources."""
    context = _ctx(request)
    with context.db.read() as conn:
        rows = context.review.proposals(conn, request.query_params.get("case") or None)
    return json_response(request, rows)


def index(request: Request) -> Response:
    """/api/v1: where everything is."""
    return json_response(
        request,
        {
            "openapi": "/api/v1/openapi.json",
            "cases": "/api/v1/cases",
            "developments": "/api/v1/developments",
            "sources": "/api/v1/sources",
            "review": "/api/v1/review",
        },
    )


def openapi(request: Request) -> Response:
    return json_response(request, OPENAPI)


def _get(summary: str, schema: dict[str, Any], params: list[dict[str, Any]] | None = None) -> Any:
    return {
        "get": {
            "summary": summary,
            "parameters": params or [],
            "responses": {
                "200": {
                    "description": "OK (with an ETag)",
                    "content": {"application/json": {"schema": schema}},
                },
                "304": {"description": "Not modified (If-None-Match matched the ETag)"},
                "400": {"description": "A bad parameter"},
                "404": {"description": "No such case"},
            },
        }
    }


def _q(name: str, description: str, kind: str = "string") -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": {"type": kind},
    }


_KEY = {"name": "key", "in": "path", "required": True, "schema": {"type": "string"}}
_NULLABLE = {"type": ["string", "null"]}
_STATUS = {
    "type": "object",
    "required": ["case", "status", "status_date", "last_development", "last_development_date"],
    "properties": {
        "case": {"type": "string"},
        "name": {"type": "string"},
        "held_by": {"type": "string"},
        "status": _NULLABLE,
        "status_date": _NULLABLE,
        "last_development": _NULLABLE,
        "last_development_date": _NULLABLE,
        "held_since": _NULLABLE,
        "days_held": {"type": ["integer", "null"]},
        "last_consular_visit": _NULLABLE,
        "developments": {"type": "integer"},
        "sources": {"type": "integer"},
    },
}
_TIMELINE_ROW: dict[str, Any] = {
    "type": "object",
    "properties": {
        "case": {"type": "string"},
        "development": {"type": "string"},
        "type": {"type": "string", "enum": [t.value for t in DevelopmentType]},
        "date": _NULLABLE,
        "precision": {"type": ["string", "null"], "enum": ["day", "month", "year", None]},
        "outcome": _NULLABLE,
        "detail": _NULLABLE,
        "evidence": {"type": "string"},
        "confidence": {"type": "number"},
        "sources": {"type": "integer"},
        "first_source": {"type": "string"},
        "last_source": {"type": "string"},
    },
}
_SOURCE = {
    "type": "object",
    "properties": {
        "article": {"type": "string"},
        "outlet": _NULLABLE,
        "title": _NULLABLE,
        "url": _NULLABLE,
        "published": _NULLABLE,
        "cases": {"type": "array", "items": {"type": "string"}},
        "developments": {"type": "integer"},
    },
}
_DEVELOPMENT = {
    "type": "object",
    "properties": {
        **{
            k: v
            for k, v in _TIMELINE_ROW["properties"].items()
            if k not in ("first_source", "last_source")
        },
        "review": {"type": "string"},
        "sources": {"type": "array", "items": {"type": "object"}},
        "recorded_at": _NULLABLE,
        "updated_at": _NULLABLE,
    },
}

OPENAPI: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {
        "title": "case-monitor",
        "version": "1",
        "description": "Cases of people detained by foreign states: status, developments "
        "and their sources, read from the projections. Dates are ISO prefixes with a "
        "precision (day, month, year).",
    },
    "paths": {
        "/api/v1/cases": _get(
            "Every case's status (as `monitor status --json`)",
            {"type": "array", "items": _STATUS},
        ),
        "/api/v1/cases/{key}": _get(
            "One case with its timeline",
            {
                "type": "object",
                "properties": {
                    "case": _STATUS,
                    "timeline": {"type": "array", "items": _TIMELINE_ROW},
                    "proposals": {"type": "integer"},
                },
            },
            [_KEY],
        ),
        "/api/v1/cases/{key}/timeline": _get(
            "One case's timeline (as `monitor timeline KEY --json`)",
            {"type": "array", "items": _TIMELINE_ROW},
            [_KEY],
        ),
        "/api/v1/developments": _get(
            "Developments in the order they were recorded, a page at a time",
            {
                "type": "object",
                "properties": {
                    "developments": {"type": "array", "items": _DEVELOPMENT},
                    "next_cursor": _NULLABLE,
                },
            },
            [
                _q("case", "a case key"),
                _q("type", "development types, comma-separated or repeated"),
                _q("since", "own date at or after this ISO prefix"),
                _q("until", "own date at or before this ISO prefix"),
                _q("review", "states, comma-separated: accepted (default), proposed, rejected"),
                _q("limit", f"page size, 1 to {MAX_LIMIT} (default 50)", "integer"),
                _q("cursor", "`next_cursor` of the previous page"),
            ],
        ),
        "/api/v1/sources": _get(
            "The articles behind the live developments",
            {"type": "array", "items": _SOURCE},
            [_q("case", "a case key")],
        ),
        "/api/v1/review": _get(
            "Developments waiting for review",
            {"type": "array", "items": {"type": "object"}},
            [_q("case", "a case key")],
        ),
    },
}
