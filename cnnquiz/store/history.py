"""Answers per local day, for the stats screen's activity chart."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from cnnquiz.store.models import Attempt, Learner
from cnnquiz.store.stats import COUNTED
from cnnquiz.store.store import Store


def answers_per_day(store: Store, learner: str, today: date, days: int = 30) -> list[int]:
    """Counted answers on each of the `days` days ending `today`, oldest first."""
    first = today - timedelta(days=days - 1)
    with store.reading() as s:
        rows = s.execute(
            select(Attempt.day, func.count())
            .join(Learner, Learner.id == Attempt.learner_id)
            .where(Learner.name == learner, Attempt.verdict.in_(COUNTED), Attempt.day >= first)
            .group_by(Attempt.day)).all()
    counts = {day: int(n) for day, n in rows}
    return [counts.get(first + timedelta(days=i), 0) for i in range(days)]
