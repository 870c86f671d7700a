#!/usr/bin/env python3
"""case-monitor benchmarks: print each figure with the machine and conditions beside it.

    .venv/bin/python bench/run.py              # everything, SQLite and PostgreSQL, < 10 minutes
    .venv/bin/python bench/run.py --full       # the issue's sizes everywhere (about 30 minutes)
    .venv/bin/python bench/run.py --quick      # smaller sizes, for a smoke run
    .venv/bin/python bench/run.py --only classify,append --db sqlite
    .venv/bin/python bench/run.py --full --only growth     # 0 to 1,000,000 events (issue 15)
    .venv/bin/python bench/run.py --full --only seed,daemons

PostgreSQL comes from MONITOR_TEST_POSTGRES_URL (default: the local test
database); each run uses a fresh schema and drops it. Only loopback addresses
are used. Results are printed as Markdown rows for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import json
import os
import platform
import random
import resource
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.exc import DBAPIError  # noqa: E402

from monitor.article_file import read_articles  # noqa: E402
from monitor.bootstrap import bootstrap  # noqa: E402
from monitor.classify.extract import Classifier  # noqa: E402
from monitor.classify.train import day_items  # noqa: E402
from monitor.config import load_cases  # noqa: E402
from monitor.domain.articles import Article  # noqa: E402
from monitor.domain.cases import Case, CaseBook  # noqa: E402
from monitor.ingest import import_cases  # noqa: E402
from monitor.store.events import NewEvent  # noqa: E402
from monitor.store.schema import events as events_table  # noqa: E402
from monitor.store.sources import index_sources  # noqa: E402

SHARED = ROOT.parent / "shared"
PG = os.environ.get(
    "MONITOR_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)

GIVEN = [
    "Anna",
    "Daniel",
    "Hiro",
    "Maria",
    "Omar",
    "Lena",
    "Ivan",
    "Sara",
    "Jonas",
    "Mei",
    "Ali",
    "Nadia",
    "Peter",
    "Chen",
    "Lucia",
    "Tomas",
    "Aisha",
    "Karim",
    "Elena",
    "Yusuf",
]
FAMILY = [
    "Lindqvist",
    "Okafor",
    "Tanaka",
    "Petrov",
    "Haddad",
    "Novak",
    "Kowalski",
    "Moreau",
    "Fischer",
    "Rossi",
    "Silva",
    "Nguyen",
    "Kaya",
    "Dubois",
    "Jansen",
    "Horvat",
    "Larsen",
    "Costa",
    "Weber",
    "Popescu",
]


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    mem = int(
        next(
            line.split()[1]
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
    ) // (1024 * 1024)
    return (
        f"{os.cpu_count()} cores ({cpu}), {mem} GiB RAM, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )


ROWS: list[str] = []


def report(db: str, what: str, value: float, unit: str, note: str = "") -> None:
    # Two decimals below 10: a ratio of 0.85 is not "0.9", a status read of 0.04 s not "0.0".
    figure = f"{value:,.2f}" if abs(value) < 10 else f"{value:,.1f}"
    row = f"| {db} | {what} | {figure} {unit} | {note} |"
    ROWS.append(row)
    print(row, flush=True)


@contextmanager
def database(kind: str) -> Iterator[str]:
    if kind == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            yield f"sqlite:///{tmp}/bench.db"
        return
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{PG}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def synthetic_book(n: int) -> CaseBook:
    rng = random.Random(n)
    cases, seen = [], set()
    while len(cases) < n:
        name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}{rng.randrange(10000)}"
        if name in seen:
            continue
        seen.add(name)
        cases.append(Case(f"c{len(cases)}", name, (), "CN", ("CA",)))
    return CaseBook(tuple(cases))


def seed_articles() -> tuple[CaseBook, list[Article]]:
    """The five real seed articles, or our own test articles where ../shared is absent."""
    dev = SHARED / "eval" / "dev"
    if not dev.is_dir():
        dev = ROOT / "tests" / "data"
    return load_cases(dev / "cases.toml"), list(read_articles(dev / "articles.jsonl"))


def bench_classify(n: int) -> None:
    book, seeds = seed_articles()
    stream = [seeds[i % len(seeds)] for i in range(n)]
    for label, cases in (
        ("5 seed cases", book),
        ("10,000 cases", CaseBook(synthetic_book(10_000).cases + book.cases, book.groups)),
    ):
        classifier = Classifier(cases)
        seconds, found = timed(lambda c=classifier: sum(len(c(a)) for a in stream))
        report(
            "-",
            f"classify {n:,} seed articles, {label}",
            n / seconds,
            "articles/s",
            f"one core; {found:,} developments",
        )


def bench_classify_feed_items(n: int) -> None:
    """The issue's speed goals: 10,000 configured cases, one core; real feed items that name no
    configured case (most of the stream) and labelled items that name one."""
    news = SHARED / "eval" / "news"
    if not news.is_dir():
        print("(skipped: feed-item classification needs ../shared/eval/news)")
        return
    book = load_cases(news / "cases.toml")
    cases = CaseBook(synthetic_book(10_000).cases + book.cases, book.groups)
    classifier = Classifier(cases)
    labelled = list(read_articles(news / "articles.jsonl"))
    naming = labelled
    stream = [a for a in real_items(n) if not _names_a_case(classifier, a)][:n]
    seconds, _ = timed(lambda: [classifier(a) for a in stream])
    report(
        "-",
        f"classify {len(stream):,} real feed items naming no case, 10,000 cases",
        len(stream) / seconds,
        "items/s",
        "one core; ../shared/data/news, 2020-2024",
    )
    one = [a for a in naming if _names_a_case(classifier, a)]
    reps = [one[i % len(one)] for i in range(max(n // 10, len(one)))]
    seconds, found = timed(lambda: sum(len(classifier(a)) for a in reps))
    report(
        "-",
        f"classify {len(reps):,} labelled feed items naming a case, 10,000 cases",
        len(reps) / seconds,
        "items/s",
        f"one core; eval/news repeated; {found:,} developments",
    )


def _names_a_case(classifier: Classifier, article: Article) -> bool:
    from monitor.classify.mentions import find_mentions
    from monitor.classify.text import sentences

    return any(find_mentions(classifier.index, sentences(article.title, article.text)))


def new_event(i: int) -> NewEvent:
    return NewEvent(
        "Tested",
        1,
        {"n": i, "evidence": "Anna Lindqvist was released on Friday."},
        {"article_id": f"a{i}"},
        f"k{uuid.uuid4().hex}",
        "2023-06-16",
        "day",
    )


def bench_append(kind: str, single: int, batches: int, size: int) -> None:
    """The store's appends against a plain batched INSERT of the same rows, each timed alone
    (events built before the clock starts, as the plain rows are)."""
    with database(kind) as url:
        app = bootstrap(url)
        store = app.store
        ones = [new_event(i) for i in range(single)]
        seconds, _ = timed(
            lambda: [store.append(f"case:s{i % 50}", [e]) for i, e in enumerate(ones)]
        )
        report(
            kind, f"append, one event per transaction ({single:,})", single / seconds, "events/s"
        )
        groups = [[new_event(i * size + j) for j in range(size)] for i in range(batches)]
        seconds, _ = timed(
            lambda: [store.append(f"case:b{i % 50}", g) for i, g in enumerate(groups)]
        )
        append_rate = batches * size / seconds
        report(
            kind,
            f"append, {size} events per transaction ({batches * size:,})",
            append_rate,
            "events/s",
        )
        rows = [
            _row(e, f"case:p{i % 50}", 10_000_000 + i * size + j, i * size + j + 1)
            for i, g in enumerate(groups)
            for j, e in enumerate(g)
        ]

        def plain() -> None:
            for i in range(batches):
                with app.db.write() as conn:
                    conn.execute(events_table.insert(), rows[i * size : (i + 1) * size])

        seconds, _ = timed(plain)
        plain_rate = batches * size / seconds
        report(
            kind,
            f"plain batched INSERT, {size} rows per transaction",
            plain_rate,
            "rows/s",
            f"append/INSERT ratio {append_rate / plain_rate:.2f}",
        )
        app.close()


def _row(e: NewEvent, stream: str, position: int, version: int) -> dict[str, Any]:
    """The row the store would write for `e`, under another key, for the plain INSERT."""
    row = e.row(stream, position, version, dt.datetime.now(dt.UTC))
    return {**row, "idempotency_key": f"plain-{e.idempotency_key}"}


def _development_rows(n: int, cases: int) -> Iterator[list[dict[str, Any]]]:
    """A realistic store: per case, developments recorded once and corroborated many times."""
    now = dt.datetime.now(dt.UTC)
    types = ["detained", "consular_visit", "diplomatic_action", "hearing", "trial"]
    versions = [0] * cases
    batch: list[dict[str, Any]] = []
    for pos in range(1, n + 1):
        c = pos % cases
        versions[c] += 1
        v = versions[c]
        dev_id = f"d{c}-{(v - 1) // 20}"
        if v % 20 == 1:
            typ, data = (
                "DevelopmentRecorded",
                {
                    "development_id": dev_id,
                    "case": f"c{c}",
                    "type": types[(v // 20) % 5],
                    "date": f"20{10 + (v // 20) % 14}-0{1 + v % 9}",
                    "evidence": "…",
                    "confidence": 0.8,
                    "rule": "bench",
                    "source": {"article_id": f"a{pos}"},
                },
            )
        else:
            typ, data = (
                "DevelopmentCorroborated",
                {
                    "development_id": dev_id,
                    "case": f"c{c}",
                    "source": {"article_id": f"a{pos}"},
                    "evidence": "…",
                    "confidence": 0.8,
                },
            )
        batch.append(
            {
                "position": pos,
                "stream": f"case:c{c}",
                "version": v,
                "type": typ,
                "schema_version": 1,
                "data": data,
                "metadata": {},
                "occurred_on": None,
                "occurred_precision": None,
                "recorded_at": now,
                "idempotency_key": f"e{pos}",
                "content_hash": "0" * 64,
            }
        )
        if len(batch) == 10_000:
            yield batch
            batch = []
    if batch:
        yield batch


def bench_replay(kind: str, sizes: list[int]) -> None:
    for n in sizes:
        with database(kind) as url:
            app = bootstrap(url)
            cases = max(n // 1000, 10)
            import_cases(
                app.store,
                CaseBook(
                    tuple(Case(f"c{i}", f"Case {i}", (), "CN", ("CA",)) for i in range(cases))
                ),
            )
            head = app.store.head()
            for batch in _development_rows(n, cases):
                for row in batch:
                    row["position"] += head
                    row["version"] += 1
                with app.db.write() as conn:
                    conn.execute(events_table.insert(), batch)
                    index_sources(conn, batch)  # as the store's append does
            seconds, count = timed(lambda a=app: sum(1 for _ in a.store.iter_all(batch=10_000)))
            report(kind, f"replay: read all {count:,} events", count / seconds, "events/s")
            seconds, _ = timed(app.rebuild)
            report(
                kind,
                f"projection rebuild, {n:,} events ({cases:,} cases)",
                seconds,
                "s",
                f"{n / seconds:,.0f} events/s",
            )
            app.close()


def real_items(limit: int | None) -> list[Article]:
    root = SHARED / "data" / "news" / "rss-link-database"
    out: list[Article] = []
    for path in sorted(root.rglob("*.json")):
        for item in day_items(json.loads(path.read_text())):
            from monitor.domain.articles import parse_published
            from monitor.fetch.parse import html_to_text

            out.append(
                Article(
                    id=str(item.get("link") or f"{path.name}-{len(out)}")[:190],
                    title=html_to_text(item.get("title") or ""),
                    text=html_to_text(item.get("description") or ""),
                    published=parse_published(str(item.get("date_published") or "")[:19]),
                    url=item.get("link"),
                    feed=str(item.get("source") or "")[:190],
                )
            )
            if limit and len(out) >= limit:
                return out
    return out


def bench_ingest(kind: str, n: int, real_limit: int | None) -> None:
    book, seeds = seed_articles()
    for label, cases in (
        ("10 cases", CaseBook(synthetic_book(6).cases + book.cases, book.groups)),
        ("10,000 cases", CaseBook(synthetic_book(10_000).cases + book.cases, book.groups)),
    ):
        with database(kind) as url:
            app = bootstrap(url)
            import_cases(app.store, cases)
            app.ingest([])  # one-off: project the case definitions, build the classifier
            stream = [
                Article(f"{a.id}-{i}", a.title, f"{a.text}\n\n(copy {i})", a.published, None)
                for i, a in ((i, seeds[i % len(seeds)]) for i in range(n))
            ]
            seconds, result = timed(lambda a=app, s=stream: a.ingest(s))
            report(
                kind,
                f"ingest {n:,} seed articles end to end, {label}",
                n / seconds,
                "articles/s",
                f"{result.events_appended:,} events; cases imported and projected beforehand",
            )
            app.close()
    items = real_items(real_limit)
    if not items:
        print(f"| {kind} | real feed items | skipped | {SHARED / 'data'} is absent |")
        return
    with database(kind) as url:
        app = bootstrap(url)
        import_cases(app.store, book)
        app.ingest([])
        seconds, result = timed(lambda: app.ingest(items))
        report(
            kind,
            f"ingest {len(items):,} real feed items (2020-2024), seed cases",
            len(items) / seconds,
            "articles/s",
            f"{result.new_articles:,} new, {result.developments_found:,} developments found, "
            f"{result.events_appended:,} events",
        )
        app.close()


def _cpu_seconds() -> float:
    """CPU time of this process and its exited children (the classifier worker)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _tree_cpu_seconds() -> float:
    """CPU time of this process, its exited children, and its live children (the classifier
    worker lives as long as the App), read from /proc; where /proc is absent, the first two."""
    total = _cpu_seconds()
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    me = str(os.getpid())
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            after_name = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # gone meanwhile
        if after_name[1] == me:  # ppid; utime and stime are fields 14 and 15 of stat
            total += (int(after_name[11]) + int(after_name[12])) / tick
    return total


class ServerCpu:
    """CPU time of the PostgreSQL backends serving one engine (the server runs on this
    machine): each new connection records its backend's pid, read from /proc/PID/stat."""

    def __init__(self, engine: Any) -> None:
        from sqlalchemy import event

        self.pids: set[int] = set()
        self.gone = 0.0  # CPU of backends that have exited since (their last reading)
        self._last: dict[int, float] = {}
        if engine.dialect.name != "postgresql":
            return

        @event.listens_for(engine, "connect")
        def _record(dbapi_conn: Any, _record: Any) -> None:
            with dbapi_conn.cursor() as cur:
                cur.execute("SELECT pg_backend_pid()")
                self.pids.add(int(cur.fetchone()[0]))

        engine.dispose()  # connections made before the listener are replaced by recorded ones

    def seconds(self) -> float:
        tick = os.sysconf("SC_CLK_TCK")
        total = self.gone
        for pid in list(self.pids):
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                last = self._last.pop(pid, 0.0)  # exited: keep its last reading
                self.gone += last
                total += last
                self.pids.discard(pid)
                continue
            self._last[pid] = (int(fields[11]) + int(fields[12])) / tick
            total += self._last[pid]
        return total


def bench_seed_stream(kind: str, n: int) -> None:
    """The seed articles copied `n` times against 10 cases, end to end and without
    classification (classified beforehand), each into a fresh store."""
    book, seeds = seed_articles()
    cases = CaseBook(synthetic_book(6).cases + book.cases, book.groups)
    for label in ("end to end", "excluding classification"):
        with database(kind) as url:
            app = bootstrap(url)
            import_cases(app.store, cases)
            app.ingest([])
            stream = [
                Article(f"{a.id}-{i}", a.title, f"{a.text}\n\n(copy {i})", a.published, None)
                for i, a in ((i, seeds[i % len(seeds)]) for i in range(n))
            ]
            server = ServerCpu(app.db.engine)

            def split(server: ServerCpu = server) -> tuple[float, float, float]:
                """CPU so far: this process, its children (the worker), the database server."""
                own = resource.getrusage(resource.RUSAGE_SELF)
                main = own.ru_utime + own.ru_stime
                return main, _tree_cpu_seconds() - main, server.seconds()

            if label == "end to end":
                before = split()
                seconds, result = timed(lambda a=app, s=stream: a.ingest(s))
            else:
                with app.db.read() as conn:
                    classifier = app.classifier(app._book.read(conn))
                found = {a.id: classifier(a, classifier.book) for a in stream}
                before = split()
                seconds, result = timed(
                    lambda a=app, s=stream, f=found, b=classifier.book: _write_only(a, s, f, b)
                )
            main, worker, backend = (
                (after - start) / n * 1000 for after, start in zip(split(), before, strict=True)
            )
            app.close()
            workers = app.classifier_workers
            where = (
                f"; classified in {workers} worker process{'es' if workers > 1 else ''}"
                if label == "end to end"
                else ""
            )
            server_note = f", PostgreSQL backends {backend:.2f}" if kind == "postgresql" else ""
            # On two free cores: writing waits on the server; the workers run beside it, each
            # taking its share of the classifying; and all of it shares the two cores.
            bound = min(
                1000 / (main + backend),
                workers * 1000 / worker if worker > 0 else float("inf"),
                2000 / (main + worker + backend),
            )
            report(
                kind,
                f"ingest {n:,} seed articles, 10 cases, {label}",
                n / seconds,
                "articles/s",
                f"{result.events_appended:,} events; 50 articles per transaction{where}; CPU per "
                f"article: main process {main:.2f} ms"
                f"{f', workers {worker:.2f}' if label == 'end to end' else ''}{server_note}; "
                f"about {bound:,.0f} articles/s on two free cores",
            )


def reset_peak_rss() -> None:
    """Restart the kernel's peak-RSS count (Linux); elsewhere the peak stays process-wide."""
    with suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def rss_mb(field: str = "VmHWM") -> float:
    """The process's resident memory (VmRSS) or its peak since reset_peak_rss() (VmHWM)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_fetch(kind: str, feeds: int) -> None:
    from monitor.config import FeedConfig
    from monitor.fetch.http import Fetcher, FetchLimits
    from monitor.polling import poll_once
    from tests.feedserver import FeedServer, conditional, rss

    server = FeedServer()
    body = rss(
        [
            {"id": f"i{i}", "title": f"Item {i}", "text": "Markets rose on Monday."}
            for i in range(20)
        ]
    )
    changing: dict[str, int] = {}

    def fresh(path: str) -> Any:
        def route(h: Any) -> None:
            changing[path] = changing.get(path, 0) + 1
            from tests.feedserver import send

            send(
                h,
                200,
                rss(
                    [
                        {
                            "id": f"{path}-{changing[path]}-{i}",
                            "title": f"News {i}",
                            "text": "Markets rose on Monday.",
                        }
                        for i in range(20)
                    ]
                ),
                {"Content-Type": "application/rss+xml"},
            )

        return route

    for i in range(feeds):
        server.routes[f"/u{i}"] = conditional(body)
        server.routes[f"/c{i}"] = fresh(f"/c{i}")
    server.start()
    try:
        with database(kind) as url:
            app = bootstrap(url)
            for prefix, label in (("u", "unchanged (304)"), ("c", "all changed")):
                configs = [
                    FeedConfig(server.url(f"/{prefix}{i}"), f"{prefix}{i}", 60)
                    for i in range(feeds)
                ]

                async def go(now: dt.datetime, configs: list[FeedConfig] = configs) -> Any:
                    fetcher = Fetcher(FetchLimits())
                    try:
                        return await poll_once(
                            app, fetcher, configs, owner="bench", concurrency=32, now=now
                        )
                    finally:
                        await fetcher.aclose()

                asyncio.run(go(dt.datetime.now(dt.UTC)))  # first poll: learn validators
                later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
                gc.collect()
                reset_peak_rss()
                before = rss_mb("VmRSS")
                seconds, result = timed(lambda g=go, t=later: asyncio.run(g(t)))
                report(
                    kind,
                    f"poll {feeds:,} feeds on loopback, {label}",
                    seconds,
                    "s",
                    f"{result.polled:,} polled, {result.not_modified:,} not modified; "
                    f"peak RSS {rss_mb():,.0f} MB, {before:,.0f} MB before the poll "
                    "(one process with the loopback server)",
                )
            app.close()
    finally:
        server.stop()


# ---------------------------------------------------------------------------------------------
# Growth: one store from 0 to 1,000,000 events with real proportions (issue 15).

FAMOUS_SHARE = 0.5  # of the reports that name a case, half are about a few famous cases
NO_CASE_PER_CASE_ARTICLE = 3  # most articles name no case
GROWTH_REPEATS = 3
GROWTH_TYPES = ["detained", "charged", "trial", "consular_visit", "diplomatic_action", "hearing"]
# Developments per case: a famous case has a couple of hundred, reported thousands of times.
FAMOUS_DEVELOPMENTS = 200
TAIL_DEVELOPMENTS = 40


class _Grower:
    """Appends the events (and article rows, and decision snapshots) that ingest would have
    written for a realistic stream, through the store's own append path, far faster than
    classifying: a few famous cases with thousands of reports of a couple of hundred
    developments, a long tail of small cases, and three articles naming no case for each one
    that names one."""

    def __init__(self, app: Any, famous: list[str], tail: list[str], seed: int = 15) -> None:
        self.app = app
        self.famous = famous
        self.famous_set = set(famous)
        self.tail = tail
        self.rng = random.Random(seed)
        self.developments: dict[str, int] = {}  # per case: how many developments so far
        self.since_snapshot: dict[str, int] = {}
        self.articles = 0

    def _case(self) -> str:
        if self.rng.random() < FAMOUS_SHARE:
            return self.rng.choice(self.famous)
        # A long tail: small cases are reported rarely, a few of them more often.
        index = min(int(self.rng.paretovariate(1.2)) - 1, len(self.tail) - 1)
        return self.tail[(index * 7919) % len(self.tail)]

    def _events(self, case: str, article: Article) -> list[NewEvent]:
        from monitor.domain.events import DevelopmentCorroborated, DevelopmentRecorded, Metadata
        from monitor.store.codec import encode

        meta = Metadata(article_id=article.id, classifier_version="bench", causation="ingest")
        count = self.developments.get(case, 0)
        wanted = self.rng.randint(1, 9)
        out = []
        picked: set[int] = set()
        for _ in range(wanted):
            cap = FAMOUS_DEVELOPMENTS if case in self.famous_set else TAIL_DEVELOPMENTS
            if count == 0 or (count < cap and self.rng.random() < 0.05):
                k = count
                count += 1
                # One detention, charge and trial, then visits, calls and hearings.
                kind = GROWTH_TYPES[k] if k < 3 else GROWTH_TYPES[3 + k % 3]
                dev_id = f"g-{case}-{k}"
                event: Any = DevelopmentRecorded(
                    dev_id,
                    case,
                    kind,
                    f"{2015 + k % 10}-{1 + k % 12:02d}",
                    "…",
                    0.8,
                    "bench",
                    article.source(),
                )
                key = f"dev:{dev_id}:recorded"
            else:
                k = self.rng.randrange(count)
                if k in picked:
                    continue
                dev_id = f"g-{case}-{k}"
                event = DevelopmentCorroborated(dev_id, case, article.source(), "…", 0.8)
                key = f"dev:{dev_id}:source:{article.id}"
            picked.add(k)
            out.append(encode(event, key, meta))
        self.developments[case] = count
        return out

    def grow(self, events: int, chunk: int = 1_000) -> None:
        from monitor.domain.events import case_stream
        from monitor.ingest import _article_row
        from monitor.store.events import lock_for_append
        from monitor.store.schema import articles
        from monitor.store.snapshots import SNAPSHOT_EVERY, load_state, save_snapshot

        done = 0
        while done < events:
            pending: list[tuple[str, NewEvent]] = []
            rows = []
            now = dt.datetime.now(dt.UTC)
            while len(pending) < min(chunk, events - done):
                self.articles += 1
                a = Article(
                    f"grow-{self.articles}",
                    f"Report {self.articles}",
                    f"text {self.articles}",
                    dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
                    f"https://news.example.org/grow/{self.articles}",
                )
                case = self._case()
                rows.append(_article_row(a, a.url, f"h{self.articles}", now))
                pending.extend((case_stream(case), e) for e in self._events(case, a))
                for _ in range(NO_CASE_PER_CASE_ARTICLE):
                    self.articles += 1
                    n = self.articles
                    rows.append(
                        {
                            **rows[-1],
                            "id": f"grow-{n}",
                            "url": f"https://news.example.org/grow/{n}",
                            "canonical_url": f"https://news.example.org/grow/{n}",
                            "content_hash": f"h{n}",
                        }
                    )
            with self.app.db.write() as conn:
                lock_for_append(conn)
                conn.execute(articles.insert(), rows)
                self.app.store.append_streams_in(conn, {}, pending)
                # A snapshot per SNAPSHOT_EVERY events of a stream, as ingest writes them.
                for stream, _ in pending:
                    self.since_snapshot[stream] = self.since_snapshot.get(stream, 0) + 1
                for stream, n in list(self.since_snapshot.items()):
                    if n >= SNAPSHOT_EVERY:
                        state = load_state(self.app.store, conn, stream)
                        save_snapshot(conn, stream, state, now)
                        self.since_snapshot[stream] = 0
            done += len(pending)
            self.app.project()


def _growth_sample(
    seeds: list[Article], fillers: Iterator[Article], step: int, tag: str, size: int
) -> list[Article]:
    """`size` fresh articles: a tenth are copies of the seed articles (they name the famous
    cases and report many developments each), the rest name no case."""
    out = []
    for i in range(size):
        if i % 10 == 0:
            a = seeds[(i // 10) % len(seeds)]
            out.append(
                Article(
                    f"{a.id}-{tag}-{step}-{i}",
                    a.title,
                    f"{a.text}\n\n({tag} copy {step}.{i})",
                    a.published,
                    None,
                )
            )
        else:
            f = next(fillers)
            out.append(
                Article(
                    # Within the stored id's 200 characters (some feed ids are long URLs).
                    f"{f.id[:150]}-{tag}-{step}-{i}",
                    f.title,
                    f"{f.text} ({tag} {step}.{i})",
                    f.published,
                    None,
                    feed=f.feed,
                )
            )
    return out


def _fillers() -> Iterator[Article]:
    """Articles that name no case: the real feed items when ../shared is there, else plain
    news-like sentences."""
    items = real_items(20_000)
    i = 0
    while True:
        if items:
            yield items[i % len(items)]
        else:
            yield Article(
                f"filler-{i}",
                f"Markets close higher on day {i}",
                "Shares rose in early trading as investors weighed the central bank's outlook. "
                "Analysts expect the rally to continue into the next quarter.",
                dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
                None,
            )
        i += 1


def _write_only(app: Any, articles: list[Article], found: dict[str, Any], book: Any) -> Any:
    """Ingest with the classification done beforehand: the writing side alone."""
    from monitor.classify.extract import CLASSIFIER_VERSION
    from monitor.ingest import ingest_articles

    result = ingest_articles(
        app.store,
        articles,
        lambda a, _b: found[a.id],
        CLASSIFIER_VERSION,
        book=book,
        states=app._states,
    )
    app.project()
    return result


def _wal_bytes(engine: Any) -> int:
    """PostgreSQL's write-ahead log position in bytes: what a sample wrote."""
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")).scalar_one())


def _relation_sizes(engine: Any) -> str:
    """The largest tables and indexes of this schema on PostgreSQL, in MB: what must fit in
    the server's shared buffers for an insert to touch only cached pages."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT c.relname, c.relkind, pg_relation_size(c.oid) FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'i') "
                "ORDER BY 3 DESC LIMIT 12"
            )
        ).all()
    total = sum(r[2] for r in rows if r[1] == "i") / 2**20
    listed = ", ".join(f"{r[0]} {r[2] / 2**20:,.0f}" for r in rows)
    return f"indexes {total:,.0f} MB in all; largest relations (MB): {listed}"


def bench_growth(kind: str, total: int, step: int, sample: int) -> None:
    """Grow one store to `total` events; at every `step`, the ingest rate and memory."""
    from monitor.projections.reports import current_status, status_as_of

    book, seeds = seed_articles()
    tail_book = synthetic_book(1_000)
    cases = CaseBook(tail_book.cases + book.cases, book.groups)
    fillers = _fillers()
    with database(kind) as url, database(kind) as fresh_url:
        app = bootstrap(url)
        import_cases(app.store, cases)
        app.ingest([])
        # A second store that does not grow (but for the samples it takes), sampled in turn
        # with the grown one at every step: the same minutes of this machine, whose speed
        # moves by 15-40% over a run, so their ratio is the store's growth, not the machine's.
        fresh = bootstrap(fresh_url)
        import_cases(fresh.store, cases)
        fresh.ingest(_growth_sample(seeds, fillers, 0, "fresh-warm-up", 200))
        grower = _Grower(app, [c.key for c in book.cases], [c.key for c in tail_book.cases])
        with app.db.read() as conn:
            classifier = app.classifier(app._book.read(conn))
        server = ServerCpu(app.db.engine)

        def cpu_now() -> float:
            return _tree_cpu_seconds() + server.seconds()

        # Start the classifier worker first, so the first step's CPU is not its start-up.
        app.ingest(_growth_sample(seeds, fillers, 0, "warm-up", 200))
        # Every step ingests the same articles (fresh ids and a fresh line, so each is new to
        # the store): only the store changes between steps, not the mix of long and short
        # items. The best of GROWTH_REPEATS samples, as timeit does: this machine's speed
        # moves by 15% from minute to minute, and a slower minute is not a larger store.
        same = [next(fillers) for _ in range(sample)]
        rates: list[tuple[int, float, float, float, float, float, float]] = []
        while True:
            head = app.store.head()
            e2e_runs, write_runs, wal_kb, fresh_runs = [], [], [], []
            for run in range(GROWTH_REPEATS):
                beside = _growth_sample(seeds, iter(same), head, f"fresh{run}", sample)
                if run % 2:  # the two stores take turns going first
                    fresh_runs.append(timed(lambda s=beside: fresh.ingest(s))[0])
                articles = _growth_sample(seeds, iter(same), head, f"e2e{run}", sample)
                cpu = cpu_now()
                seconds, result = timed(lambda a=app, s=articles: a.ingest(s))
                e2e_runs.append((seconds, (cpu_now() - cpu) / sample * 1000))
                if not run % 2:
                    fresh_runs.append(timed(lambda s=beside: fresh.ingest(s))[0])
                # The same with the classification done beforehand: the writing side alone.
                articles = _growth_sample(seeds, iter(same), head, f"write{run}", sample)
                found = {a.id: classifier(a, classifier.book) for a in articles}
                wal = _wal_bytes(app.db.engine) if kind == "postgresql" else None
                cpu = cpu_now()
                write_seconds, _ = timed(
                    lambda s=articles, f=found: _write_only(app, s, f, classifier.book)
                )
                write_runs.append((write_seconds, (cpu_now() - cpu) / sample * 1000))
                if wal is not None:
                    wal_kb.append((_wal_bytes(app.db.engine) - wal) / sample / 1024)
            seconds, e2e_cpu = min(e2e_runs)
            write_seconds, write_cpu = min(write_runs)
            e2e = sample / seconds
            alongside = sample / min(fresh_runs)
            wal_note = f"; WAL {min(wal_kb):.1f} kB per article" if wal_kb else ""
            walls = ", ".join(f"{sample / r[0]:,.0f}" for r in e2e_runs)
            gc.collect()
            rss = rss_mb("VmRSS")
            rates.append((head, e2e, sample / write_seconds, rss, e2e_cpu, write_cpu, alongside))
            report(
                kind,
                f"growth: ingest at {head:,} events",
                e2e,
                "articles/s",
                f"{sample / write_seconds:,.0f}/s excluding classification; CPU per article "
                f"{e2e_cpu:.2f} ms end to end (main process and classifier worker"
                f"{'' if kind == 'sqlite' else ' and its PostgreSQL backends'}), "
                f"{write_cpu:.2f} ms excluding classification; RSS {rss:,.0f} MB; "
                f"{result.events_appended:,} events from {sample:,} articles; best of "
                f"{GROWTH_REPEATS} samples (end to end {walls}/s)"
                f"{wal_note}; the store that does not grow, alongside: {alongside:,.1f}/s "
                f"(this store {e2e / alongside:.2f}× of it)",
            )
            if kind == "postgresql":
                print(f"  sizes at {head:,} events: {_relation_sizes(app.db.engine)}", flush=True)
            if head >= total:
                break
            target = min((head // step + 1) * step, total)
            seconds, _ = timed(lambda t=target: grower.grow(t - app.store.head()))
            if kind == "postgresql":
                # Autovacuum's ANALYZE keeps the planner's statistics current as a store grows
                # (it is off on our test server); this store grows 100,000 events in seconds.
                tables = ", ".join(t.name for t in events_table.metadata.sorted_tables)
                for store in (app, fresh):  # the other store's samples grow it too
                    with store.db.write() as conn:
                        conn.execute(text(f"ANALYZE {tables}"))  # this schema's tables only
                # The grown events reached the server in seconds, not over the days a monitor
                # takes to write them: their WAL forces a checkpoint whose writes would land
                # in the sample below. A store that grew at the monitor's pace has long been
                # checkpointed; so is this one, outside the timing.
                try:
                    with app.db.engine.connect() as conn:
                        conn.execute(text("CHECKPOINT"))
                except DBAPIError as exc:  # not a superuser (nor pg_checkpoint): say so
                    print(f"(no CHECKPOINT after growing: {exc.orig})", file=sys.stderr)
            report(
                kind,
                f"growth: grow the store to {app.store.head():,} events",
                seconds,
                "s",
                "appended through EventStore.append_streams_in in 1,000-event transactions, "
                "with article rows and decision snapshots, projected after each",
            )
        first, last = rates[0], rates[-1]
        mems = [r[3] for r in rates]
        report(
            kind,
            f"growth: rate at {last[0]:,} events / rate of the store that does not grow, "
            "in the same minutes",
            last[1] / last[6],
            "× (wall, paired)",
            f"at the start {first[1] / first[6]:.2f}×; over the steps "
            + ", ".join(f"{r[1] / r[6]:.2f}" for r in rates)
            + f"; that store held {fresh.store.head():,} events at the end (its samples)",
        )
        report(
            kind,
            f"growth: rate at {last[0]:,} events / rate at the start",
            last[1] / first[1],
            "× (wall)",
            f"by CPU per article {first[4] / last[4]:.2f}× end to end, {first[5] / last[5]:.2f}× "
            f"excluding classification (CPU per article {min(r[4] for r in rates):.2f}-"
            f"{max(r[4] for r in rates):.2f} ms over all steps); wall excluding classification "
            f"{last[2] / first[2]:.2f}×; RSS {min(mems):,.0f}-{max(mems):,.0f} MB "
            f"(max/min {max(mems) / min(mems):.2f})",
        )
        with app.db.read() as conn:
            seconds, rows = timed(lambda: status_as_of(conn, dt.date(2020, 6, 1)))
            report(
                kind, f"status --as-of at {last[0]:,} events", seconds, "s", f"{len(rows)} cases"
            )
            seconds, rows = timed(lambda: current_status(conn))
            report(kind, f"status at {last[0]:,} events", seconds, "s", f"{len(rows)} cases")
        seconds, n = timed(app.rebuild)
        report(
            kind,
            f"projection rebuild of the grown store, {n:,} events",
            seconds,
            "s",
            f"{n / seconds:,.0f} events/s; {len(cases.cases):,} cases",
        )
        app.close()
        fresh.close()


# ---------------------------------------------------------------------------------------------
# Several daemons on one PostgreSQL, sharing loopback feeds through leases (issue 15).


def _daemon_feeds(server: Any, feeds: int, items: int) -> list[str]:
    """`feeds` loopback feeds of `items` items each: one in ten a seed article (naming cases,
    reporting many developments), the rest news naming no case."""
    from html import escape

    from tests.feedserver import body, rss

    _, seeds = seed_articles()
    fill = _fillers()
    urls = []
    for i in range(feeds):
        entries = []
        for j in range(items):
            a = seeds[(i + j) % len(seeds)] if j % 10 == 0 else next(fill)
            entries.append(
                {
                    "id": f"d{i}-{j}",
                    "title": escape(a.title or f"Item {i}.{j}"),
                    "text": escape(f"{a.text} (feed {i}, item {j})"),
                }
            )
        server.routes[f"/d{i}"] = body(rss(entries))
        urls.append(server.url(f"/d{i}"))
    return urls


def poll_worker(url: str, feeds_file: str, owner: str, start_at: float) -> None:
    """One daemon's poll, in its own process: wait for the common start, poll every due feed
    (claiming 10 at a time, as leases allow), print what it did as JSON."""
    from monitor.config import FeedConfig
    from monitor.fetch.http import Fetcher, FetchLimits
    from monitor.polling import poll_once

    app = bootstrap(url)
    feeds = [FeedConfig(u, u, 3600) for u in json.loads(Path(feeds_file).read_text())]
    with app.db.read() as conn:
        app.classifier(app._book.read(conn))  # built before the clock starts, as a daemon does
    time.sleep(max(0.0, start_at - time.time()))

    async def go() -> Any:
        fetcher = Fetcher(FetchLimits())
        try:
            return await poll_once(app, fetcher, feeds, owner=owner, chunk=10, concurrency=8)
        finally:
            await fetcher.aclose()

    result = asyncio.run(go())
    print(
        json.dumps(
            {
                "finished": time.time(),
                "polled": result.polled,
                "articles": result.new_articles,
                "events": result.events_appended,
            }
        )
    )
    app.close()


def bench_daemons(feeds: int, items: int) -> None:
    """1, 2 and 3 daemons (processes) polling the same loopback feeds into one PostgreSQL."""
    import subprocess

    from monitor.config import FeedConfig
    from monitor.polling import sync_feeds
    from tests.feedserver import FeedServer

    book, _ = seed_articles()
    server = FeedServer()
    urls = _daemon_feeds(server, feeds, items)
    server.start()
    try:
        for n in (1, 2, 3):
            with database("postgresql") as url, tempfile.TemporaryDirectory() as tmp:
                app = bootstrap(url)
                import_cases(app.store, book)
                app.ingest([])
                # Known to the store before the daemons start: sync_feeds is a read-then-insert,
                # and daemons starting at the same instant race on it (a UniqueViolation).
                sync_feeds(app.db, [FeedConfig(u, u, 3600) for u in urls], dt.datetime.now(dt.UTC))
                app.close()
                feeds_file = Path(tmp) / "feeds.json"
                feeds_file.write_text(json.dumps(urls))
                start_at = time.time() + 8  # every worker started and warmed up by then
                procs = [
                    subprocess.Popen(
                        [
                            *(sys.executable, __file__, "--poll-worker", url, str(feeds_file)),
                            *(f"bench-{k}", str(start_at)),
                        ],
                        stdout=subprocess.PIPE,
                        text=True,
                    )
                    for k in range(n)
                ]
                outs = [
                    json.loads(p.communicate(timeout=1800)[0].strip().splitlines()[-1])
                    for p in procs
                ]
                seconds = max(o["finished"] for o in outs) - start_at
                articles = sum(o["articles"] for o in outs)
                report(
                    "postgresql",
                    f"{n} daemon(s) poll {feeds:,} loopback feeds once",
                    articles / seconds,
                    "articles/s",
                    f"{seconds:.1f} s; {articles:,} articles, "
                    f"{sum(o['events'] for o in outs):,} events; feeds polled per daemon "
                    + "/".join(str(o["polled"]) for o in outs),
                )
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="smoke-test sizes (about a minute)")
    parser.add_argument(
        "--full",
        action="store_true",
        help="the issue's sizes everywhere (about half an hour on 2 cores)",
    )
    parser.add_argument("--db", default="both", choices=["sqlite", "postgresql", "both"])
    parser.add_argument("--only", default="classify,append,replay,ingest,fetch,growth,daemons")
    parser.add_argument("--poll-worker", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.poll_worker:
        url, feeds_file, owner, start_at = args.poll_worker
        poll_worker(url, feeds_file, owner, float(start_at))
        return
    kinds = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    only = set(args.only.split(","))
    # The default finishes in under ten minutes on 2 cores: full sizes where they are cheap,
    # samples of the slow ones (1,000,000-event rebuilds and the whole real stream: --full).
    size = {
        "classify": 1_000 if args.quick else 10_000 if args.full else 2_000,
        "single": 500 if args.quick else 3_000,
        "batches": 20 if args.quick else 200,
        "ingest": 500 if args.quick else 10_000 if args.full else 1_000,
        "real": 5_000 if args.quick else None if args.full else 30_000,
        "feeds": 100 if args.quick else 1_000,
        "growth": 20_000 if args.quick else 1_000_000 if args.full else 200_000,
        "sample": 200 if args.quick else 1_000,
        "daemon_feeds": 20 if args.quick else 200,
    }
    label = "quick" if args.quick else "full" if args.full else "default"
    print(f"Machine: {machine()}")
    if not (SHARED / "eval" / "dev").is_dir():
        print(f"Note: {SHARED} is absent; 'seed articles' are tests/data's articles instead.")
    print(f"Started {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; {label} sizes\n")
    print("| database | what | figure | conditions |\n|---|---|---|---|")
    started = time.perf_counter()
    if "classify" in only:
        bench_classify(size["classify"])
        bench_classify_feed_items(size["classify"] * 5)
    for kind in kinds:
        if "append" in only:
            bench_append(kind, size["single"], size["batches"], 100)
        if "replay" in only:
            bench_replay(
                kind, [10_000] if args.quick else [100_000, 1_000_000] if args.full else [100_000]
            )
        if "ingest" in only:
            bench_ingest(kind, size["ingest"], size["real"])
        if "fetch" in only:
            bench_fetch(kind, size["feeds"])
        if "seed" in only:
            bench_seed_stream(kind, size["ingest"])
        if "growth" in only:
            bench_growth(kind, size["growth"], size["growth"] // 10, size["sample"])
    if "daemons" in only and "postgresql" in kinds:
        bench_daemons(size["daemon_feeds"], 20)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(
        f"\nTotal {time.perf_counter() - started:,.0f} s; peak RSS {usage.ru_maxrss / 1024:,.0f} MB"
    )


if __name__ == "__main__":
    main()
