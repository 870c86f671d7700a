"""The five seed articles, and two items of our own that wait for review, on one desk."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from monitor.bootstrap import App, bootstrap
from monitor.config import load_cases, read_articles
from monitor.domain.articles import Article
from monitor.domain.review import ReviewPolicy
from monitor.ingest import import_cases

# Written by us: a consular visit and a hearing, neither of which sets a status.
OWN_ITEMS = (
    Article(
        "own-visit",
        "Canadian diplomats see Michael Kovrig",
        "Canadian consular officials visited Michael Kovrig in Beijing on Friday, the embassy "
        "said.",
        dt.datetime(2020, 10, 17, 9, tzinfo=dt.UTC),
        "https://news.example.org/own-visit",
    ),
    Article(
        "own-hearing",
        "Michael Spavor appears in court in Dandong",
        "Michael Spavor appeared in court in Dandong on Monday for a pre-trial hearing.",
        dt.datetime(2021, 3, 2, 9, tzinfo=dt.UTC),
        "https://news.example.org/own-hearing",
    ),
)


def seeded_with_proposals(url: str, shared_dir: Path) -> App:
    """The seed cases and articles under the default review policy (statuses as expected),
    then our two items on a desk that reviews everything (threshold 1.0), so that the queue
    holds proposals whatever the shipped model's confidences."""
    dev = shared_dir / "eval" / "dev"
    app = bootstrap(url)
    import_cases(app.store, load_cases(dev / "cases.toml"))
    app.ingest(list(read_articles(dev / "articles.jsonl")))
    app.close()
    strict = bootstrap(url, review=ReviewPolicy(1.0))
    result = strict.ingest(list(OWN_ITEMS))
    assert result.developments_found >= 2, result
    return strict
