"""`cnnquiz demo edges --filter F`: the edge-detection toy as text.

On a colour terminal the picture and the filter's result are half blocks (one text row
shows two pixel rows, in greys); in plain text each pixel is a character of a
brightness ramp, one text row a pixel row, so a pipe or a screen reader still gets the
shapes. The numbers come from cnnquiz.demos.edges (the engine's conv2d).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from cnnquiz.cli.demo_grid import Block, Line, grid, side_by_side
from cnnquiz.demos.edges import SIGNED, Edges, grey
from cnnquiz.i18n import Lang, text

RAMP = " .:-=+*#%@"  # dark to bright


def _grey(v: float) -> str:
    g = grey(v)
    return f"rgb({g},{g},{g})"


def picture(title: str, pixels: np.ndarray, colour: bool) -> Block:
    rows = pixels.tolist()
    lines: list[Line] = [[(title, "bold")]]
    if colour:
        if len(rows) % 2:
            rows.append([0.0] * len(rows[0]))
        lines += [[("▀", f"{_grey(a)} on {_grey(b)}") for a, b in zip(top, bottom, strict=True)]
                  for top, bottom in zip(rows[::2], rows[1::2], strict=True)]
    else:
        lines += [[("".join(RAMP[min(9, int(v * 10))] for v in row), "")] for row in rows]
    return Block(lines, max(len(title), len(rows[0])))


def edge_lines(e: Edges, lang: Lang, colour: bool) -> list[Line]:
    head = text(f"edges.name_{e.name}", lang) + " · " + text(f"edges.finds_{e.name}", lang)
    ktitle = (text("edges.kernel_over", lang, d=e.divisor) if e.divisor != 1
              else text("edges.kernel", lang))
    blocks = [picture(text("edges.picture", lang), e.picture, colour), grid(ktitle, e.kernel),
              picture(text("edges.result", lang), e.shown, colour)]
    note = text("edges.shown_signed" if e.name in SIGNED else "edges.shown_clipped", lang)
    return [[(head, "bold")], [], *side_by_side(blocks), [], [(note, "dim")]]


def edges_json(e: Edges) -> dict[str, Any]:
    return {"filter": e.name, "kernel": e.kernel.tolist(), "divisor": e.divisor,
            "picture": e.picture.tolist(), "response": e.response.tolist()}
