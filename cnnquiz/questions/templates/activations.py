"""Activation values and derivatives, and the gradient through a chain of saturating units
(why sigmoids make gradients vanish: sigma' <= 0.25 per layer).

Invented operation specs (recomputable with torch autograd):
- `{"op": "sigmoid" | "tanh" | "relu" | "leaky_relu", "x": x, "ask": "value" | "grad"}`
  (leaky_relu adds `"negative_slope"`): f(x) or f'(x).
- `{"op": "chain_grad", "act": "sigmoid" | "tanh", "x": x0, "w": [w1, ..., wn]}`:
  h0 = x0, h_k = act(w_k * h_{k-1}); the answer is dh_n/dx0.
- `{"op": "sigmoid_chain_bound", "n": n, "w": w}`: the upper bound on |dh_n/dx0| that the
  sigmoid's largest derivative gives when every weight is w, (|w| * max sigma')^n = (|w|/4)^n
  (a bound: every z_k would have to be 0 at once to reach it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cnnquiz.engine import ops
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.hand_common import (
    approx,
    decimals_answer,
    decimals_text,
    fmt,
    keep_mistakes,
    sig_answer,
    sig_text,
    signed,
    vec,
)

Fn = Callable[[Any], Any]
_F: dict[str, tuple[Fn, Fn, str]] = {
    "sigmoid": (ops.sigmoid, ops.sigmoid_grad, "sigma(x) = 1/(1 + e^-x), sigma'(x) = "
                "sigma(x)(1 - sigma(x))"),
    "tanh": (ops.tanh, ops.tanh_grad, "tanh(x) = (e^x - e^-x)/(e^x + e^-x), tanh'(x) = "
             "1 - tanh(x)^2"),
    "relu": (ops.relu, ops.relu_grad, "relu(x) = max(0, x), relu'(x) = 1 if x > 0 else 0"),
}


def _f(name: str, x: float, grad: bool = False, slope: float = 0.01) -> float:
    if name == "leaky_relu":
        return float((ops.leaky_relu_grad if grad else ops.leaky_relu)(x, slope))
    value, derivative, _ = _F[name]
    return float((derivative if grad else value)(x))


@template("activation.value", "avl", "activations",
          title=("Activation values and derivatives", "激活函数的值与导数"))
def activation_value(t: Ctx) -> Draft:
    slope = 0.01
    if t.level == 1:
        name, ask, x = t.choice(("sigmoid", "tanh", "relu")), "value", t.rng.randrange(-6, 7) / 2
    elif t.level == 2:
        name, ask = t.choice(("sigmoid", "tanh", "relu")), "grad"
        x = t.choice((-1, 1)) * t.rng.randrange(1, 7) / 2
    else:
        name = t.choice(("leaky_relu", "sigmoid", "tanh"))
        ask = t.choice(("value", "grad")) if name == "leaky_relu" else "grad"
        slope = t.choice((0.01, 0.1, 0.2))
        x = -t.rng.randrange(1, 31) / 2 if name == "leaky_relu" else \
            t.choice((-1, 1)) * t.rng.randrange(5, 13) / 2
    value = _f(name, x, ask == "grad", slope)
    with_en = f" with negative_slope = {fmt(slope)}" if name == "leaky_relu" else ""
    with_zh = f"（negative_slope = {fmt(slope)}）" if name == "leaky_relu" else ""
    formula = f"{name}'({fmt(x)})" if ask == "grad" else f"{name}({fmt(x)})"
    if ask == "grad":
        what_en = f"the derivative of {name}{with_en} at x = {fmt(x)}"
        what_zh = f"{name}{with_zh} 在 x = {fmt(x)} 处的导数"
    else:
        what_en, what_zh = f"{formula}{with_en}", f"{formula}{with_zh}"
    use_sig = t.level == 3 and name != "leaky_relu"  # saturated derivatives are tiny
    prompt = t.tr(f"Compute {what_en}. ", f"计算 {what_zh}。") + (
        sig_text(t, 3) if use_sig else decimals_text(t, 4))
    rule = (f"leaky_relu(x) = x if x >= 0 else {fmt(slope)}x; derivative 1 for x > 0, else "
            f"{fmt(slope)}") if name == "leaky_relu" else _F[name][2]
    solution = [f"`{rule}`"]
    if name in ("sigmoid", "tanh") and ask == "grad":
        s = _f(name, x)
        form = f"{fmt(s)} * (1 - {fmt(s)})" if name == "sigmoid" else f"1 - {signed(s)}^2"
        solution.append(f"{name}({fmt(x)}) = {fmt(s)}; {name}'({fmt(x)}) = {form} = {fmt(value)}")
        if abs(x) >= 2.5:
            solution.append(t.tr("The unit is saturated: its derivative is close to 0, so little "
                                 "gradient flows back through it.",
                                 "该单元已饱和：导数接近 0，几乎没有梯度能反向传过去。"))
    else:
        solution.append(f"{formula} = {fmt(value)}")
    shown = f"≈ {value:.3g}" if use_sig else approx(value, 4)
    solution.append(t.tr(f"Answer: {shown}", f"答案：{shown}"))
    mistakes: list[Wrong] = []
    if ask == "value":
        if name == "sigmoid":
            mistakes += [Wrong("sigmoid-sign-in-exponent", _f(name, -x)),
                         Wrong("confused-sigmoid-tanh", _f("tanh", x))]
        elif name == "tanh":
            mistakes.append(Wrong("confused-sigmoid-tanh", _f("sigmoid", x)))
        elif name == "relu":
            mistakes.append(Wrong("relu-kept-negative", x))
        else:
            mistakes.append(Wrong("leaky-slope-ignored", 0.0))
    else:
        mistakes.append(Wrong("gave-value-not-derivative", _f(name, x, False, slope)))
        if name == "tanh":
            mistakes += [Wrong("forgot-square", 1 - _f(name, x)),
                         Wrong("confused-sigmoid-tanh", _f("sigmoid", x, True))]
        elif name == "sigmoid":
            mistakes.append(Wrong("confused-sigmoid-tanh", _f("tanh", x, True)))
        elif name == "relu" and x < 0:
            mistakes.append(Wrong("relu-grad-negative", 1.0))
        elif name == "leaky_relu":
            mistakes.append(Wrong("leaky-slope-ignored", 0.0))
    answer = sig_answer(value, 3) if use_sig else decimals_answer(value, 4)
    spec: dict[str, Any] = {"op": name, "x": x, "ask": ask}
    if name == "leaky_relu":
        spec["negative_slope"] = slope
    return Draft(prompt, answer, solution, spec, keep_mistakes(answer, mistakes))


@template("activation.chain", "ach", "activations",
          title=("Gradients through saturating units", "饱和激活函数链上的梯度"))
def activation_chain(t: Ctx) -> Draft:
    if t.level == 1:
        n, w = t.rng.randrange(2, 11), t.choice((1, 2, 0.5, 3))
        bound = (abs(w) * float(ops.sigmoid_grad(0.0))) ** n
        prompt = t.tr(
            f"A signal passes through {n} layers h_k = sigmoid(w * h_(k-1)), every weight w = "
            f"{fmt(w)}. What upper bound on |dh_n/dh_0| does the largest value of the sigmoid's "
            "derivative give? ",
            f"信号依次经过 {n} 层 h_k = sigmoid(w * h_(k-1))，每层权重 w = {fmt(w)}。由 sigmoid "
            "导数的最大值，可得 |dh_n/dh_0| 的上界是多少？") + sig_text(t, 3)
        solution = [
            t.tr("Chain rule: dh_n/dh_0 = product over layers of w * sigma'(z_k).",
                 "链式法则：dh_n/dh_0 = 各层 w * sigma'(z_k) 之积。"),
            t.tr(f"sigma'(z) = sigma(1 - sigma) is largest at z = 0: {fmt(ops.sigmoid_grad(0.0))}",
                 f"sigma'(z) = sigma(1 - sigma) 在 z = 0 处最大：{fmt(ops.sigmoid_grad(0.0))}"),
            f"(|w| * 0.25)^n = ({fmt(abs(w))} * 0.25)^{n} = {bound:.6g} ≈ {bound:.3g}",
        ]
        mistakes: list[Wrong] = [Wrong("added-not-multiplied", abs(w) * 0.25 * n),
                              Wrong("sigmoid-grad-max-half", (abs(w) * 0.5) ** n),
                              Wrong("forgot-weights-in-chain", 0.25**n)]
        answer = sig_answer(bound, 3)
        spec: dict[str, Any] = {"op": "sigmoid_chain_bound", "n": n, "w": w}
        return Draft(prompt, answer, solution, spec, keep_mistakes(answer, mistakes))
    act = "sigmoid" if t.level == 2 else t.choice(("sigmoid", "tanh"))
    n = t.by_level(0, t.choice((2, 3)), t.choice((3, 4)))
    x0 = t.choice((-1, -0.5, 0.5, 1, 2))
    ws = [t.choice((-2, -1, 0.5, 1, 2, 3)) for _ in range(n)]
    f, df = _F[act][0], _F[act][1]
    h, rows, grad, local_only, summed = float(x0), [], 1.0, 1.0, 0.0
    for k, wk in enumerate(ws, 1):
        z = wk * h
        d = float(df(z))
        h = float(f(z))
        grad, local_only, summed = grad * wk * d, local_only * d, summed + wk * d
        rows.append(f"k={k}: z = {fmt(wk)}*h_{k - 1} = {fmt(z)}, h_{k} = {fmt(h)}, "
                    f"w*{act}'(z) = {fmt(wk)}*{fmt(d)} = {fmt(wk * d)}")
    prompt = t.tr(
        f"h_0 = x = {fmt(x0)} and h_k = {act}(w_k * h_(k-1)) for k = 1..{n} with weights "
        f"w = {vec(ws)}. What is dh_{n}/dx? ",
        f"h_0 = x = {fmt(x0)}，h_k = {act}(w_k * h_(k-1))，k = 1..{n}，权重 "
        f"w = {vec(ws)}。dh_{n}/dx 是多少？") + sig_text(t, 3)
    solution = [
        t.tr("Forward pass, keeping each layer's local derivative w_k * f'(z_k):",
             "前向传播，并记下每层的局部导数 w_k * f'(z_k)：") + "\n\n"
        + "\n".join(f"- `{r}`" for r in rows),
        t.tr(f"Chain rule: multiply the local derivatives: dh_{n}/dx = {grad:.6g} ≈ {grad:.3g}",
             f"链式法则：把各层局部导数相乘：dh_{n}/dx = {grad:.6g} ≈ {grad:.3g}"),
    ]
    mistakes = [Wrong("forgot-weights-in-chain", local_only), Wrong("added-not-multiplied", summed),
                Wrong("used-derivative-bound", _prod(ws) * 0.25**n if act == "sigmoid" else _prod(ws))]
    answer = sig_answer(grad, 3)
    spec = {"op": "chain_grad", "act": act, "x": x0, "w": ws}
    return Draft(prompt, answer, solution, spec, keep_mistakes(answer, mistakes))


def _prod(v: list[float]) -> float:
    out = 1.0
    for x in v:
        out *= x
    return out
