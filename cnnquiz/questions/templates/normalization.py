"""Batch normalisation forward by hand for a tiny batch (training mode, biased variance).

Spec (contract name): `{"op": "batch_norm", "x": N x C or N x C x H x W, "weight": gamma,
"bias": beta, "eps": eps, "training": true, "at": [index into the output]}`, i.e.
`F.batch_norm(x, None, None, weight, bias, training=True, eps=eps)[at]`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from cnnquiz.engine import ops
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.hand_common import (
    approx,
    decimals_answer,
    decimals_text,
    fmt,
    grid,
    keep_mistakes,
    signed,
    vec,
)


def _batch(t: Ctx, shape: tuple[int, ...]) -> np.ndarray:
    def draw() -> np.ndarray | None:
        x = np.asarray([t.rng.randrange(0, 11) for _ in range(int(np.prod(shape)))],
                       dtype=float).reshape(shape)
        axes = (0, *range(2, x.ndim))
        return x if (x.var(axis=axes) > 0).all() else None

    return t.redraw(draw, "batch whose every channel varies")


def _show(x: np.ndarray, legend: str) -> str:
    if x.ndim == 2:
        return f"x ({legend}) =\n{grid(x)}"
    return "\n\n".join(f"x[{i}, {j}] =\n{grid(x[i, j])}" for i in range(x.shape[0])
                       for j in range(x.shape[1]))


def _per_sample(x: np.ndarray, eps: float) -> np.ndarray:
    """Statistics of each sample over its own features (LayerNorm's axis, the wrong one here)."""
    flat = x.reshape(x.shape[0], -1)
    return ops.batch_norm(flat.T, eps=eps).out.T.reshape(x.shape)


@template("norm.batch_norm", "bnm", "normalization",
          title=("Batch normalisation by hand", "手算批归一化"))
def batch_norm(t: Ctx) -> Draft:
    shape = t.by_level((4, 1), (4, 2), (2, 2, 2, 2))
    x = _batch(t, shape)
    c = shape[1]
    gamma = [1.0] * c if t.level == 1 else [t.choice((0.5, 1.0, 1.5, 2.0, -1.0)) for _ in range(c)]
    beta = [0.0] * c if t.level == 1 else [t.choice((-1.0, 0.0, 0.5, 1.0, 2.0)) for _ in range(c)]
    eps = t.choice((0.01, 0.1)) if t.level == 3 else 1e-5
    at = [t.rng.randrange(d) for d in shape]
    ch = at[1]
    res = ops.batch_norm(x, gamma, beta, training=True, eps=eps)
    value = float(res.out[tuple(at)])
    mean, var = float(res.mean[ch]), float(res.var[ch])
    v = float(x[tuple(at)])
    xhat = (v - mean) / np.sqrt(var + eps)
    if t.level == 1:
        what_en = (f"A `BatchNorm1d(1)` layer in training mode (gamma = 1, beta = 0, eps = 1e-5) "
                   f"receives a batch of {shape[0]} values of one feature: {vec(x[:, 0])}. What "
                   f"is the normalised value of sample {at[0]} (0-based)?")
        what_zh = (f"训练模式下的 `BatchNorm1d(1)` 层（gamma = 1，beta = 0，eps = 1e-5）收到一个批次，"
                   f"某个特征的 {shape[0]} 个值为 {vec(x[:, 0])}。第 {at[0]} 个样本（从 0 开始）"
                   "归一化后的值是多少？")
    else:
        layer = "BatchNorm1d" if t.level == 2 else "BatchNorm2d"
        shown = "N x C" if t.level == 2 else "N x C x H x W"
        what_en = (f"A `{layer}({c}, eps={fmt(eps)})` layer in training mode with gamma = "
                   f"{vec(gamma)} and beta = {vec(beta)} receives this {shown} batch x. What is "
                   f"the output at index {vec(at)} (0-based)?")
        what_zh = (f"训练模式下的 `{layer}({c}, eps={fmt(eps)})` 层，gamma = {vec(gamma)}，"
                   f"beta = {vec(beta)}，输入如下 {shown} 的批次 x。输出在下标 {vec(at)}"
                   "（从 0 开始）处的值是多少？")
        what_en += "\n\n" + _show(x, "rows: samples, columns: features") + "\n\n"
        what_zh += "\n\n" + _show(x, "行：样本，列：特征") + "\n\n"
    sep = " " if t.level == 1 else ""
    prompt = t.tr(what_en + sep + "Normalise with the batch mean and the biased variance "
                  "(divide by the number of values), as PyTorch does in training. ",
                  what_zh + "按 PyTorch 训练时的做法，用批次均值和有偏方差（除以数值个数）归一化。") \
        + decimals_text(t, 4)
    vals = x[:, ch] if x.ndim == 2 else x[:, ch].ravel()
    n = vals.size
    solution = [
        t.tr(f"Channel {ch} statistics over {'the batch' if x.ndim == 2 else 'N, H and W'}: "
             f"values {vec(vals)}", f"通道 {ch} 的统计量（在{'批次' if x.ndim == 2 else ' N、H、W '}上）："
             f"数值 {vec(vals)}"),
        f"mean = {fmt(vals.sum())}/{n} = {fmt(mean)}; var = sum (x - mean)^2 / {n} = {fmt(var)}",
        f"x_hat = ({fmt(v)} - {fmt(mean)}) / sqrt({fmt(var)} + {fmt(eps)}) = {fmt(xhat)}",
    ]
    if t.level > 1:
        solution.append(f"y = gamma * x_hat + beta = {fmt(gamma[ch])} * {fmt(xhat)} + "
                        f"{signed(beta[ch])} = {fmt(value)}")
    solution.append(t.tr(f"Answer: {approx(value, 4)}", f"答案：{approx(value, 4)}"))
    g, b = gamma[ch], beta[ch]
    unbiased = var * n / (n - 1)
    mistakes: list[Wrong] = [
        Wrong("unbiased-variance", g * (v - mean) / np.sqrt(unbiased + eps) + b),
        Wrong("forgot-sqrt", g * (v - mean) / (var + eps) + b,
         t.tr("Divide by the standard deviation sqrt(var + eps), not by the variance.",
              "要除以标准差 sqrt(var + eps)，而不是方差。")),
        Wrong("forgot-gamma-beta", xhat if t.level > 1 else None),
        Wrong("stats-over-wrong-axis", g * float(_per_sample(x, eps)[tuple(at)]) + b
         if t.level > 1 else None),
        Wrong("eps-outside-sqrt", g * (v - mean) / (np.sqrt(var) + eps) + b if t.level == 3 else None),
    ]
    answer = decimals_answer(value, 4)
    spec: dict[str, Any] = {"op": "batch_norm", "x": x.astype(int).tolist(), "weight": gamma,
                            "bias": beta, "eps": eps, "training": True, "at": at}
    return Draft(prompt, answer, solution, spec, keep_mistakes(answer, mistakes))
