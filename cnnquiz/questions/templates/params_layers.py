"""Parameters of the layers around the convolutions: a fully connected layer after
flatten, BatchNorm (2C trainable; running statistics are buffers), and maxout.

Maxout has no layer-spec syntax, so its questions use an operation spec:
`{"op": "maxout", "input": [...], "layers": "<the one layer it replaces>", "pieces": k,
"ask": "params"}`: a maxout unit keeps k affine pieces, so the answer is k times the
parameters of that layer (PyTorch: the same layer with k times the outputs).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from cnnquiz.engine.explain import Calc
from cnnquiz.engine.network import Row
from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.common import CHANNELS, net, net_spec, shape_text, step
from cnnquiz.questions.templates.costs_common import conv_text, dsl_note, layer_block, thousands

_FC_CASES = (((256, 6, 6), 4096), ((512, 7, 7), 4096), ((50, 5, 5), 100), ((16, 5, 5), 120),
             ((64, 8, 8), 256), ((128, 4, 4), 512), ((512, 1, 1), 1000), ((2048, 1, 1), 1000),
             ((64, 7, 7), 128), ((32, 8, 8), 10))


@template("params.linear", "pfc", "params",
          title=("Fully connected layer after flatten", "展平后的全连接层参数量"))
def linear_params(t: Ctx) -> Draft:
    bias = t.rng.random() < 0.8
    pool = ""
    if t.level == 1:
        c, h = t.choice((6, 8, 16, 32)), t.choice((3, 4, 5, 6, 7))
        shape, out = (c, h, h), t.choice((10, 32, 64, 84, 100, 120))
    elif t.level == 2:
        shape, out = t.choice(_FC_CASES)
    else:
        h = t.choice((7, 9, 11, 13, 14, 15, 27))
        shape, out = (t.choice((32, 64, 128, 256)), h, h), t.choice((10, 100, 256, 512, 1024))
        pool = t.choice(("maxpool(2)", "maxpool(3,s=2)", "avgpool(2)")) + " -> "
    layers = f"{pool}flatten -> linear({out}{'' if bias else ',bias=false'})"
    summary = net(layers, shape)
    idx = len(summary.rows)
    fc = summary.rows[-1]
    flat = summary.rows[-2]
    prompt = t.tr(
        f"A {shape_text(shape)} feature map (C x H x W) goes through these layers:\n\n"
        f"{layer_block(layers)}\n\n{dsl_note(t)} How many trainable parameters does layer "
        f"{idx} (`linear`) have" + ("?" if bias else " (it has no bias)?"),
        f"一个 {shape_text(shape)} 的特征图（C x H x W）依次经过：\n\n{layer_block(layers)}\n\n"
        f"{dsl_note(t)} 第 {idx} 层（`linear`）有多少个可训练参数" + ("？" if bias else "（无偏置）？"))
    solution = []
    if pool:
        solution.append(step(t, "The pooling layer's output height (and width)", "池化后的高（宽）",
                             summary.rows[0].explain["H"]))
    solution += [
        step(t, "Flattened length", "展平后的长度", flat.explain["size"]),
        step(t, "Every input connects to every output" + (", plus one bias per output" if bias
                                                          else ""),
             "每个输入连到每个输出" + ("，每个输出再加一个偏置" if bias else ""), fc.explain["params"]),
    ]
    fin, (c, h, w), b = flat.output[0], shape, out if bias else 0
    mistakes = [Wrong("forgot-bias", fin * out), Wrong("added-bias", fin * out + out),
                Wrong("forgot-channels", (fin // c) * out + b), Wrong("bias-per-weight", 2 * fin * out)]
    if pool:
        mistakes += [Wrong("used-size-before-pool", c * h * w * out + b)]
    return Draft(prompt, Answer("int", fc.params), solution,
                 net_spec(shape, layers, "params", idx), mistakes)


@template("params.batchnorm", "pbn", "params", title=("BatchNorm parameters", "批归一化参数量"))
def batchnorm_params(t: Ctx) -> Draft:
    h = t.choice((7, 14, 28, 56))
    cin, c = t.choice((3, *CHANNELS)), t.choice((8, 24, 40, 80, *CHANNELS))
    if t.level == 1:
        layers, shape, ask_layer = f"{conv_text(c, 3, ph=1, bias=False)} -> bn -> relu", \
            (cin, h, h), 2
    elif t.level == 2:
        body = f"{conv_text(c, 3, ph=1, bias=False)} -> bn -> relu"
        layers = body if t.rng.random() < 0.5 else \
            f"{body} -> {conv_text(c, 3, ph=1, bias=False)} -> bn"
        shape, ask_layer = (cin, h, h), None
    else:
        if t.rng.random() < 0.5:
            layers, shape = f"flatten -> linear({c}) -> bn -> relu", (cin, 4, 4)
        else:
            layers, shape = f"{conv_text(c, 3, ph=1)} -> bn -> relu", (cin, h, h)
        ask_layer = None
    summary = net(layers, shape)
    rows = summary.rows if ask_layer is None else (summary.rows[ask_layer - 1],)
    what = t.tr(f"layer {ask_layer} (`bn`)", f"第 {ask_layer} 层（`bn`）") if ask_layer else \
        t.tr("the whole stack", "整个网络")
    prompt = t.tr(
        f"A {shape_text(shape)} input (C x H x W) goes through:\n\n{layer_block(layers)}\n\n"
        f"{dsl_note(t)} `bn` is PyTorch BatchNorm (2d on feature maps, 1d after `linear`). "
        f"How many trainable parameters does {what} have?",
        f"输入 {shape_text(shape)}（C x H x W）依次经过：\n\n{layer_block(layers)}\n\n{dsl_note(t)}"
        f"`bn` 是 PyTorch 的 BatchNorm（特征图上为 2d，`linear` 之后为 1d）。{what}有多少个可训练参数？")
    solution = [t.tr("BatchNorm learns a scale and a shift per channel; the running mean and "
                     "variance are buffers, not trainable.",
                     "BatchNorm 每个通道学习一个缩放和一个平移；running mean/var 是缓冲区，不可训练。")]
    for r in rows:
        if "params" in r.explain:
            solution.append(step(t, f"Layer {r.index} `{r.spec}`", f"第 {r.index} 层 `{r.spec}`",
                                 r.explain["params"]))
    total = sum(r.params for r in rows)
    if len(rows) > 1:
        solution.append(step(t, "Total", "合计", " + ".join(thousands(r.params) for r in rows
                                                          if r.params) + f" = {thousands(total)}"))

    def with_bn(fn: Callable[[Row], int]) -> int:
        return sum((fn(r) if r.type == "bn" else r.params) for r in rows)

    def size(r: Row) -> int:
        return math.prod(r.output)

    mistakes = [Wrong("counted-running-stats", with_bn(lambda r: 2 * r.params)),
                Wrong("bn-scale-only", with_bn(lambda r: r.params // 2)),
                Wrong("bn-per-position", with_bn(lambda r: 2 * size(r))),
                Wrong("counted-bn-as-zero", with_bn(lambda r: 0))]
    return Draft(prompt, Answer("int", total), solution,
                 net_spec(shape, layers, "params", ask_layer), mistakes)


@template("params.maxout", "pmx", "params", title=("Maxout parameters", "Maxout 参数量"))
def maxout_params(t: Ctx) -> Draft:
    k = t.choice((2, 3, 4, 5))
    shape: tuple[int, ...]
    if t.level == 1:
        shape, layers = (t.rng.randrange(8, 101),), f"linear({t.rng.randrange(4, 21)})"
    elif t.level == 2:
        fin, fout = t.choice(((784, 240), (1250, 100), (4096, 1000), (512, 256), (1024, 512),
                              (784, 1200), (2048, 128)))
        shape, layers = (fin,), f"linear({fout})"
    else:
        cin, cout, kk = t.choice((3, 32, 64, 96)), t.choice((32, 48, 96, 128, 192)), \
            t.choice((3, 5, 8))
        shape, layers = (cin, 32, 32), conv_text(cout, kk)
    row = net(layers, shape).rows[0]
    p = row.explain["params"]
    total = Calc(k * row.params, "k * params", f"{k}*{row.params}")
    kind = t.tr("fully connected", "全连接") if len(shape) == 1 else t.tr("convolution", "卷积")
    given = t.tr(f"{shape[0]}-dimensional", f"{shape[0]} 维") if len(shape) == 1 else \
        shape_text(shape)
    gap = "" if len(shape) == 1 else " "  # "38 维的", but "16x32x32 的"
    prompt = t.tr(
        f"A {kind} layer `{layers}` on a {given} input is replaced by a maxout layer "
        f"with the same number of outputs and k = {k} pieces (each output is the max of {k} "
        "affine pieces, each with its own weights and bias). How many trainable parameters "
        "does the maxout layer have?",
        f"输入为 {given}{gap}的{kind}层 `{layers}` 被替换成一个输出个数相同、k = {k} 段的 "
        f"maxout 层（每个输出取 {k} 个仿射函数的最大值，每段有自己的权重和偏置）。"
        "maxout 层有多少个可训练参数？")
    solution = [step(t, "The replaced layer", "被替换的层", p),
                step(t, f"Maxout keeps {k} such pieces", f"maxout 保留 {k} 组这样的参数", total)]
    weights = row.params - row.output[0]
    mistakes = [Wrong("maxout-forgot-pieces", row.params),
                Wrong("maxout-shared-bias", k * weights + row.output[0]),
                Wrong("forgot-bias", k * weights)]
    spec = {"op": "maxout", "input": list(shape), "layers": layers, "pieces": k, "ask": "params"}
    return Draft(prompt, Answer("int", total.value), solution, spec, mistakes)
