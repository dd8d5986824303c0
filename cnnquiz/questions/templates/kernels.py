"""Classic image kernels (identity, edge, Laplacian, sharpen, blurs, Sobel, emboss) applied by
hand to a 3x3 patch: the output value at the centre.

Spec (contract): `{"op": "conv2d", "x": 3x3 patch, "w": 3x3 weights (blur weights as the
floats 1/9 and k/16), "at": [0, 0]}`: torch's conv2d of the patch, no padding, no flip. The
patches of the blur questions are drawn so that the blurred value is a whole number.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from cnnquiz.engine import ops
from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.hand_common import fmt, grid, keep_mistakes, sum_text

# name -> (integer weights, divisor, en name, zh name)
KERNELS: dict[str, tuple[list[list[int]], int, str, str]] = {
    "identity": ([[0, 0, 0], [0, 1, 0], [0, 0, 0]], 1, "identity", "恒等"),
    "edge": ([[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]], 1,
             "edge detection (8-neighbour)", "边缘检测（8 邻域）"),
    "laplacian": ([[0, 1, 0], [1, -4, 1], [0, 1, 0]], 1, "Laplacian (4-neighbour)",
                  "拉普拉斯（4 邻域）"),
    "sharpen": ([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], 1, "sharpen", "锐化"),
    "box": ([[1, 1, 1], [1, 1, 1], [1, 1, 1]], 9, "box blur", "均值模糊（方框模糊）"),
    "gaussian": ([[1, 2, 1], [2, 4, 2], [1, 2, 1]], 16, "Gaussian blur", "高斯模糊"),
    "sobel_x": ([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], 1, "Sobel x (horizontal gradient)",
                "Sobel x（水平方向梯度）"),
    "sobel_y": ([[-1, -2, -1], [0, 0, 0], [1, 2, 1]], 1, "Sobel y (vertical gradient)",
                "Sobel y（竖直方向梯度）"),
    "prewitt_x": ([[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]], 1, "Prewitt x", "Prewitt x"),
    "emboss": ([[-2, -1, 0], [-1, 1, 1], [0, 1, 2]], 1, "emboss", "浮雕"),
}

# the kernel a learner most often confuses with this one (a different classic kernel), and
# what the slip is, in en and zh
_CONFUSED: dict[str, tuple[list[list[int]], str, str]] = {
    "edge": ([[0, -1, 0], [-1, 4, -1], [0, -1, 0]],
             "You used the 4-neighbour kernel (centre 4, the four direct neighbours -1); this one "
             "is the 8-neighbour kernel: centre 8, all eight neighbours -1.",
             "你用的是 4 邻域卷积核（中心 4，上下左右四个邻居 -1）；这里是 8 邻域卷积核：中心 8，"
             "周围八个邻居都是 -1。"),
    "laplacian": ([[1, 1, 1], [1, -8, 1], [1, 1, 1]],
                  "You used the 8-neighbour Laplacian (centre -8, all eight neighbours 1); this "
                  "one is the 4-neighbour Laplacian: centre -4, only the four direct neighbours 1.",
                  "你用的是 8 邻域拉普拉斯核（中心 -8，周围八个邻居都是 1）；这里是 4 邻域拉普拉斯"
                  "核：中心 -4，只有上下左右四个邻居是 1。"),
    "sharpen": ([[0, -1, 0], [-1, 4, -1], [0, -1, 0]],
                "You used the edge kernel alone (centre 4); sharpening adds the image back to its "
                "edges, so the centre is 4 + 1 = 5.",
                "你只用了边缘检测核（中心 4）；锐化是把边缘加回原图，所以中心是 4 + 1 = 5。"),
}


def _patch(t: Ctx, name: str) -> list[list[int]]:
    hi = 10 if t.level == 1 else 256
    x = [[t.rng.randrange(0, hi) for _ in range(3)] for _ in range(3)]
    w, div = KERNELS[name][:2]
    rest = int((np.asarray(x) * np.asarray(w)).sum()) % div
    if rest:  # nudge the top-left pixel (weight 1 in both blurs) to a whole blurred value
        x[0][0] = x[0][0] - rest if x[0][0] >= rest else x[0][0] + div - rest
    return x


@template("conv.classic_kernel", "hkn", "conv-by-hand",
          title=("Classic kernels by hand", "手算经典卷积核"))
def classic_kernel(t: Ctx) -> Draft:
    name = t.choice(t.by_level(("identity", "edge", "laplacian", "sharpen"),
                               ("box", "gaussian", "sharpen", "edge"),
                               ("sobel_x", "sobel_y", "prewitt_x", "emboss")))
    x = _patch(t, name)
    wi, div, en, zh = KERNELS[name]
    w = (np.asarray(wi) / div).tolist() if div > 1 else wi

    def centre(weights: Any) -> Any:
        return float(ops.conv2d(x, weights)[0, 0])

    value = centre(w)
    shown = grid(wi) if div == 1 else f"(1/{div}) x\n{grid(wi)}"
    prompt = t.tr(
        f"The **{en}** kernel is applied to the 3x3 image patch below, as PyTorch's `conv2d` "
        "does (no flip, no padding, no bias, no clipping to 0-255). What is the output value "
        "at the centre?",
        f"把 **{zh}** 卷积核作用在下面的 3x3 图像块上（按 PyTorch `conv2d` 计算：卷积核不翻转，"
        "无填充，无偏置，不截断到 0-255）。中心位置的输出值是多少？",
    ) + f"\n\nx =\n{grid(x)}\n\nw =\n{shown}"
    products = (np.asarray(x) * np.asarray(wi)).ravel()
    total = int(products.sum())
    solution = [t.tr("Multiply the patch by the kernel entry by entry and add up:",
                     "图像块与卷积核逐元素相乘再求和：")
                + f" {sum_text(products)} = {total}"]
    if div > 1:
        solution.append(t.tr(f"Divide by {div}: ", f"再除以 {div}：") + f"{total}/{div} = "
                        f"{fmt(value)}")
    solution.append(t.tr(f"Answer: {fmt(value)}", f"答案：{fmt(value)}"))
    flipped = np.flip(np.asarray(w, dtype=float))
    mistakes: list[Wrong] = [
        Wrong("flipped-kernel", centre(flipped)),
        Wrong("forgot-kernel-divisor", total if div > 1 else None),
        Wrong("row-col-swapped", centre(np.asarray(w, dtype=float).T) if name.endswith("_x")
         or name.endswith("_y") else None),
    ]
    if name in _CONFUSED:
        other, slip_en, slip_zh = _CONFUSED[name]
        mistakes.append(Wrong("wrong-classic-kernel", centre(other), t.tr(slip_en, slip_zh)))
    answer = Answer("int", round(value))
    spec = {"op": "conv2d", "x": x, "w": w, "at": [0, 0]}
    return Draft(prompt, answer, solution, spec, keep_mistakes(answer, mistakes))
