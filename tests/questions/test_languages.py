"""A question is in English or Chinese, nothing else: a language without text is refused
where a question is made, instead of English labelled with that language."""

from __future__ import annotations

import pytest

from cnnquiz.engine.user_network import resolve
from cnnquiz.errors import CnnquizError, LangError
from cnnquiz.questions import generate, network_questions, sets
from cnnquiz.questions.network_case import case_for

CODE = "os.1.2.9ix"  # the README's example


def test_the_same_code_reads_in_both_languages() -> None:
    en, zh = generate.from_code(CODE, "en"), generate.from_code(CODE, "zh")
    assert (en.lang, zh.lang) == ("en", "zh")
    assert en.answer == zh.answer and en.prompt != zh.prompt


@pytest.mark.parametrize("lang", ["fr", "EN", "", None])
def test_a_language_without_text_is_refused(lang: object) -> None:
    tpl = generate.get("conv.output_size")
    for make in (lambda: generate.make(tpl, 2, 7, lang),
                 lambda: generate.from_code(CODE, lang)):
        with pytest.raises(LangError, match="language must be one of en, zh"):
            make()
    assert issubclass(LangError, CnnquizError)  # a user error: one line, exit 1


def test_a_network_question_refuses_it_too() -> None:
    case = case_for(resolve("conv(8,k=3,p=1) -> relu -> maxpool(2)"), (3, 32, 32))
    ask = network_questions.asks_for(case)[0].template.id
    assert network_questions.make(ask, case, 5, "zh").lang == "zh"
    with pytest.raises(LangError):
        network_questions.make(ask, case, 5, "fr")


def test_a_printed_set_in_another_language_is_refused() -> None:
    printed = sets.build(sets.parse_code("s1.1.2.0.k3j9"), "en").to_json()
    assert sets.from_json(printed).lang == "en"
    with pytest.raises(LangError):
        sets.from_json({**printed, "lang": "fr"})
