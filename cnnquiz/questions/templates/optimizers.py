"""One to three optimizer steps by hand: SGD with momentum (dampening, Nesterov, weight decay)
and Adagrad, following torch.optim's update rules exactly (the prompt states them).

Spec (contract): `{"op": "sgd" | "adagrad", "w0": [w], "grads": [[g1], [g2], ...], "lr": lr,
...torch.optim keyword names..., "at": [0]}`: the weight after the last step.
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
    vec,
)

SGD_RULE = ("torch.optim.SGD: d = g + weight_decay*w; momentum buffer b = d at the first step, "
            "then b = momentum*b + (1 - dampening)*d; w <- w - lr*b "
            "(Nesterov: w <- w - lr*(d + momentum*b))")
SGD_RULE_ZH = ("torch.optim.SGD 的规则：d = g + weight_decay*w；动量缓冲 b 在第一步等于 d，之后 "
               "b = momentum*b + (1 - dampening)*d；w <- w - lr*b（Nesterov：w <- w - lr*(d + "
               "momentum*b)）")
ADAGRAD_RULE = ("torch.optim.Adagrad: d = g + weight_decay*w; clr = lr/(1 + (t-1)*lr_decay); "
                "s = s + d^2 (s starts at initial_accumulator_value); "
                "w <- w - clr*d/(sqrt(s) + eps), eps = 1e-10")
ADAGRAD_RULE_ZH = ("torch.optim.Adagrad 的规则：d = g + weight_decay*w；clr = lr/(1 + (t-1)*lr_decay)；"
                   "s = s + d^2（s 的初值为 initial_accumulator_value）；"
                   "w <- w - clr*d/(sqrt(s) + eps)，eps = 1e-10")


def draw_numbers(t: Ctx, steps: int) -> tuple[float, list[float]]:
    w0 = t.choice([k for k in range(-20, 21) if k]) / 10
    return w0, [t.choice([k for k in range(-20, 21) if k]) / 10 for _ in range(steps)]


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, (tuple, list)):
        return "(" + ", ".join(fmt(x) for x in v) + ")"
    return fmt(v)


def _settings(kw: dict[str, Any]) -> str:
    return ", ".join(f"{k}={_value(v)}" for k, v in kw.items())


def opt_prompt(t: Ctx, name: str, w0: float, grads: list[float], kw: dict[str, Any],
            rule: tuple[str, str]) -> str:
    n = len(grads)
    g_en = f"the gradients of the {n} steps are {vec(grads)}" if n > 1 else \
        f"the gradient is g = {fmt(grads[0])}"
    g_zh = f"{n} 步的梯度依次为 {vec(grads)}" if n > 1 else f"梯度为 g = {fmt(grads[0])}"
    return t.tr(
        f"`torch.optim.{name}({_settings(kw)})` updates a single weight w = {fmt(w0)}; "
        f"{g_en}. What is w after step {n}?\n\n"
        f"{rule[0]}. Keywords not shown keep torch's defaults (0 or False).\n\n",
        f"`torch.optim.{name}({_settings(kw)})` 更新一个权重 w = {fmt(w0)}；{g_zh}。"
        f"第 {n} 步之后 w 是多少？\n\n{rule[1]}。未列出的参数取 torch 的默认值"
        "（0 或 False）。\n\n",
    ) + decimals_text(t, 4)


def opt_spec(op: str, w0: float, grads: list[float], kw: dict[str, Any]) -> dict[str, Any]:
    return {"op": op, "w0": [w0], "grads": [[g] for g in grads], **kw, "at": [0]}


@template("optim.sgd", "osg", "optimizers", title=("SGD with momentum", "带动量的 SGD"))
def sgd_momentum(t: Ctx) -> Draft:
    steps = t.by_level(2, t.choice((2, 3)), t.choice((2, 3)))
    w0, grads = draw_numbers(t, steps)
    kw: dict[str, Any] = {"lr": t.choice((0.1, 0.01, 0.5)), "momentum": t.choice((0.9, 0.5))}
    if t.level == 2 and t.rng.random() < 0.5:
        kw["weight_decay"] = t.choice((0.1, 0.01))
    if t.level == 3:
        if t.rng.random() < 0.5:
            kw["nesterov"] = True
            kw["momentum"] = 0.9
        else:
            kw["dampening"] = t.choice((0.1, 0.5))
    trace = ops.sgd(w0, grads, **kw)
    value = float(trace.final)
    solution: list[str] = []
    for st in trace.steps:
        solution.append(f"t={st.t}: g = {fmt(st.grad)}, d = {fmt(st.d_p)}, b = {fmt(st.buf)}, "
                        + t.tr("step direction", "更新方向") + f" = {fmt(st.direction)}, "
                        f"w = {fmt(st.w)}")
    solution.append(t.tr(f"Answer: {approx(value, 4)}", f"答案：{approx(value, 4)}"))
    plain_kw = {k: v for k, v in kw.items() if k in ("lr", "weight_decay")}
    wd, damp = kw.get("weight_decay", 0.0), kw.get("dampening", 0.0)
    mistakes: list[Wrong] = [
        Wrong("forgot-momentum", float(ops.sgd(w0, grads, **plain_kw).final)),
        Wrong("sign-error", 2 * w0 - value if not wd else None),
        Wrong("forgot-weight-decay", float(ops.sgd(w0, grads, **{**kw, "weight_decay": 0.0}).final)
         if wd else None),
        Wrong("nesterov-ignored", float(ops.sgd(w0, grads, **{**kw, "nesterov": False}).final)
         if kw.get("nesterov") else None),
        Wrong("dampened-first-step", float(ops.sgd(w0, [(1 - damp) * grads[0], *grads[1:]],
                                              **kw).final) if damp else None),
    ]
    answer = decimals_answer(value, 4)
    return Draft(opt_prompt(t, "SGD", w0, grads, kw, (SGD_RULE, SGD_RULE_ZH)), answer, solution,
                 opt_spec("sgd", w0, grads, kw), keep_mistakes(answer, mistakes))


def _adagrad_no_sqrt(w0: float, grads: list[float], kw: dict[str, Any]) -> float:
    """Adagrad dividing by the accumulated squares themselves (the forgot-sqrt slip)."""
    w, s = w0, kw.get("initial_accumulator_value", 0.0)
    for k, g in enumerate(grads):
        d = g + kw.get("weight_decay", 0.0) * w
        s += d * d
        w -= kw["lr"] / (1 + k * kw.get("lr_decay", 0.0)) * d / (s + 1e-10)
    return w


@template("optim.adagrad", "oag", "optimizers", title=("Adagrad steps", "Adagrad 更新"))
def adagrad_steps(t: Ctx) -> Draft:
    steps = t.by_level(2, t.choice((2, 3)), t.choice((2, 3)))
    w0, grads = draw_numbers(t, steps)
    kw: dict[str, Any] = {"lr": t.choice((0.1, 0.5, 1.0, 0.01))}
    if t.level == 2 and t.rng.random() < 0.5:
        kw["weight_decay"] = t.choice((0.1, 0.5))
    if t.level == 3:
        if t.rng.random() < 0.5:
            kw["lr_decay"] = t.choice((0.1, 0.5, 1.0))
        else:
            kw["initial_accumulator_value"] = t.choice((0.1, 0.5, 1.0))
    trace = ops.adagrad(w0, grads, **kw)
    value = float(trace.final)
    solution: list[str] = []
    for st in trace.steps:
        solution.append(f"t={st.t}: d = {fmt(st.d_p)}, clr = {fmt(st.clr)}, s = {fmt(st.state_sum)}, "
                        f"sqrt(s) = {fmt(np.sqrt(st.state_sum))}, w = {fmt(st.w)}")
    if not kw.get("initial_accumulator_value"):
        solution.append(t.tr("Note: the first step always moves w by lr*sign(g), whatever the "
                             "size of g; later steps shrink as s grows.",
                             "注意：第一步总是让 w 移动 lr*sign(g)，与 g 的大小无关；之后随着 s 增大，"
                             "步长逐渐变小。"))
    solution.append(t.tr(f"Answer: {approx(value, 4)}", f"答案：{approx(value, 4)}"))
    w = w0
    for g in grads:  # each step with a fresh accumulator: the forgot-accumulation slip
        w = float(ops.adagrad(w, [g], **kw).final)
    wd = kw.get("weight_decay", 0.0)
    mistakes: list[Wrong] = [
        Wrong("forgot-sqrt", _adagrad_no_sqrt(w0, grads, kw)),
        Wrong("forgot-accumulation", w if not kw.get("lr_decay") else None),
        Wrong("sign-error", 2 * w0 - value if not wd else None),
        Wrong("forgot-weight-decay", float(ops.adagrad(w0, grads, **{**kw, "weight_decay": 0.0})
                                      .final) if wd else None),
        Wrong("ignored-lr-decay", float(ops.adagrad(w0, grads, **{**kw, "lr_decay": 0.0}).final)
         if kw.get("lr_decay") else None),
    ]
    answer = decimals_answer(value, 4)
    return Draft(opt_prompt(t, "Adagrad", w0, grads, kw, (ADAGRAD_RULE, ADAGRAD_RULE_ZH)), answer,
                 solution, opt_spec("adagrad", w0, grads, kw), keep_mistakes(answer, mistakes))
