"""Helpers shared by the by-hand operation templates (sections 1, 2, 5, 6 and 9).

These templates show tiny matrices and exact numbers that a person works out on paper, so
they share one way to print a grid, to turn engine arrays into JSON answers (ints where
the result is integral), to state a rounding with its matching tolerance, and to drop
mistakes that name no number (None, NaN); `realise` drops those within the answer's
tolerance, as for every template.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Wrong


def plain(x: Any) -> int | float:
    """A number as JSON wants it: an int when integral, else a float without float noise."""
    v = float(x)
    r = round(v)
    return int(r) if abs(v - r) < 1e-9 else round(v, 10)


def to_list(arr: ArrayLike) -> list[Any]:
    """An array (one dimension or more) as nested lists: all ints when every entry is
    integral, otherwise floats."""
    a = np.asarray(arr, dtype=np.float64)
    rounded = np.round(a).astype(np.int64) if np.all(np.abs(a - np.round(a)) < 1e-9) \
        else np.round(a, 10)
    out: list[Any] = rounded.tolist()
    return out


def fmt(x: Any, digits: int = 6) -> str:
    """A number for a worked step: ints plainly, floats to `digits` significant figures."""
    if isinstance(x, float) and math.isinf(x):
        return "-inf" if x < 0 else "inf"
    v = plain(x)
    if isinstance(v, int):
        return str(v)
    return f"{v:.{digits}g}"


def approx(x: Any, d: int) -> str:
    """A final answer as the prompt asks for it: exact when short, else `≈` d decimals."""
    v = float(x)
    if abs(round(v, d) - v) < 1e-12:
        return fmt(v, 12)
    return f"≈ {v:.{d}f}"


def signed(x: Any) -> str:
    """A term of a sum: negatives in parentheses so `a + (-b)` reads unambiguously."""
    s = fmt(x)
    return f"({s})" if s.startswith("-") else s


def sum_text(terms: Iterable[Any]) -> str:
    return " + ".join(signed(v) for v in terms)


def vec(v: Iterable[Any]) -> str:
    return "[" + ", ".join(fmt(x) for x in v) + "]"


def grid(m: ArrayLike) -> str:
    """A matrix as a fenced code block with right-aligned columns."""
    a = np.asarray(m, dtype=np.float64)
    if a.ndim == 1:
        a = a[None]
    cells = [[fmt(x) for x in row] for row in a.tolist()]
    width = max(len(c) for row in cells for c in row)
    rows = ["  ".join(c.rjust(width) for c in row) for row in cells]
    return "```\n" + "\n".join(rows) + "\n```"


def rows_hint(t: Ctx) -> str:
    return t.tr("Write the rows separated by `;` (e.g. `1 2; 3 4`).",
                "各行之间用 `;` 分隔（例如 `1 2; 3 4`）。")


def decimals_tol(d: int) -> float:
    return 0.5 * 10.0**-d


def decimals_answer(v: Any, d: int) -> Answer:
    """A float answer a person rounds to `d` decimals: exact value, half-unit tolerance."""
    return Answer("float", float(round(float(v), 10)), tolerance=decimals_tol(d))


def sig_tol(v: float, sig: int) -> float:
    """Half a unit in the `sig`-th significant figure of v."""
    e = math.floor(math.log10(abs(v))) if v else 0
    return 0.5 * 10.0 ** (e - sig + 1)


def sig_answer(v: Any, sig: int = 3) -> Answer:
    """A float answer to `sig` significant figures (tiny gradients, powers of 0.25)."""
    x = float(v)
    return Answer("float", float(f"{x:.12g}"), tolerance=sig_tol(x, sig))


def decimals_text(t: Ctx, d: int) -> str:
    return t.tr(f"Round to {d} decimal places.", f"结果保留 {d} 位小数。")


def sig_text(t: Ctx, sig: int) -> str:
    return t.tr(f"Give {sig} significant figures (scientific notation is fine, e.g. `1.23e-4`).",
                f"保留 {sig} 位有效数字（可用科学计数法，如 `1.23e-4`）。")


def keep_mistakes(answer: Answer, mistakes: list[Wrong]) -> list[Wrong]:
    """Drop mistakes that are None or NaN/inf, and give the rest the answer's number form.

    Those that would be graded as the answer (within its tolerance) are dropped by
    `realise`, for every template alike.
    """
    out: list[Wrong] = []
    for wrong in mistakes:
        value = wrong.value
        if value is None:
            continue
        if answer.kind in ("float", "int") and not isinstance(value, list):
            if not math.isfinite(float(value)):
                continue
            value = plain(value) if answer.kind == "int" else float(round(float(value), 10))
        out.append(Wrong(wrong.name, value, wrong.why))
    return out
