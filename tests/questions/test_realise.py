"""A draft's Wrong records become the mistakes a learner is told about: with the catalog's
sentence in the question's language unless the template wrote its own, and never one that
gives the answer or repeats an earlier mistake's value (it could never be named)."""

from __future__ import annotations

from cnnquiz.questions.mistakes import explain
from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Template, Wrong, realise

WRONGS = (Wrong("forgot-plus-one", 6), Wrong("ignored-stride", 8, "Own sentence for 8."),
          Wrong("padded-one-side", 7), Wrong("ignored-dilation", 6))


def _build(t: Ctx) -> Draft:
    return Draft(prompt="How many outputs?", answer=Answer("int", 7), solution=["7"], spec={},
                 mistakes=WRONGS)


def test_mistakes_keep_their_sentence_and_drop_the_answer_and_repeats() -> None:
    q = realise(Template("test.wrongs", "twr", 1, "output-size", _build), 1, 0, "zh", "twr.1.1.0")
    assert [(m.name, m.value, m.explanation) for m in q.mistakes] == [
        ("forgot-plus-one", 6, explain("forgot-plus-one", "zh")),
        ("ignored-stride", 8, "Own sentence for 8."),
    ]
