"""The study loop, free of any UI: the Textual app and `cnnquiz drill` both drive it.

    loop = StudyLoop(store, topics=["output-size"], count=10)
    while (q := loop.next()) is not None:
        ...show q.prompt...
        if loop.self_rated:              # concept short answer
            ...show loop.reveal()...; outcome = loop.rate(1..4, given)
        else:
            outcome = loop.answer(text)  # graded, saved, scheduled
        ...show outcome (saved before this returns)...
    summary = loop.summary()             # what the session came to
    loop.close()

`answer` commits the attempt (and its review) before it returns, so whatever
the caller shows is already on disk. An unreadable or blank answer is saved
but is not a review: the same question stays current and may be answered again.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from cnnquiz.errors import CnnquizError
from cnnquiz.i18n import Lang
from cnnquiz.questions.answer_text import answer_text
from cnnquiz.questions.answers import is_blank
from cnnquiz.questions.grading import SHOWN_CHARS, counts_as_attempt, grade, grade_self
from cnnquiz.questions.model import Question, Verdict
from cnnquiz.store.recording import AttemptIn
from cnnquiz.store.scheduler import Planner, local_day
from cnnquiz.store.store import Store
from cnnquiz.study import hints, queue
from cnnquiz.study.outcome import GAVE_UP, GIVE_UP_LINE, Outcome, Reveal, chosen_whys
from cnnquiz.study.skills import Skill, catalogue, check_topics
from cnnquiz.study.summary import SessionSummary, summarize

HINTED_RATING = 2  # FSRS Hard: at best, a right answer after a hint was recalled with help


class StudyLoop:
    """One study session for one learner over a store."""

    def __init__(self, store: Store, learner: str = "default", *,
                 topics: Sequence[str] | None = None, count: int | None = None,
                 lang: Lang = "en", bank_dirs: Sequence[str | Path] = (),
                 include_bank: bool = True, now: Callable[[], datetime] | None = None,
                 rng: random.Random | None = None, tz: tzinfo | None = None,
                 fuzzing: bool | None = None, skills: Sequence[Skill] | None = None) -> None:
        """`skills` replaces the catalogue of `topics` (e.g. "practise just these")."""
        if count is not None and count < 1:
            raise CnnquizError(f"the session length must be at least 1, not {count}")
        self.store, self.lang, self.count = store, lang, count
        self.topics = check_topics(topics)
        self.bank_dirs = list(bank_dirs)
        self.now = now or (lambda: datetime.now(UTC))
        self.rng = rng or random.Random()
        self.learner_id = store.learner_id(learner)
        self.planner = Planner.from_settings(store.settings(self.learner_id), tz=tz,
                                             fuzzing=fuzzing)
        if skills is None:
            self.skills, self.warnings = catalogue(self.topics, bank_dirs=self.bank_dirs,
                                                   include_bank=include_bank)
        else:
            self.skills, self.warnings = list(skills), []
        if not self.skills:
            raise CnnquizError(f"nothing to study for topics {', '.join(self.topics)}")
        self.cards = store.cards(self.learner_id)
        self.session_uid: str | None = None
        self.current: Question | None = None
        self.n = self.answered = self.correct = 0
        self._last: str | None = None
        self._shown_at = self._started = self.now()
        self.hinted = False  # the current question's hint has been shown
        self.outcomes: list[Outcome] = []  # this session's reviews, in order

    @property
    def done(self) -> bool:
        return self.count is not None and self.answered >= self.count

    @property
    def self_rated(self) -> bool:
        """The current question is a short answer the learner rates (reveal, then rate)."""
        return self.current is not None and self.current.answer.kind == "text"

    def next(self) -> Question | None:
        """The next question (a fresh instance of the chosen skill), or None when done."""
        if self.done:
            return None
        if self.session_uid is None:
            self.session_uid = self.store.start_session(self.learner_id, self.topics, self.count)
            self._started = self.now()
        pick = queue.choose(self.skills, self.cards, self.planner, self.now(), self._last)
        if pick is None:
            return None
        self.current = pick.skill.instance(self.rng, self.lang, self.bank_dirs)
        self.n += 1
        self._shown_at = self.now()
        self.hinted = False
        return self.current

    def warm_up(self, ahead: int = 3) -> None:
        """Load what the next `ahead` questions need (their template modules, numpy, the
        bank) by drawing throwaway instances from a private random stream: the session's
        own draws are unchanged, and a face can call this while the learner reads."""
        throwaway = random.Random(0)
        for pick in queue.ordered(self.skills, self.cards, self.planner, self.now())[:ahead]:
            pick.skill.instance(throwaway, self.lang, self.bank_dirs)

    def hint(self) -> str | None:
        """A hint for the current question (see `study.hints`), or None if it has none.
        Once shown, a right answer to this question is rated Hard at best."""
        shown = hints.hint(self._pending(), self.rng)
        self.hinted = self.hinted or shown is not None
        return shown

    def answer(self, given: str, seconds: float | None = None) -> Outcome:
        """Grade `given`, save it (and, if correct or wrong, review and reschedule)."""
        q = self._pending()
        if q.answer.kind == "text" and not is_blank(given):
            raise ValueError("a short answer is self-rated: call reveal() and rate()")
        return self._save(q, grade(q, given), seconds)

    def unreadable(self, given: str, reason: str, seconds: float | None = None) -> Outcome:
        """Save a reply that could not even be read as text (e.g. bytes that are not
        UTF-8, arriving as surrogates): unreadable, so the same question stays current."""
        q = self._pending()
        try:
            shown = given.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        except UnicodeEncodeError:  # a surrogate that no undecodable byte makes
            shown = given.encode("utf-8", "replace").decode("utf-8")
        shown = shown.strip()[:SHOWN_CHARS]
        return self._save(q, Verdict("unreadable", shown, q.answer.value, explanation=reason),
                          seconds)

    def reveal(self) -> Reveal:
        q = self._pending()
        return Reveal(answer_text(q.answer), q.key_points)

    def rate(self, rating: int, given: str = "", seconds: float | None = None) -> Outcome:
        """Record the learner's own rating (1 Again, 2 Hard, 3 Good, 4 Easy) of a short answer.

        A give-up (`?`) stays a give-up whatever the rating: saved as wrong, rated Again."""
        q = self._pending()
        if given.strip() == GIVE_UP_LINE:
            return self.give_up(seconds)
        return self._save(q, grade_self(q, rating, given), seconds, self_rating=rating)

    def give_up(self, seconds: float | None = None) -> Outcome:
        """Show the answer without an attempt: a review rated Again."""
        q = self._pending()
        return self._save(q, Verdict("wrong", "", q.answer.value, explanation=GAVE_UP), seconds)

    def summary(self) -> SessionSummary:
        """What this session came to so far: score, help used, topics, named mistakes."""
        return summarize(self.outcomes, (self.now() - self._started).total_seconds())

    def close(self) -> None:
        """End the session (its answers are already saved)."""
        if self.session_uid is not None:
            self.store.end_session(self.session_uid)
            self.session_uid = None

    def _pending(self) -> Question:
        if self.current is None:
            raise ValueError("no question is waiting for an answer; call next() first")
        return self.current

    def _save(self, q: Question, verdict: Verdict, seconds: float | None,
              self_rating: int | None = None) -> Outcome:
        when = self.now()
        taken = seconds if seconds is not None else (when - self._shown_at).total_seconds()
        counted = counts_as_attempt(verdict)
        if counted and self.hinted and verdict.verdict == "correct":
            self_rating = min(self_rating or HINTED_RATING, HINTED_RATING)
        attempt = AttemptIn(
            code=q.code, template=q.template, topic=q.topic, level=q.level, skill=q.skill,
            given=verdict.given, verdict=verdict.verdict, mistake=verdict.mistake,
            seconds=max(0.0, float(taken)), answered_at=when,
            day=local_day(when, self.planner.zone()), session_uid=self.session_uid)
        saved = self.store.record(self.learner_id, attempt,
                                  planner=self.planner if counted else None,
                                  self_rating=self_rating)
        outcome = Outcome(self.n, q, verdict, counted, saved.rating,
                          saved.card.due if saved.card else None, saved.attempt_uid,
                          chosen_whys(q, verdict), self.hinted, self._mistake_words(verdict))
        if counted:
            assert saved.card is not None
            self.cards[q.skill] = saved.card
            self.answered += 1
            self.correct += verdict.verdict == "correct"
            self._last, self.current = q.skill, None
            self.outcomes.append(outcome)
        return outcome

    def _mistake_words(self, verdict: Verdict) -> str | None:
        if verdict.mistake is None:
            return None
        from cnnquiz.store.labels import mistake_label

        return mistake_label(verdict.mistake, "zh" if self.lang == "zh" else "en", self.bank_dirs)
