"""Study: one question at a time; Enter submits, the verdict and solution show, Enter moves on.

Every store call (drawing the next question, saving an answer) runs in a thread
worker; the verdict is shown only once `StudyLoop` has returned, that is once
the attempt is committed, so quitting at any moment loses nothing answered.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Markdown, Static

from cnnquiz.errors import CnnquizError
from cnnquiz.tui.keys import localise
from cnnquiz.tui.screens.home import topic_name
from cnnquiz.tui.widgets.verdict import VerdictPanel

if TYPE_CHECKING:
    from cnnquiz.questions.model import Question
    from cnnquiz.study.loop import Outcome, StudyLoop
    from cnnquiz.tui.app import CnnquizApp

Phase = Literal["loading", "asking", "rating", "shown", "done"]
GIVE_UP = "?"


class StudyScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+g", "hint", "hint"),
        Binding("escape", "app.home", "home"),
    ]

    app: CnnquizApp

    def __init__(self, skills: Sequence[str] = ()) -> None:
        super().__init__()
        self.skills = tuple(skills)
        self.loop: StudyLoop | None = None
        self.question: Question | None = None
        self.phase: Phase = "loading"
        self.busy = False
        self.given = ""

    def compose(self) -> ComposeResult:
        localise(self, self.app.lang)
        yield Header()
        yield Static(self.app.t("loading"), id="progress")
        with VerticalScroll(id="qa"):
            yield Markdown(id="prompt")
            yield VerdictPanel(id="verdict")
        yield Input(id="answer", disabled=True)
        yield Footer()

    def on_mount(self) -> None:
        if self.app.ready:
            self.start()

    def on_cnnquiz_app_opened(self) -> None:
        if self.loop is None:
            self.start()

    @work(thread=True, exclusive=True, group="study")
    def start(self) -> None:
        try:
            level = self.app.prefs.level if self.app.prefs else None
            loop = self.app.services.study(self.app.topics, self.app.length, self.skills, level)
            question = loop.next()
        except CnnquizError as exc:
            self.app.call_from_thread(self.app.notify, str(exc), severity="error")
            return
        self.app.call_from_thread(self._started, loop, question)

    def _started(self, loop: StudyLoop, question: Question | None) -> None:
        self.loop = loop
        self._ask(question)

    def _ask(self, question: Question | None) -> None:
        self.question, self.busy = question, False
        box = self.query_one("#answer", Input)
        panel = self.query_one("#verdict", VerdictPanel)
        panel.clear()
        if question is None:
            self.phase = "done"
            self._progress()
            loop = self.loop
            done = self.app.t("session_done", correct=loop.correct if loop else 0,
                              answered=loop.answered if loop else 0)
            self.query_one("#prompt", Markdown).update(f"## {done}")
            box.placeholder, box.value = self.app.t("session_done_hint"), ""
            box.disabled = False
            box.focus()
            return
        self.phase = "asking"
        self._progress()
        self.query_one("#prompt", Markdown).update(_prompt_markdown(question))
        key = {"choice": "choice_placeholder", "text": "self_placeholder"}.get(
            question.answer.kind, "answer_placeholder")
        box.placeholder, box.value, box.disabled = self.app.t(key), "", False
        box.focus()
        self.query_one("#qa", VerticalScroll).scroll_home(animate=False)

    def _progress(self) -> None:
        loop = self.loop
        if loop is None:
            return
        t = self.app.t
        line = (t("progress_line", n=loop.n, total=loop.count, correct=loop.correct)
                if loop.count else t("progress_open", n=loop.n, correct=loop.correct))
        if self.question is not None:
            q = self.question
            line += f"  ·  {topic_name(q.topic, self.app.lang)} · L{q.level} · {q.code}"
        self.query_one("#progress", Static).update(line)

    @on(Input.Submitted, "#answer")
    def submitted(self, event: Input.Submitted) -> None:
        if self.busy or self.loop is None:
            return
        if self.phase == "done":
            self.app.action_home()
        elif self.phase == "shown":
            self.busy = True
            self.advance()
        elif self.phase == "rating":
            if event.value.strip() in ("1", "2", "3", "4"):
                self.busy = True
                self.save(lambda loop: loop.rate(int(event.value.strip()), self.given))
        elif self.phase == "asking":
            self._submit(event.value)

    def _submit(self, value: str) -> None:
        assert self.loop is not None
        if value.strip() == GIVE_UP:
            self.busy = True
            self.save(lambda loop: loop.give_up())
        elif self.loop.self_rated and value.strip():
            self.given, self.phase = value, "rating"
            shown = self.loop.reveal()
            self.query_one("#verdict", VerdictPanel).reveal(shown.answer, shown.key_points)
            box = self.query_one("#answer", Input)
            box.value, box.placeholder = "", self.app.t("rate_prompt")
        elif not self.loop.self_rated:
            self.busy = True
            self.save(lambda loop: loop.answer(value))

    @work(thread=True, exclusive=True, group="study")
    def save(self, act: object) -> None:
        assert self.loop is not None and callable(act)
        outcome = act(self.loop)
        self.app.call_from_thread(self._shown, outcome)

    def _shown(self, outcome: Outcome) -> None:
        self.busy = False
        panel = self.query_one("#verdict", VerdictPanel)
        box = self.query_one("#answer", Input)
        panel.show(outcome)
        if not outcome.counted:
            box.focus()
            return
        self.phase = "shown"
        self._progress()
        box.value, box.placeholder = "", self.app.t("next_hint")
        self.query_one("#qa", VerticalScroll).scroll_to_widget(panel, animate=False, top=True)

    @work(thread=True, exclusive=True, group="study")
    def advance(self) -> None:
        assert self.loop is not None
        question = self.loop.next()
        self.app.call_from_thread(self._ask, question)

    def action_hint(self) -> None:
        if self.phase == "asking" and self.question is not None and self.question.solution:
            self.query_one("#verdict", VerdictPanel).hint(self.question.solution[0])

    def on_unmount(self) -> None:
        if self.loop is not None:
            self.loop.close()


def _prompt_markdown(q: Question) -> str:
    options = "".join(f"\n- **{o.letter}.** {o.text}" for o in q.options
                      if f"{o.letter}." not in q.prompt)
    return q.prompt + ("\n" + options if options else "")
