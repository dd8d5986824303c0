"""What every printed format shares: the labels, how an answer reads in the key, and how
much room a question leaves for writing.

Renderers differ only in markup; what a sheet says (set code on every page, the
answer line, the key's answer and worked steps) is decided here once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from cnnquiz.i18n import Lang, text
from cnnquiz.questions.answer_text import matrix_rows
from cnnquiz.questions.model import Question
from cnnquiz.questions.sets import QuestionSet

KeyMode = Literal["inline", "separate"]
Space = Literal["line", "box", "lines"]
Tick = Callable[[], None]

WRITING_LINES = 5  # ruled lines under a short concept question


@dataclass(frozen=True)
class Sheet:
    """A set as it is printed: which form, whether the key follows, the language."""

    qset: QuestionSet
    form: str = ""  # "A", "B"... for `--versions K`; "" for a single form

    @property
    def lang(self) -> Lang:
        return "zh" if self.qset.lang == "zh" else "en"

    def t(self, key: str, **values: object) -> str:
        return text(f"printing.{key}", self.lang, **values)

    def colon(self, key: str) -> str:
        """`Answer:` / `答案：` (Chinese takes the full-width colon)."""
        return colon(self.t(key), self.lang)

    @property
    def label(self) -> str:
        """`Set s1.2.10.0.k3j9 · Form A`: what every page shows."""
        head = self.t("footer", code=self.qset.code)
        return f"{head} · {self.t('form', form=self.form)}" if self.form else head

    def intro(self) -> str:
        return self.t("instructions", count=len(self.qset.questions), code=self.qset.code)

    def numbered(self) -> list[tuple[int, Question]]:
        return list(enumerate(self.qset.questions, 1))


def colon(word: str, lang: Lang) -> str:
    return word + ("：" if lang == "zh" else ":")


def space(q: Question) -> Space:
    """Room to write: lines for a short concept answer, a box for a grid, else one line."""
    if q.answer.kind == "text":
        return "lines"
    return "box" if matrix_rows(q.answer) is not None else "line"


def box_lines(q: Question) -> int:
    grid = matrix_rows(q.answer)
    return len(grid) + 1 if grid else WRITING_LINES


def key_steps(q: Question) -> list[str]:
    """The worked steps printed under the answer (a short answer's model answer is the
    answer itself, so its steps are the key points)."""
    if q.answer.kind == "text":
        return list(q.key_points)
    return list(q.solution)


def meta(q: Question, lang: Lang) -> str:
    """`output-size · level 2 · code os.1.2.x` for the key (the code regenerates it)."""
    return " · ".join((q.topic, text("printing.level", lang, level=q.level),
                       text("printing.code", lang, code=q.code)))


def ticking(tick: Tick | None) -> Tick:
    return tick if tick is not None else (lambda: None)
