"""The ASGI application: routes to pages, the JSON API and the Atom feeds."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from monitor.web import api, feeds, pages
from monitor.web.context import WebContext


async def _error(request: Request, exc: Exception) -> Response:
    """Errors as JSON under /api, as plain text elsewhere (the detail says what was wrong)."""
    assert isinstance(exc, HTTPException)
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": exc.detail}, exc.status_code, headers=exc.headers)
    return PlainTextResponse(f"{exc.status_code}: {exc.detail}\n", exc.status_code, exc.headers)


def create_app(context: WebContext) -> Starlette:
    """One application for the daemon and `monitor serve` alike."""
    routes = [
        Route("/", pages.index),
        Route("/feed.atom", feeds.all_feed),
        # Before /cases/{key}: the key pattern would also match "kovrig.atom".
        Route("/cases/{key}.atom", feeds.case_feed),
        Route("/cases/{key}", pages.case_page),
        Route("/review", pages.review_page),
        Route("/review/session", pages.sign_in, methods=["POST"]),
        Route("/review/session/end", pages.sign_out, methods=["POST"]),
        Route("/review/{development}/{action}", pages.decide, methods=["POST"]),
        Route("/api/v1", api.index),
        Route("/api/v1/openapi.json", api.openapi),
        Route("/api/v1/cases", api.cases),
        Route("/api/v1/cases/{key}", api.case),
        Route("/api/v1/cases/{key}/timeline", api.case_timeline),
        Route("/api/v1/developments", api.developments),
        Route("/api/v1/sources", api.sources),
        Route("/api/v1/review", api.proposals),
    ]
    app = Starlette(routes=routes, exception_handlers={HTTPException: _error})
    app.state.web = context
    return app
