"""Matrices as lines of styled segments, and their two ends: plain text and ANSI text.

A cell is `[v]` when highlighted (the window's taps, the cell just computed) and ` v `
otherwise, so plain text shows the highlight with brackets; on a terminal the same
segments also carry Rich styles. Padding shows as `.`, an inserted zero as `o`, an
output cell not yet computed as `?`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
from rich.color import ColorSystem
from rich.style import Style

from cnnquiz.cli.text_table import width_of
from cnnquiz.demos import INSERTED, PAD

COLOR_SYSTEMS = {"standard": ColorSystem.STANDARD, "256": ColorSystem.EIGHT_BIT,
                 "truecolor": ColorSystem.TRUECOLOR, "windows": ColorSystem.WINDOWS}
Seg = tuple[str, str]  # (text, Rich style; "" for none)
Line = list[Seg]

STYLE_TAP = "bold black on yellow"
STYLE_NEW = "bold black on green"
STYLE_PAD = "dim"
STYLE_INSERTED = "cyan"
STYLE_TITLE = "bold"


def num(v: float) -> str:
    """A value as a person writes it: 3, -1, 2.333, -inf, ? (not yet computed)."""
    if v != v:
        return "?"
    if math.isinf(v):
        return "-inf" if v < 0 else "inf"
    if v == int(v) and abs(v) < 1e12:
        return str(int(v))
    return f"{v:.4g}"


def signed(v: float) -> str:
    """A factor in a product: negative numbers in parentheses."""
    text = num(v)
    return f"({text})" if text.startswith("-") else text


@dataclass(frozen=True)
class Block:
    lines: list[Line]
    width: int


def grid(title: str, values: np.ndarray, roles: np.ndarray | None = None,
         marked: Iterable[tuple[int, ...]] = (), mark_style: str = STYLE_TAP,
         dim: tuple[int, int, int, int] | None = None) -> Block:
    """One matrix under its title. `marked` cells get brackets and `mark_style`; cells
    outside `dim` (r0, r1, c0, c1), if given, are dimmed."""
    rows = values.tolist()
    role_rows = roles.tolist() if roles is not None else None
    if role_rows is None:
        cells = [[num(v) for v in row] for row in rows]
    else:  # padding and inserted zeros by their marks, inputs by their values
        cells = [[_MARKS.get(role) or num(v) for v, role in zip(row, rrow, strict=True)]
                 for row, rrow in zip(rows, role_rows, strict=True)]
    w = max((len(t) for row in cells for t in row), default=1)
    hits = set(marked)
    lines: list[Line] = [[(title, STYLE_TITLE)]]
    for r, row in enumerate(cells):
        line: Line = []
        for c, t in enumerate(row):
            if (r, c) in hits:
                line.append((f"[{t:>{w}}]", mark_style))
                continue
            style = ""
            if role_rows and role_rows[r][c] == INSERTED:
                style = STYLE_INSERTED
            elif t in (".", "?") or (dim is not None and not (
                    dim[0] <= r < dim[1] and dim[2] <= c < dim[3])):
                style = STYLE_PAD
            line.append((f" {t:>{w}} ", style))
        lines.append(line)
    width = max(width_of(title), len(cells[0]) * (w + 2) if cells else 0)
    return Block(lines, width)


_MARKS = {PAD: ".", INSERTED: "o"}


def side_by_side(blocks: Sequence[Block], gap: int = 4) -> list[Line]:
    height = max(len(b.lines) for b in blocks)
    out: list[Line] = []
    for k in range(height):
        line: Line = []
        for i, b in enumerate(blocks):
            segs = b.lines[k] if k < len(b.lines) else []
            used = sum(width_of(t) for t, _ in segs)
            line.extend(segs)
            if i < len(blocks) - 1:
                line.append((" " * (b.width - used + gap), ""))
        out.append(line)
    return out


def plain(lines: Iterable[Line]) -> str:
    return "\n".join("".join(t for t, _ in line).rstrip() for line in lines)


@cache
def _codes(style: str, color_system: str) -> tuple[str, str]:
    """The escape codes Rich writes around text in `style`, as (before, after)."""
    before, _, after = Style.parse(style).render("\0", color_system=COLOR_SYSTEMS[
        color_system]).partition("\0")
    return before, after


def ansi(lines: Iterable[Line], color_system: str) -> str:
    """The lines with Rich's styles as escape codes for `color_system` ("standard",
    "256", "truecolor", ...). Written directly rather than through Console.print, whose
    wrapping of every segment costs more than a frame's whole budget."""
    out = []
    for line in lines:
        parts = []
        for t, style in line:
            if style:
                before, after = _codes(style, color_system)
                parts.append(before + t + after)
            else:
                parts.append(t)
        out.append("".join(parts).rstrip())
    return "\n".join(out)
