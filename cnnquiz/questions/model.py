"""Plain data that every consumer (store, app, printing, CLI) receives from `questions`.

No rendering, no I/O: a `Question` is everything needed to ask, grade and explain
one question, already rendered in one language.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from cnnquiz.i18n import Lang

AnswerKind = Literal["int", "float", "shape", "matrix", "choice", "text"]
VerdictName = Literal["correct", "wrong", "unreadable", "blank", "self"]  # self: see sheets


@dataclass(frozen=True)
class Answer:
    """The expected answer.

    - int: value is an int; `allow_rounding` admits answers like `35K` / `3.5e4`
      within `tolerance` (relative) when the prompt says "about".
    - float: value is a float, `tolerance` absolute.
    - shape: list of ints in [C, H, W] order (or [N]).
    - matrix: nested lists of numbers, compared entry-wise within `tolerance`.
    - choice: a letter "B", or a sorted list of letters ["A", "C"] for several.
    - text: a model answer (concept short answers), self-rated, never auto-graded.
    """

    kind: AnswerKind
    value: Any
    tolerance: float = 0.0
    unit: str = ""
    allow_rounding: bool = False

    def to_json(self) -> dict[str, Any]:
        out = {"kind": self.kind, "value": self.value, "tolerance": self.tolerance,
               "unit": self.unit}
        if self.allow_rounding:
            out["allow_rounding"] = True  # an addition to the contract: estimates like 35K pass
        return out


@dataclass(frozen=True)
class Mistake:
    """A typical misconception and the answer it produces for these parameters."""

    name: str  # stable slug, e.g. "forgot-plus-one"; stored in attempts, counted in stats
    value: Any  # the (wrong) answer this mistake leads to, same kind as the answer
    explanation: str  # one sentence in the question's language


@dataclass(frozen=True)
class Option:
    """One option of a multiple-choice question (generated or from the concept bank)."""

    letter: str
    text: str
    correct: bool
    why: str = ""


@dataclass(frozen=True)
class Question:
    code: str  # regenerates this exact question (see questions.codes)
    template: str  # e.g. "conv.output_size" or "bank" for concept questions
    topic: str  # slug from cnnquiz.topics
    level: int  # 1 basic, 2 interview, 3 tricky
    lang: Lang
    prompt: str  # Markdown
    answer: Answer
    solution: list[str]  # worked steps, Markdown
    spec: dict[str, Any]  # recomputable without cnnquiz (contract)
    mistakes: tuple[Mistake, ...] = ()
    options: tuple[Option, ...] = ()  # choice questions only
    key_points: tuple[str, ...] = ()  # concept short answers: what a self-grader ticks off

    @property
    def skill(self) -> str:
        """The schedulable unit: one card per template and level; one per concept-bank entry
        (`bank:<id>`, whatever order `bank:<id>.<variant>` shows its options in)."""
        if self.template == "bank":
            return self.code.split(".", 1)[0]
        return f"{self.template}@{self.level}"

    def to_json(self, n: int = 1) -> dict[str, Any]:
        """The contract's question object (`print --format json`)."""
        out: dict[str, Any] = {
            "n": n, "code": self.code, "template": self.template, "topic": self.topic,
            "level": self.level, "prompt": self.prompt, "answer": self.answer.to_json(),
            "solution": list(self.solution), "spec": self.spec,
        }
        if self.options:
            out["options"] = [asdict(o) for o in self.options]
        if self.key_points:
            out["key_points"] = list(self.key_points)
        return out


#: (decimals written, significant digits) of an answer typed as a plain decimal literal;
#: None for expressions. Grading uses it to accept sensibly rounded answers.
Precision = tuple[int, int] | None


@dataclass(frozen=True)
class Reading:
    """A read answer: `value` as `read` returns it, plus what grading needs to be fair."""

    value: Any
    precision: Any = None  # Precision for a number; nested lists of Precision for a matrix
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Verdict:
    """The grading of one given answer."""

    verdict: VerdictName
    given: str
    expected: Any
    mistake: str | None = None  # Mistake.name when a wrong answer matches one
    explanation: str = ""  # why it is wrong (the mistake's sentence) or why unreadable
    parsed: Any = None  # the value read from `given`, when readable
    extra: dict[str, Any] = field(default_factory=dict)
