"""Observability: Prometheus metrics and a /healthz endpoint on an optional port (loopback
unless the daemon is told another address)."""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST


class Metrics:
    """The daemon's metrics, in a registry of their own (nothing global)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.fetches = Counter(
            "monitor_feed_fetches", "Feed fetches", ["feed", "result"], registry=r
        )
        self.articles = Counter("monitor_articles", "New articles stored", registry=r)
        self.events = Counter("monitor_events_appended", "Events appended by ingest", registry=r)
        self.alerts_sent = Counter("monitor_alerts_sent", "Alerts delivered", registry=r)
        self.alert_failures = Counter("monitor_alert_failures", "Failed deliveries", registry=r)
        self.lag = Gauge(
            "monitor_projector_lag_events", "Events behind the head", ["projector"], registry=r
        )
        self.queue = Gauge("monitor_alert_queue", "Alerts waiting to be delivered", registry=r)
        self.dead = Gauge("monitor_alerts_dead", "Dead-lettered alerts", registry=r)
        self.feeds_failing = Gauge(
            "monitor_feeds_failing", "Feeds whose last poll failed", registry=r
        )
        self.projection_errors = Gauge(
            "monitor_projection_errors", "Events the projectors could not apply", registry=r
        )

    def render(self) -> bytes:
        return bytes(generate_latest(self.registry))


def serve(
    port: int, metrics: Metrics, health: Callable[[], dict[str, Any]], host: str = "127.0.0.1"
) -> ThreadingHTTPServer:
    """Serve /metrics and /healthz in a daemon thread; returns the server (shutdown() to stop)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/metrics":
                # The gauges are read from the database now, whether or not /healthz was asked.
                with contextlib.suppress(Exception):  # counters still answer without a database
                    health()
                self._send(200, metrics.render(), CONTENT_TYPE_LATEST)
            elif self.path == "/healthz":
                try:
                    info = health()
                    code = 200 if info.get("ok", True) else 503
                except Exception as exc:  # the endpoint must answer even when the database does not
                    info, code = {"ok": False, "error": type(exc).__name__}, 503
                self._send(code, json.dumps(info).encode(), "application/json")
            else:
                self._send(404, b"not found\n", "text/plain")

        def _send(self, code: int, body: bytes, kind: str) -> None:
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True, name="metrics").start()
    return server
