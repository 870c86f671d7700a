"""`monitor run --once` polls every configured feed (2,011 here, over the old 1,000 cap),
and `--feed` polls chosen feeds now, due or not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from monitor.bootstrap import bootstrap
from monitor.polling import feed_rows
from tests.feedserver import rss

ROOT = Path(__file__).resolve().parents[2]
FEEDS = 2011


def write_feeds(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "feeds"
    folder.mkdir()
    empty = rss([])
    lines = []
    for i in range(n):
        path = folder / f"feed-{i:04d}.xml"
        path.write_bytes(empty)
        lines.append(f'[[feed]]\nname = "Feed {i:04d}"\nurl = "{path.as_uri()}"\ninterval = "1h"\n')
    config = tmp_path / "feeds.toml"
    config.write_text("\n".join(lines))
    return config


def monitor(db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "monitor", "run", "--once", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "MONITOR_DB": db_url},
        timeout=600,
    )


def fetched(db_url: str) -> dict[str, str | None]:
    app = bootstrap(db_url)
    try:
        return {str(r["name"]): r["last_fetch_at"] for r in feed_rows(app.db)}  # type: ignore[misc]
    finally:
        app.close()


def test_run_once_polls_every_one_of_two_thousand_feeds(db_url: str, tmp_path: Path) -> None:
    config = write_feeds(tmp_path, FEEDS)
    run = monitor(db_url, "--config", str(config))
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"polled {FEEDS} feeds: 0 unchanged, 0 errors")
    seen = fetched(db_url)
    assert len(seen) == FEEDS and all(seen.values())


def test_run_once_with_feed_polls_only_the_chosen_feeds_even_when_not_due(
    db_url: str, tmp_path: Path
) -> None:
    config = write_feeds(tmp_path, 3)
    assert monitor(db_url, "--config", str(config)).returncode == 0
    first = fetched(db_url)
    again = monitor(db_url, "--config", str(config))
    assert again.stdout.startswith("polled 0 feeds"), again.stdout  # nothing is due for an hour
    chosen = monitor(db_url, "--config", str(config), "--feed", "Feed 0001")
    assert chosen.returncode == 0 and chosen.stdout.startswith("polled 1 feeds"), chosen.stdout
    now = fetched(db_url)
    assert now["Feed 0001"] != first["Feed 0001"]
    assert now["Feed 0000"] == first["Feed 0000"] and now["Feed 0002"] == first["Feed 0002"]
    unknown = monitor(db_url, "--config", str(config), "--feed", "Nope")
    assert unknown.returncode == 2
    assert unknown.stderr.strip().splitlines()[-1] == (
        "monitor: error: no configured feed named 'Nope' (see `monitor feeds`)"
    )
