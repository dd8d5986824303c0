"""Mistakes and skills in words, and text measured by display width, for stats in both
languages.

Attempts store a mistake by its stable id: a catalogue slug ("forgot-plus-one") for
generated questions, `bank:<entry>:<letter>` for a wrong option of a concept
question. A learner reads neither: a slug becomes the first clause of its
catalogue sentence ("You forgot the +1"), a bank id the option chosen and the
question it was chosen for. Chinese characters take two columns on a terminal,
so tables pad by display width, not by len().
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from cnnquiz.errors import CnnquizError
from cnnquiz.i18n import Lang, text
from cnnquiz.questions.mistakes import CATALOG

QUESTION_CELLS = 40
OPTION_CELLS = 40
LABEL_CELLS = 60
_CLAUSE_END = re.compile(r"[:;：；]\s*|(?<=[.。!?])\s+|。")
_MARKS = re.compile(r"\*\*|`")


def cells(s: str) -> int:
    """Terminal columns of `s`: wide (CJK) characters take two, combining marks none."""
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)


def ljust(s: str, width: int) -> str:
    return s + " " * max(0, width - cells(s))


def clip(s: str, width: int) -> str:
    """`s` cut to `width` columns, with an ellipsis when cut."""
    s = " ".join(_MARKS.sub("", s).split())
    if cells(s) <= width:
        return s
    out, used = "", 0
    for c in s:
        if used + cells(c) > width - 1:
            break
        out, used = out + c, used + cells(c)
    return out.rstrip() + "…"


def mistake_label(mistake: str, lang: Lang, bank_dirs: Sequence[str | Path] = ()) -> str:
    """The mistake id in words, in `lang` (the id itself when nothing better is known)."""
    if mistake.startswith("bank:"):
        return _bank_label(mistake, lang, bank_dirs) or mistake
    if mistake in CATALOG:
        sentence = CATALOG[mistake][1 if lang == "zh" else 0]
        return clip(_CLAUSE_END.split(sentence.strip(), maxsplit=1)[0].rstrip(".。"), LABEL_CELLS)
    return mistake.replace("-", " ")


def skill_label(skill: str, lang: Lang, bank_dirs: Sequence[str | Path] = ()) -> str:
    """A skill in words: a template's title and level, a concept entry's question (the
    key itself when nothing better is known, e.g. a template since removed)."""
    from cnnquiz.questions import generate

    if skill.startswith("bank:"):
        from cnnquiz import bank

        try:
            entry = bank.find(skill, bank_dirs)
        except CnnquizError:
            return skill
        return clip(entry.entry.question.get(lang), LABEL_CELLS)
    template_id, _, level = skill.rpartition("@")
    try:
        title = generate.get(template_id).title(lang)
    except CnnquizError:
        return skill
    return text("stats.skill", lang, title=title, level=level)


def _bank_label(mistake: str, lang: Lang, bank_dirs: Sequence[str | Path]) -> str | None:
    from cnnquiz import bank

    entry_id, _, letter = mistake.removeprefix("bank:").rpartition(":")
    try:
        q = bank.to_question(bank.find(entry_id, bank_dirs), lang)
    except CnnquizError:
        return None
    named = next((m for m in q.mistakes if m.name == mistake), None)
    chosen = str(named.value) if named is not None else letter
    option = next((o for o in q.options if o.letter == chosen), None)
    if option is None:
        return None
    entry = bank.find(entry_id, bank_dirs).entry
    if entry.kind == "truefalse":  # a wrong pick judged the statement the other way
        judged = "stats.true" if not entry.statement_true else "stats.false"
        return text("stats.judged", lang, statement=clip(entry.question.get(lang), LABEL_CELLS),
                    verdict=text(judged, lang))
    return text("stats.chose", lang, option=clip(option.text, OPTION_CELLS),
                question=clip(entry.question.get(lang), QUESTION_CELLS))
