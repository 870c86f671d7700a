"""The web application served by real uvicorn on a free loopback port, in a thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from monitor.web.server import bound_port, make_server


@contextmanager
def served(app: Any) -> Iterator[str]:
    """Serve `app` on 127.0.0.1 (any free port) until the block ends; yields the base URL."""
    server = make_server(app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.run, name="web", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the web application did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{bound_port(server)}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
