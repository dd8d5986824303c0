"""RMSprop and Adam steps by hand, with torch.optim's exact rules (bias correction, where eps
sits, coupled vs decoupled weight decay) stated in the prompt.

Spec (contract): `{"op": "rmsprop" | "adam", "w0": [w], "grads": [[g1], ...], "lr": lr,
...torch.optim keyword names..., "at": [0]}`; `"op": "adamw"` is torch.optim.AdamW (decoupled
weight decay) with the same keywords.
"""

from __future__ import annotations

import math
from typing import Any

from cnnquiz.engine import ops
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.hand_common import (
    approx,
    decimals_answer,
    fmt,
    keep_mistakes,
)
from cnnquiz.questions.templates.optimizers import draw_numbers, opt_prompt, opt_spec

RMS_RULE = ("torch.optim.RMSprop: d = g + weight_decay*w; a = alpha*a + (1 - alpha)*d^2 "
            "(a starts at 0); w <- w - lr*d/(sqrt(a) + eps), eps = 1e-8. With momentum: "
            "b = momentum*b + d/(sqrt(a) + eps), w <- w - lr*b. Centered: the denominator is "
            "sqrt(a - m^2) + eps with m = alpha*m + (1 - alpha)*d")
RMS_RULE_ZH = ("torch.optim.RMSprop 的规则：d = g + weight_decay*w；a = alpha*a + (1 - alpha)*d^2"
               "（a 初值为 0）；w <- w - lr*d/(sqrt(a) + eps)，eps = 1e-8。有动量时："
               "b = momentum*b + d/(sqrt(a) + eps)，w <- w - lr*b。centered 时分母为 "
               "sqrt(a - m^2) + eps，其中 m = alpha*m + (1 - alpha)*d")
ADAM_RULE = ("torch.optim.Adam: d = g + weight_decay*w (AdamW instead multiplies w by "
             "1 - lr*weight_decay first and uses d = g); m = b1*m + (1 - b1)*d; "
             "v = b2*v + (1 - b2)*d^2 (both start at 0); m_hat = m/(1 - b1^t), "
             "v_hat = v/(1 - b2^t); w <- w - lr*m_hat/(sqrt(v_hat) + eps), eps = 1e-8")
ADAM_RULE_ZH = ("torch.optim.Adam 的规则：d = g + weight_decay*w（AdamW 则先把 w 乘以 "
                "1 - lr*weight_decay，再用 d = g）；m = b1*m + (1 - b1)*d；v = b2*v + (1 - b2)*d^2"
                "（初值都为 0）；m_hat = m/(1 - b1^t)，v_hat = v/(1 - b2^t)；"
                "w <- w - lr*m_hat/(sqrt(v_hat) + eps)，eps = 1e-8")


def _rms_no_sqrt(w0: float, grads: list[float], kw: dict[str, Any]) -> float | None:
    """Plain RMSprop dividing by the average itself (the forgot-sqrt slip)."""
    if kw.get("momentum") or kw.get("centered"):
        return None
    w, a, alpha = w0, 0.0, kw.get("alpha", 0.99)
    for g in grads:
        d = g + kw.get("weight_decay", 0.0) * w
        a = alpha * a + (1 - alpha) * d * d
        w -= kw["lr"] * d / (a + 1e-8)
    return w


@template("optim.rmsprop", "orm", "optimizers", title=("RMSprop steps", "RMSprop 更新"))
def rmsprop_steps(t: Ctx) -> Draft:
    steps = t.by_level(t.choice((1, 2)), t.choice((2, 3)), 2)
    w0, grads = draw_numbers(t, steps)
    kw: dict[str, Any] = {"lr": t.choice((0.01, 0.1, 0.001)), "alpha": t.choice((0.9, 0.99))}
    if t.level == 2 and t.rng.random() < 0.5:
        kw["weight_decay"] = t.choice((0.1, 0.5))
    if t.level == 3:
        kw["momentum" if t.rng.random() < 0.5 else "centered"] = True
        if "momentum" in kw:
            kw["momentum"] = t.choice((0.9, 0.5))
    trace = ops.rmsprop(w0, grads, **kw)
    value = float(trace.final)
    solution: list[str] = []
    for st in trace.steps:
        extra = (f", m = {fmt(st.grad_avg)}" if st.grad_avg is not None else "") + \
            (f", b = {fmt(st.buf)}" if st.buf is not None else "")
        solution.append(f"t={st.t}: d = {fmt(st.d_p)}, a = {fmt(st.square_avg)}{extra}, "
                        + t.tr("denominator", "分母") + f" = {fmt(st.avg)}, w = {fmt(st.w)}")
    solution.append(t.tr(f"Answer: {approx(value, 4)}", f"答案：{approx(value, 4)}"))
    wd = kw.get("weight_decay", 0.0)
    ada_kw = {k: v for k, v in kw.items() if k in ("lr", "weight_decay")}
    mistakes: list[Wrong] = [
        Wrong("forgot-sqrt", _rms_no_sqrt(w0, grads, kw)),
        Wrong("sign-error", 2 * w0 - value if not wd else None),
        Wrong("used-adagrad-sum", float(ops.adagrad(w0, grads, eps=1e-8, **ada_kw).final)),
        Wrong("swapped-alpha", float(ops.rmsprop(w0, grads, **{**kw, "alpha": 1 - kw["alpha"]}).final)),
        Wrong("forgot-momentum", float(ops.rmsprop(w0, grads, **{**kw, "momentum": 0.0}).final)
         if kw.get("momentum") else None),
        Wrong("forgot-centering", float(ops.rmsprop(w0, grads, **{**kw, "centered": False}).final)
         if kw.get("centered") else None),
        Wrong("forgot-weight-decay", float(ops.rmsprop(w0, grads, **{**kw, "weight_decay": 0.0})
                                      .final) if wd else None),
    ]
    answer = decimals_answer(value, 4)
    return Draft(opt_prompt(t, "RMSprop", w0, grads, kw, (RMS_RULE, RMS_RULE_ZH)), answer,
                 solution, opt_spec("rmsprop", w0, grads, kw), keep_mistakes(answer, mistakes))


def _adam_variant(w0: float, grads: list[float], kw: dict[str, Any], decoupled: bool, *,
                  correct: bool = True, root: bool = True, momentum: bool = True) -> float:
    """Adam with one piece left out: bias correction, the square root, or the first moment."""
    (b1, b2), lr, wd = kw.get("betas", (0.9, 0.999)), kw["lr"], kw.get("weight_decay", 0.0)
    w, m, v = w0, 0.0, 0.0
    for k, g in enumerate(grads, 1):
        if decoupled:
            w *= 1 - lr * wd
        d = g if decoupled else g + wd * w
        m, v = b1 * m + (1 - b1) * d, b2 * v + (1 - b2) * d * d
        m_hat = (m / (1 - b1**k) if correct else m) if momentum else d
        v_hat = v / (1 - b2**k) if correct else v
        w -= lr * m_hat / ((math.sqrt(v_hat) if root else v_hat) + 1e-8)
    return w


@template("optim.adam", "oam", "optimizers", title=("Adam steps", "Adam 更新"))
def adam_steps(t: Ctx) -> Draft:
    steps = t.by_level(1, 2, 2)
    w0, grads = draw_numbers(t, steps)
    kw: dict[str, Any] = {"lr": t.choice((0.1, 0.01, 0.001, 0.5))}
    kw["betas"] = (0.9, 0.999) if t.level == 1 else t.choice(((0.9, 0.999), (0.9, 0.99),
                                                               (0.8, 0.9)))
    decoupled = False
    if t.level == 3:
        kw["weight_decay"] = t.choice((0.1, 0.5, 0.01))
        decoupled = t.rng.random() < 0.5
    trace = ops.adam(w0, grads, decoupled_weight_decay=decoupled, **kw)
    value = float(trace.final)
    solution: list[str] = []
    for st in trace.steps:
        solution.append(f"t={st.t}: d = {fmt(st.d_p)}, m = {fmt(st.m)}, v = {fmt(st.v)}, "
                        f"m_hat = {fmt(st.m_hat)}, v_hat = {fmt(st.v_hat)}, w = {fmt(st.w)}")
    if steps == 1:
        solution.append(t.tr("At the first step m_hat = g and v_hat = g^2, so Adam moves w by "
                             "about lr*sign(g), whatever the size of g.",
                             "第一步时 m_hat = g、v_hat = g^2，所以 Adam 让 w 移动约 lr*sign(g)，"
                             "与 g 的大小无关。"))
    solution.append(t.tr(f"Answer: {approx(value, 4)}", f"答案：{approx(value, 4)}"))
    wd = kw.get("weight_decay", 0.0)
    mistakes: list[Wrong] = [
        Wrong("forgot-bias-correction", _adam_variant(w0, grads, kw, decoupled, correct=False)),
        Wrong("forgot-sqrt", _adam_variant(w0, grads, kw, decoupled, root=False)),
        Wrong("forgot-momentum", _adam_variant(w0, grads, kw, decoupled, momentum=False)),
        Wrong("sign-error", 2 * w0 - value if not wd else None),
        Wrong("forgot-decoupled-decay" if decoupled else "forgot-weight-decay",
              float(ops.adam(w0, grads, **{**kw, "weight_decay": 0.0}).final) if wd else None),
        Wrong("coupled-decoupled-decay", float(ops.adam(w0, grads, decoupled_weight_decay=not decoupled,
                                                   **kw).final) if wd else None),
    ]
    answer = decimals_answer(value, 4)
    name = "AdamW" if decoupled else "Adam"
    spec = opt_spec("adamw" if decoupled else "adam", w0, grads,
                 {**kw, "betas": list(kw["betas"])})
    return Draft(opt_prompt(t, name, w0, grads, kw, (ADAM_RULE, ADAM_RULE_ZH)), answer, solution,
                 spec, keep_mistakes(answer, mistakes))
