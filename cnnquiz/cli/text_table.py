"""A plain text table that wraps instead of cutting, fast enough for 10,000 rows.

Rich's Table measures every cell through its renderables (seconds for a long spec) and,
on a narrow terminal, cuts numbers and specs with an ellipsis. Here numbers are never
cut: only the columns named wrappable shrink, their text broken after commas, spaces or
arrows, each continuation line indented two more spaces. With `width=None` (a pipe)
nothing wraps at all.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

GAP = "  "
_PIECES = re.compile(r".*?(?:->|[, ]|$)")


def width_of(text: str) -> int:
    """Terminal columns of `text`: wide (CJK) characters take two."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * max(width - width_of(text), 0)
    return fill + text if right else text + fill


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` (a piece longer than that is split hard)."""
    if len(text) <= width:
        return [text]
    indent = len(text) - len(text.lstrip(" "))
    lines: list[str] = []
    line = ""
    for piece in _PIECES.findall(text):
        if not piece:
            continue
        if line.strip() and len(line) + len(piece.rstrip()) > width:
            lines.append(line.rstrip())
            line = " " * min(indent + 2, width // 2)
        line += piece
        while len(line.rstrip()) > width:
            lines.append(line[:width])
            line = " " * min(indent + 2, width // 2) + line[width:]
    if line.strip():
        lines.append(line.rstrip())
    return lines


def render(
    headers: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[bool],
    width: int | None = None, wrappable: Sequence[int] = (), min_wrap: int = 12,
) -> list[str]:
    """Header line, rule, and rows; cells may hold '\n' (more lines in that cell)."""
    natural = [width_of(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            simple = cell.isascii() and "\n" not in cell
            n = len(cell) if simple else max(map(width_of, cell.split("\n")))
            if n > natural[i]:
                natural[i] = n
    widths = list(natural)
    total = sum(widths) + len(GAP) * (len(widths) - 1)
    if width is not None and total > width:
        excess = total - width
        for i in wrappable:
            cut = min(excess, max(widths[i] - max(min_wrap, width_of(headers[i])), 0))
            widths[i] -= cut
            excess -= cut
    rule = GAP.join("-" * w for w in widths)
    out = [_line(headers, widths, right), rule]
    # the usual row (one line, ASCII, nothing to wrap) through one format string
    fast = GAP.join(f"{{:{'>' if r else '<'}{w}}}" for w, r in zip(widths, right, strict=True))
    narrowed = [i for i, (w, n) in enumerate(zip(widths, natural, strict=True)) if w < n]
    for row in rows:
        joined = "".join(row)
        if (joined.isascii() and "\n" not in joined
                and all(len(row[i]) <= widths[i] for i in narrowed)):
            out.append(fast.format(*row).rstrip())
        else:
            out.extend(_row_lines(row, widths, right))
    return out


def _line(cells: Sequence[str], widths: Sequence[int], right: Sequence[bool]) -> str:
    return GAP.join(_pad(c, w, r) for c, w, r in zip(cells, widths, right, strict=True)).rstrip()


def _row_lines(row: Sequence[str], widths: Sequence[int], right: Sequence[bool]) -> list[str]:
    columns = [[part for line in cell.split("\n") for part in wrap(line, w)]
               for cell, w in zip(row, widths, strict=True)]
    height = max(len(c) for c in columns)
    return [_line([c[k] if k < len(c) else "" for c in columns], widths, right)
            for k in range(height)]
