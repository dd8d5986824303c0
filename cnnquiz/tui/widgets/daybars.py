"""Answers per day as a bar chart: one bar a day, eighth-block tops, dates underneath.

Drawn with Rich text rather than a plotting library: at 80 columns a plot's
axes and ticks take the room the bars need, and bars of a few rows need
eighth blocks to tell 3 answers from 4. A day without answers shows a dot on
the baseline, so gaps in a streak read as gaps.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

EIGHTHS = " ▁▂▃▄▅▆▇█"
ROWS = 4


def bar_rows(counts: Sequence[int], rows: int, bar: int, gap: int) -> list[str]:
    """The chart's rows, top first: each day `bar` cells wide, `gap` cells apart."""
    top = max(counts, default=0) or 1
    out = []
    for row in range(rows - 1, -1, -1):
        cells = []
        for n in counts:
            eighths = round(8 * rows * n / top) - 8 * row
            glyph = EIGHTHS[max(0, min(8, eighths))]
            if n == 0 and row == 0:
                glyph = "·"
            elif n > 0 and row == 0 and glyph == " ":
                glyph = EIGHTHS[1]  # any answer at all shows
            cells.append(glyph * bar)
        out.append((" " * gap).join(cells))
    return out


class DayBars(Static):
    DEFAULT_CSS = """
    DayBars { height: auto; color: $success; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.counts: list[int] = []
        self.last = date.today()

    def show(self, counts: Sequence[int], last: date) -> None:
        """`counts` for the days ending on `last`, oldest first."""
        self.counts, self.last = list(counts), last
        self.update(self._chart())

    def on_resize(self) -> None:
        if self.counts:
            self.update(self._chart())

    def _chart(self) -> Text:
        n = len(self.counts)
        top = max(self.counts, default=0)
        axis = max(2, len(str(top)))
        room = max(n, (self.size.width or 80) - axis - 1)
        bar, gap = (2, 1) if 3 * n - 1 <= room else (1, 1) if 2 * n - 1 <= room else (1, 0)
        out = Text()
        for i, row in enumerate(bar_rows(self.counts, ROWS, bar, gap)):
            label = str(top) if i == 0 else ("0" if i == ROWS - 1 else "")
            out.append(label.rjust(axis) + " ", style="dim")
            out.append(row + "\n")  # coloured by the widget's CSS, so by the theme
        first = self.last - timedelta(days=n - 1)
        span = n * bar + (n - 1) * gap
        left, right = first.strftime("%m-%d"), self.last.strftime("%m-%d")
        out.append(" " * (axis + 1) + left + " " * max(1, span - cell_len(left + right)) + right,
                   style="dim")
        return out
