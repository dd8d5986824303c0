"""The small Markdown that prompts and solutions are written in, read into blocks.

Questions speak a fixed subset: paragraphs, `- ` and `1. ` lists, fenced blocks,
`code`, **bold** and *italic*. HTML, Typst and Anki need it as structure rather than
text; Markdown output uses the text as it is. A fenced block holding only a
rectangle of numbers is a `Grid`, so every format can print it as a table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

InlineKind = Literal["text", "strong", "em", "code"]


@dataclass(frozen=True)
class Inline:
    kind: InlineKind
    text: str


Inlines = tuple[Inline, ...]


@dataclass(frozen=True)
class Para:
    inlines: Inlines


@dataclass(frozen=True)
class Items:
    ordered: bool
    items: tuple[Inlines, ...]
    start: int = 1


@dataclass(frozen=True)
class Code:
    text: str


@dataclass(frozen=True)
class Grid:
    rows: tuple[tuple[str, ...], ...]


Block = Para | Items | Code | Grid

_ITEM = re.compile(r"^\s*(?:([-*])|(\d{1,3})\.)\s+(.*)$")
# *emphasis* holds words, never a formula: `(1 - d)*d; w <- w - lr*b` is multiplication
_INLINE = re.compile(r"`([^`]+)`|\*\*(.+?)\*\*|(?<![\w*])\*(?![\s*])([^*=<>+^/|]+?)(?<!\s)\*(?![\w*])")
_NUMBER = re.compile(r"[-+−]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|[-+−]?(?:inf|nan)")


def blocks(text: str) -> list[Block]:
    """`text` as a list of blocks, in order."""
    out: list[Block] = []
    para: list[str] = []
    items: list[tuple[bool, int, str]] = []
    lines = text.replace("\r\n", "\n").split("\n")

    def flush() -> None:
        if para:
            out.append(Para(inlines(" ".join(s.strip() for s in para))))
            para.clear()
        if items:
            out.append(Items(items[0][0], tuple(inlines(t) for _, _, t in items), items[0][1]))
            items.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip().startswith("```"):
            flush()
            end = next((j for j in range(i + 1, len(lines)) if lines[j].strip().startswith("```")),
                       len(lines))
            out.append(fence("\n".join(lines[i + 1:end])))
            i = end + 1
            continue
        m = _ITEM.match(line)
        if not line.strip():
            flush()
        elif m and not para:
            ordered = m.group(2) is not None
            if items and items[0][0] != ordered:
                flush()
            items.append((ordered, int(m.group(2) or 1), m.group(3)))
        elif items:  # a continuation line of the last item
            kind, start, last = items[-1]
            items[-1] = (kind, start, f"{last} {line.strip()}")
        else:
            para.append(line)
        i += 1
    flush()
    return out


def fence(body: str) -> Code | Grid:
    """A fenced block: a `Grid` when every line holds the same number of numbers."""
    rows = [line.split() for line in body.strip("\n").splitlines() if line.strip()]
    if rows and len({len(r) for r in rows}) == 1 and all(_NUMBER.fullmatch(c) for r in rows for c in r):
        return Grid(tuple(tuple(r) for r in rows))
    return Code(body.strip("\n"))


def inlines(text: str) -> Inlines:
    """Runs of plain text, `code`, **strong** and *emphasis* (not nested)."""
    out: list[Inline] = []
    pos = 0
    for m in _INLINE.finditer(text):
        if m.start() > pos:
            out.append(Inline("text", text[pos:m.start()]))
        if m.group(1) is not None:
            out.append(Inline("code", m.group(1)))
        elif m.group(2) is not None:
            out.append(Inline("strong", m.group(2)))
        else:
            out.append(Inline("em", m.group(3)))
        pos = m.end()
    if pos < len(text):
        out.append(Inline("text", text[pos:]))
    return tuple(out)


def plain(text: str) -> str:
    """The words of `text` without Markdown marks (for searching and Anki sort fields)."""
    parts: list[str] = []
    for b in blocks(text):
        if isinstance(b, Para):
            parts.append("".join(i.text for i in b.inlines))
        elif isinstance(b, Items):
            parts.extend("".join(i.text for i in item) for item in b.items)
        elif isinstance(b, Code):
            parts.append(b.text)
        else:
            parts.extend(" ".join(r) for r in b.rows)
    return "\n".join(parts)
