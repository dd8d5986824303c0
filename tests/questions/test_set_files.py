"""Set files read back for `check`: a hand-edited question is refused with one line naming
it; a question whose code no longer regenerates is graded against what was printed."""

from __future__ import annotations

from typing import Any

import pytest

from cnnquiz.questions import generate, sets
from cnnquiz.questions.codes import CodeError

GOOD: dict[str, Any] = {"code": "nope", "template": "t", "topic": "params", "level": 2,
                        "prompt": "How many?", "answer": {"kind": "int", "value": 7},
                        "solution": ["7"], "spec": {}}


def _set(*items: Any) -> dict[str, Any]:
    return {"code": "s1", "lang": "en", "questions": list(items)}


@pytest.mark.parametrize("broken", [
    "not an object",
    {**GOOD, "answer": "7"},
    {**GOOD, "answer": {"value": 7}},
    {**GOOD, "answer": {"kind": "int", "value": "seven"}},
    {**GOOD, "answer": {"kind": "shape", "value": [1, "2"]}},
    {**GOOD, "answer": {"kind": "colour", "value": 7}},
    {**GOOD, "answer": {"kind": "int", "value": 7, "tolerance": "wide"}},
    {**GOOD, "level": "two"},
    {**GOOD, "solution": "7"},
    {**GOOD, "spec": [1]},
])
def test_a_malformed_question_is_refused_naming_it(broken: Any) -> None:
    with pytest.raises(CodeError, match="set question 2 is malformed"):
        sets.from_json(_set(GOOD, broken))


def test_a_question_whose_code_names_nothing_is_graded_as_printed() -> None:
    got = sets.from_json(_set(GOOD)).questions[0]
    assert (got.answer.kind, got.answer.value, got.level, got.solution) == ("int", 7, 2, ["7"])


def test_a_printed_code_is_regenerated_with_its_mistakes() -> None:
    q = generate.make("conv.output_size", 2, 11)
    item = {**q.to_json(), "answer": q.answer.to_json()}
    got = sets.from_json(_set(item)).questions[0]
    assert got.code == q.code and got.mistakes == q.mistakes and got.mistakes


def test_a_bug_in_regenerating_is_not_turned_into_a_malformed_question() -> None:
    def broken(code: str, lang: str) -> Any:
        raise IndexError("a bug of ours")

    with pytest.raises(IndexError):
        sets.from_json(_set(GOOD), regenerate=broken)
