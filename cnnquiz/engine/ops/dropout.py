"""Dropout's two conventions, with the mask passed in so answers are reproducible.

A mask is boolean, True = unit kept. Inverted dropout (what torch does) scales kept units
by 1/(1-p) during training and does nothing at test; classic dropout (the original paper)
leaves training outputs unscaled and multiplies by the keep probability 1-p at test.
Either way the expected activation is the same in training and at test.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

from cnnquiz.errors import OpError

from ._util import FloatArray, as_float


def _check_p(p: float) -> float:
    if not 0.0 <= p <= 1.0:
        raise OpError(f"dropout probability has to be between 0 and 1, but got {p}")
    return float(p)


def dropout_mask(shape: int | Sequence[int], p: float, seed: int) -> NDArray[np.bool_]:
    """Keep mask from numpy's default Generator: each unit kept with probability 1-p."""
    p = _check_p(p)
    return np.random.default_rng(seed).random(shape) >= p


def _masked(x: ArrayLike, mask: ArrayLike) -> tuple[FloatArray, NDArray[np.bool_]]:
    xa, m = as_float(x), np.asarray(mask, dtype=bool)
    if m.shape != xa.shape:
        raise OpError(f"mask shape {m.shape} differs from x shape {xa.shape}")
    return xa, m


def train_scale(p: float) -> float:
    """Factor kept units are multiplied by in training under inverted dropout: 1/(1-p)."""
    p = _check_p(p)
    if p == 1.0:
        raise OpError("p = 1 drops every unit; the scale 1/(1-p) is undefined")
    return 1.0 / (1.0 - p)


def eval_scale(p: float) -> float:
    """Factor outputs (or weights) are multiplied by at test under classic dropout: 1-p."""
    return 1.0 - _check_p(p)


def expected_zeroed(n: int, p: float) -> float:
    """Expected number of dropped units out of n: n*p (e.g. 1000 at p=0.4 -> 400)."""
    return n * _check_p(p)


def inverted_dropout(x: ArrayLike, p: float, mask: ArrayLike) -> FloatArray:
    """Training-time torch dropout: kept units times 1/(1-p), dropped ones 0 (all 0 at p=1)."""
    xa, m = _masked(x, mask)
    if _check_p(p) == 1.0:
        return np.zeros_like(xa)
    return np.where(m, xa * train_scale(p), 0.0).astype(xa.dtype)


def classic_dropout_train(x: ArrayLike, mask: ArrayLike) -> FloatArray:
    """Original-paper training: dropped units 0, kept ones unchanged."""
    xa, m = _masked(x, mask)
    return np.where(m, xa, 0.0).astype(xa.dtype)


def classic_dropout_test(x: ArrayLike, p: float) -> FloatArray:
    """Original-paper test time: every unit present, scaled by the keep probability 1-p."""
    xa = as_float(x)
    return xa * eval_scale(p)
