"""Sets to print and ways to read printed files back as a reader would see them."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from html.parser import HTMLParser

import pytest

from cnnquiz import bank
from cnnquiz.i18n import Lang
from cnnquiz.printing import markup
from cnnquiz.questions import generate
from cnnquiz.questions.answer_text import answer_text, matrix_rows
from cnnquiz.questions.model import Question
from cnnquiz.questions.sets import QuestionSet

CODE = "s1.0.9.0.t3st"
#: one of each answer kind and layout: grid, shape with a layer list, float, int, 1-D list
SAMPLE_TEMPLATES = ("conv.by_hand", "stack.output_shape", "optim.sgd", "conv1d.length",
                    "conv.as_fc_inputs", "conv.output_size")
_GLYPHS = str.maketrans({"−": "-", "⋅": "*", "×": "x", "⌊": "", "⌋": "", "⌈": "", "⌉": "",
                         "∥": "||", "•": ""})


def concept(kind: str, lang: Lang) -> Question:
    return bank.to_question(next(e for e in bank.entries() if e.kind == kind), lang)


def sample_set(lang: Lang) -> QuestionSet:
    qs = [generate.make(t, 3, 4242 + i, lang) for i, t in enumerate(SAMPLE_TEMPLATES)]
    qs += [concept(k, lang) for k in ("choice", "truefalse", "short")]
    return QuestionSet(CODE, lang, qs)


def every_template_set(lang: Lang) -> QuestionSet:
    qs = [generate.make(t, t.levels[0], 777, lang) for t in generate.templates(None, None)]
    qs += [bank.to_question(e, lang) for e in bank.entries()[::12]]
    return QuestionSet(CODE, lang, qs)


def norm(text: str) -> str:
    """Text as compared: compatibility forms (math italics -> letters), one minus sign,
    no whitespace (line breaks fall anywhere in a typeset page)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).translate(_GLYPHS))


def prompt_pieces(q: Question) -> list[str]:
    """What a reader must find of the prompt: each paragraph, list item, code line, grid row."""
    out: list[str] = []
    for b in markup.blocks(q.prompt):
        if isinstance(b, markup.Para):
            out.append("".join(i.text for i in b.inlines))
        elif isinstance(b, markup.Items):
            out += ["".join(i.text for i in item) for item in b.items]
        elif isinstance(b, markup.Code):
            out += b.text.splitlines()
        else:
            out += ["".join(r) for r in b.rows]
    return [norm(p) for p in out if norm(p)]


def answer_pieces(q: Question) -> list[str]:
    grid = matrix_rows(q.answer)
    if grid is not None:
        return [norm("".join(r)) for r in grid]
    if q.answer.kind == "text":
        return [norm(markup.plain(str(q.answer.value)))]
    return [norm(answer_text(q.answer))]


def pdf_pages(data: bytes, code: str = CODE) -> list[str]:
    """The text of each page, its footer line (which must name the set code) removed."""
    import pypdf

    out = []
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        body, _, footer = page.extract_text().rstrip().rpartition("\n")
        assert code in footer, f"page footer {footer!r} does not show the set code {code}"
        out.append(body)
    return out


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = False

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.skip = tag in ("style", "title")

    def handle_endtag(self, tag: str) -> None:
        self.skip = False

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_text(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    return "".join(parser.parts)


def has_cjk_font() -> bool:
    exe = shutil.which("fc-list")
    if exe is None:
        return False
    return bool(subprocess.run([exe, ":lang=zh"], capture_output=True, text=True).stdout.strip())


needs_cjk = pytest.mark.skipif(not has_cjk_font(), reason="no Chinese font (CI installs fonts-noto-cjk)")
