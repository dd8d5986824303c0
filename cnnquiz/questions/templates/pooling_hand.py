"""Pooling by hand (max / average, overlapping, padded, ceil mode) and max unpooling.

Specs: the contract's `{"op": "max_pool2d" | "avg_pool2d", "x": HxW, "kernel_size": k,
"stride": s, "padding": p, "ceil_mode": bool}` (avg_pool2d with torch's default
count_include_pad=True). Unpooling uses `{"op": "max_unpool2d", "x": map to unpool,
"indices": flat h*W + w positions, "kernel_size": k, "stride": s, "pool_input": X}` where
`indices` is what `max_pool2d(pool_input, k, s, return_indices=True)` returns.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np

from cnnquiz.engine import ops
from cnnquiz.errors import OpError
from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.hand_common import (
    fmt,
    grid,
    keep_mistakes,
    rows_hint,
    to_list,
)

# level 3: (size, kernel, stride, padding, ceil_mode): overlapping, padded and ceil-mode pools
_TRICKY = ((5, 3, 2, 0, False), (7, 3, 2, 0, False), (5, 2, 2, 0, True), (4, 3, 2, 1, False),
           (6, 3, 2, 1, False), (7, 3, 3, 0, True), (3, 2, 1, 0, False))


def _taps(x: list[list[int]], rows: tuple[int, int], cols: tuple[int, int], p: int,
          kind: str) -> list[str]:
    """The cells a window reads, in x's coordinates: values, padding, nothing past the edge."""
    n, out = len(x), []
    for r in range(rows[0], rows[1]):
        for c in range(cols[0], cols[1]):
            if 0 <= r < n and 0 <= c < n:
                out.append(fmt(x[r][c]))
            elif -p <= r < n + p and -p <= c < n + p:
                out.append("pad" if kind == "max" else "0 (pad)")
    return out


@template("pool.by_hand", "hpl", "pooling", title=("Pooling by hand", "手算池化"))
def pool_by_hand(t: Ctx) -> Draft:
    n, k, s, p, ceil = t.choice((((4, 2, 2, 0, False),), ((6, 2, 2, 0, False), (6, 3, 3, 0, False)),
                                 _TRICKY)[t.level - 1])
    kind: Literal["max", "avg"] = t.choice(("max", "avg"))
    lo = -5 if t.level == 3 else 0
    x = [[t.rng.randrange(lo, 10) for _ in range(n)] for _ in range(n)]

    def run(op: str = kind, ss: int = s, pp: int = p, cm: bool = ceil, **kw: Any) -> Any:
        try:
            if op == "max":
                return to_list(ops.max_pool2d(x, k, ss, pp, ceil_mode=cm))
            return to_list(ops.avg_pool2d(x, k, ss, pp, ceil_mode=cm, **kw))
        except OpError:
            return None

    y = run()
    name = {"max": t.tr("max", "最大"), "avg": t.tr("average", "平均")}[kind]
    extra_en = (f", padding {p}" if p else "") + (", `ceil_mode=True`" if ceil else "")
    extra_zh = (f"，填充 {p}" if p else "") + ("，`ceil_mode=True`" if ceil else "")
    note_en, note_zh = "", ""
    if kind == "max" and p:
        note_en, note_zh = " Padding counts as -infinity.", "填充位置视为负无穷。"
    if kind == "avg" and (p or ceil):
        note_en = (" PyTorch defaults: `count_include_pad=True` (padded zeros count in the "
                   "divisor), and a window hanging past the padded input is divided by the "
                   "cells it covers.")
        note_zh = ("采用 PyTorch 默认设置：`count_include_pad=True`（补的零计入除数），"
                   "超出补零后输入的窗口只除以它实际覆盖的格数。")
    dec_en = " Give averages to 2 decimals." if kind == "avg" else ""
    dec_zh = "平均值保留 2 位小数。" if kind == "avg" else ""
    prompt = t.tr(
        f"Apply {name} pooling with a {k}x{k} window, stride {s}{extra_en} (PyTorch "
        f"`{kind}_pool2d`) to the {n}x{n} map x.{note_en}",
        f"对 {n}x{n} 的特征图 x 做{name}池化，窗口 {k}x{k}，步长 {s}{extra_zh}"
        f"（PyTorch `{kind}_pool2d`）。{note_zh}",
    ) + f"\n\nx =\n{grid(x)}\n\n" + t.tr("What is the pooled map?", "池化后的特征图是什么？") \
        + t.tr(dec_en + " ", dec_zh) + rows_hint(t)
    out_h = ops.pool_out_size(n, k, s, p, 1, ceil)
    solution = [t.tr(f"The output is {out_h}x{out_h}.", f"输出为 {out_h}x{out_h}。")]
    if p or ceil:
        solution.append(t.tr(f"Rows and columns are numbered in x; below 0 or from {n} on "
                             "lies outside it (padding or past the edge).",
                             f"行列号按 x 计；小于 0 或不小于 {n} 的位置在 x 之外（填充区或越界）。"))
    for st in ops.pool2d_steps(x, k, s, p, ceil_mode=ceil, op=kind):
        (r0, r1), (c0, c1) = st.window
        vals = ", ".join(_taps(x, (r0 - p, r1 - p), (c0 - p, c1 - p), p, kind))
        head = f"out[{st.out[0]},{st.out[1]}]" + t.tr(": ", "：") + t.tr(
            f"rows {r0 - p} to {r1 - 1 - p}, cols {c0 - p} to {c1 - 1 - p}",
            f"第 {r0 - p} 到 {r1 - 1 - p} 行、第 {c0 - p} 到 {c1 - 1 - p} 列")
        if kind == "max":
            body = f"max({vals}) = {fmt(st.value)}"
        else:
            body = f"({vals}) " + t.tr(f"sum / {st.divisor}", f"之和 / {st.divisor}") \
                + f" = {fmt(st.value)}"
        solution.append(head + t.tr(": ", "：") + body)
    solution.append(t.tr("Pooled map:", "池化结果：") + "\n\n" + grid(y))
    other = "avg" if kind == "max" else "max"
    mistakes: list[Wrong] = [
        Wrong(f"{other}-instead-of-{kind}", run(op=other)),
        Wrong("assumed-stride-equals-kernel", run(ss=k) if s != k else None),
        Wrong("ignored-padding", run(pp=0) if p else None),
        Wrong("floor-instead-of-ceil", run(cm=False) if ceil else None),
    ]
    if kind == "avg" and (p or ceil):
        mistakes += [Wrong("avg-divided-by-full-window", run(divisor_override=k * k)),
                     Wrong("excluded-padding-from-average", run(count_include_pad=False))]
    answer = Answer("matrix", y, tolerance=0.005 if kind == "avg" else 0.0)
    spec = {"op": f"{kind}_pool2d", "x": x, "kernel_size": k, "stride": s, "padding": p,
            "ceil_mode": ceil}
    return Draft(prompt, answer, solution, spec, keep_mistakes(answer, mistakes))


@template("pool.unpool", "hup", "pooling", title=("Max unpooling", "最大反池化"))
def max_unpool(t: Ctx) -> Draft:
    n, k = t.choice((((4, 2),), ((4, 2), (6, 2)), ((6, 3), (6, 2)))[t.level - 1])
    x = np.asarray(t.rng.sample(range(0, 10 * n), n * n)).reshape(n, n).tolist()
    pooled, idx = ops.max_pool2d(x, k, k, return_indices=True)
    m = n // k
    if t.level == 1:
        y = pooled
    else:
        lo = -4 if t.level == 3 else 1
        y = np.asarray([[t.choice([v for v in range(lo, 10) if v]) for _ in range(m)]
                        for _ in range(m)], dtype=float)
    out = ops.max_unpool2d(y, idx, k, k)
    if t.level == 1:
        what = t.tr("The pooled map is then unpooled with those indices (PyTorch "
                    "`max_unpool2d`).", "然后用这些位置把池化结果反池化（PyTorch `max_unpool2d`）。")
    else:
        what = t.tr(f"A decoder later unpools the {m}x{m} map y below with those indices "
                    "(PyTorch `max_unpool2d`, as in SegNet).",
                    f"之后解码器用这些位置对下面的 {m}x{m} 特征图 y 做反池化"
                    "（PyTorch `max_unpool2d`，同 SegNet）。")
        what += f"\n\ny =\n{grid(y)}"
    prompt = t.tr(
        f"The {n}x{n} map x is max-pooled with a {k}x{k} window and stride {k}, remembering "
        "where each maximum was (`return_indices=True`). ",
        f"对 {n}x{n} 的特征图 x 做 {k}x{k}、步长 {k} 的最大池化，并记住每个最大值的位置"
        "（`return_indices=True`）。",
    ) + what + f"\n\nx =\n{grid(x)}\n\n" + t.tr(
        f"What is the {n}x{n} unpooled map? ", f"反池化得到的 {n}x{n} 特征图是什么？") + rows_hint(t)
    solution = [
        t.tr("Pooled maxima:", "各窗口的最大值：") + "\n\n" + grid(pooled),
        t.tr(f"Their flat positions h*{n} + w in x:", f"它们在 x 中的展平位置 h*{n} + w：")
        + "\n\n" + grid(idx),
        t.tr("Each value of the map being unpooled goes back to its window's remembered "
             f"position (row = index // {n}, column = index % {n}); every other cell is 0:",
             f"被反池化的每个值放回对应窗口记住的位置（行 = 位置 // {n}，列 = 位置 % {n}），"
             "其余位置为 0：") + "\n\n" + grid(out),
    ]
    mistakes: list[Wrong] = [
        Wrong("unpool-copied-to-window", to_list(np.kron(y, np.ones((k, k))))),
        Wrong("unpool-ignored-positions", to_list(ops.max_unpool2d(
            y, (np.arange(m)[:, None] * k * n + np.arange(m)[None, :] * k), k, k))),
        Wrong("unpooled-wrong-values", to_list(ops.max_unpool2d(pooled, idx, k, k))
         if t.level > 1 else None),
    ]
    answer = Answer("matrix", to_list(out))
    spec = {"op": "max_unpool2d", "x": to_list(y), "indices": idx.tolist(), "kernel_size": k,
            "stride": k, "pool_input": x}
    return Draft(prompt, answer, solution, spec, keep_mistakes(answer, mistakes))
