"""2-D convolution (cross-correlation, as torch.nn.functional.conv2d computes it).

Vectorised as im2col + one matmul per group: the K*K taps are copied as strided slices
(a loop over kernel taps, never over pixels) into a (C*K*K, Hout*Wout) matrix, so the whole
convolution is a single BLAS call. Shapes follow torch for CxHxW / NxCxHxW input; an HxW
input with a KxK kernel (the by-hand case) gives an HoutxWout answer.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from cnnquiz.errors import OpError

from ._util import FloatArray, Pair, as_float, batched, common_float, pair, unbatched
from .padding import PaddingArg, Pads, check_fits, resolve_padding


def as_filters(w: ArrayLike) -> tuple[FloatArray, bool]:
    """Weights as O x C/g x K x K; True when a single KxK or CxKxK filter was given."""
    arr = as_float(w, "w")
    if arr.ndim == 2:
        return arr[None, None], True
    if arr.ndim == 3:
        return arr[None], True
    if arr.ndim == 4:
        return arr, False
    raise OpError(f"w must be KxK, CxKxK or OxC/gxKxK, got shape {arr.shape}")


def as_bias(b: ArrayLike | None, out_channels: int) -> FloatArray | None:
    """Bias as a length-O vector (a scalar is accepted for a single filter)."""
    if b is None:
        return None
    arr = as_float(b, "b").reshape(-1)
    if arr.size == 1 and out_channels == 1:
        return arr
    if arr.shape != (out_channels,):
        raise OpError(f"b must have {out_channels} entries (one per filter), got {arr.size}")
    return arr


def check_groups(in_channels: int, w_shape: tuple[int, ...], groups: int) -> None:
    """The channel bookkeeping torch enforces: O and C divisible by g, weight depth C/g."""
    if groups < 1:
        raise OpError(f"groups must be >= 1, got {groups}")
    out_channels, depth = w_shape[0], w_shape[1]
    if out_channels % groups:
        raise OpError(f"groups={groups} must divide the {out_channels} output channels")
    if depth * groups != in_channels:
        raise OpError(
            f"groups={groups} with weight of shape {list(w_shape)} expects "
            f"{depth * groups} input channels, got {in_channels}"
        )


def _inside(n_out: int, start: int, step: int, size: int) -> tuple[int, int]:
    """Output indices [lo, hi) whose source start + o*step falls inside [0, size)."""
    lo = 0 if start >= 0 else (-start + step - 1) // step
    hi = min(n_out, (size - 1 - start) // step + 1) if size - 1 - start >= 0 else 0
    return min(lo, hi), hi


def im2col(
    x: FloatArray, k_hw: Pair, out_hw: Pair, stride: Pair, dilation: Pair,
    top_left: Pair = (0, 0),
) -> FloatArray:
    """N x C x K x K x Hout x Wout windows of N x C x H x W, zero padding done on the fly.

    One strided block copy per kernel tap (never a loop over pixels); the cells whose
    source lies in the padding are zeroed instead of materialising a padded copy of x.
    """
    n, c, h, w = x.shape
    ho, wo = out_hw
    cols = np.empty((n, c, k_hw[0], k_hw[1], ho, wo), dtype=x.dtype)
    for i in range(k_hw[0]):
        rs = i * dilation[0] - top_left[0]
        r0, r1 = _inside(ho, rs, stride[0], h)
        for j in range(k_hw[1]):
            cs = j * dilation[1] - top_left[1]
            c0, c1 = _inside(wo, cs, stride[1], w)
            dst = cols[:, :, i, j]
            if r0 == r1 or c0 == c1:
                dst[...] = 0
                continue
            rows = slice(rs + r0 * stride[0], rs + (r1 - 1) * stride[0] + 1, stride[0])
            cols_ = slice(cs + c0 * stride[1], cs + (c1 - 1) * stride[1] + 1, stride[1])
            dst[:, :, r0:r1, c0:c1] = x[:, :, rows, cols_]
            if r0:
                dst[:, :, :r0] = 0
            if r1 < ho:
                dst[:, :, r1:] = 0
            if c0:
                dst[:, :, r0:r1, :c0] = 0
            if c1 < wo:
                dst[:, :, r0:r1, c1:] = 0
    return cols


def conv2d_nchw(
    x: FloatArray, w: FloatArray, b: FloatArray | None, stride: Pair, pads: Pads,
    dilation: Pair, groups: int,
) -> FloatArray:
    """The core: N x C x H x W (*) O x C/g x K x K with explicit four-sided padding >= 0."""
    n, c, h, wd = x.shape
    o, depth, kh, kw = w.shape
    check_groups(c, w.shape, groups)
    out_hw = check_fits((h, wd), (kh, kw), pads, stride, dilation)
    dtype = common_float(x, w)
    xa = x.astype(dtype, copy=False)
    cols = im2col(xa, (kh, kw), out_hw, stride, dilation, (pads[0], pads[2]))
    cols = cols.reshape(n, groups, depth * kh * kw, out_hw[0] * out_hw[1])
    wm = w.astype(dtype, copy=False).reshape(groups, o // groups, depth * kh * kw)
    y: FloatArray = np.matmul(wm, cols).reshape(n, o, out_hw[0], out_hw[1])
    if b is not None:
        y += b.astype(dtype, copy=False)[:, None, None]
    return y


def conv2d(
    x: ArrayLike, w: ArrayLike, b: ArrayLike | None = None,
    stride: int | Sequence[int] = 1, padding: PaddingArg = 0,
    dilation: int | Sequence[int] = 1, groups: int = 1,
) -> FloatArray:
    """torch.nn.functional.conv2d, plus TensorFlow padding names and HxW input.

    x: HxW, CxHxW or NxCxHxW. w: KxK (one single-channel filter), CxKxK (one filter)
    or OxC/gxKxK. Returns HoutxWout for HxW input with a KxK kernel; otherwise the
    torch shape (OxHoutxWout for CxHxW or HxW input, NxOxHoutxWout for a batch).
    """
    xa = as_float(x)
    w4, single = as_filters(w)
    x4, dropped = batched(xa)
    if dropped == 2 and not single:
        dropped = 1  # HxW input with O filters: treat as 1xHxW, keep O
    stride_p, dil_p = pair(stride, "stride", 1), pair(dilation, "dilation", 1)
    pads = resolve_padding(padding, x4.shape[2:], w4.shape[2:], stride_p, dil_p)
    y = conv2d_nchw(x4, w4, as_bias(b, w4.shape[0]), stride_p, pads, dil_p, groups)
    return unbatched(y, dropped)
