"""Softmax probabilities and cross-entropy from a few small logits (natural log, as torch).

Specs (contract): `{"op": "softmax", "z": [...], "at": [i]}` and `{"op": "cross_entropy",
"z": C logits or N x C, "target": class index or N indices}` (torch's mean over the batch;
`"label_smoothing": eps` as torch's keyword when present).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from cnnquiz.engine import ops
from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.hand_common import (
    approx,
    decimals_answer,
    decimals_text,
    fmt,
    keep_mistakes,
    signed,
    vec,
)


def _logits(t: Ctx, n: int, step: float, base: int = 0) -> list[Any]:
    def draw() -> list[Any] | None:
        z = [base + t.rng.randrange(-4, 7) * step if step != 1 else base + t.rng.randrange(-2, 4)
             for _ in range(n)]
        z = [int(v) if float(v).is_integer() else v for v in z]
        return z if len(set(z)) > 1 else None

    return t.redraw(draw, "logits that are not all equal")


def _softmax_lines(t: Ctx, z: list[Any]) -> list[str]:
    m = max(z)
    shifted = [v - m for v in z]
    e = [math.exp(v) for v in shifted]
    p = ops.softmax(z)
    return [
        t.tr(f"Subtract the largest logit ({fmt(m)}; softmax does not change): {vec(shifted)}",
             f"先减去最大的 logit（{fmt(m)}；softmax 结果不变）：{vec(shifted)}"),
        t.tr(f"Exponentiate: {vec(e)}, sum = {fmt(sum(e))}",
             f"取指数：{vec(e)}，和 = {fmt(sum(e))}"),
        t.tr(f"Divide by the sum: softmax = {vec(p)} (adds up to 1)",
             f"除以和：softmax = {vec(p)}（总和为 1）"),
    ]


@template("loss.softmax", "smx", "losses", title=("Softmax by hand", "手算 Softmax"))
def softmax_prob(t: Ctx) -> Draft:
    z = t.by_level(_logits(t, 3, 1), _logits(t, 4, 0.5),
                   _logits(t, t.choice((3, 4)), 1, t.choice((100, 500, 1000, -50))))
    i = t.rng.randrange(len(z))
    p = ops.softmax(z)
    prompt = t.tr(f"The logits of a {len(z)}-class classifier are z = {vec(z)}. What probability "
                  f"does softmax give class {i} (0-based)? ",
                  f"一个 {len(z)} 类分类器输出的 logits 为 z = {vec(z)}。softmax 给第 {i} 类"
                  "（从 0 开始）的概率是多少？") + decimals_text(t, 4)
    solution = [*_softmax_lines(t, z), t.tr(f"Answer: p[{i}] {approx(p[i], 4)}",
                                            f"答案：p[{i}] {approx(p[i], 4)}")]
    za = np.asarray(z, dtype=float)
    mistakes: list[Wrong] = [
        Wrong("forgot-exp", za[i] / za.sum() if (za > 0).all() else None),
        Wrong("sigmoid-not-softmax", float(ops.sigmoid(za[i])) if t.level < 3 else None),
    ]
    answer = decimals_answer(p[i], 4)
    spec = {"op": "softmax", "z": z, "at": [i]}
    return Draft(prompt, answer, solution, spec, keep_mistakes(answer, mistakes))


@template("loss.cross_entropy", "cel", "losses",
          title=("Cross-entropy by hand", "手算交叉熵"))
def cross_entropy(t: Ctx) -> Draft:
    eps = t.choice((0.1, 0.2)) if t.level == 3 else 0.0
    if t.level == 2:
        c = t.choice((3, 4))
        z: Any = [_logits(t, c, 1) for _ in range(2)]
        target: Any = [t.rng.randrange(c) for _ in range(2)]
    else:
        z = _logits(t, t.by_level(3, 3, t.choice((3, 4))), 1)
        target = t.rng.randrange(len(z))
    loss = float(ops.cross_entropy(z, target, label_smoothing=eps))
    rows = z if t.level == 2 else [z]
    targets = target if t.level == 2 else [target]
    if t.level == 2:
        setting_en = (f"A batch of two samples has logits {vec(z[0])} and {vec(z[1])} with "
                      f"target classes {target[0]} and {target[1]} (0-based). What is "
                      "`F.cross_entropy` (default reduction: the mean over the batch)? ")
        setting_zh = (f"一个批次有两个样本，logits 分别为 {vec(z[0])} 和 {vec(z[1])}，目标类别分别为 "
                      f"{target[0]} 和 {target[1]}（从 0 开始）。`F.cross_entropy` 的值（默认对批次"
                      "取平均）是多少？")
    else:
        ls_en = (f" with `label_smoothing={fmt(eps)}` (the target becomes (1-eps) on the true "
                 f"class plus eps/C on every class)") if eps else ""
        ls_zh = (f"，`label_smoothing={fmt(eps)}`（目标分布变为真实类别 (1-eps)，再给每一类加 "
                 "eps/C）") if eps else ""
        setting_en = (f"The logits are z = {vec(z)} and the target class is {target} (0-based). "
                      f"What is the cross-entropy loss (`F.cross_entropy`){ls_en}? ")
        setting_zh = (f"logits 为 z = {vec(z)}，目标类别为 {target}（从 0 开始）。交叉熵损失"
                      f"（`F.cross_entropy`{ls_zh}）是多少？")
    prompt = t.tr(setting_en + "Use the natural log. ", setting_zh + "使用自然对数。") \
        + decimals_text(t, 4)
    solution: list[str] = []
    per: list[float] = []
    for zz, tt in zip(rows, targets, strict=True):
        lse = float(np.log(np.exp(np.asarray(zz, float) - max(zz)).sum())) + max(zz)
        logp = ops.log_softmax(zz)
        per.append(-float(logp[tt]))
        solution.append(t.tr(
            f"z = {vec(zz)}: log-sum-exp = ln(sum e^z) = {fmt(lse)}; "
            f"-log softmax(z)[{tt}] = {fmt(lse)} - {signed(zz[tt])} = {fmt(-logp[tt])}",
            f"z = {vec(zz)}：log-sum-exp = ln(sum e^z) = {fmt(lse)}；"
            f"-log softmax(z)[{tt}] = {fmt(lse)} - {signed(zz[tt])} = {fmt(-logp[tt])}"))
        if eps:
            q = (1 - eps) * np.eye(len(zz))[tt] + eps / len(zz)
            solution.append(t.tr(
                f"Smoothed target q = {vec(q)}; loss = -sum q_c log p_c with log p = {vec(logp)}",
                f"平滑后的目标 q = {vec(q)}；损失 = -sum q_c log p_c，其中 log p = {vec(logp)}"))
    if t.level == 2:
        solution.append(t.tr(f"Mean over the batch: ({fmt(per[0])} + {fmt(per[1])})/2",
                             f"对批次取平均：({fmt(per[0])} + {fmt(per[1])})/2"))
    solution.append(t.tr(f"Answer: {approx(loss, 4)}", f"答案：{approx(loss, 4)}"))
    mean = float(np.mean(per))
    za = np.asarray(rows, dtype=float)
    positive = bool((za > 0).all())
    ratio = [za[k, tt] / za[k].sum() for k, tt in enumerate(targets)] if positive else []
    mistakes: list[Wrong] = [
        Wrong("wrong-log-base", loss / math.log(2)),
        Wrong("wrong-log-base", loss / math.log(10)),
        Wrong("forgot-exp", float(np.mean([-math.log(r) for r in ratio]))
         if positive and not eps else None),
        Wrong("used-target-logit", float(np.mean([-za[k, tt] for k, tt in enumerate(targets)]))),
        Wrong("summed-not-averaged", sum(per) if t.level == 2 else None),
        Wrong("ignored-label-smoothing", mean if eps else None),
    ]
    answer: Answer = decimals_answer(loss, 4)
    spec: dict[str, Any] = {"op": "cross_entropy", "z": z, "target": target}
    if eps:
        spec["label_smoothing"] = eps
    return Draft(prompt, answer, solution, spec, keep_mistakes(answer, mistakes))
