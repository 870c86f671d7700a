"""The fetcher against a real, hostile HTTP server on loopback; and polling with feed state."""

from __future__ import annotations

import asyncio
import datetime as dt
import gzip
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from monitor.bootstrap import App, bootstrap
from monitor.config import FeedConfig, load_cases
from monitor.fetch.http import FetchedFeed, Fetcher, FetchLimits
from monitor.fetch.parse import parse_feed
from monitor.ingest import import_cases
from monitor.polling import feed_rows, poll_once
from tests.feedserver import (
    FeedServer,
    body,
    conditional,
    drip,
    endless,
    gzip_bomb,
    redirect,
    rss,
    status,
)

DATA = Path(__file__).resolve().parents[1] / "data"
ITEMS = [
    {
        "id": "n1",
        "title": "Swedish aid worker freed",
        "link": "https://news.example.org/n1",
        "text": "Anna Lindqvist was released on Friday, her family said.",
        "date": "Mon, 19 Jun 2023 08:00:00 GMT",
    },
    {
        "id": "n2",
        "title": "Markets rally",
        "link": "https://news.example.org/n2",
        "text": "Shares rose on Monday.",
    },
]
FEED = rss(ITEMS)


@pytest.fixture(scope="module")
def server() -> Iterator[FeedServer]:
    srv = FeedServer()
    srv.routes.update(
        {
            "/feed": conditional(FEED),
            "/moved": redirect("/feed", 301),
            "/temporary": redirect("/feed", 302),
            "/loop-a": redirect("/loop-b"),
            "/loop-b": redirect("/loop-a"),
            **{f"/hop{i}": redirect(f"/hop{i + 1}") for i in range(10)},
            "/slow": drip,
            "/endless": endless,
            "/bomb": gzip_bomb,
            "/limited": status(429, {"Retry-After": "120"}),
            "/unavailable": status(503, {"Retry-After": "Wed, 21 Oct 2099 07:28:00 GMT"}),
            "/broken": status(500),
            "/html": body(
                b"<!DOCTYPE html><html><body><h1>Not a feed</h1></body></html>", "text/html"
            ),
            "/empty": body(b""),
            "/malformed": body(FEED[: len(FEED) // 2]),
            "/latin1": body(
                rss(
                    [
                        {
                            "id": "l1",
                            "title": "Caf\u00e9 owner detained",
                            "text": "Jos\u00e9 was arrested.",
                        }
                    ],
                    encoding="iso-8859-1",
                ),
                "application/rss+xml; charset=iso-8859-1",
            ),
            "/gzip": lambda h: (
                h.send_response(200)
                or h.send_header("Content-Encoding", "gzip")
                or h.send_header("Content-Length", str(len(gzip.compress(FEED))))
                or h.end_headers()
                or h.wfile.write(gzip.compress(FEED))
            ),
        }
    )
    srv.start()
    yield srv
    srv.stop()


LIMITS = FetchLimits(max_bytes=2 * 1024 * 1024, connect_timeout=2, read_timeout=3, deadline=4)


def fetch(url: str, limits: FetchLimits = LIMITS, **kw: Any) -> FetchedFeed:
    async def go() -> FetchedFeed:
        fetcher = Fetcher(limits)
        try:
            return await fetcher.fetch(url, **kw)
        finally:
            await fetcher.aclose()

    return asyncio.run(go())


def test_a_good_feed_is_fetched_with_validators_and_a_descriptive_user_agent(
    server: FeedServer,
) -> None:
    got = fetch(server.url("/feed"))
    assert got.ok and got.status == 200 and got.body == FEED
    assert got.etag == '"v1"' and got.last_modified
    assert "case-monitor/" in server.headers_for("/feed")[-1]["user-agent"]


def test_conditional_get_with_stored_validators_gets_304(server: FeedServer) -> None:
    got = fetch(server.url("/feed"), etag='"v1"', last_modified=None)
    assert got.not_modified and got.body is None and got.ok
    assert server.headers_for("/feed")[-1]["if-none-match"] == '"v1"'


def test_permanent_redirect_reports_the_new_url_and_temporary_does_not(server: FeedServer) -> None:
    moved = fetch(server.url("/moved"))
    assert moved.ok and moved.permanent_url == server.url("/feed")
    temporary = fetch(server.url("/temporary"))
    assert temporary.ok and temporary.permanent_url is None


def test_redirect_loops_and_long_chains_are_errors(server: FeedServer) -> None:
    assert "redirect loop" in (fetch(server.url("/loop-a")).error or "")
    assert "more than 5 redirects" in (fetch(server.url("/hop0")).error or "")


def test_a_server_dripping_one_byte_a_second_is_cut_off_at_the_deadline(server: FeedServer) -> None:
    started = time.monotonic()
    got = fetch(server.url("/slow"))
    assert got.error and not got.ok
    assert time.monotonic() - started < LIMITS.deadline + 2


def test_an_endless_body_is_cut_at_the_size_limit(server: FeedServer) -> None:
    got = fetch(server.url("/endless"))
    assert got.error and "limit" in got.error and got.body is None


def test_a_gzip_bomb_meets_the_limit_after_decompression(server: FeedServer) -> None:
    got = fetch(server.url("/bomb"))
    assert got.error and "limit" in got.error


def test_gzip_bodies_are_decompressed(server: FeedServer) -> None:
    got = fetch(server.url("/gzip"))
    assert got.ok and got.body == FEED


def test_429_and_503_carry_retry_after(server: FeedServer) -> None:
    limited = fetch(server.url("/limited"))
    assert limited.error == "HTTP 429" and limited.retry_after == 120
    unavailable = fetch(server.url("/unavailable"))
    assert unavailable.error == "HTTP 503" and (unavailable.retry_after or 0) > 86400


def test_server_errors_and_refused_connections_are_recorded_not_raised(server: FeedServer) -> None:
    assert fetch(server.url("/broken")).error == "HTTP 500"
    assert fetch("http://127.0.0.1:9/feed").error


@pytest.mark.parametrize(
    ("path", "problem"),
    [("/html", "HTML page"), ("/empty", "empty body"), ("/malformed", "")],
)
def test_html_empty_and_malformed_bodies_are_recorded_problems(
    server: FeedServer, path: str, problem: str
) -> None:
    got = fetch(server.url(path))
    parsed = parse_feed(got.body or b"", url=server.url(path), content_type=got.content_type)
    assert parsed.problem is not None and problem in parsed.problem


def test_non_utf8_feeds_decode_by_their_declared_charset(server: FeedServer) -> None:
    got = fetch(server.url("/latin1"))
    parsed = parse_feed(got.body or b"", url=server.url("/latin1"), content_type=got.content_type)
    assert [a.title for a in parsed.articles] == ["Café owner detained"]


def test_private_addresses_are_refused_only_when_asked(server: FeedServer) -> None:
    guarded = FetchLimits(block_private=True, deadline=4)
    assert "non-public address" in (fetch(server.url("/feed"), guarded).error or "")
    assert fetch(server.url("/feed")).ok


def test_file_urls_are_read_from_disk(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(FEED)
    got = fetch(path.as_uri())
    assert got.ok and got.body == FEED
    assert "cannot read" in (fetch((tmp_path / "missing.xml").as_uri()).error or "")


def test_a_line_break_in_a_feeds_html_is_a_space_and_a_paragraph_a_break() -> None:
    markup = (
        "&lt;p&gt;Police in Moscow arrested Anna\nLindqvist on Saturday,\n her family said."
        "&lt;/p&gt;&lt;p&gt;She denies\nthe charge.&lt;/p&gt;"
    )
    [article] = parse_feed(
        rss([{"id": "1", "title": "Held", "text": markup}]), url="http://news.example.org/"
    ).articles
    assert article.text == (
        "Police in Moscow arrested Anna Lindqvist on Saturday, her family said.\n"
        "She denies the charge."
    )


@pytest.fixture
def app(db_url: str) -> Iterator[App]:
    application = bootstrap(db_url)
    import_cases(application.store, load_cases(DATA / "cases.toml"))
    yield application
    application.close()


def poll(app: App, feeds: list[FeedConfig], now: dt.datetime | None = None) -> Any:
    async def go() -> Any:
        fetcher = Fetcher(LIMITS)
        try:
            return await poll_once(app, fetcher, feeds, owner="test", now=now)
        finally:
            await fetcher.aclose()

    return asyncio.run(go())


def test_one_poll_of_good_and_hostile_feeds_ingests_the_good_and_records_the_rest(
    app: App, server: FeedServer
) -> None:
    paths = [
        "/feed",
        "/slow",
        "/endless",
        "/bomb",
        "/limited",
        "/broken",
        "/html",
        "/empty",
        "/malformed",
        "/loop-a",
        "/latin1",
    ]
    feeds = [FeedConfig(server.url(p), p, 900) for p in paths]
    report = poll(app, feeds)
    assert report.polled == len(paths)
    assert report.new_articles >= 2 and report.events_appended == 1
    rows = {r["name"]: r for r in feed_rows(app.db)}
    assert rows["/feed"]["consecutive_errors"] == 0 and rows["/feed"]["etag"] == '"v1"'
    for bad in ("/slow", "/endless", "/bomb", "/limited", "/broken", "/html", "/empty", "/loop-a"):
        assert rows[bad]["consecutive_errors"] == 1, bad
        assert rows[bad]["last_error"], bad
    with app.db.read() as conn:
        from monitor.projections.reports import current_status

        lindqvist = next(r for r in current_status(conn) if r["case"] == "lindqvist")
    assert lindqvist["status"] == "released"


def test_a_second_poll_of_an_unchanged_feed_is_conditional_gets_304_and_appends_nothing(
    app: App, server: FeedServer
) -> None:
    feed = FeedConfig(server.url("/feed"), "feed", 60)
    first = poll(app, [feed])
    head = app.store.head()
    before = len(server.headers_for("/feed"))
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5)
    second = poll(app, [feed], now=later)
    assert (first.polled, second.polled, second.not_modified) == (1, 1, 1)
    sent = server.headers_for("/feed")[before:]
    assert sent and sent[-1]["if-none-match"] == '"v1"'
    assert app.store.head() == head and second.new_articles == 0


def test_a_feed_not_yet_due_is_not_fetched(app: App, server: FeedServer) -> None:
    feed = FeedConfig(server.url("/feed"), "feed", 3600)
    poll(app, [feed])
    assert poll(app, [feed]).polled == 0


def test_errors_back_off_and_a_recovered_feed_returns_to_its_interval(
    app: App, server: FeedServer
) -> None:
    server.routes["/flaky"] = status(500)
    feed = FeedConfig(server.url("/flaky"), "flaky", 60)
    now = dt.datetime.now(dt.UTC)
    gaps = []
    for _ in range(4):
        poll(app, [feed], now=now)
        row = next(r for r in feed_rows(app.db) if r["name"] == "flaky")
        due = dt.datetime.fromisoformat(str(row["next_due_at"]))
        gaps.append((due - now).total_seconds())
        now = due + dt.timedelta(seconds=1)  # the listing shows whole seconds
    assert gaps == sorted(gaps) and gaps[-1] > 4 * gaps[0]
    server.routes["/flaky"] = conditional(FEED)
    poll(app, [feed], now=now)
    row = next(r for r in feed_rows(app.db) if r["name"] == "flaky")
    assert row["consecutive_errors"] == 0 and row["last_error"] is None


def test_instances_starting_together_register_the_same_feeds_without_failing(app: App) -> None:
    """Two daemons that start at once both see the feeds as new; the slower insert is a no-op."""
    import threading

    from monitor.polling import sync_feeds
    from monitor.store.schema import feed_state

    feeds = [FeedConfig(f"http://127.0.0.1:9/f{i}", f"f{i}", 900) for i in range(60)]
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    errors: list[BaseException] = []

    def register() -> None:
        try:
            sync_feeds(app.db, feeds, now)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=register) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    with app.db.read() as conn:
        assert conn.execute(select(func.count()).select_from(feed_state)).scalar_one() == 60
