"""Stats: accuracy by topic, answers per day, what is due, frequent mistakes, weakest skills."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Sparkline, Static

from cnnquiz.tui.keys import localise
from cnnquiz.tui.names import topic_name
from cnnquiz.tui.widgets import TopicBars

if TYPE_CHECKING:
    from cnnquiz.store.stats import Summary
    from cnnquiz.tui.app import CnnquizApp

WEAKEST = 8
MISTAKES = 8


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
            yield Sparkline([], id="activity")
            with Horizontal(id="stats-columns"):
                with Vertical():
                    yield Static(t("due_forecast"), classes="section")
                    yield Static(id="due")
                with Vertical():
                    yield Static(t("frequent_mistakes"), classes="section")
                    yield Static(id="mistakes")
            yield Static(t("weakest"), classes="section")
            yield Static(id="weakest")
        yield Footer()

    def on_mount(self) -> None:
        if self.app.ready:
            self.load()

    def on_cnnquiz_app_opened(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="stats")
    def load(self) -> None:
        summary, activity = self.app.services.summary(), self.app.services.activity()
        self.app.call_from_thread(self.show, summary, activity)

    def show(self, s: Summary, activity: list[int]) -> None:
        t, lang = self.app.t, self.app.lang
        rows = [(topic_name(k, lang), r / n if n else 0.0, f"{100 * r / n:3.0f}% ({r}/{n})")
                for k, (n, r) in s.by_topic.items()]
        self.query_one("#accuracy", TopicBars).show(rows, t("nothing_yet"))
        self.query_one("#activity", Sparkline).data = activity
        due = Table.grid(padding=(0, 2))
        due.add_row(t("due_today"), str(s.due + s.due_later_today))
        for day, n in s.due_by_day:
            due.add_row(day.isoformat(), str(n))
        self.query_one("#due", Static).update(due)
        mistakes = Table.grid(padding=(0, 2))
        for name, n in list(s.mistakes.items())[:MISTAKES]:
            mistakes.add_row(name, str(n))
        self.query_one("#mistakes", Static).update(mistakes if s.mistakes else t("nothing_yet"))
        weak = [k for k in s.skills if k.recall < 1.0][:WEAKEST] or s.skills[:WEAKEST]
        self.weakest = [k.skill for k in weak]
        table = Table.grid(padding=(0, 2))
        for k in weak:
            table.add_row(f"{100 * k.recall:3.0f}%", topic_name(k.topic, lang), k.skill)
        self.query_one("#weakest", Static).update(table if weak else t("nothing_yet"))

    def action_practise(self) -> None:
        if self.weakest:
            self.app.action_study(self.weakest)
