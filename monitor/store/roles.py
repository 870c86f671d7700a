"""PostgreSQL roles: the daemon runs as a role that owns nothing, so it can neither change the
schema nor switch off the append-only triggers; the migrations run as the owner role.

Only a table's owner (or a superuser) may ALTER, DROP or TRUNCATE it or disable its
triggers, so the grants here are all the daemon's role ever gets: SELECT and INSERT
on the append-only tables, SELECT, INSERT, UPDATE and DELETE on the projections,
outbox and feed state, SELECT on the views and on the migration version.
"""

from __future__ import annotations

from sqlalchemy import inspect, text
from sqlalchemy.sql.compiler import IdentifierPreparer

from monitor.store.db import Database, DatabaseError
from monitor.store.schema import APPEND_ONLY


def grant_statements(
    role: str, schema: str, tables: list[str], views: list[str], preparer: IdentifierPreparer
) -> list[str]:
    """The GRANTs that give `role` what the daemon needs in `schema` and nothing more."""
    q = preparer.quote
    target = q(role)
    out = [f"GRANT USAGE ON SCHEMA {q(schema)} TO {target}"]
    for table in sorted(tables):
        if table == "alembic_version":
            rights = "SELECT"
        elif table in APPEND_ONLY:
            rights = "SELECT, INSERT"
        else:
            rights = "SELECT, INSERT, UPDATE, DELETE"
        out.append(f"GRANT {rights} ON {q(schema)}.{q(table)} TO {target}")
    out.extend(f"GRANT SELECT ON {q(schema)}.{q(view)} TO {target}" for view in sorted(views))
    return out


def grant_daemon_role(db: Database, role: str) -> list[str]:
    """Grant `role` the daemon's rights on every table and view now in the schema; run as the
    owner after each `monitor db upgrade`. Returns the statements run."""
    if db.dialect != "postgresql":
        raise DatabaseError("roles and grants are for PostgreSQL; SQLite has none")
    with db.engine.connect() as conn:
        schema = conn.execute(text("SELECT current_schema()")).scalar_one()
        inspector = inspect(conn)
        tables = inspector.get_table_names(schema=schema)
        views = inspector.get_view_names(schema=schema)
        exists = conn.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}
        ).first()
    if not exists:
        raise DatabaseError(f"no role {role!r}: create it first (CREATE ROLE {role} LOGIN)")
    statements = grant_statements(
        role, schema, tables, views, db.engine.dialect.identifier_preparer
    )
    with db.engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))
    return statements
