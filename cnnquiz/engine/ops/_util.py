"""Argument plumbing shared by the ops: arrays in, validated integer pairs, clear errors.

Every op accepts nested lists as well as arrays, so question specs (JSON nested lists)
can be fed in directly. Integer input becomes float64 (exact for the small integers of
worked examples); float32 stays float32 so the benchmark measures what it claims.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

import numpy as np
from numpy.typing import ArrayLike, NDArray

from cnnquiz.errors import OpError

FloatArray = NDArray[np.floating[Any]]
Pair = tuple[int, int]
Scalar = TypeVar("Scalar", bound=np.generic)


def as_float(x: ArrayLike, name: str = "x") -> FloatArray:
    """`x` as a floating array: float32/float64 kept, anything else (ints, lists) as float64."""
    arr = np.asarray(x)
    if arr.dtype == object:
        raise OpError(f"{name} must be a rectangular array of numbers")
    if arr.dtype not in (np.float32, np.float64):
        arr = arr.astype(np.float64)
    return arr


def common_float(*arrays: FloatArray) -> np.dtype[Any]:
    """float32 only when every operand is float32, otherwise float64."""
    return np.result_type(*arrays, np.float32)


def pair(value: int | Sequence[int], name: str, minimum: int) -> Pair:
    """An int or a (h, w) pair, checked against `minimum` like torch checks its arguments."""
    if isinstance(value, (int, np.integer)):
        result = (int(value), int(value))
    else:
        items = tuple(value)
        if len(items) == 1:
            items = (items[0], items[0])
        if len(items) != 2 or not all(isinstance(v, (int, np.integer)) for v in items):
            raise OpError(f"{name} must be an int or a pair of ints, got {value!r}")
        result = (int(items[0]), int(items[1]))
    if min(result) < minimum:
        raise OpError(f"{name} must be >= {minimum}, got {value!r}")
    return result


def batched(x: FloatArray, spatial_ndim: int = 2) -> tuple[FloatArray, int]:
    """x as N x C x H x W, and how many leading dims to drop again (2 for HxW, 1 for CxHxW)."""
    extra = x.ndim - spatial_ndim
    if extra == 0:
        return x[None, None], 2
    if extra == 1:
        return x[None], 1
    if extra == 2:
        return x, 0
    raise OpError(f"expected an HxW, CxHxW or NxCxHxW array, got shape {x.shape}")


def unbatched(y: NDArray[Scalar], dropped: int) -> NDArray[Scalar]:
    """Undo `batched`: remove the leading dims that were added."""
    return y.reshape(y.shape[dropped:]) if dropped else y
