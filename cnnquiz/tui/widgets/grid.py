"""A small matrix drawn as fixed-width cells that reports which cell was clicked.

The demo screen shows its input, kernel and output with it. Every cell is `width`
columns wide and one row high under a one-line title, so a click at (x, y) is cell
(y - 1, x // width); styles per cell light windows, padding and the current value.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Static


def number(value: float) -> str:
    """A value as the demo prints it: whole numbers plainly, others to two decimals."""
    if math.isnan(value):
        return "·"
    if value == int(value):
        return str(int(value))
    return f"{value:.2f}".rstrip("0")


class Grid(Static):
    DEFAULT_CSS = """
    Grid { width: auto; height: auto; margin: 0 2 0 0; }
    """

    @dataclass
    class Clicked(Message):
        grid: Grid
        row: int
        col: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.width_cells = 3
        self.shape: tuple[int, int] = (0, 0)

    def show(self, title: str, values: NDArray[np.floating] | None,
             styles: Mapping[tuple[int, int], str] | None = None) -> None:
        """Draw `values` (2-D) under `title`, cell (r, c) in `styles[(r, c)]` if given."""
        out = Text(title, style="bold")
        if values is None:
            self.shape = (0, 0)
            self.update(out)
            return
        cells = [[number(v) for v in row] for row in values.tolist()]
        self.width_cells = max(3, 1 + max((len(s) for row in cells for s in row), default=1))
        self.shape = (len(cells), len(cells[0]) if cells else 0)
        w = self.width_cells
        line = w * self.shape[1] + 1  # a row's characters and its newline
        out.append("".join("\n" + "".join(c.rjust(w - 1) + " " for c in row) for row in cells))
        base = len(title) + 1
        for (r, c), style in (styles or {}).items():
            if 0 <= r < self.shape[0] and 0 <= c < self.shape[1]:
                start = base + r * line + c * w
                out.stylize(style, start, start + w)
        self.update(out)

    def on_click(self, event: events.Click) -> None:
        row, col = event.y - 1, event.x // self.width_cells
        if 0 <= row < self.shape[0] and 0 <= col < self.shape[1]:
            self.post_message(self.Clicked(self, row, col))
