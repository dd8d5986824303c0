"""RMSprop and Adam with torch.optim's exact update rules (see optim.py for the Trace idea).

Adam's bias correction is written as torch computes it: step_size = lr / (1 - beta1^t) and
denom = sqrt(v) / sqrt(1 - beta2^t) + eps, which equals lr * m_hat / (sqrt(v_hat) + eps);
m_hat and v_hat are recorded so the textbook form can be printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from cnnquiz.errors import OpError

from ._util import FloatArray
from .optim import Trace, _nonneg, _start


@dataclass(frozen=True, eq=False)
class RmspropStep:
    t: int
    grad: FloatArray
    d_p: FloatArray  # grad + weight_decay * w
    square_avg: FloatArray  # alpha * square_avg + (1 - alpha) * d_p^2
    grad_avg: FloatArray | None  # centered only: running mean of d_p
    avg: FloatArray  # the denominator: sqrt(square_avg [- grad_avg^2]) + eps
    buf: FloatArray | None  # momentum only: momentum * buf + d_p / avg
    w: FloatArray


def rmsprop(
    w0: ArrayLike, grads: Sequence[ArrayLike], lr: float = 0.01, alpha: float = 0.99,
    eps: float = 1e-8, weight_decay: float = 0.0, momentum: float = 0.0, centered: bool = False,
) -> Trace[RmspropStep]:
    """torch.optim.RMSprop: w -= lr * d_p / (sqrt(square_avg) + eps) (or via the buffer)."""
    _nonneg(lr=lr, alpha=alpha, eps=eps, weight_decay=weight_decay, momentum=momentum)
    w, gs = _start(w0, grads)
    w0_copy, steps = w.copy(), []
    square_avg, grad_avg, buf = np.zeros_like(w), np.zeros_like(w), np.zeros_like(w)
    for t, g in enumerate(gs, 1):
        d_p = g + weight_decay * w
        square_avg = alpha * square_avg + (1 - alpha) * d_p * d_p
        if centered:
            grad_avg = grad_avg + (1 - alpha) * (d_p - grad_avg)
            avg = np.sqrt(square_avg - grad_avg * grad_avg) + eps
        else:
            avg = np.sqrt(square_avg) + eps
        if momentum > 0:
            buf = momentum * buf + d_p / avg
            w = w - lr * buf
        else:
            w = w - lr * d_p / avg
        steps.append(RmspropStep(t, g, d_p, square_avg, grad_avg if centered else None, avg,
                                 buf if momentum > 0 else None, w))
    return Trace(w0_copy, tuple(steps))


@dataclass(frozen=True, eq=False)
class AdamStep:
    t: int
    grad: FloatArray
    d_p: FloatArray  # grad + weight_decay * w (Adam); grad itself for decoupled (AdamW)
    m: FloatArray  # beta1 * m + (1 - beta1) * d_p
    v: FloatArray  # beta2 * v + (1 - beta2) * d_p^2
    v_max: FloatArray | None  # amsgrad only: running maximum of v
    m_hat: FloatArray  # m / (1 - beta1^t)
    v_hat: FloatArray  # v (or v_max) / (1 - beta2^t)
    denom: FloatArray  # sqrt(v_hat) + eps, computed as torch does
    w: FloatArray


def adam(
    w0: ArrayLike, grads: Sequence[ArrayLike], lr: float = 0.001,
    betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8, weight_decay: float = 0.0,
    amsgrad: bool = False, decoupled_weight_decay: bool = False,
) -> Trace[AdamStep]:
    """torch.optim.Adam (AdamW with decoupled_weight_decay: w *= 1 - lr*wd first)."""
    b1, b2 = betas
    _nonneg(lr=lr, eps=eps, weight_decay=weight_decay)
    for i, b in enumerate(betas):
        if not 0.0 <= b < 1.0:
            raise OpError(f"invalid beta parameter at index {i}: {b} (must be in [0, 1))")
    w, gs = _start(w0, grads)
    w0_copy, steps = w.copy(), []
    m, v, v_max = np.zeros_like(w), np.zeros_like(w), np.zeros_like(w)
    for t, g in enumerate(gs, 1):
        d_p = g
        if weight_decay != 0:
            if decoupled_weight_decay:
                w = w * (1 - lr * weight_decay)
            else:
                d_p = g + weight_decay * w
        m = m + (1 - b1) * (d_p - m)
        v = b2 * v + (1 - b2) * d_p * d_p
        bc1, bc2 = 1 - b1**t, 1 - b2**t
        if amsgrad:
            v_max = np.maximum(v_max, v)
        second = v_max if amsgrad else v
        denom = np.sqrt(second) / bc2**0.5 + eps
        w = w - (lr / bc1) * m / denom
        steps.append(AdamStep(t, g, d_p, m, v, v_max if amsgrad else None, m / bc1,
                              second / bc2, denom, w))
    return Trace(w0_copy, tuple(steps))
