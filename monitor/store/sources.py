"""The development_sources index: one row per event that names a development and its source.

Written by the event store in the transaction that appends the event, so it is
exactly as current as the events (a decision may trust it under the append
lock), and never rewritten: a retraction is an event, not a deleted row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, distinct, func, insert, select

from monitor.store.schema import development_sources


def source_row(position: int, data: dict[str, Any]) -> dict[str, Any] | None:
    """The index row for an event's data, or None when it names no development and source."""
    source = data.get("source")
    development = data.get("development_id")
    if not isinstance(source, dict) or not development or not source.get("article_id"):
        return None
    return {
        "position": position,
        "case_key": data.get("case") or "",
        "development_id": development,
        "article_id": source["article_id"],
        "url": source.get("url"),
        "title": source.get("title"),
        "published": source.get("published"),
    }


def index_sources(conn: Connection, rows: Iterable[dict[str, Any]]) -> None:
    """Record the sources of just-appended event rows (each with `position` and `data`)."""
    found = [r for row in rows if (r := source_row(row["position"], row["data"])) is not None]
    if found:
        conn.execute(insert(development_sources), found)


def sources_of_articles(
    conn: Connection, article_ids: Sequence[str]
) -> dict[tuple[str, str], set[str]]:
    """For each (case, article) among these articles, the developments it is a source of."""
    found: dict[tuple[str, str], set[str]] = {}
    for i in range(0, len(article_ids), 500):
        rows = conn.execute(
            select(
                development_sources.c.case_key,
                development_sources.c.article_id,
                development_sources.c.development_id,
            ).where(development_sources.c.article_id.in_(article_ids[i : i + 500]))
        )
        for case, article, development in rows:
            found.setdefault((case, article), set()).add(development)
    return found


def live_source_count(
    conn: Connection, case_key: str, through: int, retracted: Sequence[str] = ()
) -> int:
    """Distinct articles behind a case's developments up to position `through`, leaving out
    the retracted developments: what the status row calls its sources."""
    query = select(func.count(distinct(development_sources.c.article_id))).where(
        development_sources.c.case_key == case_key, development_sources.c.position <= through
    )
    if retracted:
        query = query.where(development_sources.c.development_id.not_in(list(retracted)))
    return int(conn.execute(query).scalar_one())


def sources_of_developments(
    conn: Connection, development_ids: Sequence[str]
) -> dict[str, list[dict[str, Any]]]:
    """Every source of these developments (article id, and url, title, published when
    known), in the order they were reported."""
    found: dict[str, list[dict[str, Any]]] = {}
    for i in range(0, len(development_ids), 500):
        rows = conn.execute(
            select(development_sources)
            .where(development_sources.c.development_id.in_(development_ids[i : i + 500]))
            .order_by(development_sources.c.position)
        )
        for r in rows:
            source = {
                "article_id": r.article_id,
                "url": r.url,
                "title": r.title,
                "published": r.published,
            }
            found.setdefault(r.development_id, []).append(
                {k: v for k, v in source.items() if v is not None}
            )
    return found
