"""Append-only tables refuse every way of rewriting a stored row, on SQLite and PostgreSQL.

SQLite's INSERT OR REPLACE deletes the old row without firing DELETE triggers;
PostgreSQL's ON CONFLICT DO UPDATE is an update. Both must fail, and the
stored row must be unchanged, for events, articles and article sightings.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from monitor.domain.articles import Article
from monitor.ingest import ingest_articles
from monitor.store.db import Database
from monitor.store.events import EventStore, NewEvent


def _seed(db: Database) -> None:
    EventStore(db).append("case:a", [NewEvent("Tested", 1, {"name": "real"}, {}, "k1")])
    with db.write() as conn:
        conn.execute(
            text(
                "INSERT INTO articles (id, text, content_hash, stored_at) "
                "VALUES ('a1', 'real', 'h', :now)"
            ),
            {"now": dt.datetime.now(dt.UTC)},
        )
        conn.execute(
            text(
                "INSERT INTO article_sightings (article_id, feed, seen_at) VALUES ('a1', 'f', :now)"
            ),
            {"now": dt.datetime.now(dt.UTC)},
        )


FORGERIES = {
    "sqlite": [
        "INSERT OR REPLACE INTO events (position, stream, version, type, schema_version, data,"
        " metadata, recorded_at, idempotency_key, content_hash) VALUES (1, 'case:a', 1,"
        " 'Tested', 1, '{\"name\": \"forged\"}', '{}', '2020-01-01', 'k1', 'x')",
        "REPLACE INTO events (position, stream, version, type, schema_version, data, metadata,"
        " recorded_at, idempotency_key, content_hash) VALUES (2, 'case:a', 1, 'Tested', 1,"
        " '{\"name\": \"forged\"}', '{}', '2020-01-01', 'k2', 'x')",
        "INSERT OR REPLACE INTO articles (id, text, content_hash, stored_at)"
        " VALUES ('a1', 'forged', 'h', '2020-01-01')",
        "INSERT OR REPLACE INTO article_sightings (article_id, feed, url, seen_at)"
        " VALUES ('a1', 'f', 'forged', '2020-01-01')",
    ],
    "postgresql": [
        "INSERT INTO events (position, stream, version, type, schema_version, data, metadata,"
        " recorded_at, idempotency_key, content_hash) VALUES (1, 'case:a', 1, 'Tested', 1,"
        " '{\"name\": \"forged\"}', '{}', now(), 'k1', 'x') ON CONFLICT (position) DO UPDATE"
        " SET data = EXCLUDED.data",
        "INSERT INTO articles (id, text, content_hash, stored_at) VALUES ('a1', 'forged', 'h',"
        " now()) ON CONFLICT (id) DO UPDATE SET text = EXCLUDED.text",
    ],
}
COMMON = [
    "UPDATE articles SET text = 'forged'",
    "DELETE FROM articles",
    "UPDATE article_sightings SET url = 'forged'",
    "DELETE FROM article_sightings",
]


def _unchanged(db: Database) -> None:
    with db.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM events")).scalar_one() == 1
        data = conn.execute(text("SELECT data FROM events")).scalar_one()
        assert (data if isinstance(data, dict) else json.loads(data)) == {"name": "real"}
        assert conn.execute(text("SELECT text FROM articles")).scalar_one() == "real"
        assert conn.execute(text("SELECT url FROM article_sightings")).scalar_one() is None


def test_every_rewrite_of_an_append_only_row_is_refused(db: Database) -> None:
    _seed(db)
    for statement in [*FORGERIES[db.dialect], *COMMON]:
        with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as conn:
            conn.execute(text(statement))
        _unchanged(db)


def test_ingest_still_records_new_articles_and_sightings(db: Database) -> None:
    from monitor.classify.extract import Classifier
    from monitor.domain.cases import CaseBook

    store = EventStore(db)
    article = Article("n1", "t", "nothing to see", dt.datetime(2022, 1, 1, tzinfo=dt.UTC))
    first = ingest_articles(store, [article], Classifier(CaseBook()), "v", book=CaseBook())
    again = ingest_articles(store, [article], Classifier(CaseBook()), "v", book=CaseBook())
    assert (first.new_articles, again.new_articles, again.duplicates) == (1, 0, 1)
