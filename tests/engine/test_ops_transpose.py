"""Transposed convolution: three independent methods, torch, and the C^T identity."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cnnquiz.engine.ops import conv_matrix, conv_transpose2d, conv_transpose2d_steps

torch = pytest.importorskip("torch")
from tests.engine.torch_build import as_tensor as t  # noqa: E402

F = torch.nn.functional

pytestmark = pytest.mark.oracle
METHODS = ("zero_insertion", "matrix", "scatter")


@st.composite
def transpose_configs(draw: st.DrawFn) -> dict:
    g = draw(st.integers(1, 2))
    cin, cout_g = g * draw(st.integers(1, 2)), draw(st.integers(1, 2))
    h, w = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    kh, kw = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    batch = draw(st.sampled_from([None, 2]))
    ints = st.integers
    return {
        "x": rng.normal(size=(cin, h, w) if batch is None else (batch, cin, h, w)),
        "w": rng.normal(size=(cin, cout_g, kh, kw)),
        "b": rng.normal(size=g * cout_g) if draw(st.booleans()) else None,
        "stride": (draw(ints(1, 3)), draw(ints(1, 3))),
        "padding": (draw(ints(0, 4)), draw(ints(0, 4))),
        "output_padding": (draw(ints(0, 2)), draw(ints(0, 2))),
        "dilation": (draw(ints(1, 3)), draw(ints(1, 3))),
        "groups": g,
    }


@settings(max_examples=700, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transpose_configs())
def test_all_three_methods_match_torch_or_all_reject(cfg: dict) -> None:
    x, w, b = cfg.pop("x"), cfg.pop("w"), cfg.pop("b")
    try:
        expected = F.conv_transpose2d(t(x), t(w), None if b is None else t(b), **cfg).numpy()
    except RuntimeError:
        for method in METHODS:
            with pytest.raises(ValueError):
                conv_transpose2d(x, w, b, method=method, **cfg)
        return
    results = [conv_transpose2d(x, w, b, method=m, **cfg) for m in METHODS]
    for got in results:
        assert got.shape == expected.shape
        np.testing.assert_allclose(got, expected, rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(results[0], results[1], rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(results[1], results[2], rtol=1e-12, atol=1e-12)


def test_conv_matrix_of_the_notes_is_4x16_and_its_transpose_is_conv_transpose() -> None:
    kern = np.arange(1.0, 10.0).reshape(3, 3)
    c = conv_matrix((4, 4), kern)
    assert c.shape == (4, 16)
    assert c[0].reshape(4, 4)[:3, :3].tolist() == kern.tolist()  # first output reads top-left
    y = np.array([[1.0, -2.0], [3.0, 0.5]])
    expected = F.conv_transpose2d(t(y)[None, None], t(kern)[None, None]).numpy()[0, 0]
    np.testing.assert_allclose((c.T @ y.ravel()).reshape(4, 4), expected)
    np.testing.assert_allclose(conv_transpose2d(y, kern, method="matrix"), expected)


def test_multichannel_conv_matrix_with_groups_matches_torch() -> None:
    rng = np.random.default_rng(3)
    x, w = rng.normal(size=(4, 5, 4)), rng.normal(size=(6, 2, 3, 2))
    c = conv_matrix((5, 4), w, stride=(2, 1), padding=(1, 0), dilation=(1, 2), groups=2)
    expected = F.conv2d(t(x), t(w), None, (2, 1), (1, 0), (1, 2), 2).numpy()
    np.testing.assert_allclose(c @ x.ravel(), expected.ravel(), atol=1e-12)


def test_scatter_example_from_the_notes_2x2_kernel_4x4_stride_3_gives_7x7() -> None:
    x = np.array([[1.0, 2.0], [3.0, 4.0]])
    kern = np.arange(16.0).reshape(4, 4)
    expected = F.conv_transpose2d(t(x)[None, None], t(kern)[None, None], stride=3).numpy()[0, 0]
    assert expected.shape == (7, 7)
    for method in METHODS:
        np.testing.assert_allclose(conv_transpose2d(x, kern, stride=3, method=method), expected)
    steps = conv_transpose2d_steps(x, kern, stride=3)
    assert [s.source for s in steps] == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert steps[1].window == ((0, 4), (3, 7))
    np.testing.assert_allclose(steps[1].products, 2.0 * kern)
    np.testing.assert_allclose(steps[-1].output, expected)
    assert steps[-1].canvas[3, 3] == kern[3, 3] * 1 + kern[3, 0] * 2 + kern[0, 3] * 3 + 0.0


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 5), st.integers(1, 5), st.integers(1, 4), st.integers(1, 3),
       st.integers(0, 3), st.integers(0, 2), st.integers(1, 2), st.integers(0, 2**32 - 1))
def test_scatter_steps_replay_to_torch(h: int, w: int, k: int, s: int, p: int, op: int,
                                       d: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    x, kern = rng.normal(size=(h, w)), rng.normal(size=(k, k))
    kwargs = {"stride": s, "padding": p, "output_padding": op, "dilation": d}
    try:
        expected = F.conv_transpose2d(t(x)[None, None], t(kern)[None, None], **kwargs)
    except RuntimeError:
        with pytest.raises(ValueError):
            conv_transpose2d_steps(x, kern, **kwargs)
        return
    steps = conv_transpose2d_steps(x, kern, **kwargs)
    assert len(steps) == h * w
    np.testing.assert_allclose(steps[-1].output, expected.numpy()[0, 0], atol=1e-12)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"stride": 2, "output_padding": 2}, "smaller than either stride"),
        ({"stride": 1, "dilation": 2, "output_padding": 1}, None),  # allowed: op < dilation
        ({"padding": 3}, "too small"),
        ({"stride": 0}, "stride"),
    ],
)
def test_invalid_arguments_match_torch(kwargs: dict, message: str | None) -> None:
    x, w = np.ones((1, 2, 2)), np.ones((1, 1, 3, 3))
    if message is None:
        expected = F.conv_transpose2d(t(x), t(w), **kwargs).numpy()
        np.testing.assert_allclose(conv_transpose2d(x, w, **kwargs), expected)
        return
    with pytest.raises(RuntimeError):
        F.conv_transpose2d(t(x), t(w), **kwargs)
    with pytest.raises(ValueError, match=message):
        conv_transpose2d(x, w, **kwargs)


def test_groups_must_divide_input_channels() -> None:
    x, w = np.ones((3, 2, 2)), np.ones((3, 1, 2, 2))
    with pytest.raises(RuntimeError):
        F.conv_transpose2d(t(x), t(w), groups=2)
    with pytest.raises(ValueError, match="groups"):
        conv_transpose2d(x, w, groups=2)
