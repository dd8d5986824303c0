"""What the demo screen writes beside and under its grids, as pure functions of a frame.

The screen (tui/screens/demo.py) owns the widgets, the stepping and the clicks; these
say what a frame shows: the numbers the fields stand for, what the middle grid holds
(the kernel, dropout's mask, a pooling window), and the step line with its sum. `tt`
looks a UI string up in the screen's language.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray
from rich.text import Text

from cnnquiz.demos import PAD, Demo, Frame
from cnnquiz.tui.widgets.grid import cell_width, number

Lookup = Callable[..., str]
Cells = dict[tuple[int, ...], str]
CURRENT, LIT, PADDING = "bold black on yellow", "bold black on cyan", "dim"


class Panel(NamedTuple):
    """One grid's drawing: what `Grid.show` takes."""

    title: str
    values: NDArray[Any] | None
    styles: Cells
    min_width: int = 3


def input_panel(demo: Demo, frame: Frame, lit: Collection[tuple[int, ...]],
                tt: Lookup) -> Panel:
    """The (padded or zero-inserted) input: padding dim, the window current, `lit` cells
    (clicked, or the window of a clicked output) lit."""
    ch, roles = frame.channel, demo.roles
    grid = demo.grid[ch].copy()
    grid[roles == PAD] = np.nan
    styles: Cells = {(int(r), int(c)): PADDING
                     for r, c in zip(*np.nonzero(roles != 0), strict=True)}
    styles.update({cell: CURRENT for cell in demo.taps(frame)})
    styles.update({cell: LIT for cell in lit})
    title = tt("input_inserted" if demo.op == "convT" else
               "input_padded" if (roles == PAD).any() else "input")
    if demo.grid.shape[0] > 1:
        title += f" [{ch + 1}/{demo.grid.shape[0]}]"
    return Panel(title, grid, styles)


def output_panel(demo: Demo, frame: Frame, lit: Collection[tuple[int, ...]],
                 tt: Lookup) -> Panel:
    """The output so far (its channel being filled), the new cell current; cells wide
    enough for the final values, so the grid keeps its width while it fills."""
    canvas = frame.canvas if frame.canvas.ndim == 2 else frame.canvas[frame.out[0]]
    lead = frame.out[:-2]
    styles: Cells = {tuple(o[-2:]): LIT for o in lit if o[:-2] == lead}
    styles[(frame.out[-2], frame.out[-1])] = CURRENT
    return Panel(tt("output"), canvas, styles, cell_width(demo.output))


def scatter_panels(demo: Demo, n: int, tt: Lookup) -> tuple[Panel, Panel, Panel]:
    """convT's scatter view, frame n: the input cell, the kernel, the uncropped output
    with the block just added."""
    f = demo.scatter[n]
    w = demo.w if demo.w is not None else demo.kernel
    assert w is not None
    canvas = f.canvas if f.canvas.ndim == 2 else f.canvas[0]
    (r0, r1), (c0, c1) = f.window
    dh, dw = demo.dilation
    block: Cells = {(r, c): CURRENT for r in range(r0, r1, dh) for c in range(c0, c1, dw)}
    crop = demo.crop or (0, canvas.shape[0], 0, canvas.shape[1])
    title = tt("uncropped", r0=crop[0], r1=crop[1] - 1, c0=crop[2], c1=crop[3] - 1)
    return (Panel(tt("input"), demo.x[f.channel], {f.source: CURRENT}),
            Panel(tt("kernel"), w[min(f.channel, len(w) - 1)], {}),
            Panel(title, canvas, block, cell_width(demo.scatter[-1].canvas)))


def fields_used(demo: Demo) -> dict[str, object]:
    """The numbers a demo ran with, by field name: what the fields show."""
    used: dict[str, object] = {"size": demo.x.shape[-1], **demo.settings}
    if demo.w is not None:
        used["kernel"] = demo.w.shape[-1]
    return used


def middle_panel(demo: Demo, frame: Frame, tt: Lookup) -> Panel:
    """The grid between input and output: the kernel, dropout's mask or the pooling
    window (pixel shuffle has only its r)."""
    if demo.kernel is not None:
        k = demo.kernel[min(frame.channel, demo.kernel.shape[0] - 1)]
        return Panel(tt("kernel_flipped" if demo.op == "convT" else "kernel"), k, {})
    if demo.mask is not None:
        scale = "-" if demo.scale is None else number(demo.scale)
        return Panel(tt("mask", scale=scale), demo.mask[0].astype(float),
                     {(frame.out[-2], frame.out[-1]): CURRENT})
    if demo.op in ("maxpool", "avgpool"):
        how = tt("max" if demo.op == "maxpool" else "mean")
        return Panel(tt("window", k=int(demo.settings.get("kernel", 2)), how=how),
                     frame.taps, {})
    return Panel(f"r = {demo.settings.get('r', 2)}", None, {})


def step_text(demo: Demo, n: int, tt: Lookup) -> Text:
    """Frame n: which output it computes and how (the products and their sum, the max,
    the mean, or dropout's kept or dropped unit)."""
    frame = demo.frames[n]
    cell = "(" + ",".join(map(str, frame.out)) + ")"
    out = Text(tt("step", n=n + 1, total=len(demo.frames), cell=cell,
                  value=number(frame.value)), style="bold")
    taps = frame.taps.ravel().tolist()
    if frame.products is not None and demo.kernel is not None:
        terms = " + ".join(f"{number(a)}×{number(b)}"
                           for a, b in zip(taps, demo.kernel.ravel().tolist(), strict=False))
        out.append("\n" + tt("sum", terms=terms, value=number(frame.value)))
    elif demo.op == "maxpool":
        out.append(f"\nmax({', '.join(number(v) for v in taps)})")
    elif demo.op == "avgpool":
        out.append(f"\n({' + '.join(number(v) for v in taps)}) / {frame.divisor}")
    elif frame.kept is not None:
        x = number(taps[0])
        line = (tt("kept", x=x, scale=number(demo.scale or 0), value=number(frame.value))
                if frame.kept else tt("dropped", x=x))
        out.append("\n" + line + " · " + tt(
            "means", a=number(round(float(demo.x.mean()), 2)),
            b=number(round(float(demo.output.mean()), 2))))
    return out


def scatter_text(demo: Demo, n: int, tt: Lookup) -> Text:
    """convT's scatter frame n: which input cell is multiplied by the kernel and added."""
    f = demo.scatter[n]
    return Text(tt("scatter_step", n=n + 1, total=len(demo.scatter),
                   cell=f"({f.source[0]},{f.source[1]})", value=number(f.value)), style="bold")
