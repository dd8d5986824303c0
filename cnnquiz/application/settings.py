"""What a run of cnnquiz is configured with, resolved in one place.

Options given on the command line win over the environment (`CNNQUIZ_DB`,
`CNNQUIZ_LANG`, `CNNQUIZ_LEARNER`), which wins over the defaults. Every face (the
CLI, the Textual app, tests) builds a `Settings` here and hands it to
`make_application`, so no face re-implements these rules.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from cnnquiz.errors import CnnquizError, LangError
from cnnquiz.i18n import LANGS, Lang, is_lang

DEFAULT_LEARNER = "default"
CLEAR = ("", "none")  # what `--interview` takes to forget the date


@dataclass(frozen=True)
class Settings:
    """One run's configuration. `interview` is the learner's interview date as saved in
    the store: None until `Application.load_settings()` has read it."""

    db: str | None = None  # a path or SQLAlchemy URL; None: the default file
    lang: Lang = "en"
    learner: str = DEFAULT_LEARNER
    bank_dirs: tuple[str, ...] = ()  # extra concept-bank folders (`--bank`)
    interview: date | None = None

    def with_learner(self, learner: str | None) -> Settings:
        """These settings for another learner profile (None: unchanged; blank: refused)."""
        if learner is None:
            return self
        if not learner.strip():
            raise CnnquizError("--learner needs a name (profiles are told apart by it)")
        return replace(self, learner=learner.strip(), interview=None)


def parse_lang(value: str) -> Lang:
    """`en` or `zh` (any case, spaces ignored); CnnquizError otherwise."""
    lang = value.strip().lower()
    if not is_lang(lang):
        raise LangError(f"language must be one of {', '.join(LANGS)}, not {value.strip()!r}")
    return lang


def parse_interview(value: str, today: date | None = None) -> date | None:
    """A `YYYY-MM-DD` date from `today` on, or None for `none`/blank (clears the date)."""
    text = value.strip().lower()
    if text in CLEAR:
        return None
    try:
        when = date.fromisoformat(text)
    except ValueError:
        raise CnnquizError(f"--interview takes a date like 2025-06-30, not {value!r}") from None
    today = today or date.today()
    if when < today:
        raise CnnquizError(f"the interview date {when.isoformat()} is in the past (today is "
                           f"{today.isoformat()}); give a coming date, or none to clear it")
    return when


def resolve_settings(db: str | None = None, lang: str | None = None,
                     learner: str | None = None, bank_dirs: Sequence[str] = (),
                     env: Mapping[str, str] | None = None) -> Settings:
    """Settings from explicit values (None: not given), then `env` (default os.environ)."""
    environ = os.environ if env is None else env

    def pick(value: str | None, name: str) -> str | None:
        if value is not None and value.strip():
            return value
        found = environ.get(name)
        return found if found and found.strip() else None

    return Settings(
        db=pick(db, "CNNQUIZ_DB"),
        lang=parse_lang(pick(lang, "CNNQUIZ_LANG") or "en"),
        learner=(pick(learner, "CNNQUIZ_LEARNER") or DEFAULT_LEARNER).strip(),
        bank_dirs=tuple(str(d) for d in bank_dirs),
    )
