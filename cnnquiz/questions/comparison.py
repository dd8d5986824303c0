"""When a read answer counts as a target value: the rules grading applies, per kind.

The same rules judge the expected answer and each known mistake's value, and decide
at generation time whether a mistake is too close to the answer to be named (so
templates use them too, through grading.counts_as_answer).

Rules:

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
- text: never compared (grading.grade has people rate their own text answers).
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

from cnnquiz.questions.model import Answer, Precision, Reading

ROUNDING_LEEWAY = 2  # decimals fewer than the tolerance implies that still count


def compare(answer: Answer, reading: Reading, target: Any) -> tuple[bool, dict[str, Any]]:
    """Whether `reading` counts as `target` under `answer`'s rules, and notes on how."""
    value, kind = reading.value, answer.kind
    extra = dict(reading.extra)
    if kind == "int":
        if answer.allow_rounding:
            tolerance = answer.tolerance * abs(float(target))
            return _diff(value, target) <= tolerance + _slack(target), extra
        return equal(value, target), extra
    if kind == "float":
        return _close(value, target, answer.tolerance, reading.precision), extra
    if kind == "shape":
        return _shape_equal(list(value), list(target), extra)
    if kind == "matrix":
        return _matrix_equal(value, target, answer.tolerance, reading.precision), extra
    if kind == "choice":
        return letters(value) == letters(target), extra
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


def equal(a: Any, b: Any) -> bool:
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


def letters(value: Any) -> frozenset[str]:
    items = [value] if isinstance(value, str) else list(value)
    return frozenset(str(v).strip().upper() for v in items)

