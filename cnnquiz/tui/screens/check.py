"""Check: grade a printed set's answers in the app - its set code, the answers typed as
`N: answer` lines, and the report (score, verdicts, expected answers, mistakes, solutions).
With the report shown, d replays a question of the set in its demo (a picker when several
have one), as the study screen does after a verdict.

Grading and saving are the application's (`check`, `record_check`); the answers are
saved as practice unless the switch is turned off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Markdown, Static, Switch, TextArea

from cnnquiz.errors import CnnquizError
from cnnquiz.tui.check_report import report_markdown
from cnnquiz.tui.keys import localise
from cnnquiz.tui.screens.demo_picker import Demos, open_demo, report_demos
from cnnquiz.tui.widgets.footer import KeyFooter

if TYPE_CHECKING:
    from cnnquiz.questions.sheets import Report
    from cnnquiz.tui.app import CnnquizApp


class CheckScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "check", "ck_check", priority=True),
        Binding("e", "edit", "ck_edit"),
        Binding("d", "demo", "demo_this"),
        Binding("escape", "app.home", "back"),
    ]

    app: CnnquizApp

    def __init__(self) -> None:
        super().__init__()
        self.demos: Demos = []  # (picker line, demo) of the report
        self.reporting = False  # the report is shown (not the answers)

    def compose(self) -> ComposeResult:
        t = self.app.t
        localise(self, self.app.lang)
        yield Header()
        with Horizontal(id="ck-form"):
            yield Input(id="ck-code", placeholder=t("ck_code"))
            yield Static(t("ck_record"), classes="label")
            yield Switch(True, id="ck-record")
            yield Button(t("ck_check"), id="ck-check", variant="primary")
        yield TextArea(id="ck-answers")
        yield Static(t("ck_answers_hint"), id="ck-status")
        with VerticalScroll(id="ck-report"):
            yield Markdown(id="ck-result")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#ck-report").display = False
        self.query_one("#ck-code", Input).focus()

    @on(Input.Submitted, "#ck-code")
    def code_entered(self) -> None:
        self.query_one("#ck-answers", TextArea).focus()

    @on(Button.Pressed, "#ck-check")
    def action_check(self) -> None:
        code = self.query_one("#ck-code", Input).value.strip()
        if not code:
            self.query_one("#ck-status", Static).update(self.app.t("ck_need_code"))
            return
        if not self.app.ready:
            return
        answers = self.query_one("#ck-answers", TextArea).text
        self.grade(code, answers, self.query_one("#ck-record", Switch).value)

    @work(thread=True, exclusive=True, group="check")
    def grade(self, code: str, answers: str, record: bool) -> None:
        application = self.app.services.application
        try:
            report = application.check(code, answers)
            saved = application.record_check(report) if record else None
        except CnnquizError as exc:
            self.app.deliver(self, self.failed, str(exc))
            return
        demos = report_demos(((n, v.verdict, q) for q, (n, v)
                              in zip(report.questions, report.results, strict=True)),
                             self.app.lang)
        self.app.deliver(self, self.show, report, saved, demos)

    def failed(self, message: str) -> None:
        self.query_one("#ck-status", Static).update(self.app.t("error", message=message))

    def show(self, report: Report, saved: int | None, demos: Demos) -> None:
        self.demos, self.reporting = demos, True
        self.query_one("#ck-status", Static).update(
            self.app.t("ck_score", score=report.score, total=report.total))
        self.query_one("#ck-answers").display = False
        self.query_one("#ck-result", Markdown).update(
            report_markdown(report, self.app.lang, saved, self.app.t("ck_not_saved")))
        box = self.query_one("#ck-report", VerticalScroll)
        box.display = True
        box.scroll_home(animate=False)
        box.focus()
        self.refresh_bindings()

    def action_edit(self) -> None:
        """Back to the answers (the report stays until the next check)."""
        self.query_one("#ck-report").display = False
        answers = self.query_one("#ck-answers", TextArea)
        answers.display = True
        answers.focus()
        self.reporting = False
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "demo":  # while the report is shown, and only if a question has a demo
            return self.reporting and bool(self.demos)
        return True

    def action_demo(self) -> None:
        """The chosen question's demo, with its numbers (escape comes back to the report)."""
        open_demo(self.app, self.demos)
