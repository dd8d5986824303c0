"""Hypothesis strategies shared by the oracle tests and the torch-free ones."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st


@st.composite
def pool_configs(draw: st.DrawFn, dilation: bool = True) -> dict:
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    h, w = draw(st.integers(1, 8)), draw(st.integers(1, 8))
    shape = draw(st.sampled_from([(h, w), (2, h, w), (2, 3, h, w)]))
    # integers make ties common, so "first maximum" is exercised too
    x = rng.integers(-3, 4, size=shape).astype(float) if draw(st.booleans()) \
        else rng.normal(size=shape)
    k = (draw(st.integers(1, 4)), draw(st.integers(1, 4)))
    cfg = {
        "x": x,
        "kernel_size": k,
        "stride": draw(st.one_of(st.none(), st.tuples(st.integers(1, 3), st.integers(1, 3)))),
        "padding": (draw(st.integers(0, 2)), draw(st.integers(0, 2))),
        "ceil_mode": draw(st.booleans()),
    }
    if dilation:
        cfg["dilation"] = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    return cfg
