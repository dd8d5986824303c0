"""Which question's demo: a modal list of the checked sheet's questions that have one.

A printed set can hold several by-hand and output-size questions; the learner picks the
one to replay (Enter), or goes back to the report (Escape).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList

from cnnquiz.tui.keys import localise

if TYPE_CHECKING:
    from cnnquiz.tui.app import CnnquizApp


class DemoPicker(ModalScreen[int | None]):
    """Returns the index of the chosen line, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "back")]

    app: CnnquizApp

    def __init__(self, lines: list[str]) -> None:
        super().__init__()
        self.lines = lines

    def compose(self) -> ComposeResult:
        localise(self, self.app.lang)
        with Vertical(id="demo-pick-box"):
            yield Label(self.app.t("ck_pick_demo"))
            yield OptionList(*self.lines, id="demo-pick")

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)
