"""Progress figures for `cnnquiz stats` and the app's stats screen.

Everything is a few grouped queries answered from indexes (topic/verdict,
mistake, day), plus the cards (one per studied skill, so few): cheap even over
hundreds of thousands of attempts. Only correct and wrong answers count as
attempts; unreadable and blank ones were shown and are stored, but they are
retries, not attempts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import case, func, select

from cnnquiz.store.interviews import InterviewRecord, read_interviews, trend
from cnnquiz.store.models import Attempt, Card, Learner, Setting
from cnnquiz.store.recording import card_state
from cnnquiz.store.scheduler import CardState, Planner, local_day
from cnnquiz.store.store import Store
from cnnquiz.topics import ORDER

COUNTED = ("correct", "wrong")
MATURE_DAYS = 21.0  # stability from which a skill counts as mature (Anki's convention)


@dataclass(frozen=True)
class SkillMastery:
    skill: str
    topic: str
    stage: str  # learning | young | mature
    recall: float  # predicted chance of a right answer now
    stability: float  # days
    reps: int
    lapses: int
    due: datetime


@dataclass
class Progress:
    learner: str
    attempts: int = 0
    correct: int = 0
    by_topic: dict[str, tuple[int, int]] = field(default_factory=dict)  # topic -> (n, right)
    due: int = 0
    due_later_today: int = 0
    due_by_day: list[tuple[date, int]] = field(default_factory=list)
    streak_days: int = 0
    mistakes: dict[str, int] = field(default_factory=dict)  # most frequent first
    skills: list[SkillMastery] = field(default_factory=list)  # weakest first
    interview: date | None = None  # the learner's interview date, if set
    days_left: int | None = None  # days from today (the learner's) to it; negative: past
    mock_interviews: list[InterviewRecord] = field(default_factory=list)  # oldest first

    def to_json(self) -> dict[str, Any]:
        """The contract's `stats --json` object, plus a few extra keys."""
        return {
            "attempts": self.attempts, "correct": self.correct,
            "by_topic": {t: {"attempts": n, "correct": r} for t, (n, r) in self.by_topic.items()},
            "due": self.due, "streak_days": self.streak_days, "mistakes": dict(self.mistakes),
            "interview": self.interview.isoformat() if self.interview else None,
            "days_left": self.days_left,
            "learner": self.learner, "due_later_today": self.due_later_today,
            "due_next_days": {d.isoformat(): n for d, n in self.due_by_day},
            "skills": [{"skill": s.skill, "topic": s.topic, "stage": s.stage,
                        "recall": round(s.recall, 4), "stability_days": round(s.stability, 2),
                        "reps": s.reps, "lapses": s.lapses, "due": s.due.isoformat()}
                       for s in self.skills],
            "mock_interviews": [m.to_json() for m in self.mock_interviews],
            "mock_interview_trend": trend(self.mock_interviews),
        }


def summarize(store: Store, learner: str = "default", *, now: Callable[[], datetime] | None = None,
              tz: tzinfo | None = None, days: int = 7) -> Progress:
    """The learner's progress as of `now()`; an unknown learner has an empty summary."""
    at = (now or (lambda: datetime.now(UTC)))()
    out = Progress(learner)
    with store.reading() as s:
        lid = s.scalar(select(Learner.id).where(Learner.name == learner))
        if lid is None:
            return out
        settings = {k: v for k, v in s.execute(select(Setting.key, Setting.value)
                                                .where(Setting.learner_id == lid))}
        planner = Planner.from_settings(settings, tz=tz)
        if planner.interview is not None:
            out.interview = planner.interview
            out.days_left = (planner.interview - local_day(at, planner.zone())).days
        right = func.sum(case((Attempt.verdict == "correct", 1), else_=0))
        rows = s.execute(select(Attempt.topic, func.count(), right)
                         .where(Attempt.learner_id == lid, Attempt.verdict.in_(COUNTED))
                         .group_by(Attempt.topic)).all()
        out.by_topic = {t: (int(n), int(r or 0))
                        for t, n, r in sorted(rows, key=lambda r: (ORDER.get(r[0], 99), r[0]))}
        out.attempts = sum(n for n, _ in out.by_topic.values())
        out.correct = sum(r for _, r in out.by_topic.values())
        n_mistakes = func.count().label("n")
        out.mistakes = {m: int(n) for m, n in s.execute(
            select(Attempt.mistake, n_mistakes)
            .where(Attempt.learner_id == lid, Attempt.mistake.is_not(None))
            .group_by(Attempt.mistake).order_by(n_mistakes.desc(), Attempt.mistake)).all()
            if m is not None}  # None is excluded above; this says so to the type checker
        studied = s.scalars(select(Attempt.day).distinct()
                            .where(Attempt.learner_id == lid).order_by(Attempt.day.desc())
                            .limit(5000)).all()
        out.streak_days = streak(set(studied), local_day(at, planner.zone()))
        own = s.scalars(select(Card).where(Card.learner_id == lid)).all()
        cards = [(r.skill, r.topic, card_state(r)) for r in own]
        out.mock_interviews = read_interviews(s, lid)
    _due(out, [c for _, _, c in cards], planner, at, days)
    out.skills = sorted((_mastery(k, t, c, planner, at) for k, t, c in cards),
                        key=lambda m: (m.recall, m.skill))
    return out


def streak(days: set[date], today: date) -> int:
    """Consecutive study days ending today (or yesterday: today is not over yet)."""
    day = today if today in days else today - timedelta(days=1)
    n = 0
    while day in days:
        n, day = n + 1, day - timedelta(days=1)
    return n


def _due(out: Progress, cards: list[CardState], planner: Planner, at: datetime, days: int) -> None:
    tomorrow = planner.today_start(at) + timedelta(days=1)
    counts = [0] * days
    for c in cards:
        if planner.is_due(c, at):
            out.due += 1
        elif c.due < tomorrow:
            out.due_later_today += 1
        else:
            k = (local_day(c.due, planner.zone()) - local_day(at, planner.zone())).days - 1
            if 0 <= k < days:
                counts[k] += 1
    first = local_day(at, planner.zone())
    out.due_by_day = [(first + timedelta(days=i + 1), n) for i, n in enumerate(counts)]


def _mastery(skill: str, topic: str, c: CardState, planner: Planner, at: datetime) -> SkillMastery:
    stability = c.stability or 0.0
    stage = ("learning" if c.state != 2 else "mature" if stability >= MATURE_DAYS else "young")
    return SkillMastery(skill, topic, stage, planner.retrievability(c, at), stability, c.reps,
                        c.lapses, c.due)
