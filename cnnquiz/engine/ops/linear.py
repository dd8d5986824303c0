"""The fully connected layer, as torch.nn.functional.linear computes it: y = x W^T + b."""

from __future__ import annotations

from numpy.typing import ArrayLike

from cnnquiz.errors import OpError

from ._util import FloatArray, as_float


def linear(x: ArrayLike, w: ArrayLike, b: ArrayLike | None = None) -> FloatArray:
    """One input vector (length in) or a batch (N x in); `w` is out x in, `b` length out."""
    xa, wa = as_float(x), as_float(w, "w")
    if wa.ndim != 2 or xa.ndim not in (1, 2) or xa.shape[-1] != wa.shape[1]:
        raise OpError(f"linear needs x of length in (or N x in) and w of out x in, "
                      f"got {xa.shape} and {wa.shape}")
    y: FloatArray = xa @ wa.T
    if b is None:
        return y
    ba = as_float(b, "b")
    if ba.shape != (wa.shape[0],):
        raise OpError(f"b must have {wa.shape[0]} entries (one per output), got {ba.size}")
    return y + ba
