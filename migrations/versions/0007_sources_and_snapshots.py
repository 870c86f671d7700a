"""Sources in their own append-only table, decision snapshots, and a view of every source.

The timeline keeps only a development's source count and first/last source;
its JSON list of every source (rewritten on each report) goes. Existing
sources are copied from the events, which stay the record.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_TABLES = ("development_sources", "decision_snapshots")
_SOURCE_TYPES = ("DevelopmentRecorded", "DevelopmentCorroborated")

# table → the condition under which a new row would replace a stored one (see 0004).
_CLASH = {
    "development_sources": "position = NEW.position",
    "decision_snapshots": "stream = NEW.stream AND version = NEW.version",
}


def _triggers(dialect: str, table: str) -> list[str]:
    """The rules of 0001 and 0004: no UPDATE, DELETE, TRUNCATE or SQLite REPLACE."""
    if dialect == "postgresql":  # append_only() comes from 0004
        return [
            f"""CREATE TRIGGER {table}_no_update BEFORE UPDATE OR DELETE ON {table}
               FOR EACH ROW EXECUTE FUNCTION append_only()""",
            f"""CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
               FOR EACH STATEMENT EXECUTE FUNCTION append_only()""",
        ]
    return [
        f"""CREATE TRIGGER {table}_no_replace BEFORE INSERT ON {table}
           WHEN EXISTS (SELECT 1 FROM {table} WHERE {_CLASH[table]})
           BEGIN SELECT RAISE(ABORT, '{table} are append-only: a row with this key exists');
           END""",
        *(
            f"""CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table}
               BEGIN SELECT RAISE(ABORT, '{table} are append-only: {action} is not allowed');
               END"""
            for action in ("UPDATE", "DELETE")
        ),
    ]


_VIEW = """CREATE VIEW report_sources AS
    SELECT s.case_key, s.development_id, t.type, t.date, s.article_id, s.url, s.title,
           s.published, s.position
    FROM development_sources s
    JOIN case_timeline t ON t.development_id = s.development_id
    WHERE t.retracted = false AND t.review = 'accepted'"""


def _backfill(bind: Any) -> None:
    """Copy every development's sources from the events, in position order, in chunks."""
    events = sa.table(
        "events",
        sa.column("position", sa.BigInteger),
        sa.column("type", sa.String),
        sa.column("data", sa.JSON),
    )
    sources = sa.table(
        "development_sources",
        *(sa.column(c) for c in ("position", "case_key", "development_id", "article_id")),
        *(sa.column(c) for c in ("url", "title", "published")),
    )
    after = 0
    while True:
        rows = bind.execute(
            sa.select(events.c.position, events.c.data)
            .where(events.c.type.in_(_SOURCE_TYPES), events.c.position > after)
            .order_by(events.c.position)
            .limit(5000)
        ).all()
        if not rows:
            return
        batch = []
        for position, data in rows:
            data = json.loads(data) if isinstance(data, str) else data
            source = data.get("source") or {}
            batch.append(
                {
                    "position": position,
                    "case_key": data.get("case", ""),
                    "development_id": data["development_id"],
                    "article_id": source.get("article_id", ""),
                    "url": source.get("url"),
                    "title": source.get("title"),
                    "published": source.get("published"),
                }
            )
        bind.execute(sources.insert(), batch)
        after = rows[-1][0]


def upgrade() -> None:
    bind = op.get_bind()
    dialect = bind.dialect.name
    position = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    op.create_table(
        "development_sources",
        sa.Column("position", position, autoincrement=False, nullable=False),
        sa.Column("case_key", sa.String(length=100), nullable=False),
        sa.Column("development_id", sa.String(length=40), nullable=False),
        sa.Column("article_id", sa.String(length=200), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("position", name=op.f("pk_development_sources")),
    )
    op.create_index(
        "ix_development_sources_case_key",
        "development_sources",
        ["case_key", "article_id", "development_id"],
    )
    op.create_index("ix_development_sources_article_id", "development_sources", ["article_id"])
    op.create_index(
        "ix_development_sources_development_id", "development_sources", ["development_id"]
    )
    op.create_table(
        "decision_snapshots",
        sa.Column("stream", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("format", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("stream", "version", name=op.f("pk_decision_snapshots")),
    )
    _backfill(bind)
    for table in _TABLES:
        for statement in _triggers(dialect, table):
            op.execute(statement)
    # Both SQLite (3.35+) and PostgreSQL drop a column in place; no view reads this one.
    op.execute("ALTER TABLE case_timeline DROP COLUMN sources")
    op.execute(_VIEW)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS report_sources")
    op.add_column(
        "case_timeline",
        sa.Column(
            "sources",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
            server_default="[]",
        ),
    )
    op.drop_table("decision_snapshots")
    op.drop_index("ix_development_sources_development_id", table_name="development_sources")
    op.drop_index("ix_development_sources_article_id", table_name="development_sources")
    op.drop_index("ix_development_sources_case_key", table_name="development_sources")
    op.drop_table("development_sources")
