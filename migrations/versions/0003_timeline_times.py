"""When each development was first recorded and last changed, for Atom's `published`/`updated`.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "case_timeline", sa.Column("first_recorded_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.add_column(
        "case_timeline", sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True)
    )
    # Rows projected before this revision: both times from the event that recorded them
    # (a rebuild sets `updated_at` from the latest event that touched each development).
    op.execute(
        "UPDATE case_timeline SET first_recorded_at = (SELECT e.recorded_at FROM events e "
        "WHERE e.position = case_timeline.first_recorded_position)"
    )
    op.execute("UPDATE case_timeline SET updated_at = first_recorded_at")


def downgrade() -> None:
    op.drop_column("case_timeline", "updated_at")
    op.drop_column("case_timeline", "first_recorded_at")
