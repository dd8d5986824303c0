"""What one shown answer writes: the attempt, and for a review its log and the card's state.

The study path's one write is a single transaction (Store.record runs `write_attempt`
in it): the attempt, its review log, the card's new FSRS state and the session
counter are committed together before the caller may show the verdict, so a verdict
on screen is always a verdict on disk. The card is read inside that transaction
(`BEGIN IMMEDIATE` on SQLite, `SELECT ... FOR UPDATE` elsewhere), so two sessions
reviewing the same skill at once both count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from cnnquiz.store.models import Attempt, Card, ReviewLog, StudySession, new_uid
from cnnquiz.store.scheduler import CardState, Planner, rate

USUAL_WINDOW = 9  # recent correct answers that define "the usual time" on a skill


@dataclass(frozen=True)
class AttemptIn:
    """One shown answer, as the study loop hands it to the store."""

    code: str
    template: str
    topic: str
    level: int
    skill: str
    given: str
    verdict: str
    mistake: str | None
    seconds: float
    answered_at: datetime
    day: date
    session_uid: str | None = None


@dataclass(frozen=True)
class Recorded:
    """What `record` committed: the attempt's uid, and the rating and card if it was a review."""

    attempt_uid: str
    rating: int | None
    card: CardState | None


CARD_FIELDS = ("state", "step", "stability", "difficulty", "due", "last_review", "reps", "lapses")


def card_state(row: Card) -> CardState:
    return CardState(row.state, row.step, row.stability, row.difficulty, row.due,
                     row.last_review, row.reps, row.lapses)


def write_attempt(s: Session, learner_id: int, a: AttemptIn, planner: Planner | None,
                  self_rating: int | None) -> Recorded:
    """Add one shown answer to `s`; if `planner` is given it is also a review of `a.skill`."""
    uid, rating, state = new_uid(), None, None
    if planner is not None:
        rating, state = _review(s, learner_id, a, planner, self_rating, uid)
    s.add(Attempt(uid=uid, learner_id=learner_id, session_uid=a.session_uid, code=a.code,
                  template=a.template, topic=a.topic, level=a.level, skill=a.skill,
                  given=a.given, verdict=a.verdict, mistake=a.mistake,
                  seconds=a.seconds, rating=rating, answered_at=a.answered_at, day=a.day))
    if a.session_uid and planner is not None:
        s.execute(update(StudySession).where(StudySession.uid == a.session_uid)
                  .values(answered=StudySession.answered + 1))
    return Recorded(uid, rating, state)


def _review(s: Session, learner_id: int, a: AttemptIn, planner: Planner,
            self_rating: int | None, attempt_uid: str) -> tuple[int, CardState]:
    row = s.scalar(select(Card).where(Card.learner_id == learner_id, Card.skill == a.skill)
                   .with_for_update())
    if self_rating is not None:
        rating = self_rating
    else:
        usual = s.scalars(
            select(Attempt.seconds).where(
                Attempt.learner_id == learner_id, Attempt.skill == a.skill,
                Attempt.verdict == "correct",
                Attempt.seconds > 0)  # a checked paper sheet has no timing
            .order_by(Attempt.answered_at.desc()).limit(USUAL_WINDOW)).all()
        rating = int(rate(a.verdict, a.seconds, usual))
    duration = round(a.seconds * 1000)
    state = planner.review(card_state(row) if row else None, rating, a.answered_at, duration)
    if row is None:
        row = Card(learner_id=learner_id, skill=a.skill, topic=a.topic)
        s.add(row)
    for name in CARD_FIELDS:
        setattr(row, name, getattr(state, name))
    s.add(ReviewLog(uid=new_uid(), learner_id=learner_id, skill=a.skill,
                    attempt_uid=attempt_uid, rating=rating, reviewed_at=a.answered_at,
                    duration_ms=duration))
    return rating, state
