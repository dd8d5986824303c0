"""Question prompts laid out for a terminal: named matrices side by side.

Templates write each matrix as a paragraph `x =` followed by a fenced grid.
Rendered as they are, a label, a blank row and the grid take a screen's
height for a by-hand convolution. Here each label moves into its grid's first
row, and grids that follow each other stand side by side while they fit, so
`x` and `w` read together as on paper.
"""

from __future__ import annotations

import re

from rich.cells import cell_len

GAP = 4  # columns between grids side by side
MAX_WIDTH = 60  # side by side only while the row fits a narrow terminal
_NAMED = re.compile(r"^(?P<label>[^\n`]{1,12}?) ?=\n```[^\n]*\n(?P<body>.*?)\n```$", re.S)


def lay_out(markdown: str) -> str:
    """`markdown` with each `label =` + fenced grid joined into one grid, in rows."""
    blocks = markdown.split("\n\n")
    out: list[str] = []
    run: list[list[str]] = []
    for block in blocks:
        named = _NAMED.match(block.strip())
        if named is None:
            _flush(run, out)
            out.append(block)
            continue
        grid = [f"{named.group('label').strip()} =", *named.group("body").split("\n")]
        if run and _width([*run, grid]) > MAX_WIDTH:
            _flush(run, out)
        run.append(grid)
    _flush(run, out)
    return "\n\n".join(out)


def _width(grids: list[list[str]]) -> int:
    return sum(max(map(cell_len, g)) for g in grids) + GAP * (len(grids) - 1)


def _flush(run: list[list[str]], out: list[str]) -> None:
    if not run:
        return
    widths = [max(map(cell_len, g)) for g in run]
    rows = []
    for i in range(max(map(len, run))):
        cells = [(g[i] if i < len(g) else "") for g in run]
        line = (" " * GAP).join(c + " " * (w - cell_len(c)) for c, w in zip(cells, widths, strict=True))
        rows.append(line.rstrip())
    out.append("```\n" + "\n".join(rows) + "\n```")
    run.clear()
