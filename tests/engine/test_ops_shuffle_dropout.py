"""Pixel shuffle and dropout against torch."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnquiz.engine.ops import (
    inverted_dropout,
    pixel_shuffle,
    pixel_unshuffle,
    train_scale,
)

torch = pytest.importorskip("torch")
from tests.engine.torch_build import as_tensor as t  # noqa: E402

F = torch.nn.functional

pytestmark = pytest.mark.oracle


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([(), (2,)]), st.integers(1, 3), st.integers(1, 3), st.integers(1, 4),
       st.integers(1, 4), st.integers(0, 2**32 - 1))
def test_pixel_shuffle_and_unshuffle_match_torch(lead: tuple, c: int, r: int, h: int, w: int,
                                                 seed: int) -> None:
    x = np.random.default_rng(seed).normal(size=(*lead, c * r * r, h, w))
    up = pixel_shuffle(x, r)
    np.testing.assert_array_equal(up, F.pixel_shuffle(t(x), r).numpy())
    assert up.shape[-3:] == (c, h * r, w * r)
    np.testing.assert_array_equal(pixel_unshuffle(up, r), F.pixel_unshuffle(t(up), r).numpy())
    np.testing.assert_array_equal(pixel_unshuffle(up, r), x)


def test_pixel_shuffle_by_hand_and_rejections() -> None:
    x = np.arange(4.0).reshape(4, 1, 1)  # 4 channels of one pixel -> one 2x2 block
    assert pixel_shuffle(x, 2).tolist() == [[[0.0, 1.0], [2.0, 3.0]]]
    with pytest.raises(RuntimeError):
        F.pixel_shuffle(torch.zeros(3, 2, 2), 2)
    with pytest.raises(ValueError, match="divisible"):
        pixel_shuffle(np.zeros((3, 2, 2)), 2)
    with pytest.raises(ValueError, match="divisible"):
        pixel_unshuffle(np.zeros((1, 3, 4)), 2)


@settings(max_examples=200, deadline=None)
@given(st.floats(0.0, 0.95), st.integers(0, 10_000))
def test_inverted_dropout_scale_matches_torch_with_its_mask(p: float, seed: int) -> None:
    x = np.random.default_rng(seed).uniform(0.5, 2.0, size=(4, 25))  # never 0: mask readable
    torch.manual_seed(seed)
    y = F.dropout(t(x), p, training=True).numpy()
    mask = y != 0
    np.testing.assert_allclose(inverted_dropout(x, p, mask), y, rtol=1e-15)
    np.testing.assert_allclose(y[mask], x[mask] * train_scale(p), rtol=1e-15)
    np.testing.assert_array_equal(F.dropout(t(x), p, training=False).numpy(), x)


@pytest.mark.parametrize("p", [-0.1, 1.5])
def test_probability_outside_0_1_is_rejected_like_torch(p: float) -> None:
    with pytest.raises(ValueError):
        F.dropout(torch.ones(3), p)
    with pytest.raises(ValueError, match="between 0 and 1"):
        inverted_dropout(np.ones(3), p, np.ones(3, dtype=bool))


def test_p_one_drops_everything_like_torch() -> None:
    x = np.ones(5)
    assert F.dropout(t(x), 1.0).numpy().tolist() == [0.0] * 5
    assert inverted_dropout(x, 1.0, np.zeros(5, dtype=bool)).tolist() == [0.0] * 5
