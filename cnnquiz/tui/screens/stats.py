"""Stats: accuracy by topic, answers per day, what is due, frequent mistakes, weakest skills.

Mistakes and skills show in words (the store keeps ids); `p` starts a session
of exactly the weakest skills listed. Below 100 columns the two lists stack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from cnnquiz.tui.keys import localise
from cnnquiz.tui.names import topic_name
from cnnquiz.tui.widgets import TopicBars
from cnnquiz.tui.widgets.daybars import DayBars
from cnnquiz.tui.widgets.footer import KeyFooter

if TYPE_CHECKING:
    from cnnquiz.tui.app import CnnquizApp
    from cnnquiz.tui.services import StatsView

NARROW = 100  # columns below which the mistakes and weakest lists stack
FIGURE = 4  # columns of a list's figure ("×12", " 42%")


class StatsScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "practise", "practise_weakest"),
        Binding("escape", "app.home", "back"),
    ]

    app: CnnquizApp

    def __init__(self) -> None:
        super().__init__()
        self.weakest: list[str] = []

    def compose(self) -> ComposeResult:
        t = self.app.t
        localise(self, self.app.lang)
        yield Header()
        with VerticalScroll(id="stats-body"):
            yield Static(t("accuracy_by_topic"), classes="section")
            yield TopicBars(id="accuracy")
            yield Static(t("answers_per_day"), classes="section")
            yield DayBars(id="activity")
            yield Static(t("due_forecast"), classes="section")
            yield Static(id="due")
            with Horizontal(id="stats-columns"):
                with Vertical():
                    yield Static(t("frequent_mistakes"), classes="section")
                    yield Static(id="mistakes")
                with Vertical():
                    yield Static(t("weakest"), classes="section")
                    yield Static(id="weakest")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.set_class(self.app.size.width < NARROW, "-narrow")
        if self.app.ready:
            self.load()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")

    def on_cnnquiz_app_opened(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="stats")
    def load(self) -> None:
        view = self.app.services.stats_view()
        self.app.deliver(self, self.show, view)

    def show(self, v: StatsView) -> None:
        t, lang, s = self.app.t, self.app.lang, v.summary
        rows = [(topic_name(k, lang), r / n if n else 0.0, f"{100 * r / n:3.0f}% ({r}/{n})")
                for k, (n, r) in s.by_topic.items()]
        self.query_one("#accuracy", TopicBars).show(rows, t("nothing_yet"))
        self.query_one("#activity", DayBars).show(v.activity, v.today)
        self.query_one("#due", Static).update(self._due(v))
        mistakes = _list()
        for words, n in v.mistakes:
            mistakes.add_row(Text(f"×{n}", style="bold"), _line(words))
        self.query_one("#mistakes", Static).update(
            mistakes if v.mistakes else Text(t("nothing_yet"), style="dim"))
        self.weakest = [key for key, _, _ in v.weakest]
        weak = _list()
        for _, words, recall in v.weakest:
            weak.add_row(Text(f"{100 * recall:3.0f}%", style="bold"), _line(words))
        if v.weakest:
            weak.add_row("", Text(t("practise_hint"), style="dim"))
        self.query_one("#weakest", Static).update(
            weak if v.weakest else Text(t("nothing_yet"), style="dim"))

    def _due(self, v: StatsView) -> Table:
        """Today's due count and each coming day's, as one row under their dates."""
        s, t = v.summary, self.app.t
        table = Table(box=None, padding=(0, 1), show_edge=False, header_style="dim")
        counts = [s.due + s.due_later_today] + [n for _, n in s.due_by_day]
        days = [t("today")] + [day.strftime("%m-%d") for day, _ in s.due_by_day]
        for day in days:
            table.add_column(day, justify="right")
        table.add_row(*(Text(str(n), style="bold" if n else "dim") for n in counts))
        return table

    def action_practise(self) -> None:
        if self.weakest:
            self.app.action_study(self.weakest)


def _list() -> Table:
    """Two columns, a figure and words, one row each (long words cut with an ellipsis)."""
    table = Table.grid(padding=(0, 2), expand=True)
    table.add_column(no_wrap=True, justify="right", min_width=FIGURE)
    table.add_column(no_wrap=True, overflow="ellipsis", ratio=1)
    return table


def _line(words: str) -> Text:
    return Text(words, no_wrap=True, overflow="ellipsis")
