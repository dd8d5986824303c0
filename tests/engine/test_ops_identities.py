"""Operations checked against each other and against numpy (no PyTorch needed): a step
trace replays to its operation, the convolution matrix is the convolution, numpy's
convolve is the 1-D convolution."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cnnquiz.engine.ops import avg_pool2d, conv1d_modes, conv2d, conv_matrix, max_pool2d, pool2d_steps
from tests.engine.strategies import pool_configs

SETTINGS = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 7), st.integers(1, 7), st.integers(1, 4), st.integers(1, 3),
       st.integers(0, 2), st.integers(1, 2), st.integers(0, 2**32 - 1))
def test_conv_matrix_is_the_convolution(h: int, w: int, k: int, s: int, p: int, d: int,
                                        seed: int) -> None:
    rng = np.random.default_rng(seed)
    x, kern = rng.normal(size=(h, w)), rng.normal(size=(k, k))
    try:
        expected = conv2d(x, kern, stride=s, padding=p, dilation=d)
    except ValueError:
        with pytest.raises(ValueError):
            conv_matrix((h, w), kern, s, p, d)
        return
    c = conv_matrix((h, w), kern, s, p, d)
    assert c.shape == (expected.size, h * w)
    np.testing.assert_allclose(c @ x.ravel(), expected.ravel(), atol=1e-12)


@SETTINGS
@given(pool_configs(), st.booleans(), st.booleans())
def test_pool_steps_replay_to_the_op(cfg: dict, use_avg: bool, include_pad: bool) -> None:
    x = cfg.pop("x")
    x = x.reshape(-1, *x.shape[-2:])[0]
    if use_avg:
        cfg["dilation"] = (1, 1)
    op = avg_pool2d if use_avg else max_pool2d
    kwargs = dict(cfg)
    if use_avg:
        kwargs.pop("dilation")
        kwargs["count_include_pad"] = include_pad
    try:
        expected = op(x, **kwargs)
    except ValueError:
        return
    steps = pool2d_steps(x, op="avg" if use_avg else "max",
                         count_include_pad=include_pad, **cfg)
    np.testing.assert_allclose(steps[-1].canvas, expected, rtol=1e-12, atol=1e-15)
    assert [s.out for s in steps][-1] == (expected.shape[0] - 1, expected.shape[1] - 1)
    assert not np.isnan(steps[-1].canvas).any() and np.isnan(steps[0].canvas).sum() == \
        expected.size - 1
    if not use_avg:
        _, idx = max_pool2d(x, return_indices=True, **cfg)
        assert [s.index for s in steps] == idx.ravel().tolist()


@settings(max_examples=400, deadline=None)
@given(st.integers(1, 10), st.integers(1, 6), st.sampled_from(["full", "valid", "same"]),
       st.integers(1, 3), st.integers(0, 2**32 - 1))
def test_conv1d_modes_match_numpy_convolve(n: int, m: int, mode: str, stride: int,
                                           seed: int) -> None:
    rng = np.random.default_rng(seed)
    x, w = rng.normal(size=n), rng.normal(size=m)
    if mode == "valid" and m > n:
        with pytest.raises(ValueError, match="valid"):
            conv1d_modes(x, w, mode)
        return
    got = conv1d_modes(x, w, mode, stride)
    if m <= n:  # numpy's "same" is max(n, m) long; ours keeps the signal's length n
        np.testing.assert_allclose(got, np.convolve(x, w, mode)[::stride], atol=1e-12)
    assert len(conv1d_modes(x, w, mode)) == {"full": n + m - 1, "valid": n - m + 1, "same": n}[mode]
