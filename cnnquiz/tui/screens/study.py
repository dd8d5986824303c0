"""Study: one question at a time; Enter submits, the verdict and solution show, Enter moves on.

Every store call (drawing the next question, saving an answer) runs in a thread
worker; the verdict is shown only once `StudyLoop` has returned, that is once
the attempt is committed, so quitting at any moment loses nothing answered.
A single-answer choice is answered by its letter key alone, a self-rating by
its digit; the box stays for multi-answer choices and everything typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar, Literal

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input, Markdown, Static

from cnnquiz.errors import CnnquizError
from cnnquiz.tui.keys import localise
from cnnquiz.tui.names import topic_name
from cnnquiz.tui.prompt import lay_out
from cnnquiz.tui.widgets.choices import Choices, split_options
from cnnquiz.tui.widgets.footer import KeyFooter
from cnnquiz.tui.widgets.markdown import markdown
from cnnquiz.tui.widgets.summary import SessionDone
from cnnquiz.tui.widgets.verdict import VerdictPanel

if TYPE_CHECKING:
    from cnnquiz.demos import DemoRequest
    from cnnquiz.questions.model import Question
    from cnnquiz.study.loop import StudyLoop
    from cnnquiz.study.outcome import Outcome
    from cnnquiz.study.summary import SessionSummary
    from cnnquiz.tui.app import CnnquizApp

Phase = Literal["loading", "asking", "rating", "shown", "done"]
GIVE_UP = "?"
RATINGS = ("1", "2", "3", "4")
SHORT = 20  # rows below which the answer box loses its border


class AnswerBox(Input):
    """The answer box. After a verdict with a demo to show, it leaves the key d to the
    screen (Textual drops a screen's binding for any key the focused box would type)."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        screen = self.screen
        if key == "d" and isinstance(screen, StudyScreen) and screen.check_action("demo", ()):
            return False
        return super().check_consume_key(key, character)


class StudyScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+g", "hint", "hint"),
        # after the verdict the answer box takes no letters: d opens the question's demo
        Binding("d", "demo", "demo_this", priority=True),
        Binding("escape", "app.home", "home"),
        Binding("pageup", "scroll(-1)", show=False),
        Binding("pagedown", "scroll(1)", show=False),
    ]
    # Focus goes to the answer box only: the question area must never take it, even when
    # the (prepared) first question arrives before the screen has finished opening.
    AUTO_FOCUS = "#answer"

    app: CnnquizApp

    def __init__(self, skills: Sequence[str] = ()) -> None:
        super().__init__()
        self.skills = tuple(skills)
        self.loop: StudyLoop | None = None
        self.question: Question | None = None
        self.phase: Phase = "loading"
        self.busy = False
        self.given = ""
        self.demo: DemoRequest | None = None  # the shown question's demo, after its verdict

    def compose(self) -> ComposeResult:
        localise(self, self.app.lang)
        yield Header()
        with Horizontal(id="progress"):
            yield Static(self.app.t("loading"), id="where")
            yield Static(id="what")
        with VerticalScroll(id="qa"):
            yield markdown(id="prompt")
            yield Choices(id="choices")
            yield VerdictPanel(id="verdict")
        yield AnswerBox(id="answer", disabled=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#answer", Input).compact = self.app.size.height < SHORT
        if self.app.ready:
            self.start()

    def on_resize(self, event: events.Resize) -> None:
        self.query_one("#answer", Input).compact = event.size.height < SHORT

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
        self.app.deliver(self, self._started, loop, question)

    def _started(self, loop: StudyLoop, question: Question | None) -> None:
        self.loop = loop
        self._ask(question, None if question else loop.summary())

    def _ask(self, question: Question | None, summary: SessionSummary | None = None) -> None:
        self.question, self.busy = question, False
        self.demo = None
        self.refresh_bindings()
        box = self.query_one("#answer", Input)
        self.query_one("#verdict", VerdictPanel).clear()
        choices = self.query_one("#choices", Choices)
        if question is None:
            self.phase = "done"
            self._progress()
            self.query_one("#prompt", Markdown).display = False
            choices.show(())
            if summary is not None:
                self.call_later(self._summarise, summary)
            box.placeholder, box.value = self.app.t("session_done_hint"), ""
            box.disabled = False
            box.focus()
            return
        self.phase = "asking"
        self._progress()
        rest = split_options(question.prompt, question.options) if question.options else None
        self.query_one("#prompt", Markdown).update(
            lay_out(rest if rest is not None else question.prompt))
        choices.show(question.options if rest is not None else ())
        box.placeholder, box.value, box.disabled = self.app.t(_placeholder(question)), "", False
        box.focus()
        self.query_one("#qa", VerticalScroll).scroll_home(animate=False)

    async def _summarise(self, summary: SessionSummary) -> None:
        """Mount the summary only now: a screen with fewer widgets opens faster."""
        done = SessionDone(id="summary")
        await self.query_one("#qa", VerticalScroll).mount(done)
        done.show(summary, self.app.services.now())

    def _progress(self) -> None:
        loop = self.loop
        if loop is None:
            return
        t = self.app.t
        where = (t("progress_line", n=loop.n, total=loop.count, correct=loop.correct)
                 if loop.count else t("progress_open", n=loop.n, correct=loop.correct))
        q = self.question if self.phase != "done" else None
        what = ""
        if q is not None:  # the code stays whole (`cnnquiz show CODE`); the topic gives way
            tail = f" · L{q.level} · {q.code}"
            room = self.app.size.width - 4 - cell_len(where) - cell_len(tail)
            topic = topic_name(q.topic, self.app.lang)
            what = (set_cell_size(topic, room - 1).rstrip() + "…" if cell_len(topic) > room
                    else topic) + tail if room > 3 else q.code
        self.query_one("#where", Static).update(Text(where))
        self.query_one("#what", Static).update(Text(what))

    @on(Input.Changed, "#answer")
    def typed(self, event: Input.Changed) -> None:
        """A letter answers a single-answer choice at once; a digit gives the self-rating."""
        key = event.value.strip()
        if self.busy or self.loop is None or len(key) != 1:
            return
        if self.phase == "asking" and key.upper() in _letters(self.question):
            self._submit(key.upper())
        elif self.phase == "rating" and key in RATINGS:
            self._rate(int(key))

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
            if event.value.strip() in RATINGS:
                self._rate(int(event.value.strip()))
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

    def _rate(self, rating: int) -> None:
        self.busy = True
        self.save(lambda loop: loop.rate(rating, self.given))

    @work(thread=True, exclusive=True, group="study")
    def save(self, act: Callable[[StudyLoop], Outcome]) -> None:
        assert self.loop is not None
        outcome = act(self.loop)
        self.app.deliver(self, self._shown, outcome)

    def _shown(self, outcome: Outcome) -> None:
        self.busy = False
        panel = self.query_one("#verdict", VerdictPanel)
        box = self.query_one("#answer", Input)
        panel.show(outcome, self.app.services.now())
        if not outcome.counted:  # unreadable or blank: the text stays, to be corrected
            box.focus()
            return
        self.phase = "shown"
        self._progress()
        q = outcome.question
        if q.options and self.query_one("#choices", Choices).display:
            chosen = outcome.verdict.parsed
            picked = chosen if isinstance(chosen, list) else [chosen] if chosen else []
            self.query_one("#choices", Choices).show(q.options, [str(c) for c in picked], True)
        box.value, box.placeholder = "", self.app.t("next_hint")
        from cnnquiz.demos.from_spec import demo_request

        self.demo = demo_request(q.spec)
        self.refresh_bindings()
        qa = self.query_one("#qa", VerticalScroll)
        self.call_after_refresh(qa.scroll_to_widget, panel, animate=False, top=True)

    @work(thread=True, exclusive=True, group="study")
    def advance(self) -> None:
        assert self.loop is not None
        question = self.loop.next()
        summary = self.loop.summary() if question is None else None
        self.app.deliver(self, self._ask, question, summary)

    def action_scroll(self, pages: int) -> None:
        """Page through a long question or solution without leaving the answer box."""
        qa = self.query_one("#qa", VerticalScroll)
        qa.scroll_to(y=qa.scroll_y + pages * max(1, qa.size.height - 2), animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "demo":  # only once the verdict is shown, and only if a demo fits
            return self.phase == "shown" and self.demo is not None
        return True

    def action_demo(self) -> None:
        """The demo of the question just answered, with its numbers (escape comes back)."""
        from cnnquiz.tui.screens.demo import DemoScreen

        if self.demo is not None:
            self.app.push_screen(DemoScreen(request=self.demo))

    def action_hint(self) -> None:
        if self.phase != "asking" or self.loop is None or self.loop.current is None:
            return
        shown = self.loop.hint()
        panel = self.query_one("#verdict", VerdictPanel)
        panel.hint(shown if shown is not None else self.app.t("no_hint"))

    def on_unmount(self) -> None:
        if self.loop is not None:
            self.loop.close()


def _letters(q: Question | None) -> set[str]:
    """The option letters that answer `q` alone (a choice with one right option)."""
    if q is None or q.answer.kind != "choice" or not isinstance(q.answer.value, str):
        return set()
    return {o.letter.upper() for o in q.options}


def _placeholder(q: Question) -> str:
    if q.answer.kind == "choice":
        return "choice_placeholder" if isinstance(q.answer.value, str) else "choices_placeholder"
    return "self_placeholder" if q.answer.kind == "text" else "answer_placeholder"
