"""The calculator's table as display cells, for every face that shows it (the CLI table,
the app's calculator screen): counts with thousands separators, MACs scaled to K/M/G/T
with four significant digits, shapes as `C x H x W`, and the flatten that `linear`
implies on a CxHxW input made visible as its own (unnumbered) row.

Pure strings from a `Summary`; no numpy, so `calc` stays fast to start.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from cnnquiz.engine.network import Summary

_UNITS = (("E", 10**18), ("P", 10**15), ("T", 10**12), ("G", 10**9), ("M", 10**6),
          ("K", 10**3))


@lru_cache(maxsize=4096)  # a long stack repeats the same few values
def scaled(n: int) -> str:
    """70277184 -> '70.28M', 1727999993088 -> '1.728T'; below 1000 the number itself.

    Four significant digits in the largest unit that keeps the mantissa at least 1; a
    mantissa that rounds up to 1000 moves to the next unit. Beyond exa: scientific.
    """
    if abs(n) < 1000:
        return str(n)
    for i, (unit, size) in enumerate(_UNITS):
        if abs(n) >= size:
            text = f"{n / size:.4g}"
            if abs(float(text)) >= 1000:
                if i == 0:
                    break
                unit, size = _UNITS[i - 1]
                text = f"{n / size:.4g}"
            return text + unit
    return f"{n:.3e}"


@lru_cache(maxsize=4096)
def _shape_cell(shape: tuple[int, ...]) -> str:
    return " x ".join(map(str, shape))


def shape_cell(shape: Sequence[int]) -> str:
    """A shape as the calculator's table shows it, `64 x 55 x 55` (question text writes
    `64x55x55`: questions.templates.common.shape_text)."""
    return _shape_cell(tuple(shape))


@dataclass(frozen=True)
class CalcRow:
    """One table row as text. `implied` marks the flatten row `linear` adds silently."""

    index: str
    layer: str
    output: str
    params: str
    macs: str
    rf: str
    jump: str
    depth: int = 0
    implied: bool = False

    def cells(self) -> tuple[str, str, str, str, str, str, str]:
        return (self.index, self.layer, self.output, self.params, self.macs, self.rf,
                self.jump)


def calc_rows(summary: Summary, explain: bool = False) -> list[CalcRow]:
    """Rows of the table; with `explain`, each layer's formulas as extra lines of its
    layer cell ("H: floor((224 - 3 + 2*1)/1) + 1 = 224")."""
    out: list[CalcRow] = []
    shape = summary.input
    for row in summary.rows:
        if row.type == "linear" and len(shape) == 3:
            flat = shape[0] * shape[1] * shape[2]
            out.append(CalcRow("", f"(flatten {shape_cell(shape)} -> {flat}, implied by "
                               "linear)", str(flat), "0", "0", "-", "-", row.depth, True))
        label = f"{row.name} {row.spec}" if row.name and row.name != row.spec else row.spec
        if explain and row.explain:
            label += "".join(f"\n  {key}: {calc}" for key, calc in row.explain.items())
        out.append(CalcRow(
            str(row.index), label, shape_cell(row.output), f"{row.params:,}",
            scaled(row.macs), "-" if row.rf is None else str(row.rf),
            "-" if row.jump is None else str(row.jump), row.depth))
        shape = row.output
    return out


def total_row(summary: Summary, label: str) -> CalcRow:
    return CalcRow("", label, shape_cell(summary.output), f"{summary.total_params:,}",
                   scaled(summary.total_macs), "", "")
