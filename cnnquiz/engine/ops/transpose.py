"""Transposed convolution (torch.nn.functional.conv_transpose2d), three independent ways.

- "zero_insertion": put s-1 zeros between inputs, pad d(k-1)-p on every side (+ output_padding
  bottom/right), flip the kernel and run a stride-1 convolution.
- "matrix": build C, the matrix of the forward convolution from the output size, and
  compute C^T x (why it is called "transposed").
- "scatter": every input value scales the kernel and adds it into the output at stride s,
  then p rows/columns are cropped from each side.
The tests check all three against torch and each other; the views are what we teach.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike

from cnnquiz.engine.arith import out_size
from cnnquiz.errors import OpError

from ._util import (
    FloatArray,
    Pair,
    as_float,
    batched,
    common_float,
    pair,
    unbatched,
)
from .conv import as_bias, as_filters, conv2d_nchw
from .padding import PaddingArg, check_fits, resolve_padding

Method = Literal["zero_insertion", "matrix", "scatter"]
IntOrPair = int | Sequence[int]


def conv_matrix(
    in_hw: IntOrPair, w: ArrayLike, stride: IntOrPair = 1, padding: PaddingArg = 0,
    dilation: IntOrPair = 1, groups: int = 1,
) -> FloatArray:
    """The matrix C with conv2d(x) == C @ x.ravel() (rows: output cells, columns: inputs).

    A KxK kernel gives (Hout*Wout) x (H*W), e.g. 4x16 for a 4x4 input and 3x3 kernel;
    O x C/g x K x K weights give (O*Hout*Wout) x (C*H*W), both in row-major order.
    """
    hw = pair(in_hw, "in_hw", 1)
    w4, _ = as_filters(w)
    o, depth, kh, kw = w4.shape
    if groups < 1 or o % groups:
        raise OpError(f"groups={groups} must divide the {o} output channels")
    s, d = pair(stride, "stride", 1), pair(dilation, "dilation", 1)
    pads = resolve_padding(padding, hw, (kh, kw), s, d)
    top, left = pads[0], pads[2]
    ho, wo = check_fits(hw, (kh, kw), pads, s, d)
    # Every (filter, input channel, output row, output column, tap row, tap column) at once,
    # placed in the padded input (where every tap lies), whose padding is then cut off.
    oc = np.arange(o).reshape(o, 1, 1, 1, 1, 1)
    ic = oc // (o // groups) * depth + np.arange(depth).reshape(1, depth, 1, 1, 1, 1)
    y, x = np.arange(ho).reshape(1, 1, ho, 1, 1, 1), np.arange(wo).reshape(1, 1, 1, wo, 1, 1)
    r = y * s[0] + np.arange(kh).reshape(1, 1, 1, 1, kh, 1) * d[0]
    c = x * s[1] + np.arange(kw).reshape(1, 1, 1, 1, 1, kw) * d[1]
    padded = (hw[0] + pads[0] + pads[1], hw[1] + pads[2] + pads[3])
    m = np.zeros((o, ho, wo, depth * groups, *padded), dtype=w4.dtype)
    m[oc, y, x, ic, r, c] = w4[:, :, None, None, :, :]
    m = m[:, :, :, :, top : top + hw[0], left : left + hw[1]]
    return m.reshape(o * ho * wo, depth * groups * hw[0] * hw[1])


def transpose_out_size(size: int, k: int, s: int, p: int, op: int, d: int) -> int:
    """(in - 1)s - 2p + d(k - 1) + op + 1."""
    return (size - 1) * s - 2 * p + d * (k - 1) + op + 1


def _pad_or_crop(x: FloatArray, top: int, bottom: int, left: int, right: int) -> FloatArray:
    """Zero-pad positive sides, crop negative ones (padding p > d(k-1) crops)."""
    x = np.pad(x, ((0, 0), (0, 0), (max(top, 0), max(bottom, 0)), (max(left, 0), max(right, 0))))
    h, w = x.shape[2:]
    return x[:, :, max(-top, 0) : h - max(-bottom, 0), max(-left, 0) : w - max(-right, 0)]


def zero_inserted(x: FloatArray, k: Pair, s: Pair, p: Pair, op: Pair, d: Pair) -> FloatArray:
    """The input of transposed convolution's stride-1 view (N x C x H x W in and out):
    s-1 zeros between neighbours, then d(k-1)-p zero rows/columns on each side and
    output_padding more at the bottom/right (a negative amount crops)."""
    n, c, h, wd = x.shape
    up = np.zeros((n, c, (h - 1) * s[0] + 1, (wd - 1) * s[1] + 1), dtype=x.dtype)
    up[:, :, :: s[0], :: s[1]] = x
    qh, qw = d[0] * (k[0] - 1) - p[0], d[1] * (k[1] - 1) - p[1]
    return _pad_or_crop(up, qh, qh + op[0], qw, qw + op[1])


def _zero_insertion(x: FloatArray, w: FloatArray, s: Pair, p: Pair, op: Pair, d: Pair,
                    g: int) -> FloatArray:
    up = zero_inserted(x, (w.shape[2], w.shape[3]), s, p, op, d)
    cin, cout_g, kh, kw = w.shape
    fwd = w.reshape(g, cin // g, cout_g, kh, kw).transpose(0, 2, 1, 3, 4)
    fwd = fwd.reshape(g * cout_g, cin // g, kh, kw)[:, :, ::-1, ::-1]
    return conv2d_nchw(up, fwd, None, (1, 1), (0, 0, 0, 0), d, g)


def _matrix(x: FloatArray, w: FloatArray, s: Pair, p: Pair, d: Pair, g: int,
            out_hw: Pair) -> FloatArray:
    n, c, h, wd = x.shape
    mat = conv_matrix(out_hw, w, s, p, d, g)
    # The forward conv of the output size can give more rows than the input has
    # (output_padding >= stride, allowed when it is < dilation): keep the first h x wd.
    fh = out_size(out_hw[0], w.shape[2], s[0], 2 * p[0], d[0])
    fw = out_size(out_hw[1], w.shape[3], s[1], 2 * p[1], d[1])
    sel = mat.reshape(c, fh, fw, -1)[:, :h, :wd].reshape(c * h * wd, -1)
    y = x.reshape(n, c * h * wd) @ sel
    return y.reshape(n, -1, out_hw[0], out_hw[1])


def _scatter(x: FloatArray, w: FloatArray, s: Pair, p: Pair, d: Pair, g: int,
             out_hw: Pair) -> FloatArray:
    n, cin, h, wd = x.shape
    _, cout_g, kh, kw = w.shape
    full_h = max((h - 1) * s[0] + d[0] * (kh - 1) + 1, p[0] + out_hw[0])
    full_w = max((wd - 1) * s[1] + d[1] * (kw - 1) + 1, p[1] + out_hw[1])
    canvas = np.zeros((n, g * cout_g, full_h, full_w), dtype=x.dtype)
    xg = x.reshape(n, g, cin // g, h, wd)
    for i in range(kh):
        for j in range(kw):
            tap = w[:, :, i, j].reshape(g, cin // g, cout_g)
            part = np.einsum("ngchw,gco->ngohw", xg, tap).reshape(n, g * cout_g, h, wd)
            r0, c0 = i * d[0], j * d[1]
            canvas[:, :, r0 : r0 + (h - 1) * s[0] + 1 : s[0],
                   c0 : c0 + (wd - 1) * s[1] + 1 : s[1]] += part
    return canvas[:, :, p[0] : p[0] + out_hw[0], p[1] : p[1] + out_hw[1]]


def conv_transpose2d(
    x: ArrayLike, w: ArrayLike, b: ArrayLike | None = None, stride: IntOrPair = 1,
    padding: IntOrPair = 0, output_padding: IntOrPair = 0, dilation: IntOrPair = 1,
    groups: int = 1, method: Method = "zero_insertion",
) -> FloatArray:
    """torch.nn.functional.conv_transpose2d; w is C_in x C_out/g x K x K as in torch.

    A KxK w is one single-channel kernel (HxW in, HoutxWout out), a C_in x K x K w one
    output channel. Output size (in-1)s - 2p + d(k-1) + op + 1; output_padding only adds
    rows/columns at the bottom/right and must be smaller than the stride or the dilation.
    """
    xa = as_float(x)
    wa = as_float(w, "w")
    w4, single = as_filters(wa if wa.ndim != 3 else wa[:, None])
    x4, dropped = batched(xa)
    if dropped == 2 and not single:
        dropped = 1
    s, p = pair(stride, "stride", 1), pair(padding, "padding", 0)
    op, d = pair(output_padding, "output_padding", 0), pair(dilation, "dilation", 1)
    cin = x4.shape[1]
    if groups < 1 or cin % groups or w4.shape[0] != cin:
        raise OpError(
            f"groups={groups} with weight of shape {list(w4.shape)} needs the input's "
            f"{cin} channels to equal weight.shape[0] and be divisible by groups"
        )
    for axis in (0, 1):
        if op[axis] >= s[axis] and op[axis] >= d[axis]:
            raise OpError(
                f"output_padding {op[axis]} must be smaller than either stride {s[axis]} "
                f"or dilation {d[axis]}"
            )
    out_hw = (
        transpose_out_size(x4.shape[2], w4.shape[2], s[0], p[0], op[0], d[0]),
        transpose_out_size(x4.shape[3], w4.shape[3], s[1], p[1], op[1], d[1]),
    )
    if min(out_hw) < 1:
        raise OpError(f"output size {out_hw[0]}x{out_hw[1]} is too small (must be >= 1)")
    dtype = common_float(x4, w4)
    x4, w4 = x4.astype(dtype, copy=False), w4.astype(dtype, copy=False)
    if method == "zero_insertion":
        y = _zero_insertion(x4, w4, s, p, op, d, groups)
    elif method == "matrix":
        y = _matrix(x4, w4, s, p, d, groups, out_hw)
    elif method == "scatter":
        y = _scatter(x4, w4, s, p, d, groups, out_hw)
    else:
        raise OpError(f"method must be zero_insertion, matrix or scatter, got {method!r}")
    bias = as_bias(b, y.shape[1])
    if bias is not None:
        y = y + bias.astype(dtype)[:, None, None]
    return unbatched(np.ascontiguousarray(y), dropped)
