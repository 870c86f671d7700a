"""`monitor run` refuses a bad configuration at once: exit 2, one line naming file and key.

Each case is one of the issue's reproductions; the feed server beside it shows
that nothing was fetched, and for errors in the files themselves the database
is not even opened.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.feedserver import FeedServer, conditional, rss

ROOT = Path(__file__).resolve().parents[2]
HOOK = 'webhook = "https://hooks.example.org/h"'


@pytest.fixture(scope="module")
def server() -> Iterator[FeedServer]:
    srv = FeedServer()
    srv.routes["/feed"] = conditional(rss([]))
    srv.start()
    yield srv
    srv.stop()


@pytest.mark.parametrize(
    ("content", "key", "opens_db"),
    [
        ('[[fead]]\nurl = "https://x.org/"', "[[fead]]", False),
        ('[[feed]]\nurl = "https://x.org/"\nintervall = "5m"', "'intervall'", False),
        (f'[[subscription]]\ncases = ["nobody"]\n{HOOK}', "'cases'", True),
        (f'[[subscription]]\non = ["statsu"]\n{HOOK}', "'on'", False),
        ("[[subscription]]\nwebhook = 5", "'webhook'", False),
        ('[[subscription]]\nwebhook = "not a url"', "'webhook'", False),
        ('[[subscription]]\nwebhook = "file:///etc/passwd"', "'webhook'", False),
        ('[[subscription]]\nemail = "nobody"', "'email'", False),
        ('[[feed]]\nurl = "https://x.org/"\ninterval = true', "'interval'", False),
        ('[[subscription]]\nemail = "a@example.org"\ngap_days = "sixty"', "'gap_days'", False),
        (f'[[subscription]]\n{HOOK}\nsecret_env = "UNSET_WEBHOOK_SECRET"', "'secret_env'", False),
    ],
)
def test_run_refuses_a_bad_configuration_before_any_work(
    tmp_path: Path, server: FeedServer, content: str, key: str, opens_db: bool
) -> None:
    base = tmp_path / "base.toml"
    base.write_text(
        '[[case]]\nkey = "kovrig"\nname = "Michael Kovrig"\nheld_by = "CN"\n'
        f'[[feed]]\nurl = "{server.url("/feed")}"\nname = "local"\n'
    )
    bad = tmp_path / "bad.toml"
    bad.write_text(content + "\n")
    database = tmp_path / "m.db"
    env = {k: v for k, v in os.environ.items() if k != "UNSET_WEBHOOK_SECRET"}
    env["MONITOR_DB"] = f"sqlite:///{database}"
    before = len(server.requests)
    run = subprocess.run(
        [sys.executable, "-m", "monitor", "run", "--once", "--config", str(base), "--config", bad],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )
    assert run.returncode == 2, run.stderr
    errors = [line for line in run.stderr.splitlines() if "error" in line.lower()]
    assert run.stdout == "" and len(errors) == 1 and "Traceback" not in run.stderr
    assert errors[0].startswith(f"monitor: error: {bad}: ") and key in errors[0]
    if not opens_db:
        assert run.stderr.count("\n") == 1
    assert len(server.requests) == before  # nothing was fetched
    assert database.exists() == opens_db


def test_monitor_subscriptions_follows_the_files_and_lists_what_is_stored(tmp_path: Path) -> None:
    def monitor(*args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "MONITOR_DB": f"sqlite:///{tmp_path / 'm.db'}", "HOOK_SECRET": "s"}
        return subprocess.run(
            [sys.executable, "-m", "monitor", *args],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            cwd=ROOT,
        )

    cases = tmp_path / "cases.toml"
    cases.write_text('[[case]]\nkey = "kovrig"\nname = "Michael Kovrig"\n')
    assert monitor("cases", "import", str(cases)).returncode == 0
    subs = tmp_path / "subs.toml"
    subs.write_text(
        f'[[subscription]]\ncases = ["kovrig"]\non = ["status", "trial"]\n{HOOK}\n'
        'secret_env = "HOOK_SECRET"\n'
    )
    listed = monitor("subscriptions", "--config", str(subs), "--json")
    assert listed.returncode == 0, listed.stderr
    [row] = json.loads(listed.stdout)
    assert (row["target"], row["cases"], row["on"]) == (
        "https://hooks.example.org/h",
        ["kovrig"],
        ["status", "trial"],
    )
    subs.write_text("")
    assert json.loads(monitor("subscriptions", "--config", str(subs), "--json").stdout) == []
    table = monitor("subscriptions", "--all")
    assert "removed" in table.stdout and "https://hooks.example.org/h" in table.stdout


def test_monitor_config_check_says_ok_or_names_the_problem(tmp_path: Path) -> None:
    env = {**os.environ, "MONITOR_DB": f"sqlite:///{tmp_path / 'm.db'}"}
    good, bad = tmp_path / "good.toml", tmp_path / "bad.toml"
    good.write_text('[[feed]]\nurl = "https://example.org/rss"\ninterval = "1h"\n')
    bad.write_text('[[feed]]\nurl = "https://example.org/rss"\nintervall = "1h"\n')

    def check(path: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "monitor", "config", "check", "--config", str(path)],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            cwd=ROOT,
        )

    ok = check(good)
    assert ok.returncode == 0 and ok.stdout.startswith("ok: 1 files, 0 cases, 1 feeds")
    refused = check(bad)
    assert refused.returncode == 2 and "[[feed]] #1: unknown key 'intervall'" in refused.stderr
