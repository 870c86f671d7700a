"""Subscriptions remember their removal; append-only tables refuse REPLACE and rewrites

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26

SQLite's `INSERT OR REPLACE` deletes the conflicting row without firing
DELETE triggers (unless a connection enables recursive_triggers), so it could
rewrite event 1 despite the triggers of 0001. A BEFORE INSERT trigger that
aborts when any unique key already exists closes that door for every
connection, ours or a hand-typed one; it also makes plain duplicate inserts
fail as before, only earlier. Articles and their sightings are sources of
record and become append-only the same way, on both backends.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# table → the condition under which a new row would replace a stored one (one per unique key).
_UNIQUE = {
    "events": (
        "position = NEW.position OR idempotency_key = NEW.idempotency_key"
        " OR (stream = NEW.stream AND version = NEW.version)"
    ),
    "articles": "id = NEW.id",
    "article_sightings": "article_id = NEW.article_id AND feed = NEW.feed",
}
_MORE = ("articles", "article_sightings")  # events got its UPDATE/DELETE triggers in 0001


def _sqlite() -> list[str]:
    out = []
    for table, clash in _UNIQUE.items():
        out.append(
            f"""CREATE TRIGGER {table}_no_replace BEFORE INSERT ON {table}
            WHEN EXISTS (SELECT 1 FROM {table} WHERE {clash})
            BEGIN SELECT RAISE(ABORT, '{table} are append-only: a row with this key exists'); END"""
        )
    for table in _MORE:
        for action in ("UPDATE", "DELETE"):
            out.append(
                f"""CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table}
                BEGIN SELECT RAISE(ABORT, '{table} are append-only: {action} is not allowed');
                END"""
            )
    return out


def _postgresql() -> list[str]:
    # PostgreSQL has no REPLACE; ON CONFLICT DO UPDATE fires the UPDATE trigger.
    out = [
        """
        CREATE OR REPLACE FUNCTION append_only() RETURNS trigger AS $$
        BEGIN
            RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
                USING ERRCODE = 'restrict_violation';
        END;
        $$ LANGUAGE plpgsql
        """
    ]
    for table in _MORE:
        out.append(
            f"""CREATE TRIGGER {table}_no_update BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION append_only()"""
        )
        out.append(
            f"""CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
            FOR EACH STATEMENT EXECUTE FUNCTION append_only()"""
        )
    return out


def upgrade() -> None:
    with op.batch_alter_table("subscriptions") as batch:
        batch.add_column(sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True))
    dialect = op.get_bind().dialect.name
    for statement in _postgresql() if dialect == "postgresql" else _sqlite():
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for table in _MORE:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
        op.execute("DROP FUNCTION IF EXISTS append_only()")
    else:
        for table in _UNIQUE:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_replace")
        for table in _MORE:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
    with op.batch_alter_table("subscriptions") as batch:
        batch.drop_column("removed_at")
