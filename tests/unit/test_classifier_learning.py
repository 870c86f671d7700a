"""The learned part: reproducible training, folds that hold out cases, scoring, calibration,
the shipped artifact and the pointer-labelled sets."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from monitor.classify import model as learned
from monitor.classify import train
from monitor.classify.evaluate import score
from monitor.classify.extract import Classifier, classifier_version
from monitor.config import load_cases

pytest.importorskip("sklearn", reason="training needs the `train` extra (scikit-learn)")

DATA = Path(__file__).resolve().parents[1] / "data"


def _gold() -> list[dict[str, Any]]:
    """Our own labels for tests/data/articles.jsonl (fictional people)."""
    lines = [
        ("t-001", "lindqvist", "detained", "2022-03-12"),
        ("t-002", "lindqvist", "charged", "2022-04-01"),
        ("t-003", "lindqvist", "consular_visit", "2022-05-17"),
        ("t-003", "lindqvist", "diplomatic_action", "2022-05-20"),
        ("t-004", "lindqvist", "trial", "2022-09-05"),
    ]
    return [
        {"article": a, "case": c, "type": t, "date": d, "optional": False} for a, c, t, d in lines
    ]


def _examples() -> tuple[list[train.Example], list[dict[str, Any]]]:
    from monitor.article_file import read_articles

    book = load_cases(DATA / "cases.toml")
    gold = _gold()
    return train.examples(list(read_articles(DATA / "articles.jsonl")), gold, book), gold


def test_training_twice_on_the_same_data_gives_the_same_artifact() -> None:
    exs, gold = _examples()
    first = train.train_model(exs, gold, inner=2)
    second = train.train_model(exs, gold, inner=2)
    assert first.dumps() == second.dumps()
    assert first.version == second.version and first.version.startswith("model-")


def test_the_threshold_is_the_highest_on_the_plateau_not_a_lucky_spike() -> None:
    grid = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
    # A spike at 0.2 loses to the broad top from 0.5 on; of that flat top, the highest wins.
    assert train.plateau_threshold(grid, [0.6, 0.95, 0.6, 0.6, 0.8, 0.8, 0.8, 0.8, 0.8]) == 0.9
    # Where the curve falls at the end, the best smoothed point stands alone.
    assert train.plateau_threshold(grid, [0.6, 0.95, 0.6, 0.6, 0.8, 0.8, 0.8, 0.8, 0.5]) == 0.6


def test_folds_never_put_one_case_on_both_sides() -> None:
    exs, _ = _examples()
    folds = train.case_folds(exs, 3)
    assert sorted(i for f in folds for i in f) == list(range(len(exs)))
    seen: dict[str, int] = {}
    for n, fold in enumerate(folds):
        for i in fold:
            for case in exs[i].groups:
                assert seen.setdefault(case, n) == n


def test_every_partition_of_repeated_cross_validation_holds_cases_apart() -> None:
    exs, _ = _examples()
    for seed in (1, 2, 3):
        folds = train.case_folds(exs, 2, seed=seed)
        assert sorted(i for f in folds for i in f) == list(range(len(exs)))
        sides = [{c for i in f for c in exs[i].groups} for f in folds]
        assert not sides[0] & sides[1]


def test_pooled_scores_add_the_counts_of_each_partition() -> None:
    gold = [{"article": "a", "case": "x", "type": "detained", "date": "2022", "optional": False}]
    hit = score([{"article": "a", "case": "x", "type": "detained", "date": "2022"}], gold)
    miss = score([{"article": "a", "case": "x", "type": "died", "date": None}], gold)
    pooled = hit + miss
    total = pooled.total()
    assert (total["tp"], total["fp"], total["fn"]) == (1, 1, 1)
    assert (pooled.dated, pooled.compatible) == (1, 1)
    assert len(pooled.outcomes) == 2


def test_by_set_scores_each_set_with_a_model_that_never_saw_it() -> None:
    exs, gold = _examples()
    halves = [exs[:2], exs[2:]]
    sets = [(h, [g for g in gold if g["article"] in {e.article.id for e in h}]) for h in halves]
    scores = train.by_set(sets)
    assert len(scores) == 2
    for (_, set_gold), result in zip(sets, scores, strict=True):
        # Each set is scored against its own gold only: its lines are found or missed there.
        total = result.total()
        assert total["tp"] + total["fn"] == len(set_gold)


def test_scoring_pairs_on_case_and_type_and_ignores_optional_lines() -> None:
    gold = [
        {"article": "a", "case": "x", "type": "detained", "date": "2022-03", "optional": False},
        {"article": "a", "case": "x", "type": "trial", "date": None, "optional": True},
        {"article": "a", "case": "x", "type": "released", "date": "2022", "optional": False},
    ]
    preds = [
        {"article": "a", "case": "x", "type": "detained", "date": "2022-03-12"},
        {"article": "a", "case": "x", "type": "trial", "date": None},
        {"article": "a", "case": "x", "type": "died", "date": None},
    ]
    result = score(preds, gold)
    total = result.total()
    assert (total["tp"], total["fp"], total["fn"]) == (1, 1, 1)
    assert (result.compatible, result.exact, result.dated) == (1, 0, 1)


def test_calibrated_confidence_never_decreases_with_the_score() -> None:
    m = learned.shipped()
    values = [m.confidence(x / 100) for x in range(101)]
    assert all(0.0 <= v <= 1.0 for v in values)
    assert values == sorted(values)


def test_one_wrong_outcome_at_the_bottom_does_not_pull_the_map_to_its_floor() -> None:
    pytest.importorskip("sklearn")
    # one wrong candidate just over the threshold, then forty alternating right and wrong ones
    outcomes = [(0.380, False)] + [(0.40 + i / 100, i % 2 == 0) for i in range(40)]
    m = learned.Model({}, 0.0, 0.38, train._calibration(outcomes), {})
    assert m.confidence(0.3801) >= 0.4
    assert m.confidence(0.3801) == m.confidence(0.40)


def test_the_shipped_model_loads_without_scikit_learn_and_names_the_classifier() -> None:
    m = learned.load()
    assert m.weights and 0.0 < m.threshold < 1.0
    assert classifier_version(m) == Classifier(load_cases(DATA / "cases.toml"), m).version
    assert m.version in classifier_version(m)


def test_a_malformed_model_file_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "model.json"
    bad.write_text('{"weights": 3}')
    with pytest.raises(learned.ModelError, match="malformed classifier model"):
        learned.load(bad)


def _pointer_set(tmp_path: Path) -> tuple[Path, Path]:
    """A one-item pointer set and the corpus it points into (our own fictional item)."""
    corpus = tmp_path / "corpus"
    (corpus / "2023").mkdir(parents=True)
    items = [
        {
            "title": "Other news",
            "description": "<p>Nothing.</p>",
            "link": "https://e.x/0",
            "date_published": "2023-03-14 09:00:00+00:00",
        },
        {
            "title": "Anna Lindqvist freed",
            "description": "<p>Anna Lindqvist was freed on Tuesday &amp; flew home.</p>",
            "link": "https://e.x/1",
            "date_published": "2023-03-15T08:00:00Z",
        },
    ]
    (corpus / "2023" / "feed.json").write_text(json.dumps(items))
    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "cases.toml").write_text((DATA / "cases.toml").read_text())
    (folder / "index.jsonl").write_text(
        json.dumps({"article": "p1", "file": "2023/feed.json", "index": 1, "link": "https://e.x/1"})
        + "\n"
    )
    (folder / "gold.jsonl").write_text(
        json.dumps(
            {
                "article": "p1",
                "case": "lindqvist",
                "type": "released",
                "date": "2023-03-14",
                "optional": False,
                "evidence_span": {"field": "text", "start": 0, "end": 35},
            }
        )
        + "\n"
    )
    return folder, corpus


def test_a_pointer_set_rebuilds_items_and_evidence_from_the_corpus(tmp_path: Path) -> None:
    folder, corpus = _pointer_set(tmp_path)
    arts, gold, book = train.load_set(folder, corpus)
    assert [a.text for a in arts] == ["Anna Lindqvist was freed on Tuesday & flew home."]
    assert gold[0]["evidence"] == "Anna Lindqvist was freed on Tuesday"
    assert book.case("lindqvist") is not None
    (folder / "index.jsonl").write_text(
        json.dumps({"article": "p1", "file": "2023/feed.json", "index": 0, "link": "https://e.x/1"})
        + "\n"
    )
    with pytest.raises(ValueError, match=r"is not https://e\.x/1"):
        train.load_set(folder, corpus)


def test_a_pointer_set_reads_a_headline_list_beside_the_corpus_dated_by_unix_time(
    tmp_path: Path,
) -> None:
    folder, corpus = _pointer_set(tmp_path)
    beside = tmp_path / "headlines"
    beside.mkdir()
    headline = {"title": "Anna Lindqvist freed", "link": "https://e.x/2", "timestamp": 1678867200}
    (beside / "headlines.json").write_text(json.dumps([headline]))
    pointer = {"article": "h1", "file": "../headlines/headlines.json", "index": 0}
    (folder / "index.jsonl").write_text(json.dumps(pointer | {"link": "https://e.x/2"}) + "\n")
    (folder / "gold.jsonl").write_text("")
    arts, _, _ = train.load_set(folder, corpus)
    assert [(a.title, a.text) for a in arts] == [("Anna Lindqvist freed", "")]
    assert arts[0].published == dt.datetime(2023, 3, 15, 8, tzinfo=dt.UTC)


def test_the_shipped_model_is_scored_on_a_held_out_pointer_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from monitor.cli import main

    folder, corpus = _pointer_set(tmp_path)
    preds = tmp_path / "preds.jsonl"
    args = ["--held-out", str(folder), "--corpus", str(corpus), "--predictions", str(preds)]
    code = main(["classifier", "evaluate", *args])
    out = capsys.readouterr().out
    assert code == 0
    assert "released" in out and out.strip().splitlines()[-1].startswith(">= 0.90")
    assert "F1 1.000" in out  # the one release is found, on a compatible date
    # ... and the predictions are written for reading its errors, as `monitor extract` prints.
    lines = [json.loads(line) for line in preds.read_text().splitlines()]
    assert [(x["case"], x["type"]) for x in lines] == [("lindqvist", "released")]


def test_common_words_are_counted_in_lower_case_across_the_corpus(tmp_path: Path) -> None:
    from monitor.cli import main

    corpus = tmp_path / "corpus"
    (corpus / "2023").mkdir(parents=True)
    day = [{"title": "Stone walls and stone floors", "description": "<p>A stone &amp; law</p>"}]
    (corpus / "2023" / "a.json").write_text(json.dumps(day))
    (corpus / "2023" / "b.json").write_text(json.dumps({"entries": [{"title": "Law and law"}]}))
    (corpus / "2023" / "broken.json").write_text("{not json")
    assert train.count_common_words(corpus, min_count=2) == ["and", "law", "stone"]
    out = tmp_path / "words.txt"
    args = ["classifier", "words", "--corpus", str(corpus), "--out", str(out)]
    assert main([*args, "--min-count", "2"]) == 0
    assert out.read_text().split() == ["and", "law", "stone"]
    assert main(args) == 0
    assert out.read_text().split() == []  # (nothing reaches the default count here)
    assert main(["classifier", "words", "--corpus", str(tmp_path / "none")]) != 0


def test_retraining_on_the_shipped_sets_gives_the_shipped_model_byte_for_byte(
    shared_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from monitor.cli import main

    # The default training sets are read from ../shared beside the checkout, as a user runs it.
    monkeypatch.chdir(Path(__file__).resolve().parents[2])
    out = tmp_path / "model.json"
    assert main(["classifier", "train", "--out", str(out)]) == 0
    assert out.read_bytes() == Path(train.__file__).with_name("model.json").read_bytes()
