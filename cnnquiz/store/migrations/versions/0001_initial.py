"""Initial schema: learners, attempts, per-skill cards, review logs.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "learners",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "attempts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String(32), nullable=False, unique=True),
        sa.Column("learner_id", sa.Integer, sa.ForeignKey("learners.id"), nullable=False),
        sa.Column("code", sa.String(96), nullable=False),
        sa.Column("template", sa.String(64), nullable=False),
        sa.Column("topic", sa.String(32), nullable=False),
        sa.Column("level", sa.Integer, nullable=False),
        sa.Column("skill", sa.String(96), nullable=False),
        sa.Column("given", sa.Text, nullable=False),
        sa.Column("verdict", sa.String(12), nullable=False),
        sa.Column("mistake", sa.String(96)),
        sa.Column("seconds", sa.Float, nullable=False),
        sa.Column("rating", sa.Integer),
        sa.Column("answered_at", sa.DateTime, nullable=False),
        sa.Column("day", sa.Date, nullable=False),
    )
    op.create_index("ix_attempts_learner_topic", "attempts", ["learner_id", "topic", "verdict"])
    op.create_index("ix_attempts_learner_skill", "attempts", ["learner_id", "skill", "answered_at"])
    op.create_table(
        "cards",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("learner_id", sa.Integer, sa.ForeignKey("learners.id"), nullable=False),
        sa.Column("skill", sa.String(96), nullable=False),
        sa.Column("topic", sa.String(32), nullable=False),
        sa.Column("state", sa.Integer, nullable=False),
        sa.Column("step", sa.Integer),
        sa.Column("stability", sa.Float),
        sa.Column("difficulty", sa.Float),
        sa.Column("due", sa.DateTime, nullable=False),
        sa.Column("last_review", sa.DateTime),
        sa.Column("reps", sa.Integer, nullable=False),
        sa.Column("lapses", sa.Integer, nullable=False),
        sa.UniqueConstraint("learner_id", "skill", name="uq_cards_learner_skill"),
    )
    op.create_index("ix_cards_learner_due", "cards", ["learner_id", "due"])
    op.create_table(
        "review_logs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String(32), nullable=False, unique=True),
        sa.Column("learner_id", sa.Integer, sa.ForeignKey("learners.id"), nullable=False),
        sa.Column("skill", sa.String(96), nullable=False),
        sa.Column("attempt_uid", sa.String(32), nullable=False),
        sa.Column("rating", sa.Integer, nullable=False),
        sa.Column("reviewed_at", sa.DateTime, nullable=False),
        sa.Column("duration_ms", sa.Integer),
    )
    op.create_index("ix_review_logs_learner_skill", "review_logs", ["learner_id", "skill"])


def downgrade() -> None:
    for table in ("review_logs", "cards", "attempts", "learners"):
        op.drop_table(table)
