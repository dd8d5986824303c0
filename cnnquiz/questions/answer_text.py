"""An expected answer as a person writes it: one rule for every face that shows one
(show, drill, interview, check, the app, printed keys), in a form the answer reader
reads back: `96 x 55 x 55`, `34944`, `1 2; 3 4`, `A, C`, `0.9970` when the prompt asks
for four decimals."""

from __future__ import annotations

import math
from typing import Any

from cnnquiz.questions.model import Answer


def number(value: Any, tolerance: float = 0.0) -> str:
    """An int as it is; a float to the decimals its tolerance implies (`Round to 4 decimal
    places`: 0.9970), or 6 significant digits without a tolerance."""
    if isinstance(value, bool) or not isinstance(value, int | float) or isinstance(value, int):
        return str(value)
    if tolerance > 0 and math.isfinite(value):
        return f"{value:.{max(0, math.ceil(-math.log10(2 * tolerance) - 1e-9))}f}"
    return f"{value:.6g}"


def matrix_rows(answer: Answer) -> list[list[str]] | None:
    """A 2-D matrix answer as rows of written numbers; None for anything else."""
    v = answer.value
    if answer.kind != "matrix" or not (isinstance(v, list) and v
                                       and all(isinstance(r, list) for r in v)):
        return None
    if any(isinstance(c, list) for r in v for c in r):
        return None
    return [[number(c, answer.tolerance) for c in r] for r in v]


def answer_text(answer: Answer) -> str:
    """The expected answer as a person would write it (grids: rows split by `;`)."""
    if answer.kind == "text":
        return str(answer.value)
    if answer.kind == "choice":
        return ", ".join(answer.value) if isinstance(answer.value, list) else str(answer.value)
    if answer.kind == "shape":
        return " x ".join(str(v) for v in answer.value)
    grid = matrix_rows(answer)
    if grid is not None:
        return "; ".join(" ".join(r) for r in grid)
    if isinstance(answer.value, list):
        return ", ".join(number(v, answer.tolerance) for v in answer.value)
    return f"{number(answer.value, answer.tolerance)} {answer.unit}".strip()
