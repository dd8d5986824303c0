"""From a question's spec to the demo that replays it (issue 10: one key from a question
to its demo).

By-hand questions carry their matrices (`{"op": "conv2d", "x", "w", "stride", ...}` as
the contract names them): the demo gets the same numbers. Output-size questions carry
a layer spec and an input (`{"input": [C, H, W], "layers": "...", "ask": "output"}`):
the demo gets the asked layer's size, kernel, stride, padding and dilation on one
channel of random values. Anything else, or a case beyond what a demo can show (a
224 x 224 input, a non-square one, grouped convolution), has no demo: None.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from cnnquiz.demos.build import DemoRequest, build
from cnnquiz.demos.model import Op
from cnnquiz.engine.layers import apply
from cnnquiz.engine.spec import Layer, parse
from cnnquiz.errors import CnnquizError

NETWORK_ASKS = ("output", "pad_left", "pad_right")
LAYER_OPS: dict[str, Op] = {"conv": "conv", "convT": "convT", "maxpool": "maxpool",
                            "avgpool": "avgpool"}


def demo_request(spec: Mapping[str, Any]) -> DemoRequest | None:
    """The demo of a question with this spec, checked to build; None when none fits."""
    try:
        req = _from_op(spec) if "op" in spec else _from_network(spec)
        if req is not None:
            build(req)
    except CnnquizError:  # beyond a demo's limits, or a layer PyTorch would reject
        return None
    return req


def _matrix(values: Any) -> str:
    """Nested lists (H x W or C x H x W) as a demo types them: "1 2; 3 4 | 5 6; 7 8"."""
    a = np.asarray(values, dtype=float)
    if a.ndim == 1:
        a = a[None]
    chans = a[None] if a.ndim == 2 else a
    return " | ".join("; ".join(" ".join(_num(v) for v in row) for row in ch) for ch in chans)


def _num(v: float) -> str:
    return str(int(v)) if v == int(v) else repr(float(v))


def _one(value: Any, default: int | None = None) -> int | None:
    """An int, or a pair of equal ints, as one int (a demo is square); None otherwise."""
    if value is None:
        return default
    if isinstance(value, Sequence) and not isinstance(value, str):
        return int(value[0]) if len(set(value)) == 1 else None
    return int(value)


def _from_op(spec: Mapping[str, Any]) -> DemoRequest | None:
    op = spec["op"]
    s, d = _one(spec.get("stride")), _one(spec.get("dilation"))
    pad = spec.get("padding", 0)
    padding = pad if isinstance(pad, str) else None if _one(pad) is None else str(_one(pad))
    if op in ("conv2d", "conv_transpose2d") and "x" in spec and "w" in spec:
        if spec.get("groups", 1) != 1 or padding is None:
            return None
        w = np.asarray(spec["w"], dtype=float)
        if w.ndim == 4:  # one filter: the output channel asked about, else the first
            at = spec.get("at") or [0]
            o = int(at[0]) if np.asarray(spec["x"]).ndim == 3 else 0
            w = w[o] if op == "conv2d" else w[:, o]
        if op == "conv2d":
            return DemoRequest("conv", _matrix(spec["x"]), _matrix(w), stride=s, padding=padding,
                               dilation=d)
        return DemoRequest("convT", _matrix(spec["x"]), _matrix(w), stride=s, padding=padding,
                           dilation=d, output_padding=_one(spec.get("output_padding")))
    if op in ("max_pool2d", "avg_pool2d") and "x" in spec:
        kind: Op = "maxpool" if op == "max_pool2d" else "avgpool"
        return DemoRequest(kind, _matrix(spec["x"]), kernel=_one(spec.get("kernel_size")),
                           stride=s, padding=padding, ceil=bool(spec.get("ceil_mode")),
                           dilation=d if kind == "maxpool" else None)
    if op == "pixel_shuffle" and "x_shape" in spec:
        shape = [int(n) for n in spec["x_shape"]]
        x = np.arange(int(np.prod(shape))).reshape(shape)
        return DemoRequest("pixelshuffle", _matrix(x), r=int(spec["r"]))
    if op == "dropout" and "p" in spec:
        return DemoRequest("dropout", p=float(spec["p"]))
    if op == "conv1d_modes":
        return _conv1d(spec)
    return None


def _conv1d(spec: Mapping[str, Any]) -> DemoRequest | None:
    """numpy.convolve's modes (a flipped kernel): full and valid as they are, same as the
    symmetric padding (m-1)/2 where m is odd (numpy centres an even kernel its own way)."""
    m = len(spec["w"]) if "w" in spec else int(spec["m"])
    mode = spec.get("mode", "full")
    padding = mode if mode in ("full", "valid") else str((m - 1) // 2) if m % 2 else None
    if padding is None:
        return None
    if "x" in spec and "w" in spec:
        return DemoRequest("conv1d", _matrix(spec["x"]), _matrix(spec["w"]),
                           stride=_one(spec.get("stride")), padding=padding, flip=True)
    return DemoRequest("conv1d", size=int(spec["n"]), kernel=m, stride=_one(spec.get("stride")),
                       padding=padding, flip=True)


def _from_network(spec: Mapping[str, Any]) -> DemoRequest | None:
    if spec.get("ask") not in NETWORK_ASKS or "layers" not in spec or "input" not in spec:
        return None
    layers = parse(str(spec["layers"]))
    k = int(spec.get("layer") or len(layers))
    shape = tuple(int(n) for n in spec["input"])
    for layer in layers[: k - 1]:  # the asked layer's input: what the layers before give
        shape = apply(layer, shape, None).output
    return _from_layer(layers[k - 1], shape)


def _from_layer(layer: Layer, shape: tuple[int, ...]) -> DemoRequest | None:
    op = LAYER_OPS.get(layer.kind)
    if op is None or len(shape) != 3 or shape[1] != shape[2]:
        return None
    a = layer.args
    pad = a.get("p", 0)
    padding = pad if isinstance(pad, str) else None if _one(pad) is None else str(_one(pad))
    kernel, stride = _one(a.get("k")), _one(a.get("s"))
    if padding is None or kernel is None:
        return None
    dilation = _one(a.get("d")) if op != "avgpool" else None
    if op in ("maxpool", "avgpool"):
        return DemoRequest(op, size=shape[1], kernel=kernel, stride=stride, padding=padding,
                           dilation=dilation, ceil=bool(a.get("ceil")))
    return DemoRequest(op, size=shape[1], kernel=kernel, stride=stride, padding=padding,
                       dilation=dilation,
                       output_padding=_one(a.get("op")) if op == "convT" else None)
