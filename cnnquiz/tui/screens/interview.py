"""Interview: a timed mixed set with the clock in view; the review and scorecard at the end
(where d replays a reviewed question in its demo).

The rules (what is asked, follow-ups, saving, scoring) are `study.interview.Interview`;
this screen only shows it. Nothing is revealed while it runs (an answer is "noted"),
an unreadable answer says why and stays; when time is up or the count is reached the
interview is finished and every question comes back with its answer and solution.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, Header, Input, Markdown, Static

from cnnquiz.errors import CnnquizError
from cnnquiz.i18n import text
from cnnquiz.study.outcome import GAVE_UP, GIVE_UP_LINE
from cnnquiz.tui.interview_card import card_markdown
from cnnquiz.tui.keys import localise
from cnnquiz.tui.names import topic_name
from cnnquiz.tui.prompt import lay_out
from cnnquiz.tui.screens.demo_picker import Demos, open_demo, report_demos
from cnnquiz.tui.widgets.footer import KeyFooter

if TYPE_CHECKING:
    from cnnquiz.study.interview import Answered, Asked, Interview
    from cnnquiz.study.scorecard import Scorecard
    from cnnquiz.tui.app import CnnquizApp

DEFAULT_MINUTES = 15


def mm_ss(seconds: float) -> str:
    s = max(0, int(seconds + 0.999))  # 0:00 only once the time is really up
    return f"{s // 60:02d}:{s % 60:02d}"


class InterviewScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+t", "end", "iv_end"),
        Binding("escape", "leave", "back"),
        Binding("d", "demo", "demo_this"),
    ]

    app: CnnquizApp

    def __init__(self) -> None:
        super().__init__()
        self.iv: Interview | None = None
        self.asked: Asked | None = None
        self.timer: Timer | None = None
        self.finished = False
        self.demos: Demos = []  # of the reviewed questions, once the scorecard is shown

    def iv_t(self, key: str, **values: object) -> str:
        return text(f"interview.{key}", self.app.lang, **values)

    def compose(self) -> ComposeResult:
        t = self.app.t
        localise(self, self.app.lang)
        yield Header()
        with Horizontal(id="iv-setup"):
            yield Static(t("iv_minutes"), classes="label")
            yield Input(str(DEFAULT_MINUTES), id="iv-minutes", type="number")
            yield Static(t("iv_count"), classes="label")
            yield Input(id="iv-count", type="integer", placeholder=t("iv_no_count"))
            yield Button(t("iv_start"), id="iv-start", variant="primary")
        yield Static(t("iv_intro", give_up=GIVE_UP_LINE), id="iv-status")
        with Horizontal(id="iv-top"):
            yield Static(id="iv-head")
            yield Static(id="iv-clock")
        with VerticalScroll(id="iv-qa"):
            yield Markdown(id="iv-prompt")
            yield Markdown(id="iv-result")
        yield Input(id="iv-answer", disabled=True, placeholder=t("iv_answer_hint",
                                                                   give_up=GIVE_UP_LINE))
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#iv-top").display = False
        self.query_one("#iv-answer").display = False
        self.query_one("#iv-result").display = False
        self.query_one("#iv-minutes", Input).focus()

    @on(Button.Pressed, "#iv-start")
    @on(Input.Submitted, "#iv-minutes, #iv-count")
    def start(self) -> None:
        if self.iv is not None or not self.app.ready:
            return
        minutes_text = self.query_one("#iv-minutes", Input).value.strip()
        count_text = self.query_one("#iv-count", Input).value.strip()
        try:
            minutes = float(minutes_text) if minutes_text else None
            count = int(count_text) if count_text else None
        except ValueError:
            self.query_one("#iv-status", Static).update(self.app.t("iv_bad_limit"))
            return
        self.begin(minutes, count)

    @work(thread=True, exclusive=True, group="interview")
    def begin(self, minutes: float | None, count: int | None) -> None:
        seed = self.app.services.seed
        rng = random.Random(seed) if seed is not None else None
        try:
            iv = self.app.services.application.interview(minutes, count, rng=rng)
            asked = iv.next()
        except CnnquizError as exc:
            self.app.deliver(self, self.status, str(exc))
            return
        self.app.deliver(self, self.started, iv, asked)

    def status(self, message: str) -> None:
        self.query_one("#iv-status", Static).update(message)

    def started(self, iv: Interview, asked: Asked | None) -> None:
        self.iv = iv
        self.refresh_bindings()  # ctrl+t ends it from now on
        self.query_one("#iv-setup").display = False
        self.query_one("#iv-top").display = True
        self.query_one("#iv-answer").display = True
        self.query_one("#iv-status", Static).update("")
        self.timer = self.set_interval(1, self.tick)
        self.ask(asked)

    def tick(self) -> None:
        if self.iv is None or self.finished:
            return
        left = self.iv.remaining
        clock = self.query_one("#iv-clock", Static)
        if left is None:
            clock.update(self.app.t("iv_count_left", n=self.iv.main_asked, total=self.iv.count))
            return
        clock.update(self.app.t("iv_left", clock=mm_ss(left)))
        clock.set_class(left < 60, "-late")
        if left == 0.0:
            self.action_end()

    def ask(self, asked: Asked | None) -> None:
        if asked is None:
            self.action_end()
            return
        self.asked, q, lang = asked, asked.question, self.app.lang
        topic = topic_name(q.topic, lang)
        head = (self.app.t("iv_followup", n=asked.n, about=asked.about, topic=topic)
                if asked.followup else
                self.app.t("iv_question", n=asked.n, topic=topic, level=q.level))
        self.query_one("#iv-head", Static).update(head)
        self.tick()  # the count of questions asked moves with the question, not a second later
        self.query_one("#iv-prompt", Markdown).update(lay_out(q.prompt))
        box = self.query_one("#iv-answer", Input)
        box.value, box.disabled = "", False
        box.focus()

    @on(Input.Submitted, "#iv-answer")
    def submitted(self, event: Input.Submitted) -> None:
        given = event.value.strip()
        if self.iv is None or self.finished or not given:
            return
        event.input.disabled = True
        self.answer(given)

    @work(thread=True, exclusive=True, group="interview")
    def answer(self, given: str) -> None:
        assert self.iv is not None
        result = self.iv.give_up() if given == GIVE_UP_LINE else self.iv.answer(given)
        asked = self.iv.next() if result.counted else self.asked
        self.app.deliver(self, self.answered, result, asked)

    def answered(self, result: Answered, asked: Asked | None) -> None:
        status = self.query_one("#iv-status", Static)
        if result.counted:
            status.update(self.app.t("iv_noted", n=result.n))
            self.ask(asked)
            return
        status.update(self.iv_t("retry", verdict=text(f"common.{result.verdict}", self.app.lang),
                                reason=f": {result.explanation}" if result.explanation else "",
                                give_up=GIVE_UP_LINE))
        box = self.query_one("#iv-answer", Input)
        box.disabled = False
        box.focus()

    def action_leave(self) -> None:
        """Escape during the interview ends it (saved, scorecard shown); then it goes home."""
        if self.iv is not None and not self.finished:
            self.action_end()
        else:
            self.app.action_home()

    def action_end(self) -> None:
        if self.iv is None or self.finished:
            return
        self.finished = True
        if self.timer is not None:
            self.timer.stop()
        self.query_one("#iv-answer", Input).disabled = True
        self.finish()

    @work(thread=True, exclusive=True, group="interview")
    def finish(self) -> None:
        assert self.iv is not None
        card = self.iv.finish()
        demos = report_demos(((r.n, r.verdict, r.question) for r in card.review), self.app.lang)
        self.app.deliver(self, self.show_card, card, demos)

    def show_card(self, card: Scorecard, demos: Demos) -> None:
        assert self.iv is not None
        self.demos = demos
        time_up = self.iv.remaining == 0.0
        self.query_one("#iv-status", Static).update(
            self.iv_t("time_up") if time_up else self.app.t("iv_over"))
        self.query_one("#iv-top").display = False
        self.query_one("#iv-answer").display = False
        self.query_one("#iv-prompt").display = False
        result = self.query_one("#iv-result", Markdown)
        result.update(card_markdown(card, self.app.lang, GAVE_UP))
        result.display = True
        qa = self.query_one("#iv-qa", VerticalScroll)
        qa.scroll_home(animate=False)
        qa.focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "demo":  # on the scorecard, when a reviewed question has a demo
            return bool(self.demos)
        if action == "end":  # only while an interview runs
            return self.iv is not None and not self.finished
        return True

    def action_demo(self) -> None:
        """A reviewed question's demo, with its numbers (escape comes back to the card)."""
        open_demo(self.app, self.demos)
