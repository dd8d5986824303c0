"""Multiply-accumulates of one convolution (bias not counted, the fvcore convention):
H_out*W_out*C_out*(C_in/g)*K*K. FLOPs are usually quoted as 2 x MACs, a classic slip.
"""

from __future__ import annotations

from cnnquiz.engine import arith
from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.common import (
    CHANNELS,
    FEATURE_SIZES,
    SMALL_CHANNELS,
    net,
    net_spec,
    shape_text,
    step,
)
from cnnquiz.questions.templates.costs_common import conv_text

_REAL = (((3, 227), 96, 11, 4, 0), ((3, 224), 64, 7, 2, 3), ((64, 224), 64, 3, 1, 1),
         ((3, 224), 32, 3, 2, 1), ((256, 28), 192, 3, 1, 1), ((256, 28), 128, 1, 1, 0))


@template("macs.conv", "mcv", "macs", title=("Convolution MACs", "卷积层乘加次数"))
def conv_macs(t: Ctx) -> Draft:
    d, g = 1, 1
    if t.level == 1:
        c, h, cout = t.choice(SMALL_CHANNELS), t.rng.randrange(5, 33), t.choice((4, 8, 16, 32))
        k = t.choice((1, 3, 5))
        s, p = 1, t.choice((0, k // 2))
    elif t.level == 2 and t.rng.random() < 0.4:
        (c, h), cout, k, s, p = t.choice(_REAL)
    elif t.level == 2:
        c, h, cout = t.choice(CHANNELS), t.choice(FEATURE_SIZES), t.choice(CHANNELS)
        k, s = t.choice((1, 3, 3)), t.choice((1, 1, 2))
        p = k // 2
    else:
        c, h = t.choice(CHANNELS), t.choice((14, 28, 56, 112))
        kind = t.choice(("groups", "depthwise", "dilation"))
        k, s = t.choice((3, 5)), t.choice((1, 2))
        if kind == "depthwise":
            g, cout = c, c
        elif kind == "groups":
            g = t.choice((2, 4, 8, 16))
            cout = t.choice(CHANNELS[3:])
        else:
            cout, d = t.choice(CHANNELS), t.choice((2, 3))
        p = d * (k - 1) // 2
    layers = conv_text(cout, k, s=s, ph=p, d=d, g=g)
    shape = (c, h, h)
    row = net(layers, shape).rows[0]
    _, ho, wo = row.output
    extras = [t.tr(f"stride {s}", f"步长 {s}"), t.tr(f"padding {p}", f"填充 {p}")]
    if d > 1:
        extras.append(t.tr(f"dilation {d}", f"膨胀率 {d}"))
    if g > 1:
        extras.append(t.tr(f"groups {g}", f"分组数 {g}"))
    sep = t.tr(", ", "，")
    prompt = t.tr(
        f"A `Conv2d` layer applies {cout} filters of size {k}x{k} ({sep.join(extras)}) to a "
        f"{shape_text(shape)} input (C x H x W). How many multiply-accumulate operations (MACs) "
        "does one forward pass of one image take? Do not count the bias additions.",
        f"一个 `Conv2d` 层对 {shape_text(shape)} 的输入（C x H x W）使用 {cout} 个 {k}x{k} 卷积核"
        f"（{sep.join(extras)}）。处理一张图像的一次前向传播需要多少次乘加运算（MACs）？偏置的加法不计。")
    solution = [
        step(t, "Output height (and width)", "输出的高（宽）", row.explain["H"]),
        step(t, "Each output value needs (C_in/g)*K*K multiply-accumulates; there are "
                "H_out*W_out*C_out of them",
             "每个输出值需要 (C_in/g)*K*K 次乘加，共有 H_out*W_out*C_out 个输出值",
             row.explain["macs"]),
    ]
    macs = row.macs
    wrong_h = arith.conv_out(h, k, 1, p, d).value  # output size without the stride
    undilated = arith.conv_out(h, k, s, p).value  # output size without the dilation
    mistakes = [
        Wrong("counted-flops-not-macs", 2 * macs),
        Wrong("macs-ignored-output-size", arith.conv_params(c, cout, k, k, g, False).value),
        Wrong("forgot-input-channels", arith.conv_macs(cout, ho, wo, g, k, k, g).value),
        Wrong("ignored-stride", arith.conv_macs(cout, wrong_h, wrong_h, c, k, k, g).value),
        Wrong("counted-bias-as-mac", macs + cout * ho * wo),
        Wrong("ignored-groups", arith.conv_macs(cout, ho, wo, c, k, k, 1).value),
        Wrong("ignored-dilation", arith.conv_macs(cout, undilated, undilated, c, k, k, g).value),
    ]
    return Draft(prompt, Answer("int", macs), solution, net_spec(shape, layers, "macs"), mistakes)
