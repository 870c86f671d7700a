"""Writing through the web needs the review token, a session and a CSRF token; else 403 and
nothing is appended."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from monitor.bootstrap import App, bootstrap, web_app
from monitor.config import HttpTable, load_cases, read_articles
from monitor.ingest import import_cases
from tests.webserver import served

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "correct horse battery staple"


@pytest.fixture
def app(db_url: str) -> Iterator[App]:
    app = bootstrap(db_url)
    import_cases(app.store, load_cases(ROOT / "tests/data/cases.toml"))
    app.ingest(list(read_articles(ROOT / "tests/data/articles.jsonl")))
    yield app
    app.close()


def some_development(base: str) -> str:
    return str(httpx.get(f"{base}/api/v1/cases/lindqvist/timeline").json()[0]["development"])


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found, "the page has no CSRF field"
    return found.group(1)


def posts(development: str) -> list[tuple[str, dict[str, str]]]:
    return [
        ("/review/session", {"token": TOKEN}),
        ("/review/session/end", {}),
        (f"/review/{development}/confirm", {}),
        (f"/review/{development}/reject", {"reason": "wrong"}),
        (f"/review/{development}/correct", {"type": "charged", "date": "2022-04"}),
    ]


def test_without_a_token_every_post_is_refused_and_nothing_appended(app: App) -> None:
    head = app.store.head()
    with served(web_app(app, None)) as base, httpx.Client(base_url=base) as client:
        page = client.get("/review")
        assert "Read-only" in page.text and 'method="post"' not in page.text
        for path, form in posts(some_development(base)):
            answer = client.post(path, data={**form, "csrf": "anything"})
            assert answer.status_code == 403, path
            refused = client.post(path, data=form, headers={"Authorization": f"Bearer {TOKEN}"})
            assert refused.status_code == 403, path
    assert app.store.head() == head


def test_with_a_token_posts_need_the_session_and_the_csrf_token(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MONITOR_TEST_REVIEW_TOKEN", TOKEN)
    http = HttpTable(token_env="MONITOR_TEST_REVIEW_TOKEN")
    head = app.store.head()
    with served(web_app(app, http)) as base, httpx.Client(base_url=base) as client:
        development = some_development(base)
        page = client.get("/review")
        assert "Review token" in page.text and "Read-only" not in page.text
        csrf = csrf_of(page.text)
        # Not signed in: every decision is refused, even with a good CSRF token.
        for path, form in posts(development)[2:]:
            assert client.post(path, data={**form, "csrf": csrf}).status_code == 403, path
        # Signing in needs the right token and the CSRF token, from this site.
        assert (
            client.post("/review/session", data={"token": "guess", "csrf": csrf}).status_code == 403
        )
        assert client.post("/review/session", data={"token": TOKEN}).status_code == 403
        assert (
            client.post(
                "/review/session",
                data={"token": TOKEN, "csrf": csrf},
                headers={"Origin": "https://evil.example"},
            ).status_code
            == 403
        )
        signed = client.post("/review/session", data={"token": TOKEN, "csrf": csrf})
        assert signed.status_code == 303
        assert "Signed in to decide" in client.get("/review").text
        # Signed in, but a forged form (no or another CSRF token) is still refused.
        for path, form in posts(development)[2:]:
            assert client.post(path, data=form).status_code == 403, path
            assert client.post(path, data={**form, "csrf": "x" * 64}).status_code == 403, path
        # Another browser with the session cookie but its own CSRF cookie cannot reuse ours.
        other = httpx.Client(
            base_url=base, cookies={"monitor_review": client.cookies["monitor_review"]}
        )
        with other:
            other.get("/review")
            assert other.post(posts(development)[2][0], data={"csrf": csrf}).status_code == 403
        # A development that is not a proposal cannot be decided (404), nothing is written.
        answer = client.post(f"/review/{development}/confirm", data={"csrf": csrf})
        assert answer.status_code == 404
        out = client.post("/review/session/end", data={"csrf": csrf})
        assert out.status_code == 303
        assert "Review token" in client.get("/review").text
    assert app.store.head() == head
