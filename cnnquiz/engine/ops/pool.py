"""Max and average pooling with torch's exact sizes, ceil-mode rule, indices and divisors.

Ceil mode rounds the output size up, but torch drops a last window that would start in
the right padding; average pooling divides by the window clipped to the padded input
(count_include_pad=True) or to the real input (False), never by cells beyond the padding.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from numpy.typing import ArrayLike, NDArray

from cnnquiz.errors import OpError

from ._util import FloatArray, Pair, as_float, batched, pair, unbatched

IntOrPair = int | Sequence[int]


@dataclass(frozen=True)
class PoolGeometry:
    """Everything about one pooling configuration that does not depend on the values."""

    in_hw: Pair
    kernel: Pair
    stride: Pair
    padding: Pair
    dilation: Pair
    out_hw: Pair

    def starts(self, axis: int) -> NDArray[np.int64]:
        """First (possibly negative, padded) input coordinate of each window along axis."""
        return np.arange(self.out_hw[axis]) * self.stride[axis] - self.padding[axis]


def pool_out_size(size: int, k: int, s: int, p: int, d: int, ceil_mode: bool) -> int:
    """torch's pooling_output_shape, ceil-mode correction included."""
    span = d * (k - 1) + 1
    out = (size + 2 * p - span + (s - 1 if ceil_mode else 0)) // s + 1
    if ceil_mode and (out - 1) * s >= size + p:
        out -= 1  # the last window would start inside the right padding: torch drops it
    return out


def pool_geometry(
    in_hw: Pair, kernel_size: IntOrPair, stride: IntOrPair | None, padding: IntOrPair,
    dilation: IntOrPair, ceil_mode: bool,
) -> PoolGeometry:
    """Validated geometry; ValueError where torch raises (pad > k/2, output below 1)."""
    k = pair(kernel_size, "kernel_size", 1)
    s = k if stride is None or stride == () else pair(stride, "stride", 1)
    p, d = pair(padding, "padding", 0), pair(dilation, "dilation", 1)
    if p[0] > k[0] // 2 or p[1] > k[1] // 2:
        raise OpError(
            f"pool padding {p[0]}x{p[1]} must be at most half the kernel size {k[0]}x{k[1]}"
        )
    out = tuple(pool_out_size(in_hw[a], k[a], s[a], p[a], d[a], ceil_mode) for a in (0, 1))
    if min(out) < 1:
        raise OpError(
            f"pool output size {out[0]}x{out[1]} is too small for input {in_hw[0]}x{in_hw[1]}"
        )
    return PoolGeometry(in_hw, k, s, p, d, (out[0], out[1]))


def windows(x: FloatArray, g: PoolGeometry, fill: float) -> FloatArray:
    """N x C x Hout x Wout x kh x kw views of x padded with `fill` far enough for every window."""
    extra = [
        max(0, int(g.starts(a)[-1]) + g.dilation[a] * (g.kernel[a] - 1) + 1 - g.in_hw[a])
        for a in (0, 1)
    ]
    xp = x if g.padding == (0, 0) and extra == [0, 0] else np.pad(
        x, ((0, 0), (0, 0), (g.padding[0], extra[0]), (g.padding[1], extra[1])),
        constant_values=fill)
    span = [g.dilation[a] * (g.kernel[a] - 1) + 1 for a in (0, 1)]
    view = sliding_window_view(xp, (span[0], span[1]), axis=(2, 3))
    view = view[:, :, :: g.stride[0], :: g.stride[1], :: g.dilation[0], :: g.dilation[1]]
    return view[:, :, : g.out_hw[0], : g.out_hw[1]]


def _max_indices(win: FloatArray, g: PoolGeometry, vals: FloatArray) -> NDArray[np.int64]:
    """Flat h*W+w index of each window's first maximum, as torch returns it (`win`: the
    windows of the input, `vals` their maxima)."""
    h, w = g.in_hw
    flat = np.arange(h * w, dtype=np.float64).reshape(1, 1, h, w)
    idx_win = windows(flat, g, -1.0)
    n, c, ho, wo, kh, kw = win.shape
    pos = win.reshape(n, c, ho, wo, kh * kw).argmax(axis=-1)
    idx = np.take_along_axis(idx_win.reshape(1, 1, ho, wo, kh * kw), pos[..., None], -1)[..., 0]
    # Torch starts from the first in-range tap and only moves on a strictly larger value,
    # so a window that is all -inf (or all padding) reports that first tap.
    first = [np.where(s < 0, s + (-s + d - 1) // d * d, s)
             for s, d in ((g.starts(0), g.dilation[0]), (g.starts(1), g.dilation[1]))]
    start_idx = first[0][:, None] * w + first[1][None, :]
    return np.where(vals == -np.inf, start_idx, idx).astype(np.int64)


def max_pool2d(
    x: ArrayLike, kernel_size: IntOrPair, stride: IntOrPair | None = None,
    padding: IntOrPair = 0, dilation: IntOrPair = 1, ceil_mode: bool = False,
    return_indices: bool = False,
) -> FloatArray | tuple[FloatArray, NDArray[np.int64]]:
    """torch.nn.functional.max_pool2d on HxW, CxHxW or NxCxHxW (padding counts as -inf).

    With return_indices, also the flat index h*W + w of each maximum within its channel.
    """
    x4, dropped = batched(as_float(x))
    g = pool_geometry(x4.shape[2:], kernel_size, stride, padding, dilation, ceil_mode)
    win = windows(x4, g, -np.inf)
    vals = win.max(axis=(-2, -1))
    if not return_indices:
        return unbatched(vals, dropped)
    return unbatched(vals, dropped), unbatched(_max_indices(win, g, vals), dropped)


def avg_divisors(g: PoolGeometry, count_include_pad: bool) -> NDArray[np.int64]:
    """Hout x Wout divisors exactly as torch's avg_pool2d computes them."""
    sizes = []
    for a in (0, 1):
        start = g.starts(a)
        end = np.minimum(start + g.kernel[a], g.in_hw[a] + g.padding[a])
        if not count_include_pad:
            start, end = np.maximum(start, 0), np.minimum(end, g.in_hw[a])
        sizes.append(end - start)
    return sizes[0][:, None] * sizes[1][None, :]


def avg_pool2d(
    x: ArrayLike, kernel_size: IntOrPair, stride: IntOrPair | None = None,
    padding: IntOrPair = 0, ceil_mode: bool = False, count_include_pad: bool = True,
    divisor_override: int | None = None,
) -> FloatArray:
    """torch.nn.functional.avg_pool2d: zero padding, torch's divisor rules."""
    x4, dropped = batched(as_float(x))
    g = pool_geometry(x4.shape[2:], kernel_size, stride, padding, 1, ceil_mode)
    sums = windows(x4, g, 0.0).sum(axis=(-2, -1))
    if divisor_override is not None:
        if divisor_override == 0:
            raise OpError("divisor_override must be non-zero")
        return unbatched(sums / divisor_override, dropped)
    return unbatched(sums / avg_divisors(g, count_include_pad), dropped)
