"""Receptive field, jump (effective stride) and the input window of one output unit.

r_l = r_{l-1} + (k_l - 1)*d_l*j_{l-1}, j_l = j_{l-1}*s_l (the engine's `rf_step`); the
centre of output unit i is start + i*j, where `start` is the centre of unit 0 in input
coordinates. Operation specs invented here (documented for the answer key):
`{"op": "rf_center", "input": [C,H,W], "layers": ..., "unit": i}` (the centre row, 0-based,
of output row i's field along H) and `{"op": "rf_window", ..., "unit": i}` (its first
and last input row, [first, last]; drawn so that the window lies inside the image).
"""

from __future__ import annotations

from typing import Any

from cnnquiz.engine.arith import RF
from cnnquiz.engine.explain import const
from cnnquiz.engine.spec import parse
from cnnquiz.errors import SpecError
from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.common import net, net_spec, shape_text, step
from cnnquiz.questions.templates.costs_common import conv_text, difference, layer_block, rf_walk

POOL_SHARE = 0.25  # chance that a layer of a stack with pools is a pool
MIN_LAST_SIZE = 2  # the last layer keeps at least this many rows, so units can differ


def draw_stack(t: Ctx, *, n: tuple[int, int] = (2, 6), kernels: tuple[int, ...] = (3, 3, 5),
               strides: tuple[int, ...] = (1,), pools: bool = False, dilated: bool = False,
               size: int = 224) -> str:
    """A plain stack of same-padded convolutions (and pools), redrawn until a `size` input
    passes every layer."""
    def draw() -> str | None:
        layers = []
        for _ in range(t.rng.randrange(*n)):
            if pools and t.rng.random() < POOL_SHARE:
                layers.append(t.choice(("maxpool(2)", "maxpool(3,s=2,p=1)", "avgpool(2)")))
                continue
            k, s = t.choice(kernels), t.choice(strides)
            d = t.choice((1, 2, 2, 3, 4)) if dilated and s == 1 and k == 3 else 1
            layers.append(conv_text(64, k, s=s, ph=d * (k - 1) // 2, d=d))
        text = " -> ".join(layers)
        if dilated and ",d=" not in text:
            return None  # a tricky stack has at least one dilated convolution
        try:
            return text if net(text, (3, size, size)).output[1] >= MIN_LAST_SIZE else None
        except SpecError:
            return None

    return t.redraw(draw, "layer stack")


def level_stack(t: Ctx) -> str:
    """The stack a level calls for: stride 1; strides and pools; plus dilation."""
    if t.level == 1:
        return draw_stack(t, n=(2, 7), kernels=(3, 3, 5, 7))
    return draw_stack(t, n=(3, 7), kernels=(3, 3, 5, 7), strides=(1, 1, 2), pools=True,
                      dilated=t.level == 3)


def _intro(t: Ctx, shape: tuple[int, ...], layers: str) -> str:
    return t.tr(
        f"A {shape_text(shape)} input (C x H x W) goes through:\n\n{layer_block(layers)}\n\n"
        "`conv(out,k,s,p,d)` is `Conv2d` with stride s, padding p and dilation d (defaults 1, 0, "
        "1); `maxpool(k)` uses stride k unless `s` is given. Work along the height H, in input "
        "pixels.",
        f"输入 {shape_text(shape)}（C x H x W）依次经过：\n\n{layer_block(layers)}\n\n"
        "`conv(out,k,s,p,d)` 即 `Conv2d`，步长 s、填充 p、膨胀率 d（默认 1、0、1）；`maxpool(k)` "
        "未写 `s` 时步长为 k。沿高度 H 计算，单位为输入像素。")


def _trace(t: Ctx, layers: str, shape: tuple[int, ...], what: tuple[str, ...]) -> list[str]:
    rows = net(layers, shape).rows
    return [t.tr(f"Layer {r.index}", f"第 {r.index} 层") + f" `{r.spec}`: "
            + "; ".join(f"`{r.explain[w]}`" for w in what) for r in rows]


@template("rf.size", "rfs", "receptive-field", title=("Receptive field of a stack", "感受野大小"))
def rf_size(t: Ctx) -> Draft:
    layers = level_stack(t)
    shape = (3, 224, 224) if t.level > 1 else (3, 64, 64)
    last = net(layers, shape).rows[-1]
    prompt = _intro(t, shape, layers) + t.tr(
        " How large (in input pixels, along H) is the receptive field of one unit of the last "
        "layer's output?", "最后一层输出的一个单元的感受野有多大（沿 H，单位为输入像素）？")
    solution = [t.tr("r_l = r_{l-1} + (k_l - 1)*d_l*j_{l-1} and j_l = j_{l-1}*s_l, from r_0 = 1, "
                     "j_0 = 1:", "r_l = r_{l-1} + (k_l - 1)*d_l*j_{l-1}，j_l = j_{l-1}*s_l，"
                     "初值 r_0 = 1，j_0 = 1：")]
    solution += _trace(t, layers, shape, ("rf", "jump"))
    ks = [layer.args["k"][0] for layer in parse(layers)]
    mistakes = [Wrong("multiplied-strides-wrongly", rf_walk(layers, own_stride=True).r.value),
                Wrong("added-kernel-sizes", sum(ks)),
                Wrong("ignored-dilation", rf_walk(layers, dilation=False).r.value),
                Wrong("ignored-stride", rf_walk(layers, stride=False).r.value)]
    return Draft(prompt, Answer("int", last.rf), solution, net_spec(shape, layers, "rf"), mistakes)


def center_spec(shape: tuple[int, ...], layers: str, unit: int) -> dict[str, Any]:
    return {"op": "rf_center", "input": list(shape), "layers": layers, "unit": unit}


def _center(rf: RF, unit: int) -> float:
    return float(rf.start.value + unit * rf.j.value)


def _without_pools(layers: str) -> str:
    return " -> ".join(p for p in layers.split(" -> ") if "pool" not in p)


@template("rf.jump", "rfj", "receptive-field",
          title=("Jump (effective stride) and unit centres", "跳距与单元中心"))
def rf_jump(t: Ctx) -> Draft:
    shape = (3, 224, 224)
    layers = draw_stack(t, n=(2, 6), kernels=(3,), strides=(1, 2, 3), pools=True) \
        if t.level == 1 else level_stack(t)
    last = net(layers, shape).rows[-1]
    jump, hout = last.jump or 1, last.output[1]
    solution = _trace(t, layers, shape, ("jump",))
    s_sum = sum(layer.args["s"][0] for layer in parse(layers))
    no_pool = rf_walk(_without_pools(layers)) if "pool" in layers else rf_walk(layers)
    intro = _intro(t, shape, layers) + t.tr(" ", "")
    if t.level == 1:
        prompt = intro + t.tr(
            "What is the jump (effective stride) of the last layer, i.e. how many input pixels "
            "apart are the centres of neighbouring output units?",
            "最后一层的跳距（jump）是多少，即相邻输出单元的感受野中心在输入上相隔多少像素？")
        return Draft(prompt, Answer("int", jump), solution, net_spec(shape, layers, "jump"),
                     [Wrong("added-strides", s_sum), Wrong("ignored-pool-stride", no_pool.j.value)])
    if t.level == 2:
        a = t.rng.randrange(0, hout - 1)
        b = t.rng.randrange(a + 1, hout)
        distance = (b - a) * jump
        prompt = intro + t.tr(
            f"How many input pixels apart are the centres of the receptive fields of output rows "
            f"{a} and {b} (0-based) of the last layer?",
            f"最后一层输出的第 {a} 行与第 {b} 行（从 0 数）的感受野中心相距多少个输入像素？")
        solution.append(step(t, "Distance = (b - a) * jump", "距离 = (b - a) * 跳距",
                             f"({b} - {a})*{jump} = {distance}"))
        spec = difference(center_spec(shape, layers, b), center_spec(shape, layers, a))
        mistakes = [Wrong("added-strides", (b - a) * s_sum),
                    Wrong("ignored-pool-stride", (b - a) * no_pool.j.value),
                    Wrong("one-index-off", (b - a + 1) * jump)]
        return Draft(prompt, Answer("int", distance), solution, spec, mistakes)
    unit = t.rng.randrange(0, hout)
    start = float(last.start or 0.0)
    value = start + unit * jump
    prompt = intro + t.tr(
        f"Along H, at which input row (0-based; it may be a half-integer or negative) is the "
        f"centre of the receptive field of output row {unit} of the last layer? Give 1 decimal.",
        f"沿 H，最后一层输出第 {unit} 行（从 0 数）的感受野中心位于输入的哪一行（从 0 数，可能是半整数"
        "或负数）？保留 1 位小数。")
    solution += [
        t.tr("The centre of unit 0 moves by (d(k-1)/2 - p)*j_{l-1} at every layer: "
             "start_l = start_{l-1} + (d(k-1)/2 - p)*j_{l-1}, from start_0 = 0.",
             "第 0 个单元的中心每层移动 (d(k-1)/2 - p)*j_{l-1}：start_l = start_{l-1} + "
             "(d(k-1)/2 - p)*j_{l-1}，初值 start_0 = 0。"),
        step(t, "Centre of unit 0", "第 0 个单元的中心", f"start = {start:g}"),
        step(t, "Centre = start + i * jump", "中心 = start + i * 跳距",
             f"{start:g} + {unit}*{jump} = {value:g}"),
    ]
    mistakes = [Wrong("ignored-padding-offset", _center(rf_walk(layers, padding=False), unit)),
                Wrong("ignored-pool-stride", _center(no_pool, unit)),
                Wrong("one-index-off", value + jump)]
    return Draft(prompt, Answer("float", value, 0.05), solution,
                 center_spec(shape, layers, unit), mistakes)


def _window(rf: RF, unit: int) -> list[int] | None:
    """[first, last] input rows of output unit `unit`; None when a wrong rule gives halves."""
    centre, half = rf.start.value + unit * rf.j.value, (rf.r.value - 1) / 2
    lo, hi = centre - half, centre + half
    return [int(lo), int(hi)] if float(lo).is_integer() and float(hi).is_integer() else None


@template("rf.window", "rfw", "receptive-field",
          title=("Which input pixels an output unit sees", "输出单元看到哪些输入像素"))
def rf_window(t: Ctx) -> Draft:
    size = 64 if t.level == 1 else 224
    shape = (3, size, size)

    def draw() -> tuple[str, RF, list[int]] | None:
        layers = level_stack(t)
        last = net(layers, shape).rows[-1]
        rf = RF(last.explain["rf"], last.explain["jump"], const(float(last.start or 0.0)))
        inside = [i for i in range(last.output[1])
                  if (w := _window(rf, i)) is not None and w[0] >= 0 and w[1] <= size - 1]
        return (layers, rf, inside) if inside else None

    layers, rf, inside = t.redraw(draw, "stack with a unit whose window fits the input")
    unit = t.choice(inside)
    window = _window(rf, unit)
    assert window is not None
    prompt = _intro(t, shape, layers) + t.tr(
        f" Which input rows (0-based, along H) lie in the receptive field of output row {unit} "
        "of the last layer? Give the first and the last row, like `[3, 9]`.",
        f"最后一层输出第 {unit} 行（从 0 数）的感受野覆盖输入的哪些行（沿 H，从 0 数）？"
        "写出第一行和最后一行，例如 `[3, 9]`。")
    centre = rf.start.value + unit * rf.j.value
    solution = _trace(t, layers, shape, ("rf", "jump"))
    solution += [
        step(t, "Centre of output row 0 (padding shifts it)", "输出第 0 行的中心（填充会让它偏移）",
             f"start = {rf.start.value:g}"),
        step(t, f"Centre of row {unit}", f"第 {unit} 行的中心",
             f"{rf.start.value:g} + {unit}*{rf.j.value} = {centre:g}"),
        step(t, "Window = centre -/+ (r - 1)/2", "范围 = 中心 -/+ (r - 1)/2",
             f"[{centre:g} - {(rf.r.value - 1) / 2:g}, {centre:g} + {(rf.r.value - 1) / 2:g}] = "
             f"[{window[0]}, {window[1]}]"),
    ]
    mistakes: list[Wrong] = [Wrong("one-index-off", [window[0] + 1, window[1] + 1])]
    for name, wrong in (("ignored-padding-offset", rf_walk(layers, padding=False)),
                        ("ignored-stride", rf_walk(layers, stride=False)),
                        ("multiplied-strides-wrongly", rf_walk(layers, own_stride=True)),
                        ("ignored-dilation", rf_walk(layers, dilation=False))):
        if (w := _window(wrong, unit)) is not None:
            mistakes.append(Wrong(name, w))
    spec = {"op": "rf_window", "input": list(shape), "layers": layers, "unit": unit}
    return Draft(prompt, Answer("matrix", window), solution, spec, mistakes)
