"""Softmax, cross-entropy and friends, with torch's conventions (natural logarithm).

All logs are natural (nats) unless `base` is given (base=2 gives bits). Softmax subtracts
the maximum first so exp never overflows; cross-entropy goes through log_softmax for the
same reason, which is also why torch takes logits rather than probabilities.
"""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike

from cnnquiz.errors import OpError

from ._util import FloatArray, as_float

Reduction = Literal["mean", "sum", "none"]


def softmax(z: ArrayLike, axis: int = -1) -> FloatArray:
    """exp(z - max) / sum exp(z - max) along axis: entries in (0, 1) summing to 1."""
    za = as_float(z, "z")
    e = np.exp(za - za.max(axis=axis, keepdims=True))
    out: FloatArray = e / e.sum(axis=axis, keepdims=True)
    return out


def log_softmax(z: ArrayLike, axis: int = -1) -> FloatArray:
    """z - logsumexp(z), computed stably."""
    za = as_float(z, "z")
    shifted = za - za.max(axis=axis, keepdims=True)
    out: FloatArray = shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))
    return out


def _reduce(losses: FloatArray, reduction: Reduction) -> float | FloatArray:
    if reduction == "mean":
        return float(losses.mean())
    if reduction == "sum":
        return float(losses.sum())
    if reduction == "none":
        return losses
    raise OpError(f"reduction must be 'mean', 'sum' or 'none', got {reduction!r}")


def cross_entropy(
    z: ArrayLike, target: ArrayLike, reduction: Reduction = "mean", label_smoothing: float = 0.0
) -> float | FloatArray:
    """torch.nn.functional.cross_entropy on logits z (C or N x C).

    target: class indices (an int for C logits, N ints for N x C), or class probabilities
    of z's shape (float array). Loss per sample: -sum_c t_c log softmax(z)_c.
    """
    za = as_float(z, "z")
    if za.ndim not in (1, 2) or za.shape[-1] == 0:
        raise OpError(f"z must be C or N x C logits, got shape {za.shape}")
    if not 0.0 <= label_smoothing <= 1.0:
        raise OpError(f"label_smoothing must be in [0, 1], got {label_smoothing}")
    t = np.asarray(target)
    n_cls = za.shape[-1]
    if np.issubdtype(t.dtype, np.integer) or t.dtype == bool:
        if t.shape != za.shape[:-1]:
            raise OpError(f"class-index target must have shape {za.shape[:-1]}, got {t.shape}")
        if t.size and (t.min() < 0 or t.max() >= n_cls):
            raise OpError(f"target class out of range 0..{n_cls - 1}")
        probs = np.eye(n_cls)[t]
    elif t.shape == za.shape:
        probs = t.astype(np.float64)
    else:
        raise OpError("target must be class indices or probabilities shaped like z")
    probs = probs * (1.0 - label_smoothing) + label_smoothing / n_cls
    losses = -(probs * log_softmax(za)).sum(axis=-1)
    if za.ndim == 1:
        return float(losses) if reduction != "none" else losses
    return _reduce(losses, reduction)


def binary_cross_entropy(
    p: ArrayLike, y: ArrayLike, reduction: Reduction = "mean"
) -> float | FloatArray:
    """torch's binary_cross_entropy on probabilities: logs clamped at -100 like torch."""
    pa, ya = as_float(p, "p"), as_float(y, "y")
    if pa.shape != ya.shape:
        raise OpError(f"p and y shapes differ: {pa.shape} vs {ya.shape}")
    if pa.size and (pa.min() < 0 or pa.max() > 1):
        raise OpError("all elements of p should be between 0 and 1")
    with np.errstate(divide="ignore"):
        log_p, log_q = np.maximum(np.log(pa), -100.0), np.maximum(np.log1p(-pa), -100.0)
    return _reduce(-(ya * log_p + (1 - ya) * log_q), reduction)


def binary_cross_entropy_with_logits(
    z: ArrayLike, y: ArrayLike, reduction: Reduction = "mean"
) -> float | FloatArray:
    """BCE on logits, as max(z, 0) - z*y + log(1 + e^-|z|) (no overflow)."""
    za, ya = as_float(z, "z"), as_float(y, "y")
    losses = np.maximum(za, 0) - za * ya + np.log1p(np.exp(-np.abs(za)))
    return _reduce(losses, reduction)


def mse(a: ArrayLike, b: ArrayLike, reduction: Reduction = "mean") -> float | FloatArray:
    """Mean squared error, torch.nn.functional.mse_loss."""
    aa, ba = as_float(a, "a"), as_float(b, "b")
    if aa.shape != ba.shape:
        raise OpError(f"shapes differ: {aa.shape} vs {ba.shape}")
    return _reduce((aa - ba) ** 2, reduction)


def _distributions(p: ArrayLike, q: ArrayLike) -> tuple[FloatArray, FloatArray]:
    pa, qa = as_float(p, "p"), as_float(q, "q")
    if pa.shape != qa.shape:
        raise OpError(f"p and q shapes differ: {pa.shape} vs {qa.shape}")
    if (pa < 0).any() or (qa < 0).any():
        raise OpError("probabilities must be non-negative")
    return pa, qa


def kl_div(p: ArrayLike, q: ArrayLike, base: float | None = None) -> float:
    """KL(p || q) = sum p log(p / q); terms with p = 0 count 0, p > 0 = q gives inf.

    torch equivalent: F.kl_div(q.log(), p, reduction="sum") (torch takes log q first).
    """
    pa, qa = _distributions(p, q)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(pa > 0, pa * (np.log(pa) - np.log(qa)), 0.0)
    total = float(terms.sum())
    return total / math.log(base) if base else total


def js_div(p: ArrayLike, q: ArrayLike, base: float | None = None) -> float:
    """Jensen-Shannon: (KL(p||m) + KL(q||m)) / 2 with m = (p+q)/2; at most ln 2 (1 bit)."""
    pa, qa = _distributions(p, q)
    m = (pa + qa) / 2
    return (kl_div(pa, m, base) + kl_div(qa, m, base)) / 2
