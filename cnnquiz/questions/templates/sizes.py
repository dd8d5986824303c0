"""Lengths and heights: 1-D convolution modes, and the output height of a dilated convolution.

Invented operation spec (recomputable without cnnquiz):

- `{"op": "conv1d_modes", "n": n, "m": m, "mode": "full|valid|same", "stride": s,
  "ask": "length"}`: the length of `numpy.convolve(x, w, mode)[::stride]` for a signal x of
  length n and a kernel w of length m <= n; the same number as TensorFlow's output size with
  padding `mode` (valid: ceil((n-m+1)/s), same: ceil(n/s), full: pad m-1 on both sides).

Network questions that ask for one size of the output shape add `"at": [1]` (index into the
[C, H, W] output, i.e. the height) to the contract's network spec.
"""

from __future__ import annotations

from cnnquiz.engine import arith
from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.common import CHANNELS, net, net_spec, shape_text, step

MODES = ("full", "valid", "same")


def _length(n: int, m: int, s: int, mode: str) -> int:
    return int(arith.tf_padding(n, m, s, mode).out.value)


@template("conv1d.length", "c1d", "conv1d", title=("1-D convolution length", "一维卷积的输出长度"))
def conv1d_length(t: Ctx) -> Draft:
    if t.level == 1:
        n = t.rng.randrange(5, 25)
        m, s = t.rng.randrange(2, min(n, 8) + 1), 1
    elif t.level == 2:
        n = t.choice((32, 50, 64, 100, 128, 200, 256, 300, 512))
        m, s = t.choice((3, 5, 7, 9, 11)), t.choice((1, 1, 2, 2, 3, 4))
    else:
        n = t.rng.randrange(16, 120)
        m, s = t.rng.randrange(2, 16), t.rng.randrange(2, 6)
    mode = t.choice(MODES)
    out = arith.tf_padding(n, m, s, mode).out
    plain = arith.tf_padding(n, m, 1, mode).out
    stride_en = f" with stride {s} (one output kept out of every {s})" if s > 1 else ""
    stride_zh = f"，步长为 {s}（每 {s} 个位置保留一个输出）" if s > 1 else ""
    prompt = t.tr(
        f"A signal of length {n} is convolved with a kernel of length {m} in **{mode}** mode"
        f"{stride_en}. How many outputs are there?\n\n(full: every partial overlap counts; "
        "valid: only full overlaps; same: as many outputs as inputs before striding.)",
        f"长度为 {n} 的信号与长度为 {m} 的卷积核以 **{mode}** 模式做卷积{stride_zh}。"
        "输出有多少个？\n\n（full：只要有重叠就算一个输出；valid：只算完全重叠；"
        "same：不计步长时输出与输入一样长。）",
    )
    trains = {
        "full": ("Full: the kernel slides from the first touch to the last, n+m-1 positions",
                 "full：卷积核从刚接触到刚离开，共 n+m-1 个位置"),
        "valid": ("Valid: only positions where the kernel lies inside the signal, n-m+1",
                  "valid：只算卷积核完全落在信号内的位置，n-m+1 个"),
        "same": ("Same: pad so that there is one output per input, n",
                 "same：补零使每个输入对应一个输出，共 n 个"),
    }[mode]
    tf = arith.tf_padding(n, m, s, mode)
    solution = [step(t, *trains, plain)]
    if mode == "full":
        solution.insert(0, step(t, "Full mode pads m-1 zeros on each side",
                                "full 模式在两侧各补 m-1 个零", tf.left))
    if s > 1:
        solution.append(step(t, f"With stride {s}, count the kept positions",
                             f"步长为 {s} 时，数保留下来的位置", out))
    solution.append(step(t, f"Answer: {out.value}", f"答案：{out.value}"))
    mistakes: list[Wrong] = [
        Wrong("mixed-padding-modes", _length(n, m, s, other)) for other in MODES if other != mode
    ]
    if mode == "full":
        mistakes.append(Wrong("full-not-n-plus-m", _length(n + 1, m, s, "full")))
    if mode == "valid" and n > m:
        mistakes.append(Wrong("forgot-plus-one", _length(n - 1, m, s, "valid")))
    if s > 1:
        mistakes += [Wrong("ignored-stride", plain.value), Wrong("floor-instead-of-ceil", plain.value // s)]
    spec = {"op": "conv1d_modes", "n": n, "m": m, "mode": mode, "stride": s, "ask": "length"}
    return Draft(prompt, Answer("int", int(out.value)), solution, spec, mistakes)


def _dilated_config(t: Ctx) -> tuple[int, int, int, int, int, int]:
    """(channels, size, kernel, stride, padding, dilation) with the padded input >= the span."""
    if t.level == 1:
        c, h, k, s, d = t.choice((1, 3, 8, 16)), t.rng.randrange(7, 33), 3, 1, t.choice((2, 3))
        p = t.choice((0, d, 1))
    elif t.level == 2:  # DeepLab / ASPP style atrous convolutions on real feature maps
        c, h, k = t.choice((256, 512, 1024, 2048)), t.choice((65, 64, 33, 32, 56, 28, 129)), 3
        d = t.choice((2, 4, 6, 12, 18))
        s, p = t.choice((1, 1, 1, 2)), t.choice((0, d, d, 1))
    else:
        c, h = t.choice(CHANNELS), t.rng.randrange(9, 80)
        k, s, d = t.choice((3, 3, 5, 7)), t.choice((1, 2, 3)), t.choice((2, 3, 4, 5))
        p = t.rng.randrange(0, d * (k - 1) // 2 + 2)
    while h + 2 * p < d * (k - 1) + 1:
        h += d * (k - 1)
    return c, h, k, s, p, d


@template("conv.dilated_height", "dlh", "output-size",
          title=("Output height of a dilated convolution", "空洞卷积的输出高度"))
def conv_dilated_height(t: Ctx) -> Draft:
    c, h, k, s, p, d = _dilated_config(t)
    out = t.choice(CHANNELS)
    layers = f"conv({out},k={k},s={s},p={p},d={d})"
    row = net(layers, (c, h, h)).rows[0]
    hout = row.explain["H"]
    prompt = t.tr(
        f"A {k}x{k} convolution with dilation {d}, stride {s} and padding {p} (PyTorch "
        f"`Conv2d`, {out} filters) is applied to a {shape_text((c, h, h))} feature map "
        "(C x H x W). What is the output **height**?",
        f"对 {shape_text((c, h, h))}（C x H x W）的特征图做 {k}x{k} 的空洞卷积（PyTorch "
        f"`Conv2d`，{out} 个卷积核），膨胀率 {d}，步长 {s}，填充 {p}。输出的**高度**是多少？",
    )
    solution = [
        step(t, "Span of the dilated kernel", "空洞卷积核覆盖的范围", arith.effective_kernel(k, d)),
        step(t, "Output height", "输出高度", hout),
    ]

    def height(n: int, kk: int, ss: int, pp: int | tuple[int, int], dd: int) -> int:
        return int(arith.conv_out(n, kk, ss, pp, dd).value)

    mistakes: list[Wrong] = [
        Wrong("ignored-dilation", height(h, k, s, p, 1)),
        Wrong("span-d-times-k", (h + 2 * p - d * k) // s + 1),
        Wrong("forgot-plus-one", hout.value - 1),
        Wrong("padded-one-side", height(h, k, s, (p, 0), d) if p else None),
        Wrong("ceil-instead-of-floor",
         arith.ceil_div(h + 2 * p - d * (k - 1) - 1, s) + 1 if s > 1 else None),
    ]
    mistakes = [m for m in mistakes if m.value is not None and m.value >= 1]
    spec = {**net_spec((c, h, h), layers, "output"), "at": [1]}
    return Draft(prompt, Answer("int", int(hout.value)), solution, spec, mistakes)
