"""What keeps an article's cost flat as history grows: the source index, decision snapshots,
batched and pipelined ingest, known articles recognised before classification."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, insert, select, text
from sqlalchemy.exc import DBAPIError

from monitor.bootstrap import App, bootstrap
from monitor.classify.extract import Classifier, classifier_version
from monitor.config import load_cases
from monitor.domain.articles import Article
from monitor.domain.cases import Case, CaseBook
from monitor.domain.developments import Development
from monitor.domain.events import case_stream
from monitor.domain.recording import fold_case
from monitor.ingest import DecisionStates, import_cases, ingest_articles, retract
from monitor.store.codec import decode
from monitor.store.schema import (
    case_status,
    decision_snapshots,
    development_sources,
    events,
)
from monitor.store.snapshots import SNAPSHOT_EVERY, load_state

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def app(db_url: str) -> Iterator[App]:
    application = bootstrap(db_url)
    import_cases(application.store, load_cases(DATA / "cases.toml"))
    yield application
    application.close()


def detained(aid: str, day: int = 12) -> Article:
    return Article(
        aid,
        "",
        f"Anna Lindqvist was detained in Moscow on March {day}. (report {aid})",
        dt.datetime(2022, 4, 2, tzinfo=dt.UTC),
        url=f"https://news.example.org/{aid}",
    )


class CountingClassifier:
    """The real classifier, counting the articles it is asked about."""

    def __init__(self, book: CaseBook, fail_on: str | None = None) -> None:
        self.real = Classifier(book)
        self.seen: list[str] = []
        self.fail_on = fail_on

    def __call__(self, article: Article, book: CaseBook) -> list[Development]:
        if article.id == self.fail_on:  # the process is interrupted here, as by a crash
            raise KeyboardInterrupt(f"interrupted at {article.id}")
        self.seen.append(article.id)
        return self.real(article, book)


def count(app: App, table: Any) -> int:
    with app.db.read() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_each_report_of_a_development_is_one_row_in_the_source_index(app: App) -> None:
    app.ingest([detained("a1"), detained("a2"), detained("a3")])
    with app.db.read() as conn:
        rows = conn.execute(
            select(development_sources.c.article_id, development_sources.c.url).order_by(
                development_sources.c.position
            )
        ).all()
        view = conn.execute(text("SELECT article_id FROM report_sources")).scalars().all()
        [status] = conn.execute(
            select(case_status.c.sources).where(case_status.c.case_key == "lindqvist")
        ).scalars()
    assert [r.article_id for r in rows] == ["a1", "a2", "a3"]
    assert rows[0].url == "https://news.example.org/a1"
    assert sorted(view) == ["a1", "a2", "a3"]
    assert status == 3


@pytest.mark.parametrize("table", ["development_sources", "decision_snapshots"])
def test_the_new_tables_refuse_updates_and_deletes(app: App, table: str) -> None:
    states = DecisionStates(app.store)
    classify = Classifier(app_book(app))
    ingest_articles(
        app.store,
        [detained(f"a{i}", 12) for i in range(SNAPSHOT_EVERY + 5)],
        classify,
        classifier_version(),
        book=classify.book,
        states=states,
    )
    assert count(app, development_sources) and count(app, decision_snapshots)
    with app.db.read() as conn:
        row = conn.execute(text(f"SELECT * FROM {table} LIMIT 1")).one()._mapping
    if table == "development_sources":
        key, columns = "position", "(position, case_key, development_id, article_id)"
        values, change = f"({row['position']}, 'x', 'x', 'x')", "article_id = 'x'"
    else:
        key, columns = "stream, version", "(stream, version, format, state, taken_at)"
        values = f"('{row['stream']}', {row['version']}, 1, '{{}}', '2020-01-01')"
        change = "format = 0"
    replace = (
        f"INSERT INTO {table} {columns} VALUES {values} ON CONFLICT ({key}) DO UPDATE SET {change}"
        if app.db.dialect == "postgresql"
        else f"INSERT OR REPLACE INTO {table} {columns} VALUES {values}"
    )
    for statement in (f"UPDATE {table} SET {change}", f"DELETE FROM {table}", replace):
        with pytest.raises(DBAPIError, match="append-only"), app.db.write() as conn:
            conn.execute(text(statement))


def app_book(app: App) -> CaseBook:
    from monitor.ingest import load_book

    with app.db.read() as conn:
        return load_book(conn)


def test_a_decision_folds_only_the_events_after_the_newest_snapshot(app: App) -> None:
    app.ingest([detained(f"a{i}") for i in range(SNAPSHOT_EVERY + 30)])
    stream = case_stream("lindqvist")
    with app.db.read() as conn:
        versions = conn.execute(select(decision_snapshots.c.version)).scalars().all()
        state = load_state(app.store, conn, stream)
        everything = fold_case(decode(e) for e in app.store.read_stream_in(conn, stream))
        tail = app.store.read_stream_in(conn, stream, after_version=max(versions))
    assert versions and max(versions) >= SNAPSHOT_EVERY
    assert len(tail) < SNAPSHOT_EVERY
    assert state == everything


def test_a_snapshot_of_another_format_is_ignored_and_the_events_folded(app: App) -> None:
    app.ingest([detained("a1"), detained("a2")])
    stream = case_stream("lindqvist")
    with app.db.write() as conn:
        head = app.store.read_stream_in(conn, stream)[-1].version
        conn.execute(
            insert(decision_snapshots).values(
                stream=stream,
                version=head,
                format=999,  # a layout this code does not know
                state={"nonsense": True},
                taken_at=dt.datetime.now(dt.UTC),
            )
        )
    with app.db.read() as conn:
        state = load_state(app.store, conn, stream)
    assert state.version == head and len(state.developments) == 1
    app.ingest([detained("a3")])
    assert count(app, development_sources) == 3


def test_a_known_article_is_recognised_before_it_is_classified(app: App) -> None:
    book = app_book(app)
    first = CountingClassifier(book)
    ingest_articles(app.store, [detained("a1"), detained("a2")], first, "v", book=book)
    again = CountingClassifier(book)
    same_content = Article("other-id", "", detained("a2").text, None, url="https://x.org/2")
    same_url = Article("third-id", "", "new words", None, url="https://news.example.org/a1")
    result = ingest_articles(
        app.store,
        [detained("a1"), same_content, same_url, detained("a4")],
        again,
        "v",
        book=book,
    )
    assert again.seen == ["a4"]
    assert (result.new_articles, result.duplicates) == (1, 3)


def test_a_crash_keeps_the_batches_committed_before_it_and_nothing_after(app: App) -> None:
    book = app_book(app)
    stream = [detained(f"a{i:03}") for i in range(130)]
    crashing = CountingClassifier(book, fail_on="a120")
    with pytest.raises(KeyboardInterrupt, match="a120"):
        ingest_articles(app.store, stream, crashing, "v", book=book, per_transaction=50)
    assert count(app, development_sources) == 100  # batches 1 and 2; not a part of batch 3
    rerun = CountingClassifier(book)
    result = ingest_articles(app.store, stream, rerun, "v", book=book, per_transaction=50)
    assert rerun.seen == [a.id for a in stream[100:]]
    assert (result.new_articles, result.duplicates) == (30, 100)
    assert count(app, development_sources) == 130


def test_classifying_in_a_worker_process_records_what_inline_classification_does(
    db_url: str, tmp_path: Path
) -> None:
    stream = [detained(f"a{i:03}", 10 + i % 3) for i in range(160)]
    results = []
    for worker in (True, False):
        url = db_url if worker else f"sqlite:///{tmp_path / 'inline.db'}"
        application = bootstrap(url)
        application.classify_in_worker = worker
        try:
            import_cases(application.store, load_cases(DATA / "cases.toml"))
            result = application.ingest(iter(stream))  # a one-pass iterator, read lazily
            with application.db.read() as conn:
                rows = conn.execute(
                    select(events.c.type, events.c.data["development_id"].as_string()).where(
                        events.c.stream == case_stream("lindqvist")
                    )
                ).all()
            results.append((result.events_appended, sorted(map(tuple, rows))))
            assert worker is (application._pool is not None)
        finally:
            application.close()
    assert results[0] == results[1]
    assert results[0][0] == 160


def test_source_counts_are_distinct_articles_behind_live_developments(app: App) -> None:
    two = Article(
        "b1",
        "",
        "Anna Lindqvist was detained in Moscow on March 12. "
        "On April 1 prosecutors formally charged Anna Lindqvist with espionage.",
        dt.datetime(2022, 4, 2, tzinfo=dt.UTC),
    )
    app.ingest([two, detained("b2")])

    def sources() -> int:
        with app.db.read() as conn:
            return int(
                conn.execute(
                    select(case_status.c.sources).where(case_status.c.case_key == "lindqvist")
                ).scalar_one()
            )

    assert sources() == 2  # b1 reports two developments and counts once
    with app.db.read() as conn:
        charged = conn.execute(
            select(events.c.data["development_id"].as_string()).where(
                events.c.type == "DevelopmentRecorded",
                events.c.data["type"].as_string() == "charged",
            )
        ).scalar_one()
    retract(app.store, "lindqvist", charged, "misread")
    app.project()
    assert sources() == 2  # b1 still stands behind the detention
    detention = next(k for k in load_dev_ids(app) if k != charged)
    retract(app.store, "lindqvist", detention, "misread")
    app.project()
    assert sources() == 0
    app.ingest([detained("b3")])  # a report of a retracted development adds no source
    assert sources() == 0
    before = app_tables(app)
    app.rebuild()
    assert app_tables(app) == before


def load_dev_ids(app: App) -> list[str]:
    with app.db.read() as conn:
        return list(
            conn.execute(
                select(events.c.data["development_id"].as_string()).where(
                    events.c.type == "DevelopmentRecorded"
                )
            ).scalars()
        )


def app_tables(app: App) -> list[tuple[Any, ...]]:
    with app.db.read() as conn:
        return sorted(tuple(r) for r in conn.execute(select(case_status)))


def test_case_definitions_are_read_from_the_head_onwards_and_new_ones_still_seen(
    app: App,
) -> None:
    """The book reader scans only the events after the head of its previous call (the
    definitions are picked out by type, which no index holds), and still sees a case
    defined later, by this instance or another one."""
    app.ingest([detained(f"d{i}", 1 + i) for i in range(3)])
    with app.db.read() as conn:
        before = app._book.read(conn)
    assert app._book.position == app.store.head()
    other = bootstrap(app.db.engine.url.render_as_string(hide_password=False))
    try:
        extra = CaseBook((Case("okafor-2", "Daniel Okafor Junior", (), "CN", ("NG",)),), ())
        import_cases(other.store, extra)
    finally:
        other.close()
    with app.db.read() as conn:
        after = app._book.read(conn)
    assert {c.key for c in after.cases} == {c.key for c in before.cases} | {"okafor-2"}
    assert app._book.position == app.store.head()
