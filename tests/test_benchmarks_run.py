"""The benchmark script still runs: a smoke run at the smallest sizes, SQLite only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_benchmark_smoke_run_prints_a_row_per_figure_with_the_machine() -> None:
    run = subprocess.run(
        [sys.executable, "bench/run.py", "--quick", "--only", "append,replay", "--db", "sqlite"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Machine: ")
    rows = [line for line in run.stdout.splitlines() if line.startswith("| sqlite |")]
    assert len(rows) == 5, run.stdout
    assert "append/INSERT ratio" in run.stdout
