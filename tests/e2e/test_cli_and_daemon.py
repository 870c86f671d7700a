"""The `monitor` command as users run it: a subprocess, real files, real servers on loopback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.feedserver import FeedServer, conditional, rss

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def monitor(
    *args: str, db: str, timeout: float = 120, **kw: object
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MONITOR_DB": db}
    return subprocess.run(
        [sys.executable, "-m", "monitor", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=ROOT,
        **kw,
    )  # type: ignore[call-overload]


@pytest.fixture
def server() -> Iterator[FeedServer]:
    srv = FeedServer()
    srv.routes["/world"] = conditional(
        rss(
            [
                {
                    "id": "w1",
                    "title": "Aid workers freed in prisoner swap",
                    "text": "Anna Lindqvist and Daniel Okafor were released on Friday.",
                    "date": "Sat, 17 Jun 2023 08:00:00 GMT",
                    "link": "https://news.example.org/w1",
                },
                # A second outlet: a release counts once two report it (docs/review.md).
                {
                    "id": "w2",
                    "title": "Sweden welcomes release of Anna Lindqvist",
                    "text": "Anna Lindqvist was freed on Friday in an exchange of prisoners.",
                    "date": "Sat, 17 Jun 2023 09:00:00 GMT",
                    "link": "https://other.example.com/w2",
                },
            ]
        )
    )
    srv.start()
    yield srv
    srv.stop()


def config(tmp_path: Path, server: FeedServer) -> Path:
    path = tmp_path / "monitor.toml"
    path.write_text(
        (DATA / "cases.toml").read_text()
        + f'\n[[feed]]\nname = "World"\nurl = "{server.url("/world")}"\ninterval = "15m"\n'
    )
    return path


def test_contract_commands_on_the_seed_data(db_url: str, shared_dir: Path) -> None:
    dev = shared_dir / "eval" / "dev"
    assert monitor("cases", "import", str(dev / "cases.toml"), db=db_url).returncode == 0
    assert monitor("ingest", str(dev / "articles.jsonl"), db=db_url).returncode == 0
    out = monitor("status", "--json", db=db_url)
    assert out.returncode == 0, out.stderr
    got = {r["case"]: r for r in json.loads(out.stdout)}
    for want in json.loads((dev / "expected_status.json").read_text()):
        assert {k: got[want["case"]][k] for k in want} == want
    timeline = json.loads(monitor("timeline", "kovrig", "--json", db=db_url).stdout)
    dated = [r["date"] for r in timeline if r["date"]]
    assert dated == sorted(dated) and timeline[0]["type"] == "detained"


def test_run_once_polls_the_configured_feeds_and_ingests(
    tmp_path: Path, server: FeedServer, db_url: str
) -> None:
    run = monitor("run", "--once", "--config", str(config(tmp_path, server)), db=db_url)
    assert run.returncode == 0, run.stderr
    assert "polled 1 feeds" in run.stdout
    status = {r["case"]: r for r in json.loads(monitor("status", "--json", db=db_url).stdout)}
    assert status["lindqvist"]["status"] == "released"
    again = monitor("run", "--once", "--config", str(config(tmp_path, server)), db=db_url)
    assert "polled 0 feeds" in again.stdout  # not due again for 15 minutes
    feeds = json.loads(
        monitor("feeds", "--json", "--config", str(config(tmp_path, server)), db=db_url).stdout
    )
    assert feeds[0]["etag"] == '"v1"' and feeds[0]["consecutive_errors"] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest", "/nonexistent.jsonl"], "No such file"),
        (["cases", "import", "/nonexistent.toml"], "no such file"),
        (["timeline", "nobody"], "no case 'nobody'"),
        (["status", "--as-of", "yesterday"], "not a date"),
    ],
)
def test_bad_input_gets_a_one_line_error(tmp_path: Path, args: list[str], message: str) -> None:
    run = monitor(*args, db=f"sqlite:///{tmp_path / 'm.db'}")
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and message in run.stderr


def test_a_malformed_database_url_is_a_one_line_error(tmp_path: Path) -> None:
    run = monitor("status", db="postgresql://nobody@127.0.0.1:1/none")
    assert run.returncode == 2 and "cannot connect" in run.stderr
    assert run.stderr.count("\n") == 1


def test_sigterm_stops_the_daemon_within_ten_seconds_with_status_0(
    tmp_path: Path, server: FeedServer
) -> None:
    db = f"sqlite:///{tmp_path / 'd.db'}"
    env = {**os.environ, "MONITOR_DB": db}
    proc = subprocess.Popen(
        [sys.executable, "-m", "monitor", "run", "--config", str(config(tmp_path, server))],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not server.headers_for("/world") and time.monotonic() < deadline:
            time.sleep(0.1)
        assert server.headers_for("/world"), "the daemon never polled"
        second = monitor("run", "--config", str(config(tmp_path, server)), db=db, timeout=30)
        assert second.returncode == 2 and "only one may run" in second.stderr
        started = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
        assert time.monotonic() - started < 10
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_extract_in_a_locale_that_cannot_spell_a_name_prints_it_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = tmp_path / "a.jsonl"
    line = {
        "id": "t1",
        "title": "田中浩 detained in Beijing",
        "text": "Police in Beijing detained 田中浩, a café owner, on Monday.",
        "published": "2023-05-03",
    }
    articles.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONIOENCODING", "ascii")
    done = monitor(
        "extract",
        str(articles),
        "--cases",
        str(DATA / "cases.toml"),
        db=f"sqlite:///{tmp_path}/m.db",
    )
    assert done.returncode == 0, done.stderr
    found = [json.loads(out) for out in done.stdout.splitlines()]
    assert ("tanaka", "detained") in {(d["case"], d["type"]) for d in found}
    assert any("田中浩" in d["evidence"] for d in found)
