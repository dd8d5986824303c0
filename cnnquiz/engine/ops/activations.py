"""Activations and their derivatives, written to be numerically safe at large |x|.

The derivatives are what the vanishing-gradient questions ask about: sigmoid's is at most
0.25 (at 0), tanh's at most 1, ReLU's is 1 for x > 0 and 0 otherwise (0 at exactly 0, as
torch's backward gives).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ._util import FloatArray, as_float


def sigmoid(x: ArrayLike) -> FloatArray:
    """1 / (1 + e^-x), evaluated without overflow for large negative x."""
    xa = as_float(x)
    e = np.exp(-np.abs(xa))
    return np.where(xa >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_grad(x: ArrayLike) -> FloatArray:
    """sigma(x) * (1 - sigma(x)); 0.25 at x = 0, the largest value it takes."""
    s = sigmoid(x)
    return s * (1.0 - s)


def tanh(x: ArrayLike) -> FloatArray:
    """Hyperbolic tangent, range (-1, 1), zero-centred unlike the sigmoid."""
    return np.tanh(as_float(x))


def tanh_grad(x: ArrayLike) -> FloatArray:
    """1 - tanh(x)^2; 1 at x = 0."""
    t = np.tanh(as_float(x))
    return 1.0 - t * t


def relu(x: ArrayLike) -> FloatArray:
    """max(0, x)."""
    xa = as_float(x)
    return np.maximum(xa, 0.0).astype(xa.dtype)


def relu_grad(x: ArrayLike) -> FloatArray:
    """1 where x > 0, else 0 (dead units pass no gradient)."""
    xa = as_float(x)
    return (xa > 0).astype(xa.dtype)


def leaky_relu(x: ArrayLike, negative_slope: float = 0.01) -> FloatArray:
    """x for x >= 0, negative_slope * x below (torch's default slope 0.01)."""
    xa = as_float(x)
    return np.where(xa >= 0, xa, negative_slope * xa)


def leaky_relu_grad(x: ArrayLike, negative_slope: float = 0.01) -> FloatArray:
    """1 for x > 0, negative_slope otherwise."""
    xa = as_float(x)
    return np.where(xa > 0, 1.0, negative_slope)
