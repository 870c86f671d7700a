"""Use cases that append: import case files, ingest articles, retract developments.

Each decides against the current stream state (pure functions in
`monitor.domain.recording`) and appends under the store's write lock in one
transaction with the article it came from, so a crash loses or doubles nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, select
from sqlalchemy.exc import InterfaceError, OperationalError

from monitor.domain.articles import Article, canonical_url
from monitor.domain.cases import Case, CaseBook, Group, validated
from monitor.domain.developments import Development
from monitor.domain.events import (
    CaseOpened,
    CaseRedefined,
    GroupDefined,
    Metadata,
    case_stream,
    group_stream,
)
from monitor.domain.recording import (
    CaseState,
    Decision,
    decide_case,
    decide_group,
    decide_reports,
    decide_retraction,
    fold_case,
)
from monitor.domain.review import ReviewPolicy
from monitor.store.codec import decode, encode
from monitor.store.events import EventStore, lock_for_append, row_to_event
from monitor.store.schema import article_sightings, articles
from monitor.store.schema import events as events_table

Classifier = Callable[[Article, CaseBook], list[Development]]
StopFlag = Callable[[], bool]

log = logging.getLogger("monitor.ingest")

DEFINITION_TYPES = (CaseOpened.TYPE, CaseRedefined.TYPE, GroupDefined.TYPE)


def load_book(conn: Connection) -> CaseBook:
    """The current case and group definitions, folded from their events."""
    cases: dict[str, Case] = {}
    groups: dict[str, Group] = {}
    rows = conn.execute(
        select(events_table)
        .where(events_table.c.type.in_(DEFINITION_TYPES))
        .order_by(events_table.c.position)
    )
    for row in rows:
        try:
            event = decode(row_to_event(row))
        except Exception as exc:  # one undecodable definition must not stop every ingest
            log.error("skipping definition event %s: %s", row.position, one_line(exc))
            continue
        if isinstance(event, CaseOpened | CaseRedefined):
            cases[event.key] = Case(
                event.key, event.name, event.aliases, event.held_by, event.citizenship
            )
        elif isinstance(event, GroupDefined):
            groups[event.key] = Group(event.key, event.aliases, event.members)
    return CaseBook(tuple(cases.values()), tuple(groups.values()))


def _append(
    store: EventStore,
    conn: Connection,
    stream: str,
    version: int,
    decisions: Sequence[Decision],
    meta: Metadata,
) -> int:
    if not decisions:
        return 0
    new = [encode(d.event, d.idempotency_key, meta) for d in decisions]
    stored = store.append_in(conn, stream, new, expected_version=version)
    return sum(1 for s in stored if s.version > version)


def _state(
    store: EventStore, conn: Connection, stream: str, cache: dict[str, CaseState] | None = None
) -> CaseState:
    """The stream's current state. With a cache, only events after the cached version are
    read: under the append lock that tail is exact, and a busy case is not re-read from its
    first event for every article."""
    if cache is None:
        return fold_case(decode(e) for e in store.read_stream_in(conn, stream))
    state = cache.setdefault(stream, CaseState())
    for event in store.read_stream_in(conn, stream, after_version=state.version):
        state.apply(decode(event))
    return state


@dataclass
class ImportResult:
    appended: int = 0
    cases: int = 0
    groups: int = 0


def import_cases(store: EventStore, book: CaseBook) -> ImportResult:
    """Define or update cases and groups; unchanged ones append nothing."""
    result = ImportResult(cases=len(book.cases), groups=len(book.groups))
    meta = Metadata(causation="cases-import")
    with store.db.write() as conn:
        lock_for_append(conn)
        known = load_book(conn)
        # Groups may name cases defined earlier or in this file.
        validated({c.key: c for c in (*known.cases, *book.cases)}.values(), book.groups)
        for case in book.cases:
            stream = case_stream(case.key)
            state = _state(store, conn, stream)
            result.appended += _append(
                store, conn, stream, state.version, decide_case(state, case), meta
            )
        for group in book.groups:
            stream = group_stream(group.key)
            events = [decode(e) for e in store.read_stream_in(conn, stream)]
            current = events[-1] if events else None
            assert current is None or isinstance(current, GroupDefined)
            decisions = decide_group(current, group, len(events))
            result.appended += _append(store, conn, stream, len(events), decisions, meta)
    return result


@dataclass
class IngestResult:
    articles: int = 0
    new_articles: int = 0
    duplicates: int = 0
    developments_found: int = 0
    events_appended: int = 0
    by_case: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    failed: list[tuple[str, str]] = field(default_factory=list)  # (article id, why)
    stopped: bool = False  # asked to stop before the last article


def one_line(exc: BaseException) -> str:
    """An exception as one short line, for a feed's or an alert's recorded error."""
    first = (str(exc).strip().splitlines() or [""])[0]
    return f"{type(exc).__name__}: {first}"[:300]


def store_article(conn: Connection, article: Article, now: dt.datetime) -> tuple[str, bool]:
    """Store the article once; return the id it is known by and whether it is new.

    An article with the same content (or canonical URL) under another id is the
    same story seen again: it is recorded as a sighting of the stored one.
    """
    if conn.execute(select(articles.c.id).where(articles.c.id == article.id)).first():
        return article.id, False
    digest = article.content_hash()
    canon = canonical_url(article.url)
    same = conn.execute(
        select(articles.c.id).where(
            (articles.c.content_hash == digest)
            | ((articles.c.canonical_url == canon) if canon else False)
        )
    ).first()
    if same is not None:
        feed = article.feed or "-"
        seen = conn.execute(
            select(article_sightings.c.article_id).where(
                article_sightings.c.article_id == same.id, article_sightings.c.feed == feed
            )
        ).first()
        if seen is None:
            conn.execute(
                article_sightings.insert().values(
                    article_id=same.id, feed=feed, url=article.url, seen_at=now
                )
            )
        return str(same.id), False
    conn.execute(
        articles.insert().values(
            id=article.id,
            url=article.url,
            canonical_url=canon,
            title=article.title,
            published=article.published.isoformat() if article.published else None,
            text=article.text,
            content_hash=digest,
            feed=article.feed,
            stored_at=now,
        )
    )
    return article.id, True


def ingest_articles(
    store: EventStore,
    items: Iterable[Article],
    classify: Classifier,
    classifier_version: str,
    *,
    backfill: bool = False,
    book: CaseBook | None = None,
    stop: StopFlag | None = None,
    policy: ReviewPolicy | None = None,
) -> IngestResult:
    """Store each article, classify it and append its developments, one transaction each;
    `policy` says which developments wait for review.

    An article that fails is recorded in the result and the rest go on; `stop` is asked
    between articles, so a shutdown waits for one article at most.
    """
    result = IngestResult()
    states: dict[str, CaseState] = {}
    if book is None:
        with store.db.read() as conn:
            book = load_book(conn)
    for article in items:
        if stop is not None and stop():
            result.stopped = True  # each article is its own transaction: stopping here is clean
            break
        result.articles += 1
        try:
            _ingest_one(
                store, article, classify, classifier_version, backfill, book, states, result, policy
            )
        except (OperationalError, InterfaceError):
            raise  # the database itself is failing: no later article would fare better
        except Exception as exc:
            # One poisoned article (text the database refuses, a classifier bug) fails alone;
            # its transaction rolled back, and the cached states may hold its reads.
            states.clear()
            result.failed.append((article.id, one_line(exc)))
            log.warning("article %s not stored: %s", article.id, one_line(exc))
    return result


def _ingest_one(
    store: EventStore,
    article: Article,
    classify: Classifier,
    classifier_version: str,
    backfill: bool,
    book: CaseBook,
    states: dict[str, CaseState],
    result: IngestResult,
    policy: ReviewPolicy | None = None,
) -> None:
    """Store one article and append its developments, in one transaction."""
    found = classify(article, book)
    with store.db.write() as conn:
        lock_for_append(conn)
        article_id, is_new = store_article(conn, article, dt.datetime.now(dt.UTC))
        if article_id != article.id:
            result.duplicates += 1
            return  # the same story under another id: its developments are recorded
        meta = Metadata(
            article_id=article_id,
            classifier_version=classifier_version,
            causation="ingest",
            backfill=backfill,
        )
        by_case: dict[str, list[Development]] = defaultdict(list)
        for dev in found:
            by_case[dev.case].append(dev)
        appended: dict[str, int] = {}
        for case, reports in sorted(by_case.items()):
            stream = case_stream(case)
            state = _state(store, conn, stream, states)
            if state.definition is None:
                continue  # a case the store does not know (yet)
            decisions = decide_reports(state, reports, article.source(), policy)
            appended[case] = _append(store, conn, stream, state.version, decisions, meta)
    # Counted once the transaction has committed, so a failed article counts nothing.
    result.developments_found += len(found)
    result.new_articles += is_new
    result.duplicates += not is_new
    result.events_appended += sum(appended.values())
    for case, n in appended.items():
        result.by_case[case] += n


class UnknownDevelopment(LookupError):
    """No such development in that case."""


def retract(
    store: EventStore,
    case: str,
    development_id: str,
    reason: str,
    by: str | None = None,
    at: str | None = None,
) -> int:
    """Append a retraction; returns the number of events appended (0 if already retracted)."""
    with store.db.write() as conn:
        lock_for_append(conn)
        stream = case_stream(case)
        state = _state(store, conn, stream)
        try:
            decisions = decide_retraction(state, development_id, reason, by, at)
        except KeyError:
            raise UnknownDevelopment(
                f"case {case!r} has no development {development_id!r}"
            ) from None
        return _append(store, conn, stream, state.version, decisions, Metadata(causation="retract"))
