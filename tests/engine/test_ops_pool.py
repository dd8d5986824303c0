"""Pooling, unpooling and adaptive pooling against torch, ceil mode and divisors included."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cnnquiz.engine.ops import (
    adaptive_avg_pool2d,
    avg_pool2d,
    max_pool2d,
    max_unpool2d,
    pool_out_size,
)
from tests.engine.strategies import pool_configs

torch = pytest.importorskip("torch")
from tests.engine.torch_build import as_tensor as t  # noqa: E402

F = torch.nn.functional

pytestmark = pytest.mark.oracle
SETTINGS = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def torch_input(x: np.ndarray) -> object:
    return t(x)[None] if x.ndim == 2 else t(x)


def as_ours(y: object, x: np.ndarray) -> np.ndarray:
    out = y.numpy()
    return out[0] if x.ndim == 2 else out


@SETTINGS
@given(pool_configs())
def test_max_pool2d_values_and_indices_match_torch(cfg: dict) -> None:
    x = cfg.pop("x")
    try:
        tv, ti = F.max_pool2d(torch_input(x), return_indices=True, **cfg)
    except RuntimeError:
        with pytest.raises(ValueError):
            max_pool2d(x, **cfg)
        return
    vals, idx = max_pool2d(x, return_indices=True, **cfg)
    np.testing.assert_array_equal(vals, as_ours(tv, x))
    np.testing.assert_array_equal(idx, as_ours(ti, x))


@SETTINGS
@given(pool_configs(dilation=False), st.booleans())
def test_avg_pool2d_matches_torch_divisors(cfg: dict, count_include_pad: bool) -> None:
    x = cfg.pop("x")
    try:
        expected = F.avg_pool2d(torch_input(x), count_include_pad=count_include_pad, **cfg)
    except RuntimeError:
        with pytest.raises(ValueError):
            avg_pool2d(x, count_include_pad=count_include_pad, **cfg)
        return
    got = avg_pool2d(x, count_include_pad=count_include_pad, **cfg)
    np.testing.assert_allclose(got, as_ours(expected, x), rtol=1e-12, atol=1e-12)


@settings(max_examples=400, deadline=None)
@given(pool_configs(dilation=False), st.integers(-1, 1), st.integers(-1, 1))
def test_max_unpool2d_puts_maxima_back_like_torch(cfg: dict, dh: int, dw: int) -> None:
    x = cfg.pop("x")
    cfg["ceil_mode"] = False
    try:
        tv, ti = F.max_pool2d(torch_input(x), return_indices=True, **cfg)
    except RuntimeError:
        return
    vals, idx = max_pool2d(x, return_indices=True, **cfg)
    size = (x.shape[-2] + dh, x.shape[-1] + dw)
    unpool = {k: cfg[k] for k in ("kernel_size", "stride", "padding")}
    try:
        expected = F.max_unpool2d(tv, ti, output_size=size, **unpool)
    except (RuntimeError, ValueError):
        with pytest.raises(ValueError):
            max_unpool2d(vals, idx, output_size=size, **unpool)
        return
    if expected.numel() == 0:  # torch silently returns nothing; we refuse an empty output
        with pytest.raises(ValueError, match="empty"):
            max_unpool2d(vals, idx, output_size=size, **unpool)
        return
    got = max_unpool2d(vals, idx, output_size=size, **unpool)
    np.testing.assert_array_equal(got, as_ours(expected, x))


@settings(max_examples=400, deadline=None)
@given(st.integers(1, 9), st.integers(1, 9), st.integers(1, 5), st.one_of(st.none(),
       st.integers(1, 5)), st.integers(0, 2**32 - 1))
def test_adaptive_avg_pool2d_matches_torch(h: int, w: int, oh: int, ow: int | None,
                                           seed: int) -> None:
    x = np.random.default_rng(seed).normal(size=(2, h, w))
    expected = F.adaptive_avg_pool2d(t(x), (oh, ow)).numpy()
    np.testing.assert_allclose(adaptive_avg_pool2d(x, (oh, ow)), expected, atol=1e-12)


def test_ceil_mode_drops_a_window_starting_in_the_padding() -> None:
    # in 5, k 2, s 2, p 1: ceil((5+2-2)/2)+1 = 4, but the 4th window starts at 6 = in + p
    assert pool_out_size(5, 2, 2, 1, 1, ceil_mode=True) == 3
    assert F.max_pool2d(torch.zeros(1, 5, 5), 2, 2, 1, ceil_mode=True).shape[-1] == 3
    assert pool_out_size(6, 3, 2, 0, 1, ceil_mode=True) == 3  # partial window kept
    assert pool_out_size(6, 3, 2, 0, 1, ceil_mode=False) == 2


@pytest.mark.parametrize("op", ["max", "avg"])
def test_padding_above_half_the_kernel_is_rejected_like_torch(op: str) -> None:
    x = np.ones((1, 6, 6))
    torch_pool = F.max_pool2d if op == "max" else F.avg_pool2d
    ours = max_pool2d if op == "max" else avg_pool2d
    with pytest.raises(RuntimeError):
        torch_pool(t(x), 3, 1, 2)
    with pytest.raises(ValueError, match="half the kernel"):
        ours(x, 3, 1, 2)
