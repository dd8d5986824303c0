"""Parameter counts of one convolution: plain (AlexNet CONV1 style), grouped, and the
depthwise-separable pair against a standard convolution.

Answers are the engine's counts for the question's spec; each mistake is the count
`arith.conv_params` gives with the argument a student gets wrong.
"""

from __future__ import annotations

from cnnquiz.engine import arith
from cnnquiz.engine.explain import Calc
from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.common import (
    CHANNELS,
    FEATURE_SIZES,
    SMALL_CHANNELS,
    count_en,
    net,
    net_spec,
    shape_text,
    step,
)
from cnnquiz.questions.templates.costs_common import conv_text, thousands


def _bias_words(t: Ctx, bias: bool) -> str:
    return (t.tr("biases included (PyTorch's default `bias=True`)",
                 "含偏置（PyTorch 默认 `bias=True`）") if bias
            else t.tr("the layer has `bias=False`", "该层 `bias=False`，没有偏置"))


@template("params.conv", "pcv", "params", title=("Convolution parameters", "卷积层参数量"))
def conv_params(t: Ctx) -> Draft:
    about, d, s = False, 1, 1
    if t.level == 1:
        cin, cout = t.choice(SMALL_CHANNELS), t.choice((4, 6, 8, 10, 16, 20, 32, 64))
        kh = kw = t.choice((1, 3, 5))
        bias, h = t.rng.random() < 0.7, t.choice((28, 32, 64))
    elif t.level == 2 and t.rng.random() < 0.3:  # AlexNet CONV1 (CS231n)
        cin, cout, kh, kw, s, h = 3, 96, 11, 11, 4, 227
        about = t.rng.random() < 0.5
        bias = not about
    elif t.level == 2:
        cin, cout = t.choice((3, *CHANNELS)), t.choice(CHANNELS)
        kh = kw = t.choice((1, 3, 3, 5, 7))
        s, bias, h = t.choice((1, 1, 2)), t.rng.random() < 0.6, t.choice(FEATURE_SIZES)
    else:
        cin, cout = t.choice(CHANNELS), t.choice(CHANNELS)
        kh, kw = t.choice(((1, 7), (7, 1), (3, 1), (1, 3), (3, 3), (5, 5)))
        d, bias, h = t.choice((1, 2, 3)), t.rng.random() < 0.5, t.choice((14, 28, 56))
    layers = conv_text(cout, kh, kw, s=s, ph=d * (kh - 1) // 2 if s == 1 else 0,
                       pw=d * (kw - 1) // 2 if s == 1 else 0, d=d, bias=bias)
    shape = (cin, h, h)
    row = net(layers, shape).rows[0]
    extra = t.tr(f" (stride {s})", f"（步长 {s}）") if s > 1 else ""
    extra += t.tr(f" (dilation {d})", f"（膨胀率 {d}）") if d > 1 else ""
    if about:
        prompt = t.tr(
            f"AlexNet's CONV1 applies 96 filters of size 11x11 with stride 4 to a "
            f"{shape_text(shape)} image (C x H x W). **About** how many weights does it have, "
            "not counting biases?",
            f"AlexNet 的 CONV1 用 96 个 11x11 的卷积核、步长 4 处理 {shape_text(shape)} 的图像"
            "（C x H x W）。它**大约**有多少个权重（不算偏置）？")
    else:
        prompt = t.tr(
            f"A `Conv2d` layer applies {cout} filters of size {kh}x{kw}{extra} to a "
            f"{shape_text(shape)} input (C x H x W), {_bias_words(t, bias)}. How many trainable "
            "parameters does it have?",
            f"一个 `Conv2d` 层对 {shape_text(shape)} 的输入（C x H x W）使用 {cout} 个 {kh}x{kw} 的"
            f"卷积核{extra}，{_bias_words(t, bias)}。它有多少个可训练参数？")
    per_filter = arith.conv_params(cin, 1, kh, kw, 1, False).value
    per = Calc(per_filter, "K_h*K_w*C_in", f"{kh}*{kw}*{cin}")
    solution = [
        step(t, f"Each filter is {kh}x{kw} and as deep as the input ({count_en(cin, 'channel')})",
             f"每个卷积核大小 {kh}x{kw}，深度等于输入通道数 {cin}", per),
        step(t, f"{cout} filters, " + ("one bias each" if bias else "no biases"),
             f"共 {cout} 个卷积核，" + ("每个一个偏置" if bias else "没有偏置"), row.explain["params"]),
    ]
    if d > 1:
        solution.append(t.tr("Dilation spreads the taps apart but adds no weights.",
                             "膨胀只是把采样点拉开，并不增加权重。"))
    if about:
        solution.append(t.tr(f"{thousands(row.params)} is about 35K.", f"{thousands(row.params)} 约为 35K。"))
    mistakes = [
        Wrong("forgot-bias", arith.conv_params(cin, cout, kh, kw, 1, False).value),
        Wrong("added-bias", arith.conv_params(cin, cout, kh, kw, 1, True).value),
        Wrong("forgot-input-channels", arith.conv_params(1, cout, kh, kw, 1, bias).value),
        Wrong("forgot-output-channels", arith.conv_params(cin, 1, kh, kw, 1, bias).value),
        Wrong("dilation-adds-weights", arith.conv_params(
            cin, cout, d * (kh - 1) + 1, d * (kw - 1) + 1, 1, bias).value),
    ]
    if bias:
        mistakes.append(Wrong("bias-per-weight", 2 * arith.conv_params(cin, cout, kh, kw, 1, False).value))
    answer = Answer("int", row.params, 0.02 if about else 0.0, allow_rounding=about)
    return Draft(prompt, answer, solution, net_spec(shape, layers, "params"), mistakes)


@template("params.grouped", "pgr", "params", title=("Grouped convolution parameters", "分组卷积参数量"))
def grouped_params(t: Ctx) -> Draft:
    if t.level == 1:
        g = t.choice((2, 4))
        cin, cout, k = g * t.rng.randrange(1, 5), g * t.rng.randrange(1, 9), 3
    elif t.level == 2:
        cin, cout, g, k = t.choice(((128, 128, 32, 3), (256, 256, 32, 3), (512, 512, 32, 3),
                                     (96, 256, 2, 5), (240, 240, 3, 1), (256, 384, 2, 3),
                                     (384, 384, 2, 3), (64, 64, 8, 3), (192, 192, 4, 3)))
    else:
        cin = t.choice((16, 32, 64, 96, 128, 144, 192, 256, 384, 512))
        g, cout, k = cin, cin * t.choice((1, 2, 4)), t.choice((3, 5, 7))
    bias = t.rng.random() < 0.6
    h = t.choice((14, 28, 56)) if t.level > 1 else t.choice((8, 16, 32))
    layers = conv_text(cout, k, ph=k // 2, g=g, bias=bias)
    shape = (cin, h, h)
    row = net(layers, shape).rows[0]
    dw = t.tr(" (a depthwise convolution when groups = input channels)",
              "（分组数等于输入通道数时就是逐通道卷积）") if g == cin else ""
    prompt = t.tr(
        f"A `Conv2d` with groups = {g}{dw} maps a {shape_text(shape)} input (C x H x W) to "
        f"{cout} channels with {k}x{k} kernels, {_bias_words(t, bias)}. How many trainable "
        "parameters does it have?",
        f"一个分组数 groups = {g} 的 `Conv2d`{dw}把 {shape_text(shape)} 的输入（C x H x W）映射到 "
        f"{cout} 个通道，卷积核 {k}x{k}，{_bias_words(t, bias)}。它有多少个可训练参数？")
    solution = [
        step(t, f"Each kernel sees only C_in/g = {cin}/{g} = {count_en(cin // g, 'input channel')}",
             f"每个卷积核只看 C_in/g = {cin}/{g} = {cin // g} 个输入通道"),
        step(t, "Parameters", "参数量", row.explain["params"]),
    ]
    mistakes = [
        Wrong("ignored-groups", arith.conv_params(cin, cout, k, k, 1, bias).value),
        Wrong("forgot-bias", arith.conv_params(cin, cout, k, k, g, False).value),
        Wrong("added-bias", arith.conv_params(cin, cout, k, k, g, True).value),
        Wrong("forgot-input-channels", arith.conv_params(g, cout, k, k, g, bias).value),
    ]
    if (cin // g) % g == 0:
        mistakes.append(Wrong("divided-groups-twice",
                         arith.conv_params(cin // g, cout, k, k, g, bias).value))
    return Draft(prompt, Answer("int", row.params), solution,
                 net_spec(shape, layers, "params"), mistakes)
