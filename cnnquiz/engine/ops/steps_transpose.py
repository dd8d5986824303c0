"""The scatter-and-add view of transposed convolution, one input cell at a time.

Each input value scales the whole kernel and adds it into a canvas at (row*s, col*s);
overlapping blocks sum (where checkerboard artefacts come from when k is not a multiple
of s). The canvas is the uncropped output; torch's result is the canvas with `padding`
rows/columns removed from each side (plus output_padding zero rows bottom/right), which
`ScatterStep.output` applies. Example from the notes: 2x2 input, 4x4 kernel, stride 3
-> (2-1)*3 + 4 = 7x7.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from cnnquiz.errors import OpError

from ._util import FloatArray, as_float, pair
from .steps import Window
from .transpose import transpose_out_size

IntOrPair = int | Sequence[int]


@dataclass(frozen=True, eq=False)
class ScatterStep:
    source: tuple[int, int]  # the input cell (row, col) being scattered
    value: float  # its value
    weights: FloatArray  # the K x K kernel
    products: FloatArray  # value * kernel: the block added this step
    window: Window  # half-open canvas rows/cols receiving the block (every d-th cell)
    canvas: FloatArray  # uncropped accumulated output after this step
    crop: tuple[int, int, int, int]  # canvas[r0:r1, c0:c1] is the op's output
    channel: int = 0  # the input channel of `source` (a CxHxW input scatters channel by channel)

    @property
    def output(self) -> FloatArray:
        r0, r1, c0, c1 = self.crop
        return self.canvas[r0:r1, c0:c1]


def conv_transpose2d_steps(
    x: ArrayLike, w: ArrayLike, stride: IntOrPair = 1, padding: IntOrPair = 0,
    output_padding: IntOrPair = 0, dilation: IntOrPair = 1,
) -> list[ScatterStep]:
    """Scatter trace of conv_transpose2d for one output channel, no bias: an HxW map with a
    KxK kernel, or a CxHxW input with a CxKxK weight (torch's C x 1 x K x K), whose channels
    scatter one after another into the same canvas."""
    xa, wa = as_float(x), as_float(w, "w")
    if xa.ndim == 2 and wa.ndim == 2:
        xa, wa = xa[None], wa[None]
    if xa.ndim != 3 or wa.ndim != 3 or xa.shape[0] != wa.shape[0]:
        raise OpError(f"the scatter trace takes HxW with KxK or CxHxW with CxKxK, got "
                         f"{xa.shape} and {wa.shape}")
    s, p = pair(stride, "stride", 1), pair(padding, "padding", 0)
    op, d = pair(output_padding, "output_padding", 0), pair(dilation, "dilation", 1)
    for a in (0, 1):
        if op[a] >= s[a] and op[a] >= d[a]:
            raise OpError(f"output_padding {op[a]} must be smaller than either stride "
                             f"{s[a]} or dilation {d[a]}")
    (c, h, wd), (kh, kw) = xa.shape, wa.shape[1:]
    out = [transpose_out_size(xa.shape[a + 1], wa.shape[a + 1], s[a], p[a], op[a], d[a])
           for a in (0, 1)]
    if min(out) < 1:
        raise OpError(f"output size {out[0]}x{out[1]} is too small (must be >= 1)")
    span = (d[0] * (kh - 1) + 1, d[1] * (kw - 1) + 1)
    canvas = np.zeros((max((h - 1) * s[0] + span[0], p[0] + out[0]),
                       max((wd - 1) * s[1] + span[1], p[1] + out[1])))
    crop = (p[0], p[0] + out[0], p[1], p[1] + out[1])
    steps = []
    for ch in range(c):
        for i in range(h):
            for j in range(wd):
                r0, c0 = i * s[0], j * s[1]
                block = xa[ch, i, j] * wa[ch]
                canvas[r0 : r0 + span[0] : d[0], c0 : c0 + span[1] : d[1]] += block
                win = ((r0, r0 + span[0]), (c0, c0 + span[1]))
                steps.append(ScatterStep((i, j), float(xa[ch, i, j]), wa[ch], block, win,
                                         canvas.copy(), crop, ch))
    return steps
