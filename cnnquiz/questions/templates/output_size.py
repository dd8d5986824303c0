"""Output size of a convolution (PyTorch semantics)."""

from __future__ import annotations

from cnnquiz.engine import arith
from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.common import (
    CHANNELS,
    FEATURE_SIZES,
    IMAGE_SIZES,
    SMALL_CHANNELS,
    net,
    net_spec,
    shape_text,
    step,
)

TITLE = ("Convolution output shape", "卷积输出尺寸")


@template("conv.output_size", "os", "output-size", title=TITLE)
def conv_output_size_v1(t: Ctx) -> Draft:
    """Version 1, kept for printed codes: about a fifth of its layers padded more than
    'same' needs (a 1x1 kernel with padding 2), which no real network does."""
    return _output_size(t, _setting_v1(t))


@template("conv.output_size", "os", "output-size", version=2, title=TITLE)
def conv_output_size(t: Ctx) -> Draft:
    return _output_size(t, _setting(t))


def _setting_v1(t: Ctx) -> tuple[int, int, int, int, int, int]:
    if t.level == 1:
        c, h = t.choice(SMALL_CHANNELS), t.rng.randrange(5, 33)
        k, s, p, d = t.choice((1, 3, 5)), t.choice((1, 1, 2)), t.rng.randrange(0, 3), 1
    elif t.level == 2:
        c, h = t.choice((3, 3, *CHANNELS[:6])), t.choice(IMAGE_SIZES + FEATURE_SIZES)
        k, s, p, d = t.choice((3, 5, 7, 11)), t.choice((1, 2, 2, 4)), t.rng.randrange(0, 4), 1
    else:
        c, h = t.choice(CHANNELS), t.choice(FEATURE_SIZES + IMAGE_SIZES)
        k, s, p, d = t.choice((3, 3, 5)), t.choice((1, 2, 3)), t.rng.randrange(0, 5), t.choice((1, 2, 3))
    return c, h, k, s, p, d


def same_padding(k: int, d: int = 1) -> int:
    """The padding that keeps the size at stride 1, d(k-1)/2: real layers pad no more."""
    return d * (k - 1) // 2


def _setting(t: Ctx) -> tuple[int, int, int, int, int, int]:
    """(channels, size, k, s, p, d) with 0 <= p <= same_padding(k, d)."""
    if t.level == 1:
        c, h = t.choice(SMALL_CHANNELS), t.rng.randrange(5, 33)
        k, s, d = t.choice((1, 3, 5)), t.choice((1, 1, 2)), 1
        p = t.rng.randrange(0, same_padding(k) + 1)
    elif t.level == 2:
        c, h = t.choice((3, 3, *CHANNELS[:6])), t.choice(IMAGE_SIZES + FEATURE_SIZES)
        k, s, d = t.choice((3, 5, 7, 11)), t.choice((1, 2, 2, 4)), 1
        p = t.rng.randrange(0, min(3, same_padding(k)) + 1)
    else:
        c, h = t.choice(CHANNELS), t.choice(FEATURE_SIZES + IMAGE_SIZES)
        k, s, d = t.choice((3, 3, 5)), t.choice((1, 2, 3)), t.choice((1, 2, 3))
        p = t.rng.randrange(0, min(4, same_padding(k, d)) + 1)
    return c, h, k, s, p, d


def _output_size(t: Ctx, setting: tuple[int, int, int, int, int, int]) -> Draft:
    c, h, k, s, p, d = setting
    out = t.choice(CHANNELS)
    while h + 2 * p < d * (k - 1) + 1:
        h += k
    layers = f"conv({out},k={k},s={s},p={p}" + (f",d={d})" if d > 1 else ")")
    row = net(layers, (c, h, h)).rows[0]
    hout = row.output[1]
    dil = t.tr(f", dilation {d}", f"，膨胀率 {d}") if d > 1 else ""
    prompt = t.tr(
        f"A `Conv2d` layer with {out} filters of size {k}x{k}, stride {s} and padding {p}{dil} "
        f"is applied to a {shape_text((c, h, h))} input (C x H x W). What is the output shape?",
        f"一个 `Conv2d` 层有 {out} 个 {k}x{k} 的卷积核，步长 {s}，填充 {p}{dil}，"
        f"输入为 {shape_text((c, h, h))}（C x H x W）。输出的形状是多少？",
    )
    solution = [
        step(t, f"Output channels = number of filters = {out}",
             f"输出通道数 = 卷积核个数 = {out}"),
        step(t, "Height", "高度", row.explain["H"]),
        step(t, "The input is square, so the width is the same",
             "输入是正方形，宽度相同"),
        step(t, f"Output shape: {shape_text(row.output)}", f"输出形状：{shape_text(row.output)}"),
    ]

    def shape(hh: int) -> list[int]:
        return [out, hh, hh]

    mistakes = [
        Wrong("forgot-plus-one", shape(hout - 1)),
        Wrong("padded-one-side", shape(arith.conv_out(h, k, s, (p, 0), d).value)),
        Wrong("ceil-instead-of-floor", shape(arith.ceil_div(h + 2 * p - d * (k - 1) - 1, s) + 1)),
        Wrong("ignored-dilation", shape(arith.conv_out(h, k, s, p, 1).value)),
        Wrong("ignored-stride", shape(arith.conv_out(h, k, 1, p, d).value)),
        Wrong("kept-input-channels", [c, hout, hout]),
    ]
    return Draft(prompt, Answer("shape", list(row.output)), solution,
                 net_spec((c, h, h), layers, "output"), mistakes)
