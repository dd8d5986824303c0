"""The answer's verdict, the named mistake, the worked solution; or a concept's model answer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Markdown, Static

from cnnquiz.i18n import Lang, text

if TYPE_CHECKING:
    from cnnquiz.study.loop import Outcome

GAVE_UP = "answer shown without an attempt"  # StudyLoop's explanation of a give-up


def answer_text(value: Any) -> str:
    """An expected answer as a person writes it: 192x96x96, 34,944, 1 2; 3 4."""
    if isinstance(value, list) and value and all(isinstance(v, list) for v in value):
        return "; ".join(" ".join(_num(x) for x in row) for row in value)
    if isinstance(value, list) and value and all(isinstance(v, int) for v in value):
        return "x".join(map(str, value))
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return _num(value)


def _num(x: Any) -> str:
    if isinstance(x, bool) or not isinstance(x, int | float):
        return str(x)
    if isinstance(x, int):
        return f"{x:,}"
    return f"{x:.6g}"


class VerdictPanel(Vertical):
    DEFAULT_CSS = """
    VerdictPanel { height: auto; }
    VerdictPanel > #line { padding: 0 1; margin-top: 1; }
    VerdictPanel > #line.correct { background: $success 20%; color: $text; }
    VerdictPanel > #line.wrong { background: $error 20%; color: $text; }
    VerdictPanel > #line.note { background: $warning 15%; }
    VerdictPanel > #why { padding: 0 1; color: $text-muted; }
    VerdictPanel > Markdown { margin: 0; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="line")
        yield Static(id="why")
        yield Markdown(id="steps")

    @property
    def lang(self) -> Lang:
        return getattr(self.app, "lang", "en")

    def t(self, key: str, **values: object) -> str:
        return text(f"app.{key}", self.lang, **values)

    def clear(self) -> None:
        self._set("", "", "", None)

    def hint(self, step: str) -> None:
        self._set(self.t("hint"), "", step, "note")

    def reveal(self, answer: str, points: Sequence[str]) -> None:
        body = f"**{self.t('model_answer')}**\n\n{answer}"
        if points:
            body += f"\n\n**{self.t('key_points')}**\n\n" + "\n".join(f"- {p}" for p in points)
        self._set(self.t("rate_prompt"), "", body, "note")

    def show(self, outcome: Outcome) -> None:
        v = outcome.verdict
        if v.verdict == "unreadable":
            self._set(self.t("unreadable_verdict", reason=v.explanation), "", "", "note")
            return
        if v.verdict == "blank":
            self._set(self.t("blank_verdict"), "", "", "note")
            return
        expected = answer_text(v.expected)
        if v.verdict == "correct":
            line = self.t("correct_verdict")
        elif v.explanation == GAVE_UP:
            line = self.t("gave_up", expected=expected)
        else:
            line = self.t("wrong_verdict", expected=expected)
        why = [*outcome.chosen_why]
        if v.mistake:
            why.insert(0, self.t("mistake", name=v.explanation or v.mistake))
        elif v.verdict == "wrong" and v.explanation and v.explanation != GAVE_UP:
            why.insert(0, v.explanation)
        steps = "\n".join(f"{i}. {s}" for i, s in enumerate(outcome.solution, 1))
        body = f"**{self.t('solution')}**\n\n{steps}" if steps else ""
        self._set(line, "\n".join(why), body, v.verdict)

    def _set(self, line: str, why: str, body: str, kind: str | None) -> None:
        head = self.query_one("#line", Static)
        head.update(line)
        head.set_classes(kind or "")
        head.display = bool(line)
        note = self.query_one("#why", Static)
        note.update(why)
        note.display = bool(why)
        steps = self.query_one("#steps", Markdown)
        steps.update(body)
        steps.display = bool(body)
