"""What one layer does to a shape: output size, parameters, MACs and receptive field.

`apply(layer, shape, rf)` checks the layer the way PyTorch would (same rejections)
and returns a `LayerResult` with every quantity as an explainable `Calc`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import NamedTuple

from cnnquiz.engine import arith
from cnnquiz.engine.arith import RF
from cnnquiz.engine.explain import Calc, const
from cnnquiz.engine.spec import MORE_ACTIVATIONS, Layer
from cnnquiz.errors import SpecError

Shape = tuple[int, ...]
ZERO = const(0)
EMPTY: Mapping[str, Calc] = MappingProxyType({})


class LayerResult(NamedTuple):
    output: Shape
    params: Calc = ZERO
    macs: Calc = ZERO
    rf: RF | None = None
    pad: tuple[int, int] | None = None  # (left, right) along H, for conv and pool layers
    explain: Mapping[str, Calc] = EMPTY


def _spatial(layer: Layer, shape: Shape) -> tuple[int, int, int]:
    if len(shape) != 3:
        raise SpecError(
            f"{layer.where()}: needs a CxHxW input but gets a flat vector of {shape[0]} "
            "(it comes after flatten or linear)"
        )
    return shape[0], shape[1], shape[2]


def _check_out(layer: Layer, hout: int, wout: int, detail: str) -> None:
    if hout < 1 or wout < 1:
        raise SpecError(f"{layer.where()}: output size {hout}x{wout} is below 1 ({detail})")


def _groups(layer: Layer, cin: int, cout: int, g: int) -> None:
    if cin % g:
        raise SpecError(f"{layer.where()}: in_channels ({cin}) must be divisible by groups ({g})")
    if cout % g:
        raise SpecError(f"{layer.where()}: out_channels ({cout}) must be divisible by groups ({g})")


def _conv(layer: Layer, shape: Shape, rf: RF | None) -> LayerResult:
    a = layer.args
    c, h, w = _spatial(layer, shape)
    out, (kh, kw), (sh, sw), (dh, dw), g = a["out"], a["k"], a["s"], a["d"], a["g"]
    _groups(layer, c, out, g)
    explain: dict[str, Calc] = {}
    tf_mode = isinstance(a["p"], str)
    if tf_mode:
        tfh = arith.tf_padding(h, kh, sh, a["p"], dh)
        tfw = arith.tf_padding(w, kw, sw, a["p"], dw)
        ph, pw = (tfh.left.value, tfh.right.value), (tfw.left.value, tfw.right.value)
        explain.update(pad_total=tfh.total, pad_left=tfh.left, pad_right=tfh.right)
    else:
        ph, pw = (a["p"][0], a["p"][0]), (a["p"][1], a["p"][1])
    eh, ew = dh * (kh - 1) + 1, dw * (kw - 1) + 1
    if h + sum(ph) < eh or w + sum(pw) < ew:
        raise SpecError(
            f"{layer.where()}: padded input {h + sum(ph)}x{w + sum(pw)} is smaller than the "
            f"kernel span {eh}x{ew}; PyTorch rejects a kernel larger than its input"
        )
    hc = arith.conv_out(h, kh, sh, ph, dh)
    wc = arith.conv_out(w, kw, sw, pw, dw)
    if tf_mode:
        hc = Calc(hc.value, tfh.out.formula, tfh.out.numbers)
        wc = Calc(wc.value, tfw.out.formula, tfw.out.numbers)
    params = arith.conv_params(c, out, kh, kw, g, a["bias"])
    macs = arith.conv_macs(out, hc.value, wc.value, c, kh, kw, g)
    new_rf = arith.rf_step(rf, kh, sh, ph[0], dh) if rf else None
    explain.update(H=hc, W=wc, params=params, macs=macs)
    return LayerResult((out, hc.value, wc.value), params, macs, new_rf, ph, explain)


def _convT(layer: Layer, shape: Shape, rf: RF | None) -> LayerResult:
    a = layer.args
    c, h, w = _spatial(layer, shape)
    out, (kh, kw), (sh, sw), (ph, pw) = a["out"], a["k"], a["s"], a["p"]
    (oph, opw), (dh, dw), g = a["op"], a["d"], a["g"]
    _groups(layer, c, out, g)
    for op, s, d in ((oph, sh, dh), (opw, sw, dw)):
        if op >= s and op >= d:
            raise SpecError(
                f"{layer.where()}: output padding must be smaller than either stride or "
                f"dilation, but got output_padding={op}, stride={s}, dilation={d}"
            )
    hc = arith.convT_out(h, kh, sh, ph, oph, dh)
    wc = arith.convT_out(w, kw, sw, pw, opw, dw)
    _check_out(layer, hc.value, wc.value, "too much padding for this input")
    params = arith.conv_params(c, out, kh, kw, g, a["bias"])
    macs = arith.convT_macs(c, h, w, out, kh, kw, g)
    return LayerResult((out, hc.value, wc.value), params, macs, None, None,
                {"H": hc, "W": wc, "params": params, "macs": macs})


def _pool(layer: Layer, shape: Shape, rf: RF | None) -> LayerResult:
    a = layer.args
    c, h, w = _spatial(layer, shape)
    (kh, kw), (sh, sw), (ph, pw) = a["k"], a["s"], a["p"]
    dh, dw = a.get("d", (1, 1))
    if ph > kh // 2 or pw > kw // 2:
        raise SpecError(
            f"{layer.where()}: pad should be at most half of the kernel size, "
            f"but got pad={ph}x{pw} for kernel {kh}x{kw}"
        )
    hc = arith.pool_out(h, kh, sh, ph, dh, a["ceil"])
    wc = arith.pool_out(w, kw, sw, pw, dw, a["ceil"])
    _check_out(layer, hc.value, wc.value, f"input {h}x{w}, kernel {kh}x{kw}, stride {sh}x{sw}")
    new_rf = arith.rf_step(rf, kh, sh, ph, dh) if rf else None
    return LayerResult((c, hc.value, wc.value), ZERO, ZERO, new_rf, (ph, ph), {"H": hc, "W": wc})


def _adaptive(layer: Layer, shape: Shape, rf: RF | None) -> LayerResult:
    c, _, _ = _spatial(layer, shape)
    nh, nw = layer.args["n"]
    return LayerResult((c, nh, nw))


def _linear(layer: Layer, shape: Shape, rf: RF | None) -> LayerResult:
    fin, out = math.prod(shape), layer.args["out"]
    params = arith.linear_params(fin, out, layer.args["bias"])
    macs = arith.linear_macs(fin, out)
    return LayerResult((out,), params, macs, None, None, {"params": params, "macs": macs})


def _bn(layer: Layer, shape: Shape, rf: RF | None) -> LayerResult:
    params = arith.bn_params(shape[0])
    return LayerResult(shape, params, ZERO, rf, None, {"params": params})


def _same(layer: Layer, shape: Shape, rf: RF | None) -> LayerResult:
    return LayerResult(shape, ZERO, ZERO, rf)


def _flatten(layer: Layer, shape: Shape, rf: RF | None) -> LayerResult:
    n = math.prod(shape)
    calc = Calc(n, "C*H*W", "*".join(map(str, shape))) if len(shape) == 3 else const(n)
    return LayerResult((n,), explain={"size": calc})


def _pixelshuffle(layer: Layer, shape: Shape, rf: RF | None) -> LayerResult:
    c, h, w = _spatial(layer, shape)
    r = layer.args["r"]
    if c % (r * r):
        raise SpecError(
            f"{layer.where()}: pixel shuffle needs channels divisible by r^2 = {r * r}, got {c}"
        )
    return LayerResult((c // (r * r), h * r, w * r))


def _upsample(layer: Layer, shape: Shape, rf: RF | None) -> LayerResult:
    c, h, w = _spatial(layer, shape)
    s = layer.args["scale"]
    hout, wout = math.floor(h * s), math.floor(w * s)
    _check_out(layer, hout, wout, f"scale {s} of {h}x{w}")
    return LayerResult((c, hout, wout))


APPLY: dict[str, Callable[[Layer, Shape, RF | None], LayerResult]] = {
    "conv": _conv, "convT": _convT, "maxpool": _pool, "avgpool": _pool,
    "adaptiveavgpool": _adaptive, "linear": _linear, "bn": _bn, "relu": _same,
    "sigmoid": _same, "tanh": _same, "dropout": _same, "flatten": _flatten,
    "pixelshuffle": _pixelshuffle, "upsample": _upsample, "adaptivemaxpool": _adaptive,
    **{k: _same for k in MORE_ACTIVATIONS},
}


def apply(layer: Layer, shape: Shape, rf: RF | None) -> LayerResult:
    """Apply one layer to an input shape, with PyTorch's rejections as SpecError."""
    return APPLY[layer.kind](layer, shape, rf)
