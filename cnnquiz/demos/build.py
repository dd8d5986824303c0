"""From a demo request (what a user typed or picked) to a `Demo`.

The one entry point faces call: `build(DemoRequest("conv", x="1 2; 3 4", w="1 0; 0 1"))`.
Matrices left out are drawn at random (`size`, `seed`), with the seed recorded in the
demo so it can be replayed; options the operation does not take are an error rather
than silently ignored.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, fields

import numpy as np

from cnnquiz.demos.conv1d import as_row, conv1d_demo
from cnnquiz.demos.elementwise import dropout_demo, pixelshuffle_demo
from cnnquiz.demos.matrix import parse_matrix, random_matrix
from cnnquiz.demos.model import OPS, Demo, FloatArray, Op
from cnnquiz.demos.sliding import conv_demo, pool_demo
from cnnquiz.demos.transposed import convT_demo
from cnnquiz.errors import DemoError

ALIASES: dict[str, Op] = {op.lower(): op for op in OPS} | {
    "pool": "maxpool", "1d": "conv1d", "transpose": "convT", "deconv": "convT",
    "shuffle": "pixelshuffle"}


@dataclass(frozen=True)
class DemoRequest:
    op: Op
    x: str | None = None  # "1 2; 3 4", channels separated by "|"
    w: str | None = None
    size: int | None = None  # side of a random input
    kernel: int | None = None  # pooling kernel; side of a random conv kernel
    stride: int | None = None
    padding: str | None = None  # a number, or valid / same / full (conv)
    dilation: int | None = None
    output_padding: int | None = None
    ceil: bool = False
    flip: bool = False  # conv1d: reverse the kernel first (numpy.convolve's convolution)
    r: int | None = None
    p: float | None = None
    seed: int | None = None


TAKES: dict[Op, frozenset[str]] = {
    "conv": frozenset({"x", "w", "size", "kernel", "stride", "padding", "dilation", "seed"}),
    "conv1d": frozenset({"x", "w", "size", "kernel", "stride", "padding", "dilation", "flip",
                         "seed"}),
    "convT": frozenset({"x", "w", "size", "kernel", "stride", "padding", "dilation",
                        "output_padding", "seed"}),
    "maxpool": frozenset({"x", "size", "kernel", "stride", "padding", "dilation", "ceil",
                          "seed"}),
    "avgpool": frozenset({"x", "size", "kernel", "stride", "padding", "ceil", "seed"}),
    "pixelshuffle": frozenset({"x", "size", "r", "seed"}),
    "dropout": frozenset({"x", "size", "p", "seed"}),
}
DEFAULT_SIZE: dict[Op, int] = {"conv": 5, "conv1d": 6, "convT": 3, "maxpool": 4, "avgpool": 4,
                               "pixelshuffle": 2, "dropout": 4}


def op_named(name: str) -> Op:
    op = ALIASES.get(name.strip().lower())
    if op is None:
        raise DemoError(f"unknown demo {name!r}; choose one of {', '.join(OPS)} or edges "
                        "(the edge-detection toy)")
    return op


def build(req: DemoRequest) -> Demo:
    op = req.op
    for f in fields(req):
        value = getattr(req, f.name)
        if f.name != "op" and value not in (None, False) and f.name not in TAKES[op]:
            raise DemoError(f"--{f.name.replace('_', '-')} does not apply to {op}")
    needs_seed = (req.x is None or (op in ("conv", "conv1d", "convT") and req.w is None)
                  or op == "dropout")
    seed = req.seed if req.seed is not None else (
        random.SystemRandom().randrange(10**6) if needs_seed else None)
    rng = np.random.default_rng(seed)
    size = _positive(req.size, "--size", DEFAULT_SIZE[op])
    channels = _positive(req.r, "--r", 2) ** 2 if op == "pixelshuffle" else 1
    height = 1 if op == "conv1d" else size
    x = (parse_matrix(req.x, "--x") if req.x is not None
         else random_matrix(rng, (channels, height, size), 0, 9, "--size"))
    stride = None if req.stride is None else _positive(req.stride, "--stride", 1)
    dilation = _positive(req.dilation, "--dilation", 1)
    if op == "conv1d":
        w = as_row(_kernel(req, rng, 1, one_row=True), "--w")
        return conv1d_demo(as_row(x, "--x"), w, stride or 1, _padding(req.padding, True),
                           dilation, req.flip, seed)
    if op in ("conv", "convT"):
        w = _kernel(req, rng, x.shape[0])
        if op == "conv":
            return conv_demo(x, w, stride or 1, _padding(req.padding, True), dilation, seed)
        return convT_demo(x, w, stride or 1, int(_padding(req.padding, False)),
                          _natural(req.output_padding, "--output-padding"), dilation, seed)
    if op in ("maxpool", "avgpool"):
        return pool_demo(op, x, _positive(req.kernel, "--kernel", 2), stride,
                         int(_padding(req.padding, False)), dilation, req.ceil, seed)
    if op == "pixelshuffle":
        return pixelshuffle_demo(x, _positive(req.r, "--r", 2), seed)
    return dropout_demo(x, 0.5 if req.p is None else req.p, seed if seed is not None else 0)


def _kernel(req: DemoRequest, rng: np.random.Generator, channels: int,
            one_row: bool = False) -> FloatArray:
    if req.w is not None:
        if req.kernel is not None:
            raise DemoError("give either --w or --kernel (the size of a random kernel)")
        return parse_matrix(req.w, "--w")
    k = _positive(req.kernel, "--kernel", 3)
    return random_matrix(rng, (channels, 1 if one_row else k, k), -1, 2, "--kernel")


def _positive(value: int | None, name: str, default: int) -> int:
    if value is None:
        return default
    if value < 1:
        raise DemoError(f"{name} must be at least 1, not {value}")
    return value


def _natural(value: int | None, name: str) -> int:
    if value is None:
        return 0
    if value < 0:
        raise DemoError(f"{name} must be 0 or more, not {value}")
    return value


def _padding(text: str | None, words: bool) -> int | str:
    """A padding option: a whole number, or (conv only) valid / same / full."""
    if text is None:
        return 0
    low = text.strip().lower()
    if words and low in ("valid", "same", "full"):
        return low
    if low.isdigit():
        return int(low)
    allowed = "a number or valid, same, full" if words else "a whole number"
    raise DemoError(f"--padding must be {allowed}, not {text[:20]!r}")
