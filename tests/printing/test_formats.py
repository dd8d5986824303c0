"""Every format in both languages, read back as a reader (or Anki) would read it."""

from __future__ import annotations

import io
import json
import sqlite3
import time
import zipfile
from pathlib import Path

import pytest

from cnnquiz import printing
from cnnquiz.i18n import Lang, text
from cnnquiz.printing import markup
from cnnquiz.printing.apkg import DECK_IDS, MODEL_ID
from cnnquiz.questions.sets import QuestionSet
from tests.printing.conftest import (
    CODE,
    answer_pieces,
    every_template_set,
    html_text,
    needs_cjk,
    norm,
    pdf_pages,
    prompt_pieces,
    sample_set,
)

LANGS = [pytest.param("en"), pytest.param("zh", marks=needs_cjk)]


def _split_at_key(full: str, lang: Lang) -> tuple[str, str]:
    """The sheet part and the key part of a document's normalised text."""
    at = full.find(norm(text("printing.key", lang)), full.find(norm(text("printing.name_line", lang))))
    assert at > 0, "no answer key heading after the questions"
    return full[:at], full[at:]


def _assert_sheet_and_key(sheet: str, key: str, qset: QuestionSet) -> None:
    for q in qset.questions:
        for piece in prompt_pieces(q):
            assert piece in sheet, f"{q.template}: prompt text {piece[:60]!r} not on the sheet"
        for piece in answer_pieces(q):
            assert piece in key, f"{q.template}: answer {piece[:60]!r} not in the key"
        assert norm(q.code) in key  # the key names each question's code (`cnnquiz show`)


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_every_page_shows_the_code_and_holds_prompts_and_key(lang: Lang) -> None:
    qset = sample_set(lang)
    [part] = printing.render(qset, "pdf")
    pages = pdf_pages(part.data)  # checks every footer
    assert len(pages) >= 2
    _assert_sheet_and_key(*_split_at_key(norm("\n".join(pages)), lang), qset)


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_typesets_every_template(lang: Lang) -> None:
    """Formulas, grids and listings of every template compile (a Typst error would stop
    the whole sheet) and read back."""
    qset = every_template_set(lang)
    [part] = printing.render(qset, "pdf")
    _assert_sheet_and_key(*_split_at_key(norm("\n".join(pdf_pages(part.data))), lang), qset)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_html_is_self_contained_and_prints_the_key_on_its_own_page(lang: Lang) -> None:
    qset = sample_set(lang)
    [part] = printing.render(qset, "html")
    page = part.data.decode("utf-8")
    assert "<link" not in page and "src=" not in page and "http" not in page
    assert "@media print" in page and "break-before: page" in page and 'class="key"' in page
    words = norm(html_text(page))
    assert words.count(norm(CODE)) >= 2  # the heading and the key (the footer repeats it in print)
    _assert_sheet_and_key(*_split_at_key(words, lang), qset)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown_keeps_prompts_verbatim(lang: Lang) -> None:
    qset = sample_set(lang)
    [part] = printing.render(qset, "md")
    page = part.data.decode("utf-8")
    for q in qset.questions:
        assert q.prompt in page
    _assert_sheet_and_key(*_split_at_key(norm(markup.plain(page)), lang), qset)


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_separate_key_moves_answers_to_a_second_file(fmt: str) -> None:
    qset = sample_set("en")
    sheet, key = printing.render(qset, fmt, key="separate")  # type: ignore[arg-type]
    assert (sheet.suffix, key.suffix) == ("", "-key")
    read = (lambda d: norm("\n".join(pdf_pages(d)))) if fmt == "pdf" else (
        lambda d: norm(html_text(d.decode())) if fmt == "html" else norm(markup.plain(d.decode())))
    sheet_text, key_text = read(sheet.data), read(key.data)
    assert norm("Answer key") not in sheet_text and norm(CODE) in key_text
    for q in qset.questions:
        assert prompt_pieces(q)[0] in sheet_text
        assert all(p in key_text for p in answer_pieces(q))
        assert norm(q.code) not in sheet_text


def test_json_is_the_contract_set() -> None:
    qset = sample_set("en")
    [part] = printing.render(qset, "json")
    data = json.loads(part.data)
    assert data["code"] == CODE and [q["code"] for q in data["questions"]] == [q.code for q in qset.questions]


def _notes(data: bytes, tmp: Path) -> list[tuple[int, str, int, str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        (tmp / "collection.anki2").write_bytes(z.read("collection.anki2"))
    with sqlite3.connect(tmp / "collection.anki2") as db:
        return sorted(db.execute("select id, guid, mid, flds from notes").fetchall())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_apkg_has_one_note_per_question_with_ids_stable_across_exports(lang: Lang, tmp_path: Path) -> None:
    qset = sample_set(lang)
    first = _notes(printing.render(qset, "apkg")[0].data, tmp_path)
    time.sleep(0.01)  # genanki's own ids come from the clock; ours must not
    again = _notes(printing.render(qset, "apkg")[0].data, tmp_path)
    assert len(first) == len(qset.questions)
    assert [(i, g) for i, g, _, _ in first] == [(i, g) for i, g, _, _ in again]
    assert {mid for _, _, mid, _ in first} == {MODEL_ID}
    fields = "\n".join(f for *_, f in first)
    for q in qset.questions:
        assert q.code in fields and prompt_pieces(q)[0] in norm(html_text(fields))
    with sqlite3.connect(tmp_path / "collection.anki2") as db:
        decks = json.loads(db.execute("select decks from col").fetchone()[0])
    assert str(DECK_IDS[lang]) in decks


def test_apkg_notes_of_other_numbers_are_other_notes(tmp_path: Path) -> None:
    """Form B asks other numbers (new notes) but the same concept questions (same notes)."""
    a, b = sample_set("en"), sample_set("en")
    from cnnquiz.questions import generate

    b.questions[0] = generate.make(b.questions[0].template, 3, 99, "en")
    ids_a = {i for i, *_ in _notes(printing.render(a, "apkg")[0].data, tmp_path)}
    ids_b = {i for i, *_ in _notes(printing.render(b, "apkg")[0].data, tmp_path)}
    assert len(ids_a - ids_b) == 1 and len(ids_a & ids_b) == len(ids_a) - 1


def test_text_that_looks_like_markup_is_printed_as_written() -> None:
    """A user's bank may say anything: Typst, HTML or Markdown syntax is text on the sheet."""
    from cnnquiz.questions.model import Answer, Question

    hostile = ('#let x = 1 $a$ \\ "q" [b] <i>&amp; @ref ~ // not a comment _u_ 1. 2. '
               "`#pagebreak()` `a = b\\c` 等号＝")
    q = Question(code="bank:zz", template="bank", topic="pooling", level=1, lang="en",
                 prompt=f"{hostile}\n\n```\n\" \\ ]\n```", answer=Answer("text", "<b>model</b> #x"),
                 solution=[], spec={}, key_points=("$y$ [z]",))
    qset = QuestionSet(CODE, "en", [q])
    pdf_text = norm("\n".join(pdf_pages(printing.render(qset, "pdf")[0].data)))
    html_page = printing.render(qset, "html")[0].data.decode()
    for page in (pdf_text, norm(html_text(html_page))):
        assert norm(hostile.replace("`", "")) in page and norm("<b>model</b> #x") in page
    assert "<i>" not in html_page and "<b>model" not in html_page  # escaped, not tags
