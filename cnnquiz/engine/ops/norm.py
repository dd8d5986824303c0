"""Batch normalisation and the L1 / L2 penalties, as worked solutions need them.

batch_norm returns the statistics alongside the output because a by-hand answer shows
them: normalisation uses the biased batch variance, while the running variance is updated
with the unbiased one (n / (n - 1)), exactly as torch does.

L2 convention: penalty (lam / 2) * sum w^2, whose gradient lam * w is torch's weight_decay
term; so one SGD step multiplies w by (1 - lr * lam) before the data gradient is applied.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from cnnquiz.errors import OpError

from ._util import FloatArray, as_float


@dataclass(frozen=True, eq=False)
class BatchNormResult:
    out: FloatArray
    mean: FloatArray  # per channel, the statistic used to normalise
    var: FloatArray  # per channel, biased (training) or the running variance (eval)
    running_mean: FloatArray | None  # after this call (updated in training)
    running_var: FloatArray | None


def _channel_vec(v: ArrayLike | None, c: int, name: str, fill: float) -> FloatArray:
    if v is None:
        return np.full(c, fill)
    arr = as_float(v, name).reshape(-1)
    if arr.shape != (c,):
        raise OpError(f"{name} must have one entry per channel ({c}), got {arr.size}")
    return arr


def batch_norm(
    x: ArrayLike, gamma: ArrayLike | None = None, beta: ArrayLike | None = None,
    running_mean: ArrayLike | None = None, running_var: ArrayLike | None = None,
    training: bool = True, momentum: float = 0.1, eps: float = 1e-5,
) -> BatchNormResult:
    """torch.nn.functional.batch_norm for N x C or N x C x H x W (any N x C x ...).

    Training: normalise by the batch mean and biased variance over every axis but C, and
    move running stats by running = (1 - momentum) running + momentum * batch (unbiased var).
    Eval: normalise by the running stats (required).
    """
    xa = as_float(x)
    if xa.ndim < 2:
        raise OpError(f"batch_norm needs N x C or N x C x ..., got shape {xa.shape}")
    c = xa.shape[1]
    axes = (0, *range(2, xa.ndim))
    bshape = (1, c) + (1,) * (xa.ndim - 2)
    g, b = _channel_vec(gamma, c, "gamma", 1.0), _channel_vec(beta, c, "beta", 0.0)
    rm = None if running_mean is None else _channel_vec(running_mean, c, "running_mean", 0.0)
    rv = None if running_var is None else _channel_vec(running_var, c, "running_var", 1.0)
    if training:
        n = xa.size // c
        if n <= 1:
            raise OpError(f"expected more than 1 value per channel when training, got {n}")
        mean, var = xa.mean(axis=axes), xa.var(axis=axes)
        if rm is not None:
            rm = (1 - momentum) * rm + momentum * mean
        if rv is not None:
            rv = (1 - momentum) * rv + momentum * var * n / (n - 1)
    else:
        if rm is None or rv is None:
            raise OpError("eval mode needs running_mean and running_var")
        mean, var = rm, rv
    xhat = (xa - mean.reshape(bshape)) / np.sqrt(var.reshape(bshape) + eps)
    out = xhat * g.reshape(bshape) + b.reshape(bshape)
    return BatchNormResult(out, mean, var, rm, rv)


def l1_penalty(w: ArrayLike, lam: float) -> float:
    """lam * sum |w|."""
    return float(lam * np.abs(as_float(w, "w")).sum())


def l2_penalty(w: ArrayLike, lam: float) -> float:
    """(lam / 2) * sum w^2, the penalty whose gradient is torch's weight_decay term."""
    return float(lam / 2 * (as_float(w, "w") ** 2).sum())


def l1_grad(w: ArrayLike, lam: float) -> FloatArray:
    """lam * sign(w) (subgradient 0 at w = 0): a constant pull toward 0, giving sparsity."""
    return lam * np.sign(as_float(w, "w"))


def l2_grad(w: ArrayLike, lam: float) -> FloatArray:
    """lam * w: a pull proportional to the weight, shrinking without zeroing."""
    return lam * as_float(w, "w")


def l1_update(w: ArrayLike, lam: float, lr: float) -> FloatArray:
    """What the L1 term adds to one SGD step: -lr * lam * sign(w)."""
    return -lr * l1_grad(w, lam)


def l2_update(w: ArrayLike, lam: float, lr: float) -> FloatArray:
    """What weight decay adds to one SGD step: -lr * lam * w, i.e. w -> (1 - lr*lam) w."""
    return -lr * l2_grad(w, lam)
