"""Questions about one layer of a given network: its output shape, parameters and MACs.

Each builder takes the template context and a `NetworkCase`; answers and worked steps
come from the engine's rows, mistakes from re-running the engine with the wrong rule
(ceil pools, no padding, no stride) or adjusting the asked layer's count.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from cnnquiz.engine.network import Row
from cnnquiz.engine.spec import Layer
from cnnquiz.questions.model import Answer
from cnnquiz.questions.network_case import NetworkCase, intro, spec_of, variant, where, with_args
from cnnquiz.questions.template import Ctx, Draft, Wrong
from cnnquiz.questions.templates.common import shape_text, step

KEEPS_SHAPE = ("relu", "bn", "dropout", "sigmoid", "tanh")
RESHAPING = ("conv", "convT", "maxpool", "avgpool", "adaptiveavgpool", "adaptivemaxpool",
             "flatten", "linear", "pixelshuffle", "upsample", "add", "concat")
WEIGHTED = ("conv", "convT", "linear", "bn")


def pick(t: Ctx, rows: Sequence[Row]) -> Row:
    """A layer to ask about, later layers a little more likely at higher levels."""
    ordered = sorted(rows, key=lambda r: r.index)
    if t.level > 1 and len(ordered) > 2:
        ordered = ordered[len(ordered) // 3:]
    return ordered[t.rng.randrange(len(ordered))]


def walk(t: Ctx, case: NetworkCase, upto: int) -> list[str]:
    """Worked steps: each shape-changing layer up to `upto`, with its size formula."""
    out = []
    for r in case.rows[:upto]:
        if r.type in KEEPS_SHAPE and r.index != upto:
            continue
        calc = r.explain.get("H") or r.explain.get("size")
        named = f" ({r.name})" if r.name else ""
        out.append(step(t, f"Layer {r.index} `{r.spec}`{named} -> {shape_text(r.output)}",
                        f"第 {r.index} 层 `{r.spec}`{named.replace(' (', '（').replace(')', '）')}"
                        f" -> {shape_text(r.output)}", calc))
    note = t.tr("(layers that keep the shape - activations, batch norm, dropout - are left out)",
                "（不改变形状的层——激活、批归一化、dropout——略去）")
    return [note, *out] if any(r.type in KEEPS_SHAPE for r in case.rows[:upto]) else out


def input_to(case: NetworkCase, row: Row) -> tuple[int, ...]:
    return case.input if row.index == 1 else case.rows[row.index - 2].output


def _rerun(case: NetworkCase, row: Row, **how: Any) -> list[int] | None:
    """The asked layer's output when every conv and pool gets the wrong rule `how`."""
    def change(layer: Layer) -> Layer:
        if layer.kind not in ("conv", "maxpool", "avgpool"):
            return layer
        args = {k: v for k, v in how.items() if k != "ceil" or layer.kind != "conv"}
        if "p" in args and isinstance(layer.args["p"], str):
            args.pop("p")
        return with_args(layer, **args)
    other = variant(case, change)
    return None if other is None else list(other.rows[row.index - 1].output)


def output_shape(t: Ctx, case: NetworkCase) -> Draft:
    row = pick(t, [r for r in case.rows if r.type in RESHAPING])
    prompt = intro(t, case, row.index) + "\n\n" + t.tr(
        f"What is the output shape of {where(t, row)} (C x H x W, or N after flatten)?",
        f"{where(t, row)}的输出形状是多少（C x H x W，展平后为 N）？")
    mistakes: list[Wrong] = []
    if row.type in ("conv", "maxpool", "avgpool"):
        c, h, w = row.output
        mistakes.append(Wrong("forgot-plus-one", [c, h - 1, w - 1]))
    if row.type == "flatten" and len(before := input_to(case, row)) == 3:
        mistakes.append(Wrong("forgot-channels", [before[1] * before[2]]))
    for name, how in (("ceil-instead-of-floor", {"ceil": True}),
                      ("ignored-padding", {"p": (0, 0)}), ("ignored-stride", {"s": (1, 1)})):
        if (value := _rerun(case, row, **how)) is not None:
            mistakes.append(Wrong(name, value))
    return Draft(prompt, Answer("shape", list(row.output)), walk(t, case, row.index),
                 spec_of(case, "output", row.index), mistakes)


def layer_params(t: Ctx, case: NetworkCase) -> Draft:
    row = pick(t, [r for r in case.rows if r.type in WEIGHTED and r.params])
    shape_in = input_to(case, row)
    prompt = intro(t, case, row.index) + "\n\n" + t.tr(
        f"How many trainable parameters does {where(t, row)} have (biases included)?",
        f"{where(t, row)}有多少个可训练参数（含偏置）？")
    solution = [
        *walk(t, case, row.index - 1),
        step(t, f"{where(t, row)} gets a {shape_text(shape_in)} input",
             f"{where(t, row)}的输入为 {shape_text(shape_in)}"),
        step(t, "Its parameters", "它的参数", row.explain["params"])]
    mistakes: list[Wrong] = []
    out, n = row.output[0], row.params
    layer = case.layer(row)
    bias = out if layer is not None and layer.args.get("bias") else 0
    if bias:
        mistakes.append(Wrong("forgot-bias", n - bias))
    if layer is not None and row.type == "conv":
        (kh, kw), g = layer.args["k"], layer.args["g"]
        mistakes.append(Wrong("forgot-input-channels", out * kh * kw + bias))
        if g > 1:
            mistakes.append(Wrong("ignored-groups", out * shape_in[0] * kh * kw + bias))
    if row.type == "linear" and row.index > 2 and case.rows[row.index - 2].type == "flatten":
        before = case.rows[row.index - 3].output
        if len(before) == 3:
            mistakes.append(Wrong("forgot-channels", before[1] * before[2] * out + bias))
    if row.type == "bn":
        mistakes += [Wrong("counted-running-stats", 2 * n), Wrong("bn-scale-only", n // 2)]
    return Draft(prompt, Answer("int", n), solution, spec_of(case, "params", row.index), mistakes)


def layer_macs(t: Ctx, case: NetworkCase) -> Draft:
    row = pick(t, [r for r in case.rows if r.macs])
    shape_in = input_to(case, row)
    prompt = intro(t, case, row.index) + "\n\n" + t.tr(
        f"How many multiply-accumulates (MACs) does {where(t, row)} take for one image? Do not "
        "count the bias additions.",
        f"{where(t, row)}处理一张图像需要多少次乘加运算（MACs）？偏置的加法不计。")
    solution = [
        *walk(t, case, row.index),
        step(t, f"Input {shape_text(shape_in)}, output {shape_text(row.output)}: each output "
                "value costs one MAC per weight it uses",
             f"输入 {shape_text(shape_in)}，输出 {shape_text(row.output)}：每个输出值的乘加次数等于"
             "它用到的权重个数", row.explain["macs"])]
    macs, positions = row.macs, math.prod(row.output)
    layer = case.layer(row)
    bias = row.output[0] if layer is not None and layer.args.get("bias") else 0
    mistakes: list[Wrong] = [Wrong("counted-flops-not-macs", 2 * macs),
                                       Wrong("counted-bias-as-mac", macs + positions),
                                       Wrong("macs-ignored-output-size", row.params - bias)]
    if layer is not None and row.type == "conv":
        per_output = shape_in[0] // layer.args["g"]
        mistakes.append(Wrong("forgot-input-channels", macs // per_output))
        if layer.args["g"] > 1:
            mistakes.append(Wrong("ignored-groups", macs * layer.args["g"]))
    return Draft(prompt, Answer("int", macs), solution, spec_of(case, "macs", row.index), mistakes)
