"""Study sessions and settings; attempts remember their session; index for streaks.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "study_sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String(32), nullable=False, unique=True),
        sa.Column("learner_id", sa.Integer, sa.ForeignKey("learners.id"), nullable=False),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("ended_at", sa.DateTime),
        sa.Column("topics", sa.Text, nullable=False),
        sa.Column("planned", sa.Integer),
        sa.Column("answered", sa.Integer, nullable=False),
    )
    op.create_table(
        "settings",
        sa.Column("learner_id", sa.Integer, sa.ForeignKey("learners.id"), primary_key=True),
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    with op.batch_alter_table("attempts") as batch:
        batch.add_column(sa.Column("session_uid", sa.String(32)))
    op.create_index("ix_attempts_learner_day", "attempts", ["learner_id", "day"])


def downgrade() -> None:
    op.drop_index("ix_attempts_learner_day", "attempts")
    with op.batch_alter_table("attempts") as batch:
        batch.drop_column("session_uid")
    op.drop_table("settings")
    op.drop_table("study_sessions")
