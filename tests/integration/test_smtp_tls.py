"""SMTP never sends the password without TLS unless the URL says so, on a real SMTP server."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor.alerts.email import EmailRefused, message, send
from monitor.alerts.outbox import list_alerts
from monitor.bootstrap import App, bootstrap
from monitor.config import Subscription, load_cases
from monitor.domain.articles import Article
from monitor.ingest import import_cases
from tests.integration.test_alerts import dispatch, subscribe
from tests.receivers import SmtpSink

DATA = Path(__file__).resolve().parents[1] / "data"
PAYLOAD = {"id": "a1", "type": "status_changed", "case": "x", "new_status": "released"}


@pytest.fixture
def server() -> Iterator[SmtpSink]:
    sink = SmtpSink(auth=True)  # offers AUTH, no STARTTLS
    yield sink
    sink.stop()


def test_the_password_is_not_sent_to_a_server_without_starttls(server: SmtpSink) -> None:
    url = f"smtp://desk:s3cret@127.0.0.1:{server.port}"
    with pytest.raises(EmailRefused, match="without TLS") as info:
        send(url, message(PAYLOAD, "from@example.org", "to@example.org"), timeout=5)
    assert "s3cret" not in str(info.value)
    assert server.logins == [] and server.messages == []


def test_the_url_may_allow_authentication_in_clear_explicitly(server: SmtpSink) -> None:
    url = f"smtp://desk:s3cret@127.0.0.1:{server.port}/?allow_plaintext_auth=yes"
    send(url, message(PAYLOAD, "from@example.org", "to@example.org"), timeout=5)
    assert server.logins == [("desk", "s3cret")] and len(server.messages) == 1


def test_without_a_user_name_nothing_is_authenticated_and_mail_goes_out(server: SmtpSink) -> None:
    send(server.url, message(PAYLOAD, "from@example.org", "to@example.org"), timeout=5)
    assert server.logins == [] and len(server.messages) == 1


def test_a_refused_email_alert_is_dead_at_once_with_the_reason(
    db_url: str, server: SmtpSink, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEST_SMTP_URL", f"smtp://desk:s3cret@127.0.0.1:{server.port}")
    app: App = bootstrap(db_url)
    try:
        import_cases(app.store, load_cases(DATA / "cases.toml"))
        subscribe(app, Subscription(("*",), ("status",), email="desk@example.org"))
        app.ingest(
            [
                Article(
                    "r",
                    "",
                    "Anna Lindqvist was released on Friday.",
                    dt.datetime(2023, 6, 17, tzinfo=dt.UTC),
                )
            ]
        )
        report = dispatch(app)
        [alert] = list_alerts(app.db)
    finally:
        app.close()
    assert report.dead == 1 and alert["state"] == "dead" and alert["attempts"] == 1
    assert "without TLS" in alert["last_error"] and "s3cret" not in alert["last_error"]
    assert server.logins == []
