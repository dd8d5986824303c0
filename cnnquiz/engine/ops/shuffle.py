"""Pixel shuffle (sub-pixel convolution, ESPCN) and its inverse.

out[c, h*r + i, w*r + j] = in[c*r*r + i*r + j, h, w]: the r*r channels of one group become
the r x r block of one output pixel, which is why a conv with C*r^2 outputs followed by a
shuffle upsamples by r without transposed-convolution checkerboards.
"""

from __future__ import annotations

from numpy.typing import ArrayLike

from cnnquiz.errors import OpError

from ._util import FloatArray, as_float


def pixel_shuffle(x: ArrayLike, r: int) -> FloatArray:
    """torch.nn.functional.pixel_shuffle: (..., C*r^2, H, W) -> (..., C, rH, rW)."""
    xa = as_float(x)
    if r < 1:
        raise OpError(f"upscale factor r must be >= 1, got {r}")
    if xa.ndim < 3:
        raise OpError(f"pixel_shuffle needs at least C x H x W, got shape {xa.shape}")
    *lead, c, h, w = xa.shape
    if c % (r * r):
        raise OpError(f"{c} channels are not divisible by r^2 = {r * r}")
    y = xa.reshape(*lead, c // (r * r), r, r, h, w)
    n = len(lead)
    y = y.transpose(*range(n), n, n + 3, n + 1, n + 4, n + 2)
    return y.reshape(*lead, c // (r * r), h * r, w * r)


def pixel_unshuffle(x: ArrayLike, r: int) -> FloatArray:
    """torch.nn.functional.pixel_unshuffle: (..., C, rH, rW) -> (..., C*r^2, H, W)."""
    xa = as_float(x)
    if r < 1:
        raise OpError(f"downscale factor r must be >= 1, got {r}")
    if xa.ndim < 3:
        raise OpError(f"pixel_unshuffle needs at least C x H x W, got shape {xa.shape}")
    *lead, c, hr, wr = xa.shape
    if hr % r or wr % r:
        raise OpError(f"height {hr} and width {wr} must be divisible by r = {r}")
    h, w = hr // r, wr // r
    y = xa.reshape(*lead, c, h, r, w, r)
    n = len(lead)
    y = y.transpose(*range(n), n, n + 2, n + 4, n + 1, n + 3)
    return y.reshape(*lead, c * r * r, h, w)
