"""Softmax, losses, divergences and activation derivatives against torch (autograd)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnquiz.engine import ops

torch = pytest.importorskip("torch")
from tests.engine.torch_build import as_tensor as t  # noqa: E402

F = torch.nn.functional

pytestmark = pytest.mark.oracle
SETTINGS = settings(max_examples=300, deadline=None)
seeds = st.integers(0, 2**32 - 1)


@SETTINGS
@given(st.integers(1, 3), st.integers(1, 6), st.floats(1e-3, 500.0), seeds)
def test_softmax_and_log_softmax_match_torch_even_for_huge_logits(n: int, c: int, scale: float,
                                                                  seed: int) -> None:
    z = np.random.default_rng(seed).normal(size=(n, c)) * scale
    np.testing.assert_allclose(ops.softmax(z), F.softmax(t(z), -1).numpy(), atol=1e-12)
    np.testing.assert_allclose(ops.log_softmax(z), F.log_softmax(t(z), -1).numpy(),
                               rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(ops.softmax(z, axis=0), F.softmax(t(z), 0).numpy(), atol=1e-12)
    assert np.allclose(ops.softmax(z).sum(-1), 1.0)


@SETTINGS
@given(st.integers(1, 4), st.integers(1, 5), st.sampled_from(["mean", "sum", "none"]),
       st.sampled_from([0.0, 0.1]), st.booleans(), seeds)
def test_cross_entropy_matches_torch(n: int, c: int, reduction: str, smooth: float,
                                     soft: bool, seed: int) -> None:
    rng = np.random.default_rng(seed)
    z = rng.normal(size=(n, c)) * 3
    target = rng.dirichlet(np.ones(c), size=n) if soft else rng.integers(0, c, size=n)
    expected = F.cross_entropy(t(z), t(target) if soft else torch.from_numpy(target),
                               reduction=reduction, label_smoothing=smooth).numpy()
    got = ops.cross_entropy(z, target, reduction=reduction, label_smoothing=smooth)
    np.testing.assert_allclose(got, expected, rtol=1e-10, atol=1e-12)


def test_cross_entropy_of_one_sample_by_hand() -> None:
    z = [2.0, 1.0, 0.1]
    expected = -math.log(math.exp(2) / (math.exp(2) + math.exp(1) + math.exp(0.1)))
    assert ops.cross_entropy(z, 0) == pytest.approx(expected)
    assert F.cross_entropy(t(np.array(z)), torch.tensor(0)).item() == pytest.approx(expected)
    with pytest.raises(ValueError, match="out of range"):
        ops.cross_entropy(z, 3)
    with pytest.raises((IndexError, RuntimeError)):
        F.cross_entropy(t(np.array(z)), torch.tensor(3))


@SETTINGS
@given(st.integers(1, 8), seeds, st.booleans())
def test_binary_losses_and_mse_match_torch(n: int, seed: int, extreme: bool) -> None:
    rng = np.random.default_rng(seed)
    p = rng.uniform(0, 1, size=n)
    if extreme:
        p[0] = 0.0  # torch clamps log(0) at -100
    y = rng.integers(0, 2, size=n).astype(float)
    z = rng.normal(size=n) * 20
    np.testing.assert_allclose(ops.binary_cross_entropy(p, y),
                               F.binary_cross_entropy(t(p), t(y)).item(), rtol=1e-12)
    np.testing.assert_allclose(ops.binary_cross_entropy_with_logits(z, y),
                               F.binary_cross_entropy_with_logits(t(z), t(y)).item(), rtol=1e-10,
                               atol=1e-13)  # torch cancels where we use log1p
    np.testing.assert_allclose(ops.mse(p, y, "sum"), F.mse_loss(t(p), t(y), reduction="sum")
                               .item(), rtol=1e-12)


@SETTINGS
@given(st.integers(1, 6), seeds, st.booleans())
def test_kl_matches_torch_kl_div_and_js_is_bounded(c: int, seed: int, zero: bool) -> None:
    rng = np.random.default_rng(seed)
    p, q = rng.dirichlet(np.ones(c)), rng.dirichlet(np.ones(c))
    if zero and c > 1:
        p[0] = 0.0
        p /= p.sum()
    expected = F.kl_div(t(q).log(), t(p), reduction="sum").item()
    assert ops.kl_div(p, q) == pytest.approx(expected, rel=1e-10, abs=1e-14)
    assert ops.kl_div(p, q, base=2) == pytest.approx(expected / math.log(2), rel=1e-10, abs=1e-14)
    js = ops.js_div(p, q)
    assert -1e-15 <= js <= math.log(2) + 1e-15
    assert js == pytest.approx(ops.js_div(q, p), rel=1e-12, abs=1e-15)


@pytest.mark.parametrize(
    ("ours", "grad", "theirs"),
    [
        (ops.sigmoid, ops.sigmoid_grad, torch.sigmoid),
        (ops.tanh, ops.tanh_grad, torch.tanh),
        (ops.relu, ops.relu_grad, torch.relu),
        (ops.leaky_relu, ops.leaky_relu_grad, F.leaky_relu),
    ],
)
def test_activations_and_derivatives_match_autograd(ours, grad, theirs) -> None:
    x = np.concatenate([np.linspace(-40, 40, 161), [0.0, -1e-3, 1e-3]])
    xt = t(x).requires_grad_(True)
    y = theirs(xt)
    y.sum().backward()
    np.testing.assert_allclose(ours(x), y.detach().numpy(), rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(grad(x), xt.grad.numpy(), rtol=1e-9, atol=1e-15)
