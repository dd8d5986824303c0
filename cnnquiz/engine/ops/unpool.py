"""Max unpooling (put each max back where it came from) and adaptive average pooling.

Unpooling is the "remember the argmax" half of SegNet-style upsampling; adaptive pooling
is how spatial pyramid pooling reaches a fixed n x n whatever the input size.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from cnnquiz.errors import OpError

from ._util import FloatArray, as_float, batched, pair, unbatched

IntOrPair = int | Sequence[int]


def unpool_out_size(
    in_hw: tuple[int, int], kernel_size: IntOrPair, stride: IntOrPair | None = None,
    padding: IntOrPair = 0, output_size: Sequence[int] | None = None,
) -> tuple[int, int]:
    """(in-1)s - 2p + k per axis, or a requested size strictly within a stride of it."""
    k = pair(kernel_size, "kernel_size", 1)
    s = k if stride is None else pair(stride, "stride", 1)
    p = pair(padding, "padding", 0)
    default = tuple((in_hw[a] - 1) * s[a] + k[a] - 2 * p[a] for a in (0, 1))
    if output_size is None:
        if min(default) < 1:  # torch returns an empty tensor here; we say why instead
            raise OpError(f"unpooled output size {default[0]}x{default[1]} is empty")
        return default[0], default[1]
    size = [int(v) for v in output_size][-2:] if len(output_size) >= 2 else []
    if len(output_size) not in (2, 3, 4) or len(size) != 2:
        raise OpError(f"output_size must have 2 entries (H, W), got {list(output_size)}")
    for a in (0, 1):
        if size[a] < 1:
            raise OpError(f"unpooled output size {size[0]}x{size[1]} is empty")
        if not default[a] - s[a] < size[a] < default[a] + s[a]:
            raise OpError(
                f"invalid output_size {size}: each side must lie strictly between "
                f"{default[a] - s[a]} and {default[a] + s[a]}"
            )
    return size[0], size[1]


def max_unpool2d(
    x: ArrayLike, indices: ArrayLike, kernel_size: IntOrPair, stride: IntOrPair | None = None,
    padding: IntOrPair = 0, output_size: Sequence[int] | None = None,
) -> FloatArray:
    """torch.nn.functional.max_unpool2d: zeros everywhere except the remembered maxima."""
    x4, dropped = batched(as_float(x))
    idx = np.asarray(indices)
    if idx.size != x4.size:
        raise OpError(f"indices must have the shape of x, got {idx.shape}")
    if idx.size and not np.issubdtype(idx.dtype, np.integer):
        raise OpError("indices must be integers (flat h*W + w positions)")
    out_hw = unpool_out_size(x4.shape[2:], kernel_size, stride, padding, output_size)
    n, c = x4.shape[:2]
    flat_idx = idx.reshape(n, c, -1).astype(np.int64)
    cells = out_hw[0] * out_hw[1]
    if flat_idx.size and (flat_idx.min() < 0 or flat_idx.max() >= cells):
        raise OpError(f"an index is outside the {out_hw[0]}x{out_hw[1]} output")
    out = np.zeros((n, c, cells), dtype=x4.dtype)
    np.put_along_axis(out, flat_idx, x4.reshape(n, c, -1), axis=-1)
    return unbatched(out.reshape(n, c, *out_hw), dropped)


def adaptive_bounds(size: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Window i covers [floor(i*size/n), ceil((i+1)*size/n)), as torch's adaptive pooling."""
    i = np.arange(n)
    return (i * size) // n, -(-((i + 1) * size) // n)


def adaptive_avg_pool2d(x: ArrayLike, output_size: int | Sequence[int | None]) -> FloatArray:
    """torch.nn.functional.adaptive_avg_pool2d; None in output_size keeps that side."""
    x4, dropped = batched(as_float(x))
    h, w = x4.shape[2:]
    sizes = [output_size, output_size] if isinstance(output_size, int) else list(output_size)
    if len(sizes) != 2:
        raise OpError(f"output_size must be an int or a pair, got {output_size!r}")
    oh, ow = (h if sizes[0] is None else sizes[0]), (w if sizes[1] is None else sizes[1])
    if oh < 1 or ow < 1:
        raise OpError(f"output_size must be positive, got {output_size!r}")
    hs, he = adaptive_bounds(h, oh)
    ws, we = adaptive_bounds(w, ow)
    # Integral image: every window sum is four lookups, no loop over output cells.
    integral = np.zeros((*x4.shape[:2], h + 1, w + 1), dtype=np.float64)
    integral[:, :, 1:, 1:] = x4.cumsum(axis=2, dtype=np.float64).cumsum(axis=3)
    total = (integral[:, :, he[:, None], we[None, :]] - integral[:, :, hs[:, None], we[None, :]]
             - integral[:, :, he[:, None], ws[None, :]] + integral[:, :, hs[:, None], ws[None, :]])
    area = (he - hs)[:, None] * (we - ws)[None, :]
    return unbatched((total / area).astype(x4.dtype), dropped)
