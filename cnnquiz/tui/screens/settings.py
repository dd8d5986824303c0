"""Settings: language, theme, session length, level, interview date, learner; saved in the store."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, Select

from cnnquiz.i18n import LANGS, is_lang, text
from cnnquiz.tui.keys import localise
from cnnquiz.tui.services import Prefs

if TYPE_CHECKING:
    from cnnquiz.tui.app import CnnquizApp

MAX_LENGTH = 200


class SettingsScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "save"),
        Binding("escape", "app.home", "back"),
    ]

    app: CnnquizApp

    def compose(self) -> ComposeResult:
        t, p = self.app.t, self.current()
        localise(self, self.app.lang)
        yield Header()
        with VerticalScroll(id="settings-body"):
            yield Label(t("language"))
            yield Select([(text(f"common.lang_{code}", code), code) for code in LANGS],
                         value=p.lang, allow_blank=False, id="lang")
            yield Label(t("theme"))
            yield Select([(name, name) for name in sorted(self.app.available_themes)],
                         value=p.theme, allow_blank=False, id="theme")
            yield Label(t("session_length"))
            yield Input(str(p.length), id="length", type="integer")
            yield Label(t("level"))
            yield Select([(t("level_any"), 0), ("1", 1), ("2", 2), ("3", 3)],
                         value=p.level or 0, allow_blank=False, id="level")
            yield Label(t("interview_date"))
            yield Input(p.interview.isoformat() if p.interview else "", id="interview",
                        placeholder="YYYY-MM-DD")
            yield Button(t("save"), id="save", variant="primary")
        yield Footer()

    def current(self) -> Prefs:
        app = self.app
        return app.prefs or Prefs(app.lang, app.theme, app.length, None, None)

    def on_mount(self) -> None:
        self.query_one("#lang", Select).focus()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        t = self.app.t
        length_text = self.query_one("#length", Input).value.strip()
        if not length_text.isdigit() or not 1 <= int(length_text) <= MAX_LENGTH:
            self.notify(t("bad_length"), severity="error")
            return
        when_text = self.query_one("#interview", Input).value.strip()
        when: date | None = None
        if when_text:
            try:
                when = date.fromisoformat(when_text)
            except ValueError:
                when = None
            if when is None or when < self.app.services.today():
                self.notify(t("bad_date", value=when_text), severity="error")
                return
        lang = self.query_one("#lang", Select).value
        level = self.query_one("#level", Select).value
        prefs = replace(self.current(), lang=lang if is_lang(lang) else self.app.lang,
                        theme=str(self.query_one("#theme", Select).value),
                        length=int(length_text), level=int(str(level)) or None, interview=when)
        self.save(prefs)

    @work(thread=True, exclusive=True, group="settings")
    def save(self, prefs: Prefs) -> None:
        self.app.services.save_prefs(prefs)
        self.app.call_from_thread(self.app.settings_saved, prefs)
