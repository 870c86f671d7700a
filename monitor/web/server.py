"""Serving the web application with uvicorn: alone (`monitor serve`) or inside the daemon."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator
from typing import Any

import uvicorn


class ListenError(Exception):
    """The address cannot be listened on (in use, not local, no permission): one line."""


def bind(host: str, port: int) -> socket.socket:
    """A listening socket for host:port, so that a bad address fails here, in one line."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise ListenError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.setblocking(False)
    return sock


class EmbeddedServer(uvicorn.Server):
    """A uvicorn server that leaves SIGTERM and SIGINT to the daemon running it."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


def make_server(app: Any, host: str, port: int, *, embedded: bool = False) -> uvicorn.Server:
    """A server for `app` on host:port (port 0: any free one; see `bound_port`)."""
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        lifespan="off",
        server_header=False,
        proxy_headers=False,
        timeout_graceful_shutdown=5,  # SIGTERM ends the daemon within 10 seconds
    )
    return (EmbeddedServer if embedded else uvicorn.Server)(config)


def bound_port(server: uvicorn.Server) -> int:
    """The port a started server listens on."""
    for listener in getattr(server, "servers", []):
        for sock in listener.sockets:
            return int(sock.getsockname()[1])
    return server.config.port


def run_until_signalled(server: uvicorn.Server, sock: socket.socket) -> None:
    """Serve until SIGTERM or SIGINT, then finish in-flight requests and return (exit 0)."""
    import asyncio
    import signal

    async def main() -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, setattr, server, "should_exit", True)
        await server.serve(sockets=[sock])

    asyncio.run(main())
