"""Topic picker: a modal list of the topic map; returns the chosen slugs (none = all)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList

from cnnquiz.topics import TOPICS
from cnnquiz.tui.keys import localise

if TYPE_CHECKING:
    from cnnquiz.tui.app import CnnquizApp


class TopicsScreen(ModalScreen[list[str] | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "confirm", "save", priority=True),
        Binding("escape", "cancel", "back"),
    ]

    app: CnnquizApp

    def __init__(self, chosen: list[str]) -> None:
        super().__init__()
        self.chosen = set(chosen)

    def compose(self) -> ComposeResult:
        localise(self, self.app.lang)
        zh = self.app.lang == "zh"
        with Vertical(id="topics-box"):
            yield Label(self.app.t("pick_topics"))
            yield SelectionList[str](*[(t.zh if zh else t.en, t.slug, t.slug in self.chosen)
                                       for t in TOPICS], id="topic-list")

    def action_confirm(self) -> None:
        self.dismiss(list(self.query_one(SelectionList).selected))

    def action_cancel(self) -> None:
        self.dismiss(None)
