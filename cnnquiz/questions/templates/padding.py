"""Padding modes: the output size under valid / same (TensorFlow's two modes) or full
(numpy, scipy and Theano's), and how TensorFlow's 'same' splits its padding (the odd extra
pixel goes right/bottom).

Both are contract network specs with `p=valid|same|full` (TensorFlow semantics; `full` pads
d*(k-1) on each side); the output size adds `"at": [1]` (the height in the [C, H, W]
output) since its answer is an int.
"""

from __future__ import annotations

from cnnquiz.engine import arith
from cnnquiz.engine.explain import Calc
from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.common import CHANNELS, net, net_spec, shape_text, step


def _tf_config(t: Ctx, version: int) -> tuple[int, int, int, int]:
    """(size, kernel, stride, dilation) for TensorFlow padding questions.

    From version 2 a dilation above 1 comes only with stride 1: Keras (and tf.nn.conv2d)
    refuse a stride above 1 together with a dilation above 1.
    """
    if version >= 2:
        return _keras_config(t)
    if t.level == 1:
        return t.rng.randrange(5, 40), t.rng.randrange(2, 12), t.choice((1, 1, 1, 2)), \
            t.choice((1, 1, 2))
    if t.level == 2:
        r = t.rng.random()
        if r < 0.4:  # the notes' case, and stems of ResNet, Inception v3, AlexNet
            n, k, s = t.choice(((13, 6, 5), (224, 7, 2), (299, 3, 2), (227, 11, 4), (224, 11, 4),
                                (56, 3, 2), (28, 3, 2), (7, 3, 1), (147, 3, 2), (35, 3, 2)))
            return n, k, s, 1
        if r < 0.65:  # DeepLab's atrous branches
            return t.choice((33, 65, 64, 129)), 3, 1, t.choice((2, 4, 6, 12, 18, 24))
        return (t.choice((224, 112, 56, 28, 14, 13, 7)), t.choice((1, 2, 3, 5, 7, 11)),
                t.choice((1, 2, 2, 4)), 1)
    return t.rng.randrange(7, 100), t.rng.randrange(2, 9), t.rng.randrange(2, 6), \
        t.choice((1, 2, 3))


def _keras_config(t: Ctx) -> tuple[int, int, int, int]:
    if t.level == 1:
        n, k, s = t.rng.randrange(5, 40), t.rng.randrange(2, 12), t.choice((1, 1, 1, 2))
        return n, k, s, t.choice((1, 1, 2)) if s == 1 else 1
    if t.level == 2:  # version 1's cases already kept dilation to stride 1
        return _tf_config(t, 1)
    n, k = t.rng.randrange(7, 100), t.rng.randrange(2, 9)
    if t.rng.random() < 0.3:  # a dilated layer, stride 1
        return n, k, 1, t.choice((2, 3))
    return n, k, t.rng.randrange(2, 6), 1


def _tf_layer(t: Ctx, mode: str, version: int) -> tuple[int, int, int, int, int, str]:
    n, k, s, d = _tf_config(t, version)
    c, out = t.choice((1, 3, *CHANNELS[:5])), t.choice(CHANNELS)
    while mode == "valid" and n < d * (k - 1) + 1:  # only 'valid' needs the whole kernel inside
        n += d * (k - 1)
    return c, n, k, s, d, f"conv({out},k={k},s={s},p={mode}" + (f",d={d})" if d > 1 else ")")


def _setting_text(t: Ctx, k: int, s: int, d: int) -> str:
    dil = t.tr(f", dilation {d}", f"，膨胀率 {d}") if d > 1 else ""
    return t.tr(f"a {k}x{k} kernel, stride {s}{dil}", f"{k}x{k} 的卷积核，步长 {s}{dil}")


TF_OUTPUT_TITLE = ("Output size under valid / same / full padding",
                   "valid / same / full 填充下的输出尺寸")
TF_SPLIT_TITLE = ("TensorFlow 'same' padding split", "TensorFlow 'same' 填充的左右分配")


@template("padding.tf_output", "tfo", "padding", title=TF_OUTPUT_TITLE)
def padding_tf_output_v1(t: Ctx) -> Draft:
    """Version 1, kept for printed codes: it could draw a stride above 1 with a dilation
    above 1, which Keras refuses."""
    return _tf_output(t, 1)


@template("padding.tf_output", "tfo", "padding", version=2, title=TF_OUTPUT_TITLE)
def padding_tf_output(t: Ctx) -> Draft:
    return _tf_output(t, 2)


def _tf_output(t: Ctx, version: int) -> Draft:
    mode = t.choice(("valid", "same", "full") if t.level != 2 else ("valid", "same", "same"))
    c, n, k, s, d, layers = _tf_layer(t, mode, version)
    row = net(layers, (c, n, n)).rows[0]
    out = row.output[1]
    tf = {m: arith.tf_padding(n, k, s, m, d) for m in ("valid", "same", "full")}
    pad_text = "D(K-1)" if d > 1 else "K-1"
    if mode == "full":  # numpy, scipy and Theano's mode; TensorFlow has no padding='full'
        prompt = t.tr(
            f"A convolution with {_setting_text(t, k, s, d)} and 'full' padding is applied to "
            f"a {n}x{n} input. What is the output **height**? ('full', as numpy, scipy and "
            f"Theano name it, pads {pad_text} zeros on each side; TensorFlow itself offers only "
            "'valid' and 'same'.)",
            f"对 {n}x{n} 的输入做卷积：{_setting_text(t, k, s, d)}，填充方式为 'full'。输出的**高度**"
            f"是多少？（'full' 是 numpy、scipy 和 Theano 中的叫法：每侧填充 {pad_text} 个零。TensorFlow "
            "本身只有 'valid' 和 'same' 两种。）",
        )
    else:
        prompt = t.tr(
            f"In TensorFlow, a convolution with {_setting_text(t, k, s, d)} and "
            f"`padding='{mode}'` is applied to a {n}x{n} input. What is the output **height**?",
            f"在 TensorFlow 中，对 {n}x{n} 的输入做卷积：{_setting_text(t, k, s, d)}，"
            f"`padding='{mode}'`。输出的**高度**是多少？",
        )
    solution = []
    if d > 1:
        solution.append(step(t, "Kernel span", "卷积核覆盖范围", arith.effective_kernel(k, d)))
    if mode == "full":
        solution.append(step(t, "Padding on each side", "每侧填充", tf["full"].left))
    solution.append(step(t, "Output height", "输出高度", tf[mode].out))
    if mode == "valid":
        span = d * (k - 1) + 1
        dropped = Calc(n - (out - 1) * s - span, "W - ((out-1)S + span)",
                       f"{n} - (({out}-1)*{s} + {span})")
        solution.append(step(t, "Inputs at the end that no window reaches (dropped)",
                             "末尾没有被任何窗口覆盖（被丢弃）的输入个数", dropped))
    if mode == "same":
        solution += [step(t, "Total padding", "填充总量", tf["same"].total),
                     step(t, "Split: left", "左侧", tf["same"].left),
                     step(t, "right (gets the odd extra)", "右侧（多出的一个放右边）",
                          tf["same"].right)]
    mistakes: list[Wrong] = [
        Wrong("mixed-padding-modes", tf[m].out.value) for m in ("valid", "same", "full") if m != mode
    ]
    if mode == "same":
        mistakes.append(Wrong("tf-same-ignores-stride", n))
        mistakes.append(Wrong("floor-instead-of-ceil", n // s))
    elif mode == "valid":
        mistakes.append(Wrong("floor-instead-of-ceil", (n - d * (k - 1)) // s))
        mistakes.append(Wrong("ignored-stride", n - d * (k - 1)))
    else:
        mistakes.append(Wrong("ignored-stride", n + d * (k - 1)))
    if d > 1:
        mistakes.append(Wrong("ignored-dilation", arith.tf_padding(n, k, s, mode, 1).out.value))
    mistakes = [m for m in mistakes if m.value >= 1]
    spec = {**net_spec((c, n, n), layers, "output"), "at": [1]}
    return Draft(prompt, Answer("int", out), solution, spec, mistakes)


@template("padding.tf_split", "tfs", "padding", title=TF_SPLIT_TITLE)
def padding_tf_split_v1(t: Ctx) -> Draft:
    """Version 1, kept for printed codes (stride and dilation both above 1 possible)."""
    return _tf_split(t, 1)


@template("padding.tf_split", "tfs", "padding", version=2, title=TF_SPLIT_TITLE)
def padding_tf_split(t: Ctx) -> Draft:
    return _tf_split(t, 2)


def _tf_split(t: Ctx, version: int) -> Draft:
    side = t.choice(("left", "right"))
    c, n, k, s, d, layers = _tf_layer(t, "same", version)
    row = net(layers, (c, n, n)).rows[0]
    tf = arith.tf_padding(n, k, s, "same", d)
    value = tf.left.value if side == "left" else tf.right.value
    prompt = t.tr(
        f"TensorFlow applies a convolution with {_setting_text(t, k, s, d)} and "
        f"`padding='same'` to a {shape_text((c, n, n))} input (C x H x W). How many zeros "
        f"are padded on the **{side}** ({'top' if side == 'left' else 'bottom'}) side?",
        f"TensorFlow 对 {shape_text((c, n, n))}（C x H x W）的输入做卷积：{_setting_text(t, k, s, d)}，"
        f"`padding='same'`。**{'左' if side == 'left' else '右'}**侧"
        f"（{'上' if side == 'left' else '下'}侧）填充了多少个零？",
    )
    solution = [
        step(t, "Output size", "输出尺寸", tf.out),
        step(t, "Total padding", "填充总量", tf.total),
        step(t, "Left (top)", "左侧（上侧）", tf.left),
        step(t, "Right (bottom) gets the odd extra", "右侧（下侧）拿到多出的一个", tf.right),
    ]
    other = tf.right.value if side == "left" else tf.left.value
    no_stride = arith.tf_padding(n, k, 1, "same", d)
    mistakes: list[Wrong] = [
        Wrong("tf-pad-extra-left", other),
        Wrong("gave-pad-total", tf.total.value),
        Wrong("tf-same-ignores-stride", no_stride.left.value if side == "left" else no_stride.right.value),
    ]
    if d > 1:
        plain = arith.tf_padding(n, k, s, "same", 1)
        mistakes.append(Wrong("ignored-dilation", plain.left.value if side == "left" else plain.right.value))
    assert row.pad is not None and row.pad == (tf.left.value, tf.right.value)
    return Draft(prompt, Answer("int", value), solution,
                 net_spec((c, n, n), layers, f"pad_{side}"), mistakes)
