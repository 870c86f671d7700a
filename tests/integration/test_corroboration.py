"""The corroboration rule on a real database, SQLite and PostgreSQL alike: in a case several
outlets cover, a release one outlet reports waits, a second outlet's report makes it count
(also after a restart), one status alert says so, and a rebuild gives the same tables."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from monitor import review
from monitor.alerts.outbox import list_alerts
from monitor.alerts.subscriptions import sync_subscriptions
from monitor.bootstrap import App, bootstrap
from monitor.config import Subscription, load_cases
from monitor.domain.articles import Article
from monitor.ingest import import_cases
from monitor.projections.reports import current_status
from monitor.store.schema import case_status, case_timeline

DATA = Path(__file__).resolve().parents[1] / "data"


def article(aid: str, host: str, published: str, text: str) -> Article:
    day = dt.datetime.fromisoformat(published).replace(tzinfo=dt.UTC)
    return Article(aid, "", text, day, url=f"https://{host}/{aid}")


ARREST = (
    "Russian security officers arrested Swedish aid worker Anna Lindqvist in Moscow on Saturday."
)
FREED = "Anna Lindqvist was released on Friday in a prisoner exchange and flew home to Stockholm."
FREED_TOO = "Anna Lindqvist was freed on Friday and returned home to Sweden, the ministry said."


@pytest.fixture
def url(db_url: str) -> Iterator[str]:
    """A database with the test cases, a webhook that hears of status changes, and the
    arrest reported by three outlets (a widely covered case, at the default policy)."""
    app = bootstrap(db_url)
    import_cases(app.store, load_cases(DATA / "cases.toml"))
    with app.db.write() as conn:
        sync_subscriptions(
            conn,
            [Subscription(("*",), ("status",), webhook="https://hooks.example.org/c")],
            dt.datetime.now(dt.UTC),
        )
    app.ingest(
        [
            article(f"arrest-{h}", f"{h}.example.org", "2022-03-14", f"{ARREST} ({h})")
            for h in ("one", "two", "three")
        ]
    )
    app.close()
    yield db_url


def lindqvist(app: App) -> dict[str, Any]:
    app.project()
    with app.db.read() as conn:
        return next(r for r in current_status(conn) if r["case"] == "lindqvist")


def status_alerts(app: App) -> list[tuple[str | None, str | None]]:
    return [
        (a["payload"]["old_status"], a["payload"]["new_status"])
        for a in sorted(list_alerts(app.db), key=lambda a: a["payload"]["sequence"])
        if a["kind"] == "status"
    ]


def tables(app: App) -> dict[str, list[tuple[Any, ...]]]:
    with app.db.read() as conn:
        return {
            t.name: sorted(
                tuple(v for k, v in r._mapping.items() if k != "recorded_at")
                for r in conn.execute(select(t))
            )
            for t in (case_status, case_timeline)
        }


def test_a_release_counts_once_a_second_outlet_reports_it(url: str) -> None:
    app = bootstrap(url)
    try:
        before = status_alerts(app)
        assert (lindqvist(app)["status"], before) == ("detained", [(None, "detained")])
        app.ingest([article("free-1", "one.example.org", "2023-06-17", FREED)])
        app.ingest([article("free-2", "one.example.org", "2023-06-17", "Lindqvist home. " + FREED)])
        row = lindqvist(app)
        assert (row["status"], row["proposals"]) == ("detained", 1)
        with app.db.read() as conn:
            (waiting,) = review.proposals(conn)
        assert waiting["type"] == "released"
        assert waiting["reason"] == "released in a case 3 outlets cover, reported by one only"
        assert status_alerts(app) == before
    finally:
        app.close()
    # A restarted daemon decides from the stored state: the outlets it has seen included.
    app = bootstrap(url)
    try:
        app.ingest([article("free-3", "two.example.org", "2023-06-17", FREED_TOO)])
        row = lindqvist(app)
        assert (row["status"], row["status_date"], row["proposals"]) == (
            "released",
            "2023-06-16",
            0,
        )
        assert status_alerts(app)[len(before) :] == [("detained", "released")]
        incremental = tables(app)
        assert app.rebuild() > 0
        assert tables(app) == incremental
    finally:
        app.close()


def test_a_report_of_an_older_event_does_not_unsettle_a_status_that_counts(db_url: str) -> None:
    # One poll repeats the arrest beside a hearing years before it, and brings the charge: the
    # status goes from `detained` to `charged` once, and never to nothing and back.
    app = bootstrap(db_url)
    try:
        import_cases(app.store, load_cases(DATA / "cases.toml"))
        with app.db.write() as conn:
            sync_subscriptions(
                conn,
                [Subscription(("*",), ("status",), webhook="https://hooks.example.org/c")],
                dt.datetime.now(dt.UTC),
            )
        app.ingest([article("arrest", "one.example.org", "2022-03-14", ARREST)])
        app.ingest(
            [
                article(
                    "arrest-and-past",
                    "two.example.org",
                    "2022-04-02",
                    "Anna Lindqvist was arrested in Moscow on March 12. In 2019 she attended a "
                    "hearing at a court in Moscow on August 23, 2019.",
                ),
                article(
                    "charged",
                    "two.example.org",
                    "2022-04-02",
                    "Prosecutors in Moscow have formally charged Anna Lindqvist with espionage, "
                    "state media reported on April 1.",
                ),
            ]
        )
        assert lindqvist(app)["status"] == "charged"
        assert status_alerts(app) == [(None, "detained"), ("detained", "charged")]
    finally:
        app.close()
