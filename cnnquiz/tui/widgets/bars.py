"""Horizontal bars, one a topic, aligned by display width (Chinese names are two cells a glyph)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

FULL, EMPTY = "█", "░"


def bar_text(fraction: float, width: int) -> Text:
    filled = round(max(0.0, min(1.0, fraction)) * width)
    style = "green" if fraction >= 0.8 else "yellow" if fraction >= 0.5 else "red"
    return Text.assemble((FULL * filled, style), (EMPTY * (width - filled), "dim"))


class TopicBars(Static):
    """Rows of (label, fraction, note): a bar each, sized to the widget."""

    DEFAULT_CSS = """
    TopicBars { height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[tuple[str, float, str]] = []

    def show(self, rows: Sequence[tuple[str, float, str]], empty: str) -> None:
        self.rows = list(rows)
        self.empty = empty
        self.refresh(layout=True)
        self.update(self._table())

    def on_resize(self) -> None:
        if self.rows:
            self.update(self._table())

    def _table(self) -> Table | Text:
        if not self.rows:
            return Text(self.empty, style="dim")
        label_w = max(cell_len(label) for label, _, _ in self.rows)
        note_w = max(cell_len(note) for _, _, note in self.rows)
        width = max(4, min(40, self.size.width - label_w - note_w - 6))
        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True)
        for label, fraction, note in self.rows:
            table.add_row(label, bar_text(fraction, width), note)
        return table
