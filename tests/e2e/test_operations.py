"""Operations tell the truth: the daemon as run, stopped, reloaded and watched.

SIGTERM in the middle of a long ingest, SIGHUP with a good and a bad file,
/metrics without /healthz, /healthz against `monitor health`, the metrics
address, the log lines an operator relies on, and the Dockerfile.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from monitor.bootstrap import bootstrap
from monitor.polling import feed_rows
from monitor.store.schema import articles
from tests.feedserver import FeedServer, body, rss, status
from tests.receivers import free_port

ROOT = Path(__file__).resolve().parents[2]
CASES = (ROOT / "tests" / "data" / "cases.toml").read_text()


@pytest.fixture
def server() -> Iterator[FeedServer]:
    srv = FeedServer().start()
    yield srv
    srv.stop()


def start(config: Path, db: str, *extra: str, log: Path) -> subprocess.Popen[str]:
    handle = log.open("w")
    return subprocess.Popen(
        [sys.executable, "-m", "monitor", "run", "--config", str(config), "--tick", "0.3", *extra],
        cwd=ROOT,
        env={**os.environ, "MONITOR_DB": db},
        stdout=subprocess.DEVNULL,
        stderr=handle,
        text=True,
    )


def wait_for(predicate: Any, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def stored(db: str) -> int:
    app = bootstrap(db)
    try:
        with app.db.read() as conn:
            return int(conn.execute(select(func.count()).select_from(articles)).scalar_one())
    finally:
        app.close()


def feed_config(tmp_path: Path, feeds: dict[str, str], name: str = "monitor.toml") -> Path:
    path = tmp_path / name
    path.write_text(
        CASES
        + "".join(
            f'\n[[feed]]\nname = "{n}"\nurl = "{u}"\ninterval = "1h"\n' for n, u in feeds.items()
        )
    )
    return path


def test_sigterm_in_the_middle_of_a_long_ingest_exits_within_ten_seconds(
    tmp_path: Path, server: FeedServer, db_url: str
) -> None:
    items = [
        {
            "id": f"v{i}",
            "title": f"Visit {i}",
            "text": f"Swedish consular officials visited Anna Lindqvist in Moscow, report {i}.",
            "date": "Mon, 19 Jun 2023 08:00:00 GMT",
        }
        for i in range(6000)
    ]
    server.routes["/big"] = body(rss(items))
    config = feed_config(tmp_path, {"Big": server.url("/big")})
    proc = start(config, db_url, log=tmp_path / "daemon.log")
    try:
        assert wait_for(lambda: stored(db_url) > 50, 120), "the ingest never started"
        proc.send_signal(signal.SIGTERM)
        signalled = time.monotonic()
        code = proc.wait(timeout=30)
        took = time.monotonic() - signalled
    finally:
        if proc.poll() is None:
            proc.kill()
    print(f"SIGTERM to exit: {took:.1f} s; {stored(db_url)} of {len(items)} articles stored")
    assert code == 0 and took < 10, (code, took)
    assert stored(db_url) < len(items)  # it really was stopped in the middle
    app = bootstrap(db_url)
    try:
        big = feed_rows(app.db)[0]
        # Not recorded as fetched: still due, so the rest is ingested at the next start.
        assert big["last_fetch_at"] is None
    finally:
        app.close()


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def gauge(metrics: bytes, name: str) -> float:
    match = re.search(rf"^{name} (\S+)$", metrics.decode(), re.M)
    assert match, name
    return float(match.group(1))


def test_metrics_are_current_without_healthz_and_healthz_agrees_with_monitor_health(
    tmp_path: Path, server: FeedServer, db_url: str
) -> None:
    server.routes["/gone"] = status(404)
    config = feed_config(tmp_path, {"Gone": server.url("/gone")})
    port = free_port()
    # Another loopback address than the default shows the address is the one given.
    proc = start(
        config,
        db_url,
        "--metrics-port",
        str(port),
        "--metrics-host",
        "127.0.0.2",
        log=tmp_path / "daemon.log",
    )
    try:
        base = f"http://127.0.0.2:{port}"
        assert wait_for(lambda: server.headers_for("/gone"), 60), "never polled"

        def failing() -> bool:
            try:
                return gauge(get(f"{base}/metrics")[1], "monitor_feeds_failing") == 1
            except OSError:
                return False

        assert wait_for(failing, 30), "the gauge never showed the failing feed"
        code, raw = get(f"{base}/healthz")
        info = json.loads(raw)
        cli = subprocess.run(
            [sys.executable, "-m", "monitor", "health"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "MONITOR_DB": db_url},
            timeout=60,
        )
        assert cli.stdout.startswith("degraded: ") and cli.returncode == 1
        assert info["status"] == "degraded" and info["ok"] is False and code == 503
        assert info["feeds_failing"] == 1 and "1/1 feeds failing" in cli.stdout
        with pytest.raises(OSError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=2)
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0


def test_sighup_reloads_the_configuration_and_a_bad_file_keeps_the_running_one(
    tmp_path: Path, server: FeedServer, db_url: str
) -> None:
    server.routes["/one"] = body(rss([{"id": "1", "title": "One", "text": "Markets rose."}]))
    server.routes["/two"] = body(rss([{"id": "2", "title": "Two", "text": "Markets fell."}]))
    config = feed_config(tmp_path, {"One": server.url("/one")})
    log = tmp_path / "daemon.log"
    proc = start(config, db_url, log=log)
    try:
        assert wait_for(lambda: server.headers_for("/one"), 60), "never polled"
        feed_config(tmp_path, {"One": server.url("/one"), "Two": server.url("/two")})
        proc.send_signal(signal.SIGHUP)
        assert wait_for(lambda: server.headers_for("/two"), 30), "the new feed was not polled"
        assert "configuration reloaded: 2 feeds" in log.read_text()
        config.write_text(config.read_text() + "\n[[fead]]\nurl = 'x'\n")
        proc.send_signal(signal.SIGHUP)
        assert wait_for(lambda: "configuration not reloaded" in log.read_text(), 30)
        assert proc.poll() is None  # still running, on the configuration it had
        assert "unknown table [[fead]]" in log.read_text()
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0


def test_the_log_names_the_database_without_its_password_and_status_changes_without_noise(
    tmp_path: Path, server: FeedServer, db_url: str
) -> None:
    server.routes["/news"] = body(
        rss(
            [
                {
                    "id": "n1",
                    "title": "Freed",
                    "text": "Anna Lindqvist was released on Friday, her family said.",
                    "date": "Mon, 19 Jun 2023 08:00:00 GMT",
                }
            ]
        )
    )
    config = feed_config(tmp_path, {"News": server.url("/news")})
    url = db_url
    if url.startswith("postgresql"):  # a password the log must not show (trust ignores it)
        url = url.replace("postgres@", "postgres:s3cret-pw@", 1)
    run = subprocess.run(
        [sys.executable, "-m", "monitor", "run", "--once", "--config", str(config)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "MONITOR_DB": url},
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    log = run.stderr
    assert "alembic" not in log
    assert "s3cret-pw" not in log
    database = [line for line in log.splitlines() if "monitor.daemon: database: " in line]
    assert len(database) == 1
    if url.startswith("postgresql"):
        assert "postgres:***@127.0.0.1" in database[0]
    assert re.search(
        r"INFO monitor\.status: case lindqvist: status none -> released \(2023-06", log
    )


def test_the_dockerfile_listens_where_its_port_mapping_reaches() -> None:
    docker = (ROOT / "Dockerfile").read_text()
    assert "ENV MONITOR_METRICS_HOST=0.0.0.0" in docker
    assert "EXPOSE 9108" in docker
    cmd = json.loads(re.search(r"^CMD (\[.*\])$", docker, re.M).group(1))  # type: ignore[union-attr]
    assert cmd[:2] == ["monitor", "run"] and cmd[cmd.index("--metrics-port") + 1] == "9108"
