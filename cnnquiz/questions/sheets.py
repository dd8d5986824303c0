"""Answer sheets: `N: answer` lines or a JSON object `{"N": "answer"}`, graded against a set."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cnnquiz.errors import CnnquizError
from cnnquiz.questions.grading import grade, to_plain
from cnnquiz.questions.model import Question, Verdict
from cnnquiz.questions.sets import QuestionSet

MAX_SHEET_CHARS = 2_000_000
_LINE = re.compile(r"^\s*(?:q|Q|#)?\s*(\d{1,4})\s*[:.)）：]\s?(.*)$")
_COMMENT = re.compile(r"(?:^|(?<=\s))#(?!\d).*$")  # `# note`, `1: 23 # easy`; not `#3: 42`


class SheetError(CnnquizError):
    """An answer file that cannot be read at all (a single unreadable answer is graded)."""


@dataclass(frozen=True)
class Sheet:
    """A read answer sheet: the answers, and what a person should hear about the file."""

    answers: dict[int, str]
    repeated: dict[int, tuple[int, ...]] = field(default_factory=dict)  # n -> lines answering it
    stray: tuple[int, ...] = ()  # lines with text before any numbered answer (ignored)


def read_sheet(text: str) -> dict[int, str]:
    """Question number -> the answer as written (see `parse_sheet`)."""
    return parse_sheet(text).answers


def parse_sheet(text: str) -> Sheet:
    """`N: answer` lines or a JSON object. `#` starts a comment (`# notes`, `1: 23 # easy`;
    `#3: 42` still answers question 3). Lines without a number continue the previous
    answer (matrices written over several rows). A number answered twice keeps the last
    answer, and the sheet says so."""
    if len(text) > MAX_SHEET_CHARS:
        raise SheetError(f"answer file is too large ({len(text):,} characters)")
    if text.lstrip().startswith("{"):
        return _json_sheet(text.lstrip())
    answers: dict[int, str] = {}
    lines_of: dict[int, list[int]] = {}
    stray: list[int] = []
    last: int | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = _COMMENT.sub("", raw)
        m = _LINE.match(line)
        if m:
            last = int(m.group(1))
            answers[last] = m.group(2).strip()
            lines_of.setdefault(last, []).append(number)
        elif line.strip() and last is not None:
            answers[last] = f"{answers[last]}\n{line.strip()}"
        elif line.strip():
            stray.append(number)
    if not answers and text.strip() and stray:
        raise SheetError("no answers found: write one answer a line as `N: answer`")
    repeated = {n: tuple(ls) for n, ls in lines_of.items() if len(ls) > 1}
    return Sheet(answers, repeated, tuple(stray))


def _json_sheet(text: str) -> Sheet:
    pairs: list[tuple[str, Any]] = []

    def keep(items: list[tuple[str, Any]]) -> dict[str, Any]:
        pairs.extend(items)
        return dict(items)

    try:
        data = json.loads(text, object_pairs_hook=keep)
    except json.JSONDecodeError as exc:
        raise SheetError(f"answer file is not valid JSON: {exc.msg} at line {exc.lineno}") from None
    if not isinstance(data, dict):
        raise SheetError('a JSON answer file must be an object like {"1": "34944"}')
    out: dict[int, str] = {}
    for key, value in data.items():
        if not str(key).strip().isdigit():
            raise SheetError(f"answer key {str(key)[:20]!r} is not a question number")
        out[int(key)] = "" if value is None else str(value)
    seen = [int(k) for k, _ in pairs if str(k).strip().isdigit() and int(k) in out]
    repeated: dict[int, tuple[int, ...]] = {n: () for n in out if seen.count(n) > 1}
    return Sheet(out, repeated)


@dataclass(frozen=True)
class Report:
    """A graded sheet. Short concept answers get the verdict "self": they are shown with
    the model answer for the learner to compare and count in neither score nor total."""

    code: str
    results: list[tuple[int, Verdict]]
    sheet: Sheet = field(default_factory=lambda: Sheet({}))
    questions: tuple[Question, ...] = ()  # the set's questions, in the order of `results`

    @property
    def score(self) -> int:
        return sum(v.verdict == "correct" for _, v in self.results)

    @property
    def total(self) -> int:
        return sum(v.verdict != "self" for _, v in self.results)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "score": self.score, "total": self.total,
                "results": [{"n": n, "verdict": v.verdict, "expected": to_plain(v.expected),
                             "given": v.given, "mistake": v.mistake,
                             "explanation": v.explanation} for n, v in self.results]}


def check(qset: QuestionSet, answers: Mapping[int, str] | Sheet) -> Report:
    sheet = answers if isinstance(answers, Sheet) else Sheet(dict(answers))
    unknown = sorted(n for n in sheet.answers if not 1 <= n <= len(qset.questions))
    if unknown:
        raise SheetError(f"the set has questions 1-{len(qset.questions)}; the sheet answers {unknown[0]}")
    return Report(qset.code, [(n, _grade(q, sheet.answers.get(n, "")))
                              for n, q in enumerate(qset.questions, 1)], sheet, tuple(qset.questions))


def _grade(q: Question, given: str) -> Verdict:
    if q.answer.kind == "text":
        return Verdict("self", given.strip(), q.answer.value)
    return grade(q, given)
