"""Pooling sizes: max/avg pooling output shape (floor, ceil mode, overlapping windows) and
spatial pyramid pooling.

Invented operation spec (recomputable without cnnquiz):

- `{"op": "spp", "input": [C, a, a], "levels": [n, ...], "ask": "kernel_size|stride|length",
  "level": n}`: SPP-net's recipe, where pyramid level n max-pools the a x a map with kernel
  ceil(a/n) and stride floor(a/n) (no padding, floor mode) into n x n; kernel_size and stride
  are those of level `level`; length is the size of all levels' flattened outputs
  concatenated (sum of C*n*n). Questions are drawn only where every level really gives n x n.
"""

from __future__ import annotations

from collections.abc import Sequence

from cnnquiz.engine import arith
from cnnquiz.engine.explain import Calc
from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.common import CHANNELS, net, net_spec, shape_text, step

# (size, kernel, stride, padding, ceil) of pooling layers in AlexNet, VGG, ResNet, GoogLeNet,
# Inception v3 and the Keras MNIST net
REAL_POOLS = (
    (55, 3, 2, 0, False), (27, 3, 2, 0, False), (13, 3, 2, 0, False), (224, 2, 2, 0, False),
    (112, 2, 2, 0, False), (56, 2, 2, 0, False), (28, 2, 2, 0, False), (14, 2, 2, 0, False),
    (112, 3, 2, 1, False), (112, 3, 2, 0, True), (56, 3, 2, 0, True), (28, 3, 2, 0, True),
    (14, 2, 2, 0, True), (147, 3, 2, 0, False), (71, 3, 2, 0, False), (35, 3, 2, 0, False),
    (7, 7, 1, 0, False), (26, 2, 2, 0, False), (11, 2, 2, 0, False), (28, 3, 1, 1, False),
)


def _raw_ceil(n: int, k: int, s: int, p: int) -> int:
    """Ceil-mode size before PyTorch's last-window rule."""
    return arith.ceil_div(n + 2 * p - k, s) + 1


# Level 3 asks ceil mode; this share of its questions is sought among the ~8% of drawn
# layers where PyTorch drops a last window that would start inside the right padding.
LAST_WINDOW_SHARE = 0.4
# Draws spent seeking that kind before the last draw stands as a plain ceil-mode question
# (about 1 code in 90 million). Printed codes depend on this number, which is why this
# loop is not Ctx.redraw: changing it needs a new template version.
LAST_WINDOW_TRIES = 200


def _pool_config(t: Ctx) -> tuple[int, int, int, int, bool]:
    if t.level == 1:
        k = t.choice((2, 2, 3))
        return t.rng.randrange(4, 33), k, k, 0, False
    if t.level == 2:
        return t.choice(REAL_POOLS)
    want_rule = t.rng.random() < LAST_WINDOW_SHARE
    for _ in range(LAST_WINDOW_TRIES):
        k = t.rng.randrange(2, 6)  # n >= 5 >= k: every draw fits its input
        n, s, p = t.rng.randrange(5, 60), t.rng.randrange(1, k + 1), t.rng.randrange(0, k // 2 + 1)
        rule = arith.pool_out(n, k, s, p, ceil=True).value < _raw_ceil(n, k, s, p)
        if rule == want_rule:
            break
    return n, k, s, p, True


@template("pool.output_size", "pls", "pooling",
          title=("Pooling output shape", "池化层的输出尺寸"))
def pool_output_size(t: Ctx) -> Draft:
    n, k, s, p, ceil = _pool_config(t)
    kind = t.choice(("maxpool", "maxpool", "avgpool"))
    c = t.choice((1, 3, 8, 16, 32)) if t.level == 1 else t.choice(CHANNELS)
    args = f"k={k},s={s}" + (f",p={p}" if p else "") + (",ceil=true" if ceil else "")
    layers = f"{kind}({args})"
    row = net(layers, (c, n, n)).rows[0]
    torch_name = "MaxPool2d" if kind == "maxpool" else "AvgPool2d"
    extra = f", padding={p}" if p else ""
    extra += ", ceil_mode=True" if ceil else ""
    prompt = t.tr(
        f"A PyTorch `nn.{torch_name}(kernel_size={k}, stride={s}{extra})` is applied to a "
        f"{shape_text((c, n, n))} feature map (C x H x W). What is the output shape?",
        f"对 {shape_text((c, n, n))}（C x H x W）的特征图做 PyTorch "
        f"`nn.{torch_name}(kernel_size={k}, stride={s}{extra})`。输出的形状是多少？",
    )
    hout = row.explain["H"]
    solution = [
        step(t, "Pooling works on each channel separately: channels stay", "池化对每个通道分别进行，"
             "通道数不变", Calc(c, "C", str(c))),
        step(t, "Height (and width)", "高度（宽度相同）", hout),
    ]
    if s < k:
        solution.insert(1, step(t, f"Windows overlap (stride {s} < window {k})",
                                f"窗口有重叠（步长 {s} < 窗口 {k}）"))
    solution.append(step(t, f"Output shape: {shape_text(row.output)}",
                         f"输出形状：{shape_text(row.output)}"))

    def shape(h: int) -> list[int]:
        return [c, h, h]

    mistakes: list[Wrong] = [Wrong("forgot-plus-one", shape(hout.value - 1))]
    if ceil:
        mistakes += [Wrong("floor-instead-of-ceil", shape(arith.pool_out(n, k, s, p).value)),
                     Wrong("ignored-ceil-last-window-rule", shape(_raw_ceil(n, k, s, p)))]
    else:
        mistakes.append(Wrong("ceil-instead-of-floor", shape(_raw_ceil(n, k, s, p))))
        if p:
            mistakes.append(Wrong("padded-one-side", shape(arith.conv_out(n, k, s, (p, 0)).value)))
    if s != k:
        mistakes.append(Wrong("assumed-stride-equals-kernel", shape(arith.pool_out(n, k, k, p,
                                                                              ceil=ceil).value)))
    if s > 1:
        mistakes.append(Wrong("ignored-stride", shape(arith.pool_out(n, k, 1, p, ceil=ceil).value)))
    mistakes = [m for m in mistakes if m.value[1] >= 1]
    return Draft(prompt, Answer("shape", list(row.output)), solution,
                 net_spec((c, n, n), layers, "output"), mistakes)


def _spp_fits(a: int, levels: tuple[int, ...]) -> bool:
    """SPP-net's recipe gives exactly n x n at every level (it does not always)."""
    return all(n <= a and arith.pool_out(a, arith.ceil_div(a, n), a // n).value == n
               for n in levels)


def _spp_config(t: Ctx) -> tuple[int, int, tuple[int, ...], str]:
    levels: tuple[int, ...]
    sizes: Sequence[int]
    if t.level == 1:
        c, levels, ask = t.choice((1, 8, 16, 32)), (t.choice((2, 3, 4)),), \
            t.choice(("kernel_size", "stride"))
        sizes = range(4, 31)
    elif t.level == 2:
        c, levels = 256, t.choice(((6, 3, 2, 1), (4, 2, 1), (3, 2, 1)))
        ask, sizes = t.choice(("kernel_size", "stride", "length")), (13, 10, 7, 9, 11, 14, 17, 19)
    else:
        c = t.choice(CHANNELS)
        levels = tuple(sorted(t.rng.sample((1, 2, 3, 4, 5, 6), t.rng.randrange(2, 5)), reverse=True))
        ask, sizes = t.choice(("kernel_size", "stride", "length", "length")), range(6, 41)
    fitting = [a for a in sizes if _spp_fits(a, levels)] or [max(levels) * 2]
    return c, t.choice(fitting), levels, ask


@template("pool.spp", "spp", "pooling",
          title=("Spatial pyramid pooling", "空间金字塔池化"))
def pool_spp(t: Ctx) -> Draft:
    c, a, levels, ask = _spp_config(t)
    level = t.choice([n for n in levels if n > 1])  # a 1x1 level (window = the map) says little
    pyramid = " + ".join(f"{n}x{n}" for n in levels)
    common_en = (f"Spatial pyramid pooling (SPP-net) turns a {shape_text((c, a, a))} feature map "
                 f"(C x H x W) into fixed-size pyramid levels {pyramid}: level n max-pools with "
                 "window ceil(a/n) and stride floor(a/n), where a is the map size. ")
    common_zh = (f"空间金字塔池化（SPP-net）把 {shape_text((c, a, a))}（C x H x W）的特征图池化成"
                 f"固定大小的金字塔 {pyramid}：第 n 级用窗口 ceil(a/n)、步长 floor(a/n) 做最大池化，"
                 "a 是特征图的边长。")
    question = {
        "kernel_size": (f"What is the pooling window of the {level}x{level} level?",
                        f"{level}x{level} 这一级的池化窗口是多少？"),
        "stride": (f"What is the stride of the {level}x{level} level?",
                   f"{level}x{level} 这一级的步长是多少？"),
        "length": ("How long is the concatenated, flattened output vector?",
                   "把各级输出展平后拼接起来，向量长度是多少？"),
    }[ask]
    prompt = t.tr(common_en + question[0], common_zh + question[1])
    solution, total, parts = [], 0, []
    for n in levels if ask == "length" else (level,):
        win = Calc(arith.ceil_div(a, n), "ceil(a/n)", f"ceil({a}/{n})")
        stride = Calc(a // n, "floor(a/n)", f"floor({a}/{n})")
        row = net(f"maxpool(k={win.value},s={stride.value})->flatten", (c, a, a)).rows
        solution += [step(t, f"Level {n}x{n}: window", f"{n}x{n} 级：窗口", win),
                     step(t, "stride", "步长", stride),
                     step(t, "check the output size", "验证输出尺寸", row[0].explain["H"])]
        if ask == "length":
            solution.append(step(t, "flattened", "展平", row[1].explain["size"]))
        total += row[1].output[0]
        parts.append(str(row[1].output[0]))
    if ask == "length":
        solution.append(step(t, "Concatenate the levels", "拼接各级",
                             Calc(total, "sum of C*n*n", " + ".join(parts))))
        value = total
        mistakes: list[Wrong] = [Wrong("forgot-channels", total // c),
                                           Wrong("spp-n-bins-not-n-squared", c * sum(levels))]
    elif ask == "kernel_size":
        value = arith.ceil_div(a, level)
        mistakes = [Wrong("floor-instead-of-ceil", a // level)]
    else:
        value = a // level
        mistakes = [Wrong("ceil-instead-of-floor", arith.ceil_div(a, level))]
    spec = {"op": "spp", "input": [c, a, a], "levels": list(levels), "ask": ask, "level": level}
    return Draft(prompt, Answer("int", int(value)), solution, spec, mistakes)
