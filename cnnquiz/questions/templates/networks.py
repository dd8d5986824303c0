"""Whole small networks layer by layer: the Keras MNIST net of the notes, LeNet-5,
AlexNet as CS231n lists it (227 input, 96 filters, no groups, normalisation layers
left out) and VGG blocks (3x3 convolutions with padding 1, 2x2 max pools).

A question asks one drawn layer's output shape or parameters, or the total parameters.
Mistakes rerun the engine on the same stack with the wrong rule (ceil pools, no
padding), or adjust the asked layer's count (no bias, no input channels, pool weights).
"""

from __future__ import annotations

from dataclasses import dataclass

from cnnquiz.engine import arith
from cnnquiz.engine.explain import Calc
from cnnquiz.engine.spec import parse_layer
from cnnquiz.errors import SpecError
from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.common import net, net_spec, shape_text, step
from cnnquiz.questions.templates.costs_common import dsl_note, layer_block, thousands


@dataclass(frozen=True)
class Case:
    en: str
    zh: str
    shape: tuple[int, ...]
    layers: str
    wrong: tuple[tuple[str, str], ...] = ()  # (mistake, the stack that mistake computes)


def ask_network(t: Ctx, case: Case, ask: str, layer: int | None) -> Draft:
    """Render and answer one question about a stack (`ask`: output | params)."""
    summary = net(case.layers, case.shape)
    where = t.tr(f"layer {layer}", f"第 {layer} 层") if layer else t.tr("the whole network",
                                                                        "整个网络")
    question = (t.tr(f"What is the output shape of {where} (C x H x W, or N after flatten)?",
                     f"{where}的输出形状是多少（C x H x W，展平后为 N）？") if ask == "output"
                else t.tr(f"How many trainable parameters does {where} have (biases included)?",
                          f"{where}有多少个可训练参数（含偏置）？"))
    prompt = t.tr(
        f"{case.en} takes a {shape_text(case.shape)} input (C x H x W):\n\n"
        f"{layer_block(case.layers)}\n\n{dsl_note(t)} ReLUs are left out (they change no shape "
        f"and have no parameters). {question}",
        f"{case.zh}的输入为 {shape_text(case.shape)}（C x H x W）：\n\n{layer_block(case.layers)}"
        f"\n\n{dsl_note(t)}省略了 ReLU（不改变形状，也没有参数）。{question}")
    rows = summary.rows[:layer] if layer else summary.rows
    solution = []
    for r in rows:
        parts: list[Calc | str] = [r.explain[key] for key in ("H", "size") if key in r.explain]
        if ask == "params" and (layer is None or r.index == layer):
            parts.append(r.explain.get("params", t.tr("0 parameters", "0 个参数")))
        detail = "; ".join(f"`{p}`" for p in parts)
        solution.append(t.tr(f"Layer {r.index}", f"第 {r.index} 层")
                        + f" `{r.spec}` -> {shape_text(r.output)}" + (f" ({detail})" if detail else ""))
    target = summary.rows[layer - 1] if layer else summary.rows[-1]
    count = target.params if layer else summary.total_params
    if ask == "params" and not layer:
        solution.append(step(t, "Total", "合计", " + ".join(thousands(r.params) for r in rows if r.params)
                             + f" = {thousands(count)}"))
    mistakes: list[Wrong] = []
    for name, alt in case.wrong:
        try:
            other = net(alt, case.shape)
        except SpecError:  # the wrong rule shrinks the map below 1: no answer to compare
            continue
        pick = other.rows[layer - 1] if layer else other.rows[-1]
        mistakes.append(Wrong(name, list(pick.output) if ask == "output" else
                              (pick.params if layer else other.total_params)))
    if ask == "output":
        c, *hw = target.output
        if hw:
            mistakes.append(Wrong("forgot-plus-one", [c, hw[0] - 1, hw[1] - 1]))
        answer = Answer("shape", list(target.output))
    else:
        biases = sum(r.output[0] for r in rows if r.type in ("conv", "linear")
                     and (layer is None or r.index == layer))
        mistakes.append(Wrong("forgot-bias", count - biases))
        if target.type in ("maxpool", "avgpool") and layer:
            k = parse_layer(target.spec).args["k"][0]  # as if the pool were a conv of C filters
            mistakes.append(Wrong("counted-pooling-params", arith.conv_params(
                target.output[0], target.output[0], k, k).value))
        answer = Answer("int", count)
    spec = net_spec(case.shape, case.layers, ask, layer)
    return Draft(prompt, answer, solution, spec, mistakes)


def _mnist(t: Ctx, colour: bool) -> Case:
    a, b, hid = (25, 50, 100) if t.rng.random() < 0.4 else \
        (t.choice((8, 16, 25, 32)), t.choice((32, 50, 64)), t.choice((64, 100, 128)))
    shape = (3, 32, 32) if colour else (1, 28, 28)
    layers = (f"conv({a},k=3) -> maxpool(2) -> conv({b},k=3) -> maxpool(2) -> flatten -> "
              f"linear({hid}) -> linear(10)")
    example = not colour and (a, b, hid) == (25, 50, 100)  # the notes' widths
    en = ("The Keras MNIST example net" if example else "A Keras MNIST-style net" if not colour
          else "A Keras-style CIFAR net")
    zh = ("笔记中的 Keras MNIST 示例网络" if example else "一个 Keras 风格的 MNIST 网络" if not colour
          else "一个 Keras 风格的 CIFAR 网络")
    return Case(en, zh,
                shape, layers, (("ceil-instead-of-floor", layers.replace("maxpool(2)",
                                                                 "maxpool(2,ceil=true)")),))


LENET = Case("LeNet-5", "LeNet-5", (1, 32, 32),
             "conv(6,k=5) -> avgpool(2) -> conv(16,k=5) -> avgpool(2) -> flatten -> linear(120) "
             "-> linear(84) -> linear(10)")
ALEXNET = ("conv(96,k=11,s=4) -> maxpool(3,s=2) -> conv(256,k=5,p=2) -> maxpool(3,s=2) -> "
           "conv(384,k=3,p=1) -> conv(384,k=3,p=1) -> conv(256,k=3,p=1) -> maxpool(3,s=2) -> "
           "flatten -> linear(4096) -> linear(4096) -> linear(1000)")


def _alexnet(depth: int) -> Case:
    layers = " -> ".join(ALEXNET.split(" -> ")[:depth])
    return Case("AlexNet (as CS231n lists it)", "AlexNet（按 CS231n 的列法）", (3, 227, 227), layers,
                (("ceil-instead-of-floor", layers.replace("s=2)", "s=2,ceil=true)")),))


def _pick(t: Ctx, case: Case, kinds: tuple[str, ...]) -> int:
    rows = net(case.layers, case.shape).rows
    return t.choice([r.index for r in rows if r.type in kinds])


@template("net.small", "nsm", "params",
          title=("Small networks layer by layer", "小型网络逐层计算"))
def small_network(t: Ctx) -> Draft:
    if t.level == 1:
        case = _mnist(t, False) if t.rng.random() < 0.7 else LENET
        ask = t.choice(("output", "params"))
    elif t.level == 2:
        case = _alexnet(t.rng.randrange(4, 9)) if t.rng.random() < 0.6 else _mnist(t, False)
        ask = t.choice(("output", "params"))
    else:
        case = t.choice((_alexnet(12), _alexnet(9), _mnist(t, True), _mnist(t, False), LENET))
        ask = t.choice(("total", "params", "output"))
    if ask == "total":
        return ask_network(t, case, "params", None)
    kinds = ("conv", "maxpool", "avgpool", "flatten", "linear") if ask == "output" else \
        ("conv", "linear", "maxpool")
    return ask_network(t, case, ask, _pick(t, case, kinds))
