"""Home: what is due, the interview countdown, mastery per topic; Enter starts a session."""

from __future__ import annotations

from collections import defaultdict
from contextlib import suppress
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from cnnquiz.errors import CnnquizError
from cnnquiz.i18n import Lang
from cnnquiz.topics import ORDER
from cnnquiz.tui.keys import localise
from cnnquiz.tui.names import topic_name
from cnnquiz.tui.widgets import Tile, TopicBars
from cnnquiz.tui.widgets.footer import KeyFooter

if TYPE_CHECKING:
    from cnnquiz.store.stats import Progress
    from cnnquiz.tui.app import CnnquizApp


def mastery_rows(summary: Progress, lang: Lang) -> list[tuple[str, float, str]]:
    """Mean predicted recall of the studied skills of each topic, in topic-map order."""
    recalls: dict[str, list[float]] = defaultdict(list)
    for skill in summary.skills:
        recalls[skill.topic].append(skill.recall)
    return [(topic_name(t, lang), sum(r) / len(r), f"{100 * sum(r) / len(r):3.0f}%")
            for t, r in sorted(recalls.items(), key=lambda kv: ORDER.get(kv[0], 99))]


NARROW = 100  # columns below which the footer closes up (nine keys and the palette's)


class HomeScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "app.study", "study"),
        Binding("t", "app.topics", "topics"),
        Binding("s", "app.stats", "stats"),
        Binding("d", "app.demo", "demo"),
        Binding("c", "app.calc", "calc_key"),
        Binding("i", "app.interview", "interview"),
        Binding("k", "app.check", "check"),
        Binding("comma", "app.settings", "settings", key_display=","),
    ]

    app: CnnquizApp

    def compose(self) -> ComposeResult:
        t = self.app.t
        localise(self, self.app.lang)
        yield Header()
        with Horizontal(id="tiles"):
            yield Tile(t("due_today"), id="due")
            yield Tile(t("streak"), id="streak")
            yield Tile(t("answered"), id="answered")
            yield Tile(t("interview"), id="interview")
        with VerticalScroll(id="home-body"):
            yield Static(self.app.t("mastery"), classes="section")
            yield TopicBars(id="mastery")
        yield Static(self.app.t("loading"), id="start", classes="call")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._fit_footer(self.app.size.width)
        if self.app.ready:
            self.load()

    def on_resize(self, event: events.Resize) -> None:
        self._fit_footer(event.size.width)

    def _fit_footer(self, width: int) -> None:
        """Every screen's key in one row: below NARROW columns the keys close up and the
        palette's key (ctrl+p works everywhere) leaves the footer."""
        narrow = width < NARROW
        self.set_class(narrow, "-narrow")
        footer = self.query_one(Footer)
        footer.compact, footer.show_command_palette = narrow, not narrow

    def on_screen_resume(self) -> None:
        if self.app.ready:
            self.load()

    def on_cnnquiz_app_opened(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="home")
    def load(self) -> None:
        summary = self.app.services.summary()
        self.app.deliver(self, self.show, summary)
        level = self.app.prefs.level if self.app.prefs else None
        # while the learner reads this screen, so Enter finds the session ready; a choice
        # that cannot make one is reported by the study screen when Enter asks for it
        with suppress(CnnquizError):
            self.app.services.prepare(self.app.topics, self.app.length, level=level)
        import cnnquiz.tui.screens.study  # noqa: F401  (its Markdown widgets load slowly)

    def show(self, s: Progress) -> None:
        t, lang = self.app.t, self.app.lang
        self.query_one("#due", Tile).show(str(s.due))
        self.query_one("#streak", Tile).show(
            t("one_day") if s.streak_days == 1 else t("days", n=s.streak_days))
        accuracy = f" · {100 * s.correct / s.attempts:.0f}%" if s.attempts else ""
        self.query_one("#answered", Tile).show(f"{s.attempts}{accuracy}")
        interview = self.query_one("#interview", Tile)
        when = self.app.prefs.interview if self.app.prefs else None
        interview.display = when is not None
        if when is not None:
            days = (when - self.app.services.today()).days
            left = t("one_day") if days == 1 else t("days", n=days)
            interview.show(t("interview_today") if days == 0 else left,
                           t("interview_on", date=when.isoformat()))
        self.query_one("#mastery", TopicBars).show(mastery_rows(s, lang), t("no_progress"))
        chosen = (t("topics_all") if not self.app.topics else
                  t("topics_some", n=len(self.app.topics),
                    names=", ".join(topic_name(x, lang) for x in self.app.topics[:3])
                    + ("…" if len(self.app.topics) > 3 else "")))
        self.query_one("#start", Static).update(
            f"{t('start_hint', n=self.app.length)} · {chosen}")
