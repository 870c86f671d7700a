"""Engines from URLs, dialect quirks, migrations on open, one-line connection errors."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, Table, create_engine, event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.pool import NullPool

DB_ENV = "MONITOR_DB"


class DatabaseError(Exception):
    """A database URL or connection problem, worded for a one-line error."""


def default_url() -> str:
    """An SQLite file in the user's data directory."""
    from platformdirs import user_data_dir

    return f"sqlite:///{Path(user_data_dir('case-monitor')) / 'monitor.db'}"


def resolve_url(url: str | None) -> str:
    """`--db`, else `MONITOR_DB`, else the default SQLite file."""
    return url or os.environ.get(DB_ENV) or default_url()


@dataclass
class Database:
    """An engine plus the transaction discipline every writer follows."""

    engine: Engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction: `BEGIN IMMEDIATE` on SQLite, so it holds the write lock from
        the start and never fails on a lock upgrade; a plain transaction on PostgreSQL."""
        with self.engine.connect().execution_options(sqlite_immediate=True) as conn, conn.begin():
            yield conn

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only transaction (a consistent snapshot on SQLite's WAL)."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()


def _serial_plans(engine: Engine) -> None:
    """No parallel query plans on PostgreSQL: the monitor's statements are point look-ups and
    small batches, for which starting parallel workers costs more than it saves. Past about
    350,000 events the planner chose them for some look-ups, and ingest spent a third of its
    time waiting on worker start-up and shutdown (`docs/benchmarks.md`, fifth pass)."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        autocommit = dbapi_conn.autocommit
        dbapi_conn.autocommit = True
        with dbapi_conn.cursor() as cur:
            cur.execute("SET max_parallel_workers_per_gather = 0")
        dbapi_conn.autocommit = autocommit


def _sqlite_pragmas(engine: Engine) -> None:
    # pysqlite's own transaction handling cannot issue BEGIN IMMEDIATE, so it is
    # switched off and SQLAlchemy emits BEGIN itself (the documented recipe).
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def loads_json(text: str) -> Any:
    """JSON columns as Python values: orjson, several times faster than json on the replay
    path; json for what orjson refuses (NaN, integers beyond 64 bits)."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def connect(url: str | None = None, *, migrate: bool = True, **engine_kw: Any) -> Database:
    """Open the database at `url` (see `resolve_url`), upgrading its schema when behind."""
    raw = resolve_url(url)
    try:
        parsed = make_url(raw)
    except ArgumentError:
        raise DatabaseError(f"malformed database URL: {_redact(raw)}") from None
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    kw: dict[str, Any] = {"json_deserializer": loads_json}
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        # A pool of connections, each used by one thread at a time (SQLAlchemy's
        # default for files); reconnecting per transaction would redo the PRAGMAs.
        kw["connect_args"] = {"check_same_thread": False}
        if not parsed.database or parsed.database == ":memory:":
            kw["poolclass"] = NullPool
    elif parsed.get_backend_name() == "postgresql":
        kw["pool_pre_ping"] = True
        # No server-side prepared statements: psycopg prepares a query after five runs and
        # PostgreSQL may then keep a generic plan made while a table was small, which turned
        # the store's indexed look-ups into scans (appends slowed fourfold per 5,000 events).
        kw["connect_args"] = {"connect_timeout": 10, "prepare_threshold": None}
    kw.update(engine_kw)
    try:
        engine = create_engine(parsed, **kw)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise DatabaseError(f"unsupported database URL {_redact(raw)}: {exc}") from None
    except ImportError as exc:
        raise DatabaseError(f"missing database driver for {_redact(raw)}: {exc}") from None
    if engine.dialect.name == "sqlite":
        _sqlite_pragmas(engine)
    elif engine.dialect.name == "postgresql":
        _serial_plans(engine)
    db = Database(engine)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise DatabaseError(f"cannot connect to {_redact(raw)}: {reason}") from None
    if migrate:
        upgrade(db)
    return db


def _redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparseable URL>"


def migrations_dir() -> Path:
    """The Alembic scripts, shipped in the package as `monitor._migrations`."""
    return Path(str(resources.files("monitor._migrations")))


def alembic_config(db: Database) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["engine"] = db.engine
    return cfg


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(db: Database) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(db)).get_current_head()


def upgrade(db: Database) -> bool:
    """Bring the schema to the newest migration; True if anything ran.

    On PostgreSQL an advisory lock keeps two instances starting at once from
    migrating together; on SQLite the migration's own write lock does that.
    """
    if current_revision(db) == head_revision(db):
        return False
    from alembic import command

    if db.dialect == "postgresql":
        with db.engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(hashtext('case-monitor:migrate'))"))
            conn.commit()
            try:
                cfg = alembic_config(db)
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                conn.commit()
            except DBAPIError as exc:
                conn.rollback()
                if getattr(exc.orig, "sqlstate", None) == "42501":  # insufficient_privilege
                    raise DatabaseError(
                        f"the schema is at {current_revision(db)} and this version needs "
                        f"{head_revision(db)}, but this role may not change it: run "
                        "`monitor db upgrade` as the owner role (docs/security.md)"
                    ) from None
                raise
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(hashtext('case-monitor:migrate'))"))
                conn.commit()
    else:
        command.upgrade(alembic_config(db), "head")
    return True


def insert_new(conn: Connection, table: Table, values: dict[str, Any]) -> None:
    """INSERT a row unless its key is already there: several instances that start together may
    register the same row, and the second must not fail (ON CONFLICT DO NOTHING)."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(dialect.insert(table).values(**values).on_conflict_do_nothing())
