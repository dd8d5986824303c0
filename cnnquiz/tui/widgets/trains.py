"""conv1d's two trains on the demo screen: the picture of cnnquiz.demos.trains in colour.

The input train's cars read this step are lit like a 2-D window, the kernel train
stands under them, the output car just computed is lit like a new output cell; the
`demo` command draws the same rows from the same function.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from cnnquiz.demos import Demo
from cnnquiz.demos.trains import train_rows
from cnnquiz.i18n import Lang

STYLES = {"tap": "bold black on yellow", "new": "bold black on yellow", "kernel": "bold cyan",
          "product": "bold", "pad": "dim", "label": "bold", "": ""}


class Trains(Static):
    DEFAULT_CSS = """
    Trains { width: auto; height: auto; }
    """

    def show(self, demo: Demo, step: int, lang: Lang) -> None:
        """Frame `step` of a conv1d demo."""
        out = Text(no_wrap=True)
        for n, row in enumerate(train_rows(demo, step, lang)):
            out.append("\n" if n else "")
            for segment, role in row:
                out.append(segment, STYLES[role])
        self.update(out)
