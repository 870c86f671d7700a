"""Use case: poll the feeds that are due, once; ingest what they bring; record each feed's state.

Feeds are claimed with a lease before fetching (FOR UPDATE SKIP LOCKED on
PostgreSQL, the write lock on SQLite), so instances sharing a database never
fetch one feed at once, and a dead instance's feeds are free again when its
lease runs out. One failing feed is recorded and passed over; it never stops
the others.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, or_, select, update
from sqlalchemy.exc import InterfaceError, OperationalError

from monitor.bootstrap import App
from monitor.config import FeedConfig
from monitor.domain.articles import clean_text
from monitor.fetch.feedstate import Outcome, next_due
from monitor.fetch.http import FetchedFeed, Fetcher
from monitor.fetch.parse import ParsedFeed, parse_feed
from monitor.ingest import StopFlag, one_line
from monitor.store.claims import claim
from monitor.store.db import Database, insert_new
from monitor.store.schema import feed_state

log = logging.getLogger("monitor.polling")


@dataclass(frozen=True)
class DueFeed:
    """A feed claimed for one fetch, with what the fetch needs from its state."""

    url: str
    name: str
    current_url: str
    interval: int
    etag: str | None
    last_modified: str | None
    consecutive_errors: int


@dataclass
class PollReport:
    """What one poll of all due feeds did."""

    polled: int = 0
    not_modified: int = 0
    errors: int = 0
    entries: int = 0
    new_articles: int = 0
    events_appended: int = 0
    problems: dict[str, str] = field(default_factory=dict)
    fetched: set[str] = field(default_factory=set)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)  # SQLite keeps no zone; we only write UTC
    return value


def sync_feeds(db: Database, feeds: Sequence[FeedConfig], now: dt.datetime) -> None:
    """Make the configured feeds known: new ones are due now, changed ones take the new name
    and interval; state (ETag, errors, schedule) is kept. Instances that start together may
    both register a new feed; the second insert does nothing."""
    with db.write() as conn:
        known = {r.url for r in conn.execute(select(feed_state.c.url))}
        for feed in feeds:
            if feed.url in known:
                conn.execute(
                    update(feed_state)
                    .where(feed_state.c.url == feed.url)
                    .values(name=feed.name, interval_seconds=feed.interval)
                )
            else:
                insert_new(
                    conn,
                    feed_state,
                    {
                        "url": feed.url,
                        "name": feed.name,
                        "current_url": feed.url,
                        "interval_seconds": feed.interval,
                        "consecutive_errors": 0,
                        "next_due_at": now,
                        "entries_seen": 0,
                    },
                )


def release_all_leases(db: Database) -> int:
    """Free every feed lease; only safe when no other instance can be running (SQLite)."""
    with db.write() as conn:
        result = conn.execute(
            update(feed_state)
            .where(feed_state.c.lease_owner.is_not(None))
            .values(lease_owner=None, lease_until=None)
        )
        return int(result.rowcount)


def claim_due(
    db: Database,
    owner: str,
    now: dt.datetime,
    *,
    lease: dt.timedelta,
    urls: Sequence[str],
    limit: int = 200,
) -> list[DueFeed]:
    """Lease up to `limit` due feeds among `urls` to `owner`; others' live leases are skipped."""
    with db.write() as conn:
        query = (
            select(feed_state)
            .where(
                feed_state.c.url.in_(urls),
                feed_state.c.next_due_at <= now,
                or_(feed_state.c.lease_until.is_(None), feed_state.c.lease_until < now),
            )
            .order_by(feed_state.c.next_due_at)
            .limit(limit)
        )
        rows = claim(
            conn, query, feed_state, feed_state.c.url, lease_owner=owner, lease_until=now + lease
        )
    return [
        DueFeed(
            r.url,
            r.name,
            r.current_url,
            r.interval_seconds,
            r.etag,
            r.last_modified,
            r.consecutive_errors,
        )
        for r in rows
    ]


def make_due(db: Database, urls: Sequence[str], now: dt.datetime) -> int:
    """Make the given feeds due now, whatever their schedule (to poll chosen feeds at once)."""
    with db.write() as conn:
        result = conn.execute(
            update(feed_state).where(feed_state.c.url.in_(list(urls))).values(next_due_at=now)
        )
        return int(result.rowcount)


def release(db: Database, owner: str, urls: Sequence[str]) -> None:
    """Give back leases taken but not worked on (a shutdown between claim and fetch)."""
    if not urls:
        return
    with db.write() as conn:
        conn.execute(
            update(feed_state)
            .where(feed_state.c.url.in_(list(urls)), feed_state.c.lease_owner == owner)
            .values(lease_owner=None, lease_until=None)
        )


def record(
    conn: Connection,
    due: DueFeed,
    fetched: FetchedFeed,
    parsed: ParsedFeed | None,
    now: dt.datetime,
    rng: random.Random | None = None,
    failure: str | None = None,
) -> None:
    """Store the feed's new state and release its lease; `failure` fails a fetched feed
    (articles that could not be stored), so its validators are kept and it is tried again."""
    failed = (
        failure is not None
        or fetched.error is not None
        or (parsed is not None and not parsed.usable)
    )
    errors = due.consecutive_errors + 1 if failed else 0
    problem = failure or fetched.error or (parsed.problem if parsed is not None else None)
    if problem is not None:
        problem = clean_text(problem)[:1000]
    values: dict[str, Any] = {
        "last_fetch_at": now,
        "last_status": fetched.status,
        "last_error": problem,
        "consecutive_errors": errors,
        "next_due_at": next_due(
            now, due.interval, errors, Outcome(not failed, fetched.retry_after), rng
        ),
        "lease_owner": None,
        "lease_until": None,
    }
    if not failed:
        values["etag"] = fetched.etag or due.etag if fetched.not_modified else fetched.etag
        values["last_modified"] = (
            fetched.last_modified or due.last_modified
            if fetched.not_modified
            else fetched.last_modified
        )
    if fetched.permanent_url:
        values["current_url"] = fetched.permanent_url
    if parsed is not None:
        values["entries_seen"] = feed_state.c.entries_seen + len(parsed.articles)
    conn.execute(update(feed_state).where(feed_state.c.url == due.url).values(**values))


async def poll_once(
    app: App,
    fetcher: Fetcher,
    feeds: Sequence[FeedConfig],
    *,
    owner: str,
    lease: dt.timedelta = dt.timedelta(minutes=5),
    concurrency: int = 8,
    backfill: bool = False,
    now: dt.datetime | None = None,
    chunk: int = 200,
    stop: StopFlag | None = None,
) -> PollReport:
    """Fetch every due feed (bounded concurrency), ingest its entries, record its state.

    Feeds are claimed `chunk` at a time until none is due, so every due feed is polled and
    no lease runs out while earlier chunks are worked on. `stop` ends it between feeds.
    """
    now = now or utcnow()
    report = PollReport()
    stopped = stop or (lambda: False)
    await asyncio.to_thread(sync_feeds, app.db, feeds, now)
    urls = [f.url for f in feeds]
    while not stopped():
        claimed = await asyncio.to_thread(
            claim_due, app.db, owner, now, lease=lease, urls=urls, limit=chunk
        )
        fresh = [d for d in claimed if d.url not in report.fetched]
        # A feed just recorded is due again only if its clock went backwards; never loop on it.
        again = [d.url for d in claimed if d.url in report.fetched]
        await asyncio.to_thread(release, app.db, owner, again)
        if not fresh:
            break
        await _poll_claimed(app, fetcher, fresh, report, owner, now, concurrency, backfill, stopped)
        if len(claimed) < chunk:
            break
    return report


async def _poll_claimed(
    app: App,
    fetcher: Fetcher,
    claimed: list[DueFeed],
    report: PollReport,
    owner: str,
    now: dt.datetime,
    concurrency: int,
    backfill: bool,
    stopped: StopFlag,
) -> None:
    """Fetch, ingest and record the claimed feeds; each one's failure is its own."""
    gate = asyncio.Semaphore(concurrency)
    pending = {d.url for d in claimed}

    async def one(due: DueFeed) -> tuple[DueFeed, FetchedFeed | None]:
        async with gate:
            if stopped():
                return due, None
            return due, await fetcher.fetch(due.current_url, due.etag, due.last_modified)

    for done in asyncio.as_completed([one(d) for d in claimed]):
        due, fetched = await done
        if fetched is None or stopped():
            continue  # shutting down: its lease is given back below
        report.polled += 1
        report.fetched.add(due.url)
        parsed, failure = None, None
        try:
            if fetched.ok and not fetched.not_modified and fetched.body is not None:
                parsed = parse_feed(
                    fetched.body,
                    url=fetched.final_url or due.current_url,
                    content_type=fetched.content_type,
                    feed_name=due.name,
                    fetched_at=now,
                )
                report.entries += parsed.entries
                if parsed.articles:
                    result = await asyncio.to_thread(
                        app.ingest, parsed.articles, backfill=backfill, stop=stopped
                    )
                    report.new_articles += result.new_articles
                    report.events_appended += result.events_appended
                    if result.stopped:
                        continue  # not recorded: still due, so the rest is fetched next time
                    if result.failed:
                        first_id, why = result.failed[0]
                        failure = (
                            f"{len(result.failed)} of {len(parsed.articles)} articles not "
                            f"stored; first {first_id}: {why}"
                        )
        except (OperationalError, InterfaceError):
            raise  # the database is down: recording this feed would fail as well
        except Exception as exc:
            failure = f"could not process the feed: {one_line(exc)}"
        report.not_modified += fetched.not_modified
        problem = failure or fetched.error or (parsed.problem if parsed else None)
        if problem:
            report.problems[due.url] = problem
            report.errors += (
                failure is not None
                or fetched.error is not None
                or (parsed is not None and not parsed.usable)
            )
            log.warning("feed %s: %s", due.name, problem)

        def save(
            due: DueFeed = due,
            fetched: FetchedFeed = fetched,
            parsed: ParsedFeed | None = parsed,
            failure: str | None = failure,
        ) -> None:
            with app.db.write() as conn:
                record(conn, due, fetched, parsed, now, failure=failure)

        await asyncio.to_thread(save)
        pending.discard(due.url)
    await asyncio.to_thread(release, app.db, owner, sorted(pending))


def feed_rows(db: Database) -> list[dict[str, object]]:
    """Every feed's state, for `monitor feeds`."""
    with db.read() as conn:
        rows = conn.execute(select(feed_state).order_by(feed_state.c.name))
        return [
            {
                "name": r.name,
                "url": r.current_url,
                "interval": r.interval_seconds,
                "last_fetch_at": _iso(_aware(r.last_fetch_at)),
                "last_status": r.last_status,
                "consecutive_errors": r.consecutive_errors,
                "next_due_at": _iso(_aware(r.next_due_at)),
                "etag": r.etag,
                "last_modified": r.last_modified,
                "entries_seen": r.entries_seen,
                "last_error": r.last_error,
            }
            for r in rows
        ]


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None
