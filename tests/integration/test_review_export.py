"""`monitor review export`: a desk's decisions as gold lines that the evaluation's scorer
(`../shared/eval/score.py`) reads, next to the articles and cases they refer to."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from monitor import review
from monitor.cli import main
from monitor.domain.labels import GOLD_KEYS

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"

ARTICLES = [
    ("x1", "2022-03-14", "Police arrested Anna Lindqvist in Moscow on Saturday."),
    ("x2", "2022-05-02", "Anna Lindqvist was released on Friday, her family said."),
    ("x3", "2022-05-03", "Officials said a deal to free Anna Lindqvist was released on Monday."),
    ("x4", "2022-03-20", "Daniel Okafor was arrested in Tehran on Thursday."),
]


def run(*args: str) -> None:
    assert main(list(args)) == 0


@pytest.fixture
def decided(db_url: str, tmp_path: Path) -> str:
    """A store where a desk confirmed, corrected and rejected the proposals of four articles."""
    config = tmp_path / "review.toml"
    config.write_text("[review]\nthreshold = 1\n")
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(
            json.dumps({"id": i, "url": f"https://news.example.org/{i}", "published": p, "text": t})
            + "\n"
            for i, p, t in ARTICLES
        )
    )
    run("cases", "import", str(DATA / "cases.toml"), "--db", db_url)
    run("ingest", str(source), "--db", db_url, "--config", str(config))
    from monitor.bootstrap import bootstrap

    app = bootstrap(db_url)
    try:
        app.project()
        with app.db.read() as conn:
            waiting = review.proposals(conn)
        found = {(p["first_source"].rsplit("/", 1)[1], p["type"]): p["id"] for p in waiting}
        review.confirm(app.store, [found["x1", "detained"], found["x2", "released"]], by="desk")
        review.reject(app.store, [found["x3", "released"]], reason="a deal, no release", by="d")
        review.correct(
            app.store,
            found["x4", "detained"],
            review.Correction(date="2022-03-17"),
            reason="Thursday before publication",
            by="desk",
        )
    finally:
        app.close()
    return db_url


def shared_score(arts: Path, cases: Path, gold: Path, tmp_path: Path, shared_dir: Path) -> str:
    """What `../shared/eval/score.py` prints for `monitor extract`'s lines against `gold`."""
    predictions = subprocess.run(
        [sys.executable, "-m", "monitor", "extract", str(arts), "--cases", str(cases)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout  # fmt: skip
    pred = tmp_path / "pred.jsonl"
    pred.write_text(predictions)
    return subprocess.run(
        [sys.executable, str(shared_dir / "eval/score.py"), str(pred), str(gold)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip


def test_export_writes_gold_lines_in_the_evaluation_format(
    decided: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold, arts, cases = tmp_path / "gold.jsonl", tmp_path / "a.jsonl", tmp_path / "c.toml"
    run("review", "export", "--out", str(gold), "--articles", str(arts), "--cases", str(cases),
        "--db", decided)  # fmt: skip
    lines = [json.loads(line) for line in gold.read_text().splitlines()]
    assert all(tuple(line) == GOLD_KEYS for line in lines)
    required = [g for g in lines if not g["optional"]]
    got = {(g["article"], g["case"], g["type"], g["date"], g["optional"]) for g in required}
    assert got == {
        ("x1", "lindqvist", "detained", "2022-03-12", False),
        ("x2", "lindqvist", "released", "2022-04-29", False),
        ("x4", "okafor", "detained", "2022-03-17", False),
    }  # x3's rejected release is no line: a classifier that still finds it pays for it
    assert all(g["evidence"] and g["note"].startswith(("confirmed", "corrected")) for g in required)
    # What the desk left undecided in those articles is optional: it neither scores nor costs.
    assert all(g["note"] == "not reviewed" for g in lines if g["optional"])
    assert not any(g["article"] == "x3" and g["type"] == "released" for g in lines)
    assert {json.loads(a)["id"] for a in arts.read_text().splitlines()} == {"x1", "x2", "x3", "x4"}
    assert 'key = "okafor"' in cases.read_text()
    assert f"{len(lines)} gold lines (3 reviewed) from 4 articles" in capsys.readouterr().err


def test_the_scorer_reads_the_export_and_scores_the_classifier_on_it(
    decided: str, tmp_path: Path, shared_dir: Path
) -> None:
    gold, arts, cases = tmp_path / "gold.jsonl", tmp_path / "a.jsonl", tmp_path / "c.toml"
    run("review", "export", "--out", str(gold), "--articles", str(arts), "--cases", str(cases),
        "--db", decided)  # fmt: skip
    # The same keys, in the same order, as the evaluation set's gold lines.
    first = json.loads((shared_dir / "eval/news/gold.jsonl").read_text().splitlines()[0])
    assert tuple(first) == GOLD_KEYS
    scored = shared_score(arts, cases, gold, tmp_path, shared_dir)
    overall = float(scored.strip().splitlines()[-1].split()[-1])
    # The classifier finds all three reviewed developments and the rejected release too.
    assert 0.7 < overall < 1.0, scored


def figures(table: str) -> dict[str, tuple[int, int, int]]:
    """(tp, fp, fn) per type from the scorer's table (the evaluation command prints the same)."""
    out = {}
    for line in table.splitlines():
        parts = line.split()
        if len(parts) == 7 and parts[0] != "type" and all(p.isdigit() for p in parts[1:4]):
            out[parts[0]] = (int(parts[1]), int(parts[2]), int(parts[3]))
    return out


def exported(db_url: str, tmp_path: Path) -> tuple[Path, Path, Path]:
    gold, arts, cases = tmp_path / "gold.jsonl", tmp_path / "a.jsonl", tmp_path / "c.toml"
    run("review", "export", "--out", str(gold), "--articles", str(arts), "--cases", str(cases),
        "--db", db_url)  # fmt: skip
    return gold, arts, cases


# What the desk decided, as the scores must show it: both confirmed or corrected arrests and
# the confirmed release are found (true positives), the rejected "release" the classifier
# still finds is a false positive, and nothing the desk holds true is missed.
EXPECTED = {"detained": (2, 0, 0), "released": (1, 1, 0), "all": (3, 1, 0)}


def test_the_classifier_evaluation_command_reads_the_export_and_scores_the_decisions(
    decided: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold, arts, cases = exported(decided, tmp_path)
    capsys.readouterr()
    run("classifier", "evaluate", "--gold", str(gold), "--articles", str(arts),
        "--cases", str(cases))  # fmt: skip
    printed = capsys.readouterr().out
    assert printed.splitlines()[0].endswith(f" on {gold}")
    got = figures(printed)
    assert {k: got[k] for k in EXPECTED} == EXPECTED, printed
    assert "dates: 3/3 compatible" in printed


def test_the_evaluation_command_and_the_shared_scorer_agree_on_the_export(
    decided: str, tmp_path: Path, shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold, arts, cases = exported(decided, tmp_path)
    capsys.readouterr()
    run("classifier", "evaluate", "--gold", str(gold), "--articles", str(arts),
        "--cases", str(cases))  # fmt: skip
    ours = figures(capsys.readouterr().out)
    scored = shared_score(arts, cases, gold, tmp_path, shared_dir)
    theirs = figures(scored)
    assert {k: theirs[k] for k in EXPECTED} == EXPECTED, scored
    assert theirs == ours
