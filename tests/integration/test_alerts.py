"""Alerts end to end: outbox written with the status, delivered once, signed, through failures."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import subprocess
import sys
import textwrap
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from monitor.alerts.outbox import Dispatcher, DispatchReport, check_consular_gaps, list_alerts
from monitor.alerts.subscriptions import sync_subscriptions
from monitor.alerts.webhook import sign, verify
from monitor.article_file import read_articles
from monitor.bootstrap import App, bootstrap
from monitor.config import SmtpConfig, Subscription, load_cases
from monitor.domain.articles import Article
from monitor.ingest import import_cases
from tests.receivers import SmtpSink, WebhookReceiver, free_port

DATA = Path(__file__).resolve().parents[1] / "data"
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


def test_signatures_follow_the_standard_webhooks_algorithm() -> None:
    # The test vector published with the Standard Webhooks specification.
    body = b'{"test": 2432232314}'
    expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    assert sign(SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body) == expected
    now = str(int(time.time()))
    headers = {
        "webhook-id": "m1",
        "webhook-timestamp": now,
        "webhook-signature": sign(SECRET, "m1", int(now), body),
    }
    assert verify(SECRET, headers, body)
    assert not verify(SECRET, {**headers, "webhook-id": "m2"}, body)
    assert not verify(SECRET, {**headers, "webhook-timestamp": "1614265330"}, body)


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    r = WebhookReceiver(SECRET)
    yield r
    r.stop()


@pytest.fixture
def smtp() -> Iterator[SmtpSink]:
    s = SmtpSink()
    yield s
    s.stop()


@pytest.fixture
def app(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[App]:
    monkeypatch.setenv("TEST_WEBHOOK_SECRET", SECRET)
    application = bootstrap(db_url)
    yield application
    application.close()


def subscribe(app: App, *subs: Subscription) -> None:
    with app.db.write() as conn:
        sync_subscriptions(conn, subs, dt.datetime.now(dt.UTC))


def hook(
    url: str, cases: tuple[str, ...] = ("*",), on: tuple[str, ...] = ("status",)
) -> Subscription:
    return Subscription(cases, on, webhook=url, secret_env="TEST_WEBHOOK_SECRET")


def dispatch(
    app: App, smtp_url: str | None = None, *, now: dt.datetime | None = None, timeout: float = 5.0
) -> DispatchReport:
    async def go() -> DispatchReport:
        dispatcher = Dispatcher(
            app.db, SmtpConfig("TEST_SMTP_URL", "monitor@example.org"), timeout=timeout
        )
        try:
            return await dispatcher.dispatch_due(now=now)
        finally:
            await dispatcher.aclose()

    return asyncio.run(go())


def chains(payloads: list[dict[str, Any]]) -> dict[str, list[tuple[Any, Any]]]:
    out: dict[str, list[tuple[Any, Any]]] = defaultdict(list)
    for p in sorted(payloads, key=lambda p: p["sequence"]):
        out[p["case"]].append((p["old_status"], p["new_status"]))
    return out


def test_seed_articles_deliver_one_alert_per_status_change_to_each_subscriber(
    app: App,
    receiver: WebhookReceiver,
    smtp: SmtpSink,
    shared_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TEST_SMTP_URL", smtp.url)
    dev = shared_dir / "eval" / "dev"
    import_cases(app.store, load_cases(dev / "cases.toml"))
    subscribe(
        app,
        hook(receiver.url),
        Subscription(("kovrig", "spavor"), ("status",), email="desk@example.org"),
    )
    for article in read_articles(dev / "articles.jsonl"):
        app.ingest([article])
    report = dispatch(app)
    queued = list_alerts(app.db)
    assert report.sent == len(queued) and all(a["state"] == "sent" for a in queued)
    # The webhook: every status change of every case, once, each a valid chain of statuses.
    assert receiver.bad_signatures == 0
    assert len(receiver.ids()) == len(set(receiver.ids()))
    hooked = chains([r["body"] for r in receiver.received])
    assert set(hooked) == {"kovrig", "spavor", "meng-wanzhou", "schellenberg"}
    for case, steps in hooked.items():
        assert steps[0][0] is None
        assert all(a[1] == b[0] for a, b in itertools.pairwise(steps)), case
    assert hooked["kovrig"][-1][1] == "released" and hooked["schellenberg"][-1][1] == "sentenced"
    # The email: the two subscribed cases only, once per change, with a subject that says so.
    subjects = [m["Subject"] for m in smtp.messages]
    assert len(subjects) == len(hooked["kovrig"]) + len(hooked["spavor"])
    assert any("Michael Kovrig" in s and "released" in s for s in subjects)
    assert len({m["Message-ID"] for m in smtp.messages}) == len(smtp.messages)
    assert dispatch(app).sent == 0  # nothing is sent twice


def test_backfilled_history_raises_no_alerts(app: App, receiver: WebhookReceiver) -> None:
    import_cases(app.store, load_cases(DATA / "cases.toml"))
    subscribe(app, hook(receiver.url))
    app.ingest(list(read_articles(DATA / "articles.jsonl")), backfill=True)
    assert list_alerts(app.db) == []


def test_a_subscription_hears_only_of_what_is_recorded_after_it_existed(
    app: App, receiver: WebhookReceiver
) -> None:
    import_cases(app.store, load_cases(DATA / "cases.toml"))
    app.ingest(
        [
            Article(
                "old",
                "",
                "Police arrested Anna Lindqvist on Saturday.",
                dt.datetime(2022, 3, 14, tzinfo=dt.UTC),
            )
        ]
    )
    subscribe(app, hook(receiver.url))
    app.ingest(
        [
            Article(
                "new",
                "",
                "Anna Lindqvist was released on Friday.",
                dt.datetime(2023, 6, 17, tzinfo=dt.UTC),
            )
        ]
    )
    assert [
        (a["payload"]["old_status"], a["payload"]["new_status"]) for a in list_alerts(app.db)
    ] == [("detained", "released")]


def test_development_type_subscriptions_hear_of_new_developments(
    app: App, receiver: WebhookReceiver
) -> None:
    import_cases(app.store, load_cases(DATA / "cases.toml"))
    subscribe(app, hook(receiver.url, ("lindqvist",), ("consular_visit",)))
    app.ingest(
        [
            Article(
                "v",
                "",
                "Consular officials visited Anna Lindqvist on Tuesday, the embassy said.",
                dt.datetime(2022, 5, 20, tzinfo=dt.UTC),
            )
        ]
    )
    dispatch(app)
    assert [r["body"]["development_type"] for r in receiver.received] == ["consular_visit"]


def test_alerts_wait_while_the_receiver_is_down_and_arrive_when_it_returns(app: App) -> None:
    port = free_port()
    import_cases(app.store, load_cases(DATA / "cases.toml"))
    subscribe(app, hook(f"http://127.0.0.1:{port}/hook"))
    app.ingest(
        [
            Article(
                "a",
                "",
                "Anna Lindqvist was released on Friday.",
                dt.datetime(2023, 6, 17, tzinfo=dt.UTC),
            )
        ]
    )
    down = dispatch(app)
    assert (down.sent, down.retried) == (0, 1)
    [alert] = list_alerts(app.db)
    assert alert["state"] == "pending" and alert["attempts"] == 1 and alert["last_error"]
    receiver = WebhookReceiver(SECRET, port=port)
    try:
        later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
        assert dispatch(app, now=later).sent == 1
        assert receiver.ids() == [alert["id"]]
    finally:
        receiver.stop()


def test_a_permanent_refusal_dead_letters_at_once_and_retry_requeues(
    app: App, receiver: WebhookReceiver
) -> None:
    from monitor.alerts.outbox import retry_alerts

    receiver.status = 410
    import_cases(app.store, load_cases(DATA / "cases.toml"))
    subscribe(app, hook(receiver.url))
    app.ingest(
        [
            Article(
                "a",
                "",
                "Anna Lindqvist was released on Friday.",
                dt.datetime(2023, 6, 17, tzinfo=dt.UTC),
            )
        ]
    )
    assert dispatch(app).dead == 1
    receiver.status = 200
    assert retry_alerts(app.db) == 1
    assert dispatch(app).sent == 1
    assert [a["state"] for a in list_alerts(app.db)] == ["sent"]


def test_a_slow_receiver_does_not_hold_up_other_subscribers(app: App) -> None:
    slow, fast = WebhookReceiver(SECRET), WebhookReceiver(SECRET)
    slow.delay = 30
    try:
        import_cases(app.store, load_cases(DATA / "cases.toml"))
        subscribe(app, hook(slow.url), hook(fast.url))
        app.ingest(
            [
                Article(
                    "a",
                    "",
                    "Anna Lindqvist was released on Friday.",
                    dt.datetime(2023, 6, 17, tzinfo=dt.UTC),
                )
            ]
        )
        started = time.monotonic()
        report = dispatch(app, timeout=2)
        assert time.monotonic() - started < 10
        assert report.sent == 1 and report.retried == 1 and len(fast.ids()) == 1
    finally:
        slow.stop()
        fast.stop()


KILLABLE_DISPATCHER = textwrap.dedent(
    """
    import asyncio, sys
    from monitor.alerts.outbox import Dispatcher
    from monitor.store.db import connect

    async def main():
        dispatcher = Dispatcher(connect(sys.argv[1]), timeout=60)
        await dispatcher.dispatch_due()

    asyncio.run(main())
    """
)


def test_a_dispatcher_killed_mid_delivery_delivers_every_alert_after_restart(
    app: App, receiver: WebhookReceiver, db_url: str, tmp_path: Path
) -> None:
    import_cases(app.store, load_cases(DATA / "cases.toml"))
    subscribe(app, hook(receiver.url))
    app.ingest(list(read_articles(DATA / "articles.jsonl")))
    expected = {a["id"] for a in list_alerts(app.db)}
    assert len(expected) >= 4
    receiver.delay = 30  # hold each delivery open so the kill lands mid-delivery
    script = tmp_path / "dispatch.py"
    script.write_text(KILLABLE_DISPATCHER)
    proc = subprocess.Popen(
        [sys.executable, str(script), db_url],
        env={**__import__("os").environ, "TEST_WEBHOOK_SECRET": SECRET},
    )
    try:
        assert receiver.seen.wait(60), "the dispatcher never delivered"
        time.sleep(0.5)
    finally:
        proc.kill()
        proc.wait()
    assert not any(a["state"] == "sent" for a in list_alerts(app.db))
    receiver.delay = 0
    after_lease = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5)
    dispatch(app, now=after_lease)
    assert {a["state"] for a in list_alerts(app.db)} == {"sent"}
    assert set(receiver.ids()) == expected  # every alert arrived
    duplicates = [i for i, n in Counter(receiver.ids()).items() if n > 1]
    assert all(i in expected for i in duplicates)  # and repeats carry the same id to drop


def test_consular_gap_alerts_once_and_again_only_after_a_new_visit(
    app: App, receiver: WebhookReceiver
) -> None:
    import_cases(app.store, load_cases(DATA / "cases.toml"))
    subscribe(
        app,
        Subscription(
            ("*",),
            ("consular_gap",),
            webhook=receiver.url,
            secret_env="TEST_WEBHOOK_SECRET",
            gap_days=60,
        ),
    )
    app.ingest(
        [
            Article(
                "d",
                "",
                "Police arrested Anna Lindqvist on Saturday.",
                dt.datetime(2022, 3, 14, tzinfo=dt.UTC),
            )
        ]
    )
    assert check_consular_gaps(app.db, dt.date(2022, 4, 1)) == 0
    assert check_consular_gaps(app.db, dt.date(2022, 6, 1)) == 1
    assert check_consular_gaps(app.db, dt.date(2022, 6, 2)) == 0
    app.ingest(
        [
            Article(
                "v",
                "",
                "Consular officials visited Anna Lindqvist on Tuesday, the embassy said.",
                dt.datetime(2022, 6, 8, tzinfo=dt.UTC),
            )
        ]
    )
    assert check_consular_gaps(app.db, dt.date(2022, 7, 1)) == 0
    assert check_consular_gaps(app.db, dt.date(2022, 8, 15)) == 1
    dispatch(app)
    assert [r["body"]["type"] for r in receiver.received] == ["consular_gap", "consular_gap"]
