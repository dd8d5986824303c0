"""Explainable results: a value with the formula and the numbers substituted into it."""

from __future__ import annotations

from typing import Any, NamedTuple


class Calc(NamedTuple):
    """One computed quantity, ready to print as a worked step.

    `formula` is symbolic ("floor((W + 2P - K)/S) + 1"), `numbers` the same
    expression with this case's numbers ("floor((227 + 0 - 11)/4) + 1"). The engine's
    values (Calc, RF, a LayerResult, a network Row) are NamedTuples: immutable like a
    frozen dataclass, at a quarter of its cost to build, which generating questions
    pays thousands of times (benchmarks/bench_questions.py).
    """

    value: Any
    formula: str
    numbers: str

    def __str__(self) -> str:
        if self.numbers == str(self.value):
            return f"{self.formula} = {self.value}"
        return f"{self.formula} = {self.numbers} = {self.value}"

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "formula": self.formula, "numbers": self.numbers}


def const(value: Any, formula: str = "") -> Calc:
    """A quantity that needs no working (unchanged channels, zero params...)."""
    return Calc(value, formula or str(value), str(value))
