"""The answer's verdict, the named mistake, the worked solution; or a concept's model answer.

Each explanation shows once: a wrong option's reason sits under the verdict, so
the solution's step about that option is left out; a named mistake shows in
the words the stats screen lists it by, then what its sentence adds.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Markdown, Static

from cnnquiz.i18n import Lang, text
from cnnquiz.questions.answer_text import answer_text
from cnnquiz.tui.widgets.markdown import markdown

if TYPE_CHECKING:
    from cnnquiz.questions.model import Option
    from cnnquiz.study.outcome import Outcome

RATINGS = {1: "rating_again", 2: "rating_hard", 3: "rating_good", 4: "rating_easy"}


def until(seconds: float, lang: Lang) -> str:
    """A span in whole minutes, hours or days, as a person says it ("3 days")."""
    minutes = max(1, round(seconds / 60))
    if minutes < 90:
        return text("app.minutes", lang, n=minutes)
    if minutes < 36 * 60:
        return text("app.hours", lang, n=round(minutes / 60))
    days = round(minutes / 1440)
    return text("app.one_day", lang) if days == 1 else text("app.days", lang, n=days)


def come_back(due: datetime, now: datetime, lang: Lang) -> str:
    """"Saved · back in 3 days": the answer is stored and the skill returns then."""
    return text("app.saved_due", lang, when=until((due - now).total_seconds(), lang))


def mistake_note(words: str, explanation: str, lang: Lang) -> str:
    """The mistake's name in words, then whatever its sentence says beyond that name."""
    rest = explanation.strip()
    if rest.startswith(words):
        rest = rest[len(words):].lstrip(" :;,.：；，。")
    return text("app.mistake", lang, name=words) + (f" — {rest}" if rest else "")


class VerdictPanel(Vertical):
    DEFAULT_CSS = """
    VerdictPanel { height: auto; }
    VerdictPanel > #line { padding: 0 1; margin-top: 1; }
    VerdictPanel > #line.correct { background: $success 20%; color: $text; }
    VerdictPanel > #line.wrong { background: $error 20%; color: $text; }
    VerdictPanel > #line.note { background: $warning 15%; }
    VerdictPanel > #why { padding: 0 1; margin-bottom: 1; color: $text-muted; }
    VerdictPanel > Markdown { margin: 0; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="line")
        yield Static(id="why")
        yield markdown(id="steps")

    @property
    def lang(self) -> Lang:
        return getattr(self.app, "lang", "en")

    def t(self, key: str, **values: object) -> str:
        return text(f"app.{key}", self.lang, **values)

    def clear(self) -> None:
        self._set("", "", "", None)

    def hint(self, shown: str) -> None:
        self._set(self.t("hint_used"), "", shown, "note")

    def reveal(self, answer: str, points: Sequence[str]) -> None:
        self._set(self.t("rate_prompt"), "", self._model(answer, points), "note")

    def show(self, outcome: Outcome, now: datetime) -> None:
        v = outcome.verdict
        if v.verdict == "unreadable":
            self._set(self.t("unreadable_verdict", reason=v.explanation), "", "", "note")
            return
        if v.verdict == "blank":
            self._set(self.t("blank_verdict"), "", "", "note")
            return
        q, back = outcome.question, ""
        if outcome.due is not None:
            back = " · " + come_back(outcome.due, now, self.lang)
        if q.answer.kind == "text":  # self-rated: the model answer stays in view
            head = (self.t("gave_up_concept") if outcome.gave_up else
                    self.t("rated", name=self.t(RATINGS.get(outcome.rating or 1, "rating_again"))))
            self._set(head + back, "", self._model(str(q.answer.value), q.key_points),
                      "wrong" if v.verdict == "wrong" else "correct")
            return
        expected = answer_text(q.answer)
        if v.verdict == "correct":
            line = self.t("correct_hinted" if outcome.hinted else "correct_verdict")
        elif outcome.gave_up:
            line = self.t("gave_up", expected=expected)
        else:
            line = self.t("wrong_verdict", expected=expected)
        shown = list(outcome.chosen_why)  # each chosen option's reason, once
        why = [self._option_why(q.options, w) for w in shown]
        if v.mistake and outcome.mistake_words and not q.options:
            why.insert(0, mistake_note(outcome.mistake_words, v.explanation, self.lang))
        elif v.verdict == "wrong" and v.explanation and not outcome.gave_up \
                and v.explanation not in shown:
            why.insert(0, v.explanation)
        steps = [s for s in outcome.solution if not any(w in s for w in shown if w)]
        numbered = "\n".join(f"{i}. {s}" for i, s in enumerate(steps, 1))
        body = f"**{self.t('solution')}**\n\n{numbered}" if numbered else ""
        self._set(line + back, "\n".join(why), body, v.verdict)

    def _option_why(self, options: Sequence[Option], why: str) -> str:
        """"B: why" for the chosen option whose reason is `why`."""
        letter = next((o.letter for o in options if o.why == why), "")
        return self.t("option_why", letter=letter, why=why) if letter else why

    def _model(self, answer: str, points: Sequence[str]) -> str:
        body = f"**{self.t('model_answer')}**\n\n{answer}"
        if points:
            body += f"\n\n**{self.t('key_points')}**\n\n" + "\n".join(f"- {p}" for p in points)
        return body

    def _set(self, line: str, why: str, body: str, kind: str | None) -> None:
        head = self.query_one("#line", Static)
        head.update(Text(line))
        head.set_classes(kind or "")
        head.display = bool(line)
        note = self.query_one("#why", Static)
        note.update(Text(why))
        note.display = bool(why)
        steps = self.query_one("#steps", Markdown)
        steps.update(body)
        steps.display = bool(body)
