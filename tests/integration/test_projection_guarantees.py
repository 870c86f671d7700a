"""Projections are exactly once and order-independent, whatever the crash or arrival order."""

from __future__ import annotations

import datetime as dt
import itertools
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from monitor.article_file import read_articles
from monitor.bootstrap import App, bootstrap
from monitor.classify.extract import Classifier, classifier_version
from monitor.config import load_cases
from monitor.domain.articles import Article
from monitor.ingest import import_cases, ingest_articles
from monitor.projections.runner import catch_up, lag
from monitor.store.schema import case_status, case_timeline, development_sources

DATA = Path(__file__).resolve().parents[1] / "data"

# Reports of developments in two cases, some of one development, some out of date order.
REPORTS = [
    ("p1", "2022-03-14", "Police arrested Anna Lindqvist on Saturday."),
    ("p2", "2022-04-02", "Anna Lindqvist was detained in March."),
    ("p3", "2022-04-02", "Anna Lindqvist was formally charged with spying on Friday."),
    ("p4", "2022-10-12", "Anna Lindqvist was sentenced to 12 years on Tuesday."),
    ("p5", "2023-06-17", "Anna Lindqvist and Daniel Okafor were released on Friday."),
    ("p6", "2023-06-18", "Anna Lindqvist and Daniel Okafor were released on Saturday."),
    ("p7", "2021-01-20", "Daniel Okafor was arrested at the airport last Thursday."),
    ("p8", "2022-05-20", "Consular officials visited Anna Lindqvist on Tuesday, the embassy said."),
]


def _articles(ids: list[str]) -> list[Article]:
    by_id = {r[0]: r for r in REPORTS}
    return [
        Article(i, "", by_id[i][2], dt.datetime.fromisoformat(by_id[i][1]).replace(tzinfo=dt.UTC))
        for i in ids
    ]


def semantic_projection(app: App) -> tuple[Any, ...]:
    """The projections without what depends on arrival order (ids, positions, evidence)."""
    with app.db.read() as conn:
        by_development: dict[str, list[str]] = {}
        for development, article in conn.execute(
            select(development_sources.c.development_id, development_sources.c.article_id)
        ):
            by_development.setdefault(development, []).append(article)
        sources = {k: tuple(sorted(v)) for k, v in by_development.items()}
        status = sorted(
            (
                r.case_key,
                r.status,
                r.status_date,
                r.last_development,
                r.last_development_date,
                r.held_since,
                r.last_consular_visit,
                r.developments,
                r.sources,
            )
            for r in conn.execute(select(case_status))
        )
        timeline = sorted(
            (
                r.case_key,
                r.type,
                r.date,
                r.date_precision,
                r.source_count,
                r.retracted,
                sources.get(r.development_id, ()),
            )
            for r in conn.execute(select(case_timeline))
        )
    return tuple(status), tuple(timeline)


def _fresh(url_maker: Any) -> App:
    app = bootstrap(url_maker())
    import_cases(app.store, load_cases(DATA / "cases.toml"))
    return app


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(order=st.permutations([r[0] for r in REPORTS]), cuts=st.lists(st.integers(1, 7), max_size=4))
def test_any_order_and_batch_split_gives_identical_projections(
    fresh_url: Any, order: list[str], cuts: list[int]
) -> None:
    reference = _fresh(fresh_url)
    try:
        reference.ingest(_articles([r[0] for r in REPORTS]))
        expected = semantic_projection(reference)
    finally:
        reference.close()
    app = _fresh(fresh_url)
    try:
        bounds = [0, *sorted(set(cuts)), len(order)]
        for a, b in itertools.pairwise(bounds):
            app.ingest(_articles(order[a:b]))
        assert semantic_projection(app) == expected
    finally:
        app.close()


CRASHING_PROJECTOR = textwrap.dedent(
    """
    import os, sys
    from monitor.bootstrap import bootstrap
    from monitor.projections.runner import catch_up

    changes = 0

    def crash_mid_batch(conn, change):
        # Runs inside the projector's transaction, after its writes, before the commit.
        global changes
        changes += 1
        if changes == int(sys.argv[2]):
            os._exit(9)

    app = bootstrap(sys.argv[1], on_change=crash_mid_batch)
    catch_up(app.db, app.store, app.projectors, batch=3)
    """
)


def test_a_projector_killed_before_commit_neither_loses_nor_double_counts(
    db_url: str, tmp_path: Path
) -> None:
    app = bootstrap(db_url)
    try:
        book = load_cases(DATA / "cases.toml")
        import_cases(app.store, book)
        ingest_articles(
            app.store,
            list(read_articles(DATA / "articles.jsonl")),
            Classifier(book),
            classifier_version(),
        )
        script = tmp_path / "crash.py"
        script.write_text(CRASHING_PROJECTOR)
        for crash_at in (2, 5, 9):
            run = subprocess.run(
                [sys.executable, str(script), db_url, str(crash_at)],
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert run.returncode == 9, run.stderr
        app.project()  # the restart
        after_restart = semantic_projection(app)
        app.rebuild()
        assert semantic_projection(app) == after_restart
        statuses = {row[0]: row[1] for row in after_restart[0]}
        assert statuses["lindqvist"] == "released"
    finally:
        app.close()


def test_two_instances_taking_turns_on_one_database_keep_every_source(db_url: str) -> None:
    """A projector's cached rows must not survive another instance's writes in between."""
    first, second = bootstrap(db_url), bootstrap(db_url)
    try:
        import_cases(first.store, load_cases(DATA / "cases.toml"))
        third_report = Article(
            "p9",
            "",
            "Anna Lindqvist was released in June.",
            dt.datetime(2023, 7, 3, tzinfo=dt.UTC),
        )
        # Three reports of one release; the instances take turns projecting them.
        first.ingest(_articles(["p1", "p5"]))
        second.ingest(_articles(["p6"]))
        first.ingest([third_report])
        incremental = semantic_projection(first)
        first.rebuild()
        assert semantic_projection(first) == incremental
        release = [r for r in incremental[1] if r[0] == "lindqvist" and r[1] == "released"]
        assert [r[4] for r in release] == [3]
    finally:
        first.close()
        second.close()


def test_projectors_standing_at_different_positions_each_reach_the_head(db_url: str) -> None:
    """Projectors usually take a batch together; one that lags goes on alone until it has
    caught up, and the result is what a rebuild gives."""
    app = bootstrap(db_url)
    try:
        book = load_cases(DATA / "cases.toml")
        import_cases(app.store, book)
        classify, version = Classifier(book), classifier_version()
        ingest_articles(app.store, _articles(["p1", "p2", "p3"]), classify, version)
        catch_up(app.db, app.store, app.projectors[:2], batch=2)  # status stays behind
        ingest_articles(app.store, _articles(["p4", "p5", "p6", "p7"]), classify, version)
        catch_up(app.db, app.store, app.projectors, batch=2)
        head = app.store.head()
        assert all(lag(app.db, app.store, p.name) == 0 for p in app.projectors), head
        incremental = semantic_projection(app)
        app.rebuild()
        assert semantic_projection(app) == incremental
        statuses = {row[0]: row[1] for row in incremental[0]}
        assert statuses["lindqvist"] == "released"
    finally:
        app.close()


def test_fresh_url_fixture_gives_empty_databases(fresh_url: Any) -> None:
    app = bootstrap(fresh_url())
    try:
        assert app.store.head() == 0
    finally:
        app.close()
