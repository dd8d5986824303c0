"""An Input that keeps a pasted multi-line text (a print(model)) whole.

Textual's Input keeps only the first line of a paste. The calculator accepts the
whole printed model, so this field remembers it and shows a one-line stand-in;
typing anything afterwards drops it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from textual.widgets import Input


def _lines(lines: int) -> str:
    return f"<{lines} lines>"


class SpecInput(Input):
    def __init__(self, value: str | None = None, *,
                 paste_label: Callable[[int], str] = _lines, **kwargs: Any) -> None:
        """`paste_label(lines)`: the one line shown for a pasted text of that many lines
        (the screen localises it); the rest is Input's."""
        super().__init__(value, **kwargs)
        self.paste_label = paste_label
        self.pasted: str | None = None
        self._stand_in = ""

    def _on_paste(self, event: events.Paste) -> None:
        if "\n" not in event.text.strip():
            return  # Input's own handler (next in the MRO) inserts the line
        event.prevent_default()  # Input's handler would insert the first line too
        event.stop()
        self.pasted = event.text
        self._stand_in = self.paste_label(len(event.text.strip().splitlines()))
        self.value = self._stand_in

    @property
    def spec(self) -> str:
        """What to calculate: the pasted text while its stand-in is shown, else the value."""
        if self.pasted is not None and self.value == self._stand_in:
            return self.pasted
        self.pasted = None
        return self.value
