"""A problem set as one self-contained HTML page that prints well.

No external files: the style sheet is inline. Printed, every page carries the set
code (a fixed footer repeats on each page), questions do not split across pages,
and the key starts on a page of its own. `fragment` is also what the Anki notes hold.
"""

from __future__ import annotations

from html import escape

from cnnquiz.printing import markup
from cnnquiz.printing.sheet import Sheet, Tick, box_lines, key_steps, meta, space, ticking
from cnnquiz.questions.answer_text import answer_text, matrix_rows
from cnnquiz.questions.model import Question

CSS = """
body { font: 11pt/1.45 "Noto Serif", "Noto Serif CJK SC", "Source Han Serif SC", serif;
       max-width: 46em; margin: 2em auto; padding: 0 1em; color: #111; }
h1 { font-size: 1.5em; margin-bottom: .2em; } h2 { font-size: 1.15em; margin: 1.4em 0 .4em; }
code, pre { font-family: "DejaVu Sans Mono", monospace; font-size: .9em; }
pre { background: #f6f6f6; padding: .5em .8em; }
table.grid { border-collapse: collapse; margin: .4em 0; }
table.grid td { border: 1px solid #555; padding: .15em .5em; text-align: right;
                font-variant-numeric: tabular-nums; }
.code { font-weight: bold; } .meta { color: #555; font-size: .9em; }
.q { break-inside: avoid; page-break-inside: avoid; }
.line { border-bottom: 1px solid #333; height: 1.6em; margin: .6em 0 1em; width: 60%; }
.box { border: 1px solid #999; margin: .6em 0 1em; }
.box div { border-bottom: 1px dotted #bbb; height: 1.9em; } .box div:last-child { border: 0; }
.key { break-before: page; page-break-before: always; }
footer { display: none; }
@page { margin: 18mm 16mm 20mm; }
@media print {
  body { margin: 0; max-width: none; }
  footer { display: block; position: fixed; bottom: 0; left: 0; right: 0;
           font-size: 8pt; color: #444; text-align: center; }
}
"""


def inline(items: markup.Inlines) -> str:
    return "".join(escape(i.text) if i.kind == "text" else f"<{i.kind}>{escape(i.text)}</{i.kind}>"
                   for i in items)


def grid(cells: list[list[str]] | tuple[tuple[str, ...], ...]) -> str:
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in cells)
    return f'<table class="grid">{body}</table>'


def fragment(text: str) -> str:
    """Markdown of a prompt or step as HTML (paragraphs, lists, code, grids)."""
    out: list[str] = []
    for b in markup.blocks(text):
        if isinstance(b, markup.Para):
            out.append(f"<p>{inline(b.inlines)}</p>")
        elif isinstance(b, markup.Items):
            tag = "ol" if b.ordered else "ul"
            start = f' start="{b.start}"' if b.ordered and b.start != 1 else ""
            out.append(f"<{tag}{start}>" + "".join(f"<li>{inline(i)}</li>" for i in b.items) + f"</{tag}>")
        elif isinstance(b, markup.Grid):
            out.append(grid(b.rows))
        else:
            out.append(f"<pre>{escape(b.text)}</pre>")
    return "\n".join(out)


def document(s: Sheet, with_key: bool, key_only: bool = False, tick: Tick | None = None) -> str:
    tick = ticking(tick)
    title = s.t("key_title") if key_only else s.t("title")
    body: list[str] = [f"<h1>{escape(title)}</h1>", f'<p class="code">{escape(s.label)}</p>']
    if not key_only:
        body += [f"<p>{escape(s.t('name_line'))}</p>", fragment(s.intro())]
        for n, q in s.numbered():
            body.append(question(s, n, q))
            tick()
    if with_key or key_only:
        body.append(key(s, first=key_only))
    lang = "zh-CN" if s.lang == "zh" else "en"
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape(title)} · {escape(s.qset.code)}</title>\n<style>{CSS}</style>\n</head>\n"
            f"<body>\n<footer>{escape(s.label)}</footer>\n" + "\n".join(body) + "\n</body>\n</html>\n")


def question(s: Sheet, n: int, q: Question) -> str:
    room = space(q)
    if room == "line":
        blank = f'<div class="line">{escape(s.t("answer_line"))}</div>'
    else:
        blank = '<div class="box">' + "<div></div>" * box_lines(q) + "</div>"
    return f'<section class="q"><h2>{n}.</h2>\n{fragment(q.prompt)}\n{blank}</section>'


def key(s: Sheet, first: bool = False) -> str:
    parts = [f'<section class="{"" if first else "key"}"><h1>{escape(s.t("key"))}</h1>',
             f'<p class="code">{escape(s.label)}</p>']
    for n, q in s.numbered():
        parts.append(f'<div class="q"><h2>{n}.</h2>{answer_html(s, q)}</div>')
    return "\n".join(parts) + "</section>"


def answer_html(s: Sheet, q: Question) -> str:
    """The key entry of one question: meta line, answer (grid as a table), worked steps."""
    out = [f'<p class="meta">{escape(meta(q, s.lang))}</p>']
    cells = matrix_rows(q.answer)
    if q.answer.kind == "text":
        out.append(f"<p><strong>{escape(s.colon('model_answer'))}</strong></p>{fragment(str(q.answer.value))}")
        label = s.colon("key_points")
    elif cells is not None:
        out.append(f"<p><strong>{escape(s.colon('answer'))}</strong></p>{grid(cells)}")
        label = s.colon("solution")
    else:
        out.append(f"<p><strong>{escape(s.colon('answer'))}</strong> {escape(answer_text(q.answer))}</p>")
        label = s.colon("solution")
    steps = key_steps(q)
    if steps:
        items = "".join(f"<li>{fragment(step)}</li>" for step in steps)
        out.append(f"<p><strong>{escape(label)}</strong></p><ol>{items}</ol>")
    return "\n".join(out)
