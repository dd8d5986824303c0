"""A fully connected layer's forward pass, and one gradient of a single neuron by the chain rule.

Invented operation specs (recomputable with torch):
- `{"op": "mlp", "x": [...], "layers": [{"weight": out x in, "bias": [...], "act": "relu" |
  "none"}, ...]}`: torch.nn.Linear layers in order, each followed by its activation.
- `{"op": "neuron_grad", "x": [x1, x2], "w": [w1, w2], "b": b, "act": "identity" | "relu" |
  "sigmoid", "target": t, "wrt": "w" | "b" | "x", "at": [k]}`: y = act(w.x + b), loss
  L = (y - t)^2 / 2; the answer is dL/dw_k, dL/db or dL/dx_k (torch autograd; relu'(0) = 0).

The linear map W x + b is the engine's `ops.linear` (torch.nn.functional.linear).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from cnnquiz.engine import ops
from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.hand_common import (
    decimals_answer,
    decimals_text,
    fmt,
    grid,
    keep_mistakes,
    signed,
    to_list,
    vec,
)


def _forward(x: Any, layers: list[dict[str, Any]], *, bias: bool = True, act: bool = True,
             bias_after: bool = False) -> list[Any]:
    h = np.asarray(x, dtype=float)
    for layer in layers:
        h = ops.linear(h, layer["weight"], layer["bias"] if bias and not bias_after else None)
        if act and layer["act"] == "relu":
            h = ops.relu(h)
        if bias_after:
            h = h + np.asarray(layer["bias"])
    return to_list(h)


def _layer(t: Ctx, n_in: int, n_out: int, act: str) -> dict[str, Any]:
    return {"weight": [[t.rng.randrange(-2, 3) for _ in range(n_in)] for _ in range(n_out)],
            "bias": [t.rng.randrange(-2, 3) for _ in range(n_out)], "act": act}


@template("backprop.fc_forward", "fcf", "backprop",
          title=("Fully connected forward pass", "全连接层前向传播"))
def fc_forward(t: Ctx) -> Draft:
    n_in = t.by_level(3, 4, 3)
    x = [t.rng.randrange(-2, 4) for _ in range(n_in)]
    if t.level == 1:
        layers = [_layer(t, 3, 2, "none")]
    elif t.level == 2:
        layers = [_layer(t, 4, 3, "relu")]
    else:
        layers = [_layer(t, 3, 3, "relu"), _layer(t, 3, 2, "none")]
    y = _forward(x, layers)
    parts_en, parts_zh = [], []
    for k, layer in enumerate(layers, 1):
        a_en = " followed by ReLU" if layer["act"] == "relu" else " (no activation)"
        a_zh = "，后接 ReLU" if layer["act"] == "relu" else "（无激活函数）"
        body = f"W{k} =\n{grid(layer['weight'])}\n\nb{k} = {vec(layer['bias'])}"
        parts_en.append(f"Layer {k}: `nn.Linear`{a_en}, y = W{k} x + b{k} with\n\n{body}")
        parts_zh.append(f"第 {k} 层：`nn.Linear`{a_zh}，y = W{k} x + b{k}，其中\n\n{body}")
    prompt = t.tr(f"The input is x = {vec(x)}.\n\n" + "\n\n".join(parts_en)
                  + "\n\nWhat is the network's output? Give it as a list (e.g. `1 2`).",
                  f"输入为 x = {vec(x)}。\n\n" + "\n\n".join(parts_zh)
                  + "\n\n网络的输出是什么？写成一个列表（例如 `1 2`）。")
    solution, h = [], x
    for k, layer in enumerate(layers, 1):
        z = ops.linear(h, layer["weight"], layer["bias"])
        rows = [" + ".join(f"{signed(wv)}*{signed(hv)}" for wv, hv in zip(wr, h, strict=True))
                + f" + {signed(bv)} = {fmt(zv)}"
                for wr, bv, zv in zip(layer["weight"], layer["bias"], z, strict=True)]
        solution.append(t.tr(f"Layer {k}, one row of W{k} per output:",
                             f"第 {k} 层，W{k} 的每一行对应一个输出：") + "\n\n"
                        + "\n".join(f"- `{r}`" for r in rows))
        h = to_list(ops.relu(z) if layer["act"] == "relu" else z)
        if layer["act"] == "relu":
            solution.append(t.tr(f"ReLU sets the negative entries to 0: {vec(h)}",
                                 f"ReLU 把负数置为 0：{vec(h)}"))
    solution.append(t.tr(f"Output: {vec(y)}", f"输出：{vec(y)}"))
    has_relu = any(layer["act"] == "relu" for layer in layers)
    mistakes: list[Wrong] = [
        Wrong("forgot-bias", _forward(x, layers, bias=False), t.tr(
            "You forgot the bias: every output neuron adds its own b.",
            "漏了偏置：每个输出神经元都要加上自己的 b。")),
        Wrong("forgot-activation", _forward(x, layers, act=False) if has_relu else None),
        Wrong("bias-after-activation", _forward(x, layers, bias_after=True) if has_relu else None),
    ]
    answer = Answer("matrix", y)
    spec = {"op": "mlp", "x": x, "layers": layers}
    return Draft(prompt, answer, solution, spec, keep_mistakes(answer, mistakes))


def _act(name: str, z: float, grad: bool = False) -> float:
    if name == "identity":
        return 1.0 if grad else z
    fn = {"relu": (ops.relu, ops.relu_grad), "sigmoid": (ops.sigmoid, ops.sigmoid_grad)}[name]
    return float(fn[1 if grad else 0](z))


SMALLEST_SIGMOID_GRAD = 1e-3  # asked to 4 decimals, a smaller gradient reads as 0


@template("backprop.neuron_grad", "bpg", "backprop",
          title=("Backpropagation through one neuron", "单个神经元的反向传播"))
def neuron_grad_v1(t: Ctx) -> Draft:
    """Version 1, kept for printed codes: a saturated sigmoid could give a gradient that
    rounds to 0 at the 4 decimals asked for, so 0 was graded correct."""
    return _neuron_grad(t, 1)


@template("backprop.neuron_grad", "bpg", "backprop", version=2,
          title=("Backpropagation through one neuron", "单个神经元的反向传播"))
def neuron_grad(t: Ctx) -> Draft:
    return _neuron_grad(t, 2)


def _neuron_grad(t: Ctx, version: int) -> Draft:
    act = t.by_level("identity", "relu", "sigmoid")
    Neuron = tuple[list[int], list[int], int, int, float, float]

    def draw() -> Neuron | None:
        x = [t.choice((-3, -2, -1, 1, 2, 3)) for _ in range(2)]
        w, b = [t.rng.randrange(-2, 3) for _ in range(2)], t.rng.randrange(-2, 3)
        target = t.choice((0, 1)) if act == "sigmoid" else t.rng.randrange(-3, 4)
        z = float(ops.linear(x, [w], [b])[0])
        y = _act(act, z)
        return (x, w, b, target, z, y) if z != 0 and y != target else None

    def ask(n: Neuron) -> tuple[str, int, float]:
        """(the variable asked about, its index, dL/d that variable)"""
        x, w, _, target, z, y = n
        wrt = t.by_level("w", t.choice(("w", "b", "x")), t.choice(("w", "x")))
        k = t.rng.randrange(2)
        return wrt, k, (y - target) * _act(act, z, grad=True) * {"w": x[k], "b": 1, "x": w[k]}[wrt]

    def draw_asked() -> tuple[Neuron, tuple[str, int, float]] | None:
        """Version 2 also redraws a sigmoid gradient that would round to 0 at 4 decimals."""
        n = draw()
        if n is None:
            return None
        asked = ask(n)
        small = act == "sigmoid" and abs(asked[2]) < SMALLEST_SIGMOID_GRAD
        return None if small else (n, asked)

    if version == 1:
        neuron = t.redraw(draw, "neuron with a nonzero input and a nonzero error")
        wrt, k, value = ask(neuron)
    else:
        neuron, (wrt, k, value) = t.redraw(draw_asked, "neuron whose gradient is not ~0")
    x, w, b, target, z, y = neuron
    dy = y - target
    da = _act(act, z, grad=True)
    delta = dy * da
    factor = {"w": x[k], "b": 1, "x": w[k]}[wrt]
    var = {"w": f"w{k + 1}", "b": "b", "x": f"x{k + 1}"}[wrt]
    act_txt = {"identity": "y = z", "relu": "y = relu(z)", "sigmoid": "y = sigmoid(z)"}[act]
    prompt = t.tr(
        f"A neuron computes z = w1*x1 + w2*x2 + b and {act_txt}, with loss L = (y - t)^2 / 2. "
        f"For x = {vec(x)}, w = {vec(w)}, b = {b} and target t = {target}, what is dL/d{var}? ",
        f"一个神经元计算 z = w1*x1 + w2*x2 + b，{act_txt}，损失 L = (y - t)^2 / 2。当 x = {vec(x)}，"
        f"w = {vec(w)}，b = {b}，目标 t = {target} 时，dL/d{var} 是多少？",
    ) + (decimals_text(t, 4) if act == "sigmoid" else "")
    dz_txt = {"w": f"dz/d{var} = x{k + 1} = {x[k]}", "b": "dz/db = 1",
              "x": f"dz/d{var} = w{k + 1} = {w[k]}"}[wrt]
    solution = [
        t.tr("Forward: ", "前向：") + f"z = {signed(w[0])}*{signed(x[0])} + {signed(w[1])}*"
        f"{signed(x[1])} + {signed(b)} = {fmt(z)}, y = {fmt(y)}",
        t.tr("Chain rule: ", "链式法则：") + f"dL/d{var} = (y - t) * dy/dz * dz/d{var}",
        f"y - t = {fmt(dy)}; dy/dz = {fmt(da)}; {dz_txt}",
        f"dL/d{var} = {signed(dy)} * {signed(da)} * {signed(factor)} = {fmt(value)}",
    ]
    if act == "relu" and z < 0:
        solution.append(t.tr("z < 0, so the ReLU passes no gradient: a dead unit learns nothing "
                             "from this example.",
                             "z < 0，ReLU 不传梯度：这个“死”单元从该样本学不到任何东西。"))
    mistakes: list[Wrong] = [
        Wrong("sign-error", -value, t.tr("Sign: dL/dy = y - t, not t - y.",
                                    "符号：dL/dy = y - t，而不是 t - y。")),
        Wrong("forgot-input-factor", delta if wrt != "b" else None),
        Wrong("forgot-activation-derivative", dy * factor if act == "sigmoid" else None),
        Wrong("relu-grad-negative", dy * factor if act == "relu" and z < 0 else None),
    ]
    answer = decimals_answer(value, 4) if act == "sigmoid" else Answer("int", round(value))
    spec: dict[str, Any] = {"op": "neuron_grad", "x": x, "w": w, "b": b, "act": act,
                            "target": target, "wrt": wrt}
    if wrt != "b":
        spec["at"] = [k]
    return Draft(prompt, answer, solution, spec, keep_mistakes(answer, mistakes))
