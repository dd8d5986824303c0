"""The concept bank: interview "why" questions from question_bank/*.yaml.

This module is the door other layers use. It imports nothing heavy itself
(PyYAML and pydantic load on the first call), so importing it costs nothing on
the `--help` path. Every function takes `extra`, the user's `--bank` folders
(`Settings.bank_dirs` of cnnquiz.application), and works on the per-process cache.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cnnquiz.bank.locate import bank_dirs, clear_cache, get_bank, packaged_dir
from cnnquiz.errors import CnnquizError
from cnnquiz.i18n import Lang

if TYPE_CHECKING:
    from cnnquiz.bank.records import BankEntry
    from cnnquiz.questions.model import Question

__all__ = ["bank_dirs", "clear_cache", "entries", "find", "get_bank", "list_rows",
           "packaged_dir", "question", "to_question"]

Extra = Sequence[str | Path]


def find(code_or_id: str, extra: Extra = ()) -> BankEntry:
    """The entry named `bank:<id>[.<variant>]`, `<id>` or `<file>#<id>`; CnnquizError when
    unknown."""
    from cnnquiz.bank.render import split_code

    ident = split_code(code_or_id)[0].rsplit("#", 1)[-1]
    by_id = get_bank(extra).by_id
    if ident in by_id:
        return by_id[ident]
    near = difflib.get_close_matches(ident, list(by_id), n=1)
    hint = f"; did you mean bank:{near[0]}?" if near else ""
    raise CnnquizError(f"unknown concept question {code_or_id!r}{hint}")


def entries(topic: str | None = None, section: int | None = None,
            extra: Extra = ()) -> list[BankEntry]:
    """Entries in bank order, optionally of one topic slug and/or one section (1-10)."""
    from cnnquiz.topics import BY_SLUG, SECTIONS

    if topic is not None and topic not in BY_SLUG:
        raise CnnquizError(f"unknown topic {topic!r}; known: {', '.join(BY_SLUG)}")
    if section is not None and section not in SECTIONS:
        raise CnnquizError(f"section must be 1 to {len(SECTIONS)}, not {section}")
    return [e for e in get_bank(extra).entries
            if (topic is None or e.topic == topic) and (section is None or e.section == section)]


def list_rows(extra: Extra = (), topic: str | None = None) -> list[dict[str, Any]]:
    """The contract's `bank list --json` rows: {"id", "topic", "kind", "langs"}, plus
    "templates" (the ids of the generated templates that practise the same skill)."""
    from cnnquiz.i18n import LANGS

    return [{"id": e.id, "topic": e.topic, "kind": e.kind, "langs": list(LANGS),
             "templates": list(e.entry.templates)}
            for e in entries(topic=topic, extra=extra)]


def to_question(item: BankEntry, lang: Lang = "en", variant: int | None = None) -> Question:
    """`item` as a Question in `lang`; `variant` draws the order of its options (see
    cnnquiz.bank.render)."""
    from cnnquiz.bank.render import to_question as render

    return render(item, lang, variant)


def question(code_or_id: str, lang: Lang = "en", extra: Extra = (),
             variant: int | None = None) -> Question:
    """The Question for `bank:<id>` or `bank:<id>.<variant>` (what `show` and set
    regeneration need); `variant`, when given, replaces the code's own."""
    from cnnquiz.bank.render import split_code

    return to_question(find(code_or_id, extra), lang,
                       split_code(code_or_id)[1] if variant is None else variant)
