"""2-D convolution by hand: slide a small +-1 filter over a small integer or binary image.

Spec (contract): `{"op": "conv2d", "x": HxW, "w": KxK, "stride": s, "padding": p,
"dilation": d}` plus `"at": [i, j]` when one entry is asked; the result is what
`torch.nn.functional.conv2d(x[None, None], w[None, None], ...)[0, 0]` returns.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from cnnquiz.engine import arith, ops
from cnnquiz.errors import OpError
from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.common import step
from cnnquiz.questions.templates.hand_common import (
    fmt,
    grid,
    keep_mistakes,
    rows_hint,
    sum_text,
    to_list,
)

# level-3 geometries: (image size, kernel, stride, padding, dilation), all fitting
_TRICKY = ((4, 3, 1, 1, 1), (5, 3, 2, 1, 1), (5, 3, 1, 1, 2), (6, 3, 2, 1, 1), (4, 2, 2, 1, 1),
           (5, 2, 2, 1, 1), (5, 3, 2, 0, 1), (6, 3, 1, 1, 2))


def _kernel(t: Ctx, k: int, values: tuple[int, ...]) -> list[list[int]]:
    def draw() -> list[list[int]] | None:
        w = [[t.choice(values) for _ in range(k)] for _ in range(k)]
        return w if len({v for row in w for v in row}) > 1 else None

    return t.redraw(draw, "kernel that is not constant")  # a constant one is a box sum


def _config(t: Ctx) -> tuple[list[list[int]], list[list[int]], int, int, int]:
    if t.level == 1:
        n, k = t.choice((4, 5)), t.choice((2, 3))
        x = [[t.rng.randrange(0, 4) for _ in range(n)] for _ in range(n)]
        return x, _kernel(t, k, (-1, 0, 1)), 1, 0, 1
    if t.level == 2:  # the notes' case: a 6x6 binary image and 3x3 +-1 filters
        x = [[t.rng.randrange(0, 2) for _ in range(6)] for _ in range(6)]
        return x, _kernel(t, 3, (-1, 1)), t.choice((1, 2)), 0, 1
    n, k, s, p, d = t.choice(_TRICKY)
    x = [[t.rng.randrange(-2, 4) for _ in range(n)] for _ in range(n)]
    return x, _kernel(t, k, (-1, 0, 1, 2)), s, p, d


@template("conv.by_hand", "hcv", "conv-by-hand",
          title=("Convolution by hand", "手算二维卷积"))
def conv_by_hand(t: Ctx) -> Draft:
    x, w, s, p, d = _config(t)
    y = ops.conv2d(x, w, stride=s, padding=p, dilation=d)
    ho, wo = y.shape
    at = [t.rng.randrange(ho), t.rng.randrange(wo)] if t.level == 1 else None
    n, k = len(x), len(w)

    def run(ww: Any = w, ss: int = s, pp: int = p, dd: int = d) -> Any:
        try:
            r = ops.conv2d(x, ww, stride=ss, padding=pp, dilation=dd)
        except OpError:
            return None
        if at is None:
            return to_list(r)
        return int(r[at[0], at[1]]) if at[0] < r.shape[0] and at[1] < r.shape[1] else None

    extra_en = (f", padding {p} (zeros)" if p else "") + (f", dilation {d}" if d > 1 else "")
    extra_zh = (f"，填充 {p}（补零）" if p else "") + (f"，膨胀率 {d}" if d > 1 else "")
    ask = (t.tr(f"What is the output entry at row {at[0]}, column {at[1]} (0-based)?",
                f"输出特征图第 {at[0]} 行、第 {at[1]} 列（从 0 开始计数）的值是多少？")
           if at else t.tr("Give the whole output feature map. ", "写出整个输出特征图。")
           + rows_hint(t))
    prompt = t.tr(
        f"Slide the {k}x{k} filter **w** over the {n}x{n} image **x** with stride {s}{extra_en}, "
        "as PyTorch's `conv2d` does (cross-correlation: the kernel is not flipped; no bias).",
        f"用 {k}x{k} 的卷积核 **w** 在 {n}x{n} 的图像 **x** 上滑动，步长 {s}{extra_zh}，按 PyTorch "
        "`conv2d` 的方式计算（互相关：卷积核不翻转；无偏置）。",
    ) + f"\n\nx =\n{grid(x)}\n\nw =\n{grid(w)}\n\n{ask}"
    size = arith.conv_out(n, k, s, p, d)
    solution = [step(t, "Output size", "输出尺寸", size)]
    if p:
        solution.append(t.tr("Padded input (window rows/columns below count from its corner):",
                             "补零后的输入（下面窗口的行列号从它的左上角算起）：")
                        + "\n\n" + grid(np.pad(np.asarray(x), p)))
    taps = t.tr(f"(taps {d} cells apart) ", f"（采样点相隔 {d} 格）") if d > 1 else ""
    for st in ops.conv2d_steps(x, w, stride=s, padding=p, dilation=d):
        if at and list(st.out) != at:
            continue
        (r0, r1), (c0, c1) = st.window
        assert st.products is not None
        solution.append(t.tr(
            f"out[{st.out[0]},{st.out[1]}]: window rows {r0}-{r1 - 1}, columns {c0}-{c1 - 1}: ",
            f"out[{st.out[0]},{st.out[1]}]：窗口第 {r0}-{r1 - 1} 行、第 {c0}-{c1 - 1} 列：",
        ) + taps + f"{sum_text(st.products.ravel().tolist())} = {fmt(st.value)}")
    if not at:
        solution.append(t.tr("Feature map:", "输出特征图：") + "\n\n" + grid(y))
    mistakes: list[Wrong] = [
        Wrong("flipped-kernel", run(ww=np.flip(np.asarray(w)))),
        Wrong("ignored-stride", run(ss=1) if s > 1 else None),
        Wrong("ignored-padding", run(pp=0) if p else None),
        Wrong("ignored-dilation", run(dd=1) if d > 1 else None),
    ]
    if at:
        i, j = at
        near = (i + 1, j) if i + 1 < ho else (i - 1, j)
        mistakes += [Wrong("one-index-off", int(y[near])),
                     Wrong("row-col-swapped", int(y[j, i]) if j < ho and i < wo else None)]
        answer = Answer("int", int(y[i, j]))
    else:
        answer = Answer("matrix", to_list(y))
    spec: dict[str, Any] = {"op": "conv2d", "x": x, "w": w, "stride": s, "padding": p,
                            "dilation": d}
    if at:
        spec["at"] = at
    return Draft(prompt, answer, solution, spec, keep_mistakes(answer, mistakes))
