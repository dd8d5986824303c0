"""The two-trains picture of one conv1d frame, as rows of (text, role) segments.

    input   [·]-[1]-[2]-[3]-[4]-[·]
    kernel          [1]-[0]-[-1]>
    ×                2   0   -4
    output  [-2]-[?]-[?]-[?]

The input is one train (padding as empty cars), the kernel a second one standing
under the cars it reads (with dilation, its cars are coupled across the skipped
ones), the products under each pair, the output filling in. Roles say what a segment
is ("tap": an input car read this step, "kernel", "product", "pad", "new": the output
just computed, "label"); each face gives them its own styles, so the `demo` command and
the app draw the same picture.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

from cnnquiz.demos.model import PAD, Demo
from cnnquiz.i18n import Lang, text

Role = Literal["", "label", "pad", "tap", "kernel", "product", "new"]
Row = list[tuple[str, Role]]


def value_text(v: float) -> str:
    """3, -1, 2.5, ? (not computed yet)."""
    if v != v:
        return "?"
    return str(int(v)) if v == int(v) and abs(v) < 1e12 else f"{v:.4g}"


def cells(s: str) -> int:
    """Terminal columns of `s` (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def train_rows(demo: Demo, k: int, lang: Lang) -> list[Row]:
    """Frame k of a conv1d demo: the input train, the kernel train, products, output."""
    assert demo.kernel is not None
    f = demo.frames[k]
    row, roles = demo.grid[0, 0].tolist(), demo.roles[0]
    kernel = demo.kernel[0, 0].tolist()
    d = demo.dilation[1]
    (_, _), (c0, _) = f.window
    taps = [c0 + t * d for t in range(len(kernel))]
    shown = ["·" if roles[i] == PAD else value_text(v) for i, v in enumerate(row)]
    products = [value_text(p) for fr in demo.frames
                for p in (fr.products.tolist() if fr.products is not None else [])]
    cw = max(cells(s) for s in [*shown, *map(value_text, kernel), *products])
    pitch = cw + 3  # "[" value "]" and the coupling "-"
    key = "demo.train_kernel_flipped" if demo.settings.get("flip") else "demo.train_kernel"
    labels = [text(n, lang) for n in ("demo.train_input", key, "demo.train_products",
                                      "demo.train_output")]
    lw = max(map(cells, labels)) + 2

    def label(i: int) -> tuple[str, Role]:
        return labels[i] + " " * (lw - cells(labels[i])), "label"

    def car(s: str) -> str:
        return "[" + s.rjust(cw) + "]"

    inp: Row = [label(0)]
    for i, s in enumerate(shown):
        role: Role = "tap" if i in taps else "pad" if roles[i] == PAD else ""
        inp += [(car(s), role), ("-" if i < len(shown) - 1 else "", "")]
    ker: Row = [label(1), (" " * (c0 * pitch), "")]
    for t, v in enumerate(kernel):
        coupling = "-" * ((d - 1) * pitch + 1) if t < len(kernel) - 1 else ">"
        ker += [(car(value_text(v)), "kernel"), (coupling, "kernel")]
    prods: Row = [label(2), (" " * (c0 * pitch), "")]
    assert f.products is not None
    for t, p in enumerate(f.products.tolist()):  # each under its pair of cars
        v = value_text(p)
        gap = " " * ((d - 1) * pitch + 1) if t < len(kernel) - 1 else ""
        prods += [(" " * (1 + cw - cells(v)), ""), (v, "product"), (" " + gap, "")]
    out: Row = [label(3)]
    canvas = f.canvas.tolist()
    ow = max(cells(value_text(v)) for v in demo.output.tolist())
    for j, v in enumerate(canvas):
        out += [("[" + value_text(v).rjust(ow) + "]", "new" if j == f.out[0] else ""),
                ("-" if j < len(canvas) - 1 else "", "")]
    return [inp, ker, prods, out]
