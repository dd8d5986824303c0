"""Depthwise-separable convolution against a standard one (MobileNet's trade).

Depthwise: one K x K filter per input channel (groups = C), K*K*C weights; pointwise:
a 1x1 convolution, C*C_out weights. A standard convolution has K*K*C*C_out. The
popular answer key's "(H x W + C) x K" swaps the channel counts; it is a mistake here.
Savings use the `difference` spec and the ratio the `ratio` spec (see costs_common).
"""

from __future__ import annotations

from cnnquiz.engine import arith
from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.common import net, net_spec, shape_text, step
from cnnquiz.questions.templates.costs_common import conv_text, difference, ratio, thousands


@template("params.separable", "pds", "params",
          title=("Depthwise-separable convolution", "深度可分离卷积参数量"))
def separable_params(t: Ctx) -> Draft:
    if t.level == 1:
        c, cout, k = t.choice((3, 8, 16, 32)), t.choice((8, 16, 24, 32, 64)), 3
        ask = t.choice(("separable", "standard"))
    elif t.level == 2:
        c, cout, k = t.choice((32, 64, 128, 256, 512)), t.choice((64, 128, 256, 512, 1024)), 3
        ask = t.choice(("separable", "saving"))
    else:
        c, cout, k = t.choice((16, 32, 64, 96, 128, 256)), t.choice((24, 32, 64, 160, 320)), \
            t.choice((3, 5, 7))
        ask = t.choice(("saving", "ratio"))
    h = t.choice((7, 14, 28, 56, 112))
    shape = (c, h, h)
    sep_layers = f"{conv_text(c, k, ph=k // 2, g=c, bias=False)} -> {conv_text(cout, 1, bias=False)}"
    std_layers = conv_text(cout, k, ph=k // 2, bias=False)
    sep, std = net(sep_layers, shape), net(std_layers, shape)
    dw, pw, full = sep.rows[0].explain["params"], sep.rows[1].explain["params"], \
        std.rows[0].explain["params"]
    sep_spec, std_spec = net_spec(shape, sep_layers, "params"), net_spec(shape, std_layers, "params")
    setup = t.tr(
        f"A {shape_text(shape)} feature map (C x H x W) must become {cout} channels with a "
        f"{k}x{k} receptive field (padding keeps the size; no biases anywhere). A standard "
        f"convolution uses {cout} filters of {k}x{k}x{c}; a depthwise-separable one uses a "
        f"{k}x{k} depthwise convolution (groups = {c}) followed by a 1x1 pointwise convolution.",
        f"要把 {shape_text(shape)} 的特征图（C x H x W）变成 {cout} 个通道，感受野 {k}x{k}"
        f"（填充保持尺寸；都不带偏置）。标准卷积用 {cout} 个 {k}x{k}x{c} 的卷积核；深度可分离卷积"
        f"先做 {k}x{k} 的逐通道卷积（groups = {c}），再做 1x1 的逐点卷积。")
    question = {
        "separable": t.tr("How many weights does the depthwise-separable version have?",
                          "深度可分离版本有多少个权重？"),
        "standard": t.tr("How many weights does the standard convolution have?",
                         "标准卷积有多少个权重？"),
        "saving": t.tr("How many weights does the separable version save?",
                       "深度可分离版本比标准卷积少多少个权重？"),
        "ratio": t.tr("How many times more weights does the standard convolution have? "
                      "Give 2 decimals.", "标准卷积的权重是深度可分离版本的多少倍？保留 2 位小数。"),
    }[ask]
    solution = [
        step(t, "Depthwise: one KxK filter per input channel", "逐通道卷积：每个输入通道一个 KxK 卷积核", dw),
        step(t, "Pointwise 1x1", "逐点 1x1 卷积", pw),
        step(t, f"Separable total: {thousands(dw.value)} + {thousands(pw.value)}",
             f"深度可分离合计：{thousands(dw.value)} + {thousands(pw.value)}", sep.total_params),
        step(t, "Standard convolution", "标准卷积", full),
    ]
    wrong_dw = arith.conv_params(c, c, k, k, 1, False).value  # a full KxKxC filter per channel
    swapped = arith.conv_params(cout, cout, k, k, cout, False).value + pw.value  # (K*K + C)*C_out
    if ask in ("separable", "standard"):
        value = sep.total_params if ask == "separable" else std.total_params
        spec = sep_spec if ask == "separable" else std_spec
        answer = Answer("int", value)
        mistakes = [Wrong("depthwise-as-standard", wrong_dw + pw.value), Wrong("forgot-pointwise", dw.value),
                    Wrong("dsconv-swapped-channels", swapped),
                    Wrong("forgot-input-channels", arith.conv_params(1, cout, k, k, 1, False).value)]
        if ask == "standard":
            mistakes = [*mistakes[-1:], Wrong("forgot-output-channels", dw.value)]
    elif ask == "saving":
        saving = std.total_params - sep.total_params
        solution.append(step(t, "Saving", "节省", f"{thousands(std.total_params)} - "
                             f"{thousands(sep.total_params)} = {thousands(saving)}"))
        answer, spec = Answer("int", saving), difference(std_spec, sep_spec)
        mistakes = [Wrong("forgot-pointwise", std.total_params - dw.value),
                    Wrong("depthwise-as-standard", std.total_params - wrong_dw - pw.value),
                    Wrong("dsconv-swapped-channels", std.total_params - swapped)]
    else:
        times = std.total_params / sep.total_params
        solution.append(step(t, "Ratio", "倍数",
                             f"{thousands(std.total_params)} / {thousands(sep.total_params)} = {times:.4f} ≈ "
                             f"{times:.2f}"))
        answer, spec = Answer("float", times, 0.01), ratio(std_spec, sep_spec)
        mistakes = [Wrong("inverted-ratio", sep.total_params / std.total_params),
                    Wrong("forgot-pointwise", std.total_params / dw.value),
                    Wrong("dsconv-swapped-channels", std.total_params / swapped)]
    solution.append(t.tr(f"In general the separable/standard ratio is 1/C_out + 1/K^2 = 1/{cout} "
                         f"+ 1/{k * k}.",
                         f"一般地，深度可分离与标准卷积的参数比为 1/C_out + 1/K^2 = 1/{cout} + 1/{k * k}。"))
    return Draft(f"{setup} {question}", answer, solution, spec, mistakes)
