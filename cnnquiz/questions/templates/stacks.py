"""Short conv/pool stacks: the flatten size at the end, and the output shape at a given layer.

Both are contract network questions; the flatten size adds `"at": [0]` (the single entry of
the [N] output) since its answer is an int.
"""

from __future__ import annotations

from typing import Any

from cnnquiz.errors import SpecError
from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.common import CHANNELS, net, net_spec, shape_text, step

Layer = dict[str, Any]


def conv(out: int, k: int, s: int = 1, p: int = 0, d: int = 1) -> Layer:
    return {"kind": "conv", "out": out, "k": k, "s": s, "p": p, "d": d}


def pool(k: int = 2, s: int | None = None, p: int = 0, ceil: bool = False) -> Layer:
    return {"kind": "maxpool", "k": k, "s": k if s is None else s, "p": p, "ceil": ceil}


def render(stack: list[Layer], *, no_pad: bool = False, no_stride: bool = False,
           all_ceil: bool = False) -> str:
    """The layer spec of a stack, optionally with a misconception applied to every layer."""
    parts = []
    for x in stack:
        p = 0 if no_pad else x["p"]
        if x["kind"] == "conv":
            s = 1 if no_stride else x["s"]
            parts.append(f"conv({x['out']},k={x['k']}" + (f",s={s}" if s > 1 else "")
                         + (f",p={p}" if p else "") + (f",d={x['d']})" if x["d"] > 1 else ")"))
        else:
            parts.append(f"maxpool(k={x['k']}" + (f",s={x['s']}" if x["s"] != x["k"] else "")
                         + (f",p={p}" if p else "")
                         + (",ceil=true)" if x["ceil"] or all_ceil else ")"))
    return " -> ".join(parts)


def _classic(t: Ctx) -> tuple[tuple[int, int, int], list[Layer]]:
    """Feature extractors of real networks, with some sizes varied."""
    which = t.rng.randrange(6)
    if which == 0:  # the Keras MNIST net
        c1, c2 = t.choice((25, 32, 16)), t.choice((50, 64, 32))
        return (1, 28, 28), [conv(c1, 3), pool(), conv(c2, 3), pool()]
    if which == 1:  # LeNet-5 (on MNIST padded to 32, or CIFAR)
        return (t.choice((1, 3)), 32, 32), [conv(6, 5), pool(), conv(16, 5), pool()]
    if which == 2:  # AlexNet as in the paper
        return (3, 227, 227), [conv(96, 11, 4), pool(3, 2), conv(256, 5, p=2), pool(3, 2),
                               conv(384, 3, p=1), conv(384, 3, p=1), conv(256, 3, p=1), pool(3, 2)]
    if which == 3:  # AlexNet as torchvision builds it
        return (3, 224, 224), [conv(64, 11, 4, 2), pool(3, 2), conv(192, 5, p=2), pool(3, 2),
                               conv(384, 3, p=1), conv(256, 3, p=1), conv(256, 3, p=1), pool(3, 2)]
    if which == 4:  # ResNet stem followed by a strided 3x3
        n = t.choice((224, 256, 192))
        return (3, n, n), [conv(64, 7, 2, 3), pool(3, 2, 1), conv(128, 3, 2, 1)]
    n, c = t.choice((32, 64, 96, 128, 224)), t.choice((16, 32, 64))  # VGG-style blocks
    stack: list[Layer] = []
    for _ in range(t.rng.randrange(2, 5)):
        stack += [conv(c, 3, p=1), pool()]
        c = min(2 * c, 512)
    return (3, n, n), stack


def _random(t: Ctx, tricky: bool) -> tuple[tuple[int, int, int], list[Layer]]:
    c0 = t.choice((1, 3))
    n = t.rng.randrange(20, 100) if tricky else t.rng.randrange(8, 33)
    stack: list[Layer] = []
    for i in range(t.rng.randrange(3, 5) if tricky else 2):
        if tricky and i % 2 == 1 and t.rng.random() < 0.6:
            stack.append(pool(t.choice((2, 3)), 2, t.choice((0, 1)), t.rng.random() < 0.4))
        elif tricky:
            k = t.choice((3, 5, 7))
            stack.append(conv(t.choice(CHANNELS), k, t.choice((1, 2)), t.rng.randrange(0, k // 2 + 1),
                              t.choice((1, 1, 2))))
        elif i == 0:
            k = t.choice((3, 5))
            stack.append(conv(t.choice((6, 8, 16, 32)), k, 1, t.choice((0, (k - 1) // 2))))
        else:
            stack.append(pool(t.choice((2, 2, 3))))
    return (c0, n, n), stack


def draw_stack(t: Ctx) -> tuple[tuple[int, int, int], list[Layer]]:
    def draw() -> tuple[tuple[int, int, int], list[Layer]] | None:
        shape, stack = _classic(t) if t.level == 2 else _random(t, t.level == 3)
        try:
            net(render(stack), shape)
        except SpecError:  # a layer would shrink the map below one pixel (~6% at level 3)
            return None
        return shape, stack

    return t.redraw(draw, "conv/pool stack with an output at every layer")


def _listing(t: Ctx, stack: list[Layer]) -> str:
    legend = t.tr(
        "(`conv(C_out,k,s,p,d)`: PyTorch `Conv2d` with C_out filters of size k x k, stride s, "
        "padding p, dilation d; `maxpool(k,s,p,ceil)`: `MaxPool2d`; omitted s is 1 for conv "
        "and k for pooling, omitted p is 0.)",
        "（`conv(C_out,k,s,p,d)`：PyTorch `Conv2d`，C_out 个 k x k 卷积核，步长 s，填充 p，"
        "膨胀率 d；`maxpool(k,s,p,ceil)`：`MaxPool2d`；省略时卷积步长为 1、池化步长为 k，填充为 0。）",
    )
    lines = [f"{i}. `{text}`" for i, text in enumerate(render(stack).split(" -> "), 1)]
    return "\n".join(lines) + "\n\n" + legend


def _walk(t: Ctx, shape: tuple[int, ...], layers: str, upto: int) -> list[str]:
    out = []
    for row in net(layers, shape).rows[:upto]:
        calc = row.explain.get("H") or row.explain.get("size")
        out.append(step(t, f"Layer {row.index} `{row.spec}` -> {shape_text(row.output)}",
                        f"第 {row.index} 层 `{row.spec}` -> {shape_text(row.output)}", calc))
    return out


def _wrong(shape: tuple[int, ...], stack: list[Layer], at: int, **how: bool) -> Any:
    """The output of layer `at` under a misconception, or None if that stack is invalid."""
    try:
        return list(net(render(stack, **how), shape).rows[at - 1].output)
    except SpecError:
        return None


@template("flatten.size", "fln", "flatten", title=("Flatten size", "展平后的长度"))
def flatten_size(t: Ctx) -> Draft:
    shape, stack = draw_stack(t)
    layers = render(stack) + " -> flatten"
    rows = net(layers, shape).rows
    last = rows[-2].output
    prompt = t.tr(
        f"A {shape_text(shape)} input (C x H x W) passes through these layers, then `flatten`:\n\n"
        f"{_listing(t, stack)}\n\nHow many numbers does the flattened vector have?",
        f"{shape_text(shape)}（C x H x W）的输入依次经过下列各层，然后 `flatten`：\n\n"
        f"{_listing(t, stack)}\n\n展平后的向量有多少个数？",
    )
    solution = _walk(t, shape, layers, len(rows))
    n = len(stack)
    wrong: list[tuple[str, Any]] = [
        ("forgot-channels", last[1] * last[2]),
        ("ceil-instead-of-floor", _wrong(shape, stack, n, all_ceil=True)),
        ("ignored-padding", _wrong(shape, stack, n, no_pad=True)),
        ("ignored-stride", _wrong(shape, stack, n, no_stride=True)),
    ]
    mistakes = [Wrong(name, v if isinstance(v, int) else v[0] * v[1] * v[2])
                for name, v in wrong if v is not None]
    spec = {**net_spec(shape, layers, "output"), "at": [0]}
    return Draft(prompt, Answer("int", int(rows[-1].output[0])), solution, spec, mistakes)


@template("stack.output_shape", "sto", "output-size",
          title=("Output shape inside a conv/pool stack", "卷积/池化堆叠中某层的输出尺寸"))
def stack_output_shape(t: Ctx) -> Draft:
    shape, stack = draw_stack(t)
    layers = render(stack)
    at = t.rng.randrange(2, len(stack) + 1)
    row = net(layers, shape).rows[at - 1]
    prompt = t.tr(
        f"A {shape_text(shape)} input (C x H x W) passes through these layers:\n\n"
        f"{_listing(t, stack)}\n\nWhat is the output shape of layer {at}?",
        f"{shape_text(shape)}（C x H x W）的输入依次经过下列各层：\n\n"
        f"{_listing(t, stack)}\n\n第 {at} 层的输出形状是多少？",
    )
    solution = _walk(t, shape, layers, at)
    mistakes = [Wrong(name, v) for name, v in (
        ("ceil-instead-of-floor", _wrong(shape, stack, at, all_ceil=True)),
        ("ignored-padding", _wrong(shape, stack, at, no_pad=True)),
        ("ignored-stride", _wrong(shape, stack, at, no_stride=True)),
    ) if v is not None]
    return Draft(prompt, Answer("shape", list(row.output)), solution,
                 net_spec(shape, layers, "output", layer=at), mistakes)
