"""What the app asks of the layers below, in one place (filled from the application layer).

Every method here may touch the store, the bank or the templates: slow work
that the screens only call from thread workers, never while composing a frame.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from cnnquiz.i18n import Lang

if TYPE_CHECKING:
    from cnnquiz.store.stats import Summary
    from cnnquiz.store.store import Store
    from cnnquiz.study.loop import StudyLoop


@dataclass(frozen=True)
class Prefs:
    """The learner's app settings, saved in the store."""

    lang: Lang
    theme: str
    length: int
    level: int | None
    interview: date | None


class Services:
    def __init__(self, db: str | None, learner: str, bank_dirs: Sequence[str], *,
                 now: Callable[[], datetime] | None = None, seed: int | None = None) -> None:
        """`now` and `seed` fix the clock and the drawn questions (tests, snapshots)."""
        self.db, self.learner, self.bank_dirs = db, learner, list(bank_dirs)
        self.now = now or (lambda: datetime.now(UTC))
        self.seed = seed
        self._store: Store | None = None

    def today(self) -> date:
        return self.now().astimezone().date()

    @property
    def store(self) -> Store:
        if self._store is None:
            from cnnquiz.store.db import open_store

            self._store = open_store(self.db, now=self.now)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def summary(self) -> Summary:
        from cnnquiz.store.stats import summarize

        return summarize(self.store, self.learner, now=self.now)

    def study(self, topics: Sequence[str], count: int, lang: Lang,
              skills: Sequence[str] = (), level: int | None = None) -> StudyLoop:
        """A session over `topics`, narrowed to the `skills` named or to one `level`."""
        from cnnquiz.study.loop import StudyLoop
        from cnnquiz.study.skills import catalogue

        chosen = None
        if skills or level:
            everything, _ = catalogue(topics, bank_dirs=self.bank_dirs)
            chosen = [s for s in everything
                      if (not skills or s.key in set(skills)) and (not level or s.level == level)]
        rng = random.Random(self.seed) if self.seed is not None else None
        return StudyLoop(self.store, self.learner, topics=list(topics), count=count, lang=lang,
                         bank_dirs=self.bank_dirs, skills=chosen, now=self.now, rng=rng,
                         fuzzing=False if self.seed is not None else None)

    PREFIX = "app."

    def prefs(self, lang: Lang, theme: str, length: int) -> Prefs:
        """Saved settings, falling back to the given defaults."""
        from cnnquiz.i18n import is_lang
        from cnnquiz.store.scheduler import INTERVIEW_DATE

        saved = self.store.settings(self.store.learner_id(self.learner))
        stored_lang = saved.get(self.PREFIX + "lang")
        level = saved.get(self.PREFIX + "level")
        interview = saved.get(INTERVIEW_DATE)
        return Prefs(
            lang=stored_lang if is_lang(stored_lang) else lang,
            theme=saved.get(self.PREFIX + "theme", theme),
            length=int(saved.get(self.PREFIX + "length", length)),
            level=int(level) if level else None,
            interview=date.fromisoformat(interview) if interview else None)

    def save_prefs(self, prefs: Prefs) -> None:
        from cnnquiz.store.scheduler import INTERVIEW_DATE

        learner_id = self.store.learner_id(self.learner)
        values = {self.PREFIX + "lang": prefs.lang, self.PREFIX + "theme": prefs.theme,
                  self.PREFIX + "length": str(prefs.length),
                  self.PREFIX + "level": str(prefs.level) if prefs.level else None,
                  INTERVIEW_DATE: prefs.interview.isoformat() if prefs.interview else None}
        for key, value in values.items():
            self.store.set_setting(learner_id, key, value)

    def activity(self, days: int = 30) -> list[int]:
        from cnnquiz.store.history import answers_per_day

        return answers_per_day(self.store, self.learner, self.today(), days)
