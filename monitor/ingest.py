"""Use cases that append: import case files, ingest articles, retract developments.

Each decides against the current stream state (pure functions in
`monitor.domain.recording`) and appends under the store's write lock in one
transaction with the articles it came from, so a crash loses or doubles nothing.

The acknowledgement rule of ingest. Articles are written in batches, one
transaction per batch (the article rows, their events, their source rows and
any decision snapshot commit together or not at all). `ingest_articles`
returns only after every batch has committed, and nothing is acknowledged
before that: the CLI prints its counts, and the poller records a feed's new
validators (ETag, Last-Modified), only afterwards. A crash therefore loses
at most batches that were never acknowledged, and their articles come again
(the same file, or the feed fetched without the validators); an article
stored before the crash is recognised on its id, URL or content before it is
classified, so repeating an ingest appends nothing twice.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select
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
)
from monitor.domain.review import ReviewPolicy
from monitor.pipeline import Classified, ClassifierPool, chunked, classify_each, pipelined
from monitor.store.codec import decode, encode
from monitor.store.events import EventStore, NewEvent, lock_for_append, row_to_event
from monitor.store.schema import article_sightings, articles
from monitor.store.schema import events as events_table
from monitor.store.snapshots import (
    SNAPSHOT_EVERY,
    catch_up_state,
    load_state,
    newest_snapshot,
    save_snapshot,
    snapshot_version,
)
from monitor.store.sources import sources_of_articles

Classifier = Callable[[Article, CaseBook], list[Development]]
StopFlag = Callable[[], bool]

log = logging.getLogger("monitor.ingest")

DEFINITION_TYPES = (CaseOpened.TYPE, CaseRedefined.TYPE, GroupDefined.TYPE)


@dataclass
class BookReader:
    """The current case and group definitions, folded from their events. Kept between calls,
    it reads only the events after the store's head at the last call, not the whole store
    each time."""

    cases: dict[str, Case] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    position: int = 0  # every definition at or below this position has been folded in
    _book: CaseBook | None = None

    def read(self, conn: Connection) -> CaseBook:
        # The head first. Definitions are picked out by type, which no index holds, so the
        # query reads every event after `position`: were `position` only the last definition
        # seen, each call would read the whole store after the last case import. Moving it to
        # the head is safe because positions commit in order (monitor.store.events): every
        # event at or below a visible head is committed and visible to the next statement.
        head = conn.execute(
            select(func.coalesce(func.max(events_table.c.position), 0))
        ).scalar_one()
        rows = conn.execute(
            select(events_table)
            .where(
                events_table.c.position > self.position,
                events_table.c.type.in_(DEFINITION_TYPES),
            )
            .order_by(events_table.c.position)
        )
        for row in rows:
            self.position = row.position
            try:
                event = decode(row_to_event(row))
            except Exception as exc:  # one undecodable definition must not stop every ingest
                log.error("skipping definition event %s: %s", row.position, one_line(exc))
                continue
            self._book = None
            if isinstance(event, CaseOpened | CaseRedefined):
                self.cases[event.key] = Case(
                    event.key, event.name, event.aliases, event.held_by, event.citizenship
                )
            elif isinstance(event, GroupDefined):
                self.groups[event.key] = Group(event.key, event.aliases, event.members)
        self.position = max(self.position, int(head))
        if self._book is None:
            self._book = CaseBook(tuple(self.cases.values()), tuple(self.groups.values()))
        return self._book


def load_book(conn: Connection) -> CaseBook:
    """The current case and group definitions, folded from their events."""
    return BookReader().read(conn)


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


def _state(store: EventStore, conn: Connection, stream: str) -> CaseState:
    """The stream's current state: its newest snapshot and the events after it."""
    return load_state(store, conn, stream)


class DecisionStates:
    """Case states to decide against, kept across the transactions of one ingest.

    A state enters from the stream's newest snapshot plus the events after it; in each
    later transaction, the events appended since (by another instance) are read first, under
    the append lock, so a state is exact whenever it is decided against. Bounded: at most
    `limit` states, least recently used first out. A new snapshot is written once a state is
    SNAPSHOT_EVERY events past the newest one.
    """

    def __init__(self, store: EventStore, limit: int = 2_000) -> None:
        self.store = store
        self.limit = limit
        self._states: dict[str, CaseState] = {}
        self._snapshot_at: dict[str, int] = {}
        self._current: set[str] = set()  # streams read up to date in this transaction

    def begin(self) -> None:
        """A new transaction: every state must be brought up to date before its next use."""
        self._current.clear()

    def forget(self) -> None:
        """After a rollback: states may hold events that never committed."""
        self._states.clear()
        self._snapshot_at.clear()
        self._current.clear()

    def get(self, conn: Connection, stream: str) -> CaseState:
        state = self._states.pop(stream, None)
        if state is not None and stream not in self._current:
            # Others may have appended much since (another instance): a newer snapshot then
            # saves folding all of it.
            newest = snapshot_version(conn, stream)
            if newest is not None and newest > state.version + SNAPSHOT_EVERY:
                state = None
        if state is None:
            snapshot = newest_snapshot(conn, stream)
            state = snapshot or CaseState()
            self._snapshot_at[stream] = state.version
        if stream not in self._current:
            catch_up_state(self.store, conn, stream, state)
            self._current.add(stream)
        self._states[stream] = state
        if len(self._states) > self.limit:
            oldest = next(iter(self._states))
            del self._states[oldest]
            self._snapshot_at.pop(oldest, None)
            self._current.discard(oldest)
        return state

    def snapshot_due(self, conn: Connection, now: dt.datetime) -> None:
        """Write a snapshot of each state read in this transaction that is far past its last."""
        for stream in self._current:
            state = self._states.get(stream)
            if state is not None and state.version - self._snapshot_at.get(stream, 0) >= (
                SNAPSHOT_EVERY
            ):
                save_snapshot(conn, stream, state, now)
                self._snapshot_at[stream] = state.version


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

    def add(self, other: IngestResult) -> None:
        """Count in what another (committed) part of the ingest did."""
        self.articles += other.articles
        self.new_articles += other.new_articles
        self.duplicates += other.duplicates
        self.developments_found += other.developments_found
        self.events_appended += other.events_appended
        for case, n in other.by_case.items():
            self.by_case[case] += n
        self.failed.extend(other.failed)


def one_line(exc: BaseException) -> str:
    """An exception as one short line, for a feed's or an alert's recorded error."""
    first = (str(exc).strip().splitlines() or [""])[0]
    return f"{type(exc).__name__}: {first}"[:300]


def store_article(conn: Connection, article: Article, now: dt.datetime) -> tuple[str, bool]:
    """Store the article once; return the id it is known by and whether it is new.

    An article with the same content (or canonical URL) under another id is the
    same story seen again: it is recorded as a sighting of the stored one.
    """
    [known] = store_articles(conn, [article], now)
    return known


def _stored_ids(conn: Connection, column: Any, values: Sequence[str]) -> dict[str, str]:
    """For each value of `column` (content hash or canonical URL) already stored, the id of
    the article that holds it."""
    found: dict[str, str] = {}
    for i in range(0, len(values), 500):
        rows = conn.execute(select(column, articles.c.id).where(column.in_(values[i : i + 500])))
        for value, article_id in rows:
            found.setdefault(value, article_id)
    return found


def store_articles(
    conn: Connection, batch: Sequence[Article], now: dt.datetime
) -> list[tuple[str, bool]]:
    """`store_article` for a batch, with three look-ups and one INSERT: for each article, the
    id it is known by and whether it is new (an earlier article of the batch counts)."""
    ids = [a.id for a in batch]
    stored = set(conn.execute(select(articles.c.id).where(articles.c.id.in_(ids))).scalars())
    digests = {a.id: a.content_hash() for a in batch}
    canons = {a.id: canonical_url(a.url) for a in batch}
    by_hash = _stored_ids(conn, articles.c.content_hash, sorted(set(digests.values())))
    by_url = _stored_ids(conn, articles.c.canonical_url, sorted({c for c in canons.values() if c}))
    out: list[tuple[str, bool]] = []
    rows: list[dict[str, Any]] = []
    for article in batch:
        digest, canon = digests[article.id], canons[article.id]
        if article.id in stored:
            out.append((article.id, False))
            continue
        same = by_hash.get(digest) or (by_url.get(canon) if canon else None)
        if same is not None:
            _record_sighting(conn, same, article, now)
            out.append((same, False))
            continue
        stored.add(article.id)
        by_hash[digest] = article.id
        if canon:
            by_url[canon] = article.id
        rows.append(_article_row(article, canon, digest, now))
        out.append((article.id, True))
    if rows:
        conn.execute(articles.insert(), rows)
    return out


def _article_row(
    article: Article, canon: str | None, digest: str, now: dt.datetime
) -> dict[str, Any]:
    return {
        "id": article.id,
        "url": article.url,
        "canonical_url": canon,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "text": article.text,
        "content_hash": digest,
        "feed": article.feed,
        "stored_at": now,
    }


def _record_sighting(conn: Connection, same: str, article: Article, now: dt.datetime) -> None:
    """The same story seen again (another feed or URL): recorded once per feed."""
    feed = article.feed or "-"
    seen = conn.execute(
        select(article_sightings.c.article_id).where(
            article_sightings.c.article_id == same, article_sightings.c.feed == feed
        )
    ).first()
    if seen is None:
        conn.execute(
            article_sightings.insert().values(
                article_id=same, feed=feed, url=article.url, seen_at=now
            )
        )


def known_articles(conn: Connection, batch: Sequence[Article]) -> set[str]:
    """Ids of the articles in `batch` already stored with the same content, or under another id
    with the same content or canonical URL: three indexed look-ups per batch, so a known
    article is never classified again. (The same id with other content, say a feed that sent a
    cut-off copy first, is classified again: its developments may not be recorded yet.)"""
    digests = {a.id: a.content_hash() for a in batch}
    same_id = {
        row.id: row.content_hash
        for row in conn.execute(
            select(articles.c.id, articles.c.content_hash).where(articles.c.id.in_(list(digests)))
        )
    }
    known = {i for i, digest in same_id.items() if digests[i] == digest}
    rest = [a for a in batch if a.id not in same_id]
    canons = {a.id: c for a in rest if (c := canonical_url(a.url))}
    by_hash = _stored_ids(conn, articles.c.content_hash, sorted({digests[a.id] for a in rest}))
    by_url = _stored_ids(conn, articles.c.canonical_url, sorted(set(canons.values())))
    known.update(a.id for a in rest if digests[a.id] in by_hash or canons.get(a.id) in by_url)
    return known


@dataclass
class _Screened:
    """A batch of articles, and which of them the store already holds."""

    articles: list[Article]
    known: set[str]

    def unknown(self) -> list[Article]:
        return [a for a in self.articles if a.id not in self.known]


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
    per_transaction: int = 50,
    pool: Callable[[CaseBook], ClassifierPool] | None = None,
    states: DecisionStates | None = None,
    ahead: int = 2,
) -> IngestResult:
    """Store each article, classify it and append its developments, `per_transaction`
    articles per transaction (see the acknowledgement rule above); `policy` says which
    developments wait for review.

    Known articles are recognised before classification. With `pool` (workers for a case
    book, asked for only when the input runs past two batches), up to `ahead` batches are
    classified in the workers while the current one is written. `items` is read lazily, a
    few batches ahead, so a long stream is never held in memory.

    An article that fails is recorded in the result and the rest go on: a batch that fails
    is written again one article per transaction, so the bad one fails alone. `stop` is
    asked between batches, so a shutdown waits for one batch at most.
    """
    result = IngestResult()
    states = states or DecisionStates(store)
    if book is None:
        with store.db.read() as conn:
            book = load_book(conn)
    case_book = book

    def screened() -> Iterator[_Screened]:
        for batch in chunked(items, per_transaction):
            with store.db.read() as conn:
                yield _Screened(batch, known_articles(conn, batch))

    def run(batch: _Screened) -> list[Classified]:
        return classify_each(lambda a: classify(a, case_book), batch.unknown())

    started: list[ClassifierPool] = []

    def submit(batch: _Screened) -> Future[list[Classified]]:
        assert pool is not None
        if not started:
            started.append(pool(case_book))  # only once the input outgrows a few batches
        return started[0].submit(batch.unknown())

    batches = pipelined(screened(), run, submit if pool else None, depth=ahead, inline_first=2)
    for batch, found in batches:
        if stop is not None and stop():
            result.stopped = True  # between transactions: stopping here is clean
            break
        classified: dict[str, list[Development]] = {}
        for article, outcome in zip(batch.unknown(), found, strict=True):
            if isinstance(outcome, str):  # the classifier failed on this article alone
                _failed(result, article, outcome)
            else:
                classified[article.id] = outcome
        work = [a for a in batch.articles if a.id in batch.known or a.id in classified]
        _write_isolated(
            store, states, work, classified, classifier_version, backfill, result, policy
        )
    return result


def _failed(result: IngestResult, article: Article, why: str) -> None:
    result.articles += 1
    result.failed.append((article.id, why))
    log.warning("article %s not stored: %s", article.id, why)


def _write_isolated(
    store: EventStore,
    states: DecisionStates,
    batch: list[Article],
    classified: dict[str, list[Development]],
    classifier_version: str,
    backfill: bool,
    result: IngestResult,
    policy: ReviewPolicy | None = None,
) -> None:
    """Write the batch in one transaction; if an article poisons it (text the database
    refuses, say), write its articles one per transaction so that one fails alone."""
    try:
        done = _write_batch(store, states, batch, classified, classifier_version, backfill, policy)
    except (OperationalError, InterfaceError):
        states.forget()
        raise  # the database itself is failing: no later article would fare better
    except Exception as exc:
        # The transaction rolled back, and the cached states may hold its appends.
        states.forget()
        if len(batch) == 1:
            _failed(result, batch[0], one_line(exc))
            return
        for article in batch:
            _write_isolated(
                store, states, [article], classified, classifier_version, backfill, result, policy
            )
        return
    except BaseException:
        states.forget()
        raise
    result.add(done)  # counted once its transaction has committed


def _write_batch(
    store: EventStore,
    states: DecisionStates,
    batch: list[Article],
    classified: dict[str, list[Development]],
    classifier_version: str,
    backfill: bool,
    policy: ReviewPolicy | None = None,
) -> IngestResult:
    """One transaction: store the batch's articles and append what they report.

    Each article is decided against the states as the articles before it left them (their
    events applied in memory), and the whole batch's events go in one append at the end.
    """
    done = IngestResult()
    now = dt.datetime.now(dt.UTC)
    with store.db.write() as conn:
        lock_for_append(conn)
        states.begin()
        stored = store_articles(conn, batch, now)
        deciding = [
            a.id
            for (i, _), a in zip(stored, batch, strict=True)
            if i == a.id and a.id in classified
        ]
        sourced = sources_of_articles(conn, deciding)
        expected: dict[str, int] = {}
        pending: list[tuple[str, NewEvent]] = []
        for article, (article_id, is_new) in zip(batch, stored, strict=True):
            done.articles += 1
            done.new_articles += is_new
            done.duplicates += not is_new
            if article_id != article.id or article.id not in classified:
                continue  # a known story (or the same one under another id): nothing to decide
            reports = classified[article.id]
            done.developments_found += len(reports)
            meta = Metadata(
                article_id=article_id,
                classifier_version=classifier_version,
                causation="ingest",
                backfill=backfill,
            )
            by_case: dict[str, list[Development]] = defaultdict(list)
            for dev in reports:
                by_case[dev.case].append(dev)
            for case, case_reports in sorted(by_case.items()):
                stream = case_stream(case)
                state = states.get(conn, stream)
                if state.definition is None:
                    continue  # a case the store does not know (yet)
                expected.setdefault(stream, state.version)
                decisions = decide_reports(
                    state,
                    case_reports,
                    article.source(),
                    policy,
                    sourced=sourced.get((case, article_id), ()),
                )
                for d in decisions:
                    pending.append((stream, encode(d.event, d.idempotency_key, meta)))
                    state.apply(d.event)
                done.by_case[case] += len(decisions)
        written = store.append_streams_in(conn, expected, pending)
        if written != len(pending):
            states.forget()  # some were stored already: re-read the streams next time
        done.events_appended = written
        states.snapshot_due(conn, now)
    return done


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
