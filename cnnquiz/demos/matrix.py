"""Matrices as people type them for a demo, and small random ones.

"1 2 3; 4 5 6" is a 2 x 3 matrix (rows separated by ';' or newlines, numbers by spaces or
commas); "1 2; 3 4 | 5 6; 7 8" is two channels. Everything is read as C x H x W. Demos
are for reading, so sizes are capped: a bigger matrix is an error, not a long wait.
"""

from __future__ import annotations

import math
import re

import numpy as np

from cnnquiz.demos.model import FloatArray
from cnnquiz.errors import DemoError

MAX_SIDE = 32
MAX_CHANNELS = 64
_ROWS = re.compile(r"[;\n]")
_NUMBERS = re.compile(r"[\s,]+")


def parse_matrix(text: str, name: str) -> FloatArray:
    """`text` as a C x H x W float array; DemoError naming `name` (e.g. "--x") if it is
    not a rectangular matrix of finite numbers."""
    channels = [c for c in text.split("|")]
    grids: list[list[list[float]]] = []
    for ci, chan in enumerate(channels, 1):
        where = f"{name} channel {ci}" if len(channels) > 1 else name
        rows = [r.strip().strip("[]()").strip() for r in _ROWS.split(chan)]
        rows = [r for r in rows if r]
        if not rows:
            raise DemoError(f"{where} is empty; write rows separated by ';', like \"1 2; 3 4\"")
        grid = [[_number(tok, where) for tok in _NUMBERS.split(r.strip(" ,")) if tok]
                for r in rows]
        for ri, row in enumerate(grid[1:], 2):
            if len(row) != len(grid[0]):
                raise DemoError(f"{where}: row {ri} has {_count(len(row))} but row 1 has "
                                f"{_count(len(grid[0]))}")
        grids.append(grid)
    shapes = {(len(g), len(g[0])) for g in grids}
    if len(shapes) > 1:
        raise DemoError(f"{name}: channels differ in size ("
                        + ", ".join(f"{h}x{w}" for h, w in sorted(shapes)) + ")")
    arr = np.array(grids, dtype=np.float64)
    check_size(arr, name)
    return arr


def _count(n: int) -> str:
    return f"{n} number" if n == 1 else f"{n} numbers"


def _number(token: str, where: str) -> float:
    try:
        value = float(token)
    except ValueError:
        raise DemoError(f"{where}: {token[:20]!r} is not a number") from None
    if not math.isfinite(value) or abs(value) > 1e9:
        raise DemoError(f"{where}: {token[:20]} is out of range (use numbers up to 1e9)")
    return value


def check_size(arr: FloatArray, name: str) -> None:
    c, h, w = arr.shape
    if h > MAX_SIDE or w > MAX_SIDE or c > MAX_CHANNELS:
        raise DemoError(f"{name} gives {c}x{h}x{w}; demos take at most {MAX_CHANNELS} "
                        f"channels of {MAX_SIDE}x{MAX_SIDE}")


def random_matrix(rng: np.random.Generator, shape: tuple[int, int, int], low: int,
                  high: int, name: str) -> FloatArray:
    """Whole numbers in [low, high] (easy to multiply by hand), never all zero."""
    arr = rng.integers(low, high + 1, size=shape).astype(np.float64)
    if not arr.any():
        arr.flat[0] = 1.0
    check_size(arr, name)
    return arr
