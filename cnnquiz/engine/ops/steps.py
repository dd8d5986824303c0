"""Step-by-step traces of the sliding-window ops, for demos and worked solutions.

Each `WindowStep` is one output cell: the window it reads, the values in it, the products with
the kernel and the resulting value, plus the output canvas filled so far (cells not yet
computed are NaN). Windows are HALF-OPEN ranges [r0, r1) x [c0, c1) in PADDED-input
coordinates (row 0 is the first padding row), spanning the dilated kernel; `inputs` holds
only the taps actually read (every d-th cell). Values are computed here cell by cell, not
copied from conv2d, so the tests' "last canvas == op result" is a real cross-check.
Loops over pixels are fine: traces are for inputs small enough to read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from numpy.typing import ArrayLike

from cnnquiz.errors import OpError

from ._util import FloatArray, as_float, pair
from .padding import PaddingArg, check_fits, resolve_padding
from .pool import PoolGeometry, pool_geometry

Window = tuple[tuple[int, int], tuple[int, int]]
IntOrPair = int | Sequence[int]


@dataclass(frozen=True, eq=False)
class WindowStep:
    out: tuple[int, int]  # the output cell (row, col) this step computes
    window: Window  # half-open [r0, r1) x [c0, c1) in padded-input coordinates
    inputs: FloatArray  # the taps read: K x K (or C x K x K for multi-channel conv)
    weights: FloatArray | None  # the kernel (conv only)
    products: FloatArray | None  # inputs * weights (conv only)
    value: float  # the output cell
    canvas: FloatArray  # output after this step, NaN where not yet computed
    divisor: int | None = None  # avg pool: what the window sum was divided by
    index: int | None = None  # max pool: flat h*W + w of the maximum in the unpadded input


def _window(i: int, j: int, s: tuple[int, int], span: tuple[int, int]) -> Window:
    return (i * s[0], i * s[0] + span[0]), (j * s[1], j * s[1] + span[1])


def conv2d_steps(
    x: ArrayLike, w: ArrayLike, b: float | None = None, stride: IntOrPair = 1,
    padding: PaddingArg = 0, dilation: IntOrPair = 1,
) -> list[WindowStep]:
    """One filter over HxW (KxK kernel) or CxHxW (CxKxK kernel, summing over channels)."""
    xa, wa = as_float(x), as_float(w, "w")
    if xa.ndim == 2:
        xa = xa[None]
    if wa.ndim == 2:
        wa = wa[None]
    if xa.ndim != 3 or wa.ndim != 3 or wa.shape[0] != xa.shape[0]:
        raise OpError(f"need HxW with KxK or CxHxW with CxKxK, got {xa.shape} and {wa.shape}")
    s, d = pair(stride, "stride", 1), pair(dilation, "dilation", 1)
    k = (wa.shape[1], wa.shape[2])
    pads = resolve_padding(padding, xa.shape[1:], k, s, d)
    ho, wo = check_fits(xa.shape[1:], k, pads, s, d)
    xp = np.pad(xa, ((0, 0), pads[:2], pads[2:]))
    span = (d[0] * (k[0] - 1) + 1, d[1] * (k[1] - 1) + 1)
    # every window's taps at once (Hout x Wout x C x K x K), and all products in one go
    windows = sliding_window_view(xp, span, axis=(1, 2))[:, :: s[0], :: s[1], :: d[0], :: d[1]]
    all_taps = np.moveaxis(windows[:, :ho, :wo], 0, 2)
    all_products = all_taps * wa
    canvas, steps = np.full((ho, wo), np.nan), []
    multi = xa.shape[0] > 1
    for i in range(ho):
        for j in range(wo):
            taps, products = all_taps[i, j], all_products[i, j]
            canvas[i, j] = float(products.sum()) + (b or 0.0)
            steps.append(WindowStep(
                (i, j), _window(i, j, s, span), taps if multi else taps[0],
                wa if multi else wa[0], products if multi else products[0],
                float(canvas[i, j]), canvas.copy(),
            ))
    return steps


def pool2d_steps(
    x: ArrayLike, kernel_size: IntOrPair, stride: IntOrPair | None = None,
    padding: IntOrPair = 0, dilation: IntOrPair = 1, ceil_mode: bool = False,
    op: Literal["max", "avg"] = "max", count_include_pad: bool = True,
) -> list[WindowStep]:
    """Max or average pooling of one HxW map, with torch's index and divisor per window."""
    xa = as_float(x)
    if xa.ndim != 2:
        raise OpError(f"pool2d_steps traces one HxW map, got shape {xa.shape}")
    if op not in ("max", "avg"):
        raise OpError(f"op must be 'max' or 'avg', got {op!r}")
    if op == "avg" and pair(dilation, "dilation", 1) != (1, 1):
        raise OpError("average pooling has no dilation")
    g = pool_geometry(xa.shape, kernel_size, stride, padding, dilation, ceil_mode)
    h, w = g.in_hw
    span = (g.dilation[0] * (g.kernel[0] - 1) + 1, g.dilation[1] * (g.kernel[1] - 1) + 1)
    fill = -np.inf if op == "max" else 0.0
    big = np.full((g.padding[0] + h + span[0] * 2 + g.stride[0] * g.out_hw[0],
                   g.padding[1] + w + span[1] * 2 + g.stride[1] * g.out_hw[1]), fill)
    big[g.padding[0] : g.padding[0] + h, g.padding[1] : g.padding[1] + w] = xa
    canvas, steps = np.full(g.out_hw, np.nan), []
    for i in range(g.out_hw[0]):
        for j in range(g.out_hw[1]):
            (r0, r1), (c0, c1) = win = _window(i, j, g.stride, span)
            taps = big[r0 : r1 : g.dilation[0], c0 : c1 : g.dilation[1]]
            divisor = index = None
            if op == "max":
                value = float(taps.max())
                index = _torch_max_index(taps, value, r0 - g.padding[0], c0 - g.padding[1], g)
            else:
                hs, ws = r0 - g.padding[0], c0 - g.padding[1]
                he, we = min(hs + g.kernel[0], h + g.padding[0]), min(ws + g.kernel[1],
                                                                      w + g.padding[1])
                if not count_include_pad:
                    hs, ws, he, we = max(hs, 0), max(ws, 0), min(he, h), min(we, w)
                divisor = (he - hs) * (we - ws)
                value = float(taps.sum()) / divisor
            canvas[i, j] = value
            steps.append(WindowStep((i, j), win, taps, None, None, value, canvas.copy(),
                              divisor, index))
    return steps


def _torch_max_index(taps: FloatArray, value: float, hs: int, ws: int, g: PoolGeometry) -> int:
    """Flat index of the first maximum among in-range taps; the first in-range tap if none."""
    dh, dw = g.dilation
    h, w = g.in_hw
    rows = range(hs, hs + dh * taps.shape[0], dh)
    cols = range(ws, ws + dw * taps.shape[1], dw)
    if value > -np.inf:
        for r, line in zip(rows, taps.tolist(), strict=True):
            for c, tap in zip(cols, line, strict=True):
                if 0 <= r < h and 0 <= c < w and tap == value:
                    return r * w + c
    first_r, first_c = next(r for r in rows if r >= 0), next(c for c in cols if c >= 0)
    return first_r * w + first_c
