"""The Textual study app, built by one factory that the CLI and every UI test call.

The first frame waits for nothing slow: once it is drawn, thread workers open
the store (and import SQLAlchemy) and post `Ready` (or `Failed`) back; screens
show a loading line until then. Importing this module loads no SQLAlchemy,
numpy or YAML (a test checks it in a fresh interpreter).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import Screen

from cnnquiz.application import Settings
from cnnquiz.i18n import Lang, text
from cnnquiz.tui.keys import localise
from cnnquiz.tui.services import Prefs, Services


class CnnquizApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "cnnquiz"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "quit", "quit", priority=True)]

    @dataclass
    class Ready(Message):
        """The store is open and the saved settings read (posted from a worker thread)."""

        prefs: Prefs | None = None

    @dataclass
    class Failed(Message):
        message: str

    class Opened(Message, bubble=False):
        """Sent to the current screen once the store is open, so it can load its data."""

    def __init__(self, services: Services, lang: Lang | None = None, length: int = 10,
                 topics: Sequence[str] = ()) -> None:
        super().__init__()
        self.services, self.length = services, length
        self.lang: Lang = lang or "en"
        self.lang_given = lang is not None
        self.topics: list[str] = list(topics)
        self.prefs: Prefs | None = None
        self.ready = False

    def deliver(self, node: MessagePump, callback: Callable[..., object], *args: object) -> None:
        """A worker's result, handed to `callback(*args)` on the UI thread, unless `node` (the
        screen that asked) has left the app by then: closed, or the app quitting while the
        worker ran. A result nobody can see is dropped; querying widgets that are already
        gone would end the app with a traceback (seen when quitting as home loads)."""

        def run() -> None:
            if node.is_attached:
                callback(*args)

        self.call_from_thread(run)

    def t(self, key: str, **values: object) -> str:
        return text(f"app.{key}", self.lang, **values)

    def on_mount(self) -> None:
        from cnnquiz.tui.screens.home import HomeScreen

        self.sub_title = self.t("subtitle")
        localise(self, self.lang)
        self.push_screen(HomeScreen())
        self.call_after_refresh(self._open)  # home's first frame is out before SQLAlchemy loads

    @work(thread=True, exclusive=True, group="open")
    def _open(self) -> None:
        from cnnquiz.errors import CnnquizError

        try:
            prefs = self.services.prefs(self.lang, self.theme, self.length)
        except CnnquizError as exc:
            self.post_message(self.Failed(str(exc)))
            return
        self.post_message(self.Ready(prefs))

    @on(Ready)
    def _opened(self, event: Ready) -> None:
        if event.prefs is not None:
            self.apply(event.prefs, keep_lang=self.lang_given)
        self.ready = True
        self.screen.post_message(self.Opened())

    def apply(self, prefs: Prefs, *, keep_lang: bool = False) -> None:
        """Use saved or newly chosen settings (a --lang on the command line wins)."""
        self.prefs = prefs
        if not keep_lang:
            self.lang = prefs.lang
        self.services.use_lang(self.lang)
        if prefs.theme in self.available_themes:
            self.theme = prefs.theme
        self.length = prefs.length
        self.sub_title = self.t("subtitle")
        localise(self, self.lang)

    @on(Failed)
    def _open_failed(self, event: Failed) -> None:
        self.notify(self.t("error", message=event.message), severity="error", timeout=30)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(self.t("study"), self.t("cmd_study"), self.action_study)
        yield SystemCommand(self.t("stats"), self.t("cmd_stats"), self.action_stats)
        yield SystemCommand(self.t("demo"), self.t("cmd_demo"), self.action_demo)
        yield SystemCommand(self.t("edges"), self.t("cmd_edges"), self.action_edges)
        yield SystemCommand(self.t("calc"), self.t("cmd_calc"), self.action_calc)
        yield SystemCommand(self.t("interview"), self.t("cmd_interview"), self.action_interview)
        yield SystemCommand(self.t("check"), self.t("cmd_check"), self.action_check)
        yield SystemCommand(self.t("settings"), self.t("cmd_settings"), self.action_settings)
        yield SystemCommand(self.t("topics"), self.t("cmd_topics"), self.action_topics)
        yield SystemCommand(self.t("home"), self.t("cmd_home"), self.action_home)

    def action_home(self) -> None:
        while len(self.screen_stack) > 2:
            self.pop_screen()

    def action_study(self, skills: Sequence[str] = ()) -> None:
        from cnnquiz.tui.screens.study import StudyScreen

        self.action_home()
        self.push_screen(StudyScreen(skills=skills))

    def action_stats(self) -> None:
        from cnnquiz.tui.screens.stats import StatsScreen

        self.action_home()
        self.push_screen(StatsScreen())

    def action_demo(self) -> None:
        from cnnquiz.tui.screens.demo import DemoScreen

        self.action_home()
        self.push_screen(DemoScreen())

    def action_edges(self) -> None:
        """The edge-detection toy, over whatever screen is shown (escape comes back)."""
        from cnnquiz.tui.screens.edges import EdgesScreen

        self.push_screen(EdgesScreen())

    def action_calc(self) -> None:
        from cnnquiz.tui.screens.calc import CalcScreen

        self.action_home()
        self.push_screen(CalcScreen())

    def action_interview(self) -> None:
        from cnnquiz.tui.screens.interview import InterviewScreen

        self.action_home()
        self.push_screen(InterviewScreen())

    def action_check(self) -> None:
        from cnnquiz.tui.screens.check import CheckScreen

        self.action_home()
        self.push_screen(CheckScreen())

    def action_settings(self) -> None:
        from cnnquiz.tui.screens.settings import SettingsScreen

        self.action_home()
        self.push_screen(SettingsScreen())

    def action_topics(self) -> None:
        from cnnquiz.tui.screens.topics import TopicsScreen

        def chosen(topics: list[str] | None) -> None:
            if topics is not None:
                self.topics = topics  # home shows them when it resumes

        self.push_screen(TopicsScreen(self.topics), chosen)

    def settings_saved(self, prefs: Prefs) -> None:
        """Apply new settings and rebuild the screens in the (maybe new) language."""
        from cnnquiz.tui.screens.home import HomeScreen

        self.lang_given = False
        self.apply(prefs)
        self.action_home()
        self.switch_screen(HomeScreen())
        self.notify(self.t("saved"))

    def learner_switched(self, prefs: Prefs) -> None:
        """Another learner's settings apply; home and settings show that learner's."""
        from cnnquiz.tui.screens.home import HomeScreen
        from cnnquiz.tui.screens.settings import SettingsScreen

        self.lang_given = False
        self.apply(prefs)
        self.action_home()
        self.switch_screen(HomeScreen())
        self.push_screen(SettingsScreen())
        self.notify(self.t("learner_now", name=self.services.learner))

    def on_unmount(self) -> None:
        self.workers.cancel_all()
        self.services.close()


def make_app(db: str | None = None, lang: Lang | None = None, *, learner: str = "default",
             bank_dirs: Sequence[str] = (), length: int = 10,
             topics: Sequence[str] = (), now: Callable[[], datetime] | None = None,
             seed: int | None = None) -> CnnquizApp:
    """The app over the store at `db` (a path or SQLAlchemy URL; None: the default file).

    `lang` None means the learner's saved language (English at first). `now` and
    `seed` fix the clock and the questions drawn, for tests and snapshots.
    """
    settings = Settings(db=db, lang=lang or "en", learner=learner, bank_dirs=tuple(bank_dirs))
    return CnnquizApp(Services(settings, now=now, seed=seed), lang, length, topics)
