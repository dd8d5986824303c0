"""Which question's demo: a modal list of the questions of a checked sheet or a finished
interview that have one.

A set or an interview can hold several by-hand and output-size questions; the learner
picks the one to replay (Enter), or goes back to the report (Escape). The demos are made
by `report_demos` in the screen's worker (each is built once to know it fits).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList

from cnnquiz.tui.keys import localise

if TYPE_CHECKING:
    from cnnquiz.demos import DemoRequest
    from cnnquiz.i18n import Lang
    from cnnquiz.questions.model import Question
    from cnnquiz.tui.app import CnnquizApp

Demos = list[tuple[str, "DemoRequest"]]  # (the picker's line, the demo)


def report_demos(items: Iterable[tuple[int, str, Question]], lang: Lang) -> Demos:
    """The (number, verdict, question) items that have a demo, as picker lines."""
    from cnnquiz.application.verdicts import MARKS
    from cnnquiz.demos.from_spec import demo_request
    from cnnquiz.store.labels import skill_label

    return [(f"{n}. {MARKS[verdict]} {skill_label(q.skill, lang)}", req)
            for n, verdict, q in items if (req := demo_request(q.spec)) is not None]


def open_demo(app: CnnquizApp, demos: Demos) -> None:
    """The one demo, or a picker of several; Escape comes back to the report."""
    from cnnquiz.tui.screens.demo import DemoScreen

    def chosen(index: int | None) -> None:
        if index is not None:
            app.push_screen(DemoScreen(request=demos[index][1]))

    if len(demos) == 1:
        chosen(0)
    else:
        app.push_screen(DemoPicker([line for line, _ in demos]), chosen)


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
