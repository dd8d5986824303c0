"""Transposed convolution in both views the notes teach, from the engine's two routes.

Scatter: each input cell times the kernel, added into an uncropped canvas at stride s
(`conv_transpose2d_steps`); `padding` then crops the canvas. Zero insertion: s-1 zeros
between inputs, d(k-1)-p padding around them (`zero_inserted`), and a stride-1
convolution with the flipped kernel (`conv2d_steps`). The two are computed
independently, so their agreement is a real check (tests hold them to it and to torch).
"""

from __future__ import annotations

import numpy as np

from cnnquiz.demos.checks import check_layer
from cnnquiz.demos.model import INPUT, INSERTED, PAD, Demo, FloatArray, Frame, ScatterFrame
from cnnquiz.engine.ops import conv2d_steps, conv_transpose2d_steps, zero_inserted
from cnnquiz.errors import DemoError


def convT_demo(x: FloatArray, w: FloatArray, stride: int = 1, padding: int = 0,
               output_padding: int = 0, dilation: int = 1, seed: int | None = None) -> Demo:
    """One output channel (weight C x 1 x K x K in torch's terms), no bias."""
    c, h, wd = x.shape
    if w.shape[0] != c:
        raise DemoError(f"the kernel has {w.shape[0]} channel(s) but the input has {c}: give "
                        "one kernel matrix per input channel, separated by '|'")
    k = (w.shape[1], w.shape[2])
    ktext = f"{k[0]}" if k[0] == k[1] else f"{k[0]}x{k[1]}"
    text = (f"convT(k={ktext},s={stride},p={padding},op={output_padding},d={dilation})")
    check_layer("convT", {"out": 1, "k": k, "s": (stride, stride), "p": (padding, padding),
                          "op": (output_padding, output_padding), "d": (dilation, dilation),
                          "g": 1, "bias": False}, text, (c, h, wd))
    s, p, op, d = ((v, v) for v in (stride, padding, output_padding, dilation))
    traced = conv_transpose2d_steps(x, w, stride, padding, output_padding, dilation)
    scatter = tuple(ScatterFrame(st.source, st.channel, st.value, st.products, st.window,
                                 st.canvas) for st in traced)
    grid = zero_inserted(x[None], k, s, p, op, d)[0]
    roles = _roles(x.shape, k, s, p, op, d)
    flipped = w[:, ::-1, ::-1].copy()
    steps = conv2d_steps(grid if c > 1 else grid[0], flipped if c > 1 else flipped[0],
                         dilation=dilation)
    frames = tuple(Frame(st.out, st.window, st.value, st.inputs.reshape(c, *k), st.canvas,
                         st.products.reshape(c, *k) if st.products is not None else None)
                   for st in steps)
    return Demo("convT", x, np.ascontiguousarray(grid), roles, frames, steps[-1].canvas,
                kernel=flipped, w=w, dilation=(dilation, dilation), scatter=scatter,
                crop=traced[-1].crop, seed=seed,
                settings={"stride": stride, "padding": padding,
                          "output_padding": output_padding, "dilation": dilation})


def _roles(shape: tuple[int, ...], k: tuple[int, int], s: tuple[int, int],
           p: tuple[int, int], op: tuple[int, int], d: tuple[int, int]) -> np.ndarray:
    """Which grid cells hold an input, an inserted zero or padding: the same
    `zero_inserted` applied to markers (ones at the inputs; ones over the spread input)."""
    _, h, w = shape
    inputs = zero_inserted(np.ones((1, 1, h, w)), k, s, p, op, d)[0, 0]
    spread = np.ones((1, 1, (h - 1) * s[0] + 1, (w - 1) * s[1] + 1))
    inside = _pad_like(spread, k, p, op, d)
    roles = np.full(inputs.shape, PAD, dtype=np.uint8)
    roles[inside > 0] = INSERTED
    roles[inputs > 0] = INPUT
    return roles


def _pad_like(spread: np.ndarray, k: tuple[int, int], p: tuple[int, int],
              op: tuple[int, int], d: tuple[int, int]) -> np.ndarray:
    # stride 1 inserts nothing: the spread block padded exactly like the input grid
    out: np.ndarray = zero_inserted(spread, k, (1, 1), p, op, d)[0, 0]
    return out
