"""Padding as four numbers (top, bottom, left, right), from torch ints or TensorFlow names.

TensorFlow's "same" can need an odd total; it puts the extra pixel on the bottom/right
(torch's padding="same" does the same for stride 1). Keeping all four sides explicit lets
conv2d, conv_matrix and the step traces share one notion of the padded input.
"""

from __future__ import annotations

from collections.abc import Sequence

from cnnquiz.engine.arith import out_size
from cnnquiz.errors import OpError

from ._util import Pair, pair

Pads = tuple[int, int, int, int]  # top, bottom, left, right
PaddingArg = int | Sequence[int] | str

MODES = ("valid", "same", "full")


def _tf_side(mode: str, size: int, k: int, stride: int, dilation: int) -> tuple[int, int]:
    span = dilation * (k - 1) + 1
    if mode == "valid":
        return 0, 0
    if mode == "full":
        return span - 1, span - 1
    out = -(-size // stride)  # ceil(size / stride)
    total = max((out - 1) * stride + span - size, 0)
    return total // 2, total - total // 2


def resolve_padding(
    padding: PaddingArg, in_hw: Pair, k_hw: Pair, stride: Pair, dilation: Pair
) -> Pads:
    """(top, bottom, left, right) for an int, a (h, w) pair, or "valid" / "same" / "full".

    "valid": no padding, out = ceil((in - span + 1) / s) where span = d(k-1)+1.
    "same": out = ceil(in / s); total = max((out-1)s + span - in, 0), odd extra bottom/right.
    "full": span - 1 = d(k-1) on every side (every partial overlap is an output).
    """
    if isinstance(padding, str):
        mode = padding.lower()
        if mode not in MODES:
            raise OpError(f"padding must be an int, a pair or one of {MODES}, got {padding!r}")
        top, bottom = _tf_side(mode, in_hw[0], k_hw[0], stride[0], dilation[0])
        left, right = _tf_side(mode, in_hw[1], k_hw[1], stride[1], dilation[1])
        return top, bottom, left, right
    ph, pw = pair(padding, "padding", 0)
    return ph, ph, pw, pw


def check_fits(in_hw: Pair, k_hw: Pair, pads: Pads, stride: Pair, dilation: Pair) -> Pair:
    """Output (H, W) of a sliding window, or ValueError when the kernel overhangs the input."""
    padded = (in_hw[0] + pads[0] + pads[1], in_hw[1] + pads[2] + pads[3])
    span = (dilation[0] * (k_hw[0] - 1) + 1, dilation[1] * (k_hw[1] - 1) + 1)
    if padded[0] < span[0] or padded[1] < span[1]:
        raise OpError(
            f"kernel size can't be greater than the padded input: padded input "
            f"{padded[0]}x{padded[1]}, dilated kernel {span[0]}x{span[1]}"
        )
    return (
        out_size(in_hw[0], k_hw[0], stride[0], pads[0] + pads[1], dilation[0]),
        out_size(in_hw[1], k_hw[1], stride[1], pads[2] + pads[3], dilation[1]),
    )
