"""The documented PostgreSQL setup (docs/security.md): migrations as the owner role, the daemon
as a role that owns nothing. Its work succeeds; every way to alter history is refused."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from monitor.alerts.subscriptions import sync_subscriptions
from monitor.bootstrap import bootstrap
from monitor.config import Subscription, load_cases
from monitor.domain.articles import Article
from monitor.ingest import import_cases
from monitor.store.db import DatabaseError, connect
from tests.conftest import PG_URL, drop_pg_schema, make_pg_schema, require_postgres

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def _url(user: str, schema: str) -> str:
    url = make_url(PG_URL).set(username=user, password=None)
    rendered = url.render_as_string(hide_password=False)
    return f"{rendered}?options=-csearch_path%3D{schema}"


def _admin(*statements: str) -> None:
    engine = create_engine(PG_URL)
    with engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))
    engine.dispose()


@pytest.fixture
def roles() -> Iterator[tuple[str, str, str]]:
    """(schema, owner role, daemon role): fresh ones, dropped afterwards."""
    require_postgres()
    tag = uuid.uuid4().hex[:10]
    owner, daemon = f"monitor_owner_{tag}", f"monitor_app_{tag}"
    schema = make_pg_schema()
    _admin(
        f"CREATE ROLE {owner} LOGIN",
        f"CREATE ROLE {daemon} LOGIN",
        f'ALTER SCHEMA "{schema}" OWNER TO {owner}',
    )
    try:
        yield schema, owner, daemon
    finally:
        drop_pg_schema(schema)
        _admin(
            f"DROP OWNED BY {owner}, {daemon}",
            f"DROP ROLE {daemon}",
            f"DROP ROLE {owner}",
        )


def test_the_daemon_role_does_its_work_and_can_alter_nothing(
    roles: tuple[str, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    schema, owner, daemon = roles
    env = {**os.environ, "MONITOR_DB": _url(owner, schema)}
    for args in (["db", "upgrade"], ["db", "grant", daemon]):
        done = subprocess.run(
            [sys.executable, "-m", "monitor", *args],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            cwd=ROOT,
        )
        assert done.returncode == 0, done.stderr
    # The daemon's work: define cases, ingest, project, subscribe, raise alerts, rebuild.
    monkeypatch.setenv("TEST_WEBHOOK_SECRET", "s")
    app = bootstrap(_url(daemon, schema))
    try:
        import_cases(app.store, load_cases(DATA / "cases.toml"))
        with app.db.write() as conn:
            sync_subscriptions(
                conn,
                [Subscription(("*",), ("status",), webhook="https://h.example.org/")],
                dt.datetime.now(dt.UTC),
            )
        published = dt.datetime(2023, 6, 17, tzinfo=dt.UTC)
        app.ingest([Article("r", "", "Anna Lindqvist was released on Friday.", published)])
        assert app.rebuild() > 0
        with app.db.read() as conn:
            assert conn.execute(text("SELECT count(*) FROM alerts")).scalar_one() == 1
            assert conn.execute(text("SELECT count(*) FROM report_case_status")).scalar_one()
    finally:
        app.close()
    # What it must not do: alter history, or the schema that guards it.
    engine = create_engine(_url(daemon, schema))
    refused = [
        "ALTER TABLE events DISABLE TRIGGER events_no_update",
        "ALTER TABLE events DISABLE TRIGGER ALL",
        "DROP TRIGGER events_no_update ON events",
        "DROP TABLE events",
        "TRUNCATE events",
        "UPDATE events SET type = 'forged'",
        "DELETE FROM events",
        "UPDATE articles SET text = 'forged'",
        "ALTER TABLE events OWNER TO CURRENT_USER",
        "CREATE TABLE shadow (a int)",
        "CREATE OR REPLACE FUNCTION events_append_only() RETURNS trigger AS "
        "$$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql",
    ]
    try:
        for statement in refused:
            with pytest.raises(DBAPIError), engine.begin() as conn:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def test_a_daemon_role_facing_a_pending_migration_says_to_run_it_as_the_owner(
    roles: tuple[str, str, str],
) -> None:
    schema, owner, daemon = roles
    db = connect(_url(owner, schema))
    from monitor.store.roles import grant_daemon_role

    grant_daemon_role(db, daemon)
    with db.engine.begin() as conn:  # as if the code were one migration ahead
        conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    db.dispose()
    with pytest.raises(DatabaseError, match="as the owner role"):
        connect(_url(daemon, schema))
