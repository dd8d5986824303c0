"""The store's tables as typed SQLAlchemy 2 models (the head revision of the migrations).

Every row that can travel between machines (attempts, review logs, sessions)
carries a random `uid`, so `import` merges by identity and never duplicates.
Cards are the scheduler's state, one per learner and skill; the attempts and
review logs are the history the cards were computed from.

Changing a model means adding a migration in `cnnquiz/store/migrations/versions/`
(tests compare the two, so a forgotten migration fails CI).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from cnnquiz.store.types import UTCDateTime


def new_uid() -> str:
    """A fresh identity for a row that may be exported and merged elsewhere."""
    return uuid.uuid4().hex


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}
    __table__: ClassVar[Table]  # each model maps one table (SQLAlchemy types it FromClause)


class Learner(Base):
    """One profile; several people (or several goals) can share a machine."""

    __tablename__ = "learners"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]


class Attempt(Base):
    """One answer as shown to the learner: what was asked, what was given, the verdict.

    Unreadable and blank answers are kept too (they were shown), but they are not
    reviews (`rating` is None) and stats do not count them as attempts.
    """

    __tablename__ = "attempts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id"))
    session_uid: Mapped[str | None] = mapped_column(String(32))
    code: Mapped[str] = mapped_column(String(96))
    template: Mapped[str] = mapped_column(String(64))
    topic: Mapped[str] = mapped_column(String(32))
    level: Mapped[int] = mapped_column(Integer)
    skill: Mapped[str] = mapped_column(String(96))
    given: Mapped[str] = mapped_column(Text)
    verdict: Mapped[str] = mapped_column(String(12))
    mistake: Mapped[str | None] = mapped_column(String(96))
    seconds: Mapped[float] = mapped_column(Float)
    rating: Mapped[int | None] = mapped_column(Integer)
    answered_at: Mapped[datetime]
    day: Mapped[date] = mapped_column(Date)  # the learner's local date, for streaks

    __table_args__ = (
        Index("ix_attempts_learner_topic", "learner_id", "topic", "verdict"),
        Index("ix_attempts_learner_skill", "learner_id", "skill", "answered_at"),
        Index("ix_attempts_learner_day", "learner_id", "day"),
    )


class Card(Base):
    """FSRS state of one skill for one learner (fields as in `fsrs.Card`)."""

    __tablename__ = "cards"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id"))
    skill: Mapped[str] = mapped_column(String(96))
    topic: Mapped[str] = mapped_column(String(32))
    state: Mapped[int] = mapped_column(Integer)
    step: Mapped[int | None] = mapped_column(Integer)
    stability: Mapped[float | None] = mapped_column(Float)
    difficulty: Mapped[float | None] = mapped_column(Float)
    due: Mapped[datetime]
    last_review: Mapped[datetime | None]
    reps: Mapped[int] = mapped_column(Integer, default=0)
    lapses: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        UniqueConstraint("learner_id", "skill", name="uq_cards_learner_skill"),
        Index("ix_cards_learner_due", "learner_id", "due"),
    )


class ReviewLog(Base):
    """One FSRS review (as `fsrs.ReviewLog`), tied to the attempt that produced it."""

    __tablename__ = "review_logs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id"))
    skill: Mapped[str] = mapped_column(String(96))
    attempt_uid: Mapped[str] = mapped_column(String(32))
    rating: Mapped[int] = mapped_column(Integer)
    reviewed_at: Mapped[datetime]
    duration_ms: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (Index("ix_review_logs_learner_skill", "learner_id", "skill"),)


class StudySession(Base):
    """One sitting: when, on what topics, how long it was meant to be and how far it got."""

    __tablename__ = "study_sessions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id"))
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    topics: Mapped[str] = mapped_column(Text, default="")  # comma-separated slugs, "" = all
    planned: Mapped[int | None] = mapped_column(Integer)
    answered: Mapped[int] = mapped_column(Integer, default=0)


class Setting(Base):
    """A learner's preference (interview date, fuzzing, ...), as text."""

    __tablename__ = "settings"
    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class MockInterview(Base):
    """One mock interview (`cnnquiz interview`): its plan, score and weakest topics. Its
    answers are ordinary attempts of its session (`session_uid`)."""

    __tablename__ = "interviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id"))
    session_uid: Mapped[str | None] = mapped_column(String(32))
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime]
    minutes: Mapped[float | None] = mapped_column(Float)  # the time limit, if any
    planned: Mapped[int | None] = mapped_column(Integer)  # the question limit, if any
    answered: Mapped[int] = mapped_column(Integer)
    correct: Mapped[int] = mapped_column(Integer)
    followups_asked: Mapped[int] = mapped_column(Integer)
    followups_correct: Mapped[int] = mapped_column(Integer)
    seconds: Mapped[float] = mapped_column(Float)
    by_topic: Mapped[str] = mapped_column(Text)  # JSON {"topic": {"answered": n, "correct": n}}
    weakest: Mapped[str] = mapped_column(Text)  # comma-separated topic slugs, weakest first

    __table_args__ = (Index("ix_interviews_learner_started", "learner_id", "started_at"),)

