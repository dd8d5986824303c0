"""A problem set as Typst source (the PDF's layout): text, math, tables, pages.

Every piece of question text is escaped character by character, so nothing a prompt
says is read as Typst markup; formulas become math (`formula.to_math`), number grids
tables. The preamble defines the page (set code and page number in every footer),
the answer line, the writing box and the key's entries.
"""

from __future__ import annotations

import string

from cnnquiz.printing import markup
from cnnquiz.printing.formula import to_math
from cnnquiz.printing.sheet import Sheet, Tick, box_lines, key_steps, meta, space, ticking
from cnnquiz.questions.answer_text import answer_text, matrix_rows
from cnnquiz.questions.model import Question

PREAMBLE = """#set document(title: %title%)
#set page(paper: "a4", margin: (x: 18mm, top: 16mm, bottom: 20mm), footer: context [
  #set text(size: 8pt, fill: luma(70))
  %label% #h(1fr) %page%
])
#set text(font: (%fonts%), size: 10.5pt, lang: "%lang%")
#set par(leading: 0.62em)
#set math.frac(style: "horizontal")
#show raw: set text(font: ("DejaVu Sans Mono", %fonts%), size: 0.92em)
#let numbered(n, body) = pad(left: 2em)[#place(left, dx: -2em, strong[#n.])#body]
#let item(n, body) = block(breakable: false, width: 100%, above: 1.3em, numbered(n, body))
#let keyitem(n, body) = block(breakable: true, width: 100%, above: 1.1em, numbered(n, body))
#let answerline(label) = block(above: 0.9em)[#label #box(width: 14em, height: 0.9em,
  stroke: (bottom: 0.5pt))]
#let writebox(k) = block(above: 0.8em, width: 100%, stroke: 0.5pt + luma(140),
  stack(..range(k).map(i => block(width: 100%, height: 1.9em,
    stroke: if i < k - 1 { (bottom: 0.3pt + luma(200)) } else { none }))))
#let numgrid(cols, ..cells) = table(columns: cols, align: right, inset: (x: 5pt, y: 3pt),
  stroke: 0.5pt + luma(60), ..cells)
"""


def esc(text: str) -> str:
    """Plain text for Typst markup: every ASCII punctuation mark escaped, lines joined."""
    return "".join("\\" + c if c in string.punctuation else c for c in " ".join(text.split("\n")))


def lit(text: str) -> str:
    """A Typst string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def inline(items: markup.Inlines) -> str:
    out: list[str] = []
    for i in items:
        if i.kind == "text":
            out.append(esc(i.text))
        elif i.kind == "strong":
            out.append(f"#strong[{esc(i.text)}]")
        elif i.kind == "em":
            out.append(f"#emph[{esc(i.text)}]")
        else:
            math = to_math(i.text)
            out.append(f"${math}$" if math is not None else f"#raw({lit(i.text)})")
    return "".join(out)


def grid(cells: list[list[str]] | tuple[tuple[str, ...], ...]) -> str:
    flat = ", ".join(f"[{esc(c.replace('-', '−'))}]" for r in cells for c in r)
    return f"#numgrid({len(cells[0])}, {flat})"


def content(text: str) -> str:
    """Markdown of a prompt or step as Typst content."""
    out: list[str] = []
    for b in markup.blocks(text):
        if isinstance(b, markup.Para):
            out.append(inline(b.inlines))
        elif isinstance(b, markup.Items):
            cells = ", ".join(f"[{inline(i)}]" for i in b.items)
            out.append(f"#enum(start: {b.start}, {cells})" if b.ordered else f"#list({cells})")
        elif isinstance(b, markup.Grid):
            out.append(grid(b.rows))
        else:
            out.append(f"#raw(block: true, {lit(b.text)})")
    return "\n\n".join(out)


def document(s: Sheet, with_key: bool, key_only: bool = False, tick: Tick | None = None,
             fonts: tuple[str, ...] = ("New Computer Modern",)) -> str:
    tick = ticking(tick)
    title = s.t("key_title") if key_only else s.t("title")
    before, _, after = s.t("page", page="\0").partition("\0")
    page = f"{esc(before)}#counter(page).display(){esc(after)}"
    fills = {"title": lit(f"{title} · {s.qset.code}"), "label": esc(s.label), "page": page,
             "fonts": ", ".join(lit(f) for f in fonts), "lang": s.lang}
    preamble = PREAMBLE
    for name, value in fills.items():
        preamble = preamble.replace(f"%{name}%", value)
    parts = [preamble,
             f"#text(size: 16pt, weight: \"bold\")[{esc(title)}]",
             f"#text(weight: \"bold\")[{esc(s.label)}]"]
    if not key_only:
        parts += [esc(s.t("name_line")), content(s.intro())]
        for n, q in s.numbered():
            parts.append(question(s, n, q))
            tick()
    if with_key or key_only:
        if not key_only:
            parts += ["#pagebreak()", f"#text(size: 16pt, weight: \"bold\")[{esc(s.t('key'))}]",
                      f"#text(weight: \"bold\")[{esc(s.label)}]"]
        for n, q in s.numbered():
            parts.append(f"#keyitem({n})[{key_entry(s, q)}]")
    return "\n\n".join(parts) + "\n"


def question(s: Sheet, n: int, q: Question) -> str:
    room = space(q)
    blank = (f"#answerline[{esc(s.t('answer_line'))}]" if room == "line"
             else f"#writebox({box_lines(q)})")
    return f"#item({n})[{content(q.prompt)}\n\n{blank}]"


def key_entry(s: Sheet, q: Question) -> str:
    out = [f"#text(size: 0.85em, fill: luma(90))[{esc(meta(q, s.lang))}]"]
    cells = matrix_rows(q.answer)
    if q.answer.kind == "text":
        out.append(f"#strong[{esc(s.colon('model_answer'))}] {content(str(q.answer.value))}")
        label = s.colon("key_points")
    elif cells is not None:
        out.append(f"#strong[{esc(s.colon('answer'))}]\n\n{grid(cells)}")
        label = s.colon("solution")
    else:
        out.append(f"#strong[{esc(s.colon('answer'))}] {esc(answer_text(q.answer))}")
        label = s.colon("solution")
    steps = key_steps(q)
    if steps:
        items = ", ".join(f"[{content(step)}]" for step in steps)
        out.append(f"#strong[{esc(label)}]\n#enum({items})")
    return "\n\n".join(out)
