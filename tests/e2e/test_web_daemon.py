"""The web application as users start it: inside `monitor run`, and alone with `monitor serve`."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.e2e.test_cli_and_daemon import config
from tests.feedserver import FeedServer, conditional, rss
from tests.receivers import free_port

ROOT = Path(__file__).resolve().parents[2]


def wait_for(url: str, proc: subprocess.Popen[str], timeout: float = 60) -> httpx.Response:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"exited early: {proc.communicate()[1]}")
        try:
            return httpx.get(url, timeout=2)
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError(f"{url} never answered")


def stop(proc: subprocess.Popen[str]) -> None:
    started = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=10) == 0
    assert time.monotonic() - started < 10


def test_the_daemon_serves_the_pages_beside_health_and_metrics(tmp_path: Path) -> None:
    server = FeedServer()
    server.routes["/world"] = conditional(
        rss(
            [
                {
                    "id": "w1",
                    "title": "Aid workers freed in prisoner swap",
                    "text": "Anna Lindqvist and Daniel Okafor were released on Friday.",
                    "date": "Sat, 17 Jun 2023 08:00:00 GMT",
                    "link": "https://news.example.org/w1",
                }
            ]
        )
    )
    server.start()
    web, metrics = free_port(), free_port()
    env = {**os.environ, "MONITOR_DB": f"sqlite:///{tmp_path / 'd.db'}"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "monitor",
            "run",
            "--config",
            str(config(tmp_path, server)),
            "--listen",
            f"127.0.0.1:{web}",
            "--metrics-port",
            str(metrics),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(f"http://127.0.0.1:{web}/api/v1/cases", proc)
        deadline = time.monotonic() + 60
        status: dict[str, str] = {}
        while status.get("lindqvist") != "released" and time.monotonic() < deadline:
            rows = httpx.get(f"http://127.0.0.1:{web}/api/v1/cases").json()
            status = {r["case"]: r["status"] for r in rows}
            time.sleep(0.2)
        assert status.get("lindqvist") == "released"
        page = httpx.get(f"http://127.0.0.1:{web}/cases/lindqvist")
        assert page.status_code == 200 and "released" in page.text
        assert httpx.get(f"http://127.0.0.1:{metrics}/healthz").json()["ok"] is True
        assert "monitor_events_appended" in httpx.get(f"http://127.0.0.1:{metrics}/metrics").text
        stop(proc)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        server.stop()


def test_monitor_serve_reads_the_listen_address_from_http_config(tmp_path: Path) -> None:
    port = free_port()
    cfg = tmp_path / "web.toml"
    cfg.write_text(f'[http]\nlisten = "127.0.0.1:{port}"\n')
    env = {**os.environ, "MONITOR_DB": f"sqlite:///{tmp_path / 's.db'}"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "monitor", "serve", "--config", str(cfg)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        answer = wait_for(f"http://127.0.0.1:{port}/", proc)
        assert answer.status_code == 200 and "0 of 0 cases" in answer.text
        assert httpx.post(f"http://127.0.0.1:{port}/review/session").status_code == 403
        stop(proc)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_an_address_in_use_is_a_one_line_error(tmp_path: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        env = {**os.environ, "MONITOR_DB": f"sqlite:///{tmp_path / 's.db'}"}
        run = subprocess.run(
            [sys.executable, "-m", "monitor", "serve", "--listen", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "cannot listen on" in run.stderr
