"""`monitor run`: poll feeds on their schedules, classify, append, project, alert, until SIGTERM.

One APScheduler (3.x, asyncio) job ticks every few seconds and polls the
feeds whose stored `next_due_at` has passed, so each feed keeps its own
interval and back-off across restarts. Alert delivery is its own job. On
SIGTERM or SIGINT no new work starts, in-flight work finishes within a bound,
and the process exits 0.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import fcntl
import json
import logging
import os
import signal
import socket
import sys
import threading
import uuid
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy.engine import make_url

from monitor.alerts.outbox import Dispatcher, DispatchReport, check_consular_gaps
from monitor.alerts.subscriptions import SyncReport, sync_subscriptions
from monitor.bootstrap import App, bootstrap
from monitor.config import (
    Config,
    ConfigError,
    FeedConfig,
    check_environment,
    checked,
    parse_config,
)
from monitor.fetch.http import Fetcher, FetchLimits
from monitor.ingest import import_cases, load_book
from monitor.observe import Metrics, serve
from monitor.polling import PollReport, make_due, poll_once, release_all_leases, sync_feeds

log = logging.getLogger("monitor.daemon")

SHUTDOWN_GRACE = 8.0  # seconds: SIGTERM ends the process well within 10


class AlreadyRunning(Exception):
    """Another daemon holds this SQLite database."""


class UnknownFeed(LookupError):
    """`--feed` named a feed the configuration does not have."""


def chosen_feeds(feeds: Sequence[FeedConfig], wanted: Sequence[str]) -> list[FeedConfig]:
    """The configured feeds named (by name or URL) in `wanted`; an unknown one is an error."""
    chosen = [f for f in feeds if f.name in wanted or f.url in wanted]
    known = {f.name for f in chosen} | {f.url for f in chosen}
    missing = [w for w in wanted if w not in known]
    if missing:
        raise UnknownFeed(f"no configured feed named {missing[0]!r} (see `monitor feeds`)")
    return chosen


def default_config_paths() -> list[Path]:
    """The shipped `feeds/` configuration (cases and news feeds)."""
    root = Path(str(resources.files("monitor._feeds")))
    return sorted(root.glob("*.toml"))


@dataclass
class DaemonOptions:
    config: Sequence[Path]
    db_url: str | None = None
    once: bool = False
    tick: float = 5.0
    metrics_port: int | None = None
    metrics_host: str = "127.0.0.1"  # 0.0.0.0 in a container, so a port mapping reaches it
    block_private: bool = False
    backfill: bool = False
    lease: float = 300.0
    listen: str | None = None  # HOST:PORT of the web application; else [http] listen, if any
    only: Sequence[str] = ()  # with `once`: poll these feeds (names or URLs) now, due or not


class JsonFormatter(logging.Formatter):
    """One JSON object a line, for log collectors."""

    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        return json.dumps(payload, ensure_ascii=False)


class BusyTickFilter(logging.Filter):
    """Drops the scheduler's warning that a tick found the previous poll still running: with
    one instance per job that is the design (the next tick polls what is due), not a fault,
    and on a slow network it would fill the log every few seconds."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "maximum number of running instances reached" not in record.getMessage()


def configure_logging(
    fmt: str = "text", stream: TextIO = sys.stderr, level: int = logging.INFO
) -> None:
    handler = logging.StreamHandler(stream)
    handler.setFormatter(
        JsonFormatter()
        if fmt == "json"
        else logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    # Alembic says at INFO which plugins and DDL modes it set up, on every start.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    scheduler_log = logging.getLogger("apscheduler.scheduler")
    if not any(isinstance(f, BusyTickFilter) for f in scheduler_log.filters):
        scheduler_log.addFilter(BusyTickFilter())


@contextlib.contextmanager
def single_instance(db_url: str) -> Iterator[None]:
    """On SQLite, hold an exclusive lock beside the database file for the daemon's life."""
    url = make_url(db_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        yield
        return
    path = Path(url.database).expanduser().with_suffix(".daemon.lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise AlreadyRunning(
                f"another `monitor run` is using {url.database}; on SQLite only one may run "
                "(use PostgreSQL for several instances)"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield


class Daemon:
    """The running product: scheduler, fetcher, app, and the state health checks read."""

    def __init__(self, app: App, config: Config, options: DaemonOptions) -> None:
        self.app = app
        self.config = config
        self.options = options
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        # The flag or the [security] table turns blocking on; neither can turn it off.
        block = options.block_private or config.security.block_private_addresses
        self.fetcher = Fetcher(FetchLimits(block_private=block))
        self.stopping = asyncio.Event()
        # The same request for worker threads (an ingest asks it between articles).
        self.halt = threading.Event()
        self.last_poll: dt.datetime | None = None
        self.last_report = PollReport()
        self.polls = 0
        self._busy = asyncio.Lock()
        self.dispatcher = Dispatcher(app.db, config.smtp, block_private=block)
        self.last_dispatch = DispatchReport()
        self.metrics = Metrics()

    async def poll(self) -> PollReport:
        """One poll of the due feeds; failures are logged, never fatal."""
        if self.stopping.is_set():
            return PollReport()
        async with self._busy:
            try:
                report = await poll_once(
                    self.app,
                    self.fetcher,
                    self.config.feeds,
                    owner=self.owner,
                    backfill=self.options.backfill,
                    lease=dt.timedelta(seconds=self.options.lease),
                    stop=self.halt.is_set,
                )
            except Exception:
                log.exception("poll failed; will try again at the next tick")
                return PollReport()
            self.polls += 1
            self.last_poll = dt.datetime.now(dt.UTC)
            self.last_report = report
            self._count(report)
            if report.polled:
                log.info(
                    "polled %d feeds: %d unchanged, %d errors, %d new articles, %d events",
                    report.polled,
                    report.not_modified,
                    report.errors,
                    report.new_articles,
                    report.events_appended,
                )
            return report

    async def dispatch(self) -> DispatchReport:
        """Deliver due alerts; failures are recorded on the alerts, never fatal."""
        if self.stopping.is_set():
            return DispatchReport()
        try:
            report = await self.dispatcher.dispatch_due()
        except Exception:
            log.exception("alert dispatch failed; will try again")
            return DispatchReport()
        self.last_dispatch = report
        self.metrics.alerts_sent.inc(report.sent)
        self.metrics.alert_failures.inc(report.retried + report.dead)
        if report.sent or report.dead:
            log.info(
                "alerts: %d sent, %d to retry, %d dead", report.sent, report.retried, report.dead
            )
        return report

    def _count(self, report: PollReport) -> None:
        m = self.metrics
        m.articles.inc(report.new_articles)
        m.events.inc(report.events_appended)
        for feed in self.config.feeds:
            if feed.url in report.problems:
                m.fetches.labels(feed.name, "error").inc()
            elif feed.url in report.fetched:
                m.fetches.labels(feed.name, "ok").inc()

    def stop(self) -> None:
        """Start a graceful stop: no new work, and running work ends at its next boundary."""
        if not self.stopping.is_set():
            log.info("stop requested: no new work; finishing what is in flight")
        self.halt.set()
        self.stopping.set()

    def health(self) -> dict[str, Any]:
        """For /healthz and /metrics: the figures of `monitor health`, refreshed into the gauges."""
        info = health(self.app)
        for name, value in info["projector_lag"].items():
            self.metrics.lag.labels(name).set(value)
        self.metrics.queue.set(info["alerts_queued"])
        self.metrics.dead.set(info["alerts_dead"])
        self.metrics.feeds_failing.set(info["feeds_failing"])
        self.metrics.projection_errors.set(info["projection_errors"])
        info["polls"] = self.polls
        info["last_poll"] = self.last_poll.isoformat() if self.last_poll else None
        return info

    async def check_gaps(self) -> None:
        try:
            added = await asyncio.to_thread(check_consular_gaps, self.app.db, dt.date.today())
        except Exception:
            log.exception("consular gap check failed")
            return
        if added:
            log.info("consular gap alerts raised: %d", added)

    def _on_signals(self, loop: asyncio.AbstractEventLoop) -> None:
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self.stop)

    async def run_once(self) -> PollReport:
        self._on_signals(asyncio.get_running_loop())
        report = await self.poll()
        await asyncio.to_thread(self.app.project, stop=self.halt.is_set)
        if not self.halt.is_set():
            await self.check_gaps()
            await self.dispatch()
        await self.dispatcher.aclose()
        await self.fetcher.aclose()
        return report

    async def reload(self) -> None:
        """SIGHUP: read the configuration files again; a bad one is refused, the old one kept."""
        try:
            config = await asyncio.to_thread(apply_config, self.app, self.options)
        except (ConfigError, ValueError) as exc:
            log.error("configuration not reloaded (the running one stays): %s", exc)
            return
        except Exception:
            log.exception("configuration not reloaded (the running one stays)")
            return
        async with self._busy:  # between polls, never in the middle of one
            self.config = config
            self.dispatcher.smtp = config.smtp
        log.info(
            "configuration reloaded: %d feeds, %d cases, %d subscriptions",
            len(config.feeds),
            len(config.book.cases),
            len(config.subscriptions),
        )

    async def run_forever(self) -> None:
        from apscheduler.schedulers.asyncio import AsyncIOScheduler

        loop = asyncio.get_running_loop()
        self._on_signals(loop)
        reloads: set[asyncio.Task[None]] = set()

        def on_hangup() -> None:
            log.info("SIGHUP: reloading the configuration")
            task = loop.create_task(self.reload())
            reloads.add(task)
            task.add_done_callback(reloads.discard)

        loop.add_signal_handler(signal.SIGHUP, on_hangup)
        web = await self._start_web()  # before any work: a bad address stops the start
        scheduler = AsyncIOScheduler(timezone="UTC")
        now = dt.datetime.now(dt.UTC)
        tick = self.options.tick
        # (job, every so many seconds, first run): feeds and alerts on the tick, gaps daily.
        jobs: list[tuple[Callable[[], Awaitable[object]], float, dt.datetime]] = [
            (self.poll, tick, now),
            (self.dispatch, tick, now + dt.timedelta(seconds=tick)),
            (self.check_gaps, 86400.0, now),
        ]
        for job, every, first in jobs:
            scheduler.add_job(
                job,
                "interval",
                seconds=every,
                id=job.__name__,
                max_instances=1,
                coalesce=True,
                next_run_time=first,
            )
        scheduler.start()
        server = None
        if self.options.metrics_port is not None:
            host = self.options.metrics_host
            server = serve(self.options.metrics_port, self.metrics, self.health, host)
            shown = f"[{host}]" if ":" in host else host
            log.info("metrics and health on http://%s:%d/", shown, server.server_address[1])
        log.info("case-monitor running as %s with %d feeds", self.owner, len(self.config.feeds))
        await self.stopping.wait()
        scheduler.shutdown(wait=False)
        try:
            async with asyncio.timeout(SHUTDOWN_GRACE):
                async with self._busy:
                    pass
        except TimeoutError:
            log.warning(
                "in-flight work did not finish in %ss; its transactions roll back", SHUTDOWN_GRACE
            )
        await self.fetcher.aclose()
        await self.dispatcher.aclose()
        if server is not None:
            server.shutdown()
        if web is not None:
            web_server, web_task = web
            web_server.should_exit = True
            await web_task

    async def _start_web(self) -> tuple[Any, asyncio.Task[None]] | None:
        """Serve the web application in this loop when `--listen` or `[http]` asks for it."""
        from monitor.bootstrap import web_app
        from monitor.config import HttpTable, parse_listen
        from monitor.web.server import bind, bound_port, make_server

        if self.options.listen is None and self.config.http is None:
            return None
        http = self.config.http or HttpTable()
        listen = self.options.listen
        host, port = parse_listen(listen) if listen else (http.host, http.port)
        sock = bind(host, port)
        server = make_server(web_app(self.app, http), host, port, embedded=True)
        task = asyncio.create_task(server.serve(sockets=[sock]), name="web")
        while not server.started and not task.done():
            await asyncio.sleep(0.02)
        if task.done():
            task.result()  # a bind error surfaces here, before the daemon claims to run
            raise OSError(f"the web application could not listen on {host}:{port}")
        log.info("web pages, API and Atom feeds on http://%s:%d/", host, bound_port(server))
        return server, task


def log_sync(report: SyncReport) -> None:
    """Say what following the configuration did to the subscriptions; removals are warnings."""
    if report.added or report.changed:
        log.info("subscriptions: %d added, %d changed", len(report.added), len(report.changed))
    if report.removed or report.cancelled:
        log.warning(
            "subscriptions: %d removed (%s), %d undelivered alerts cancelled "
            "(see `monitor alerts --state cancelled`)",
            len(report.removed),
            ", ".join(report.removed),
            report.cancelled,
        )


def run(options: DaemonOptions) -> int:
    """Wire, import the configured cases, and run once or until a signal."""
    from monitor.store.db import resolve_url

    # Until the scheduler takes the signals over, SIGTERM during start-up exits cleanly (status 0);
    # any open transaction rolls back as the stack unwinds.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    # The files are checked before the database is opened, their references to
    # stored cases once it is; either way a bad configuration stops before any work.
    config = parse_config(list(options.config) or default_config_paths())
    check_environment(config)
    if options.listen:
        from monitor.config import parse_listen

        parse_listen(options.listen)  # a bad address is a one-line error before any work
    url = resolve_url(options.db_url)
    with single_instance(url):
        app = bootstrap(url, review=config.review.policy)
        log.info("database: %s", make_url(url).render_as_string(hide_password=True))
        try:
            config = apply_config(app, options)
            if app.db.is_sqlite:
                # The lock file makes this the only instance: leases left by a killed
                # predecessor are stale, and waiting them out would only delay the news.
                release_all_leases(app.db)
            if options.only:
                chosen = chosen_feeds(config.feeds, options.only)
                now = dt.datetime.now(dt.UTC)
                sync_feeds(app.db, chosen, now)
                make_due(app.db, [f.url for f in chosen], now)
                config.feeds = chosen
            daemon = Daemon(app, config, options)
            if options.once:
                report = asyncio.run(daemon.run_once())
                print(
                    f"polled {report.polled} feeds: {report.not_modified} unchanged, "
                    f"{report.errors} errors, {report.entries} entries, "
                    f"{report.new_articles} new articles, {report.events_appended} events appended"
                )
                return 0
            asyncio.run(daemon.run_forever())
            return 0
        finally:
            app.close()


def apply_config(app: App, options: DaemonOptions) -> Config:
    """Read the configuration files and make the database follow them: cases imported,
    subscriptions synchronised. At start and on SIGHUP; raises ConfigError if they are bad."""
    config = parse_config(list(options.config) or default_config_paths())
    check_environment(config)
    with app.db.read() as conn:
        config = checked(config, stored=load_book(conn))
    if config.book.cases:
        import_cases(app.store, config.book)
    with app.db.write() as conn:
        synced = sync_subscriptions(conn, config.subscriptions, dt.datetime.now(dt.UTC))
    log_sync(synced)
    return config


def health(app: App) -> dict[str, Any]:
    """A one-look summary: projector lag and skipped events, feeds in error, the alert queue.

    `ok` is the one verdict both `monitor health` and /healthz give: no projector behind
    or skipping events, and not every feed failing.
    """
    from monitor.alerts.outbox import list_alerts
    from monitor.polling import feed_rows
    from monitor.projections.runner import error_count, lag

    feeds = feed_rows(app.db)
    lags = {p.name: lag(app.db, app.store, p.name) for p in app.projectors}
    queue = list_alerts(app.db, ["pending", "sending"])
    failing = sum(1 for f in feeds if f["consecutive_errors"])
    skipped = error_count(app.db)
    ok = max(lags.values(), default=0) == 0 and skipped == 0 and failing < max(1, len(feeds))
    return {
        "ok": ok,
        "status": "ok" if ok else "degraded",
        "alerts_queued": len(queue),
        "alerts_dead": len(list_alerts(app.db, ["dead"])),
        "events": app.store.head(),
        "projector_lag": lags,
        "projection_errors": skipped,
        "feeds": len(feeds),
        "feeds_failing": failing,
    }
