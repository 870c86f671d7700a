"""The web application's pure parts: the SVG time line, Atom documents, the write guard, and
the [http] configuration."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import feedparser
import pytest

from monitor.config import ConfigError, load_config, parse_listen
from monitor.web.atom import entry_id, render_feed
from monitor.web.guard import Guard, same_origin
from monitor.web.svg import Period, custody_periods, timeline_svg

TODAY = dt.date(2024, 1, 1)


def dev(kind: str, date: str | None, dev_id: str = "") -> dict[str, Any]:
    return {
        "case": "c",
        "development": dev_id or f"{kind}-{date}",
        "type": kind,
        "date": date,
        "precision": None,
        "outcome": None,
        "detail": None,
        "evidence": f"{kind} happened",
        "confidence": 0.9,
        "review": "accepted",
        "sources": [{"article_id": "a1", "url": "https://news.example.org/a1", "title": "A"}],
        "recorded_at": "2024-01-01T00:00:00+00:00",
        "updated_at": "2024-01-02T00:00:00+00:00",
        "name": "Person C",
    }


def test_custody_periods_close_on_release_and_stay_open_while_held() -> None:
    history = [
        dev("detained", "2019-03-02"),
        dev("charged", "2019-05"),  # within the same custody: no new period
        dev("released", "2020-01-10"),
        dev("detained", "2023-06"),
        dev("diplomatic_action", None),
    ]
    assert custody_periods(history, TODAY) == [
        Period(dt.date(2019, 3, 2), dt.date(2020, 1, 10), False),
        Period(dt.date(2023, 6, 1), TODAY, True),
    ]


def test_the_svg_marks_days_as_dots_and_months_or_years_as_spans() -> None:
    svg = timeline_svg(
        [dev("detained", "2019-03-02"), dev("trial", "2019-06"), dev("verdict", "2019")],
        TODAY,
        title="Person <C>",
    )
    root = ET.fromstring(svg)
    ns = {"s": "http://www.w3.org/2000/svg"}
    assert len(root.findall(".//s:circle", ns)) == 1
    spans = [r for r in root.findall(".//s:rect", ns) if "approx" in r.get("class", "")]
    assert len(spans) == 2
    month, year = sorted(spans, key=lambda r: float(r.get("width", 0)))
    assert float(year.get("width", 0)) > 10 * float(month.get("width", 0)) > 0
    assert "Person &lt;C&gt;" in svg  # titles are escaped
    labels = [t.text for t in root.findall(".//s:g/s:text", ns)]
    assert sorted(labels) == ["detained", "trial", "verdict"]


def test_an_svg_with_nothing_dated_says_so() -> None:
    svg = timeline_svg([dev("diplomatic_action", None)], TODAY)
    ET.fromstring(svg)
    assert "No dated developments yet (1 undated)" in svg


def test_an_atom_document_is_valid_and_names_each_development() -> None:
    body = render_feed(
        feed_id="urn:case-monitor:case:c",
        title="Person C",
        self_url="http://127.0.0.1/cases/c.atom",
        page_url="http://127.0.0.1/cases/c",
        case_url="http://127.0.0.1/cases/{case}",
        rows=[dev("released", "2020-01-10", "d1"), dev("consular_visit", None, "d2")],
    )
    feed = feedparser.parse(body)
    assert not feed.bozo
    assert [e.id for e in feed.entries] == [entry_id("d1"), entry_id("d2")]
    assert feed.entries[0].title == "Person C: released, 2020-01-10"
    assert "Sets the status to released." in feed.entries[0].content[0].value
    assert feed.entries[1].title == "Person C: consular visit, undated"
    assert feed.feed.updated == "2024-01-02T00:00:00+00:00"


def test_an_empty_feed_is_still_valid() -> None:
    body = render_feed(
        feed_id="urn:x",
        title="t",
        self_url="http://h/f",
        page_url="http://h/",
        case_url="{case}",
        rows=[],
    )
    assert not feedparser.parse(body).bozo


def test_the_guard_refuses_everything_without_a_token() -> None:
    guard = Guard(None)
    assert not guard.writable
    assert not guard.token_matches("")
    assert not guard.session_ok(guard.session_value(), None)
    assert not guard.session_ok(None, "Bearer ")


def test_the_guard_checks_the_token_the_session_and_csrf() -> None:
    guard = Guard("s3cret")
    assert guard.token_matches("s3cret") and not guard.token_matches("s3cre")
    assert guard.session_ok(guard.session_value(), None)
    assert not guard.session_ok(Guard("other").session_value(), None)
    assert guard.session_ok(None, "Bearer s3cret") and not guard.session_ok(None, "Bearer x")
    nonce = guard.new_nonce()
    assert guard.csrf_ok(nonce, guard.csrf_token(nonce))
    assert not guard.csrf_ok(nonce, guard.csrf_token(guard.new_nonce()))
    assert not guard.csrf_ok(None, guard.csrf_token(nonce))
    assert not guard.csrf_ok(nonce, Guard("other").csrf_token(nonce))


def test_same_origin_accepts_this_host_only() -> None:
    assert same_origin(None, "127.0.0.1:8080")
    assert same_origin("http://127.0.0.1:8080", "127.0.0.1:8080")
    assert not same_origin("https://evil.example", "127.0.0.1:8080")


def test_http_configuration(tmp_path: Path) -> None:
    path = tmp_path / "web.toml"
    path.write_text('[http]\nlisten = "0.0.0.0:9090"\ntoken_env = "MONITOR_REVIEW_TOKEN"\n')
    http = load_config([path]).http
    assert http is not None
    assert (http.host, http.port, http.token_env) == ("0.0.0.0", 9090, "MONITOR_REVIEW_TOKEN")
    assert parse_listen("[::1]:8080") == ("::1", 8080)
    assert parse_listen(":8081") == ("127.0.0.1", 8081)


@pytest.mark.parametrize("listen", ["8080", "host:port", "127.0.0.1:70000", ""])
def test_a_bad_listen_address_is_a_one_line_error(tmp_path: Path, listen: str) -> None:
    path = tmp_path / "web.toml"
    path.write_text(f'[http]\nlisten = "{listen}"\n')
    with pytest.raises(ConfigError, match="bad listen address"):
        load_config([path])
