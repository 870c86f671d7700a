"""The JSON API answers what the CLI prints, with ETags, filters and cursor pagination."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from monitor.bootstrap import App, bootstrap, web_app
from monitor.cli import main
from monitor.config import load_cases, read_articles
from monitor.ingest import import_cases
from tests.webserver import served

ROOT = Path(__file__).resolve().parents[2]


def load(app: App, cases: Path, articles: Path) -> None:
    import_cases(app.store, load_cases(cases))
    app.ingest(list(read_articles(articles)))


@pytest.fixture
def seeded(db_url: str, shared_dir: Path) -> Iterator[tuple[App, str]]:
    """The five seed articles ingested, and the web application serving them."""
    dev = shared_dir / "eval" / "dev"
    app = bootstrap(db_url)
    load(app, dev / "cases.toml", dev / "articles.jsonl")
    try:
        with served(web_app(app, None)) as base:
            yield app, base
    finally:
        app.close()


@pytest.fixture
def project_data(db_url: str) -> Iterator[tuple[App, str]]:
    """The project's own test cases and articles, served."""
    app = bootstrap(db_url)
    load(app, ROOT / "tests/data/cases.toml", ROOT / "tests/data/articles.jsonl")
    try:
        with served(web_app(app, None)) as base:
            yield app, base
    finally:
        app.close()


def cli_json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    capsys.readouterr()
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_api_answers_equal_the_cli_for_every_seed_case(
    seeded: tuple[App, str], db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, base = seeded
    status = cli_json(capsys, "status", "--json", "--db", db_url)
    assert httpx.get(f"{base}/api/v1/cases").json() == status
    assert {r["case"] for r in status} == {"kovrig", "spavor", "meng-wanzhou", "schellenberg"}
    for row in status:
        key = row["case"]
        timeline = cli_json(capsys, "timeline", key, "--json", "--db", db_url)
        assert timeline, f"{key} has no developments"
        assert httpx.get(f"{base}/api/v1/cases/{key}/timeline").json() == timeline
        one = httpx.get(f"{base}/api/v1/cases/{key}").json()
        assert one["case"] == row and one["timeline"] == timeline


API_GETS = [
    "/api/v1",
    "/api/v1/cases",
    "/api/v1/cases/kovrig",
    "/api/v1/cases/kovrig/timeline",
    "/api/v1/developments?case=kovrig&limit=3",
    "/api/v1/sources",
    "/api/v1/review",
    "/api/v1/openapi.json",
]


def test_a_repeated_get_with_its_etag_is_304(seeded: tuple[App, str]) -> None:
    _, base = seeded
    for path in API_GETS:
        first = httpx.get(base + path)
        assert first.status_code == 200 and first.headers["etag"], path
        again = httpx.get(base + path, headers={"If-None-Match": first.headers["etag"]})
        assert again.status_code == 304 and again.content == b"", path
        assert again.headers["etag"] == first.headers["etag"]
        stale = httpx.get(base + path, headers={"If-None-Match": '"something-else"'})
        assert stale.status_code == 200 and stale.content == first.content


def test_the_etag_changes_when_the_projection_does(project_data: tuple[App, str]) -> None:
    app, base = project_data
    before = httpx.get(f"{base}/api/v1/cases")
    app.ingest(
        [_article("late-1", "Hiro Tanaka was detained in Beijing on 3 May 2023.", "2023-05-05")]
    )
    after = httpx.get(f"{base}/api/v1/cases", headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200
    assert after.headers["etag"] != before.headers["etag"]


def _article(article_id: str, text: str, published: str) -> Any:
    from monitor.domain.articles import Article, parse_published

    return Article(
        id=article_id,
        title="",
        text=text,
        published=parse_published(published),
        url=f"https://news.example.org/{article_id}",
    )


def test_developments_page_through_with_a_cursor_and_filter(
    seeded: tuple[App, str], db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, base = seeded
    seen: list[dict[str, Any]] = []
    cursor: str | None = None
    pages = 0
    while True:
        params = {"case": "kovrig", "limit": "5", **({"cursor": cursor} if cursor else {})}
        page = httpx.get(f"{base}/api/v1/developments", params=params).json()
        seen.extend(page["developments"])
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    timeline = cli_json(capsys, "timeline", "kovrig", "--json", "--db", db_url)
    assert pages == -(-len(timeline) // 5)
    assert sorted(d["development"] for d in seen) == sorted(r["development"] for r in timeline)
    assert len({d["development"] for d in seen}) == len(seen)  # no page repeats a row

    released = httpx.get(f"{base}/api/v1/developments", params={"type": "released"}).json()
    assert {d["case"] for d in released["developments"]} == {"kovrig", "spavor", "meng-wanzhou"}
    assert all(d["type"] == "released" for d in released["developments"])
    dated = httpx.get(
        f"{base}/api/v1/developments", params={"since": "2021-09", "until": "2021-09"}
    ).json()["developments"]
    assert dated and all(d["date"].startswith("2021-09") for d in dated)


def test_bad_requests_get_json_errors(seeded: tuple[App, str]) -> None:
    _, base = seeded
    for path, code in [
        ("/api/v1/cases/nobody", 404),
        ("/api/v1/cases/nobody/timeline", 404),
        ("/api/v1/developments?type=abducted", 400),
        ("/api/v1/developments?limit=0", 400),
        ("/api/v1/developments?cursor=%25%25", 400),
    ]:
        answer = httpx.get(base + path)
        assert answer.status_code == code, path
        assert answer.json()["error"]


def test_sources_name_outlet_title_link_and_published(project_data: tuple[App, str]) -> None:
    _, base = project_data
    rows = httpx.get(f"{base}/api/v1/sources").json()
    assert rows
    for row in rows:
        assert set(row) >= {"article", "outlet", "title", "url", "published", "cases"}
    linked = [r for r in rows if r["url"]]
    assert linked and all(r["outlet"] and "://" not in r["outlet"] for r in linked)


def test_the_openapi_description_lists_every_api_path(seeded: tuple[App, str]) -> None:
    _, base = seeded
    spec = httpx.get(f"{base}/api/v1/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    for path in spec["paths"]:
        concrete = path.replace("{key}", "kovrig")
        assert httpx.get(base + concrete).status_code == 200, path
