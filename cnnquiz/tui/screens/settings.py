"""Settings: language, theme, session length, level, interview date, learner; saved in the store.

A form of one-row fields, so all of it fits 80x24. The theme is tried live as
it is chosen (Escape puts the saved one back); a learner is switched at once
and the form shows that learner's settings; the rest is saved with ctrl+s.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Label, Select, Static

from cnnquiz.application import parse_interview
from cnnquiz.errors import CnnquizError
from cnnquiz.i18n import LANGS, is_lang, text
from cnnquiz.tui.keys import localise
from cnnquiz.tui.services import Prefs
from cnnquiz.tui.widgets.footer import KeyFooter

if TYPE_CHECKING:
    from cnnquiz.tui.app import CnnquizApp

MAX_LENGTH = 200
NARROW = 60  # columns below which labels go above their fields


class SettingsScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "save"),
        Binding("escape", "back", "back"),
    ]

    app: CnnquizApp

    def compose(self) -> ComposeResult:
        t, p = self.app.t, self.current()
        localise(self, self.app.lang)
        learner = self.app.services.learner
        yield Header()
        with VerticalScroll(id="settings-body"), Grid(id="settings-form"):
            yield Label(t("language"))
            yield Select([(text(f"common.lang_{code}", code), code) for code in LANGS],
                         value=p.lang, allow_blank=False, id="lang", compact=True)
            yield Label(t("theme"))
            yield Select([(name, name) for name in sorted(self.app.available_themes)],
                         value=p.theme, allow_blank=False, id="theme", compact=True)
            yield Label(t("session_length"))
            yield Input(str(p.length), id="length", type="integer", compact=True)
            yield Label(t("level"))
            yield Select([(t("level_any"), 0), ("1", 1), ("2", 2), ("3", 3)],
                         value=p.level or 0, allow_blank=False, id="level", compact=True)
            yield Label(t("interview_date"))
            yield Input(p.interview.isoformat() if p.interview else "", id="interview",
                        placeholder=t("date_placeholder"), compact=True)
            yield Label(t("learner"))
            yield Select([(learner, learner)], value=learner, allow_blank=False, id="learner",
                         compact=True)
            yield Label(t("new_learner"))
            yield Input(id="new-learner", placeholder=t("new_learner_placeholder"), compact=True)
            yield Static()
            yield Button(t("save"), id="save", variant="primary", compact=True)
        yield Static(id="settings-error")
        yield KeyFooter()

    def current(self) -> Prefs:
        app = self.app
        return app.prefs or Prefs(app.lang, app.theme, app.length, None, None)

    def on_mount(self) -> None:
        self.set_class(self.app.size.width < NARROW, "-narrow")
        self.query_one("#lang", Select).focus()
        if self.app.ready:
            self.load_learners()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")

    def on_cnnquiz_app_opened(self) -> None:
        self.load_learners()

    @work(thread=True, exclusive=True, group="settings")
    def load_learners(self) -> None:
        names = self.app.services.learners()
        self.app.deliver(self, self._learners, names)

    def _learners(self, names: list[str]) -> None:
        chooser = self.query_one("#learner", Select)
        with chooser.prevent(Select.Changed):
            chooser.set_options([(n, n) for n in names])
            chooser.value = self.app.services.learner

    @on(Select.Changed, "#theme")
    def try_theme(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value in self.app.available_themes:
            self.app.theme = event.value

    @on(Select.Changed, "#learner")
    def chose_learner(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.app.services.learner:
            self.switch_learner(event.value)

    @on(Input.Submitted, "#new-learner")
    def new_learner(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self._error(self.app.t("blank_learner"), "#new-learner")
            return
        self.switch_learner(event.value)

    @work(thread=True, exclusive=True, group="settings")
    def switch_learner(self, name: str) -> None:
        try:
            self.app.services.use_learner(name)
            prefs = self.app.services.prefs(self.app.lang, self.app.theme, self.app.length)
        except CnnquizError as exc:
            self.app.deliver(self, self._error, str(exc))
            return
        self.app.call_from_thread(self.app.learner_switched, prefs)

    def action_back(self) -> None:
        saved = self.current().theme
        if saved in self.app.available_themes:
            self.app.theme = saved  # a theme tried but not saved is put back
        self.app.action_home()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        t = self.app.t
        length_text = self.query_one("#length", Input).value.strip()
        if not length_text.isdigit() or not 1 <= int(length_text) <= MAX_LENGTH:
            self._error(t("bad_length"), "#length")
            return
        try:
            when = parse_interview(self.query_one("#interview", Input).value,
                                   self.app.services.today())
        except CnnquizError:
            value = self.query_one("#interview", Input).value.strip()
            self._error(t("bad_date", value=value, today=self.app.services.today()), "#interview")
            return
        lang = self.query_one("#lang", Select).value
        level = self.query_one("#level", Select).value
        prefs = replace(self.current(), lang=lang if is_lang(lang) else self.app.lang,
                        theme=str(self.query_one("#theme", Select).value),
                        length=int(length_text), level=int(str(level)) or None, interview=when)
        self.save(prefs)

    def _error(self, message: str, field: str | None = None) -> None:
        """Say what is wrong under the form, and put the cursor where it is."""
        for box in self.query(Input):
            box.set_class(field is not None and box.id == field.lstrip("#"), "-invalid")
        self.query_one("#settings-error", Static).update(message)
        if field is not None:
            self.query_one(field, Input).focus()

    @work(thread=True, exclusive=True, group="settings")
    def save(self, prefs: Prefs) -> None:
        self.app.services.save_prefs(prefs)
        self.app.call_from_thread(self.app.settings_saved, prefs)
