"""Atom endpoints: one feed per case and one for all cases (filter by development type)."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from monitor.projections import reports
from monitor.web.api import _types
from monitor.web.atom import render_feed
from monitor.web.context import WebContext
from monitor.web.responses import conditional

ATOM_TYPE = "application/atom+xml; charset=utf-8"
ENTRIES = 200


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def case_feed(request: Request) -> Response:
    """`/cases/KEY.atom`: the case's developments, most recently changed first."""
    context: WebContext = request.app.state.web
    key = request.path_params["key"]
    with context.db.read() as conn:
        case = reports.case_status_of(conn, key, context.today())
        if case is None:
            raise HTTPException(404, f"no case {key!r}")
        rows = reports.recent_developments(conn, case=key, limit=ENTRIES)
    base = _base(request)
    body = render_feed(
        feed_id=f"urn:case-monitor:case:{key}",
        title=f"{case['name']}: developments",
        self_url=f"{base}/cases/{key}.atom",
        page_url=f"{base}/cases/{key}",
        case_url=base + "/cases/{case}",
        rows=rows,
    )
    return conditional(request, body, ATOM_TYPE)


def all_feed(request: Request) -> Response:
    """`/feed.atom[?type=released,verdict]`: every case's developments."""
    context: WebContext = request.app.state.web
    types = _types(request)
    with context.db.read() as conn:
        rows = reports.recent_developments(conn, types=types or None, limit=ENTRIES)
    base = _base(request)
    query = f"?{request.url.query}" if request.url.query else ""
    body = render_feed(
        feed_id="urn:case-monitor:all" + (f":{','.join(sorted(types))}" if types else ""),
        title="case-monitor: developments in every case"
        + (f" ({', '.join(types)})" if types else ""),
        self_url=f"{base}/feed.atom{query}",
        page_url=f"{base}/",
        case_url=base + "/cases/{case}",
        rows=rows,
    )
    return conditional(request, body, ATOM_TYPE)
