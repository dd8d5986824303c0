"""A small matrix drawn as fixed-width cells that reports which cell was clicked.

The demo screen shows its input, kernel and output with it. Every cell is `width`
columns wide and one row high under a one-line title, so a click at (x, y) is cell
(y - 1, x // width); styles per cell light windows, padding and the current value.

A demo step redraws three grids, so a grid draws its lines itself (the Line API)
instead of handing Textual a Text to wrap and lay out: a step that keeps the grid's
size repaints it without a layout pass (issue 10's budget is 16 ms a step).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

Cellmap = Mapping[tuple[int, ...], str]  # (row, col) -> a Rich style


def number(value: float | np.floating[Any]) -> str:
    """A value as the demo prints it: whole numbers plainly, others to two decimals."""
    if math.isnan(value):
        return "·"
    if value == int(value):
        return str(int(value))
    return f"{value:.2f}".rstrip("0")


def cell_width(values: NDArray[np.floating[Any]]) -> int:
    """Columns a cell needs to show every one of `values` (and a space)."""
    return 1 + max((len(number(v)) for v in values.ravel().tolist()), default=1)


class Grid(Widget):
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
        self.heading = ""
        self.cells: list[list[str]] = []
        self.styles_at: dict[tuple[int, ...], str] = {}
        self.extent = Size(0, 0)
        self._styles: dict[str, Style] = {}  # cell style -> widget style + it, per draw

    def show(self, title: str, values: NDArray[np.floating[Any]] | None,
             styles: Cellmap | None = None, *, min_width: int = 3) -> None:
        """Draw `values` (2-D) under `title`, cell (r, c) in `styles[(r, c)]` if given;
        cells are at least `min_width` columns (a screen keeps a grid's width steady)."""
        cells = [] if values is None else [[number(v) for v in row] for row in values.tolist()]
        widest = max((len(s) for row in cells for s in row), default=1)
        width = max(min_width, 1 + widest)
        shape = (len(cells), len(cells[0]) if cells else 0)
        styled = {cell: style for cell, style in (styles or {}).items()
                  if 0 <= cell[0] < shape[0] and 0 <= cell[1] < shape[1]}
        if (title, cells, styled, width) == (self.heading, self.cells, self.styles_at,
                                             self.width_cells):
            return  # the same drawing (a kernel while stepping): nothing to repaint
        self.heading, self.cells, self.styles_at = title, cells, styled
        self.width_cells, self.shape = width, shape
        extent = Size(max(cell_len(title), width * shape[1]), 1 + shape[0])
        self._styles = {}
        self.refresh(layout=extent != self.extent)
        self.extent = extent

    def notify_style_update(self) -> None:
        self._styles = {}  # a new theme or CSS: combine the cell styles afresh
        super().notify_style_update()

    def _style(self, name: str) -> Style:
        """The widget's own style plus the cell style `name` ("" = none); reading
        `rich_style` costs more than drawing a row, so once per draw and name."""
        style = self._styles.get(name)
        if style is None:
            base = self._styles.get("") or self.rich_style
            style = self._styles[name] = base + Style.parse(name) if name else base
            self._styles.setdefault("", base)
        return style

    @property
    def plain_text(self) -> str:
        """What the grid shows, as text (for tests and screen readers' logs)."""
        w = self.width_cells
        return "\n".join([self.heading, *("".join(c.rjust(w - 1) + " " for c in row)
                                        for row in self.cells)])

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return self.extent.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.extent.height

    def render_line(self, y: int) -> Strip:
        if y == 0:
            return Strip([Segment(self.heading, self._style("bold"))], cell_len(self.heading))
        r = y - 1
        if r >= self.shape[0]:
            return Strip.blank(self.size.width, self._style(""))
        w = self.width_cells
        segments: list[Segment] = []
        run, run_style = "", ""
        for c, value in enumerate(self.cells[r]):
            style = self.styles_at.get((r, c), "")
            if style != run_style and run:
                segments.append(Segment(run, self._style(run_style)))
                run = ""
            run_style = style
            run += value.rjust(w - 1) + " "
        if run:
            segments.append(Segment(run, self._style(run_style)))
        return Strip(segments, w * self.shape[1])  # cells hold one-column characters

    def on_click(self, event: events.Click) -> None:
        row, col = event.y - 1, event.x // self.width_cells
        if 0 <= row < self.shape[0] and 0 <= col < self.shape[1]:
            self.post_message(self.Clicked(self, row, col))
