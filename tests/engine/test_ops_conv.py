"""conv2d / conv1d against torch: random configurations, same values, same rejections."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cnnquiz.engine.ops import conv2d, correlate1d, resolve_padding

torch = pytest.importorskip("torch")
from tests.engine.torch_build import as_tensor as t  # noqa: E402

F = torch.nn.functional

pytestmark = pytest.mark.oracle
SETTINGS = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def conv_configs(draw: st.DrawFn) -> dict:
    g = draw(st.integers(1, 3))
    cin, cout = g * draw(st.integers(1, 2)), g * draw(st.integers(1, 2))
    h, w = draw(st.integers(1, 8)), draw(st.integers(1, 8))
    kh, kw = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    batch = draw(st.sampled_from([None, 1, 2]))
    shape = (cin, h, w) if batch is None else (batch, cin, h, w)
    return {
        "x": rng.normal(size=shape),
        "w": rng.normal(size=(cout, cin // g, kh, kw)),
        "b": rng.normal(size=cout) if draw(st.booleans()) else None,
        "stride": draw(st.one_of(st.integers(1, 3), st.tuples(st.integers(1, 3),
                                                               st.integers(1, 3)))),
        "padding": draw(st.one_of(st.integers(0, 3), st.tuples(st.integers(0, 3),
                                                                st.integers(0, 3)))),
        "dilation": draw(st.one_of(st.integers(1, 3), st.tuples(st.integers(1, 3),
                                                                st.integers(1, 3)))),
        "groups": g,
    }


@SETTINGS
@given(conv_configs())
def test_conv2d_matches_torch_or_both_reject(cfg: dict) -> None:
    kwargs = {k: cfg[k] for k in ("stride", "padding", "dilation", "groups")}
    bias = None if cfg["b"] is None else t(cfg["b"])
    try:
        expected = F.conv2d(t(cfg["x"]), t(cfg["w"]), bias, **kwargs).numpy()
    except RuntimeError:
        with pytest.raises(ValueError, match="kernel size can't be greater"):
            conv2d(cfg["x"], cfg["w"], cfg["b"], **kwargs)
        return
    got = conv2d(cfg["x"], cfg["w"], cfg["b"], **kwargs)
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, rtol=1e-10, atol=1e-10)


@SETTINGS
@given(conv_configs(), st.sampled_from(["valid", "same", "full"]))
def test_tensorflow_padding_modes_match_explicit_torch_padding(cfg: dict, mode: str) -> None:
    """valid/same/full are explicit pads (odd extra bottom/right) followed by torch's conv."""
    x, w = cfg["x"], cfg["w"]
    stride = cfg["stride"] if isinstance(cfg["stride"], tuple) else (cfg["stride"],) * 2
    dil = cfg["dilation"] if isinstance(cfg["dilation"], tuple) else (cfg["dilation"],) * 2
    top, bottom, left, right = resolve_padding(mode, x.shape[-2:], w.shape[2:], stride, dil)
    padded = F.pad(t(x), (left, right, top, bottom))
    span = [d * (k - 1) + 1 for d, k in zip(dil, w.shape[2:], strict=True)]
    assume(padded.shape[-2] >= span[0] and padded.shape[-1] >= span[1])
    expected = F.conv2d(padded, t(w), None, stride, 0, dil, cfg["groups"]).numpy()
    got = conv2d(x, w, None, stride, mode, dil, cfg["groups"])
    np.testing.assert_allclose(got, expected, rtol=1e-10, atol=1e-10)
    h_in, w_in = x.shape[-2:]
    if mode == "same":  # TensorFlow: ceil(in / s), whatever the kernel
        assert got.shape[-2:] == (-(-h_in // stride[0]), -(-w_in // stride[1]))
        assert 0 <= bottom - top <= 1 and 0 <= right - left <= 1
    if mode == "full":
        assert (top, left) == (span[0] - 1, span[1] - 1)


@pytest.mark.filterwarnings("ignore:Using padding='same'")
def test_same_with_stride_one_is_torch_same() -> None:
    rng = np.random.default_rng(0)
    x, w = rng.normal(size=(2, 7, 6)), rng.normal(size=(3, 2, 4, 2))
    expected = F.conv2d(t(x), t(w), padding="same", dilation=(1, 2)).numpy()
    np.testing.assert_allclose(conv2d(x, w, padding="same", dilation=(1, 2)), expected)


@pytest.mark.parametrize(
    ("x_shape", "w_shape", "groups", "message"),
    [
        ((4, 5, 5), (6, 3, 3, 3), 2, "input channels"),
        ((4, 5, 5), (3, 2, 3, 3), 2, "output channels"),
        ((3, 5, 5), (3, 1, 3, 3), 3, None),
        ((3, 2, 2), (1, 3, 3, 3), 1, "kernel size"),
    ],
)
def test_bad_configurations_are_rejected_like_torch(x_shape, w_shape, groups, message) -> None:
    x, w = np.ones(x_shape), np.ones(w_shape)
    if message is None:  # depthwise: valid in both
        assert conv2d(x, w, groups=groups).shape == F.conv2d(t(x), t(w), groups=groups).shape
        return
    with pytest.raises(RuntimeError):
        F.conv2d(t(x), t(w), groups=groups)
    with pytest.raises(ValueError, match=message):
        conv2d(x, w, groups=groups)


@pytest.mark.parametrize("kwargs", [{"stride": 0}, {"dilation": 0}, {"padding": -1},
                                    {"groups": 0}])
def test_non_positive_arguments_are_rejected_like_torch(kwargs: dict) -> None:
    x, w = np.ones((1, 5, 5)), np.ones((1, 1, 3, 3))
    with pytest.raises(RuntimeError):
        F.conv2d(t(x), t(w), **kwargs)
    with pytest.raises(ValueError):
        conv2d(x, w, **kwargs)


@settings(max_examples=400, deadline=None)
@given(st.integers(1, 10), st.integers(1, 5), st.integers(1, 3), st.integers(0, 3),
       st.integers(1, 3), st.integers(0, 2**32 - 1))
def test_correlate1d_is_torch_conv1d(n: int, m: int, stride: int, pad: int, dil: int,
                                     seed: int) -> None:
    rng = np.random.default_rng(seed)
    x, w = rng.normal(size=n), rng.normal(size=m)
    try:
        expected = F.conv1d(t(x)[None, None], t(w)[None, None], None, stride, pad, dil)
    except RuntimeError:
        with pytest.raises(ValueError):
            correlate1d(x, w, stride, pad, dil)
        return
    np.testing.assert_allclose(correlate1d(x, w, stride, pad, dil), expected.numpy()[0, 0],
                               atol=1e-12)
