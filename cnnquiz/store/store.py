"""The store's operations: learners, settings, sessions, and recording one attempt.

`record` is the one write on the study path and is a single transaction: the
attempt, its review log, the card's new FSRS state and the session counter are
committed together before the caller may show the verdict, so a verdict on
screen is always a verdict on disk. The card is read inside that transaction
(`BEGIN IMMEDIATE` on SQLite, `SELECT ... FOR UPDATE` elsewhere), so two
sessions reviewing the same skill at once both count.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy import Engine, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from cnnquiz.errors import CnnquizError
from cnnquiz.store.errors import StoreError
from cnnquiz.store.models import Attempt, Card, Learner, ReviewLog, Setting, StudySession, new_uid
from cnnquiz.store.scheduler import CardState, Planner, rate

T = TypeVar("T")
RETRIES = 5
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


class Store:
    """An open progress store. Use as a context manager, or call `close()`."""

    def __init__(self, engine: Engine, shown: str, now: Callable[[], datetime], *,
                 on_damage: Callable[[], None] | None = None) -> None:
        self.engine, self.shown, self.now = engine, shown, now
        self._on_damage = on_damage  # undo what merely opening a refused file created
        self._writer = engine.execution_options(sqlite_begin="IMMEDIATE")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session (never takes the write lock)."""
        with self._guard(), Session(self.engine, expire_on_commit=False) as s:
            yield s
            s.rollback()

    def write(self, work: Callable[[Session], T]) -> T:
        """Run `work` in one write transaction and commit; retried on a lost race."""
        for attempt in range(RETRIES):
            try:
                with self._guard(), Session(self._writer, expire_on_commit=False) as s, s.begin():
                    return work(s)
            except IntegrityError as exc:  # e.g. two sessions creating one card: read again
                if attempt == RETRIES - 1:
                    reason = str(exc.orig).splitlines()[0]
                    raise StoreError(f"could not save to {self.shown}: {reason}") from None
        raise AssertionError("unreachable")

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except IntegrityError:
            raise
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            if any(w in reason for w in ("malformed", "not a database", "corrupt")):
                self.engine.dispose()
                if self._on_damage is not None:
                    self._on_damage()
                raise StoreError(f"the progress store {self.shown} is damaged ({reason}); it was "
                                 "left untouched - restore a backup (*.bak-*) or choose "
                                 "another --db") from None
            if "readonly" in reason or "read-only" in reason:
                raise StoreError(f"the progress store {self.shown} is read-only (its folder "
                                 "or the file cannot be written): stats and export work, "
                                 "saving does not; make it writable, or choose another "
                                 "--db") from None
            if "locked" in reason or "busy" in reason:
                raise StoreError(f"the progress store {self.shown} is busy ({reason}): another "
                                 "cnnquiz kept it locked too long; try again") from None
            raise StoreError(f"the progress store {self.shown} failed: {reason}") from None

    # learners and settings -------------------------------------------------------------

    def learner_id(self, name: str = "default") -> int:
        """The learner called `name`, created on first use."""
        def work(s: Session) -> int:
            found = s.scalar(select(Learner.id).where(Learner.name == name))
            if found is not None:
                return found
            row = Learner(name=name, created_at=self.now())
            s.add(row)
            s.flush()
            return row.id
        with self.reading() as s:
            found = s.scalar(select(Learner.id).where(Learner.name == name))
        return found if found is not None else self.write(work)

    def learners(self) -> list[str]:
        with self.reading() as s:
            return list(s.scalars(select(Learner.name).order_by(Learner.name)))

    def require_learner(self, name: str) -> None:
        """For read-only commands, which never create a learner: CnnquizError naming the
        learners there are when `name` is not one of them."""
        known = self.learners()
        if name not in known:
            there = (f"learners here: {', '.join(known)}" if known
                     else "this store has no learners yet")
            raise CnnquizError(f"no learner called {name!r}; {there}")

    def settings(self, learner_id: int) -> dict[str, str]:
        with self.reading() as s:
            rows = s.execute(select(Setting.key, Setting.value)
                             .where(Setting.learner_id == learner_id)).all()
        return {k: v for k, v in rows}

    def set_setting(self, learner_id: int, key: str, value: str | None) -> None:
        """Set (or, with None, clear) one setting."""
        def work(s: Session) -> None:
            row = s.get(Setting, (learner_id, key))
            if value is None:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(Setting(learner_id=learner_id, key=key, value=value))
            else:
                row.value = value
        self.write(work)

    # sessions and cards ------------------------------------------------------------------

    def start_session(self, learner_id: int, topics: list[str], planned: int | None) -> str:
        uid = new_uid()
        self.write(lambda s: s.add(StudySession(
            uid=uid, learner_id=learner_id, started_at=self.now(), topics=",".join(topics),
            planned=planned, answered=0)))
        return uid

    def end_session(self, uid: str) -> None:
        self.write(lambda s: s.execute(
            update(StudySession).where(StudySession.uid == uid).values(ended_at=self.now())))

    def cards(self, learner_id: int) -> dict[str, CardState]:
        with self.reading() as s:
            rows = s.scalars(select(Card).where(Card.learner_id == learner_id)).all()
            return {r.skill: card_state(r) for r in rows}

    # the study path ----------------------------------------------------------------------

    def record(self, learner_id: int, a: AttemptIn, *, planner: Planner | None,
               self_rating: int | None = None) -> Recorded:
        """Save one shown answer; if `planner` is given it is also a review of `a.skill`."""
        def work(s: Session) -> Recorded:
            uid, rating, state = new_uid(), None, None
            if planner is not None:
                rating, state = self._review(s, learner_id, a, planner, self_rating, uid)
            s.add(Attempt(uid=uid, learner_id=learner_id, session_uid=a.session_uid, code=a.code,
                          template=a.template, topic=a.topic, level=a.level, skill=a.skill,
                          given=a.given, verdict=a.verdict, mistake=a.mistake,
                          seconds=a.seconds, rating=rating, answered_at=a.answered_at, day=a.day))
            if a.session_uid and planner is not None:
                s.execute(update(StudySession).where(StudySession.uid == a.session_uid)
                          .values(answered=StudySession.answered + 1))
            return Recorded(uid, rating, state)
        return self.write(work)

    def _review(self, s: Session, learner_id: int, a: AttemptIn, planner: Planner,
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
