"""Grading: verdicts, named misconceptions, layouts, choices, rounding and self-rating."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnnquiz.questions import grading
from cnnquiz.questions.grading import (
    counts_as_attempt,
    grade,
    grade_answer,
    grade_self,
)
from cnnquiz.questions.model import Answer, Mistake, Option, Question
from cnnquiz.questions.read_numbers import SUFFIX_REASON

FORGOT_BIAS = Mistake("forgot-bias", 34848, "One bias per filter is missing.")
PLUS_ONE = Mistake("extra-filter", 35307, "Counted bias per input channel.")
SAME_AS_ANSWER = Mistake("not-a-mistake", 34944, "must never be shown")


def question(answer: Answer, mistakes: tuple[Mistake, ...] = (),
             options: tuple[Option, ...] = ()) -> Question:
    return Question(code="t-1", template="test", topic="params", level=2, lang="en",
                    prompt="?", answer=answer, solution=["step"], spec={},
                    mistakes=mistakes, options=options)


CONV1 = question(Answer("int", 34944), (SAME_AS_ANSWER, FORGOT_BIAS, PLUS_ONE))


@pytest.mark.parametrize("text", ["34944", "34,944", "11*11*3*96 + 96", "(11*11*3+1)*96",
                                  "34944 params"])
def test_correct_answers(text: str) -> None:
    v = grade(CONV1, text)
    assert (v.verdict, v.mistake, v.parsed, v.expected) == ("correct", None, 34944, 34944)


@pytest.mark.parametrize("text", ["34848", "34 848", "11*11*3*96"])
def test_a_wrong_answer_matching_a_mistake_names_it(text: str) -> None:
    v = grade(CONV1, text)
    assert (v.verdict, v.mistake) == ("wrong", "forgot-bias")
    assert v.explanation == FORGOT_BIAS.explanation
    assert v.parsed == 34848


def test_a_wrong_answer_matching_nothing_has_no_mistake() -> None:
    v = grade(CONV1, "12345")
    assert (v.verdict, v.mistake, v.parsed) == ("wrong", None, 12345)


def test_a_mistake_equal_to_the_answer_is_never_named() -> None:
    for text in ("34944", "34945", "0"):
        assert grade(CONV1, text).mistake != "not-a-mistake"
    # even under tolerance: a mistake within the tolerance of the answer is skipped
    estimate = question(Answer("int", 34944, 0.05, allow_rounding=True),
                        (Mistake("close", 35000, "x"), Mistake("far", 100, "y")))
    assert grade(estimate, "35000").verdict == "correct"
    assert grade(estimate, "99").mistake == "far"


def test_first_matching_mistake_wins() -> None:
    q = question(Answer("int", 10), (Mistake("a", 12, "first"), Mistake("b", 12, "second")))
    assert grade(q, "12").mistake == "a"


def test_blank_and_unreadable() -> None:
    blank = grade(CONV1, "   ")
    assert (blank.verdict, blank.given, blank.parsed) == ("blank", "", None)
    assert grade(CONV1, None).verdict == "blank"  # type: ignore[arg-type]
    bad = grade(CONV1, "34944 + ")
    assert (bad.verdict, bad.mistake) == ("unreadable", None)
    assert "ends too early" in bad.explanation
    assert not counts_as_attempt(bad) and not counts_as_attempt(blank)
    assert counts_as_attempt(grade(CONV1, "1"))


def test_estimates_within_relative_tolerance() -> None:
    q = question(Answer("int", 34944, tolerance=0.05, allow_rounding=True))
    for text in ("35K", "35k", "3.5e4", "34944", "35000 params", "3.5万"):
        assert grade(q, text).verdict == "correct", text
    assert grade(q, "40K").verdict == "wrong"
    suffix = grade(CONV1, "35K")
    assert (suffix.verdict, suffix.explanation) == ("unreadable", SUFFIX_REASON)
    assert grade(CONV1, "3.5e4").verdict == "wrong"  # readable, but not the exact count


def test_int_answers_hint_at_whole_numbers() -> None:
    v = grade(question(Answer("int", 2)), "2.5")
    assert (v.verdict, v.explanation) == ("wrong", "the answer is a whole number")


# --- floats and rounding ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "verdict"), [
    ("5/3", "correct"), ("1/(1-0.4)", "correct"), ("1.6667", "correct"),
    ("1.667", "correct"), ("1.67", "correct"),  # 2 decimals: within the leeway of 1e-4
    ("1.7", "wrong"),  # 1 decimal is more than 2 fewer than the tolerance implies
    ("1.66", "wrong"), ("1.68", "wrong"), ("2", "wrong"),
])
def test_float_rounding_leeway(text: str, verdict: str) -> None:
    q = question(Answer("float", 5 / 3, tolerance=1e-4))
    assert grade(q, text).verdict == verdict


def test_rounded_answers_need_two_significant_digits() -> None:
    q = question(Answer("float", 0.6652, tolerance=1e-3))
    assert grade(q, "0.67").verdict == "correct"
    assert grade(q, "0.665").verdict == "correct"
    assert grade(q, "0.7").verdict == "wrong"
    assert grade(q, "66.52%").verdict == "correct"


def test_zero_tolerance_floats_are_exact() -> None:
    q = question(Answer("float", 0.6, tolerance=0.0))
    assert grade(q, "3/5").verdict == "correct"
    assert grade(q, "0.6").verdict == "correct"
    assert grade(q, "0.61").verdict == "wrong"


def test_float_mistakes_use_the_same_rule() -> None:
    q = question(Answer("float", 5 / 3, tolerance=1e-4),
                 (Mistake("test-scale", 0.6, "That is the test-time factor."),))
    for text in ("0.6", "0.60", "3/5"):
        assert grade(q, text).mistake == "test-scale"


@given(st.floats(0.01, 1000), st.sampled_from([1e-2, 1e-3, 1e-4]))
def test_correctly_rounded_values_pass_and_off_by_one_digit_fails(value: float,
                                                                  tol: float) -> None:
    q = question(Answer("float", value, tolerance=tol))
    decimals = {1e-2: 2, 1e-3: 3, 1e-4: 4}[tol]
    text = f"{value:.{decimals}f}"
    assert grade(q, text).verdict == "correct"
    off = f"{float(text) + 3 * tol:.{decimals}f}"
    assert grade(q, off).verdict == "wrong"


# --- shapes -------------------------------------------------------------------------------

POOL = question(Answer("shape", [96, 55, 55]),
                (Mistake("no-plus-one", [96, 54, 54], "Forgot the +1."),))


@pytest.mark.parametrize("text", ["96x55x55", "(96, 55, 55)", "96@55x55", "[1, 96, 55, 55]",
                                  "55x55x96 (HxWxC)"])
def test_shapes_in_chw(text: str) -> None:
    v = grade(POOL, text)
    assert v.verdict == "correct"
    assert "layout" not in v.extra


@pytest.mark.parametrize("text", ["55x55x96", "55×55×96", "55 x 55 x 96"])
def test_hwc_is_accepted_when_unambiguous_and_recorded(text: str) -> None:
    v = grade(POOL, text)
    assert (v.verdict, v.extra["layout"], v.parsed) == ("correct", "HWC", [55, 55, 96])


def test_hwc_is_not_guessed_when_ambiguous() -> None:
    wide = question(Answer("shape", [64, 28, 56]))  # H != W: judged as written (C, H, W)
    assert grade(wide, "28x56x64").verdict == "wrong"
    assert grade(wide, "28x56x64 HWC").verdict == "correct"
    cube = question(Answer("shape", [32, 32, 16]))  # C == H: [H, W, C] is just wrong
    assert grade(cube, "32x16x32").verdict == "wrong"


def test_shape_mistakes_and_hints() -> None:
    for text in ("96x54x54", "54x54x96"):
        v = grade(POOL, text)
        assert (v.verdict, v.mistake) == ("wrong", "no-plus-one")
    assert grade(POOL, "96x55").explanation == "expected 3 sizes, got 2"
    assert grade(POOL, "55x96x55").mistake is None
    assert grade(POOL, "96x55.5x55").verdict == "unreadable"


# --- matrices -----------------------------------------------------------------------------

def test_matrices() -> None:
    q = question(Answer("matrix", [[1.0, 2.5], [3.0, 4.0]], tolerance=0.01),
                 (Mistake("flipped", [[4.0, 3.0], [2.5, 1.0]], "The kernel was flipped."),))
    assert grade(q, "1 2.5; 3 4").verdict == "correct"
    assert grade(q, "[[1, 5/2], [3, 4]]").verdict == "correct"
    assert grade(q, "1 2.51; 3 4").verdict == "correct"
    assert grade(q, "1 2.6; 3 4").verdict == "wrong"
    assert grade(q, "4 3; 2.5 1").mistake == "flipped"
    assert grade(q, "1 2.5 0; 3 4 0").explanation == "expected 2 x 2 entries, got 2 x 3"
    assert grade(q, "1 2; 3").verdict == "unreadable"


# --- choices ------------------------------------------------------------------------------

OPTIONS = (Option("A", "1", True), Option("B", "2", False, why="B counts the bias twice."),
           Option("C", "3", True), Option("D", "4", False))


def test_several_correct_letters_must_all_be_given() -> None:
    q = question(Answer("choice", ["A", "C"]), options=OPTIONS)
    assert grade(q, "A, C").verdict == "correct"
    assert grade(q, "ca").verdict == "correct"
    partial = grade(q, "A")
    assert (partial.verdict, partial.explanation) == ("wrong",
                                                      "more than one option is correct")
    assert grade(q, "A C D").verdict == "wrong"


def test_a_wrong_option_explains_itself() -> None:
    q = question(Answer("choice", "A"), options=OPTIONS)
    assert grade(q, "(a)").verdict == "correct"
    assert grade(q, "b").explanation == "B counts the bias twice."
    assert grade(q, "E").verdict == "unreadable"


def test_true_false_questions() -> None:
    q = question(Answer("choice", "B"),
                 options=(Option("A", "对", False), Option("B", "错", True)))
    for text, verdict in (("错", "correct"), ("×", "correct"), ("false", "correct"),
                          ("B", "correct"), ("对", "wrong"), ("√", "wrong")):
        assert grade(q, text).verdict == verdict, text


# --- text answers -------------------------------------------------------------------------

def test_text_answers_are_self_rated() -> None:
    q = question(Answer("text", "Weights are shared across positions."))
    v = grade(q, "  the same kernel everywhere ")
    assert (v.verdict, v.explanation, v.given) == ("correct", "self-rated",
                                                   "the same kernel everywhere")
    assert grade(q, "").verdict == "blank"
    assert [grade_self(q, r).verdict for r in (1, 2, 3, 4)] == ["wrong", "wrong", "correct",
                                                                "correct"]
    assert grade_self(q, 2).extra == {"rating": 2}
    with pytest.raises(ValueError, match="1-4"):
        grade_self(q, 5)


# --- robustness of the verdict itself -------------------------------------------------------

def test_given_is_stripped_and_truncated() -> None:
    v = grade(CONV1, "  " + "1" * 500 + "  ")
    assert v.given == "1" * 200
    assert v.verdict == "unreadable"


@pytest.mark.parametrize("value", [34944, 34944.0, [96, 55, 55]])
def test_json_answer_sheet_values_are_read_as_text(value: Any) -> None:
    answer = Answer("shape", [96, 55, 55]) if isinstance(value, list) else Answer("int", 34944)
    assert grade_answer(answer, value).verdict == "correct"


def test_a_bug_inside_grading_is_raised_not_reported_as_unreadable(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any) -> Any:
        raise IndexError("injected bug")

    monkeypatch.setattr(grading, "compare", broken)
    with pytest.raises(IndexError, match="injected bug"):
        grade(CONV1, "34944")
    assert grade(CONV1, "not a number").verdict == "unreadable"  # a person's text still is


def test_broken_question_data_is_a_bug_that_raises() -> None:
    with pytest.raises(TypeError):
        grade(question(Answer("int", {"oops": 1})), "5")
    with pytest.raises(ValueError):
        grade(question(Answer("int", 5), (Mistake("weird", "abc", "?"),)), "6")
