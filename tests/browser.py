"""Headless Chromium driven over the DevTools protocol on a pipe (no extra packages).

Chromium reads protocol messages on fd 3 and writes them on fd 4, each one JSON
text ended by a NUL byte; a shell maps our stdin/stdout pipes onto those fds.
Tests see a page as a person does: its rendered text (`innerText`), what the
DOM holds, and a screenshot.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def chromium_path() -> str:
    """The browser to use; outside CI a missing one skips the test, in CI it fails it."""
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    reason = "no Chromium found (install Debian's `chromium`; .ci/run does)"
    if os.environ.get("MONITOR_REQUIRE_CHROMIUM") == "1":
        pytest.fail(f"MONITOR_REQUIRE_CHROMIUM=1 but {reason}")
    pytest.skip(reason)


class Browser:
    """One headless Chromium with one tab."""

    def __init__(self, executable: str, width: int = 1200, height: int = 900) -> None:
        self._profile = tempfile.mkdtemp(prefix="monitor-chromium-")
        args = [
            "--headless",
            "--no-sandbox",  # tests may run as root in containers
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--disable-extensions",
            "--disable-background-networking",
            "--remote-debugging-pipe",
            f"--user-data-dir={self._profile}",
            f"--window-size={width},{height}",
            "about:blank",
        ]
        self._proc = subprocess.Popen(
            ["sh", "-c", 'exec "$0" "$@" 3<&0 4>&1 0</dev/null 1>/dev/null', executable, *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []
        self.width, self.height = width, height
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        self.call("Page.enable")
        self.call("Runtime.enable")
        self.resize(width, height)

    def _read_message(self, deadline: float) -> dict[str, Any]:
        assert self._proc.stdout is not None
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._proc.stdout.fileno(), 65536)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def send(
        self, method: str, params: dict[str, Any] | None = None, *, session: str | None = None
    ) -> dict[str, Any]:
        """One protocol command; its result (protocol errors raise)."""
        assert self._proc.stdin is not None
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self._proc.stdin.write(json.dumps(message).encode() + b"\0")
        self._proc.stdin.flush()
        deadline = time.monotonic() + 30
        while True:
            answer = self._read_message(deadline)
            if answer.get("id") == self._next:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                result: dict[str, Any] = answer.get("result", {})
                return result
            if "method" in answer:
                self.events.append(answer)

    def call(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.send(method, params, session=self.session)

    def resize(self, width: int, height: int, *, mobile: bool = False) -> None:
        self.width, self.height = width, height
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
        )

    def _wait_for(self, method: str, since: int, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while True:
            if any(e["method"] == method for e in self.events[since:]):
                return
            self.events.append(self._read_message(deadline))

    def goto(self, url: str) -> None:
        """Load `url` and wait until the page (and everything in it) has loaded."""
        mark = len(self.events)
        self.call("Page.navigate", {"url": url})
        self._wait_for("Page.loadEventFired", mark)

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def submit(self, expression: str) -> None:
        """Click what `expression` finds (a submit button) and wait for the next page."""
        mark = len(self.events)
        self.evaluate(f"({expression}).click()")
        self._wait_for("Page.loadEventFired", mark)

    def text(self) -> str:
        """What a person reads on the page."""
        return str(self.evaluate("document.body.innerText"))

    def screenshot(self, path: Path) -> Path:
        """The whole page, not just the window, as PNG."""
        width, window = self.width, self.height
        height = int(self.evaluate("document.documentElement.scrollHeight"))
        self.resize(width, max(height, 200), mobile=width < 600)
        data = self.call("Page.captureScreenshot", {"format": "png"})["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        self.resize(width, window, mobile=width < 600)
        return path

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.send("Browser.close")
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        shutil.rmtree(self._profile, ignore_errors=True)
