"""Convolution as a sparse fully connected layer with shared weights.

Invented operation specs (recomputable without cnnquiz):

- `{"op": "conv_inputs", "input_size": n, "kernel_size": k, "stride", "padding", "dilation",
  "at": [i, j]}`: the 1-based, row-major indices of the pixels of a single-channel n x n input
  that output [i, j] (0-based, as PyTorch indexes the output) of conv2d depends on, sorted.
- `{"op": "conv_matrix", "input_size", "kernel_size", "stride", "padding",
  "ask": "rows|cols|nonzeros_per_row|nonzeros"}`: of the matrix C with
  conv2d(x) = C @ x.flatten() for a single-channel n x n input and an all-ones kernel.
"""

from __future__ import annotations

import numpy as np

from cnnquiz.engine import arith, ops
from cnnquiz.engine.explain import Calc
from cnnquiz.errors import OpError
from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.common import step


def _inputs(n: int, k: int, s: int, p: int, d: int, at: tuple[int, int]) -> list[int] | None:
    """1-based row-major input indices feeding output `at` (None if `at` is outside): the
    nonzeros of that output's row of the convolution matrix."""
    try:
        c = ops.conv_matrix(n, np.ones((k, k)), s, p, d)
    except OpError:
        return None
    ho = arith.conv_out(n, k, s, p, d).value
    if at[0] >= ho or at[1] >= ho:
        return None
    return [int(x) + 1 for x in np.flatnonzero(c[at[0] * ho + at[1]])]


@template("conv.as_fc_inputs", "cfi", "conv-as-fc",
          title=("Which inputs feed an output (conv as a sparse layer)",
                 "卷积作为稀疏全连接：哪些输入连到某个输出"))
def conv_as_fc_inputs(t: Ctx) -> Draft:
    p, d = 0, 1
    if t.level == 1:
        n, k, s = t.choice((4, 5, 6, 6)), t.choice((2, 3, 3)), 1
    elif t.level == 2:
        n, k, s = t.rng.randrange(5, 9), t.choice((2, 3, 3)), t.choice((1, 2))
    else:
        n, k = t.rng.randrange(5, 9), t.choice((2, 3))
        s, variant = t.choice((1, 2)), t.choice(("pad", "pad", "dilate"))
        p, d = (1, 1) if variant == "pad" and k == 3 else (0, 2)
    ho = int(arith.conv_out(n, k, s, p, d).value)
    at = (t.rng.randrange(ho), t.rng.randrange(ho))
    value = _inputs(n, k, s, p, d, at)
    assert value
    extra_en = (f", padding {p}" if p else "") + (f", dilation {d}" if d > 1 else "")
    extra_zh = (f"，填充 {p}" if p else "") + (f"，膨胀率 {d}" if d > 1 else "")
    prompt = t.tr(
        f"A {n}x{n} single-channel image is flattened row by row into x_1 ... x_{n * n} "
        f"(x_1 top-left, x_{n} the end of the first row). A {k}x{k} convolution with stride "
        f"{s}{extra_en} (no bias) is then a sparse fully connected layer y = Wx. Which inputs "
        f"feed the output at row {at[0] + 1}, column {at[1] + 1} (counting from 1)? List their "
        "indices in increasing order.",
        f"把 {n}x{n} 的单通道图像按行展平为 x_1 ... x_{n * n}（x_1 在左上角，x_{n} 是第一行末尾）。"
        f"步长为 {s}{extra_zh} 的 {k}x{k} 卷积（无偏置）就相当于一个稀疏的全连接层 y = Wx。"
        f"第 {at[0] + 1} 行、第 {at[1] + 1} 列（从 1 开始数）的输出连接到哪些输入？"
        "按从小到大列出它们的下标。",
    )
    rows = [at[0] * s - p + a * d for a in range(k)]
    cols = [at[1] * s - p + a * d for a in range(k)]
    inside_r, inside_c = [r for r in rows if 0 <= r < n], [c for c in cols if 0 <= c < n]
    solution = [
        step(t, "Output size", "输出尺寸", arith.conv_out(n, k, s, p, d)),
        step(t, f"Window rows (0-based, i*S - P + a*D): {rows}; inside the image: {inside_r}",
             f"窗口覆盖的行（从 0 数，i*S - P + a*D）：{rows}；在图像内的：{inside_r}"),
        step(t, f"Window columns: {cols}; inside the image: {inside_c}",
             f"窗口覆盖的列：{cols}；在图像内的：{inside_c}"),
        step(t, f"Index = row*{n} + column + 1: {', '.join(map(str, value))}",
             f"下标 = 行*{n} + 列 + 1：{', '.join(map(str, value))}"),
    ]
    swapped = sorted((x - 1) % n * n + (x - 1) // n + 1 for x in value)
    mistakes: list[Wrong] = [
        Wrong("one-index-off", [x - 1 for x in value]),
        Wrong("row-col-swapped", swapped),
        Wrong("ignored-stride", _inputs(n, k, 1, p, d, at) if s > 1 else None),
        Wrong("ignored-padding", _inputs(n, k, s, 0, d, at) if p else None),
        Wrong("ignored-dilation", _inputs(n, k, s, p, 1, at) if d > 1 else None),
    ]
    spec = {"op": "conv_inputs", "input_size": n, "kernel_size": k, "stride": s, "padding": p,
            "dilation": d, "at": list(at)}
    return Draft(prompt, Answer("matrix", value), solution, spec,
                 [m for m in mistakes if m.value])


def _matrix_counts(n: int, k: int, s: int, p: int) -> dict[str, int]:
    """Rows, columns and non-zeros of C for an n x n input and an all-ones k x k kernel."""
    c = ops.conv_matrix(n, np.ones((k, k)), s, p)
    return {"rows": c.shape[0], "cols": c.shape[1], "nonzeros": int(np.count_nonzero(c)),
            "nonzeros_per_row": int(np.count_nonzero(c[0]))}


MATRIX_ASK_EN = {
    "rows": "How many rows does C have?",
    "cols": "How many columns does C have?",
    "nonzeros_per_row": "How many non-zero entries does each row of C have?",
    "nonzeros": "How many non-zero entries does C have in total?",
}
MATRIX_ASK_ZH = {
    "rows": "C 有多少行？", "cols": "C 有多少列？",
    "nonzeros_per_row": "C 的每一行有多少个非零元素？", "nonzeros": "C 一共有多少个非零元素？",
}


@template("conv.as_fc_matrix", "cfm", "conv-as-fc",
          title=("Size and sparsity of the convolution matrix", "卷积矩阵的尺寸与稀疏性"))
def conv_as_fc_matrix(t: Ctx) -> Draft:
    if t.level == 1:
        n, k, s, p = t.rng.randrange(4, 9), t.choice((2, 3)), 1, 0
        ask = t.choice(tuple(MATRIX_ASK_EN))
    elif t.level == 2:
        n, k, s = t.choice((7, 8, 10, 12, 14, 16, 28, 32)), t.choice((3, 5)), t.choice((1, 2))
        ask = t.choice(tuple(MATRIX_ASK_EN))
        p = 0 if ask == "nonzeros_per_row" else t.choice((0, (k - 1) // 2))
    else:
        n, k, s = t.rng.randrange(5, 17), t.choice((3, 5)), t.choice((1, 2))
        p, ask = t.rng.randrange(1, (k - 1) // 2 + 1), t.choice(("rows", "cols", "nonzeros"))
    while n + 2 * p < k:
        n += k
    values = _matrix_counts(n, k, s, p)
    pad_en, pad_zh = (f", padding {p}", f"，填充 {p}") if p else ("", "")
    prompt = t.tr(
        f"A {k}x{k} convolution with stride {s}{pad_en} on a {n}x{n} single-channel image is "
        "written as y = C x, where x is the image flattened row by row and y the flattened output "
        "(C is the equivalent sparse fully connected weight matrix; assume no kernel weight is 0). "
        + MATRIX_ASK_EN[ask],
        f"在 {n}x{n} 的单通道图像上做步长为 {s}{pad_zh} 的 {k}x{k} 卷积，写成 y = C x，其中 x 是按行"
        "展平的图像，y 是展平的输出（C 即等价的稀疏全连接权重矩阵；设卷积核中没有为 0 的权重）。"
        + MATRIX_ASK_ZH[ask],
    )
    ho = arith.conv_out(n, k, s, p)
    rows = Calc(values["rows"], "H_out*W_out", f"{ho.value}*{ho.value}")
    cols = Calc(values["cols"], "H*W", f"{n}*{n}")
    solution = [step(t, "Output size", "输出尺寸", ho),
                step(t, "Rows: one per output", "行数：每个输出一行", rows),
                step(t, "Columns: one per input pixel", "列数：每个输入像素一列", cols)]
    if ask == "nonzeros_per_row":
        solution.append(step(t, "Each row holds one copy of the kernel", "每行存有一份卷积核",
                             Calc(values[ask], "K*K", f"{k}*{k}")))
    if ask == "nonzeros" and not p:
        solution.append(step(t, "Every row holds the K*K kernel weights", "每行有 K*K 个权重",
                             Calc(values[ask], "rows*K*K", f"{values['rows']}*{k}*{k}")))
    elif ask == "nonzeros":
        taps = [sum(0 <= i * s - p + a < n for a in range(k)) for i in range(ho.value)]
        solution += [
            step(t, f"Along one axis, the windows of the {ho.value} outputs cover {taps} real "
                 "pixels (cells in the padding have no column)",
                 f"沿一个方向，{ho.value} 个输出的窗口各覆盖 {taps} 个真实像素"
                 "（落在填充区的格子没有对应的列）"),
            step(t, "Rows and columns combine independently", "行方向和列方向的个数相乘",
                 Calc(values[ask], "(r_1 + ... + r_H)^2", f"({' + '.join(map(str, taps))})^2")),
        ]
    no_pad = _matrix_counts(n, k, s, 0)["rows"] if p and n >= k else None
    mistakes: dict[str, list[Wrong]] = {
        "rows": [Wrong("row-col-swapped", values["cols"]), Wrong("forgot-plus-one", (ho.value - 1) ** 2),
                 Wrong("ignored-stride", int(arith.conv_out(n, k, 1, p).value) ** 2),
                 Wrong("ignored-padding", no_pad)],
        "cols": [Wrong("row-col-swapped", values["rows"]), Wrong("ignored-padding", (n + 2 * p) ** 2)],
        "nonzeros_per_row": [Wrong("counted-dense-matrix", values["cols"])],
        "nonzeros": [Wrong("counted-shared-weights-once", k * k),
                     Wrong("counted-dense-matrix", values["rows"] * values["cols"]),
                     Wrong("ignored-padding", values["rows"] * k * k)],
    }
    spec = {"op": "conv_matrix", "input_size": n, "kernel_size": k, "stride": s, "padding": p,
            "ask": ask}
    return Draft(prompt, Answer("int", int(values[ask])), solution, spec,
                 [m for m in mistakes[ask] if m.value])
