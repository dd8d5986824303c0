"""Skills in words: what a learner reads where the store keeps a card key.

A generated skill's key ("conv.output_size@2") becomes its template's title and
level ("Output size of a convolution · L2"); a concept skill ("bank:odd-kernel")
its question, cut to a line. A key nothing knows any more (a removed template
or bank entry) is shown as it is rather than hidden.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from cnnquiz.errors import CnnquizError
from cnnquiz.i18n import Lang
from cnnquiz.store.labels import clip

QUESTION_CELLS = 60


def skill_label(key: str, lang: Lang, bank_dirs: Sequence[str | Path] = ()) -> str:
    """The skill `key` in words, in `lang`."""
    if key.startswith("bank:"):
        from cnnquiz import bank

        try:
            entry = bank.find(key, bank_dirs).entry
        except CnnquizError:
            return key
        return clip(entry.question.get(lang), QUESTION_CELLS)
    from cnnquiz.questions import generate

    template_id, _, level = key.rpartition("@")
    try:
        title = generate.get(template_id).title(lang)
    except CnnquizError:
        return key
    return f"{title} · L{level}" if level.isdigit() else title
