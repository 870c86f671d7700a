"""Server-rendered pages: every case, one case's time line, the review queue and its forms.

Pages read projections only; the one write is a review decision, which goes to
the review desk (the same use case as the CLI), behind the token and CSRF checks.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from monitor.domain.dates import PartialDate
from monitor.domain.developments import DevelopmentType, Status
from monitor.projections import reports
from monitor.web.context import Decision, UnknownProposal, WebContext
from monitor.web.guard import (
    CSRF_COOKIE,
    CSRF_FIELD,
    REVIEWER_COOKIE,
    SESSION_COOKIE,
    same_origin,
)
from monitor.web.responses import conditional
from monitor.web.svg import timeline_svg

_ENV = Environment(
    loader=PackageLoader("monitor.web", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)

COLUMNS = [
    ("name", "Name"),
    ("held_by", "Held by"),
    ("status", "Status"),
    ("status_date", "Since"),
    ("days_held", "Days held"),
    ("days_since_visit", "Days since consular visit"),
    ("last_development_date", "Last development"),
    ("proposals", "Waiting review"),
]
NUMERIC = {"days_held", "days_since_visit", "proposals"}
_FREE = {Status.RELEASED.value, Status.DECEASED.value, Status.ACQUITTED.value}


def _ctx(request: Request) -> WebContext:
    context: WebContext = request.app.state.web
    return context


def _render(request: Request, template: str, **values: Any) -> Response:
    """A page with its ETag; the CSRF cookie is set here when the browser has none."""
    context = _ctx(request)
    nonce = request.cookies.get(CSRF_COOKIE)
    fresh = nonce is None and context.guard.writable
    if fresh:
        nonce = context.guard.new_nonce()
    csrf = context.guard.csrf_token(nonce) if nonce and context.guard.writable else ""
    now = dt.datetime.now(dt.UTC).replace(second=0, microsecond=0)
    body = _ENV.get_template(template).render(
        csrf=csrf, now=now.strftime("%Y-%m-%d %H:%M UTC"), **values
    )
    response = conditional(request, body.encode("utf-8"), "text/html; charset=utf-8")
    if fresh and nonce:
        response.set_cookie(CSRF_COOKIE, nonce, httponly=True, samesite="strict")
    return response


def _days_since_visit(row: dict[str, Any], today: dt.date) -> int | None:
    """Days since the last consular visit (or since detention when there was none), while held."""
    if row["status"] in _FREE or row["status"] is None:
        return None
    since = row["last_consular_visit"] or row["held_since"]
    if not since:
        return None
    return max((today - PartialDate.parse(since).first_day()).days, 0)


def _sort_key(key: str) -> Any:
    def value(row: dict[str, Any]) -> tuple[bool, Any]:
        v = row.get(key)
        return (v is None, v if v is not None else 0)

    return value


def index(request: Request) -> Response:
    """`/`: every case, sortable by any column, filtered by status and holder."""
    context = _ctx(request)
    today = context.today()
    with context.db.read() as conn:
        rows = reports.current_status(conn, today)
        waiting = context.review.waiting(conn)
    for row in rows:
        row["days_since_visit"] = _days_since_visit(row, today)
        row["proposals"] = waiting.get(row["case"], 0)
    total = len(rows)
    status = request.query_params.get("status") or ""
    held_by = request.query_params.get("held_by") or ""
    statuses = sorted({r["status"] for r in rows if r["status"]})
    holders = sorted({r["held_by"] for r in rows if r["held_by"]})
    if status:
        rows = [r for r in rows if r["status"] == status]
    if held_by:
        rows = [r for r in rows if r["held_by"] == held_by]
    sort = request.query_params.get("sort") or ""
    order = "desc" if request.query_params.get("order") == "desc" else "asc"
    if sort in dict(COLUMNS):
        present = [r for r in rows if r.get(sort) is not None]
        missing = [r for r in rows if r.get(sort) is None]
        rows = sorted(present, key=_sort_key(sort), reverse=order == "desc") + missing

    def sort_link(key: str) -> str:
        flip = "desc" if key == sort and order == "asc" else "asc"
        return "/?" + request.url.include_query_params(sort=key, order=flip).query

    return _render(
        request,
        "index.html",
        rows=rows,
        total=total,
        statuses=statuses,
        holders=holders,
        filters={"status": status, "held_by": held_by},
        sort=sort,
        order=order,
        columns=COLUMNS,
        numeric=NUMERIC,
        sort_link=sort_link,
    )


def case_page(request: Request) -> Response:
    """`/cases/KEY`: the facts, the SVG time line, then every development with its sources."""
    context = _ctx(request)
    key = request.path_params["key"]
    today = context.today()
    with context.db.read() as conn:
        case = reports.case_status_of(conn, key, today)
        if case is None:
            raise HTTPException(404, f"no case {key!r}")
        history = reports.case_history(conn, key)
        waiting = context.review.waiting(conn).get(key, 0)
    for row in history:
        for source in row["sources"]:
            source["outlet"] = reports.outlet(source.get("url"))
    accepted = [row for row in history if row["review"] == "accepted"]
    svg = timeline_svg(accepted, today, title=f"Time line of {case['name']}")
    return _render(request, "case.html", case=case, history=history, svg=svg, waiting=waiting)


def review_page(request: Request) -> Response:
    """`/review`: what waits for a person; forms only for a signed-in reviewer."""
    context = _ctx(request)
    case = request.query_params.get("case") or None
    with context.db.read() as conn:
        proposals = context.review.proposals(conn, case)
    for p in proposals:
        for source in p.get("sources", []):
            source.setdefault("outlet", reports.outlet(source.get("url")))
    guard = context.guard
    signed_in = guard.session_ok(
        request.cookies.get(SESSION_COOKIE), request.headers.get("authorization")
    )
    return _render(
        request,
        "review.html",
        proposals=proposals,
        case=case,
        writable=guard.writable,
        signed_in=signed_in,
        message=request.query_params.get("message"),
        types=[t.value for t in DevelopmentType],
    )


async def _checked_form(request: Request, *, need_session: bool = True) -> dict[str, str]:
    """The POSTed form, once the token, the session and the CSRF token all check out (else 403)."""
    guard = _ctx(request).guard
    if not guard.writable:
        raise HTTPException(403, "read-only: no review token is configured")
    if not same_origin(request.headers.get("origin"), request.headers.get("host")):
        raise HTTPException(403, "cross-site request refused")
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    bearer = request.headers.get("authorization")
    if need_session and not guard.session_ok(request.cookies.get(SESSION_COOKIE), bearer):
        raise HTTPException(403, "sign in with the review token first")
    # A program that presents the token itself cannot be forged by another site; a browser's
    # cookie can, so cookie-borne requests must carry the form's CSRF token.
    if not (bearer and guard.session_ok(None, bearer)) and not guard.csrf_ok(
        request.cookies.get(CSRF_COOKIE), form.get(CSRF_FIELD)
    ):
        raise HTTPException(403, "missing or stale form token: reload the page and try again")
    return form


def _back(message: str, case: str | None = None) -> RedirectResponse:
    from urllib.parse import urlencode

    query = {"message": message, **({"case": case} if case else {})}
    return RedirectResponse(f"/review?{urlencode(query)}", status_code=303)


async def sign_in(request: Request) -> Response:
    form = await _checked_form(request, need_session=False)
    guard = _ctx(request).guard
    if not guard.token_matches(form.get("token")):
        raise HTTPException(403, "wrong review token")
    response = _back("Signed in.")
    response.set_cookie(SESSION_COOKIE, guard.session_value(), httponly=True, samesite="strict")
    name = _reviewer_name(form.get("by"))
    if name:
        response.set_cookie(REVIEWER_COOKIE, name, httponly=True, samesite="strict")
    return response


def _reviewer_name(text: str | None) -> str:
    """The name a reviewer gave at sign-in, kept to letters, digits and a few marks."""
    kept = "".join(c for c in (text or "") if c.isalnum() or c in " .-_@")
    return kept.strip()[:60]


async def sign_out(request: Request) -> Response:
    await _checked_form(request, need_session=False)
    response = _back("Signed out.")
    response.delete_cookie(SESSION_COOKIE)
    response.delete_cookie(REVIEWER_COOKIE)
    return response


async def decide(request: Request) -> Response:
    """POST /review/ID/ACTION: confirm, reject or correct one proposal."""
    from starlette.concurrency import run_in_threadpool

    form = await _checked_form(request)
    action = request.path_params["action"]
    if action not in ("confirm", "reject", "correct"):
        raise HTTPException(404, f"no review action {action!r}")
    changes = {k: form[k] for k in ("type", "date", "case", "outcome", "detail") if form.get(k)}
    decision = Decision(
        action=action,
        development=request.path_params["development"],
        # Who decided, as the events record it: the name given at sign-in, marked as the web's.
        by="web:" + (_reviewer_name(request.cookies.get(REVIEWER_COOKIE)) or "reviewer"),
        reason=form.get("reason") or None,
        changes=changes if action == "correct" else {},
    )
    try:
        await run_in_threadpool(_ctx(request).review.decide, decision)
    except UnknownProposal as exc:
        raise HTTPException(404, str(exc)) from None
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None
    return _back(f"{action.capitalize()}ed {decision.development}.")
