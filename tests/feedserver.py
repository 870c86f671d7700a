"""A real HTTP server on loopback that behaves like good and hostile feed servers."""

from __future__ import annotations

import contextlib
import gzip
import sys
import threading
import time
from collections.abc import Callable
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Route = Callable[[BaseHTTPRequestHandler], None]


class QuietServer(ThreadingHTTPServer):
    """A loopback server that lets a client hang up quietly: a client that closes a kept-alive
    connection, or gives up on a slow answer, is what the tests do, not an error to print."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionResetError | BrokenPipeError):
            super().handle_error(request, client_address)


def rss(items: list[dict[str, str]], title: str = "Test feed", encoding: str = "utf-8") -> bytes:
    entries = "".join(
        f"<item><guid>{i['id']}</guid><title>{i['title']}</title><link>{i.get('link', '')}</link>"
        f"<pubDate>{i.get('date', 'Mon, 27 Sep 2021 12:00:00 GMT')}</pubDate>"
        f"<description>{i.get('text', '')}</description></item>"
        for i in items
    )
    doc = (
        f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://example.org/</link>{entries}</channel></rss>"
    )
    return doc.encode(encoding)


class FeedServer:
    """Routes by path; records each request's headers so tests can see what was sent."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                server.requests.append((path, {k.lower(): v for k, v in self.headers.items()}))
                route = server.routes.get(path)
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    route(self)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = QuietServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def start(self) -> FeedServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def headers_for(self, path: str) -> list[dict[str, str]]:
        return [h for p, h in self.requests if p == path]


def send(
    handler: BaseHTTPRequestHandler,
    status: int,
    body: bytes = b"",
    headers: dict[str, str] | None = None,
) -> None:
    handler.send_response(status)
    for key, value in (headers or {}).items():
        handler.send_header(key, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def conditional(body: bytes, etag: str = '"v1"') -> Route:
    stamp = formatdate(1632744000, usegmt=True)

    def route(h: BaseHTTPRequestHandler) -> None:
        if h.headers.get("If-None-Match") == etag or h.headers.get("If-Modified-Since") == stamp:
            send(h, 304, headers={"ETag": etag})
            return
        send(
            h,
            200,
            body,
            {
                "Content-Type": "application/rss+xml; charset=utf-8",
                "ETag": etag,
                "Last-Modified": stamp,
            },
        )

    return route


def redirect(to: str, status: int = 301) -> Route:
    return lambda h: send(h, status, headers={"Location": to})


def drip(h: BaseHTTPRequestHandler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Content-Length", "100000")
    h.end_headers()
    for _ in range(100000):
        h.wfile.write(b" ")
        h.wfile.flush()
        time.sleep(1.0)


def endless(h: BaseHTTPRequestHandler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.end_headers()  # no length: read until the server stops, which it never does
    chunk = b"<item>" + b"x" * 65536 + b"</item>"
    while True:
        h.wfile.write(chunk)


def gzip_bomb(h: BaseHTTPRequestHandler) -> None:
    body = gzip.compress(b"\0" * (200 * 1024 * 1024), compresslevel=9)  # ~200 KB on the wire
    send(h, 200, body, {"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"})


def status(code: int, headers: dict[str, str] | None = None) -> Route:
    return lambda h: send(h, code, b"", headers)


def body(content: bytes, content_type: str = "application/rss+xml") -> Route:
    return lambda h: send(h, 200, content, {"Content-Type": content_type})
