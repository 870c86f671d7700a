"""What a person sees in a real browser: headless Chromium loads the pages over the seed data.

Screenshots go to the test's temporary folder; with MONITOR_UPDATE_SCREENSHOTS=1 they
also replace the ones docs/web.md shows.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from monitor.bootstrap import App, web_app
from monitor.config import HttpTable
from tests.browser import Browser, chromium_path
from tests.seeds import seeded_with_proposals
from tests.webserver import served

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "web"


def keep(shot: Path) -> None:
    """Copy a screenshot into docs/web/ when asked to refresh the documentation's pictures."""
    if os.environ.get("MONITOR_UPDATE_SCREENSHOTS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, DOCS / shot.name)


@pytest.fixture
def browser() -> Iterator[Browser]:
    chrome = Browser(chromium_path())
    try:
        yield chrome
    finally:
        chrome.close()


def seeded(url: str, shared_dir: Path) -> App:
    """The five seed articles on a strict desk, so that some developments wait for review;
    statuses are as expected."""
    return seeded_with_proposals(url, shared_dir)


@pytest.fixture
def site(tmp_path: Path, shared_dir: Path) -> Iterator[str]:
    """The seed data served on loopback, read-only (no review token)."""
    app = seeded(f"sqlite:///{tmp_path / 'web.db'}", shared_dir)
    try:
        with served(web_app(app, None)) as base:
            yield base
    finally:
        app.close()


def test_the_case_list_shows_every_case_with_its_status(
    browser: Browser, site: str, tmp_path: Path
) -> None:
    browser.goto(f"{site}/")
    seen = browser.text()
    for name in ("Michael Kovrig", "Michael Spavor", "Meng Wanzhou", "Robert Schellenberg"):
        assert name in seen
    statuses = browser.evaluate(
        "Object.fromEntries([...document.querySelectorAll('tr[data-case]')].map("
        "r => [r.dataset.case, r.querySelector('.status').innerText]))"
    )
    assert statuses == {
        "kovrig": "released",
        "spavor": "released",
        "meng-wanzhou": "released",
        "schellenberg": "sentenced",
    }
    assert "1019" in seen  # Kovrig's days held, 2018-12-10 to 2021-09-24
    keep(browser.screenshot(tmp_path / "index.png"))

    browser.goto(f"{site}/?status=sentenced&sort=name&order=asc")
    assert browser.evaluate("document.querySelectorAll('tr[data-case]').length") == 1
    assert "Robert Schellenberg" in browser.text()

    browser.resize(390, 844, mobile=True)
    browser.goto(f"{site}/")
    assert "Michael Kovrig" in browser.text()
    assert browser.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scroll
    keep(browser.screenshot(tmp_path / "index-phone.png"))


def test_a_case_page_draws_the_time_line_and_shows_the_evidence(
    browser: Browser, site: str, tmp_path: Path
) -> None:
    timeline = httpx.get(f"{site}/api/v1/cases/kovrig/timeline").json()
    browser.goto(f"{site}/cases/kovrig")
    seen = browser.text()
    assert "Michael Kovrig" in seen and "released" in seen
    svg = browser.evaluate(
        "(() => { const s = document.querySelector('svg.timeline');"
        " const b = s.getBoundingClientRect();"
        " return {width: b.width, height: b.height,"
        " marks: s.querySelectorAll('.mark').length,"
        " custody: s.querySelectorAll('.custody').length,"
        " labels: [...s.querySelectorAll('g.development text')].map(t => t.textContent)}; })()"
    )
    dated = [r for r in timeline if r["date"]]
    assert svg["width"] > 600 and svg["height"] > 60  # drawn, and drawn large enough to read
    assert svg["marks"] == len(dated)
    assert svg["custody"] == 1  # held from 2018-12-10 until the release on 2021-09-24
    assert sorted(svg["labels"]) == sorted(r["type"] for r in dated)
    for row in timeline:
        assert row["evidence"] in seen, row["evidence"]
    sources = browser.evaluate(
        "document.querySelectorAll('li[data-review=accepted] ul.sources li').length"
    )
    assert sources == sum(r["sources"] for r in timeline)
    waiting = [p for p in httpx.get(f"{site}/api/v1/review").json() if p["case"] == "kovrig"]
    marked = browser.evaluate(
        "[...document.querySelectorAll('li[data-review=proposed] .review-state')]"
        ".map(s => s.innerText)"
    )
    assert waiting and marked == ["proposed"] * len(waiting)  # shown, and marked as waiting
    keep(browser.screenshot(tmp_path / "case-kovrig.png"))


def test_the_review_page_shows_each_proposal_with_its_evidence_read_only(
    browser: Browser, site: str, tmp_path: Path
) -> None:
    waiting = httpx.get(f"{site}/api/v1/review").json()
    assert waiting
    browser.goto(f"{site}/review")
    seen = browser.text()
    assert f"{len(waiting)} proposals waiting" in seen
    assert "Read-only" in seen  # no token configured
    for proposal in waiting:
        assert proposal["evidence"] in seen
        assert proposal["why"] in seen
    shown = browser.evaluate(
        "[...document.querySelectorAll('li[data-development]')].map(l => l.dataset.development)"
    )
    assert shown == [p["development"] for p in waiting]
    assert browser.evaluate("document.querySelectorAll('form[method=post]').length") == 0
    keep(browser.screenshot(tmp_path / "review.png"))


@pytest.fixture
def reviewable(
    tmp_path: Path, shared_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[App, str]]:
    """The seed data served with a review token configured."""
    monkeypatch.setenv("MONITOR_TEST_REVIEW_TOKEN", TOKEN)
    app = seeded(f"sqlite:///{tmp_path / 'web.db'}", shared_dir)
    try:
        with served(web_app(app, HttpTable(token_env="MONITOR_TEST_REVIEW_TOKEN"))) as base:
            yield app, base
    finally:
        app.close()


TOKEN = "a review token for the browser test"


def sign_in(browser: Browser, base: str, token: str) -> None:
    browser.goto(f"{base}/review")
    browser.evaluate(f"document.querySelector('input[name=token]').value = {token!r}")
    browser.submit("document.querySelector('form[action=\"/review/session\"] button')")


def test_a_reviewer_signs_in_from_the_page_with_the_token(
    browser: Browser, reviewable: tuple[App, str]
) -> None:
    app, base = reviewable
    head = app.store.head()
    browser.goto(f"{base}/review")
    assert "Review token" in browser.text()
    sign_in(browser, base, "not the token")
    assert "403" in browser.text() and "wrong review token" in browser.text()
    sign_in(browser, base, TOKEN)
    seen = browser.text()
    assert "Signed in to decide" in seen and "Confirm" in seen and "Reject" in seen
    assert app.store.head() == head  # signing in appends nothing


def test_a_reviewer_confirms_a_proposal_by_clicking_confirm(
    browser: Browser, reviewable: tuple[App, str], tmp_path: Path
) -> None:
    app, base = reviewable
    sign_in(browser, base, TOKEN)
    keep(browser.screenshot(tmp_path / "review-signed-in.png"))
    proposal = browser.evaluate(
        "document.querySelector('li[data-development]').dataset.development"
    )
    head = app.store.head()
    browser.submit(f"document.querySelector('form[action=\"/review/{proposal}/confirm\"] button')")
    assert f"Confirmed {proposal}." in browser.text()
    assert app.store.head() == head + 1
    assert browser.evaluate(f"document.getElementById('dev-{proposal}')") is None
    case = next(
        r["case"]
        for r in httpx.get(f"{base}/api/v1/developments", params={"limit": 500}).json()[
            "developments"
        ]
        if r["development"] == proposal
    )
    browser.goto(f"{base}/cases/{case}#dev-{proposal}")
    state = browser.evaluate(f"document.querySelector('#dev-{proposal} .review-state').innerText")
    assert state == "accepted"
