"""Explainable results: a value with the formula and the numbers substituted into it."""

from __future__ import annotations

from typing import Any


class Calc:
    """One computed quantity, ready to print as a worked step.

    `formula` is symbolic ("floor((W + 2P - K)/S) + 1"), `numbers` the same
    expression with this case's numbers ("floor((227 + 0 - 11)/4) + 1"). The engine
    builds thousands of these per second and prints few, so `Calc.lazy` defers
    formatting `numbers` until it is read. Treat instances as immutable.
    """

    __slots__ = ("_args", "_numbers", "formula", "value")

    def __init__(self, value: Any, formula: str, numbers: str) -> None:
        self.value = value
        self.formula = formula
        self._numbers = numbers
        self._args: tuple[Any, ...] | None = None

    @classmethod
    def lazy(cls, value: Any, formula: str, template: str, *args: Any) -> Calc:
        """A Calc whose numbers are `template.format(*args)`, formatted on first use."""
        calc = cls.__new__(cls)
        calc.value, calc.formula, calc._numbers, calc._args = value, formula, template, args
        return calc

    @property
    def numbers(self) -> str:
        if self._args is not None:
            self._numbers = self._numbers.format(*self._args)
            self._args = None
        return self._numbers

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Calc):
            return NotImplemented
        return (self.value, self.formula, self.numbers) == (other.value, other.formula, other.numbers)

    def __hash__(self) -> int:
        return hash((self.value, self.formula))

    def __repr__(self) -> str:
        return f"Calc({self.value!r}, {self.formula!r}, {self.numbers!r})"

    def __str__(self) -> str:
        if self.numbers == str(self.value):
            return f"{self.formula} = {self.value}"
        return f"{self.formula} = {self.numbers} = {self.value}"

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "formula": self.formula, "numbers": self.numbers}


def const(value: Any, formula: str = "") -> Calc:
    """A quantity that needs no working (unchanged channels, zero params...)."""
    return Calc(value, formula or str(value), str(value))
