"""Pixel shuffle and dropout demos: one frame per output cell, values from the engine.

Pixel shuffle is an index mapping; which input cell lands where is read off the
engine's own `pixel_shuffle` applied to the input's flat indices, so the demo cannot
disagree with the operation. Dropout uses the engine's mask and inverted dropout.
"""

from __future__ import annotations

import numpy as np

from cnnquiz.demos.checks import check_layer
from cnnquiz.demos.model import INPUT, Demo, FloatArray, Frame
from cnnquiz.engine.ops import dropout_mask, inverted_dropout, pixel_shuffle, train_scale
from cnnquiz.errors import DemoError


def _frames(values: FloatArray, sources: np.ndarray, x: FloatArray,
            kept: np.ndarray | None = None) -> tuple[Frame, ...]:
    """values: the output (C x H x W); sources: for each output cell, the flat index of
    the input cell it comes from."""
    single = values.shape[0] == 1
    canvas = np.full(values.shape, np.nan)
    frames = []
    for cell in np.ndindex(*values.shape):
        ch, h, w = np.unravel_index(int(sources[cell]), x.shape)
        canvas[cell] = values[cell]
        frames.append(Frame(cell[1:] if single else cell, ((int(h), int(h) + 1),
                            (int(w), int(w) + 1)), float(values[cell]),
                            x[ch, h : h + 1, w : w + 1], canvas[0].copy() if single
                            else canvas.copy(), channel=int(ch),
                            kept=None if kept is None else bool(kept[cell])))
    return tuple(frames)


def _plain_grid(x: FloatArray) -> tuple[FloatArray, np.ndarray]:
    return x, np.full(x.shape[1:], INPUT, dtype=np.uint8)


def pixelshuffle_demo(x: FloatArray, r: int = 2, seed: int | None = None) -> Demo:
    """C*r^2 x H x W -> C x rH x rW: output (c, i, j) is input channel
    c*r^2 + (i mod r)*r + (j mod r) at (i div r, j div r)."""
    if r < 1:
        raise DemoError(f"--r must be at least 1, not {r}")
    check_layer("pixelshuffle", {"r": r}, f"pixelshuffle(r={r})", x.shape)
    values = pixel_shuffle(x, r)
    sources = pixel_shuffle(np.arange(x.size, dtype=np.float64).reshape(x.shape), r)
    frames = _frames(values, sources.astype(np.int64), x)
    output = values[0] if values.shape[0] == 1 else values
    grid, roles = _plain_grid(x)
    return Demo("pixelshuffle", x, grid, roles, frames, output, seed=seed,
                settings={"r": r})


def dropout_demo(x: FloatArray, p: float = 0.5, seed: int = 0) -> Demo:
    """Training-time (inverted) dropout with the engine's seeded mask: kept units times
    1/(1-p), dropped ones 0, so the mean is kept in expectation."""
    if not 0.0 <= p <= 1.0:
        raise DemoError(f"--p is the drop probability, between 0 and 1, not {p}")
    mask = dropout_mask(x.shape, p, seed)
    values = inverted_dropout(x, p, mask)
    sources = np.arange(x.size).reshape(x.shape)
    frames = _frames(values, sources, x, mask)
    output = values[0] if values.shape[0] == 1 else values
    grid, roles = _plain_grid(x)
    return Demo("dropout", x, grid, roles, frames, output, mask=mask,
                scale=None if p == 1.0 else train_scale(p), seed=seed, settings={"p": p})
