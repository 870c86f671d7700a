"""Every query in docs/reporting.md runs on both databases and returns what it promises."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from monitor.article_file import read_articles
from monitor.bootstrap import bootstrap
from monitor.config import load_cases
from monitor.ingest import import_cases

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "reporting.md"


def documented_queries() -> list[str]:
    blocks = re.findall(r"```sql\n(.*?)```", DOC.read_text(), re.S)
    return [b for b in blocks if b.lstrip().upper().startswith("SELECT")]


@pytest.fixture
def loaded(db_url: str) -> Any:
    app = bootstrap(db_url)
    import_cases(app.store, load_cases(ROOT / "tests/data/cases.toml"))
    app.ingest(list(read_articles(ROOT / "tests/data/articles.jsonl")))
    yield app
    app.close()


def test_the_document_has_queries() -> None:
    assert len(documented_queries()) >= 6


@pytest.mark.parametrize("query", documented_queries(), ids=lambda q: q.split("FROM")[1].split()[0])
def test_each_documented_query_runs(loaded: Any, query: str) -> None:
    with loaded.db.read() as conn:
        rows = conn.execute(text(query)).all()
    assert isinstance(rows, list)


def test_report_case_status_counts_days_held(loaded: Any) -> None:
    with loaded.db.read() as conn:
        row = conn.execute(
            text(
                "SELECT status, held_since, released_on, days_held FROM report_case_status "
                "WHERE case_key = 'lindqvist'"
            )
        ).one()
    assert tuple(row) == ("released", "2022-03-12", "2023-06-16", 461)


def test_report_developments_by_month_groups_by_month(loaded: Any) -> None:
    with loaded.db.read() as conn:
        rows = conn.execute(
            text(
                "SELECT month, type, developments FROM report_developments_by_month "
                "WHERE month = '2023-06'"
            )
        ).all()
    assert [tuple(r) for r in rows] == [("2023-06", "released", 2)]


def test_consular_gaps_list_only_cases_still_held(loaded: Any) -> None:
    with loaded.db.read() as conn:
        rows = conn.execute(text("SELECT case_key FROM report_consular_access_gaps")).all()
    assert rows == []  # both cases with developments were released
