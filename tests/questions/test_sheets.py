"""Answer sheets as people write them: comments, repeated numbers, short answers."""

from __future__ import annotations

import pytest

from cnnquiz.questions.grading import EXACT_COUNT, grade
from cnnquiz.questions.model import Answer, Question
from cnnquiz.questions.sets import QuestionSet
from cnnquiz.questions.sheets import SheetError, check, parse_sheet


def _q(answer: Answer, code: str = "q") -> Question:
    return Question(code=code, template="t", topic="params", level=2, lang="en", prompt="?",
                    answer=answer, solution=["step"], spec={})


def test_hash_starts_a_comment_but_not_a_question_number() -> None:
    sheet = parse_sheet("# my notes\n1: 23 # easy\n2: 3x3 #guessed\n#3: 42\n  # done\n")
    assert sheet.answers == {1: "23", 2: "3x3", 3: "42"}
    assert not sheet.repeated and not sheet.stray


def test_comment_lines_are_not_glued_to_a_matrix_answer() -> None:
    sheet = parse_sheet("1: 1 2\n# the second row:\n3 4\n")
    assert sheet.answers == {1: "1 2\n3 4"}


def test_repeated_numbers_keep_the_last_answer_and_say_where() -> None:
    sheet = parse_sheet("1: 5\n2: 7\n1: 6\n")
    assert sheet.answers[1] == "6" and sheet.repeated == {1: (1, 3)}
    json_sheet = parse_sheet('{"1": "5", "1": "6", "2": 7}')
    assert json_sheet.answers == {1: "6", 2: "7"} and set(json_sheet.repeated) == {1}


def test_text_before_any_number_is_reported_not_glued() -> None:
    sheet = parse_sheet("Ann Lee, 3 May\n1: 4\n")
    assert sheet.answers == {1: "4"} and sheet.stray == (1,)
    with pytest.raises(SheetError, match="N: answer"):
        parse_sheet("just some words\n")


def test_short_answers_get_self_with_the_model_answer_and_are_not_counted() -> None:
    qset = QuestionSet("s1.0.3.0.1", "en", [
        _q(Answer("int", 34944)), _q(Answer("text", "Because weights are shared.")),
        _q(Answer("choice", "B"))])
    report = check(qset, parse_sheet("1: 34,944\n2: shared weights\n3: A\n"))
    verdicts = [v.verdict for _, v in report.results]
    assert verdicts == ["correct", "self", "wrong"]
    assert report.results[1][1].expected == "Because weights are shared."
    assert (report.score, report.total) == (1, 2)
    out = report.to_json()
    assert out["total"] == 2 and out["results"][1]["verdict"] == "self"
    blank = check(qset, parse_sheet("1: 1\n"))
    assert blank.results[1][1].verdict == "self"  # the model answer is shown even when left blank


@pytest.mark.parametrize("written", ["3.5e4", "3.49e4", "3e4"])
def test_a_rounded_exact_count_says_an_exact_count_is_wanted(written: str) -> None:
    v = grade(_q(Answer("int", 34944)), written)
    assert v.verdict == "wrong" and v.explanation == EXACT_COUNT


def test_an_exact_count_in_scientific_notation_is_still_right() -> None:
    assert grade(_q(Answer("int", 34944)), "3.4944e4").verdict == "correct"
    assert grade(_q(Answer("int", 34944)), "35000").explanation != EXACT_COUNT
