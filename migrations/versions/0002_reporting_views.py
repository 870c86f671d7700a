"""Stable reporting views over the projections (see docs/reporting.md).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Partial dates ("2018", "2018-12", "2018-12-10") as the first day they can mean.
_FIRST_DAY = {
    "sqlite": "date(substr({col} || '-01-01', 1, 10))",
    "postgresql": "to_date(substr({col} || '-01-01', 1, 10), 'YYYY-MM-DD')",
}
_DAYS = {
    "sqlite": "CAST(julianday({end}) - julianday({start}) AS INTEGER)",
    "postgresql": "({end} - {start})",
}
_TODAY = {"sqlite": "date('now')", "postgresql": "current_date"}


def _views(dialect: str) -> list[str]:
    first = _FIRST_DAY[dialect].format
    days = _DAYS[dialect].format
    today = _TODAY[dialect]
    held_end = (
        f"CASE WHEN s.released_on IS NOT NULL THEN {first(col='s.released_on')} "
        f"WHEN s.status = 'deceased' AND s.status_date IS NOT NULL "
        f"THEN {first(col='s.status_date')} ELSE {today} END"
    )
    return [
        f"""CREATE VIEW report_case_status AS
        SELECT s.case_key, s.name, s.held_by, s.status, s.status_date,
               s.last_development, s.last_development_date, s.held_since, s.released_on,
               CASE WHEN s.held_since IS NULL THEN NULL
                    ELSE {days(end=held_end, start=first(col="s.held_since"))} END AS days_held,
               s.last_consular_visit, s.developments, s.sources
        FROM case_status s""",
        """CREATE VIEW report_timeline AS
        SELECT t.case_key, t.development_id, t.type, t.date, t.date_precision, t.outcome,
               t.detail, t.evidence, t.confidence, t.source_count, t.first_source, t.last_source
        FROM case_timeline t
        WHERE t.retracted = false""",
        """CREATE VIEW report_developments_by_month AS
        SELECT substr(t.date, 1, 7) AS month, t.type, count(*) AS developments,
               sum(t.source_count) AS reports
        FROM case_timeline t
        WHERE t.retracted = false AND t.date_precision IN ('month', 'day')
        GROUP BY substr(t.date, 1, 7), t.type""",
        f"""CREATE VIEW report_consular_access_gaps AS
        SELECT s.case_key, s.name, s.held_by, s.status, s.held_since, s.last_consular_visit,
               {days(end=today, start=first(col="coalesce(s.last_consular_visit, s.held_since)"))}
                   AS days_without_visit
        FROM case_status s
        WHERE s.held_since IS NOT NULL
          AND (s.status IS NULL OR s.status NOT IN ('released', 'deceased'))""",
    ]


_NAMES = [
    "report_consular_access_gaps",
    "report_developments_by_month",
    "report_timeline",
    "report_case_status",
]


def upgrade() -> None:
    for statement in _views(op.get_bind().dialect.name):
        op.execute(statement)


def downgrade() -> None:
    for name in _NAMES:
        op.execute(f"DROP VIEW IF EXISTS {name}")
