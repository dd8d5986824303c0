"""A small labelled figure (due today, streak, ...) for the home screen's top row."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

PENDING = "…"


class Tile(Static):
    DEFAULT_CSS = """
    Tile {
        width: 1fr;
        height: 4;
        min-width: 12;
        border: round $primary-darken-1;
        padding: 0 1;
        content-align: center middle;
        text-align: center;
    }
    """

    def __init__(self, label: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.label = label
        self.show(PENDING)

    def show(self, value: str, label: str | None = None) -> None:
        if label is not None:
            self.label = label
        self.update(Text.assemble((value, "bold"), "\n", (self.label, "dim")))
