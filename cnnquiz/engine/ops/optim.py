"""torch.optim's update rules as pure functions over a list of gradients.

Each optimiser returns a `Trace`: the starting weights and, per step, a frozen record of
every intermediate quantity (effective gradient, velocity, accumulators, m, v, m_hat,
v_hat, ...), so a worked solution can print each line of the update. The arithmetic
follows torch 2.x's single-tensor code paths (torch/optim/*.py), including where weight
decay enters (added to the gradient, before any state update).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

import numpy as np
from numpy.typing import ArrayLike

from cnnquiz.errors import OpError

from ._util import FloatArray


class _Step(Protocol):
    """What every step record has: the weights after it."""

    @property
    def w(self) -> FloatArray: ...


S = TypeVar("S", bound=_Step)


@dataclass(frozen=True, eq=False)
class Trace(Generic[S]):
    """w0 and one record per step; `weights` are the weights after each step."""

    w0: FloatArray
    steps: tuple[S, ...]

    @property
    def weights(self) -> list[FloatArray]:
        return [s.w for s in self.steps]

    @property
    def final(self) -> FloatArray:
        return self.weights[-1] if self.steps else self.w0


@dataclass(frozen=True, eq=False)
class SgdStep:
    t: int
    grad: FloatArray  # as given
    d_p: FloatArray  # grad + weight_decay * w
    buf: FloatArray | None  # momentum buffer (velocity) after this step
    direction: FloatArray  # what lr multiplies: d_p, buf, or d_p + momentum*buf (nesterov)
    w: FloatArray  # after the step


def _start(w0: ArrayLike, grads: Sequence[ArrayLike]) -> tuple[FloatArray, list[FloatArray]]:
    w: FloatArray = np.array(w0, dtype=np.float64)
    gs: list[FloatArray] = [np.array(g, dtype=np.float64) for g in grads]
    for i, g in enumerate(gs, 1):
        if g.shape != w.shape:
            raise OpError(f"gradient {i} has shape {g.shape}, weights have {w.shape}")
    return w, gs


def _nonneg(**values: float) -> None:
    for name, v in values.items():
        if v < 0:
            raise OpError(f"invalid {name} value: {v} (must be >= 0)")


def sgd(
    w0: ArrayLike, grads: Sequence[ArrayLike], lr: float, momentum: float = 0.0,
    dampening: float = 0.0, nesterov: bool = False, weight_decay: float = 0.0,
) -> Trace[SgdStep]:
    """torch.optim.SGD: buf = d_p on the first step, then momentum*buf + (1-dampening)*d_p."""
    _nonneg(lr=lr, momentum=momentum, weight_decay=weight_decay)
    if nesterov and (momentum <= 0 or dampening != 0):
        raise OpError("Nesterov momentum requires a momentum and zero dampening")
    w, gs = _start(w0, grads)
    w0_copy, buf, steps = w.copy(), None, []
    for t, g in enumerate(gs, 1):
        d_p = g + weight_decay * w
        direction = d_p
        if momentum != 0:
            buf = d_p.copy() if buf is None else momentum * buf + (1 - dampening) * d_p
            direction = d_p + momentum * buf if nesterov else buf
        w = w - lr * direction
        steps.append(SgdStep(t, g, d_p, buf, direction, w))
    return Trace(w0_copy, tuple(steps))


@dataclass(frozen=True, eq=False)
class AdagradStep:
    t: int
    grad: FloatArray
    d_p: FloatArray  # grad + weight_decay * w
    clr: float  # lr / (1 + (t-1) * lr_decay)
    state_sum: FloatArray  # running sum of squared d_p (plus the initial value)
    std: FloatArray  # sqrt(state_sum) + eps
    w: FloatArray


def adagrad(
    w0: ArrayLike, grads: Sequence[ArrayLike], lr: float = 0.01, lr_decay: float = 0.0,
    weight_decay: float = 0.0, initial_accumulator_value: float = 0.0, eps: float = 1e-10,
) -> Trace[AdagradStep]:
    """torch.optim.Adagrad: w -= clr * d_p / (sqrt(sum of d_p^2) + eps); the step shrinks."""
    _nonneg(lr=lr, lr_decay=lr_decay, weight_decay=weight_decay, eps=eps,
            initial_accumulator_value=initial_accumulator_value)
    w, gs = _start(w0, grads)
    w0_copy, steps = w.copy(), []
    state_sum = np.full_like(w, initial_accumulator_value)
    for t, g in enumerate(gs, 1):
        d_p = g + weight_decay * w
        clr = lr / (1 + (t - 1) * lr_decay)
        state_sum = state_sum + d_p * d_p
        std = np.sqrt(state_sum) + eps
        w = w - clr * d_p / std
        steps.append(AdagradStep(t, g, d_p, clr, state_sum, std, w))
    return Trace(w0_copy, tuple(steps))
