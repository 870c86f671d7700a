"""Every real feed file in ../shared/data/feeds goes through parse and ingest without a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.bootstrap import bootstrap
from monitor.config import load_cases
from monitor.fetch.parse import parse_feed
from monitor.ingest import import_cases

CASES = Path(__file__).resolve().parents[1] / "data" / "cases.toml"


def test_every_shared_feed_file_parses_and_ingests(
    shared_dir: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    files = sorted(p for p in (shared_dir / "data" / "feeds").rglob("*") if p.is_file())
    assert len(files) > 2000
    app = bootstrap(db_url)
    try:
        import_cases(app.store, load_cases(CASES))
        entries = articles = problems = 0
        for path in files:
            parsed = parse_feed(path.read_bytes(), url=path.resolve().as_uri(), feed_name=path.name)
            entries += parsed.entries
            problems += parsed.problem is not None
            if parsed.articles:
                articles += app.ingest(parsed.articles).articles
    finally:
        app.close()
    with capsys.disabled():
        print(
            f"\n[{db_url.split(':')[0]}] {len(files)} feed files: {entries} entries, "
            f"{articles} articles ingested, {problems} files with a recorded problem"
        )
    assert entries > 800 and articles > 0
