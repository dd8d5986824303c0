"""A mock interview, free of any UI: `cnnquiz interview` and the app's Interview screen
both drive it.

    iv = Interview(store, minutes=30)           # or count=10 (both: whichever comes first)
    while (asked := iv.next()) is not None:     # None: time is up, or the count reached
        ...show asked.question.prompt, asked.followup, iv.remaining...
        result = iv.answer(text)                # or iv.give_up(); saved before it returns
        if not result.counted: ...show result.explanation, ask the same again...
    card = iv.finish()                          # saves the interview; the review + scorecard

Nothing is revealed while it runs: `Answered` says only whether the answer was
read (an unreadable one gets its reason and is asked again). Every answer is saved
like a drill's (an attempt, and a review of its skill); `finish` saves the interview
itself so `stats` can show past interviews. After a numeric main question is
answered, with probability `followup_rate` a "why" follow-up on the same template
comes next (see interview_deck). The question being answered when time runs out
may still be answered; none is asked after.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

from cnnquiz.errors import CnnquizError
from cnnquiz.i18n import Lang
from cnnquiz.questions.grading import counts_as_attempt, grade
from cnnquiz.questions.model import Question, Verdict
from cnnquiz.store.interviews import InterviewRecord, save_interview
from cnnquiz.store.recording import AttemptIn
from cnnquiz.store.scheduler import Planner, local_day
from cnnquiz.store.store import Store
from cnnquiz.study.interview_deck import InterviewDeck
from cnnquiz.study.outcome import GAVE_UP
from cnnquiz.study.scorecard import ReviewItem, Scorecard, score

DEFAULT_MINUTES = 30.0
FOLLOWUP_RATE = 0.5


@dataclass(frozen=True)
class Asked:
    n: int  # 1-based, follow-ups numbered in the same run
    question: Question
    followup: bool
    about: int | None = None  # the main question a follow-up asks "why" about


@dataclass(frozen=True)
class Answered:
    """What may be shown during the interview: saved or not, and why not."""

    n: int
    verdict: str  # correct | wrong (saved) | unreadable | blank (not saved as a review)
    counted: bool  # False: ask the same question again
    explanation: str  # why an answer could not be read; "" once counted (nothing revealed)


@dataclass
class _Item:
    asked: Asked
    shown_at: datetime
    verdict: Verdict | None = None
    seconds: float = 0.0


class Interview:
    def __init__(self, store: Store, learner: str = "default", *,
                 minutes: float | None = DEFAULT_MINUTES, count: int | None = None,
                 lang: Lang = "en", bank_dirs: Sequence[str | Path] = (),
                 topics: Sequence[str] = (), now: Callable[[], datetime] | None = None,
                 rng: random.Random | None = None, tz: tzinfo | None = None,
                 fuzzing: bool | None = None, followup_rate: float = FOLLOWUP_RATE) -> None:
        if minutes is None and count is None:
            raise CnnquizError("an interview needs a time limit (--minutes) or a count (--count)")
        if count is not None and count < 1:
            raise CnnquizError(f"--count must be at least 1, not {count}")
        if minutes is not None and not 0 < minutes <= 24 * 60:
            raise CnnquizError(f"--minutes must be above 0 and at most a day, not {minutes:g}")
        self.store, self.lang, self.minutes, self.count = store, lang, minutes, count
        self.now = now or (lambda: datetime.now(UTC))
        self.rng = rng or random.Random()
        self.followup_rate = followup_rate
        self.learner_id = store.learner_id(learner)
        self.planner = Planner.from_settings(store.settings(self.learner_id), tz=tz,
                                             fuzzing=fuzzing)
        self.deck = InterviewDeck(self.rng, lang, topics=topics, bank_dirs=bank_dirs)
        self.warnings = list(self.deck.warnings)
        self.items: list[_Item] = []
        self.started_at: datetime | None = None
        self.session_uid: str | None = None
        self.current: _Item | None = None
        self._followup: tuple[Question, int] | None = None
        self.scorecard: Scorecard | None = None

    # -- the clock -----------------------------------------------------------------
    @property
    def deadline(self) -> datetime | None:
        if self.minutes is None or self.started_at is None:
            return None
        return self.started_at + timedelta(minutes=self.minutes)

    @property
    def remaining(self) -> float | None:
        """Seconds left (None without a time limit); the full time before the start."""
        if self.minutes is None:
            return None
        if self.deadline is None:
            return self.minutes * 60
        return max(0.0, (self.deadline - self.now()).total_seconds())

    @property
    def main_asked(self) -> int:
        return sum(not i.asked.followup for i in self.items)

    @property
    def done(self) -> bool:
        """Time is up, or every main question of `count` has been asked and answered."""
        if self.remaining == 0.0:
            return True
        return self.count is not None and self.main_asked >= self.count \
            and self._followup is None and self.current is None

    # -- asking and answering ------------------------------------------------------
    def next(self) -> Asked | None:
        """The question to answer now (the same one until it is answered), or None."""
        if self.current is not None:
            return self.current.asked
        if self.scorecard is not None or self.done:
            return None
        if self.started_at is None:
            self.started_at = self.now()
            self.session_uid = self.store.start_session(self.learner_id, [], self.count)
        if self._followup is not None:
            q, about = self._followup
            self._followup = None
            asked = Asked(len(self.items) + 1, q, True, about)
        else:
            asked = Asked(len(self.items) + 1, self.deck.main(), False)
        self.current = _Item(asked, self.now())
        self.items.append(self.current)
        return asked

    def answer(self, given: str) -> Answered:
        """Grade and save `given` (an unreadable or blank one is saved, not counted)."""
        item = self._pending()
        return self._save(item, grade(item.asked.question, given))

    def give_up(self) -> Answered:
        """Pass on the question: saved as wrong, its answer shown in the review."""
        item = self._pending()
        q = item.asked.question
        return self._save(item, Verdict("wrong", "", q.answer.value, explanation=GAVE_UP))

    def unreadable(self, reason: str) -> Answered:
        """Save a reply that could not be read as text at all; the same question stays."""
        item = self._pending()
        return self._save(item, Verdict("unreadable", "", item.asked.question.answer.value,
                                        explanation=reason))

    def finish(self) -> Scorecard:
        """End the interview: save it and return the review and scorecard (once)."""
        if self.scorecard is not None:
            return self.scorecard
        end = self.now()
        review = [self._review(i) for i in self.items]
        seconds = (end - self.started_at).total_seconds() if self.started_at else 0.0
        self.scorecard = card = score(review, seconds)
        self.current = None
        if self.started_at is not None:
            save_interview(self.store, self.learner_id, InterviewRecord(
                self.started_at, end, self.minutes, self.count, card.answered, card.correct,
                card.followups_asked, card.followups_correct, seconds, card.by_topic,
                card.weakest, self.session_uid))
            assert self.session_uid is not None
            self.store.end_session(self.session_uid)
        return card

    def _pending(self) -> _Item:
        if self.current is None:
            raise ValueError("no question is waiting for an answer; call next() first")
        return self.current

    def _save(self, item: _Item, verdict: Verdict) -> Answered:
        q, when = item.asked.question, self.now()
        counted = counts_as_attempt(verdict)
        taken = max(0.0, (when - item.shown_at).total_seconds())
        self.store.record(self.learner_id, AttemptIn(
            code=q.code, template=q.template, topic=q.topic, level=q.level, skill=q.skill,
            given=verdict.given, verdict=verdict.verdict, mistake=verdict.mistake,
            seconds=taken, answered_at=when, day=local_day(when, self.planner.zone()),
            session_uid=self.session_uid), planner=self.planner if counted else None)
        if not counted:
            return Answered(item.asked.n, verdict.verdict, False, verdict.explanation)
        item.verdict, item.seconds, self.current = verdict, taken, None
        if not item.asked.followup and self.remaining != 0.0 \
                and self.rng.random() < self.followup_rate:
            follow = self.deck.followup(q)
            if follow is not None:
                self._followup = (follow, item.asked.n)
        return Answered(item.asked.n, verdict.verdict, True, "")

    @staticmethod
    def _review(item: _Item) -> ReviewItem:
        q, v = item.asked.question, item.verdict
        if v is None:
            return ReviewItem(item.asked.n, q, item.asked.followup, None, "blank",
                              q.answer.value, None, "", 0.0)
        return ReviewItem(item.asked.n, q, item.asked.followup, v.given, v.verdict, v.expected,
                          v.mistake, v.explanation, item.seconds)
