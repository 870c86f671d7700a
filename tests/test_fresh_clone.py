"""From a fresh clone without ../shared, the tests that need it skip with a reason and the rest
pass; CI (MONITOR_REQUIRE_SHARED=1) runs them instead."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_tests_reach_shared_only_through_the_fixture_that_skips_without_it() -> None:
    offenders = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        if path.name in ("conftest.py", "test_fresh_clone.py"):
            continue
        text = path.read_text()
        if re.search(r"""["'/]\.\./shared|parent\s*/\s*["']shared["']|\bSHARED\b""", text):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == [], "use the shared_dir fixture, which skips with a reason"


def test_a_copy_without_shared_skips_with_a_reason_and_passes(tmp_path: Path) -> None:
    if not shutil.which("git") or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: cannot list the tracked files")
    files = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    clone = tmp_path / "case-monitor"
    for name in files:
        if (ROOT / name).is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, clone / name)
    env = {k: v for k, v in os.environ.items() if k != "MONITOR_REQUIRE_SHARED"}
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-rs",
            "-p",
            "no:cacheprovider",
            "tests/test_benchmarks_run.py",
            "tests/integration/test_real_feeds.py",
            "tests/integration/test_recording_and_projections.py::"
            "test_every_permutation_of_the_seed_articles_agrees",
        ],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-3000:]
    assert f"../shared is absent ({tmp_path / 'shared'})" in run.stdout
    assert re.search(r"\b1 passed, 3 skipped\b", run.stdout), run.stdout[-1000:]
