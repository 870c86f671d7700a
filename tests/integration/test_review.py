"""Review on a real database, SQLite and PostgreSQL alike: proposals change nothing until a
person decides; every decision is an event that alerts once and survives a rebuild."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from monitor import review
from monitor.alerts.outbox import list_alerts
from monitor.alerts.subscriptions import sync_subscriptions
from monitor.bootstrap import App, bootstrap
from monitor.cli import main
from monitor.config import Subscription, load_cases
from monitor.domain.articles import Article
from monitor.domain.review import ReviewPolicy
from monitor.ingest import import_cases
from monitor.projections.reports import current_status, status_as_of, timeline
from monitor.store.schema import case_definitions, case_status, case_timeline, events

DATA = Path(__file__).resolve().parents[1] / "data"
# Every development the classifier finds in these texts scores below this: all are proposed.
STRICT = ReviewPolicy(1.0)  # every development waits for a person (confidence is at most 0.99)


@pytest.fixture
def app(db_url: str) -> Iterator[App]:
    application = bootstrap(db_url, review=STRICT)
    import_cases(application.store, load_cases(DATA / "cases.toml"))
    with application.db.write() as conn:
        sync_subscriptions(
            conn,
            [Subscription(("*",), ("status", "released"), webhook="https://hooks.example.org/x")],
            dt.datetime.now(dt.UTC),
        )
    yield application
    application.close()


def article(aid: str, published: str, text: str) -> Article:
    day = dt.datetime.fromisoformat(published).replace(tzinfo=dt.UTC)
    return Article(aid, "", text, day, url=f"https://news.example.org/{aid}")


def status_of(app: App, case: str = "lindqvist") -> dict[str, Any]:
    app.project()
    with app.db.read() as conn:
        return next(r for r in current_status(conn) if r["case"] == case)


def queue(app: App, **where: Any) -> list[dict[str, Any]]:
    app.project()
    with app.db.read() as conn:
        return review.proposals(conn, review.ProposalFilter(**where))


def alert_kinds(app: App) -> list[tuple[str, str | None, str | None]]:
    return [
        (a["kind"], a["payload"].get("old_status"), a["payload"].get("new_status"))
        for a in sorted(
            list_alerts(app.db), key=lambda a: (a["payload"]["sequence"], a["kind"] != "status")
        )
    ]


def tables(app: App) -> dict[str, list[tuple[Any, ...]]]:
    with app.db.read() as conn:
        return {
            t.name: sorted(
                tuple(v for k, v in r._mapping.items() if k != "recorded_at")
                for r in conn.execute(select(t))
            )
            for t in (case_definitions, case_status, case_timeline)
        }


def decision_events(app: App) -> list[str]:
    with app.db.read() as conn:
        return [
            r.type
            for r in conn.execute(
                select(events.c.type)
                .where(events.c.type.like("Development%"))
                .order_by(events.c.position)
            )
            if r.type not in ("DevelopmentRecorded", "DevelopmentCorroborated")
        ]


def test_proposals_change_no_status_and_raise_no_alert_until_confirmed(app: App) -> None:
    app.ingest([article("d", "2022-03-14", "Police arrested Anna Lindqvist on Saturday.")])
    row = status_of(app)
    assert (row["status"], row["proposals"], row["developments"]) == (None, 1, 0)
    assert list_alerts(app.db) == []
    [proposal] = queue(app)
    assert proposal["type"] == "detained" and "below the review threshold" in proposal["reason"]
    with app.db.read() as conn:
        assert timeline(conn, "lindqvist") == []
        assert [r["review"] for r in timeline(conn, "lindqvist", proposed=True)] == ["proposed"]

    [done] = review.confirm(app.store, [proposal["id"][:10]], by="desk-a")
    assert (done.appended, done.case) == (1, "lindqvist")
    assert review.confirm(app.store, [proposal["id"]], by="desk-a")[0].appended == 0
    row = status_of(app)
    assert (row["status"], row["proposals"]) == ("detained", 0)
    assert alert_kinds(app) == [("status", None, "detained")]
    assert queue(app) == []


def test_reject_correct_retract_and_unretract_are_events_that_alert_once_each(
    app: App,
) -> None:
    app.ingest([article("d", "2022-03-14", "Police arrested Anna Lindqvist on Saturday.")])
    app.ingest([article("r", "2022-05-01", "Anna Lindqvist was released on Friday.")])
    app.ingest([article("t", "2022-06-01", "Anna Lindqvist went on trial on Monday.")])
    by_type = {p["type"]: p["id"] for p in queue(app)}
    review.confirm(app.store, [by_type["detained"], by_type["released"]], by="desk")
    assert status_of(app)["status"] == "released"
    with pytest.raises(review.DecisionError, match="retract it instead"):
        review.reject(app.store, [by_type["released"]], reason="no", by="desk")
    review.reject(app.store, [by_type["trial"]], reason="a trial elsewhere", by="desk")
    assert queue(app) == [] and queue(app, states=("rejected",))[0]["decided_by"] == "desk"

    review.retract(app.store, [by_type["released"]], reason="a rumour", by="desk-b")
    assert status_of(app)["status"] == "detained"
    review.unretract(app.store, [by_type["released"]], reason="confirmed by family", by="desk-c")
    assert status_of(app)["status"] == "released"
    review.correct(
        app.store,
        by_type["released"],
        review.Correction(type="bail", date="2022-04-29"),
        reason="house arrest, not freedom",
        by="desk",
    )
    row = status_of(app)
    assert (row["status"], row["status_date"]) == ("on_bail", "2022-04-29")
    assert decision_events(app) == [
        "DevelopmentConfirmed",
        "DevelopmentConfirmed",
        "DevelopmentRejected",
        "DevelopmentRetracted",
        "DevelopmentUnretracted",
        "DevelopmentCorrected",
    ]
    # Confirming alerts as accepting would have (a status change each, and the `released`
    # the subscription asks for); the rejection changed nothing; whoever heard of the
    # release hears once of each correction of it, with what changed, why and the status.
    assert alert_kinds(app) == [
        ("status", None, "detained"),
        ("status", "detained", "released"),
        ("released", None, None),
        ("correction", "released", "detained"),
        ("correction", "detained", "released"),
        ("correction", "released", "on_bail"),
    ]
    corrections = [a["payload"] for a in list_alerts(app.db) if a["kind"] == "correction"]
    corrections.sort(key=lambda p: p["sequence"])
    assert [(p["action"], p["by"], p["reason"]) for p in corrections] == [
        ("retracted", "desk-b", "a rumour"),
        ("unretracted", "desk-c", "confirmed by family"),
        ("corrected", "desk", "house arrest, not freedom"),
    ]
    assert corrections[0]["changed"] == {"counts": {"was": True, "now": False}}
    assert corrections[2]["changed"]["type"] == {"was": "released", "now": "bail"}
    assert all(p["development"]["sources"] for p in corrections)
    before, alerted = tables(app), alert_kinds(app)
    app.rebuild()
    assert tables(app) == before
    # Neither a rebuild nor repeating a decision appends or alerts anything again.
    repeated = [
        *review.confirm(app.store, [by_type["detained"]], by="desk"),
        *review.reject(app.store, [by_type["trial"]], reason="a trial elsewhere", by="desk"),
        *review.unretract(app.store, [by_type["released"]], reason="again", by="desk"),
    ]
    assert [r.appended for r in repeated] == [0, 0, 0]
    status_of(app)
    assert alert_kinds(app) == alerted
    app.project()
    with app.db.read() as conn:
        as_of = {r["case"]: r for r in status_as_of(conn, dt.date(2022, 5, 30))}
    assert as_of["lindqvist"]["status"] == "on_bail"


def test_a_development_moved_to_another_case_takes_its_sources_along(app: App) -> None:
    app.ingest([article("a", "2022-03-14", "Police arrested Anna Lindqvist on Saturday.")])
    app.ingest([article("b", "2022-03-15", "Anna Lindqvist was arrested on Saturday.")])
    [proposal] = queue(app)
    assert proposal["sources"] == 2
    result = review.correct(
        app.store,
        proposal["id"],
        review.Correction(case="okafor"),
        reason="the article names Okafor's colleague",
        by="desk",
    )
    assert result.appended == 3  # corrected here; recorded and corroborated there
    assert (status_of(app)["status"], status_of(app)["proposals"]) == (None, 0)
    okafor = status_of(app, "okafor")
    assert (okafor["status"], okafor["developments"], okafor["sources"]) == ("detained", 1, 2)
    with pytest.raises(review.DecisionError, match="no case"):
        review.correct(
            app.store, proposal["id"], review.Correction(case="nobody"), reason="x", by="d"
        )


def test_the_queue_filters_by_case_type_and_age(app: App) -> None:
    app.ingest([article("d", "2022-03-14", "Police arrested Anna Lindqvist on Saturday.")])
    app.ingest([article("o", "2022-03-14", "Police arrested Daniel Okafor in Tehran on Friday.")])
    assert {p["case"] for p in queue(app)} == {"lindqvist", "okafor"}
    assert [p["case"] for p in queue(app, case="okafor")] == ["okafor"]
    assert queue(app, type="released") == []
    assert len(queue(app, newer_than=dt.timedelta(hours=1))) == 2
    assert queue(app, older_than=dt.timedelta(hours=1)) == []


def test_review_threshold_zero_turns_review_off(db_url: str) -> None:
    application = bootstrap(db_url, review=ReviewPolicy(0))
    try:
        import_cases(application.store, load_cases(DATA / "cases.toml"))
        application.ingest([article("d", "2022-03-14", "Police arrested Anna Lindqvist today.")])
        assert status_of(application)["status"] == "detained" and queue(application) == []
    finally:
        application.close()


def test_the_review_commands_show_evidence_sources_and_confidence(
    app: App, db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "review.toml"
    config.write_text("[review]\nthreshold = 1\n")
    articles = tmp_path / "a.jsonl"
    articles.write_text(
        '{"id": "x1", "url": "https://news.example.org/x1", "published": "2022-03-14", '
        '"text": "Police arrested Anna Lindqvist on Saturday."}\n'
    )
    assert main(["ingest", str(articles), "--db", db_url, "--config", str(config)]) == 0
    capsys.readouterr()
    assert main(["review", "list", "--json", "--db", db_url]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert main(["review", "show", row["id"][:8], "--db", db_url]) == 0
    shown = capsys.readouterr().out
    assert "https://news.example.org/x1" in shown and "arrested Anna Lindqvist" in shown
    assert f"{row['confidence']:.2f}" in shown
    assert main(["review", "confirm", row["id"], "--by", "desk", "--db", db_url]) == 0
    assert "confirmed" in capsys.readouterr().out
    assert main(["status", "--json", "--db", db_url]) == 0
    [status] = [r for r in json.loads(capsys.readouterr().out) if r["case"] == "lindqvist"]
    assert (status["status"], status["proposals"]) == ("detained", 0)
    assert main(["review", "reject", "nope", "--reason", "x", "--db", db_url]) == 2
    assert "no development" in capsys.readouterr().err
