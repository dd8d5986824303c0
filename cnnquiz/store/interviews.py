"""Saving mock interviews and reading them back for `stats` (past interviews, trend).

Kept beside `store.py` rather than in it: an interview is saved once, at its end, in
one transaction of its own; its answers went through `Store.record` as they came.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TypeGuard

from sqlalchemy import select
from sqlalchemy.orm import Session

from cnnquiz.store.models import MockInterview, new_uid
from cnnquiz.store.store import Store

SHOWN = 20  # the most recent interviews `stats` reads


@dataclass(frozen=True)
class InterviewRecord:
    """One finished mock interview as the store keeps it."""

    started_at: datetime
    ended_at: datetime
    minutes: float | None
    planned: int | None
    answered: int
    correct: int
    followups_asked: int
    followups_correct: int
    seconds: float
    by_topic: dict[str, tuple[int, int]]  # topic -> (answered, correct)
    weakest: tuple[str, ...]
    session_uid: str | None = None
    uid: str = ""

    @property
    def score(self) -> float:
        return self.correct / self.answered if self.answered else 0.0

    def to_json(self) -> dict[str, object]:
        return {"started_at": self.started_at.isoformat(), "answered": self.answered,
                "correct": self.correct,
                "followups": {"asked": self.followups_asked, "correct": self.followups_correct},
                "by_topic": {t: {"answered": n, "correct": r} for t, (n, r) in self.by_topic.items()},
                "seconds": round(self.seconds, 1), "weakest": list(self.weakest)}


def save_interview(store: Store, learner_id: int, rec: InterviewRecord) -> str:
    """Save one finished interview; its uid."""
    uid = rec.uid or new_uid()

    def work(s: Session) -> None:
        s.add(MockInterview(
            uid=uid, learner_id=learner_id, session_uid=rec.session_uid,
            started_at=rec.started_at, ended_at=rec.ended_at, minutes=rec.minutes,
            planned=rec.planned, answered=rec.answered, correct=rec.correct,
            followups_asked=rec.followups_asked, followups_correct=rec.followups_correct,
            seconds=rec.seconds,
            by_topic=json.dumps({t: {"answered": n, "correct": r}
                                 for t, (n, r) in rec.by_topic.items()}, ensure_ascii=False),
            weakest=",".join(rec.weakest)))
    store.write(work)
    return uid


def read_interviews(s: Session, learner_id: int, limit: int = SHOWN) -> list[InterviewRecord]:
    """The learner's most recent interviews, oldest first."""
    rows = s.scalars(select(MockInterview).where(MockInterview.learner_id == learner_id)
                     .order_by(MockInterview.started_at.desc()).limit(limit)).all()
    return [_record(r) for r in reversed(rows)]


def _record(r: MockInterview) -> InterviewRecord:
    return InterviewRecord(r.started_at, r.ended_at, r.minutes, r.planned, r.answered,
                           r.correct, r.followups_asked, r.followups_correct, r.seconds,
                           _by_topic(r.by_topic),
                           tuple(w for w in r.weakest.split(",") if w), r.session_uid, r.uid)


def _by_topic(text: str) -> dict[str, tuple[int, int]]:
    """The per-topic counts as `save_interview` wrote them. A topic whose counts were
    edited by hand into something else is left out; the rest of the interview still shows."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError:
        return {}
    if not isinstance(raw, dict):
        return {}
    out: dict[str, tuple[int, int]] = {}
    for topic, v in raw.items():
        n, right = (v.get("answered"), v.get("correct")) if isinstance(v, dict) else (None, None)
        if _count(n) and _count(right):
            out[topic] = (n, right)
    return out


def _count(v: object) -> TypeGuard[int]:
    return isinstance(v, int) and not isinstance(v, bool) and v >= 0


def trend(records: list[InterviewRecord], window: int = 3) -> float | None:
    """Change in score (percentage points) from the first `window` interviews to the last
    `window` of the list; None with fewer than two interviews."""
    if len(records) < 2:
        return None
    k = min(window, len(records) // 2)
    first = sum(r.score for r in records[:k]) / k
    last = sum(r.score for r in records[-k:]) / k
    return round(100 * (last - first), 1)
