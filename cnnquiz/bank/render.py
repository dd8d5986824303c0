"""A bank entry as a `Question`, so concept questions flow through the same study
loop, drill, printed sets and grading as generated ones.

All three kinds become one-language `Question`s with template "bank" and code
`bank:<id>` or `bank:<id>.<variant>`: choice and true/false as lettered options
(graded like any choice answer, each wrong option a named mistake), short answers
as a model answer with key points the learner ticks off (self-rated, never
auto-graded). A choice question letters its options in the order its code draws
(cnnquiz.questions.choices), so each review and printed form has its own key; its
mistakes keep the letter as written in the file, so stats count one misconception
under one name whatever letter it was shown under. True/false stays True, False.
"""

from __future__ import annotations

from functools import partial

from cnnquiz.bank.records import BankEntry, Concept
from cnnquiz.i18n import Lang, as_lang, text
from cnnquiz.questions import choices
from cnnquiz.questions.codes import from36, to36
from cnnquiz.questions.model import Answer, Mistake, Option, Question

CODE_PREFIX = "bank:"
def code_of(entry_id: str, variant: int | None = None) -> str:
    """`bank:<id>`, or `bank:<id>.<variant in base 36>` for one drawn order of its options."""
    return CODE_PREFIX + entry_id + ("" if variant is None else f".{to36(variant)}")


def split_code(code_or_id: str) -> tuple[str, int | None]:
    """(`<id>` or `<file>#<id>`, variant) of a code; ids hold no dot, so a dot starts the
    variant. A bad variant raises CodeError."""
    file, hash_, ident = code_or_id.strip().removeprefix(CODE_PREFIX).rpartition("#")
    ident, dot, variant = ident.partition(".")
    return file + hash_ + ident, (from36(variant) if dot else None)


def to_question(item: BankEntry, lang: Lang = "en", variant: int | None = None) -> Question:
    """`item` rendered in `lang` ("en" or "zh") as a Question; `variant` draws the order
    of a choice question's options (None: the order the bare code `bank:<id>` draws)."""
    e, lang = item.entry, as_lang(lang)
    code = code_of(e.id, variant if e.kind == "choice" else None)  # only options move
    question_of = partial(Question, code=code, template="bank", topic=e.topic, level=e.level,
                          lang=lang, spec={"bank": item.source})
    if e.kind == "short":
        assert e.answer is not None and e.points is not None
        model = e.answer.get(lang)
        points = tuple(p.get(lang) for p in e.points)
        return question_of(prompt=e.question.get(lang), answer=Answer("text", model),
                           solution=[model, *points], key_points=points)
    written = _options(e, lang)
    if e.kind == "truefalse":
        options, shown = written, {o.letter: o.letter for o in written}
    else:
        options, shown = choices.arrange(written, code), choices.moved(written, code)
    right = [o.letter for o in options if o.correct]
    mistakes = tuple(Mistake(f"bank:{e.id}:{o.letter}", shown[o.letter], o.why)
                     for o in written if not o.correct)
    question = e.question.get(lang)
    if e.kind == "truefalse":
        assert e.why is not None
        # zh: the colon outside the bold (Markdown does not close ** between "：" and a
        # Chinese character) and no space after it
        lead = text("bank.tf", lang)
        lead = f"**{lead}**：" if lang == "zh" else f"**{lead}** "
        prompt, solution = lead + question, [e.why.get(lang)]
    else:
        prompt = question + (f" *({text('bank.all', lang)})*" if len(right) > 1 else "")
        solution = [text("bank.step", lang, letter=o.letter, why=o.why,
                         verdict=text("bank.right" if o.correct else "bank.wrong", lang))
                    for o in options]
        if e.answer is not None:
            solution.append(e.answer.get(lang))
    prompt += "\n\n" + choices.lines(options)
    return question_of(prompt=prompt, answer=Answer("choice", choices.key(options)),
                       solution=solution, mistakes=mistakes, options=options)


def _options(e: Concept, lang: Lang) -> tuple[Option, ...]:
    if e.kind == "truefalse":
        why = e.why.get(lang) if e.why else ""
        return (Option("A", text("bank.true", lang), bool(e.statement_true), why),
                Option("B", text("bank.false", lang), not e.statement_true, why))
    return tuple(Option(chr(65 + i), o.text.get(lang), o.correct, o.why.get(lang))
                 for i, o in enumerate(e.options or ()))
