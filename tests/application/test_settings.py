"""Settings resolution: options beat the environment, which beats the defaults; a bad
language is one line naming the choices."""

from __future__ import annotations

from datetime import date

import pytest

from cnnquiz.application import Settings, parse_interview, resolve_settings
from cnnquiz.errors import CnnquizError


def test_defaults_without_options_or_environment() -> None:
    assert resolve_settings(env={}) == Settings(db=None, lang="en", learner="default")


def test_environment_fills_what_options_leave_out() -> None:
    env = {"CNNQUIZ_DB": "/tmp/x.db", "CNNQUIZ_LANG": "ZH", "CNNQUIZ_LEARNER": "ann"}
    assert resolve_settings(env=env) == Settings("/tmp/x.db", "zh", "ann")


def test_options_win_over_the_environment() -> None:
    env = {"CNNQUIZ_DB": "/tmp/x.db", "CNNQUIZ_LANG": "zh", "CNNQUIZ_LEARNER": "ann"}
    got = resolve_settings(db="mine.db", lang="en", learner="bob", bank_dirs=["a", "b"], env=env)
    assert got == Settings("mine.db", "en", "bob", ("a", "b"))


def test_blank_environment_values_count_as_unset() -> None:
    assert resolve_settings(env={"CNNQUIZ_LANG": " ", "CNNQUIZ_DB": ""}) == Settings()


def test_the_process_environment_is_read_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CNNQUIZ_LANG", "zh")
    assert resolve_settings().lang == "zh"


@pytest.mark.parametrize("env", [{}, {"CNNQUIZ_LANG": "fr"}])
def test_a_bad_language_is_one_line(env: dict[str, str]) -> None:
    with pytest.raises(CnnquizError) as err:
        resolve_settings(lang="fr" if not env else None, env=env)
    assert str(err.value) == "language must be one of en, zh, not 'fr'"


def test_another_learner_keeps_the_rest() -> None:
    base = Settings("x.db", "zh", bank_dirs=("b",))
    assert base.with_learner("  ann ") == Settings("x.db", "zh", "ann", ("b",))
    assert base.with_learner(None) is base
    with pytest.raises(CnnquizError, match="--learner needs a name"):  # issue 12
        base.with_learner(" ")


def test_interview_dates() -> None:
    assert parse_interview("2030-01-31") == date(2030, 1, 31)
    assert parse_interview("none") is None and parse_interview(" ") is None
    with pytest.raises(CnnquizError, match="--interview takes a date like"):
        parse_interview("next week")
