"""A problem set as an Anki package (.apkg, built with genanki): one note per question.

Anki recognises a note it already has by its guid, so each note's guid and id derive
from the question code (for concept questions, the bank entry) and the language only:
exporting the same questions again, from this set or another, updates those notes
instead of adding duplicates. The note type
and the deck keep fixed ids for the same reason.
"""

from __future__ import annotations

import hashlib
import io
import itertools
from functools import cache
from html import escape
from typing import Any

from cnnquiz.i18n import Lang
from cnnquiz.printing import html
from cnnquiz.printing.sheet import Sheet, Tick, ticking
from cnnquiz.questions.model import Question

MODEL_ID = 1_607_938_211  # fixed forever: Anki ties every note to its note type by this id
DECK_IDS = {"en": 1_874_422_093, "zh": 1_874_422_094}
FIELDS = ("Code", "Question", "Answer", "Set", "Topic")
CSS = (".card { font-family: serif; font-size: 18px; text-align: left; }\n"
       "table.grid { border-collapse: collapse; } table.grid td { border: 1px solid #777;"
       " padding: 2px 8px; text-align: right; }\n.meta { color: #777; font-size: .8em; }\n"
       "pre { text-align: left; }")


def identity(q: Question) -> str:
    """What a note stands for: a generated question's code (its numbers), or a concept
    question's skill (`bank:<id>`, whatever order its options are printed in)."""
    return q.skill if q.template == "bank" else q.code


def _genanki() -> Any:
    """genanki, imported when a deck is made (it ships no type hints)."""
    import genanki  # type: ignore[import-untyped]

    return genanki


def note_guid(code: str, lang: Lang) -> str:
    return str(_genanki().guid_for("cnnquiz", code, lang))


def note_id(code: str, lang: Lang) -> int:
    """A 49-bit id above Anki's millisecond-clock ids, so it never meets a note made in Anki."""
    digest = hashlib.sha256(f"cnnquiz:{code}:{lang}".encode()).digest()
    return (1 << 48) | int.from_bytes(digest[:6], "big")


def package(s: Sheet, tick: Tick | None = None) -> bytes:
    genanki = _genanki()
    tick = ticking(tick)
    model = genanki.Model(
        MODEL_ID, "cnnquiz question", fields=[{"name": f} for f in FIELDS],
        templates=[{"name": "Card 1", "qfmt": "{{Question}}",
                    "afmt": '{{FrontSide}}<hr id="answer">{{Answer}}'}], css=CSS)
    deck = genanki.Deck(DECK_IDS[s.lang], s.t("deck"))
    seen: set[str] = set()
    for n, q in s.numbered():
        if identity(q) not in seen:  # a set may repeat a concept question; a deck holds it once
            seen.add(identity(q))
            deck.add_note(_note(model, s, n, q))
        tick()
    buffer = io.BytesIO()
    genanki.Package(deck).write_to_file(buffer)
    return buffer.getvalue()


@cache
def _note_type() -> Any:
    class StableNote(_genanki().Note):  # type: ignore[misc]  # subclassing untyped genanki
        """genanki numbers notes (and cards) by the clock; ours keep the id of their code."""

        own_id = 0

        def write_to_db(self, cursor: Any, timestamp: float, deck_id: int, id_gen: Any) -> None:
            ids = itertools.chain([self.own_id, self.own_id], id_gen)
            super().write_to_db(cursor, timestamp, deck_id, ids)

    return StableNote


def _note(model: Any, s: Sheet, n: int, q: Question) -> Any:
    front = (f'<p class="meta">{escape(s.t("front_back", n=n, code=s.qset.code))}</p>'
             + html.fragment(q.prompt))
    fields = [q.code, front, html.answer_html(s, q), s.qset.code, q.topic]
    note = _note_type()(model=model, fields=fields, guid=note_guid(identity(q), s.lang),
                        tags=[q.topic, f"level{q.level}", q.template.replace(" ", "_")])
    note.own_id = note_id(identity(q), s.lang)
    return note
