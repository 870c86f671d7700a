"""Responses with a strong ETag over their body, and 304 for a matching If-None-Match."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from starlette.requests import Request
from starlette.responses import Response


def etag_of(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _matches(header: str | None, etag: str) -> bool:
    """RFC 9110 weak comparison, as If-None-Match asks: W/"x" matches "x"; * matches any."""
    if not header:
        return False
    candidates = [part.strip() for part in header.split(",")]
    return any(c == "*" or c.removeprefix("W/") == etag for c in candidates)


def conditional(
    request: Request, body: bytes, media_type: str, *, headers: dict[str, str] | None = None
) -> Response:
    """`body` with its ETag, or an empty 304 when the client already holds this version."""
    etag = etag_of(body)
    common = {"ETag": etag, "Cache-Control": "no-cache", **(headers or {})}
    if request.method in ("GET", "HEAD") and _matches(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=common)
    return Response(body, media_type=media_type, headers=common)


def json_body(value: Any) -> bytes:
    """JSON as the CLI's `--json` writes it (non-ASCII kept), without the indentation."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def json_response(request: Request, value: Any, status_code: int = 200) -> Response:
    if status_code != 200:
        return Response(json_body(value), status_code, media_type="application/json")
    return conditional(request, json_body(value), "application/json")
