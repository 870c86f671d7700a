"""Private-address blocking: file:// feeds, loopback and redirects to refused addresses, webhooks.

The servers are real (on loopback); where a test needs one address allowed and
another refused, it passes the guard a policy that allows 127.0.0.1 only, so
127.0.0.2 stands for a private address behind a redirect.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor.alerts.outbox import Dispatcher, list_alerts
from monitor.bootstrap import bootstrap
from monitor.config import load_cases
from monitor.domain.articles import Article
from monitor.fetch.guard import IPAddress, guarded_transport
from monitor.fetch.http import FetchedFeed, Fetcher, FetchLimits
from monitor.ingest import import_cases
from tests.feedserver import FeedServer, body, redirect, rss
from tests.integration.test_alerts import SECRET, hook, subscribe
from tests.receivers import WebhookReceiver

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
FEED = rss([{"id": "1", "title": "t", "text": "x", "link": "https://n.example.org/1"}])


@pytest.fixture
def server() -> Iterator[FeedServer]:
    srv = FeedServer()
    srv.routes["/feed"] = body(FEED)
    srv.start()
    yield srv
    srv.stop()


def only_127_0_0_1(address: IPAddress) -> bool:
    return address == ipaddress.ip_address("127.0.0.1")


def fetch(url: str, *, block: bool, policy: bool = False) -> FetchedFeed:
    async def go() -> FetchedFeed:
        transport = guarded_transport(only_127_0_0_1) if policy else None
        fetcher = Fetcher(FetchLimits(block_private=block, deadline=5), transport=transport)
        try:
            return await fetcher.fetch(url)
        finally:
            await fetcher.aclose()

    return asyncio.run(go())


def test_file_feeds_are_refused_when_blocking(tmp_path: Path) -> None:
    path = tmp_path / "passwd"
    path.write_text("root:x:0:0:root:/root:/bin/bash\n")
    refused = fetch(path.as_uri(), block=True)
    assert refused.body is None and "file://" in (refused.error or "")
    assert fetch(path.as_uri(), block=False).ok  # off by default: local files are a normal setup


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_loopback_feeds_are_refused_by_address_or_by_name(server: FeedServer, host: str) -> None:
    url = server.url("/feed").replace("127.0.0.1", host)
    got = fetch(url, block=True)
    assert got.body is None and "non-public address" in (got.error or "")
    assert server.requests == []  # refused before any connection


def test_a_redirect_to_a_refused_address_is_not_followed(server: FeedServer) -> None:
    port = server.httpd.server_address[1]
    server.routes["/hop"] = redirect(f"http://127.0.0.2:{port}/feed", 302)
    assert fetch(server.url("/feed"), block=True, policy=True).ok  # the allowed address works
    got = fetch(server.url("/hop"), block=True, policy=True)
    assert "non-public address (127.0.0.2)" in (got.error or "")
    assert [p for p, _ in server.requests] == ["/feed", "/hop"]


def test_a_webhook_to_a_refused_address_is_dead_at_once(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEST_WEBHOOK_SECRET", SECRET)
    receiver = WebhookReceiver(SECRET)
    app = bootstrap(db_url)
    try:
        import_cases(app.store, load_cases(DATA / "cases.toml"))
        subscribe(app, hook(receiver.url))
        published = dt.datetime(2023, 6, 17, tzinfo=dt.UTC)
        app.ingest([Article("r", "", "Anna Lindqvist was released on Friday.", published)])

        async def go() -> None:
            dispatcher = Dispatcher(app.db, timeout=5, block_private=True)
            try:
                await dispatcher.dispatch_due()
            finally:
                await dispatcher.aclose()

        asyncio.run(go())
        [alert] = list_alerts(app.db)
    finally:
        app.close()
        receiver.stop()
    assert alert["state"] == "dead" and "non-public address" in alert["last_error"]
    assert receiver.received == []


def test_the_security_table_turns_blocking_on_for_the_daemon(
    tmp_path: Path, server: FeedServer, db_url: str
) -> None:
    local = tmp_path / "feed.xml"
    local.write_bytes(FEED)
    config = tmp_path / "monitor.toml"
    config.write_text(
        "[security]\nblock_private_addresses = true\n"
        f'[[feed]]\nurl = "{server.url("/feed")}"\nname = "loopback"\n'
        f'[[feed]]\nurl = "{local.as_uri()}"\nname = "file"\n'
    )
    env = {**os.environ, "MONITOR_DB": db_url}

    def monitor(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "monitor", *args, "--config", str(config)],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            cwd=ROOT,
        )

    run = monitor("run", "--once")
    assert run.returncode == 0, run.stderr
    assert "2 errors" in run.stdout and server.requests == []
    feeds = {f["name"]: f for f in json.loads(monitor("feeds", "--json").stdout)}
    assert "non-public address" in feeds["loopback"]["last_error"]
    assert "file://" in feeds["file"]["last_error"]
