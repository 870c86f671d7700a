"""The `monitor` command: the contract's commands, known errors as one line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from monitor.config import ConfigError, load_cases, read_articles
from monitor.store.db import DatabaseError, connect, current_revision, head_revision, upgrade

Handler = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """A wrong command or bad input file: reported as one line, exit status 2."""


def _db_upgrade(args: argparse.Namespace) -> int:
    db = connect(args.db, migrate=False)
    try:
        ran = upgrade(db)
        print(f"database at {current_revision(db)} ({'upgraded' if ran else 'already current'})")
    finally:
        db.dispose()
    return 0


def _db_current(args: argparse.Namespace) -> int:
    db = connect(args.db, migrate=False)
    try:
        print(f"current {current_revision(db)}, head {head_revision(db)}")
    finally:
        db.dispose()
    return 0


def _extract(args: argparse.Namespace) -> int:
    from monitor.classify.extract import Classifier

    classifier = Classifier(load_cases(Path(args.cases)))
    for article in read_articles(Path(args.articles)):
        for dev in classifier(article):
            line = {
                "article": article.id,
                "case": dev.case,
                "type": dev.type.value,
                "date": dev.date.iso() if dev.date else None,
                "evidence": dev.evidence,
                "confidence": dev.confidence,
                "rule": dev.rule,
            }
            if dev.outcome:
                line["outcome"] = dev.outcome
            if dev.detail:
                line["detail"] = dev.detail
            print(json.dumps(line, ensure_ascii=False))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="monitor", description="Watch the news for developments in detention cases."
    )
    parser.add_argument(
        "--db", default=None, help="SQLAlchemy URL (default: $MONITOR_DB or an SQLite file)"
    )
    # `--db` is accepted before or after the command (`monitor status --db URL`).
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    db = sub.add_parser("db", help="schema migrations", parents=[common])
    db_sub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    db_sub.add_parser("upgrade", help="apply all migrations", parents=[common]).set_defaults(
        handler=_db_upgrade
    )
    db_sub.add_parser("current", help="show the schema revision", parents=[common]).set_defaults(
        handler=_db_current
    )

    extract = sub.add_parser("extract", help="classify articles, print developments as JSON lines")
    extract.add_argument("articles", help="ARTICLES.jsonl")
    extract.add_argument("--cases", required=True, help="CASES.toml")
    extract.set_defaults(handler=_extract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except (DatabaseError, UsageError, ConfigError) as exc:
        print(f"monitor: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
