"""Convolution and pooling demos: the engine's step traces as frames over a padded grid."""

from __future__ import annotations

from typing import Literal

import numpy as np

from cnnquiz.demos.checks import check_layer
from cnnquiz.demos.model import INPUT, PAD, Demo, FloatArray, Frame
from cnnquiz.engine.ops import conv2d_steps, pool2d_steps, resolve_padding
from cnnquiz.errors import DemoError

Padding = int | str


def padded_grid(x: FloatArray, pads: tuple[int, int, int, int], fill: float, height: int = 0,
                width: int = 0) -> tuple[FloatArray, np.ndarray]:
    """x (C x H x W) placed at (top, left) in a grid filled with `fill`, at least
    height x width, and the role of every grid cell."""
    c, h, w = x.shape
    top, bottom, left, right = pads
    gh, gw = max(top + h + bottom, height), max(left + w + right, width)
    grid = np.full((c, gh, gw), fill)
    grid[:, top : top + h, left : left + w] = x
    roles = np.full((gh, gw), PAD, dtype=np.uint8)
    roles[top : top + h, left : left + w] = INPUT
    return grid, roles


def _pad_text(padding: Padding) -> str:
    return padding if isinstance(padding, str) else str(padding)


def conv_demo(x: FloatArray, w: FloatArray, stride: int = 1, padding: Padding = 0,
              dilation: int = 1, seed: int | None = None) -> Demo:
    """One filter (C x K x K, no bias) over a C x H x W input: one frame per output cell."""
    c, h, wd = x.shape
    if w.shape[0] != c:
        raise DemoError(f"the kernel has {w.shape[0]} channel(s) but the input has {c}: give "
                        "one kernel matrix per input channel, separated by '|'")
    k = (w.shape[1], w.shape[2])
    ktext = f"{k[0]}" if k[0] == k[1] else f"{k[0]}x{k[1]}"
    text = f"conv(k={ktext},s={stride},p={_pad_text(padding)},d={dilation})"
    pad_arg = padding if isinstance(padding, str) else (padding, padding)
    check_layer("conv", {"out": 1, "k": k, "s": (stride, stride), "p": pad_arg,
                         "d": (dilation, dilation), "g": 1, "bias": False}, text, (c, h, wd))
    steps = conv2d_steps(x if c > 1 else x[0], w if c > 1 else w[0], None, stride, padding,
                         dilation)
    pads = resolve_padding(padding, (h, wd), k, (stride, stride), (dilation, dilation))
    grid, roles = padded_grid(x, pads, 0.0)
    frames = tuple(Frame(st.out, st.window, st.value, st.inputs.reshape(c, *k),
                         st.canvas, st.products.reshape(c, *k) if st.products is not None
                         else None)
                   for st in steps)
    return Demo("conv", x, grid, roles, frames, steps[-1].canvas, kernel=w, w=w,
                dilation=(dilation, dilation), seed=seed,
                settings={"stride": stride, "padding": padding, "dilation": dilation})


def pool_demo(op: Literal["maxpool", "avgpool"], x: FloatArray, kernel: int = 2, stride: int | None = None,
              padding: int = 0, dilation: int = 1, ceil: bool = False,
              seed: int | None = None) -> Demo:
    """Max or average pooling of each channel: one frame per output cell."""
    kind: Literal["max", "avg"] = "max" if op == "maxpool" else "avg"
    s = kernel if stride is None else stride
    c, h, w = x.shape
    args = {"k": (kernel, kernel), "s": (s, s), "p": (padding, padding), "ceil": ceil}
    if kind == "max":
        args["d"] = (dilation, dilation)
    extra = f",d={dilation}" if dilation != 1 else ""
    text = f"{op}(k={kernel},s={s},p={padding}{extra}{',ceil=true' if ceil else ''})"
    check_layer(op, args, text, (c, h, w))
    frames: list[Frame] = []
    outputs = []
    for ch in range(c):
        steps = pool2d_steps(x[ch], kernel, s, padding, dilation, ceil, kind)
        for st in steps:
            out = st.out if c == 1 else (ch, *st.out)
            frames.append(Frame(out, st.window, st.value, st.inputs, st.canvas, channel=ch,
                                divisor=st.divisor))
        outputs.append(steps[-1].canvas)
    # ceil mode's last window may reach past the padding: the grid covers every window
    height = max(f.window[0][1] for f in frames)
    width = max(f.window[1][1] for f in frames)
    fill = -np.inf if kind == "max" else 0.0
    grid, roles = padded_grid(x, (padding,) * 4, fill, height, width)
    output = outputs[0] if c == 1 else np.stack(outputs)
    if c > 1:  # each frame's canvas shows every channel: finished ones and this one so far
        frames = _stacked_canvases(frames, outputs)
    return Demo(op, x, grid, roles, tuple(frames), output,
                dilation=(dilation, dilation), seed=seed,
                settings={"kernel": kernel, "stride": s, "padding": padding,
                          "dilation": dilation, "ceil_mode": ceil})


def _stacked_canvases(frames: list[Frame], outputs: list[FloatArray]) -> list[Frame]:
    out = []
    for f in frames:
        ch = f.channel
        canvas = np.stack([outputs[k] if k < ch else f.canvas if k == ch
                           else np.full_like(f.canvas, np.nan) for k in range(len(outputs))])
        out.append(Frame(f.out, f.window, f.value, f.taps, canvas, channel=ch,
                         divisor=f.divisor))
    return out
