"""Grading one given answer: correct, wrong (naming the misconception), unreadable or blank.

`grade` never raises on what a person types: a checker grading a whole sheet, or the
study app grading a keystroke, must not crash on one odd answer. "unreadable" carries
the reason (a ReadError's) and is not meant to count as a wrong attempt; "blank" is an
empty answer. A question whose own data is broken is a bug, not an odd answer: it
raises, so tests see it (data read from a user's file is checked where it is read).

Comparison rules (the same for the answer and for each Mistake's value):

- int: exact; with `allow_rounding`, within `tolerance` relative (`35K` for 34944).
- float and matrix entries: within `tolerance` absolute; or, since people round, a plain
  decimal written with d decimals that has >= 2 significant digits, with d at most
  ROUNDING_LEEWAY fewer decimals than the tolerance implies, and within half a unit of
  its last decimal (`1.67` for 5/3 when the tolerance is 1e-4). A tolerance of 0 means
  exact, without leeway.
- shape: sizes equal; a leading batch size 1 is ignored; [H, W, C] is accepted for an
  expected [C, H, W] when H == W != C (recorded as extra["layout"] = "HWC"); any other
  order is judged as written, in C, H, W order.
- choice: the same set of letters (all correct letters must be given, no others).
- text: never auto-graded. `grade` returns "correct" with explanation "self-rated" for
  any non-blank text; the caller shows the model answer and records `grade_self`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from fractions import Fraction
from typing import Any

from cnnquiz.questions.answers import Precision, Reading, is_blank, read_detailed
from cnnquiz.questions.model import Answer, Mistake, Option, Question, Verdict
from cnnquiz.questions.reasons import localize
from cnnquiz.questions.safe_eval import ReadError

ROUNDING_LEEWAY = 2  # decimals fewer than the tolerance implies that still count
SHOWN_CHARS = 200
SELF_RATED = "self-rated"
EXACT_COUNT = "an exact count is wanted: write all its digits, not a rounded number"


def grade(question: Question, given: str | None) -> Verdict:
    """Grade `given` against `question` (answer, mistakes, options), whatever `given` says.
    The explanation is in the question's language (reader messages are English)."""
    verdict = grade_answer(question.answer, given, mistakes=question.mistakes,
                           options=question.options)
    if question.lang == "zh" and verdict.mistake is None and verdict.explanation != SELF_RATED:
        return replace(verdict, explanation=localize(verdict.explanation, "zh"))
    return verdict


def grade_answer(answer: Answer, given: Any, *, mistakes: Sequence[Mistake] = (),
                 options: Sequence[Option] = ()) -> Verdict:
    """Grade against a bare Answer (e.g. one read from a set file), whatever `given` says.

    `given` is normally text; numbers or lists from a JSON answer sheet are read as
    their text form, None as blank.
    """
    text = "" if given is None else given if isinstance(given, str) else str(given)
    return _grade(answer, text, mistakes, options)


def grade_self(question: Question, rating: int, given: str = "") -> Verdict:
    """A self-rating of a text answer: 1 Again, 2 Hard, 3 Good, 4 Easy; >= 3 is correct."""
    if rating not in (1, 2, 3, 4):
        raise ValueError(f"rating must be 1-4, got {rating!r}")
    return Verdict("correct" if rating >= 3 else "wrong", _shown(given), question.answer.value,
                   explanation=SELF_RATED, parsed=_shown(given), extra={"rating": rating})


def counts_as_attempt(verdict: Verdict) -> bool:
    """Only correct and wrong answers count; blank and unreadable ones may be retried."""
    return verdict.verdict in ("correct", "wrong")


def _shown(text: str) -> str:
    return text.strip()[:SHOWN_CHARS]


def _grade(answer: Answer, text: str, mistakes: Sequence[Mistake],
           options: Sequence[Option]) -> Verdict:
    shown, expected = _shown(text), answer.value
    if is_blank(text):
        return Verdict("blank", shown, expected)
    if answer.kind == "text":
        return Verdict("correct", shown, expected, explanation=SELF_RATED, parsed=shown)
    try:
        reading = read_detailed(text, answer, options)
    except ReadError as err:
        return Verdict("unreadable", shown, expected, explanation=err.reason)
    parsed = to_plain(reading.value)
    ok, extra = compare(answer, reading, expected)
    if ok:
        return Verdict("correct", shown, expected, parsed=parsed, extra=extra)
    for mistake in mistakes:
        matched, how = _matches_mistake(answer, reading, mistake)
        if matched:
            return Verdict("wrong", shown, expected, mistake=mistake.name,
                           explanation=mistake.explanation, parsed=parsed, extra=how)
    return Verdict("wrong", shown, expected, explanation=_hint(answer, reading, options),
                   parsed=parsed, extra=extra)


def _matches_mistake(answer: Answer, reading: Reading,
                     mistake: Mistake) -> tuple[bool, dict[str, Any]]:
    """The reading matches this mistake, and the mistake is not itself the answer."""
    if counts_as_answer(answer, mistake.value):
        return False, {}
    return compare(answer, reading, mistake.value)


def counts_as_answer(answer: Answer, value: Any) -> bool:
    """Whether `value` (a mistake's, say) would be graded correct: within the answer's
    tolerance, such a mistake can never be named."""
    return compare(answer, Reading(value), answer.value)[0]


def compare(answer: Answer, reading: Reading, target: Any) -> tuple[bool, dict[str, Any]]:
    """Whether `reading` counts as `target` under `answer`'s rules, and notes on how."""
    value, kind = reading.value, answer.kind
    extra = dict(reading.extra)
    if kind == "int":
        if answer.allow_rounding:
            tolerance = answer.tolerance * abs(float(target))
            return _diff(value, target) <= tolerance + _slack(target), extra
        return _equal(value, target), extra
    if kind == "float":
        return _close(value, target, answer.tolerance, reading.precision), extra
    if kind == "shape":
        return _shape_equal(list(value), list(target), extra)
    if kind == "matrix":
        return _matrix_equal(value, target, answer.tolerance, reading.precision), extra
    if kind == "choice":
        return _letters(value) == _letters(target), extra
    return False, extra


def _slack(target: Any) -> float:
    return 1e-9 * max(1.0, abs(float(target)))


def _exact(x: Any) -> int | Fraction:
    """An exact number as Python computes with it: ints and Fractions mix exactly as they
    are; anything else exact (numpy's integers) becomes a Fraction."""
    return x if isinstance(x, (int, Fraction)) else Fraction(x)


def _diff(a: Any, b: Any) -> float | Fraction:
    if isinstance(a, float) or isinstance(b, float):
        return abs(float(a) - float(b))
    d = _exact(a) - _exact(b)
    return d if d >= 0 else -d  # (mypy types abs() of an int or Fraction as object)


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return _diff(a, b) <= _slack(b)
    return _exact(a) == _exact(b)


def _close(value: Any, target: Any, tolerance: float, precision: Precision) -> bool:
    diff, slack = _diff(value, target), _slack(target)
    if diff <= tolerance + slack:
        return True
    if precision is None or tolerance <= 0:
        return False
    decimals, significant = precision
    implied = math.ceil(-math.log10(tolerance) - 1e-9)
    if significant < 2 or decimals < implied - ROUNDING_LEEWAY:
        return False
    return diff <= 0.5 * 10.0 ** -decimals + slack


def _shape_equal(given: list[int], target: list[int],
                 extra: dict[str, Any]) -> tuple[bool, dict[str, Any]]:
    if len(given) == len(target) + 1 and given[0] == 1:
        given = given[1:]
        extra["batch"] = 1
    if given == target:
        return True, extra
    c, h, w = [*target, 0, 0, 0][:3]
    hwc_ok = len(target) == 3 and h == w != c and "declared_layout" not in extra
    if hwc_ok and given == [h, w, c]:
        return True, {**extra, "layout": "HWC"}
    return False, extra


def _matrix_equal(value: Any, target: Any, tolerance: float, precision: Any) -> bool:
    if isinstance(target, list) or isinstance(value, list):
        if not (isinstance(target, list) and isinstance(value, list)):
            return False
        if len(target) != len(value):
            return False
        marks = precision if isinstance(precision, list) else [None] * len(value)
        return all(_matrix_equal(v, t, tolerance, p)
                   for v, t, p in zip(value, target, marks, strict=True))
    return _close(value, target, tolerance, precision)


def _letters(value: Any) -> frozenset[str]:
    items = [value] if isinstance(value, str) else list(value)
    return frozenset(str(v).strip().upper() for v in items)


def _rounded(precision: Any) -> bool:
    """Written with fewer digits than units (`3.5e4`): an estimate, not a count."""
    return isinstance(precision, tuple) and precision[0] < 0


def _dims(value: Any) -> list[int]:
    return [len(value), *_dims(value[0])] if isinstance(value, list) and value else []


def _hint(answer: Answer, reading: Reading, options: Sequence[Option]) -> str:
    """A neutral pointer for a wrong answer that matches no known mistake."""
    value, expected = reading.value, answer.value
    if answer.kind == "int" and not answer.allow_rounding and not _equal(value, round(value)):
        return "the answer is a whole number"
    if answer.kind == "int" and not answer.allow_rounding and _rounded(reading.precision):
        return EXACT_COUNT
    if answer.kind == "shape" and len(value) != len(expected):
        return f"expected {len(expected)} sizes, got {len(value)}"
    if answer.kind == "matrix" and _dims(value) != _dims(expected):
        want, got = (" x ".join(map(str, _dims(v))) for v in (expected, value))
        return f"expected {want} entries, got {got}"
    if answer.kind == "choice":
        chosen, right = _letters(value), _letters(expected)
        if chosen < right:
            return "more than one option is correct"
        whys = [o.why for o in options if o.letter.upper() in chosen - right and o.why]
        return whys[0] if whys else ""
    return ""


def to_plain(value: Any) -> Any:
    """JSON-friendly copy of a read value: Fractions become ints or floats."""
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if isinstance(value, Fraction):
        return int(value) if value.denominator == 1 else float(value)
    return value
