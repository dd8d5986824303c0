"""1-D convolution two ways: the signal-processing one (flipped kernel) and torch's conv1d.

Teaching needs both: "two trains passing" is the flipped-kernel convolution of
numpy.convolve (full n+m-1, valid n-m+1, same n), while deep-learning conv1d is a
cross-correlation with stride and zero padding.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from numpy.typing import ArrayLike

from cnnquiz.errors import OpError

from ._util import FloatArray, as_float
from .conv import conv2d

Mode = Literal["full", "valid", "same"]


def _vectors(x: ArrayLike, w: ArrayLike) -> tuple[FloatArray, FloatArray]:
    xa, wa = as_float(x), as_float(w, "w")
    if xa.ndim != 1 or wa.ndim != 1 or xa.size == 0 or wa.size == 0:
        raise OpError("x and w must be non-empty 1-D sequences")
    return xa, wa


def conv1d_modes(x: ArrayLike, w: ArrayLike, mode: Mode = "full", stride: int = 1) -> FloatArray:
    """Convolution with the kernel flipped, as numpy.convolve, then every stride-th entry.

    full: every overlap, length n+m-1. valid: only full overlaps, n-m+1 (needs m <= n).
    same: length n, the centre of full starting at index (m-1)//2 (numpy's alignment).
    """
    xa, wa = _vectors(x, w)
    n, m = xa.size, wa.size
    if stride < 1:
        raise OpError(f"stride must be >= 1, got {stride}")
    full = np.convolve(xa, wa, mode="full")
    if mode == "full":
        out = full
    elif mode == "valid":
        if m > n:
            raise OpError(f"valid mode needs a kernel no longer than the signal ({m} > {n})")
        out = full[m - 1 : n]
    elif mode == "same":
        start = (m - 1) // 2
        out = full[start : start + n]
    else:
        raise OpError(f"mode must be 'full', 'valid' or 'same', got {mode!r}")
    return np.ascontiguousarray(out[::stride])


def correlate1d(
    x: ArrayLike, w: ArrayLike, stride: int = 1, padding: int | str = 0, dilation: int = 1
) -> FloatArray:
    """torch.nn.functional.conv1d on one channel and one filter: no flip.

    Length floor((n + 2p - d(m-1) - 1) / s) + 1; padding may also be "valid"/"same"/"full"
    (TensorFlow semantics, odd extra pad on the right).
    """
    xa, wa = _vectors(x, w)
    pad: int | tuple[int, int] | str = padding if isinstance(padding, str) else (0, padding)
    y = conv2d(xa[None, :], wa[None, :], stride=(1, stride), padding=pad, dilation=(1, dilation))
    row: FloatArray = y[0]
    return row
