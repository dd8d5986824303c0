"""`cnnquiz demo` as text: a header, then every frame (the window in the padded input,
the products and their sum, the output filling in), then the result.

Each function returns lines of styled segments (demo_grid); the command prints them
plain or, on a terminal, with Rich styles.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from cnnquiz.cli.demo_grid import (
    STYLE_NEW,
    STYLE_TAP,
    Block,
    Line,
    grid,
    num,
    side_by_side,
    signed,
)
from cnnquiz.demos import Demo, Frame
from cnnquiz.demos.trains import train_rows
from cnnquiz.i18n import Lang, text


def _shape(a: np.ndarray, row: bool = False) -> str:
    if row:  # conv1d: a 1 x 1 x N input or kernel, a 1-D output
        return str(a.shape[-1])
    return "x".join(str(n) for n in (a.shape[1:] if a.ndim == 3 and a.shape[0] == 1
                                     else a.shape))


def _cell(cell: tuple[int, ...]) -> str:
    return "[" + ", ".join(map(str, cell)) + "]"


def header(demo: Demo, lang: Lang) -> list[Line]:
    row = demo.op == "conv1d"
    settings = "".join(f", {k.replace('_', ' ')}" + ("" if v is True else f" {v}")
                       for k, v in demo.settings.items() if v is not False)
    if demo.w is not None:
        settings = ", " + text("demo.kernel_size", lang, k=_shape(demo.w, row)) + settings
    lines: list[Line] = [[(text("demo.summary", lang, title=text(f"demo.title_{demo.op}", lang),
                                inp=_shape(demo.x, row), settings=settings,
                                out=_shape(demo.output, row)), "bold")]]
    if demo.op in ("conv", "convT", "maxpool", "avgpool"):
        legend = "demo.legend_convT" if demo.op == "convT" else "demo.legend"
        lines.append([(text(legend, lang), "dim")])
    if demo.seed is not None:
        key = "demo.mask_seed" if demo.op == "dropout" else "demo.seed"
        lines.append([(text(key, lang, seed=demo.seed), "dim")])
    return lines


def _output_block(canvas: np.ndarray, title: str, new: tuple[int, ...] | None) -> Block:
    if canvas.ndim == 3:  # several channels: show the one being filled
        ch = new[0] if new else 0
        return grid(f"{title} [{ch}]", canvas[ch], marked=[new[1:]] if new else [],
                    mark_style=STYLE_NEW)
    return grid(title, canvas, marked=[new] if new else [], mark_style=STYLE_NEW)


def conv_frame(demo: Demo, k: int, lang: Lang, zero_view: bool = False) -> list[Line]:
    """One convolution step (also the zero-insertion view of convT)."""
    f = demo.frames[k]
    assert demo.kernel is not None and f.products is not None
    taps = demo.taps(f)
    c = demo.grid.shape[0]
    out = _output_block(f.canvas, text("demo.output_so_far", lang), f.out)
    lines: list[Line] = [[(text("demo.step", lang, n=k + 1, total=len(demo.frames),
                                cell=_cell(f.out)), "bold")]]
    for ch in range(c):
        title = text("demo.zero_grid" if zero_view else "demo.input_padded", lang)
        ktitle = text("demo.kernel_flipped" if zero_view else "demo.kernel", lang)
        if c > 1:
            title += " " + text("demo.channel", lang, c=ch)
            ktitle += " " + text("demo.channel", lang, c=ch)
        blocks = [grid(title, demo.grid[ch], demo.roles, taps), grid(ktitle, demo.kernel[ch])]
        lines += side_by_side([*blocks, out] if ch == 0 else blocks)
    terms = " + ".join(f"{signed(a)}*{signed(b)}" for a, b in
                       zip(f.taps.ravel().tolist(), demo.kernel.ravel().tolist(), strict=True))
    lines.append([(text("demo.products", lang, terms=terms, value=num(f.value)), "")])
    return lines


def pool_frame(demo: Demo, k: int, lang: Lang) -> list[Line]:
    f = demo.frames[k]
    grid_values = demo.grid[f.channel]
    title = text("demo.input_padded", lang)
    if demo.grid.shape[0] > 1:
        title += " " + text("demo.channel", lang, c=f.channel)
    lines: list[Line] = [[(text("demo.step", lang, n=k + 1, total=len(demo.frames),
                                cell=_cell(f.out)), "bold")]]
    lines += side_by_side([grid(title, grid_values, demo.roles, demo.taps(f)),
                           _output_block(f.canvas, text("demo.output_so_far", lang), f.out)])
    values = f.taps.ravel().tolist()
    if f.divisor is None:
        line = text("demo.max", lang, terms=", ".join(map(num, values)), value=num(f.value))
    else:
        line = text("demo.avg", lang, terms=" + ".join(map(num, values)), divisor=f.divisor,
                    value=num(f.value))
    lines.append([(line, "")])
    return lines


def scatter_frame(demo: Demo, k: int, lang: Lang) -> list[Line]:
    f = demo.scatter[k]
    (r0, r1), (c0, c1) = f.window
    d = demo.dilation
    cells = [(r, c) for r in range(r0, r1, d[0]) for c in range(c0, c1, d[1])]
    head = text("demo.scatter_step", lang, n=k + 1, total=len(demo.scatter),
                cell=_cell((f.channel, *f.source) if demo.x.shape[0] > 1 else f.source),
                value=num(f.value), r0=r0, r1=r1 - 1, c0=c0, c1=c1 - 1)
    title = text("demo.input", lang)
    if demo.x.shape[0] > 1:
        title += " " + text("demo.channel", lang, c=f.channel)
    blocks = [grid(title, demo.x[f.channel], marked=[f.source]),
              grid(text("demo.block", lang), f.products),
              grid(text("demo.canvas", lang), f.canvas, marked=cells, dim=demo.crop)]
    return [[(head, "bold")], *side_by_side(blocks)]


def elementwise_frame(demo: Demo, k: int, lang: Lang) -> list[Line]:
    f: Frame = demo.frames[k]
    cell = _cell(f.out)
    if demo.op == "pixelshuffle":
        (h, _), (w, _) = f.window
        line = text("demo.shuffle_step", lang, cell=cell, c=f.channel, src=_cell((h, w)),
                    value=num(f.value))
    elif f.kept:
        line = text("demo.kept", lang, cell=cell, x=num(float(f.taps.ravel()[0])),
                    scale=num(demo.scale or 0.0), value=num(f.value))
    else:
        line = text("demo.dropped", lang, cell=cell)
    return [[(line, "")]]


TRAIN_STYLES = {"tap": STYLE_TAP, "new": STYLE_NEW, "kernel": "bold cyan", "product": "bold",
                "pad": "dim", "label": "bold", "": ""}


def trains_frame(demo: Demo, k: int, lang: Lang) -> list[Line]:
    """One conv1d step: the input and kernel trains, the products, the output so far."""
    f = demo.frames[k]
    assert demo.kernel is not None
    lines: list[Line] = [[(text("demo.step", lang, n=k + 1, total=len(demo.frames),
                                cell=_cell(f.out)), "bold")]]
    lines += [[(t, TRAIN_STYLES[role]) for t, role in row] for row in train_rows(demo, k, lang)]
    terms = " + ".join(f"{signed(a)}*{signed(b)}" for a, b in
                       zip(f.taps.tolist(), demo.kernel.ravel().tolist(), strict=True))
    lines.append([(text("demo.products", lang, terms=terms, value=num(f.value)), "")])
    return lines


def frame_lines(demo: Demo, k: int, lang: Lang) -> list[Line]:
    """Frame k of the demo's main view."""
    if demo.op == "conv1d":
        return trains_frame(demo, k, lang)
    if demo.op in ("conv", "convT"):
        return conv_frame(demo, k, lang, zero_view=demo.op == "convT")
    if demo.op in ("maxpool", "avgpool"):
        return pool_frame(demo, k, lang)
    return elementwise_frame(demo, k, lang)


def _channels(title_key: str, a: np.ndarray, lang: Lang) -> list[Line]:
    if a.shape[0] == 1:
        return side_by_side([grid(text(title_key, lang), a[0])])
    return side_by_side([grid(text("demo.channel", lang, c=c), a[c]) for c in range(a.shape[0])])


def _final(demo: Demo, key: str, lang: Lang) -> list[Line]:
    out = (demo.output[None, None] if demo.output.ndim == 1 else
           demo.output[None] if demo.output.ndim == 2 else demo.output)
    return [[(text(key, lang), "bold")], *_channels("demo.output", out, lang)[1:]]


def demo_chunks(demo: Demo, lang: Lang) -> Iterator[list[Line]]:
    """The whole demo as printable chunks (header, each frame, the result)."""
    yield header(demo, lang)
    if demo.op == "convT":
        yield [[(text("demo.scatter_view", lang), "bold underline")]]
        for k in range(len(demo.scatter)):
            yield scatter_frame(demo, k, lang)
        assert demo.crop is not None
        r0, r1, c0, c1 = demo.crop
        op = demo.settings["output_padding"]
        extra = text("demo.crop_op", lang, op=op) if op else ""
        yield [[(text("demo.crop", lang, r0=r0, r1=r1 - 1, c0=c0, c1=c1 - 1,
                      p=demo.settings["padding"], extra=extra), "")]]
        s, d = demo.settings["stride"], demo.dilation[0]
        k = demo.w.shape[1] if demo.w is not None else 1
        pad = f"{d}*({k}-1)-{demo.settings['padding']} = {d * (k - 1) - demo.settings['padding']}"
        yield [[(text("demo.zero_view", lang, gap=f"{s}-1 = {s - 1}", pad=pad),
                 "bold underline")]]
    elif demo.op == "conv1d":
        yield [[(text("demo.trains_rule", lang, s=demo.settings["stride"]), "")]]
    elif demo.op == "pixelshuffle":
        yield [[(text("demo.shuffle_rule", lang, r=demo.settings["r"]), "")],
               *_channels("demo.input", demo.x, lang)]
    elif demo.op == "dropout":
        assert demo.mask is not None
        rule = (text("demo.dropout_rule", lang, p=num(demo.settings["p"]),
                     scale=num(demo.scale)) if demo.scale is not None
                else text("demo.dropout_all", lang))
        yield [[(rule, "")], *side_by_side([
            *(grid(text("demo.input", lang), demo.x[c]) for c in range(demo.x.shape[0])),
            *(grid(text("demo.mask", lang), demo.mask[c].astype(float))
              for c in range(demo.mask.shape[0]))])]
    if demo.op in ("pixelshuffle", "dropout"):  # one line a step: one chunk
        yield [line for k in range(len(demo.frames)) for line in frame_lines(demo, k, lang)]
    else:
        for k in range(len(demo.frames)):
            yield frame_lines(demo, k, lang)
    yield _final(demo, "demo.views_agree" if demo.op == "convT" else "demo.final", lang)
    if demo.op == "dropout":
        yield [[(text("demo.means", lang, a=num(float(demo.x.mean())),
                      b=num(float(demo.output.mean()))), "")]]
