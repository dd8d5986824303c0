"""Transposed convolution sizes, the convolution matrix C behind "C^T", and PixelShuffle.

Operation specs invented here (no contract name existed):
- `{"op": "convT_input_size", "out": H_out, "kernel_size", "stride", "padding",
  "output_padding", "dilation"}`: the input height a ConvTranspose2d needs to produce H_out.
- `{"op": "conv_matrix_shape", "in_hw": [H, W], "in_channels", "out_channels",
  "kernel_size", "stride", "padding", "transpose": bool}`: [rows, cols] of the matrix C
  with conv2d(x).flatten() == C @ x.flatten() (of C^T when `transpose`). Answers of kind
  "shape" here are [rows, cols], not C x H x W; the prompt says so.
"""

from __future__ import annotations

from cnnquiz.engine import arith
from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.common import count_en, net, net_spec, shape_text, step
from cnnquiz.questions.templates.costs_common import conv_text

_DECODER = ((4, 2, 1, 0), (3, 2, 1, 1), (2, 2, 0, 0), (3, 1, 1, 0), (5, 2, 2, 1), (4, 4, 0, 0))


def convT_text(out: int, k: int, s: int, p: int, op: int, d: int) -> str:
    extra = "".join(f",{n}={v}" for n, v, dflt in (("s", s, 1), ("p", p, 0), ("op", op, 0),
                                                    ("d", d, 1)) if v != dflt)
    return f"convT({out},k={k}{extra})"


def _draw_convT(t: Ctx, version: int) -> tuple[int, int, int, int, int, int]:
    """(input size, k, s, p, op, d), always giving an output of at least 1; from version 2
    the kernel is never smaller than the stride (else the output has rows no input reaches,
    zeros that no upsampling layer is built to make)."""
    if t.level == 1:
        if t.rng.random() < 0.2:
            return 2, 4, 3, 0, 0, 1  # the notes' scatter-and-add case: 2x2 -> 7x7
        if version >= 2:
            n, k = t.rng.randrange(2, 17), t.choice((2, 3, 4))
            return n, k, t.choice([s for s in (1, 2, 3) if s <= k]), 0, 0, 1
        return t.rng.randrange(2, 17), t.choice((2, 3, 4)), t.choice((1, 2, 3)), 0, 0, 1
    if t.level == 2:
        return (t.choice((4, 7, 8, 14, 16, 28, 56)), *t.choice(_DECODER), 1)
    def draw() -> tuple[int, int, int, int, int, int] | None:
        n, k, s, d = t.rng.randrange(3, 33), t.choice((3, 4, 5)), t.choice((2, 3)), t.choice((1, 2))
        p, op = t.rng.randrange(0, 3), t.rng.randrange(0, max(s, d))
        return (n, k, s, p, op, d) if arith.convT_out(n, k, s, p, op, d).value >= 1 else None

    return t.redraw(draw, "transposed convolution with an output")


CONVT_TITLE = ("Transposed convolution output size", "转置卷积输出尺寸")


@template("up.convT_size", "uct", "upsampling", title=CONVT_TITLE)
def convT_size_v1(t: Ctx) -> Draft:
    """Version 1, kept for printed codes: it could draw a 2x2 kernel with stride 3."""
    return _convT_size(t, 1)


@template("up.convT_size", "uct", "upsampling", version=2, title=CONVT_TITLE)
def convT_size(t: Ctx) -> Draft:
    return _convT_size(t, 2)


def _convT_size(t: Ctx, version: int) -> Draft:
    n, k, s, p, op, d = _draw_convT(t, version)
    cin, cout = t.choice((1, 3, 16, 64, 128, 256)), t.choice((1, 3, 16, 32, 64, 128))
    inverse = t.level == 2 and t.rng.random() < 0.4
    layer = convT_text(cout, k, s, p, op, d)
    row = net(layer, (cin, n, n)).rows[0]
    hout = row.output[1]
    settings = t.tr(f"kernel {k}x{k}, stride {s}, padding {p}", f"卷积核 {k}x{k}，步长 {s}，填充 {p}")
    if op:
        settings += t.tr(f", output_padding {op}", f"，output_padding {op}")
    if d > 1:
        settings += t.tr(f", dilation {d}", f"，膨胀率 {d}")
    formula = row.explain["H"]
    if inverse:
        prompt = t.tr(
            f"A decoder must produce a {cout}x{hout}x{hout} feature map with a `ConvTranspose2d` "
            f"({settings}). What input height H must it receive?",
            f"解码器要用一个 `ConvTranspose2d`（{settings}）得到 {cout}x{hout}x{hout} 的特征图。"
            "它的输入高度 H 应是多少？")
        solution = [step(t, "Output size of a transposed convolution", "转置卷积的输出尺寸",
                         formula.formula),
                    step(t, f"Solve for W: the output is {hout} when W = {n}",
                         f"反解 W：W = {n} 时输出为 {hout}", formula)]
        spec = {"op": "convT_input_size", "out": hout, "kernel_size": k, "stride": s,
                "padding": p, "output_padding": op, "dilation": d}
        mistakes: list[Wrong] = [
            Wrong("swapped-in-out", arith.convT_out(hout, k, s, p, op, d).value),
            Wrong("used-conv-formula", arith.conv_out(hout, k, s, p, d).value),
            Wrong("convT-used-in-times-s", max(1, hout // s))]
        return Draft(prompt, Answer("int", n), solution, spec, mistakes)
    prompt = t.tr(
        f"A `ConvTranspose2d` with {count_en(cout, 'output channel')} ({settings}) is applied to a "
        f"{shape_text((cin, n, n))} input (C x H x W), PyTorch semantics. What is the output shape?",
        f"一个 `ConvTranspose2d` 有 {cout} 个输出通道（{settings}），作用在 {shape_text((cin, n, n))} "
        "的输入上（C x H x W，PyTorch 语义）。输出的形状是多少？")
    solution = [step(t, "Height", "高度", formula),
                t.tr("Width: the same (square input)", "宽度相同（正方形输入）"),
                step(t, f"Channels = output channels = {cout}; shape", f"通道数 = 输出通道数 = {cout}；形状",
                     shape_text(row.output))]
    if (n, k, s) == (2, 4, 3):
        solution.append(t.tr("Scatter view: each input pixel adds a 4x4 copy of the kernel, placed "
                             "3 apart: (2-1)*3 + 4 = 7.",
                             "分散相加的视角：每个输入像素把 4x4 的卷积核复制一份，"
                             "间隔 3 放置：(2-1)*3 + 4 = 7。"))

    def sq(h: int) -> list[int]:
        return [cout, h, h]

    conv_h = arith.conv_out(n, k, s, p, d).value if n + 2 * p >= d * (k - 1) + 1 else 0
    mistakes = [Wrong("used-conv-formula", sq(conv_h)),  # no size at all: dropped below
                Wrong("forgot-output-padding", sq(arith.convT_out(n, k, s, p, 0, d).value)),
                Wrong("ignored-dilation", sq(arith.convT_out(n, k, s, p, op, 1).value)),
                Wrong("padded-one-side", sq(hout + p)),
                Wrong("convT-used-in-times-s", sq(n * s)),
                Wrong("kept-input-channels", [cin, hout, hout])]
    mistakes = [m for m in mistakes if min(m.value) >= 1]
    return Draft(prompt, Answer("shape", list(row.output)), solution,
                 net_spec((cin, n, n), layer, "output"), mistakes)


@template("up.conv_matrix", "ucm", "upsampling",
          title=("The convolution matrix C and C^T", "卷积矩阵 C 与 C^T"))
def conv_matrix(t: Ctx) -> Draft:
    cin = cout = 1
    transpose = False
    if t.level == 1:
        n, k, s, p = (4, 3, 1, 0) if t.rng.random() < 0.25 else \
            (t.rng.randrange(3, 9), t.choice((2, 3)), 1, 0)
        transpose = t.rng.random() < 0.5
    elif t.level == 2:
        n, k, s, p = t.rng.randrange(4, 13), 3, t.choice((1, 2)), t.choice((0, 1))
        transpose = t.rng.random() < 0.5
    else:
        n, k, s, p = t.rng.randrange(4, 9), t.choice((2, 3)), t.choice((1, 2)), t.choice((0, 1))
        cin, cout, transpose = t.choice((2, 3)), t.choice((2, 4, 8)), t.rng.random() < 0.5
    row = net(conv_text(cout, k, s=s, ph=p, bias=False), (cin, n, n)).rows[0]
    ho = row.output[1]
    rows_, cols = cout * ho * ho, cin * n * n
    shape = [cols, rows_] if transpose else [rows_, cols]
    which = "C^T" if transpose else "C"
    chans = t.tr(f"{count_en(cin, 'input channel')}, {count_en(cout, 'filter')}",
                 f"{cin} 个输入通道，{cout} 个卷积核") \
        if cin > 1 else t.tr("one channel, one filter", "单通道、单个卷积核")
    prompt = t.tr(
        f"A convolution ({chans}, kernel {k}x{k}, stride {s}, padding {p}, no bias) on a "
        f"{n}x{n} input can be written as y = C x, with x the input and y the output both "
        f"flattened row by row. What is the shape of {which} (C^T is what a transposed "
        "convolution multiplies by)? Answer as rows x columns.",
        f"在 {n}x{n} 的输入上做卷积（{chans}，卷积核 {k}x{k}，步长 {s}，填充 {p}，无偏置），可以写成 "
        f"y = C x，其中输入 x 和输出 y 都按行展平。{which} 的形状是多少（转置卷积乘的就是 C^T）？"
        "按“行数 x 列数”作答。")
    solution = [
        step(t, "Output height (and width)", "输出的高（宽）", row.explain["H"]),
        step(t, "C has one row per output value and one column per input value",
             "C 每个输出值一行、每个输入值一列",
             f"rows = {cout}*{ho}*{ho} = {rows_}, cols = {cin}*{n}*{n} = {cols}"),
        step(t, f"Shape of {which}", f"{which} 的形状", "x".join(map(str, shape))),
    ]

    def oriented(r: int, c: int) -> list[int]:
        return [c, r] if transpose else [r, c]

    mistakes = [Wrong("row-col-swapped", shape[::-1]),
                Wrong("forgot-to-flatten", oriented(cout * ho, cin * n)),
                Wrong("kernel-as-columns", oriented(rows_, cin * k * k))]
    if ho > 1:
        mistakes.append(Wrong("forgot-plus-one", oriented(cout * (ho - 1) ** 2, cols)))
    if cin > 1:
        mistakes.append(Wrong("forgot-channels", oriented(ho * ho, n * n)))
    spec = {"op": "conv_matrix_shape", "in_hw": [n, n], "in_channels": cin, "out_channels": cout,
            "kernel_size": k, "stride": s, "padding": p, "transpose": transpose}
    return Draft(prompt, Answer("shape", shape), solution, spec, mistakes)
