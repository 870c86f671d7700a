"""Alerts under review, on SQLite and PostgreSQL, delivered to a real webhook on loopback:
one alert per stage a poll carries, in date order; one review digest per poll; every
payload with its confidence and all sources known so far."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor import review
from monitor.alerts.outbox import Dispatcher, list_alerts
from monitor.alerts.subscriptions import sync_subscriptions
from monitor.bootstrap import App, bootstrap
from monitor.config import FeedConfig, SmtpConfig, Subscription, load_cases
from monitor.domain.review import ReviewPolicy
from monitor.fetch.http import Fetcher, FetchLimits
from monitor.ingest import import_cases
from monitor.polling import poll_once
from tests.feedserver import FeedServer, body, rss
from tests.receivers import WebhookReceiver

DATA = Path(__file__).resolve().parents[1] / "data"
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

ARREST = {
    "id": "s1",
    "title": "Swedish aid worker detained in Moscow",
    "date": "Tue, 14 Mar 2023 09:00:00 GMT",
    "link": "https://news.example.org/s1",
    "text": "Police arrested Anna Lindqvist in Moscow on Saturday.",
}
# One poll, newest first as feeds list them: a charge, a verdict, a sentence, a release.
LATER = [
    {
        "id": "s5",
        "title": "Anna Lindqvist freed and flown home to Sweden",
        "date": "Wed, 02 Aug 2023 09:00:00 GMT",
        "link": "https://news.example.org/s5",
        "text": "Swedish aid worker Anna Lindqvist was released on Tuesday and flown home.",
    },
    {
        "id": "s4",
        "title": "Court sentences Anna Lindqvist to 12 years",
        "date": "Thu, 20 Jul 2023 09:00:00 GMT",
        "link": "https://news.example.org/s4",
        "text": "A Moscow court on Wednesday sentenced Anna Lindqvist to 12 years in a colony.",
    },
    {
        "id": "s3",
        "title": "Anna Lindqvist convicted of espionage",
        "date": "Wed, 19 Jul 2023 09:00:00 GMT",
        "link": "https://news.example.org/s3",
        "text": "A Moscow court on Tuesday found Anna Lindqvist guilty of espionage.",
    },
    {
        "id": "s2",
        "title": "Anna Lindqvist charged with espionage",
        "date": "Wed, 05 Apr 2023 09:00:00 GMT",
        "link": "https://news.example.org/s2",
        "text": "Prosecutors formally charged Anna Lindqvist with espionage on Monday.",
    },
]


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    r = WebhookReceiver(SECRET)
    yield r
    r.stop()


@pytest.fixture
def server() -> Iterator[FeedServer]:
    srv = FeedServer()
    srv.start()
    yield srv
    srv.stop()


def make_app(db_url: str, receiver: WebhookReceiver, threshold: float, on: tuple[str, ...]) -> App:
    application = bootstrap(db_url, review=ReviewPolicy(threshold))
    import_cases(application.store, load_cases(DATA / "cases.toml"))
    with application.db.write() as conn:
        sync_subscriptions(
            conn,
            [Subscription(("*",), on, webhook=receiver.url, secret_env="TEST_WEBHOOK_SECRET")],
            dt.datetime.now(dt.UTC),
        )
    return application


@pytest.fixture
def secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEST_WEBHOOK_SECRET", SECRET)


def poll(app: App, server: FeedServer, items: list[dict[str, str]], when: dt.datetime) -> None:
    server.routes["/world"] = body(rss(items))
    feeds = [FeedConfig(server.url("/world"), "World", 60)]

    async def go() -> None:
        fetcher = Fetcher(FetchLimits(connect_timeout=2, read_timeout=3, deadline=5))
        try:
            await poll_once(app, fetcher, feeds, owner="test", now=when)
        finally:
            await fetcher.aclose()

    asyncio.run(go())


def deliver(app: App) -> None:
    async def go() -> None:
        dispatcher = Dispatcher(app.db, SmtpConfig(), timeout=5)
        try:
            await dispatcher.dispatch_due()
        finally:
            await dispatcher.aclose()

    asyncio.run(go())
    assert all(a["state"] == "sent" for a in list_alerts(app.db))


T0 = dt.datetime(2023, 8, 2, 12, tzinfo=dt.UTC)


@pytest.mark.usefixtures("secret")
def test_a_poll_carrying_several_stages_alerts_once_per_stage_in_date_order(
    db_url: str, receiver: WebhookReceiver, server: FeedServer
) -> None:
    app = make_app(db_url, receiver, 0.5, ("status",))
    try:
        poll(app, server, [ARREST], T0)
        poll(app, server, [*LATER, ARREST], T0 + dt.timedelta(hours=1))
        deliver(app)
    finally:
        app.close()
    got = sorted((r["body"] for r in receiver.received), key=lambda p: p["sequence"])
    assert [(p["old_status"], p["new_status"]) for p in got] == [
        (None, "detained"),
        ("detained", "charged"),
        ("charged", "convicted"),
        ("convicted", "sentenced"),
        ("sentenced", "released"),
    ]
    assert receiver.bad_signatures == 0 and len({r["id"] for r in receiver.received}) == 5
    # Each alert names the report behind it, with its confidence and every source so far.
    release = got[-1]["development"]
    assert release["type"] == "released" and 0 < release["confidence"] <= 1
    assert [s["url"] for s in release["sources"]] == ["https://news.example.org/s5"]


@pytest.mark.usefixtures("secret")
def test_new_proposals_make_one_review_message_per_poll_and_no_status_alert(
    db_url: str, receiver: WebhookReceiver, server: FeedServer
) -> None:
    app = make_app(db_url, receiver, 1.0, ("status", "review"))
    try:
        poll(app, server, [*LATER, ARREST], T0)
        deliver(app)
        [digest] = [r["body"] for r in receiver.received]
        assert digest["type"] == "review" and digest["count"] == 5
        assert {p["type"] for p in digest["proposals"]} == {
            "detained",
            "charged",
            "verdict",
            "sentenced",
            "released",
        }
        assert all(p["confidence"] < 1 and p["reason"] for p in digest["proposals"])
        # Nothing counted yet; confirming the arrest and the release alerts as accepting would.
        with app.db.read() as conn:
            waiting = {p["type"]: p["id"] for p in review.proposals(conn)}
        review.confirm(app.store, [waiting["detained"], waiting["released"]], by="desk")
        app.project()
        deliver(app)
    finally:
        app.close()
    statuses = [r["body"] for r in receiver.received if r["body"]["type"] == "status_changed"]
    statuses.sort(key=lambda p: p["sequence"])
    assert [(p["old_status"], p["new_status"]) for p in statuses] == [
        (None, "detained"),
        ("detained", "released"),
    ]
    assert statuses[-1]["development"]["review"] == "accepted"


def test_the_wired_status_hook_keeps_the_outbox_flush(tmp_path: Path) -> None:
    """Status alerts are written at the end of each batch: wrapping the hook must keep it."""
    app = bootstrap(f"sqlite:///{tmp_path / 'm.db'}")
    try:
        hooks = [getattr(p, "on_change", None) for p in app.projectors]
        assert any(callable(getattr(h, "flush", None)) for h in hooks)
    finally:
        app.close()
