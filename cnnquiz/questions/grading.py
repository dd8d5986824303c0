"""Grading one given answer: correct, wrong (naming the misconception), unreadable or blank.

`grade` never raises on what a person types: a checker grading a whole sheet, or the
study app grading a keystroke, must not crash on one odd answer. "unreadable" carries
the reason (a ReadError's) and is not meant to count as a wrong attempt; "blank" is an
empty answer. A question whose own data is broken is a bug, not an odd answer: it
raises, so tests see it (data read from a user's file is checked where it is read).

The comparison rules (numbers, rounding, shapes, letters) are in comparison.py. Text
is never auto-graded: `grade` returns "correct" with explanation "self-rated" for any
non-blank text; the caller shows the model answer and records `grade_self`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from fractions import Fraction
from typing import Any

from cnnquiz.errors import ReadError
from cnnquiz.questions.comparison import compare, equal, letters
from cnnquiz.questions.model import Answer, Mistake, Option, Question, Reading, Verdict
from cnnquiz.questions.reasons import localize

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
    # The readers load with the first graded answer, not with every template (they only
    # ask counts_as_answer): `show CODE` and `print` never read an answer.
    from cnnquiz.questions.answers import is_blank, read_detailed

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


def _rounded(precision: Any) -> bool:
    """Written with fewer digits than units (`3.5e4`): an estimate, not a count."""
    return isinstance(precision, tuple) and precision[0] < 0


def _dims(value: Any) -> list[int]:
    return [len(value), *_dims(value[0])] if isinstance(value, list) and value else []


def _hint(answer: Answer, reading: Reading, options: Sequence[Option]) -> str:
    """A neutral pointer for a wrong answer that matches no known mistake."""
    value, expected = reading.value, answer.value
    if answer.kind == "int" and not answer.allow_rounding and not equal(value, round(value)):
        return "the answer is a whole number"
    if answer.kind == "int" and not answer.allow_rounding and _rounded(reading.precision):
        return EXACT_COUNT
    if answer.kind == "shape" and len(value) != len(expected):
        return f"expected {len(expected)} sizes, got {len(value)}"
    if answer.kind == "matrix" and _dims(value) != _dims(expected):
        want, got = (" x ".join(map(str, _dims(v))) for v in (expected, value))
        return f"expected {want} entries, got {got}"
    if answer.kind == "choice":
        chosen, right = letters(value), letters(expected)
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
