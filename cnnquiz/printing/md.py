"""A problem set as Markdown: prompts as written, a blank to fill, then the key.

Markdown has no pages, so the set code heads the sheet and the key; a horizontal rule
separates them. Grids in the key are fenced like the prompts' own matrices.
"""

from __future__ import annotations

from cnnquiz.printing.sheet import Sheet, Tick, box_lines, key_steps, meta, space, ticking
from cnnquiz.questions.answer_text import answer_text, matrix_rows
from cnnquiz.questions.model import Question

BLANK = "_" * 24


def document(s: Sheet, with_key: bool, key_only: bool = False, tick: Tick | None = None) -> str:
    """The sheet (and its key after a rule), or with `key_only` the key alone."""
    if key_only:
        return f"# {s.t('key_title')}\n\n{key(s, heading=1)}\n"
    tick = ticking(tick)
    parts = [f"# {s.t('title')}", f"**{s.label}**", s.t("name_line"), s.intro()]
    for n, q in s.numbered():
        parts.append(question(s, n, q))
        tick()
    if with_key:
        parts += ["---", key(s, heading=2)]
    return "\n\n".join(parts) + "\n"


def question(s: Sheet, n: int, q: Question) -> str:
    room = space(q)
    if room == "line":
        blank = f"{s.t('answer_line')} {BLANK}"
    else:
        blank = f"{s.t('your_answer')}\n\n" + "\n".join(["> &nbsp;"] * box_lines(q))
    return f"## {n}.\n\n{q.prompt}\n\n{blank}"


def key(s: Sheet, heading: int) -> str:
    mark = "#" * heading
    parts = [f"{mark} {s.t('key')}", f"**{s.label}**"]
    for n, q in s.numbered():
        parts.append(key_entry(s, n, q, mark + "#"))
    return "\n\n".join(parts)


def key_entry(s: Sheet, n: int, q: Question, mark: str) -> str:
    grid = matrix_rows(q.answer)
    lines = [f"{mark} {n}.", f"*{meta(q, s.lang)}*"]
    if q.answer.kind == "text":
        lines.append(f"**{s.colon('model_answer')}** {q.answer.value}")
        label = s.colon("key_points")
    elif grid is not None:
        width = max(len(c) for r in grid for c in r)
        body = "\n".join("  ".join(c.rjust(width) for c in r) for r in grid)
        lines.append(f"**{s.colon('answer')}**\n\n```\n{body}\n```")
        label = s.colon("solution")
    else:
        lines.append(f"**{s.colon('answer')}** {answer_text(q.answer)}")
        label = s.colon("solution")
    steps = key_steps(q)
    if steps:
        lines.append(f"**{label}**")
        lines.append("\n".join(numbered(i, step) for i, step in enumerate(steps, 1)))
    return "\n\n".join(lines)


def numbered(i: int, step: str) -> str:
    """A numbered step; its own later lines are indented so they stay inside the item."""
    head, *rest = step.split("\n")
    return "\n".join([f"{i}. {head}", *(f"   {line}" if line.strip() else "" for line in rest)])
