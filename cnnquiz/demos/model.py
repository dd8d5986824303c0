"""The frame model every demo face steps through (the `demo` command, the app's screen).

A `Demo` is one small operation replayed cell by cell. Each `Frame` computes one output
cell: the window it reads in `Demo.grid` (the padded, or zero-inserted, input), the taps
read, their products with the kernel, the value, and the output so far (`canvas`, NaN
where not yet computed). Transposed convolution also carries its scatter view, one
`ScatterFrame` per input cell. Values come from the engine's traces (engine/ops/steps*),
never from arithmetic of their own; faces only lay them out.

Windows are half-open [r0, r1) x [c0, c1) in grid coordinates and span the dilated
kernel; the taps are every d-th cell of it (`Demo.taps`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

Op = Literal["conv", "conv1d", "convT", "maxpool", "avgpool", "pixelshuffle", "dropout"]
OPS: tuple[Op, ...] = ("conv", "conv1d", "convT", "maxpool", "avgpool", "pixelshuffle",
                       "dropout")
FloatArray = NDArray[np.floating[Any]]
Cell = tuple[int, ...]  # (i, j) in a single-channel output, (c, i, j) in a multi-channel one
Window = tuple[tuple[int, int], tuple[int, int]]

# What a grid cell is, in `Demo.roles`
INPUT, PAD, INSERTED = 0, 1, 2


@dataclass(frozen=True, eq=False)
class Frame:
    out: Cell  # the output cell this frame computes (index into `Demo.output`)
    window: Window  # half-open rows/cols of `Demo.grid` it reads
    value: float  # the output cell's value
    taps: FloatArray  # the values read: C x K x K (conv), K x K (pool), 1 x 1 (elementwise)
    canvas: FloatArray  # the output after this frame, NaN where not yet computed
    products: FloatArray | None = None  # taps * kernel, summing to `value` (conv, convT)
    channel: int = 0  # the grid channel read (pooling per channel, pixel shuffle's source)
    divisor: int | None = None  # average pooling: what the window sum is divided by
    kept: bool | None = None  # dropout: whether the unit survived the mask

    def to_json(self) -> dict[str, Any]:
        """The window as one [start, end) pair an axis: rows and columns, or (conv1d,
        whose `out` is (j,)) the columns of the padded row only."""
        (r0, r1), (c0, c1) = self.window
        window = [[c0, c1]] if len(self.out) == 1 else [[r0, r1], [c0, c1]]
        return {"out": list(self.out), "window": window, "value": self.value}


@dataclass(frozen=True, eq=False)
class ScatterFrame:
    """Transposed convolution, scatter view: one input cell times the kernel, added in."""

    source: Cell  # the input cell (i, j) scattered
    channel: int  # its channel
    value: float  # its value
    products: FloatArray  # value * kernel: the K x K block added this frame
    window: Window  # half-open canvas rows/cols receiving the block (every d-th cell)
    canvas: FloatArray  # the uncropped output so far; `Demo.crop` of it is the output

    def to_json(self) -> dict[str, Any]:
        (r0, r1), (c0, c1) = self.window
        return {"source": [self.channel, *self.source], "value": self.value,
                "window": [[r0, r1], [c0, c1]]}


@dataclass(frozen=True, eq=False)
class Demo:
    op: Op
    x: FloatArray  # the input as given, C x H x W
    grid: FloatArray  # C x Hg x Wg: what frame windows index (padded / zero-inserted input)
    roles: NDArray[np.uint8]  # Hg x Wg: INPUT, PAD or INSERTED (zero between inputs)
    frames: tuple[Frame, ...]
    output: FloatArray  # as PyTorch returns it: 2-D for one output channel, else 3-D;
    # conv1d: 1-D (x is 1 x 1 x N, grid 1 x 1 x Ng, kernel and w 1 x 1 x K)
    kernel: FloatArray | None = None  # C x K x K as applied to `grid` (flipped for convT)
    w: FloatArray | None = None  # the kernel as given, C x K x K
    dilation: tuple[int, int] = (1, 1)
    settings: Mapping[str, Any] = field(default_factory=dict)  # stride, padding... used
    scatter: tuple[ScatterFrame, ...] = ()  # convT only
    crop: tuple[int, int, int, int] | None = None  # convT: canvas[r0:r1, c0:c1] = output
    mask: NDArray[np.bool_] | None = None  # dropout: True = kept
    scale: float | None = None  # dropout: 1/(1-p) (None when p = 1 drops everything)
    seed: int | None = None  # the seed of random matrices or of the dropout mask

    def taps(self, frame: Frame) -> list[tuple[int, int]]:
        """The grid cells (row, col) `frame` reads: every d-th cell of its window."""
        (r0, r1), (c0, c1) = frame.window
        dh, dw = self.dilation
        return [(r, c) for r in range(r0, r1, dh) for c in range(c0, c1, dw)]

    def frame_at(self, out: Cell) -> Frame | None:
        """The frame computing output cell `out` (clicking an output cell)."""
        return next((f for f in self.frames if f.out == tuple(out)), None)

    def feeds(self, channel: int, row: int, col: int) -> list[Cell]:
        """The output cells that read grid cell (channel, row, col) (clicking an input)."""
        multi = self.kernel is not None and self.kernel.shape[0] > 1
        return [f.out for f in self.frames
                if (multi or f.channel == channel) and (row, col) in self.taps(f)]

    def to_json(self) -> dict[str, Any]:
        """The contract's {"op", "frames", "output"}, plus the inputs used and the op's
        extras (convT's scatter frames, dropout's mask and scale, a random seed)."""
        data: dict[str, Any] = {"op": self.op, "frames": [f.to_json() for f in self.frames],
                                "output": self.output.tolist(), "x": self._as_given(self.x)}
        if self.w is not None:
            data["w"] = self._as_given(self.w)
        if self.op == "conv1d":
            data["flip"] = bool(self.settings.get("flip"))
        if self.scatter:
            data["scatter"] = [f.to_json() for f in self.scatter]
        if self.mask is not None:
            data.update(mask=_squeeze(self.mask.astype(int)), scale=self.scale,
                        mean_in=float(self.x.mean()), mean_out=float(self.output.mean()))
        if self.seed is not None:
            data["seed"] = self.seed
        return data

    def _as_given(self, a: NDArray[Any]) -> list[Any]:
        """An input as the user gave it: a row for conv1d, else 2-D for one channel."""
        out: list[Any] = a[0, 0].tolist() if self.op == "conv1d" else _squeeze(a)
        return out


def _squeeze(a: NDArray[Any]) -> list[Any]:
    """A C x H x W array as nested lists, 2-D when it has one channel."""
    out: list[Any] = (a[0] if a.shape[0] == 1 else a).tolist()
    return out
