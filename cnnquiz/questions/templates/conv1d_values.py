"""1-D convolution values by hand ("two trains passing": the kernel is flipped).

Invented operation spec: `{"op": "conv1d_modes", "x": [...], "w": [...], "mode":
"full|valid|same", "stride": s}` (plus `"at": [i]` for one entry) is
`numpy.convolve(x, w, mode)[::stride]`: full has n+m-1 entries, valid the n-m+1 full
overlaps, same the n central ones (full[(m-1)//2 : (m-1)//2 + n]; m is odd here). The same
name with `"ask": "length"` (conv1d.length) asks only for the length.
"""

from __future__ import annotations

from typing import Any, get_args

from cnnquiz.engine import ops
from cnnquiz.engine.ops.conv1d import Mode
from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.hand_common import (
    fmt,
    keep_mistakes,
    signed,
    to_list,
    vec,
)

MODES: tuple[Mode, ...] = get_args(Mode)


def _seq(t: Ctx, n: int, lo: int, hi: int) -> list[int]:
    def draw() -> list[int] | None:
        v = [t.rng.randrange(lo, hi) for _ in range(n)]
        return v if any(v) and v != v[::-1] else None  # a palindrome kernel hides the flip

    return t.redraw(draw, "sequence that is neither zero nor a palindrome")


@template("conv1d.values", "h1d", "conv1d", title=("1-D convolution by hand", "手算一维卷积"))
def conv1d_values(t: Ctx) -> Draft:
    mode: Mode
    if t.level == 1:
        x, w, mode, s = _seq(t, t.choice((4, 5)), 0, 4), _seq(t, t.choice((2, 3)), -1, 3), "full", 1
    elif t.level == 2:
        x, w, mode, s = _seq(t, t.choice((5, 6)), 0, 4), _seq(t, 3, -1, 3), t.choice(MODES[:2]), 1
    else:
        x, w = _seq(t, t.choice((6, 7)), -1, 4), _seq(t, 3, -2, 3)
        shapes: tuple[tuple[Mode, int], ...] = (("same", 1), ("full", 2), ("valid", 2), ("same", 2))
        mode, s = t.choice(shapes)
    y = ops.conv1d_modes(x, w, mode, s)
    at = t.rng.randrange(len(y)) if t.level == 1 else None

    def pick(r: Any) -> Any:
        if at is None:
            return to_list(r)
        return int(r[at]) if at < len(r) else None

    stride_en = f" and keep every {s}nd output (stride {s})" if s > 1 else ""
    stride_zh = f"，并每 {s} 个输出保留一个（步长 {s}）" if s > 1 else ""
    ask = (t.tr(f"What is entry {at} (0-based) of the result?", f"结果的第 {at} 项（从 0 开始）是多少？")
           if at is not None else
           t.tr("Give the whole result as a list (e.g. `1 2 3`).", "写出整个结果（例如 `1 2 3`）。"))
    prompt = t.tr(
        f"Convolve x = {vec(x)} with the kernel w = {vec(w)} in **{mode}** mode{stride_en}. "
        "This is convolution in the signal-processing sense, like `numpy.convolve`: the kernel "
        "is flipped and slid along x like two trains passing (full: every overlap; valid: only "
        "full overlaps; same: the central n outputs).",
        f"把 x = {vec(x)} 与卷积核 w = {vec(w)} 以 **{mode}** 模式做卷积{stride_zh}。这里是信号"
        "处理意义上的卷积（同 `numpy.convolve`）：卷积核先翻转，再像两列火车交错一样沿 x 滑动"
        "（full：只要重叠就输出；valid：只在完全重叠处输出；same：取中间 n 个输出）。",
    ) + "\n\n" + ask
    full = ops.conv1d_modes(x, w, "full")
    n, m = len(x), len(w)
    lines = []
    for k in range(n + m - 1):
        terms = [f"{signed(x[i])}*{signed(w[k - i])}" for i in range(n) if 0 <= k - i < m]
        lines.append(f"y[{k}] = {' + '.join(terms)} = {fmt(full[k])}")
    solution = [
        t.tr(f"Flip the kernel: {vec(w[::-1])}. Full convolution, y[k] = sum_i x[i]*w[k-i] "
             f"({n}+{m}-1 = {n + m - 1} entries):",
             f"先翻转卷积核：{vec(w[::-1])}。full 卷积 y[k] = sum_i x[i]*w[k-i]"
             f"（共 {n}+{m}-1 = {n + m - 1} 项）：") + "\n\n" + "\n".join(f"- `{ln}`" for ln in lines),
    ]
    keep = {"full": (t.tr("Full mode keeps all of them", "full 模式全部保留")),
            "valid": t.tr(f"Valid mode keeps entries {m - 1}..{n - 1} (full overlaps)",
                          f"valid 模式保留第 {m - 1} 到 {n - 1} 项（完全重叠）"),
            "same": t.tr(f"Same mode keeps the {n} central entries, from index {(m - 1) // 2}",
                         f"same 模式从第 {(m - 1) // 2} 项起保留中间的 {n} 项")}[mode]
    solution.append(keep + (t.tr(f", then one entry in every {s}", f"，再每 {s} 项取一项")
                            if s > 1 else "") + t.tr(": ", "：") + vec(y))
    if at is not None:
        solution.append(t.tr(f"Entry {at}: {fmt(y[at])}", f"第 {at} 项：{fmt(y[at])}"))
    mistakes: list[Wrong] = [Wrong("no-kernel-flip", pick(ops.conv1d_modes(x, w[::-1], mode, s)))]
    mistakes += [Wrong("mixed-padding-modes", pick(ops.conv1d_modes(x, w, o, s)))
                 for o in MODES if o != mode]
    if s > 1:
        mistakes.append(Wrong("ignored-stride", pick(ops.conv1d_modes(x, w, mode, 1))))
    if at is not None:
        mistakes.append(Wrong("one-index-off", pick(y[1:]) if at + 1 < len(y) else None))
    answer = Answer("int", int(y[at])) if at is not None else Answer("matrix", to_list(y))
    spec: dict[str, Any] = {"op": "conv1d_modes", "x": x, "w": w, "mode": mode, "stride": s}
    if at is not None:
        spec["at"] = [at]
    return Draft(prompt, answer, solution, spec, keep_mistakes(answer, mistakes))
