"""One poisoned input fails alone: every other feed, article, alert and projection keeps working.

Each test runs on SQLite and PostgreSQL and checks both that the poison was
contained (recorded where a user will see it) and that the rest got through.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from monitor.alerts.outbox import Dispatcher, DispatchReport, list_alerts
from monitor.alerts.subscriptions import sync_subscriptions
from monitor.bootstrap import App, bootstrap
from monitor.classify.extract import Classifier
from monitor.cli import main
from monitor.config import FeedConfig, SmtpConfig, Subscription, load_cases
from monitor.daemon import health
from monitor.domain.articles import Article
from monitor.domain.cases import Case, CaseBook, CaseDefinitionError
from monitor.domain.developments import Development
from monitor.domain.events import CaseOpened, Metadata
from monitor.fetch.http import Fetcher
from monitor.ingest import import_cases, ingest_articles, load_book
from monitor.polling import feed_rows, poll_once
from monitor.projections.reports import current_status
from monitor.projections.runner import errors, lag
from monitor.store.codec import encode
from monitor.store.events import NewEvent
from monitor.store.schema import articles, events, subscriptions
from tests.feedserver import FeedServer, body, rss
from tests.receivers import WebhookReceiver

DATA = Path(__file__).resolve().parents[1] / "data"
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
RELEASED = "Anna Lindqvist was released on Friday, her family said."


@pytest.fixture
def app(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[App]:
    monkeypatch.setenv("TEST_WEBHOOK_SECRET", SECRET)
    application = bootstrap(db_url)
    import_cases(application.store, load_cases(DATA / "cases.toml"))
    application.project()
    yield application
    application.close()


@pytest.fixture
def server() -> Iterator[FeedServer]:
    srv = FeedServer().start()
    yield srv
    srv.stop()


def poll(app: App, feeds: list[FeedConfig]) -> None:
    async def go() -> None:
        fetcher = Fetcher()
        try:
            await poll_once(app, fetcher, feeds, owner="test")
        finally:
            await fetcher.aclose()

    asyncio.run(go())


def stored_texts(app: App) -> dict[str, str]:
    with app.db.read() as conn:
        return {r.title: r.text for r in conn.execute(select(articles.c.title, articles.c.text))}


def test_nul_and_control_characters_and_lone_surrogates_are_stored_alike_on_every_backend(
    app: App, server: FeedServer
) -> None:
    poisoned = rss(
        [
            {"id": "p1", "title": "Nul&#0;title", "text": "Before&#0;after &#1;&#127;end"},
            {"id": "p2", "title": "Released", "text": RELEASED},
        ]
    )
    server.routes["/poisoned"] = body(poisoned)
    server.routes["/good"] = body(rss([{"id": "g1", "title": "Good", "text": "Markets rose."}]))
    feeds = [
        FeedConfig(server.url("/poisoned"), "Poisoned", 60),
        FeedConfig(server.url("/good"), "Good", 60),
    ]
    poll(app, feeds)
    texts = stored_texts(app)
    assert texts["Nultitle"] == "Beforeafter end"
    assert texts["Good"] == "Markets rose."
    assert texts["Released"] == RELEASED
    assert all(f["consecutive_errors"] == 0 for f in feed_rows(app.db))
    lone = Article("s1", "Lone \ud800 surrogate", "Text\x00 with \udfff both", None)
    ingest_articles(app.store, [lone], Classifier(load_book_of(app)), "test")
    assert stored_texts(app)["Lone \ufffd surrogate"] == "Text with \ufffd both"


def load_book_of(app: App) -> CaseBook:
    with app.db.read() as conn:
        return load_book(conn)


class PoisonedClassifier(Classifier):
    """The real classifier, except that it breaks on one article, as a classifier bug would."""

    def __call__(self, article: Article, book: CaseBook | None = None) -> list[Development]:
        if "POISON" in article.text:
            raise RuntimeError("classifier broke on this article")
        return super().__call__(article)


def test_one_article_that_fails_is_recorded_and_the_rest_of_the_batch_is_stored(app: App) -> None:
    classifier = PoisonedClassifier(load_book_of(app))
    items = [
        Article("a1", "One", "Markets rose.", dt.datetime(2023, 6, 19, tzinfo=dt.UTC)),
        Article("a2", "Two", "POISON", dt.datetime(2023, 6, 19, tzinfo=dt.UTC)),
        Article("a3", "Three", RELEASED, dt.datetime(2023, 6, 19, tzinfo=dt.UTC)),
    ]
    result = ingest_articles(app.store, items, lambda a, b: classifier(a), "test")
    assert [a for a, _ in result.failed] == ["a2"]
    assert "classifier broke" in result.failed[0][1]
    assert result.new_articles == 2 and result.events_appended >= 1
    assert set(stored_texts(app)) == {"One", "Three"}


def test_a_feed_whose_articles_fail_records_the_error_and_other_feeds_are_ingested(
    app: App, server: FeedServer
) -> None:
    app._classifier = PoisonedClassifier(load_book_of(app))
    server.routes["/bad"] = body(
        rss([{"id": "b1", "title": "Bad", "text": "POISON"}, {"id": "b2", "title": "Fine"}])
    )
    server.routes["/good"] = body(rss([{"id": "g1", "title": "Released", "text": RELEASED}]))
    feeds = [FeedConfig(server.url("/bad"), "Bad", 60), FeedConfig(server.url("/good"), "Good", 60)]
    poll(app, feeds)
    rows = {f["name"]: f for f in feed_rows(app.db)}
    assert rows["Bad"]["consecutive_errors"] == 1
    assert "1 of 2 articles not stored" in rows["Bad"]["last_error"]
    assert "classifier broke" in rows["Bad"]["last_error"]
    assert rows["Good"]["consecutive_errors"] == 0 and rows["Good"]["last_error"] is None
    assert set(stored_texts(app)) == {"Fine", "Released"}
    with app.db.read() as conn:
        assert conn.execute(select(func.count()).select_from(events)).scalar_one() > 4


def dispatch(app: App) -> DispatchReport:
    async def go() -> DispatchReport:
        dispatcher = Dispatcher(app.db, SmtpConfig("TEST_SMTP_URL", "m@example.org"), timeout=5)
        try:
            return await dispatcher.dispatch_due()
        finally:
            await dispatcher.aclose()

    return asyncio.run(go())


def test_an_alert_that_cannot_be_sent_fails_alone_and_never_stays_sending(
    app: App, caplog: pytest.LogCaptureFixture
) -> None:
    good, broken = WebhookReceiver(SECRET), WebhookReceiver(SECRET)
    try:
        subs = [
            Subscription(("*",), ("status",), webhook=r.url, secret_env="TEST_WEBHOOK_SECRET")
            for r in (good, broken)
        ]
        with app.db.write() as conn:
            sync_subscriptions(conn, subs, dt.datetime.now(dt.UTC))
            # A stored subscription the code never expected (`webhook = 5` in old files).
            conn.execute(
                update(subscriptions)
                .where(subscriptions.c.target == broken.url)
                .values(spec={"cases": ["*"], "on": ["status"], "webhook": 5})
            )
        app.ingest(
            [
                Article("d", "", "Anna Lindqvist was arrested in Moscow on Saturday.", day(14)),
                Article("r", "", "Anna Lindqvist was released on Friday.", day(17)),
            ]
        )
        report = dispatch(app)
        assert report.sent == 2 and report.retried == 2
        assert len(good.ids()) == 2
        states = sorted(a["state"] for a in list_alerts(app.db))
        assert states == ["pending", "pending", "sent", "sent"]
        errors = [a["last_error"] for a in list_alerts(app.db, ["pending"])]
        assert all(e and e.startswith("TypeError") for e in errors)
        retries = [
            r for r in caplog.records if r.levelname == "WARNING" and "retrying in" in r.message
        ]
        assert len(retries) == 2 and "failed (attempt 1 of 8)" in retries[0].message
    finally:
        good.stop()
        broken.stop()


def day(n: int) -> dt.datetime:
    return dt.datetime(2023, 6, n, 9, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("case", "complaint"),
    [
        (Case("lindqvist", "Anna", held_by="ABCDEFGHIJ"), "held_by must be an ISO 3166"),
        (Case("k" * 101, "Long Key", held_by="CN"), "at most 100 characters"),
        (Case("ok", "Name", held_by="CN", citizenship=("CAN",)), "citizenship"),
        (Case("ok", "Na\x00me", held_by="CN"), "control characters"),
        (Case("ok", "x" * 301, held_by="CN"), "at most 300"),
    ],
)
def test_a_case_field_the_schema_cannot_hold_is_refused_before_anything_is_appended(
    app: App, case: Case, complaint: str
) -> None:
    head = app.store.head()
    with pytest.raises(CaseDefinitionError, match=complaint):
        import_cases(app.store, CaseBook((case,)))
    assert app.store.head() == head
    app.ingest([Article("after", "", RELEASED, day(19))])
    assert app.store.head() > head  # later work goes on


def append_raw(app: App, stream: str, event: NewEvent) -> None:
    """Append what validation would refuse, as an older release or a bug might have."""
    app.store.append(stream, [event])


def test_an_event_a_projector_cannot_decode_is_recorded_skipped_and_shown_by_health(
    app: App, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # A definition missing its name: no projector can decode it, on any backend.
    append_raw(app, "case:ghost", NewEvent("CaseOpened", 1, {"key": "ghost"}, {}, "poison-1"))
    poison = app.store.head()
    app.ingest([Article("r", "", RELEASED, day(19))])  # later work: projected, not stopped
    with app.db.read() as conn:
        status = {r["case"]: r for r in current_status(conn)}
    assert status["lindqvist"]["status"] == "released"
    assert all(lag(app.db, app.store, p.name) == 0 for p in app.projectors)
    skipped = errors(app.db)
    assert {(e["projector"], e["position"]) for e in skipped} == {
        ("case_definitions", poison),
        ("case_status", poison),
    }
    assert all(e["error"].startswith("TypeError") for e in skipped)
    info = health(app)
    assert info["projection_errors"] == 2 and info["status"] == "degraded" and not info["ok"]
    assert main(["--db", db_url, "health"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("degraded: ") and "2 events skipped by projectors" in out
    # A rebuild replays around it too, and records the same events again.
    assert app.rebuild() == app.store.head()
    with app.db.read() as conn:
        assert {r["case"]: r for r in current_status(conn)}["lindqvist"]["status"] == "released"
    assert len(errors(app.db)) == 2


def test_a_definition_the_schema_cannot_hold_stops_no_command(app: App, db_url: str) -> None:
    # held_by is 8 wide in the projections: PostgreSQL refuses the row, SQLite keeps it.
    too_long = CaseOpened("wide", "Wide Held", (), "ABCDEFGHIJ", ())
    append_raw(app, "case:wide", encode(too_long, "poison-2", Metadata()))
    app.ingest([Article("r", "", RELEASED, day(19))])
    assert app.rebuild() == app.store.head()
    with app.db.read() as conn:
        status = {r["case"]: r for r in current_status(conn)}
    assert status["lindqvist"]["status"] == "released"
    recorded = {e["projector"] for e in errors(app.db)}
    if app.db.dialect == "postgresql":
        assert recorded == {"case_definitions", "case_status"}
    else:
        assert recorded == set() and status["wide"]["held_by"] == "ABCDEFGHIJ"


def test_extract_names_an_article_the_classifier_fails_on_and_reads_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("monitor.classify.extract.Classifier", PoisonedClassifier)
    cases = tmp_path / "cases.toml"
    cases.write_text('[[case]]\nkey = "anna"\nname = "Anna Lindqvist"\n', encoding="utf-8")
    lines = [
        {"id": "a1", "title": "Released", "text": RELEASED, "published": "2023-06-19"},
        {"id": "a2", "title": "Anna Lindqvist", "text": "POISON", "published": "2023-06-19"},
        {"id": "a3", "title": "Again", "text": RELEASED, "published": "2023-06-20"},
    ]
    arts = tmp_path / "articles.jsonl"
    arts.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert main(["extract", str(arts), "--cases", str(cases)]) == 0
    out, err = capsys.readouterr()
    found = [json.loads(line) for line in out.splitlines()]
    assert {(d["article"], d["type"]) for d in found} == {("a1", "released"), ("a3", "released")}
    assert "article a2: not classified: RuntimeError: classifier broke" in err


def test_extract_gives_an_id_that_appears_twice_one_line_per_development(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = tmp_path / "cases.toml"
    cases.write_text('[[case]]\nkey = "anna"\nname = "Anna Lindqvist"\n', encoding="utf-8")
    line = {"id": "a1", "title": "Released", "text": RELEASED, "published": "2023-06-19"}
    arts = tmp_path / "articles.jsonl"
    arts.write_text((json.dumps(line) + "\n") * 2, encoding="utf-8")
    assert main(["extract", str(arts), "--cases", str(cases)]) == 0
    out, err = capsys.readouterr()
    found = [json.loads(text) for text in out.splitlines()]
    assert [(d["article"], d["type"]) for d in found] == [("a1", "released")]
    assert "article id a1 appears again" in err
