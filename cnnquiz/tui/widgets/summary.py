"""The end of a session: the score, the help used, each topic's score, mistakes to watch."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from cnnquiz.i18n import Lang, text
from cnnquiz.tui.names import topic_name
from cnnquiz.tui.widgets.bars import TopicBars
from cnnquiz.tui.widgets.verdict import until

if TYPE_CHECKING:
    from cnnquiz.study.summary import SessionSummary

MISTAKES = 5


class SessionDone(Vertical):
    DEFAULT_CSS = """
    SessionDone { height: auto; padding: 0 1; }
    SessionDone > #done-head { text-style: bold; background: $primary 25%; padding: 0 1;
                               margin: 1 0; }
    SessionDone > .done-section { margin: 1 0 0 0; text-style: bold; color: $accent; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="done-head")
        yield Static(id="done-help")
        yield Static(classes="done-section", id="done-topics-title")
        yield TopicBars(id="done-topics")
        yield Static(classes="done-section", id="done-mistakes-title")
        yield Static(id="done-mistakes")
        yield Static(id="done-next")

    def t(self, key: str, **values: object) -> str:
        lang: Lang = getattr(self.app, "lang", "en")
        return text(f"app.{key}", lang, **values)

    def show(self, s: SessionSummary, now: datetime) -> None:
        lang: Lang = getattr(self.app, "lang", "en")
        head = self.t("session_done", correct=s.correct, answered=s.answered)
        if s.seconds >= 60:
            head += " · " + until(s.seconds, lang)
        self.query_one("#done-head", Static).update(Text(head))
        help_used = [self.t("with_hint", n=s.hinted)] if s.hinted else []
        help_used += [self.t("answers_shown", n=s.gave_up)] if s.gave_up else []
        self._put("#done-help", Text(" · ".join(help_used), style="dim"), bool(help_used))
        rows = [(topic_name(topic, lang), right / n, f"{right}/{n}")
                for topic, n, right in s.by_topic]
        self._put("#done-topics-title", Text(self.t("by_topic")), bool(rows))
        self.query_one("#done-topics", TopicBars).show(rows, "")
        self.query_one("#done-topics", TopicBars).display = bool(rows)
        table = Table.grid(padding=(0, 2))
        for words, n in s.mistakes[:MISTAKES]:
            table.add_row(Text(f"×{n}", style="bold"), Text(words))
        self._put("#done-mistakes-title", Text(self.t("mistakes_to_watch")), bool(s.mistakes))
        self._put("#done-mistakes", table, bool(s.mistakes))
        nxt = ("" if s.next_due is None else
               self.t("next_review", when=until((s.next_due - now).total_seconds(), lang)))
        self._put("#done-next", Text(nxt, style="dim"), bool(nxt))

    def _put(self, selector: str, content: Text | Table, shown: bool) -> None:
        widget = self.query_one(selector, Static)
        widget.update(content)
        widget.display = shown
