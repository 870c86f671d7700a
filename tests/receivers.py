"""Real receivers on loopback: a webhook endpoint that checks signatures, and an SMTP server."""

from __future__ import annotations

import email
import json
import socket
import threading
import time
from email.message import Message
from http.server import BaseHTTPRequestHandler
from typing import Any

from aiosmtpd.controller import Controller

from monitor.alerts.webhook import verify
from tests.feedserver import QuietServer


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class WebhookReceiver:
    """Accepts signed POSTs; `delay` holds each response, `status` answers with another code."""

    def __init__(self, secret: str, port: int | None = None) -> None:
        self.secret = secret
        self.received: list[dict[str, Any]] = []
        self.bad_signatures = 0
        self.delay = 0.0
        self.status = 200
        self.seen = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                headers = {k.lower(): v for k, v in self.headers.items()}
                if not verify(receiver.secret, headers, body):
                    receiver.bad_signatures += 1
                    self._answer(401)
                    return
                receiver.received.append({"id": headers["webhook-id"], "body": json.loads(body)})
                receiver.seen.set()
                if receiver.delay:
                    time.sleep(receiver.delay)
                self._answer(receiver.status)

            def _answer(self, code: int) -> None:
                self.send_response(code)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = QuietServer(("127.0.0.1", port or 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/hook"

    def ids(self) -> list[str]:
        return [r["id"] for r in self.received]

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class SmtpSink:
    """A real SMTP server (aiosmtpd) that keeps every message; with `auth`, it also accepts
    AUTH without TLS (it offers no STARTTLS) and records each login it was sent."""

    def __init__(self, *, auth: bool = False) -> None:
        self.messages: list[Message] = []
        self.logins: list[tuple[str, str]] = []
        sink = self

        class Handler:
            async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
                sink.messages.append(email.message_from_bytes(envelope.content))
                return "250 OK"

        def authenticator(
            server: Any, session: Any, envelope: Any, mechanism: str, data: Any
        ) -> Any:
            from aiosmtpd.smtp import AuthResult

            sink.logins.append((data.login.decode(), data.password.decode()))
            return AuthResult(success=True)

        self.port = free_port()
        extra: dict[str, Any] = (
            {"authenticator": authenticator, "auth_require_tls": False} if auth else {}
        )
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port, **extra)
        self.controller.start()

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.controller.stop()
