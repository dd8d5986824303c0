"""The store's operations: learners, settings, sessions, and recording one attempt.

One Store per open file: it owns the engine, and every read or write goes through
`reading` or `write`, which turn SQLAlchemy's failures (a damaged, read-only or busy
file) into one-line StoreErrors. `record` is the one write on the study path; what it
writes, in one transaction, is recording.py's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TypeVar

from sqlalchemy import Engine, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from cnnquiz.errors import CnnquizError
from cnnquiz.store.errors import StoreError
from cnnquiz.store.models import Card, Learner, Setting, StudySession, new_uid
from cnnquiz.store.recording import AttemptIn, Recorded, card_state, write_attempt
from cnnquiz.store.scheduler import CardState, Planner

T = TypeVar("T")
RETRIES = 5



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
        return self.write(lambda s: write_attempt(s, learner_id, a, planner, self_rating))
