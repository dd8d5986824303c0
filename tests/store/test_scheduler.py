"""FSRS scheduling: ratings from outcomes, determinism without fuzzing, the interview plan."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from fsrs import Rating
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnquiz.store.errors import SettingsError
from cnnquiz.store.scheduler import INTERVIEW_DATE, CardState, Planner, rate
from tests.store.helpers import START

UTC_PLAN = {"tz": START.tzinfo}
seconds = st.floats(min_value=0, max_value=600, allow_nan=False)
history = st.lists(st.floats(min_value=0.5, max_value=300), max_size=9)


@given(st.sampled_from(["wrong"]), seconds, history)
def test_a_wrong_answer_is_always_again(verdict: str, s: float, usual: list[float]) -> None:
    assert rate(verdict, s, usual) == Rating.Again


@given(seconds, st.lists(st.floats(min_value=0.5, max_value=300), max_size=1))
def test_without_history_a_right_answer_is_good(s: float, usual: list[float]) -> None:
    assert rate("correct", s, usual) == Rating.Good


@given(st.lists(st.floats(min_value=0.5, max_value=300), min_size=2, max_size=9), seconds, seconds)
def test_slower_never_rates_higher(usual: list[float], a: float, b: float) -> None:
    fast, slow = sorted((a, b))
    assert rate("correct", slow, usual) <= rate("correct", fast, usual)


def test_slow_is_hard_and_fast_is_easy() -> None:
    usual = [20.0, 22.0, 18.0]
    assert rate("correct", 20, usual) == Rating.Good
    assert rate("correct", 45, usual) == Rating.Hard
    assert rate("correct", 8, usual) == Rating.Easy


def run(planner: Planner, ratings: list[int], gaps_h: list[float]) -> list[CardState]:
    card, when, out = None, START, []
    for r, gap in zip(ratings, gaps_h, strict=True):
        when += timedelta(hours=gap)
        card = planner.review(card, r, when)
        out.append(card)
    return out


reviews = st.lists(st.tuples(st.integers(1, 4), st.floats(min_value=0.01, max_value=2000)),
                   min_size=1, max_size=25)


@settings(max_examples=300)
@given(reviews)
def test_without_fuzzing_scheduling_is_deterministic(seq: list[tuple[int, float]]) -> None:
    ratings, gaps = [r for r, _ in seq], [g for _, g in seq]
    assert run(Planner(fuzzing=False), ratings, gaps) == run(Planner(fuzzing=False), ratings, gaps)


def test_fuzzing_is_what_varies_long_intervals() -> None:
    ratings, gaps = [3, 3, 3, 4, 4, 4], [0, 0.2, 30, 200, 900, 3000]
    plain = {run(Planner(fuzzing=False), ratings, gaps)[-1].due for _ in range(10)}
    random.seed(1)
    fuzzed = {run(Planner(fuzzing=True), ratings, gaps)[-1].due for _ in range(10)}
    assert len(plain) == 1 and len(fuzzed) > 1


def test_the_first_review_follows_fsrs() -> None:
    p = Planner(fuzzing=False)
    again, good, easy = (p.review(None, r, START) for r in (1, 3, 4))
    assert again.due - START == timedelta(minutes=1)
    assert good.due - START == timedelta(minutes=10)
    assert easy.state == 2 and easy.due - START >= timedelta(days=1)
    assert (again.reps, good.reps) == (1, 1)


@settings(max_examples=300)
@given(reviews, st.integers(min_value=1, max_value=120), st.booleans())
def test_no_interval_reaches_past_the_interview(seq: list[tuple[int, float]], days_ahead: int,
                                                fuzz: bool) -> None:
    interview = (START + timedelta(days=days_ahead)).date()
    planned = Planner(fuzzing=fuzz, interview=interview, **UTC_PLAN)
    start = planned.interview_start()
    assert start is not None
    card, when = None, START
    for r, gap in seq:
        when += timedelta(hours=gap)
        card = planned.review(card, r, when)
        if when < start - timedelta(days=1):
            assert card.due <= start - timedelta(days=1)  # reviewed the day before at the latest
        elif when < start:
            assert card.due <= start  # or on the morning itself
        assert card.due > when


def test_the_interview_only_shortens_intervals() -> None:
    ratings, gaps = [3, 3, 4, 4], [0, 1, 48, 400]
    free = run(Planner(fuzzing=False), ratings, gaps)
    capped = run(Planner(fuzzing=False, interview=date(2025, 3, 20), **UTC_PLAN), ratings, gaps)
    assert all(c.due <= f.due for c, f in zip(capped, free, strict=True))
    assert any(c.due < f.due for c, f in zip(capped, free, strict=True))


def test_in_the_last_days_a_weak_skill_is_due_once_a_day() -> None:
    p = Planner(fuzzing=False, interview=(START + timedelta(days=10)).date(), **UTC_PLAN)
    card = p.review(None, 3, START)
    card = p.review(card, 3, START + timedelta(minutes=10))  # now in Review, due in days
    early = START + timedelta(hours=12)
    assert not p.is_due(card, early)  # far from the interview: FSRS decides
    final = START + timedelta(days=8, hours=9)
    assert p.in_final_days(final) and p.retrievability(card, p.interview_start()) < 0.9
    assert p.is_due(card, final)  # would not be fresh on the day
    again = p.review(card, 3, final)
    assert not p.is_due(again, final + timedelta(minutes=1))  # but not in a loop today


def test_settings_shape_the_plan() -> None:
    p = Planner.from_settings({INTERVIEW_DATE: "2025-06-30", "fuzzing": "off",
                               "desired_retention": "0.85"})
    assert p.interview == date(2025, 6, 30) and not p.fsrs.enable_fuzzing
    assert p.desired_retention == 0.85
    plain = Planner.from_settings({})
    assert plain.interview is None and plain.desired_retention == 0.9 and plain.fsrs.enable_fuzzing


@pytest.mark.parametrize(("key", "value"), [(INTERVIEW_DATE, "soon"), ("desired_retention", "high"),
                                            ("fuzzing", "maybe")])
def test_a_malformed_setting_is_an_error_not_a_silent_default(key: str, value: str) -> None:
    with pytest.raises(SettingsError, match=f"{key} = '{value}'"):
        Planner.from_settings({key: value})
