"""A bank entry as a `Question`, so concept questions flow through the same study
loop, drill, printed sets and grading as generated ones.

All three kinds become one-language `Question`s with template "bank" and code
`bank:<id>`: choice and true/false as lettered options (graded like any choice
answer, each wrong letter a named mistake), short answers as a model answer with
key points the learner ticks off (self-rated, never auto-graded).
"""

from __future__ import annotations

from cnnquiz.bank.records import BankEntry, Concept
from cnnquiz.questions.model import Answer, Mistake, Option, Question

CODE_PREFIX = "bank:"
_WORDS = {
    "en": {"true": "True", "false": "False", "tf": "True or false?", "all": "choose all that apply",
           "right": "right", "wrong": "wrong", "step": "**{letter}** ({verdict}): {why}"},
    "zh": {"true": "对", "false": "错", "tf": "判断对错", "all": "多选，选出所有正确项",
           "right": "正确", "wrong": "错误", "step": "**{letter}**（{verdict}）：{why}"},
}


def code_of(entry_id: str) -> str:
    return CODE_PREFIX + entry_id


def to_question(item: BankEntry, lang: str = "en") -> Question:
    """`item` rendered in `lang` ("en" or "zh") as a Question."""
    if lang not in _WORDS:
        raise ValueError(f"language must be one of {', '.join(_WORDS)}, not {lang!r}")
    e, words = item.entry, _WORDS[lang]
    base = {"code": code_of(e.id), "template": "bank", "topic": e.topic, "level": e.level,
            "lang": lang, "spec": {"bank": item.source}}
    if e.kind == "short":
        assert e.answer is not None and e.points is not None
        model = e.answer.get(lang)
        points = tuple(p.get(lang) for p in e.points)
        return Question(prompt=e.question.get(lang), answer=Answer("text", model),
                        solution=[model, *points], key_points=points, **base)
    options = _options(e, lang, words)
    right = [o.letter for o in options if o.correct]
    mistakes = tuple(Mistake(f"bank:{e.id}:{o.letter}", o.letter, o.why)
                     for o in options if not o.correct)
    question = e.question.get(lang)
    if e.kind == "truefalse":
        assert e.why is not None
        # zh: the colon outside the bold (Markdown does not close ** between "：" and a
        # Chinese character) and no space after it
        lead = f"**{words['tf']}**：" if lang == "zh" else f"**{words['tf']}** "
        prompt, solution = lead + question, [e.why.get(lang)]
    else:
        prompt = question + (f" *({words['all']})*" if len(right) > 1 else "")
        solution = [words["step"].format(letter=o.letter, why=o.why,
                                         verdict=words["right" if o.correct else "wrong"])
                    for o in options]
        if e.answer is not None:
            solution.append(e.answer.get(lang))
    prompt += "\n\n" + "\n\n".join(f"{o.letter}. {o.text}" for o in options)
    value: str | list[str] = right[0] if len(right) == 1 else sorted(right)
    return Question(prompt=prompt, answer=Answer("choice", value), solution=solution,
                    mistakes=mistakes, options=options, **base)


def _options(e: Concept, lang: str, words: dict[str, str]) -> tuple[Option, ...]:
    if e.kind == "truefalse":
        why = e.why.get(lang) if e.why else ""
        return (Option("A", words["true"], bool(e.statement_true), why),
                Option("B", words["false"], not e.statement_true, why))
    return tuple(Option(chr(65 + i), o.text.get(lang), o.correct, o.why.get(lang))
                 for i, o in enumerate(e.options or ()))
