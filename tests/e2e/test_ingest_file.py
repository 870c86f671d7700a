"""`monitor ingest FILE`: the whole file is checked first; a bad line stores nothing, in one line.

Also the text cap (200,000 characters, as for feeds) and publication dates in
the future or unparseable, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from monitor.bootstrap import bootstrap
from monitor.cli import main
from monitor.domain.articles import MAX_TEXT
from monitor.fetch.parse import parse_feed
from monitor.projections.runner import lag
from monitor.store.schema import articles, case_status, events
from tests.feedserver import rss

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
GOOD = [
    {"id": "a1", "published": "2023-06-17", "text": "Anna Lindqvist was released on Friday."},
    {"id": "a2", "published": "2022-03-14", "text": "Russia detained Daniel Okafor on Saturday."},
]


def write(tmp_path: Path, *lines: Any) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text(
        "".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines),
        encoding="utf-8",
    )
    return path


def counts(db_url: str) -> tuple[int, int, int]:
    """(articles, events, status rows)."""
    app = bootstrap(db_url)
    try:
        with app.db.read() as conn:
            return tuple(  # type: ignore[return-value]
                conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in (articles, events, case_status)
            )
    finally:
        app.close()


@pytest.fixture
def cases_imported(db_url: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--db", db_url, "cases", "import", str(DATA / "cases.toml")]) == 0
    capsys.readouterr()
    return db_url


@pytest.mark.parametrize(
    ("bad", "complaint"),
    [
        ({"id": "a3", "published": 20230617, "text": "x"}, "line 3: published must be a string"),
        ({"id": "a3", "text": ["not", "text"]}, "line 3: text must be a string"),
        ('{"id": "a3", "text": ', "line 3: invalid JSON"),
        ({"text": "no id"}, "line 3: an article needs an id"),
        (
            {"id": "a3", "published": "2099-01-01", "text": "x"},
            "line 3: published '2099-01-01' is in the future",
        ),
        ({"id": "a3", "published": "last Tuesday", "text": "x"}, "is not an ISO date"),
        ({"id": "x" * 201, "text": "x"}, "id is 201 characters"),
    ],
)
def test_a_bad_line_stores_nothing_and_is_named_in_one_line(
    cases_imported: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    bad: Any,
    complaint: str,
) -> None:
    before = counts(cases_imported)
    path = write(tmp_path, *GOOD, bad, {"id": "a4", "text": "After the bad line."})
    assert main(["--db", cases_imported, "ingest", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("monitor: error: ")
    assert "1 bad line, nothing read" in err and complaint in err
    assert counts(cases_imported) == before


def test_every_bad_line_is_counted_and_a_good_file_then_ingests_with_projections_current(
    cases_imported: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, *GOOD, "{", "[]", "{", "{", "")
    assert main(["--db", cases_imported, "ingest", str(path)]) == 2
    err = capsys.readouterr().err
    assert "4 bad lines" in err and "line 3: invalid JSON" in err and "and 1 more" in err
    assert main(["--db", cases_imported, "ingest", str(write(tmp_path, *GOOD))]) == 0
    app = bootstrap(cases_imported)
    try:
        assert app.store.head() > 0
        assert all(lag(app.db, app.store, p.name) == 0 for p in app.projectors)
    finally:
        app.close()


def test_text_over_the_cap_is_cut_with_a_warning_naming_the_line(
    cases_imported: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = "Anna Lindqvist was released on Friday. " + "word " * 400_000  # 2 MB
    path = write(tmp_path, {"id": "big", "published": "2023-06-17", "text": huge}, GOOD[1])
    assert main(["--db", cases_imported, "ingest", str(path)]) == 0
    err = capsys.readouterr().err
    assert f"articles.jsonl:1: text is {len(huge):,} characters; kept the first 200,000" in err
    app = bootstrap(cases_imported)
    try:
        with app.db.read() as conn:
            stored = conn.execute(select(articles.c.text).where(articles.c.id == "big")).scalar()
        assert stored is not None and len(stored) == MAX_TEXT
    finally:
        app.close()


def test_a_bad_file_is_one_line_on_stderr_from_the_real_command(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD[0], {"id": 5.5, "published": None})
    run = subprocess.run(
        [sys.executable, "-m", "monitor", "ingest", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "MONITOR_DB": f"sqlite:///{tmp_path / 'm.db'}"},
        timeout=60,
    )
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    assert "line 2: an article needs an id" in run.stderr


def test_feed_entries_dated_in_the_future_or_unreadably_are_dated_to_the_fetch_and_noted() -> None:
    fetched = dt.datetime(2023, 6, 19, 12, tzinfo=dt.UTC)
    body = rss(
        [
            {"id": "f", "title": "Future", "date": "Thu, 01 Jan 2099 00:00:00 GMT"},
            {"id": "u", "title": "Unreadable", "date": "sometime soon"},
            {"id": "ok", "title": "Fine", "date": "Mon, 19 Jun 2023 08:00:00 GMT"},
        ]
    )
    parsed = parse_feed(body, url="http://127.0.0.1/feed", fetched_at=fetched)
    dates = {a.title: a.published for a in parsed.articles}
    assert dates["Future"] == fetched and dates["Unreadable"] == fetched
    assert dates["Fine"] == dt.datetime(2023, 6, 19, 8, tzinfo=dt.UTC)
    assert parsed.problem is not None and parsed.usable
    assert "1 entries with date in the future dated to the fetch" in parsed.problem
    assert "1 entries with unparseable date dated to the fetch" in parsed.problem
