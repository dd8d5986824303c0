"""L1 / L2 regularisation: the penalty value, and SGD steps with weight decay or an L1 term.

Specs: `{"op": "penalty", "w": [...], "l1": a, "l2": b}` (invented) is a*sum|w| +
(b/2)*sum w^2 (the 1/2 makes the L2 gradient b*w, torch's weight_decay term). Updates use
the contract's `{"op": "sgd", "w0": [w], "grads": [[g1], ...], "lr": lr, "weight_decay":
lam, "at": [0]}`, or the invented `{"op": "sgd_l1", ..., "l1": lam}`: plain SGD on the
gradient g + lam*sign(w) (sign(0) = 0), recomputed at every step.
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
    keep_mistakes,
    plain,
    signed,
    vec,
)

_LAMBDAS = (0.01, 0.05, 0.1, 0.2, 0.5, 0.001)


@template("reg.penalty", "rgp", "regularization",
          title=("L1 and L2 penalties", "L1 与 L2 正则项"))
def penalty(t: Ctx) -> Draft:
    n = t.by_level(3, t.choice((4, 5)), t.choice((3, 4)))
    top, div = t.by_level((4, 1), (30, 10), (8, 2))
    w = [plain(t.choice([k for k in range(-top, top + 1) if k]) / div) for _ in range(n)]
    kind = t.choice(("l1", "l2")) if t.level < 3 else "both"
    l1 = t.choice(_LAMBDAS) if kind in ("l1", "both") else 0.0
    l2 = t.choice(_LAMBDAS) if kind in ("l2", "both") else 0.0
    p1, p2 = ops.l1_penalty(w, l1), ops.l2_penalty(w, l2)
    value = p1 + p2
    abs_sum, sq_sum = float(np.abs(w).sum()), float((np.asarray(w) ** 2).sum())
    name = {"l1": f"L1 penalty lambda * sum|w| with lambda = {fmt(l1)}",
            "l2": f"L2 penalty (lambda/2) * sum w^2 with lambda = {fmt(l2)}",
            "both": f"elastic-net penalty a * sum|w| + (b/2) * sum w^2 with a = {fmt(l1)}, "
                    f"b = {fmt(l2)}"}[kind]
    # zh: the coefficients first, so the question cannot read as asking for lambda
    name_zh = {"l1": f"取 lambda = {fmt(l1)}，L1 正则项 lambda * sum|w|",
               "l2": f"取 lambda = {fmt(l2)}，L2 正则项 (lambda/2) * sum w^2",
               "both": f"取 a = {fmt(l1)}、b = {fmt(l2)}，弹性网络正则项 a * sum|w| + "
                       "(b/2) * sum w^2"}[kind]
    prompt = t.tr(f"A layer has the weights w = {vec(w)}. What is the {name}? ",
                  f"某层的权重为 w = {vec(w)}。{name_zh} 的值是多少？") + decimals_text(t, 4)
    solution = []
    if l1:
        solution.append(f"sum|w| = {' + '.join(fmt(abs(v)) for v in w)} = {fmt(abs_sum)}; "
                        f"{fmt(l1)} * {fmt(abs_sum)} = {fmt(p1)}")
    if l2:
        solution.append(f"sum w^2 = {' + '.join(fmt(v * v) for v in w)} = {fmt(sq_sum)}; "
                        f"{fmt(l2)}/2 * {fmt(sq_sum)} = {fmt(p2)}")
    solution.append(t.tr(f"Answer: {approx(value, 4)}", f"答案：{approx(value, 4)}"))
    mistakes: list[Wrong] = [
        Wrong("l2-forgot-half", p1 + 2 * p2 if l2 else None),
        Wrong("l1-no-abs", l1 * float(np.sum(w)) + p2 if l1 else None),
        Wrong("l1-l2-swapped", ops.l2_penalty(w, l1) + ops.l1_penalty(w, l2)),
    ]
    answer = decimals_answer(value, 4)
    spec = {"op": "penalty", "w": w, "l1": l1, "l2": l2}
    return Draft(prompt, answer, solution, spec, keep_mistakes(answer, mistakes))


def _run(w0: float, grads: list[float], lr: float, lam: float, kind: str,
         decay_lr: bool = True) -> float:
    """SGD with weight decay (L2) or an L1 term; decay_lr=False is the unscaled-decay slip."""
    w = float(w0)
    for g in grads:
        if kind == "l2" and decay_lr:
            w = float(ops.sgd([w], [[g]], lr, weight_decay=lam).final[0])
        elif kind == "l2":
            w = float(ops.sgd([w], [[g]], lr).final[0]) + float(ops.l2_update([w], lam, 1.0)[0])
        else:
            eff = g + float(ops.l1_grad([w], lam)[0])
            w = float(ops.sgd([w], [[eff]], lr).final[0]) if decay_lr else \
                float(ops.sgd([w], [[g]], lr).final[0]) + float(ops.l1_update([w], lam, 1.0)[0])
    return w


@template("reg.update", "rgu", "regularization",
          title=("SGD with weight decay or L1", "带权重衰减或 L1 的 SGD 更新"))
def reg_update(t: Ctx) -> Draft:
    kind = t.by_level("l2", "l1", t.choice(("l1", "l2")))
    steps = 2 if t.level == 3 else 1
    w0 = t.choice([k for k in range(-20, 21) if k]) / 10
    grads = [t.choice([k for k in range(-20, 21) if k]) / 10 for _ in range(steps)]
    lr, lam = t.choice((0.1, 0.5, 0.01, 0.2)), t.choice((0.1, 0.01, 0.5, 0.05))
    value = _run(w0, grads, lr, lam, kind)
    rule = {"l2": "w <- w - lr * (g + lambda * w)",
            "l1": "w <- w - lr * (g + lambda * sign(w))"}[kind]
    term_en = {"l2": f"weight decay lambda = {fmt(lam)} (torch.optim.SGD's `weight_decay`)",
               "l1": f"an L1 penalty lambda * |w| with lambda = {fmt(lam)}"}[kind]
    term_zh = {"l2": f"权重衰减 lambda = {fmt(lam)}（torch.optim.SGD 的 `weight_decay`）",
               "l1": f"L1 正则项 lambda * |w|，lambda = {fmt(lam)}"}[kind]
    g_en = f"the data gradient is g = {fmt(grads[0])}" if steps == 1 else \
        f"the data gradients of the two steps are {vec(grads)}"
    g_zh = f"数据项的梯度为 g = {fmt(grads[0])}" if steps == 1 else f"两步的数据项梯度依次为 {vec(grads)}"
    after_en, after_zh = ("one step", "一步") if steps == 1 else ("two steps", "两步")
    after_en, after_zh = ("one step", "一步") if steps == 1 else ("two steps", "两步")
    prompt = t.tr(
        f"Plain SGD (no momentum) with learning rate {fmt(lr)} and {term_en} updates a weight "
        f"w = {fmt(w0)}; {g_en}. The update is `{rule}`. What is w after {after_en}? ",
        f"普通 SGD（无动量），学习率 {fmt(lr)}，{term_zh}，更新权重 w = {fmt(w0)}；{g_zh}。更新规则为 "
        f"`{rule}`。{after_zh}之后 w 是多少？",
    ) + decimals_text(t, 4)
    solution, w = [f"`{rule}`"], w0
    for k, g in enumerate(grads, 1):
        extra = float(ops.l2_grad([w], lam)[0] if kind == "l2" else ops.l1_grad([w], lam)[0])
        new = _run(w, [g], lr, lam, kind)
        solution.append(f"{k}: g + {'lambda*w' if kind == 'l2' else 'lambda*sign(w)'} = "
                        f"{fmt(g)} + {signed(extra)} = {fmt(g + extra)}; w = {fmt(w)} - "
                        f"{fmt(lr)} * {signed(g + extra)} = {fmt(new)}")
        w = new
    solution.append(t.tr(f"Answer: {approx(value, 4)}", f"答案：{approx(value, 4)}"))
    other = "l1" if kind == "l2" else "l2"
    mistakes: list[Wrong] = [
        Wrong("forgot-weight-decay" if kind == "l2" else "forgot-l1-term",
              _run(w0, grads, lr, 0.0, kind)),
        Wrong("sign-error", 2 * w0 - value if steps == 1 else None),
        Wrong("l1-l2-swapped", _run(w0, grads, lr, lam, other)),
        Wrong("decay-not-scaled-by-lr", _run(w0, grads, lr, lam, kind, decay_lr=False)),
    ]
    answer = decimals_answer(value, 4)
    spec: dict[str, Any] = {"op": "sgd" if kind == "l2" else "sgd_l1", "w0": [w0],
                            "grads": [[g] for g in grads], "lr": lr, "at": [0]}
    spec["weight_decay" if kind == "l2" else "l1"] = lam
    return Draft(prompt, answer, solution, spec, keep_mistakes(answer, mistakes))
