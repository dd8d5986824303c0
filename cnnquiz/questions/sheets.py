"""Answer sheets: `N: answer` lines or a JSON object `{"N": "answer"}`, graded against a set."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from cnnquiz.errors import CnnquizError
from cnnquiz.questions.grading import grade, to_plain
from cnnquiz.questions.model import Verdict
from cnnquiz.questions.sets import QuestionSet

MAX_SHEET_CHARS = 2_000_000
_LINE = re.compile(r"^\s*(?:q|Q|#)?\s*(\d{1,4})\s*[:.)）：]\s?(.*)$")


class SheetError(CnnquizError):
    """An answer file that cannot be read at all (a single unreadable answer is graded)."""


def read_sheet(text: str) -> dict[int, str]:
    """Question number -> the answer as written. Lines without a number continue the
    previous answer (matrices written over several rows)."""
    if len(text) > MAX_SHEET_CHARS:
        raise SheetError(f"answer file is too large ({len(text):,} characters)")
    stripped = text.lstrip()
    if stripped.startswith("{"):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise SheetError(f"answer file is not valid JSON: {exc.msg} at line {exc.lineno}") from None
        if not isinstance(data, dict):
            raise SheetError('a JSON answer file must be an object like {"1": "34944"}')
        out: dict[int, str] = {}
        for key, value in data.items():
            if not str(key).strip().isdigit():
                raise SheetError(f"answer key {str(key)[:20]!r} is not a question number")
            out[int(key)] = "" if value is None else str(value)
        return out
    answers: dict[int, str] = {}
    last: int | None = None
    for line in text.splitlines():
        m = _LINE.match(line)
        if m:
            last = int(m.group(1))
            answers[last] = m.group(2).strip()
        elif line.strip() and last is not None:
            answers[last] = f"{answers[last]}\n{line.strip()}"
    if not answers and text.strip():
        raise SheetError("no answers found: write one answer a line as `N: answer`")
    return answers


@dataclass(frozen=True)
class Report:
    code: str
    results: list[tuple[int, Verdict]]

    @property
    def score(self) -> int:
        return sum(v.verdict == "correct" for _, v in self.results)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "score": self.score, "total": len(self.results),
                "results": [{"n": n, "verdict": v.verdict, "expected": to_plain(v.expected),
                             "given": v.given, "mistake": v.mistake,
                             "explanation": v.explanation} for n, v in self.results]}


def check(qset: QuestionSet, answers: dict[int, str]) -> Report:
    unknown = sorted(n for n in answers if not 1 <= n <= len(qset.questions))
    if unknown:
        raise SheetError(f"the set has questions 1-{len(qset.questions)}; the sheet answers {unknown[0]}")
    return Report(qset.code, [(n, grade(q, answers.get(n, "")))
                              for n, q in enumerate(qset.questions, 1)])
