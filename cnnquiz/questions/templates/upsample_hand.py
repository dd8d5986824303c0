"""Upsampling by hand: transposed convolution as scatter-and-add, and where PixelShuffle
moves an entry.

Specs: the contract's `{"op": "conv_transpose2d", "x": HxW, "w": KxK, "stride": s,
"padding": p, "output_padding": op}`. PixelShuffle positions use `{"op": "pixel_shuffle",
"x_shape": [C*r*r, H, W], "r": r, "ask": "position", "from": [c, i, j]}` (or `"ask":
"source", "to": [c, y, x]`) with x = arange(C*r*r*H*W).reshape(x_shape): the answer is the
index [c, y, x] of pixel_shuffle(x, r) holding x[c, i, j] (or the input index [c, i, j]
whose value lands at [c, y, x]).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from cnnquiz.engine import arith, ops
from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.common import count_en, step
from cnnquiz.questions.templates.hand_common import (
    fmt,
    grid,
    keep_mistakes,
    rows_hint,
    to_list,
)

# level 3: (kernel, stride, padding, output_padding)
_TRICKY = ((3, 2, 1, 0), (3, 2, 1, 1), (2, 3, 0, 0), (3, 2, 0, 1), (4, 2, 1, 0), (3, 3, 1, 0))


def _overwrite(steps: list[ops.ScatterStep]) -> list[Any]:
    """The scatter with '=' instead of '+=': what forgetting to add the overlaps gives.

    `steps` is the scatter trace of the question's transposed convolution.
    """
    canvas = np.zeros_like(steps[-1].canvas)
    for st in steps:
        (r0, r1), (c0, c1) = st.window
        canvas[r0:r1, c0:c1] = st.products
    r0, r1, c0, c1 = steps[-1].crop
    return to_list(canvas[r0:r1, c0:c1])


@template("convT.by_hand", "hct", "upsampling",
          title=("Transposed convolution by hand", "手算转置卷积"))
def conv_transpose_by_hand(t: Ctx) -> Draft:
    k, s, p, op = t.by_level((t.choice((2, 2, 3)), t.choice((1, 2)), 0, 0),
                             (3, t.choice((1, 2)), 0, 0), t.choice(_TRICKY))
    x = [[t.rng.randrange(1, 4) for _ in range(2)] for _ in range(2)]
    w = [[t.choice((-1, 0, 1, 2)) for _ in range(k)] for _ in range(k)]
    if not any(any(r) for r in w):
        w[0][0] = 1
    y = ops.conv_transpose2d(x, w, stride=s, padding=p, output_padding=op)
    extra_en = (f", padding {p}" if p else "") + (f", output_padding {op}" if op else "")
    extra_zh = (f"，填充 {p}" if p else "") + (f"，output_padding {op}" if op else "")
    prompt = t.tr(
        f"A transposed convolution (PyTorch `conv_transpose2d`, no bias) with the {k}x{k} "
        f"kernel w, stride {s}{extra_en}, is applied to the 2x2 input x.",
        f"对 2x2 的输入 x 做转置卷积（PyTorch `conv_transpose2d`，无偏置），卷积核为 {k}x{k} 的 w，"
        f"步长 {s}{extra_zh}。",
    ) + f"\n\nx =\n{grid(x)}\n\nw =\n{grid(w)}\n\n" + t.tr(
        "What is the output? ", "输出是什么？") + rows_hint(t)
    steps = ops.conv_transpose2d_steps(x, w, s, p, op)
    solution = [step(t, "Output size", "输出尺寸", arith.convT_out(2, k, s, p, op))]
    solution.append(t.tr(
        f"Scatter and add: each input value times the kernel is added into the output at "
        f"(row*{s}, column*{s}); where blocks overlap the values add up.",
        f"分散相加：每个输入值乘以卷积核，加到输出的 (行*{s}, 列*{s}) 处；块重叠处的值相加。"))
    for st in steps:
        (r0, r1), (c0, c1) = st.window
        solution.append(t.tr(
            f"x[{st.source[0]},{st.source[1]}] = {fmt(st.value)}: add {fmt(st.value)}*w to "
            f"rows {r0}-{r1 - 1}, columns {c0}-{c1 - 1}",
            f"x[{st.source[0]},{st.source[1]}] = {fmt(st.value)}：把 {fmt(st.value)}*w 加到"
            f"第 {r0}-{r1 - 1} 行、第 {c0}-{c1 - 1} 列"))
    if not p and not op:
        solution.append(t.tr("Sum of all blocks (the output):", "所有块之和（即输出）：")
                        + "\n\n" + grid(y))
    else:
        solution.append(t.tr("Sum of all blocks:", "所有块之和：") + "\n\n"
                        + grid(steps[-1].canvas))
        r0, r1, c0, c1 = steps[-1].crop
        en = [f"padding {p} crops {count_en(p, 'row')} and {count_en(p, 'column')} "
              "from each side"] if p else []
        zh = [f"填充 {p} 表示从每一侧裁掉 {p} 行/列"] if p else []
        if op:
            en.append(f"output_padding {op} adds {count_en(op, 'row')} at the bottom and "
                      f"{count_en(op, 'column')} at the right")
            zh.append(f"output_padding {op} 在下方/右侧多留 {op} 行/列")
        solution.append(t.tr("; ".join(en).capitalize() + f": keep rows {r0}-{r1 - 1}, "
                             f"columns {c0}-{c1 - 1}.",
                             "；".join(zh) + f"：保留第 {r0}-{r1 - 1} 行、第 {c0}-{c1 - 1} 列。"))
        solution.append(t.tr("Output:", "输出：") + "\n\n" + grid(y))
    mistakes: list[Wrong] = [
        Wrong("overwrote-overlaps", _overwrite(steps)),
        Wrong("convt-flipped-kernel", to_list(ops.conv_transpose2d(x, np.flip(np.asarray(w)), stride=s,
                                                       padding=p, output_padding=op))),
        Wrong("convt-padding-not-cropped",
         to_list(ops.conv_transpose2d(x, w, stride=s, output_padding=op)) if p else None),
        Wrong("forgot-output-padding", to_list(ops.conv_transpose2d(x, w, stride=s, padding=p))
         if op else None),
    ]
    answer = Answer("matrix", to_list(y))
    spec = {"op": "conv_transpose2d", "x": x, "w": w, "stride": s, "padding": p,
            "output_padding": op}
    return Draft(prompt, answer, solution, spec, keep_mistakes(answer, mistakes))


def _where(shape: tuple[int, int, int], r: int, index: list[int], forward: bool,
           channel_major: bool = False) -> list[int]:
    """Forward: where input `index` lands. Otherwise: which input lands at output `index`."""
    c_in, h, w = shape
    x = np.arange(c_in * h * w).reshape(shape)
    if channel_major:  # the wrong belief: channel k feeds output channel k % C
        c_out = c_in // (r * r)
        x = x.reshape(r * r, c_out, h, w).transpose(1, 0, 2, 3).reshape(shape)
    y = ops.pixel_shuffle(x, r)
    if forward:
        return [int(v) for v in np.argwhere(y == x[tuple(index)])[0]]
    return [int(v) for v in np.argwhere(x == y[tuple(index)])[0]]


@template("pixelshuffle.position", "hps", "upsampling",
          title=("Where PixelShuffle moves an entry", "PixelShuffle 中元素的去向"))
def pixel_shuffle_position(t: Ctx) -> Draft:
    r, c = t.by_level((2, 1), (t.choice((2, 3)), t.choice((2, 3))),
                      (t.choice((2, 3, 4)), t.choice((2, 3, 4))))
    h, w = t.by_level((t.choice((2, 3)),) * 2, (t.rng.randrange(3, 9), t.rng.randrange(3, 9)),
                      (t.rng.randrange(4, 17), t.rng.randrange(4, 17)))
    shape = (c * r * r, h, w)
    forward = t.level < 3 or t.rng.random() < 0.5
    dims = shape if forward else (c, h * r, w * r)
    index = [t.rng.randrange(d) for d in dims]
    got = _where(shape, r, index, forward)
    cc, i, j = index
    prompt = t.tr(
        f"`nn.PixelShuffle({r})` turns a {shape[0]}x{h}x{w} tensor (C x H x W) into "
        f"{c}x{h * r}x{w * r}. ",
        f"`nn.PixelShuffle({r})` 把 {shape[0]}x{h}x{w} 的张量（C x H x W）变成 "
        f"{c}x{h * r}x{w * r}。",
    ) + (t.tr(f"Where does input entry (c, h, w) = ({cc}, {i}, {j}) end up?",
              f"输入中位于 (c, h, w) = ({cc}, {i}, {j}) 的元素去了哪里？") if forward else
         t.tr(f"Which input entry ends up at output position (c, y, x) = ({cc}, {i}, {j})?",
              f"输出位置 (c, y, x) = ({cc}, {i}, {j}) 上的元素来自输入的哪个位置？")) + " " + t.tr(
        "Answer with 0-based indices as `c, y, x` (e.g. `0, 3, 5`).",
        "用从 0 开始的下标回答，格式为 `c, y, x`（例如 `0, 3, 5`）。")
    rule = t.tr(
        f"Rule: output[c, h*{r} + dy, w*{r} + dx] = input[c*{r * r} + dy*{r} + dx, h, w]: each "
        f"group of {r * r} consecutive channels becomes the {r}x{r} block of one output pixel.",
        f"规则：output[c, h*{r} + dy, w*{r} + dx] = input[c*{r * r} + dy*{r} + dx, h, w]："
        f"每 {r * r} 个相邻通道组成一个输出像素的 {r}x{r} 小块。")
    if forward:
        oc, sub = divmod(cc, r * r)
        dy, dx = divmod(sub, r)
        work = (f"c = {cc} // {r * r} = {oc}; {cc} % {r * r} = {sub}; "
                f"dy, dx = divmod({sub}, {r}) = ({dy}, {dx}); "
                f"y = {i}*{r} + {dy} = {got[1]}, x = {j}*{r} + {dx} = {got[2]}")
    else:
        (hh, dy), (ww, dx) = divmod(i, r), divmod(j, r)
        work = (f"h, dy = divmod({i}, {r}) = ({hh}, {dy}); w, dx = divmod({j}, {r}) = ({ww}, "
                f"{dx}); c = {cc}*{r * r} + {dy}*{r} + {dx} = {got[0]}")
    solution = [rule, f"`{work}`", t.tr(f"Answer: {got}", f"答案：{got}")]
    swapped = [got[0], i * r + dx, j * r + dy] if forward else [cc * r * r + dx * r + dy, hh, ww]
    mistakes: list[Wrong] = [
        Wrong("shuffle-channel-major", _where(shape, r, index, forward, channel_major=True)),
        Wrong("row-col-swapped", swapped),
        Wrong("one-index-off", [v + 1 for v in got]),
    ]
    answer = Answer("matrix", got)
    spec: dict[str, Any] = {"op": "pixel_shuffle", "x_shape": list(shape), "r": r,
                            "ask": "position" if forward else "source",
                            "from" if forward else "to": index}
    return Draft(prompt, answer, solution, spec, keep_mistakes(answer, mistakes))
