"""The app's link to the application layer, and its preferences as one value.

Every method here may touch the store, the bank or the templates: slow work
that screens call only from thread workers, never while composing a frame.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from cnnquiz.application import Application, Settings, make_application
from cnnquiz.i18n import Lang, is_lang

if TYPE_CHECKING:
    from cnnquiz.store.stats import Progress
    from cnnquiz.study.loop import StudyLoop

WEAKEST = 8  # skills listed (and practised with `p`) on the stats screen
MISTAKES = 8

PREFIX = "app."  # the app's keys among the learner's saved settings


@dataclass(frozen=True)
class Prefs:
    """The learner's app settings, saved in the store."""

    lang: Lang
    theme: str
    length: int
    level: int | None
    interview: date | None


@dataclass(frozen=True)
class StatsView:
    """Everything the stats screen shows, ids already put in words."""

    summary: Progress
    activity: list[int]  # answers on each of the last days, oldest first
    today: date
    mistakes: list[tuple[str, int]]  # (mistake in words, times), most frequent first
    weakest: list[tuple[str, str, float]]  # (skill key, skill in words, recall), weakest first


class Services:
    def __init__(self, settings: Settings, *, now: Callable[[], datetime] | None = None,
                 seed: int | None = None) -> None:
        """`now` and `seed` fix the clock and the drawn questions (tests, snapshots)."""
        self.now = now or (lambda: datetime.now(UTC))
        self.seed = seed
        self._clock = now
        self.application: Application = make_application(settings, now=now)
        self._lock = threading.Lock()
        self._ready: tuple[tuple[object, ...], StudyLoop] | None = None  # see `prepare`

    @property
    def learner(self) -> str:
        return self.application.settings.learner

    def learners(self) -> list[str]:
        """The learner profiles in the store (the current one included)."""
        return sorted({*self.application.learners(), self.learner})

    def use_learner(self, name: str) -> None:
        """Study as `name` from now on (created on first use; blank: CnnquizError)."""
        settings = self.application.settings.with_learner(name)
        if settings.learner == self.learner:
            return
        old, self.application = self.application, make_application(settings, now=self._clock)
        self._ready = None
        old.close()

    def today(self) -> date:
        return self.now().astimezone().date()

    def close(self) -> None:
        self.application.close()

    def use_lang(self, lang: Lang) -> None:
        """Questions drawn from now on come in `lang`."""
        app = self.application
        app.settings = replace(app.settings, lang=lang)

    def summary(self) -> Progress:
        return self.application.stats()

    def activity(self, days: int = 30) -> list[int]:
        return self.application.activity(self.today(), days)

    def stats_view(self) -> StatsView:
        from cnnquiz.store.labels import mistake_label, skill_label

        s, lang, dirs = self.summary(), self.application.settings.lang, \
            self.application.settings.bank_dirs
        words: dict[str, int] = {}
        for mistake, n in s.mistakes.items():
            label = mistake_label(mistake, lang, dirs)
            words[label] = words.get(label, 0) + n
        ranked = sorted(words.items(), key=lambda kv: -kv[1])[:MISTAKES]
        weakest = [(k.skill, skill_label(k.skill, lang, dirs), k.recall)
                   for k in s.skills[:WEAKEST]]
        return StatsView(s, self.activity(), self.today(), ranked, weakest)

    def study(self, topics: Sequence[str], count: int, skills: Sequence[str] = (),
              level: int | None = None) -> StudyLoop:
        """A session; the one `prepare` built when it was for the same choices."""
        key = self._key(topics, count, skills, level)
        with self._lock:
            ready, self._ready = self._ready, None
        if ready is not None and ready[0] == key:
            return ready[1]
        return self._new_loop(topics, count, skills, level)

    def prepare(self, topics: Sequence[str], count: int, skills: Sequence[str] = (),
                level: int | None = None) -> None:
        """Build the session Enter would start, and load what its first questions need,
        while home is shown (opening the catalogue, the templates and numpy takes longer
        than a key press should). A session is only started by its first question."""
        key = self._key(topics, count, skills, level)
        with self._lock:
            if self._ready is None or self._ready[0] != key:
                self._ready = (key, self._new_loop(topics, count, skills, level))
            loop = self._ready[1]
        loop.warm_up()

    def _key(self, topics: Sequence[str], count: int, skills: Sequence[str],
             level: int | None) -> tuple[object, ...]:
        settings = self.application.settings
        return (tuple(topics), count, tuple(skills), level, settings.learner, settings.lang)

    def _new_loop(self, topics: Sequence[str], count: int, skills: Sequence[str],
                  level: int | None) -> StudyLoop:
        rng = random.Random(self.seed) if self.seed is not None else None
        return self.application.study(topics, count, keys=skills, level=level, rng=rng)

    def prefs(self, lang: Lang, theme: str, length: int) -> Prefs:
        """Saved settings, falling back to the given defaults; SettingsError for a saved
        interview date that is not a date (as everywhere else, not taken for none)."""
        from cnnquiz.store.scheduler import interview_date

        saved = self.application.preferences()
        stored_lang = saved.get(PREFIX + "lang")
        level = saved.get(PREFIX + "level")
        length_text = saved.get(PREFIX + "length", "")
        return Prefs(
            lang=stored_lang if is_lang(stored_lang) else lang,
            theme=saved.get(PREFIX + "theme", theme),
            length=int(length_text) if length_text.isdigit() else length,
            level=int(level) if level and level.isdigit() else None,
            interview=interview_date(saved))

    def save_prefs(self, prefs: Prefs) -> None:
        self._ready = None  # a prepared session planned with the old interview date
        values = {PREFIX + "lang": prefs.lang, PREFIX + "theme": prefs.theme,
                  PREFIX + "length": str(prefs.length),
                  PREFIX + "level": str(prefs.level) if prefs.level else None}
        for key, value in values.items():
            self.application.set_preference(key, value)
        self.application.set_interview_date(prefs.interview)

