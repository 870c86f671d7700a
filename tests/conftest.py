"""Shared fixtures: a fresh database per test, on SQLite and on a real PostgreSQL.

PostgreSQL comes from MONITOR_TEST_POSTGRES_URL (default: the local server).
Each PostgreSQL test gets its own schema, dropped afterwards; each SQLite test
its own file. Without PostgreSQL those tests skip loudly, unless
MONITOR_REQUIRE_POSTGRES=1, where they fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from monitor.store.db import Database, connect

PG_URL = os.environ.get(
    "MONITOR_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REQUIRE_PG = os.environ.get("MONITOR_REQUIRE_POSTGRES") == "1"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
# CI has ../shared: there its tests must run, not skip (a fresh clone skips them, with a reason).
REQUIRE_SHARED = os.environ.get("MONITOR_REQUIRE_SHARED") == "1"

_pg_problem: str | None = None
_pg_checked = False


def postgres_problem() -> str | None:
    """None when PostgreSQL answers, else why not (checked once per run)."""
    global _pg_checked, _pg_problem
    if not _pg_checked:
        _pg_checked = True
        try:
            engine = create_engine(PG_URL, connect_args={"connect_timeout": 5})
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            engine.dispose()
        except Exception as exc:
            _pg_problem = f"PostgreSQL at {PG_URL} is unavailable: {str(exc).splitlines()[0]}"
    return _pg_problem


def require_postgres() -> None:
    problem = postgres_problem()
    if problem:
        if REQUIRE_PG:
            pytest.fail(f"MONITOR_REQUIRE_POSTGRES=1 but {problem}")
        pytest.skip(f"SKIPPING POSTGRESQL TESTS: {problem}")


def pg_schema_url(schema: str) -> str:
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}"


def make_pg_schema() -> str:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    return schema


def drop_pg_schema(schema: str) -> None:
    engine = create_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty database, once per backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'monitor.db'}"
        return
    require_postgres()
    schema = make_pg_schema()
    try:
        yield pg_schema_url(schema)
    finally:
        drop_pg_schema(schema)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A migrated, empty database, once per backend."""
    database = connect(db_url)
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        if REQUIRE_SHARED:
            pytest.fail(f"MONITOR_REQUIRE_SHARED=1 but ../shared is absent ({SHARED})")
        pytest.skip(f"../shared is absent ({SHARED})")
    return SHARED


@pytest.fixture
def pg_url() -> Iterator[str]:
    """An empty PostgreSQL schema's URL, for what only PostgreSQL deployments do."""
    require_postgres()
    schema = make_pg_schema()
    try:
        yield pg_schema_url(schema)
    finally:
        drop_pg_schema(schema)


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    """A factory of empty-database URLs (for property tests that need one per example)."""
    schemas: list[str] = []

    def make() -> str:
        if request.param == "sqlite":
            return f"sqlite:///{tmp_path / f'{uuid.uuid4().hex}.db'}"
        schema = make_pg_schema()
        schemas.append(schema)
        return pg_schema_url(schema)

    if request.param == "postgresql":
        require_postgres()
    try:
        yield make
    finally:
        for schema in schemas:
            drop_pg_schema(schema)
