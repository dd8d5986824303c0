"""The fully connected layer against torch.nn.functional.linear: values and rejections."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnquiz.engine.ops import linear

torch = pytest.importorskip("torch")
from tests.engine.torch_build import as_tensor as t  # noqa: E402

F = torch.nn.functional

pytestmark = pytest.mark.oracle


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 6), st.integers(1, 6), st.sampled_from([None, 1, 3]), st.booleans(),
       st.integers(0, 2**32 - 1))
def test_linear_matches_torch(n_in: int, n_out: int, batch: int | None, bias: bool,
                              seed: int) -> None:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n_in,) if batch is None else (batch, n_in))
    w, b = rng.normal(size=(n_out, n_in)), rng.normal(size=n_out) if bias else None
    expected = F.linear(t(x), t(w), None if b is None else t(b)).numpy()
    np.testing.assert_allclose(linear(x, w, b), expected, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize(("x_shape", "w_shape", "b_shape"),
                         [((3,), (2, 4), None), ((3,), (2, 3), (3,))])
def test_mismatched_shapes_are_rejected_like_torch(x_shape: tuple, w_shape: tuple,
                                                   b_shape: tuple | None) -> None:
    x, w = np.ones(x_shape), np.ones(w_shape)
    b = None if b_shape is None else np.ones(b_shape)
    with pytest.raises(RuntimeError):
        F.linear(t(x), t(w), None if b is None else t(b))
    with pytest.raises(ValueError):
        linear(x, w, b)
