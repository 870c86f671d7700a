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
from tests.seeds import seeded_with_proposals
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


def last_event(app: App) -> tuple[str, str, dict[str, object]]:
    from sqlalchemy import select

    from monitor.store.schema import events

    with app.db.read() as conn:
        row = conn.execute(select(events).order_by(events.c.position.desc()).limit(1)).one()
    data = {k: v for k, v in row.data.items() if k != "at"}  # when it was decided
    return row.stream, row.type, data


def test_a_confirm_from_the_page_appends_the_same_event_as_the_cli(
    db_url: str, tmp_path: Path, shared_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from monitor.cli import main

    monkeypatch.setenv("MONITOR_TEST_REVIEW_TOKEN", TOKEN)
    web_side = seeded_with_proposals(db_url, shared_dir)
    cli_url = f"sqlite:///{tmp_path / 'cli.db'}"  # the CLI's side of the comparison
    cli_side = seeded_with_proposals(cli_url, shared_dir)
    try:
        http = HttpTable(token_env="MONITOR_TEST_REVIEW_TOKEN")
        with served(web_app(web_side, http)) as base, httpx.Client(base_url=base) as client:
            waiting = client.get("/api/v1/review").json()
            assert waiting and all(p["why"] for p in waiting)  # each says why it waits
            proposal = waiting[0]["development"]
            csrf = csrf_of(client.get("/review").text)
            client.post("/review/session", data={"token": TOKEN, "by": "alice", "csrf": csrf})
            page = client.get("/review")
            assert f'action="/review/{proposal}/confirm"' in page.text
            head = web_side.store.head()
            done = client.post(f"/review/{proposal}/confirm", data={"csrf": csrf})
            assert done.status_code == 303
            assert web_side.store.head() == head + 1
            after = client.get("/api/v1/review").json()
            assert proposal not in {p["development"] for p in after}
            assert "Confirmed" in client.get(done.headers["location"]).text
        assert main(["review", "confirm", proposal, "--by", "web:alice", "--db", cli_url]) == 0
        web_event, cli_event = last_event(web_side), last_event(cli_side)
        assert web_event[1] == "DevelopmentConfirmed"
        assert web_event == cli_event
    finally:
        web_side.close()
        cli_side.close()


def test_reject_and_correct_from_the_page_need_a_reason(
    db_url: str, shared_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MONITOR_TEST_REVIEW_TOKEN", TOKEN)
    app = seeded_with_proposals(db_url, shared_dir)
    try:
        http = HttpTable(token_env="MONITOR_TEST_REVIEW_TOKEN")
        with served(web_app(app, http)) as base, httpx.Client(base_url=base) as client:
            first, second = [p["development"] for p in client.get("/api/v1/review").json()[:2]]
            csrf = csrf_of(client.get("/review").text)
            client.post("/review/session", data={"token": TOKEN, "csrf": csrf})
            head = app.store.head()
            no_reason = client.post(f"/review/{first}/reject", data={"csrf": csrf})
            assert no_reason.status_code == 400 and app.store.head() == head
            rejected = client.post(
                f"/review/{first}/reject", data={"csrf": csrf, "reason": "speculation"}
            )
            assert rejected.status_code == 303 and app.store.head() == head + 1
            corrected = client.post(
                f"/review/{second}/correct",
                data={"csrf": csrf, "type": "hearing", "date": "2019-06", "reason": "a hearing"},
            )
            assert corrected.status_code == 303
            remaining = {p["development"] for p in client.get("/api/v1/review").json()}
            assert not {first, second} & remaining
            developments = client.get(
                "/api/v1/developments", params={"type": "hearing", "limit": 500}
            ).json()["developments"]
            assert [d["date"] for d in developments if d["development"] == second] == ["2019-06"]
    finally:
        app.close()
