"""One application object that every face (CLI, Textual app, tests) works through.

`make_application(settings)` builds it; nothing is opened then. The progress store
opens on the first method that needs it (read-only for stats and export) and closes
with `close()` or the `with` block, so `show`, `calc`, `print` and `bank list` never
touch the database, and `calc` loads neither numpy nor SQLAlchemy.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from cnnquiz.application import bank, calc, questions
from cnnquiz.application.settings import Settings

if TYPE_CHECKING:
    import random

    from cnnquiz.application.network import NetworkChoice
    from cnnquiz.bank.records import BankEntry
    from cnnquiz.engine.zoo import Network
    from cnnquiz.questions.model import Question
    from cnnquiz.questions.network_case import NetworkCase
    from cnnquiz.questions.sets import QuestionSet
    from cnnquiz.questions.sheets import Report
    from cnnquiz.store.stats import Progress
    from cnnquiz.store.store import Store
    from cnnquiz.store.transfer import ImportReport
    from cnnquiz.study.interview import Interview
    from cnnquiz.study.loop import StudyLoop
    from cnnquiz.study.skills import Skill


class Application:
    """The product's operations over one `Settings` and a lazily opened store."""

    def __init__(self, settings: Settings, *, now: Callable[[], datetime] | None = None) -> None:
        self.settings = settings
        self._now = now
        self._store: Store | None = None
        self._writable = False

    # -- the store -----------------------------------------------------------------
    def store(self, *, write: bool = True) -> Store:
        """The progress store, opened on first use (reopened writable when needed)."""
        if self._store is not None and (self._writable or not write):
            return self._store
        from cnnquiz.store.db import open_store

        self.close()
        self._store = open_store(self.settings.db, write=write, now=self._now)
        self._writable = write
        return self._store

    @property
    def store_opened(self) -> bool:
        return self._store is not None

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> Application:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- questions, sets, sheets, calc, bank (no store) ----------------------------
    def question(self, code: str, network: str | None = None,
                 input_size: str | None = None) -> Question:
        """The question a code names (generated, `bank:<id>` incl. `--bank` folders, or a
        question about a network; one read from a file needs that file as `network`)."""
        case = None if network is None else self.network(network, input_size).case
        return questions.resolve_code(code, self.settings.lang, self.settings.bank_dirs, case)

    def network(self, net: str, input_size: str | None = None) -> NetworkChoice:
        """A built-in network or a layer-spec / print(model) file, on its input size."""
        from cnnquiz.application.network import load_network

        return load_network(net, input_size, self.settings.lang)

    def build_sets(self, topics: Sequence[str] = (), count: int = 10, seed: int | None = None,
                   level: int | None = None, versions: int = 1,
                   lang: str | None = None) -> list[tuple[str, QuestionSet]]:
        """A printable set (or `versions` forms of it, with their form letters), concept
        questions drawn from every bank; `lang` overrides the settings' language."""
        from cnnquiz.application.settings import parse_lang

        language = parse_lang(lang) if lang else self.settings.lang
        return questions.build_sets(topics, count, seed, level, versions, language,
                                    self.settings.bank_dirs)

    def check(self, set_ref: str, text: str) -> Report:
        """Grade a filled answer sheet's text against a set file or set code."""
        from cnnquiz.application import checking

        return checking.check(set_ref, text, self.settings.lang, self.settings.bank_dirs)

    def record_check(self, report: Report) -> int:
        """Save a checked sheet's graded answers as practice; how many were saved."""
        from cnnquiz.application import checking

        return checking.record(self.store(), self.settings.learner, report, self._now)

    def calc(self, spec: str | None, input_size: str | None,
             stdin: TextIO | None = None) -> calc.CalcResult:
        """A layer spec, network name or print(model) text (or `-`/`@FILE`) summarised."""
        return calc.calc_summary(spec, input_size, self.settings.lang, stdin)

    def networks(self) -> list[Network]:
        return calc.networks()

    def bank_entries(self, topic: str | None = None) -> list[BankEntry]:
        return bank.bank_entries(topic, self.settings.bank_dirs)

    def bank_warnings(self) -> tuple[str, ...]:
        """Bank files left out because of a problem (each named, with its first problem)."""
        from cnnquiz.bank import get_bank

        return get_bank(self.settings.bank_dirs).skipped

    def bank_rows(self, topic: str | None = None) -> list[dict[str, Any]]:
        return bank.bank_rows(topic, self.settings.bank_dirs)

    def validate_bank(self, folder: Path | None = None) -> bank.BankCheck:
        return bank.validate_bank(folder, self.settings.bank_dirs)

    # -- progress (the store) ------------------------------------------------------
    def study(self, topics: Sequence[str] = (), count: int | None = None,
              skills: Sequence[Skill] | None = None, *, keys: Sequence[str] = (),
              level: int | None = None, rng: random.Random | None = None) -> StudyLoop:
        """A study session for the current learner (saves every answer as it goes),
        narrowed to the skills named by `keys` and/or one `level` when given; `rng`
        fixes the questions drawn (and turns off scheduling fuzz) for tests."""
        from cnnquiz.application.practice import pick_skills
        from cnnquiz.study.loop import StudyLoop

        if skills is None:
            skills = pick_skills(topics, self.settings.bank_dirs, keys=keys, level=level)
        return StudyLoop(self.store(), self.settings.learner, topics=list(topics), count=count,
                         lang=self.settings.lang, bank_dirs=self.settings.bank_dirs,
                         now=self._now, skills=skills, rng=rng,
                         fuzzing=False if rng is not None else None)

    def study_network(self, case: NetworkCase, count: int | None = None) -> StudyLoop:
        """A study session of questions about one network (`drill --network`)."""
        from cnnquiz.study.network_skills import network_skills

        return self.study(count=count, skills=network_skills(case))

    def interview(self, minutes: float | None = None, count: int | None = None,
                  rng: random.Random | None = None) -> Interview:
        """A mock interview for the current learner: `minutes` (default 30 when no `count`
        is given) and/or `count` main questions, whichever ends first."""
        from cnnquiz.study.interview import DEFAULT_MINUTES, Interview

        if minutes is None and count is None:
            minutes = DEFAULT_MINUTES
        return Interview(self.store(), self.settings.learner, minutes=minutes, count=count,
                         lang=self.settings.lang, bank_dirs=self.settings.bank_dirs,
                         now=self._now, rng=rng)

    def stats(self) -> Progress:
        from cnnquiz.application.settings import DEFAULT_LEARNER
        from cnnquiz.store.stats import summarize

        store = self.store(write=False)
        if self.settings.learner != DEFAULT_LEARNER:  # a typo must not read as "no progress"
            store.require_learner(self.settings.learner)
        return summarize(store, self.settings.learner, now=self._now)

    def interview_date(self) -> date | None:
        """The current learner's interview date, as saved in the store."""
        from cnnquiz.store.scheduler import interview_date

        store = self.store(write=False)
        if self.settings.learner not in store.learners():  # reading creates no learner
            return None
        return interview_date(store.settings(store.learner_id(self.settings.learner)))

    def set_interview_date(self, value: date | None) -> None:
        """Save (None: forget) the date every studied skill should be fresh on."""
        from cnnquiz.store.scheduler import INTERVIEW_DATE

        store = self.store()
        store.set_setting(store.learner_id(self.settings.learner), INTERVIEW_DATE,
                          None if value is None else value.isoformat())

    def load_settings(self) -> Settings:
        """The settings completed from the store (the interview date)."""
        return replace(self.settings, interview=self.interview_date())

    def preferences(self) -> dict[str, str]:
        """The learner's saved settings (the app's language, theme, session length...)."""
        store = self.store()
        return store.settings(store.learner_id(self.settings.learner))

    def set_preference(self, key: str, value: str | None) -> None:
        store = self.store()
        store.set_setting(store.learner_id(self.settings.learner), key, value)

    def activity(self, today: date, days: int = 30) -> list[int]:
        """Counted answers on each of the `days` days ending `today`, oldest first."""
        from cnnquiz.store.history import answers_per_day

        return answers_per_day(self.store(write=False), self.settings.learner, today, days)

    def learners(self) -> list[str]:
        return self.store(write=False).learners()

    def export_data(self) -> dict[str, Any]:
        """All progress (every learner), as the export file holds it."""
        from cnnquiz.store.transfer import export_data

        return export_data(self.store(write=False))

    def import_data(self, doc: Any, name: str) -> ImportReport:
        """Merge an export into the store (rows already present are skipped)."""
        from cnnquiz.store.transfer import import_data

        return import_data(self.store(), doc, name)


def make_application(settings: Settings, *, now: Callable[[], datetime] | None = None
                     ) -> Application:
    """The application for `settings`; the store is opened only when first needed."""
    return Application(settings, now=now)


@contextmanager
def open_application(settings: Settings, *, now: Callable[[], datetime] | None = None
                     ) -> Iterator[Application]:
    """`make_application` as a `with` block that closes the store at the end."""
    app = make_application(settings, now=now)
    try:
        yield app
    finally:
        app.close()
