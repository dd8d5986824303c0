"""Mock interviews: one row per `cnnquiz interview`, its score and weakest topics.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "interviews",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String(32), nullable=False, unique=True),
        sa.Column("learner_id", sa.Integer, sa.ForeignKey("learners.id"), nullable=False),
        sa.Column("session_uid", sa.String(32)),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("ended_at", sa.DateTime, nullable=False),
        sa.Column("minutes", sa.Float),
        sa.Column("planned", sa.Integer),
        sa.Column("answered", sa.Integer, nullable=False),
        sa.Column("correct", sa.Integer, nullable=False),
        sa.Column("followups_asked", sa.Integer, nullable=False),
        sa.Column("followups_correct", sa.Integer, nullable=False),
        sa.Column("seconds", sa.Float, nullable=False),
        sa.Column("by_topic", sa.Text, nullable=False),
        sa.Column("weakest", sa.Text, nullable=False),
    )
    op.create_index("ix_interviews_learner_started", "interviews", ["learner_id", "started_at"])


def downgrade() -> None:
    op.drop_index("ix_interviews_learner_started", "interviews")
    op.drop_table("interviews")
