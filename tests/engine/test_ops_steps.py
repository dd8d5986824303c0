"""conv2d step traces: each frame is a real window, and replaying them gives torch's result."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnquiz.engine.ops import conv2d, conv2d_steps

torch = pytest.importorskip("torch")
F = torch.nn.functional

pytestmark = pytest.mark.oracle


@settings(max_examples=500, deadline=None)
@given(st.integers(1, 3), st.integers(1, 7), st.integers(1, 7), st.integers(1, 4),
       st.integers(1, 3), st.one_of(st.integers(0, 2), st.sampled_from(["valid", "same",
                                                                        "full"])),
       st.integers(1, 2), st.booleans(), st.integers(0, 2**32 - 1))
def test_steps_replay_to_conv2d_and_torch(c: int, h: int, w: int, k: int, s: int, p: object,
                                          d: int, with_bias: bool, seed: int) -> None:
    rng = np.random.default_rng(seed)
    x = rng.integers(-3, 4, size=(c, h, w)).astype(float)
    kern = rng.integers(-2, 3, size=(c, k, k)).astype(float)
    b = float(rng.integers(-2, 3)) if with_bias else None
    try:
        expected = conv2d(x, kern, b, s, p, d)[0]
    except ValueError:
        with pytest.raises(ValueError):
            conv2d_steps(x, kern, b, s, p, d)
        return
    if isinstance(p, int):
        bias = None if b is None else torch.tensor([b], dtype=torch.float64)
        oracle = F.conv2d(torch.from_numpy(x), torch.from_numpy(kern)[None], bias, s, p, d)
        np.testing.assert_array_equal(oracle.numpy()[0], expected)
    steps = conv2d_steps(x if c > 1 else x[0], kern if c > 1 else kern[0], b, s, p, d)
    assert len(steps) == expected.size
    np.testing.assert_array_equal(steps[-1].canvas, expected)
    span = d * (k - 1) + 1
    for step in steps:
        (r0, r1), (c0, c1) = step.window
        assert (r1 - r0, c1 - c0) == (span, span)
        assert (r0, c0) == (step.out[0] * s, step.out[1] * s)
        assert step.value == float(step.products.sum()) + (b or 0.0)
        np.testing.assert_array_equal(step.products, step.inputs * step.weights)
