"""The Atom feeds are valid (feedparser, no bozo), keep entry ids across a rebuild, and move
an entry's `updated` when its development is corrected."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import feedparser
import httpx
import pytest

from monitor.bootstrap import App, bootstrap, web_app
from monitor.config import load_cases, read_articles
from monitor.domain.articles import Article, parse_published
from monitor.ingest import import_cases
from monitor.web.atom import entry_id
from tests.webserver import served

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def seeded(db_url: str, shared_dir: Path) -> Iterator[tuple[App, str]]:
    dev = shared_dir / "eval" / "dev"
    app = bootstrap(db_url)
    import_cases(app.store, load_cases(dev / "cases.toml"))
    app.ingest(list(read_articles(dev / "articles.jsonl")))
    try:
        with served(web_app(app, None)) as base:
            yield app, base
    finally:
        app.close()


def parsed(url: str) -> feedparser.FeedParserDict:
    answer = httpx.get(url)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(answer.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def test_feeds_parse_without_bozo_and_keep_ids_across_a_rebuild(
    seeded: tuple[App, str],
) -> None:
    app, base = seeded
    urls = [f"{base}/cases/{k}.atom" for k in ("kovrig", "spavor", "meng-wanzhou")]
    urls += [f"{base}/feed.atom", f"{base}/feed.atom?type=released"]
    before = {url: parsed(url) for url in urls}
    kovrig = before[f"{base}/cases/kovrig.atom"]
    timeline = httpx.get(f"{base}/api/v1/cases/kovrig/timeline").json()
    assert {e.id for e in kovrig.entries} == {entry_id(r["development"]) for r in timeline}
    assert all(e.title.startswith("Michael Kovrig: ") for e in kovrig.entries)
    assert all(e.updated_parsed and e.link.endswith(e.id.rsplit(":", 1)[1]) for e in kovrig.entries)
    released = before[f"{base}/feed.atom?type=released"]
    assert len(released.entries) == 3
    assert all(t.term == "released" for e in released.entries for t in e.tags[:1])

    app.rebuild()

    for url, feed in before.items():
        again = parsed(url)
        assert [e.id for e in again.entries] == [e.id for e in feed.entries], url
        assert [e.updated for e in again.entries] == [e.updated for e in feed.entries], url


def _article(article_id: str, text: str, published: str) -> Article:
    return Article(
        id=article_id,
        title=f"Report {article_id}",
        text=text,
        published=parse_published(published),
        url=f"https://news.example.org/{article_id}",
    )


def test_a_corrected_development_keeps_its_id_and_moves_its_updated(db_url: str) -> None:
    app = bootstrap(db_url)
    try:
        import_cases(app.store, load_cases(ROOT / "tests/data/cases.toml"))
        app.ingest(
            [_article("x-1", "Hiro Tanaka was detained in Beijing in March 2023.", "2023-04-10")]
        )
        with served(web_app(app, None)) as base:
            first = parsed(f"{base}/cases/tanaka.atom").entries
            assert len(first) == 1 and "2023-03" in first[0].title
            time.sleep(0.01)  # recorded_at must be able to differ
            app.ingest(
                [
                    _article(
                        "x-2",
                        "Hiro Tanaka was detained in Beijing on 14 March 2023, Japan said.",
                        "2023-04-20",
                    )
                ]
            )
            second = parsed(f"{base}/cases/tanaka.atom").entries
            assert [e.id for e in second] == [e.id for e in first]
            assert "2023-03-14" in second[0].title
            assert second[0].updated > first[0].updated
            assert second[0].published == first[0].published
            assert len([link for link in second[0].links if link.rel == "related"]) == 2
    finally:
        app.close()


def test_an_unknown_case_or_type_is_refused(seeded: tuple[App, str]) -> None:
    _, base = seeded
    assert httpx.get(f"{base}/cases/nobody.atom").status_code == 404
    assert httpx.get(f"{base}/feed.atom?type=abducted").status_code == 400


def test_a_reviewer_s_correction_moves_the_entry_s_updated(seeded: tuple[App, str]) -> None:
    from monitor import review

    app, base = seeded
    before = {e.id: e for e in parsed(f"{base}/cases/kovrig.atom").entries}
    visit = next(
        r
        for r in httpx.get(f"{base}/api/v1/cases/kovrig/timeline").json()
        if r["type"] == "consular_visit"
    )
    time.sleep(0.01)
    review.correct(
        app.store,
        visit["development"],
        review.Correction(date="2020-11-09"),
        reason="the ministry's own release gives the 9th",
        by="test",
    )
    app.project()
    after = {e.id: e for e in parsed(f"{base}/cases/kovrig.atom").entries}
    assert after.keys() == before.keys()  # same entries, same ids
    changed = entry_id(visit["development"])
    assert after[changed].updated > before[changed].updated
    assert "2020-11-09" in after[changed].title
    assert after[changed].published == before[changed].published
    assert all(after[i].updated == before[i].updated for i in after if i != changed)
