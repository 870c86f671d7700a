"""Subscriptions follow the configuration: one per target, its settings as configured now,
removed ones stopped with their undelivered alerts cancelled (visibly), on both backends."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from monitor.alerts.outbox import list_alerts
from monitor.alerts.subscriptions import load_subscriptions, subscription_rows, sync_subscriptions
from monitor.bootstrap import App, bootstrap
from monitor.config import Subscription, load_cases
from monitor.domain.articles import Article
from monitor.ingest import import_cases
from monitor.store.schema import subscriptions
from tests.integration.test_alerts import SECRET, dispatch, hook
from tests.receivers import WebhookReceiver

DATA = Path(__file__).resolve().parents[1] / "data"
ARREST = "Police arrested Anna Lindqvist on Saturday."
CHARGE = "Prosecutors in Moscow have formally charged Anna Lindqvist with espionage on Friday."
RELEASE = "Anna Lindqvist was released on Friday."


@pytest.fixture
def app(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[App]:
    monkeypatch.setenv("TEST_WEBHOOK_SECRET", SECRET)
    application = bootstrap(db_url)
    import_cases(application.store, load_cases(DATA / "cases.toml"))
    yield application
    application.close()


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    r = WebhookReceiver(SECRET)
    yield r
    r.stop()


def follow(app: App, *subs: Subscription) -> None:
    with app.db.write() as conn:
        sync_subscriptions(conn, subs, dt.datetime.now(dt.UTC))


def report(app: App, name: str, text: str, day: dt.date) -> None:
    published = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    app.ingest([Article(name, "", text, published)])


def test_changing_on_keeps_one_subscription_and_delivers_each_change_once(
    app: App, receiver: WebhookReceiver
) -> None:
    follow(app, hook(receiver.url, on=("status",)))
    report(app, "a", ARREST, dt.date(2022, 3, 14))
    follow(app, hook(receiver.url, on=("status", "consular_visit")))
    report(app, "b", CHARGE, dt.date(2022, 4, 2))
    with app.db.read() as conn:
        [sub] = load_subscriptions(conn, removed=True)
    assert sub.on == ["status", "consular_visit"]
    dispatch(app)
    # Alerts are delivered concurrently; `sequence` orders them, not arrival.
    received = sorted(receiver.received, key=lambda r: r["body"]["sequence"])
    changes = [(r["body"]["old_status"], r["body"]["new_status"]) for r in received]
    assert changes == [(None, "detained"), ("detained", "charged")]
    assert len(set(receiver.ids())) == 2 and receiver.bad_signatures == 0


def test_a_removed_subscription_stops_and_its_pending_alerts_are_cancelled(
    app: App, receiver: WebhookReceiver
) -> None:
    other = WebhookReceiver(SECRET)
    try:
        follow(app, hook(receiver.url), hook(other.url))
        report(app, "a", ARREST, dt.date(2022, 3, 14))
        follow(app, hook(other.url))  # the first one is no longer configured
        report(app, "b", RELEASE, dt.date(2023, 6, 17))
        dispatch(app)
        assert receiver.received == []
        assert len(other.received) == 2
    finally:
        other.stop()
    cancelled = list_alerts(app.db, ["cancelled"])
    assert len(cancelled) == 1 and "removed" in cancelled[0]["last_error"]
    with app.db.read() as conn:
        rows = {r["target"]: r for r in subscription_rows(conn)}
    assert rows[receiver.url]["state"] == "removed" and rows[receiver.url]["removed_at"]
    assert rows[other.url]["state"] == "active"


def test_alerts_the_new_settings_no_longer_ask_for_are_cancelled(
    app: App, receiver: WebhookReceiver
) -> None:
    follow(app, hook(receiver.url, cases=("lindqvist",), on=("status",)))
    report(app, "a", ARREST, dt.date(2022, 3, 14))
    follow(app, hook(receiver.url, cases=("lindqvist",), on=("consular_visit",)))
    dispatch(app)
    assert receiver.received == []
    [alert] = list_alerts(app.db)
    assert alert["state"] == "cancelled" and "no longer asks" in alert["last_error"]


def test_a_subscription_configured_again_hears_only_of_later_events(
    app: App, receiver: WebhookReceiver
) -> None:
    follow(app, hook(receiver.url))
    follow(app)
    report(app, "a", ARREST, dt.date(2022, 3, 14))  # while removed: not for it
    follow(app, hook(receiver.url))
    report(app, "b", RELEASE, dt.date(2023, 6, 17))
    dispatch(app)
    assert [r["body"]["new_status"] for r in receiver.received] == ["released"]
    with app.db.read() as conn:
        assert len(load_subscriptions(conn, removed=True)) == 1


def test_duplicates_left_by_earlier_versions_are_retired_to_one_per_target(
    app: App, receiver: WebhookReceiver
) -> None:
    now = dt.datetime.now(dt.UTC)
    with app.db.write() as conn:
        for n, on in enumerate((["status"], ["status", "trial"])):
            conn.execute(
                insert(subscriptions).values(
                    id=f"legacy{n}",
                    target=receiver.url,
                    channel="webhook",
                    spec={
                        "cases": ["*"],
                        "on": on,
                        "webhook": receiver.url,
                        "secret_env": "TEST_WEBHOOK_SECRET",
                    },
                    since_position=0,
                    created_at=now + dt.timedelta(seconds=n),
                )
            )
    report(app, "a", ARREST, dt.date(2022, 3, 14))
    assert len(list_alerts(app.db)) == 2  # the bug: one change, two deliveries
    follow(app, hook(receiver.url))
    dispatch(app)
    assert len(receiver.received) == 1
    with app.db.read() as conn:
        states = dict(conn.execute(select(subscriptions.c.id, subscriptions.c.removed_at)).all())
    assert states["legacy0"] is None and states["legacy1"] is not None
