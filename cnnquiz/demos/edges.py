"""The edge-detection toy: classic 3x3 filters over a small built-in picture.

A learner sees what a filter finds: Sobel x lights vertical edges (brightness changing
left to right), Sobel y horizontal ones, the Laplacian every outline, blur softens and
sharpen crisps. The filtering is the engine's `conv2d` (cross-correlation, as PyTorch),
padding 1 so the result has the picture's size; faces only draw the numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from cnnquiz.demos.model import FloatArray
from cnnquiz.engine.ops import conv2d
from cnnquiz.errors import DemoError

Filter = Literal["sobel-x", "sobel-y", "laplacian", "blur", "sharpen"]
FILTERS: tuple[Filter, ...] = ("sobel-x", "sobel-y", "laplacian", "blur", "sharpen")

# 24 x 16, brightness 0-9: a bright square, a grey triangle, a dim bar
PICTURE_ROWS = (
    "000000000000000000000000",
    "000000000000000000000000",
    "009999999900000000000000",
    "009999999900000006000000",
    "009999999900000066600000",
    "009999999900000666660000",
    "009999999900006666666000",
    "009999999900066666666600",
    "009999999900666666666660",
    "009999999900000000000000",
    "000000000000000000000000",
    "000000000000000000000000",
    "004444444444444444444400",
    "004444444444444444444400",
    "000000000000000000000000",
    "000000000000000000000000",
)
PICTURE: FloatArray = np.array([[int(c) / 9 for c in row] for row in PICTURE_ROWS])

KERNELS: dict[Filter, tuple[FloatArray, int]] = {  # integer kernel and its divisor
    "sobel-x": (np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=float), 1),
    "sobel-y": (np.array([[-1, -2, -1], [0, 0, 0], [1, 2, 1]], dtype=float), 1),
    "laplacian": (np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], dtype=float), 1),
    "blur": (np.array([[1, 2, 1], [2, 4, 2], [1, 2, 1]], dtype=float), 16),
    "sharpen": (np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], dtype=float), 1),
}
# edge filters answer with signed responses: shown as their size, |y| / max |y|
SIGNED: frozenset[Filter] = frozenset({"sobel-x", "sobel-y", "laplacian"})


@dataclass(frozen=True, eq=False)
class Edges:
    name: Filter
    kernel: FloatArray  # the integer kernel as written (divide by `divisor` to apply)
    divisor: int
    picture: FloatArray  # H x W in [0, 1]
    response: FloatArray  # conv2d(picture, kernel / divisor, padding 1)
    shown: FloatArray  # the response as brightness in [0, 1]: |y|/max|y| or clipped


def grey(v: float) -> int:
    """A brightness in [0, 1] (clipped) as the 0-255 grey both faces draw it with."""
    return round(255 * min(1.0, max(0.0, v)))


def filter_named(name: str) -> Filter:
    low = name.strip().lower().replace("_", "-")
    for f in FILTERS:
        if low in (f, f.replace("-", "")):
            return f
    raise DemoError(f"unknown filter {name!r}; choose one of {', '.join(FILTERS)}")


def edges(name: Filter, picture: FloatArray = PICTURE) -> Edges:
    kernel, divisor = KERNELS[name]
    response = conv2d(picture, kernel / divisor, padding=1)
    if name in SIGNED:
        peak = float(np.abs(response).max())
        shown = np.abs(response) / peak if peak > 0 else np.zeros_like(response)
    else:
        shown = np.clip(response, 0.0, 1.0)
    return Edges(name, kernel, divisor, picture, response, shown)
