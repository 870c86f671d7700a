"""Review: review state and decisions on the timeline, proposals per case, alerts by development.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# As in 0002: partial dates as their first day, day differences, today.
_FIRST_DAY = {
    "sqlite": "date(substr({col} || '-01-01', 1, 10))",
    "postgresql": "to_date(substr({col} || '-01-01', 1, 10), 'YYYY-MM-DD')",
}
_DAYS = {
    "sqlite": "CAST(julianday({end}) - julianday({start}) AS INTEGER)",
    "postgresql": "({end} - {start})",
}
_TODAY = {"sqlite": "date('now')", "postgresql": "current_date"}


def _case_status_view(dialect: str, with_proposals: bool) -> str:
    first = _FIRST_DAY[dialect].format
    days = _DAYS[dialect].format
    held_end = (
        f"CASE WHEN s.released_on IS NOT NULL THEN {first(col='s.released_on')} "
        f"WHEN s.status = 'deceased' AND s.status_date IS NOT NULL "
        f"THEN {first(col='s.status_date')} ELSE {_TODAY[dialect]} END"
    )
    return f"""CREATE VIEW report_case_status AS
        SELECT s.case_key, s.name, s.held_by, s.status, s.status_date,
               s.last_development, s.last_development_date, s.held_since, s.released_on,
               CASE WHEN s.held_since IS NULL THEN NULL
                    ELSE {days(end=held_end, start=first(col="s.held_since"))} END AS days_held,
               s.last_consular_visit, s.developments, s.sources
               {", s.proposals" if with_proposals else ""}
        FROM case_status s"""


def _timeline_views(accepted_only: bool) -> list[str]:
    """The published history: with review, proposals and rejected developments stay out."""
    live = "t.retracted = false" + (" AND t.review = 'accepted'" if accepted_only else "")
    return [
        f"""CREATE VIEW report_timeline AS
        SELECT t.case_key, t.development_id, t.type, t.date, t.date_precision, t.outcome,
               t.detail, t.evidence, t.confidence, t.source_count, t.first_source, t.last_source
        FROM case_timeline t
        WHERE {live}""",
        f"""CREATE VIEW report_developments_by_month AS
        SELECT substr(t.date, 1, 7) AS month, t.type, count(*) AS developments,
               sum(t.source_count) AS reports
        FROM case_timeline t
        WHERE {live} AND t.date_precision IN ('month', 'day')
        GROUP BY substr(t.date, 1, 7), t.type""",
    ]


_REVIEW_VIEW = """CREATE VIEW report_review AS
    SELECT t.case_key, t.development_id, t.type, t.date, t.outcome, t.detail, t.evidence,
           t.confidence, t.source_count, t.first_source, t.review, t.review_reason,
           t.first_recorded_at AS recorded_at, t.decision, t.decided_by, t.decided_at,
           t.decision_reason
    FROM case_timeline t
    WHERE t.review <> 'accepted' OR t.decision IS NOT NULL"""


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.add_column(
        "case_status", sa.Column("proposals", sa.Integer(), server_default="0", nullable=False)
    )
    for column in (
        sa.Column("review", sa.String(length=10), server_default="accepted", nullable=False),
        sa.Column("review_reason", sa.Text(), nullable=True),
        sa.Column("decision", sa.String(length=20), nullable=True),
        sa.Column("decided_by", sa.String(length=100), nullable=True),
        sa.Column("decided_at", sa.String(length=40), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=True),
    ):
        op.add_column("case_timeline", column)
    op.create_index("ix_case_timeline_review", "case_timeline", ["review"], unique=False)
    op.add_column("alerts", sa.Column("development_id", sa.String(length=40), nullable=True))
    op.create_index("ix_alerts_development_id", "alerts", ["development_id"], unique=False)
    for name in ("report_case_status", "report_timeline", "report_developments_by_month"):
        op.execute(f"DROP VIEW IF EXISTS {name}")
    op.execute(_case_status_view(dialect, with_proposals=True))
    for statement in _timeline_views(accepted_only=True):
        op.execute(statement)
    op.execute(_REVIEW_VIEW)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name in (
        "report_review",
        "report_case_status",
        "report_timeline",
        "report_developments_by_month",
    ):
        op.execute(f"DROP VIEW IF EXISTS {name}")
    op.execute(_case_status_view(dialect, with_proposals=False))
    for statement in _timeline_views(accepted_only=False):
        op.execute(statement)
    op.drop_index("ix_alerts_development_id", table_name="alerts")
    op.drop_column("alerts", "development_id")
    op.drop_index("ix_case_timeline_review", table_name="case_timeline")
    for name in (
        "decision_reason",
        "decided_at",
        "decided_by",
        "decision",
        "review_reason",
        "review",
    ):
        op.drop_column("case_timeline", name)
    op.drop_column("case_status", "proposals")
