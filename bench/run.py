#!/usr/bin/env python3
"""case-monitor benchmarks: print each figure with the machine and conditions beside it.

    .venv/bin/python bench/run.py              # everything, SQLite and PostgreSQL, < 10 minutes
    .venv/bin/python bench/run.py --full       # the issue's sizes everywhere (about 30 minutes)
    .venv/bin/python bench/run.py --quick      # smaller sizes, for a smoke run
    .venv/bin/python bench/run.py --only classify,append --db sqlite

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

from monitor.article_file import read_articles  # noqa: E402
from monitor.bootstrap import bootstrap  # noqa: E402
from monitor.classify.extract import Classifier  # noqa: E402
from monitor.config import load_cases  # noqa: E402
from monitor.domain.articles import Article  # noqa: E402
from monitor.domain.cases import Case, CaseBook  # noqa: E402
from monitor.ingest import import_cases  # noqa: E402
from monitor.store.events import NewEvent  # noqa: E402
from monitor.store.schema import events as events_table  # noqa: E402

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
    row = f"| {db} | {what} | {value:,.1f} {unit} | {note} |"
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
        data = json.loads(path.read_text())
        if isinstance(data, dict):
            data = data.get("entries", [])
        for item in data:
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
    parser.add_argument("--only", default="classify,append,replay,ingest,fetch")
    args = parser.parse_args()
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
    }
    label = "quick" if args.quick else "full" if args.full else "default"
    if not (SHARED / "eval" / "dev").is_dir():
        print(f"Note: {SHARED} is absent; 'seed articles' are tests/data's articles instead.")
    print(f"Machine: {machine()}")
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
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(
        f"\nTotal {time.perf_counter() - started:,.0f} s; peak RSS {usage.ru_maxrss / 1024:,.0f} MB"
    )


if __name__ == "__main__":
    main()
