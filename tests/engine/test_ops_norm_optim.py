"""Batch norm, L1/L2 penalties and the four optimisers against torch."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnquiz.engine import ops

torch = pytest.importorskip("torch")
from tests.engine.torch_build import as_tensor as t  # noqa: E402

F = torch.nn.functional

pytestmark = pytest.mark.oracle
seeds = st.integers(0, 2**32 - 1)


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 4), st.integers(1, 3), st.sampled_from([(), (2, 3), (4,)]),
       st.booleans(), st.floats(0.0, 1.0), seeds)
def test_batch_norm_matches_torch(n: int, c: int, spatial: tuple, training: bool,
                                  momentum: float, seed: int) -> None:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, c, *spatial)) * 3 + 1
    gamma, beta = rng.normal(size=c), rng.normal(size=c)
    rm, rv = rng.normal(size=c), rng.uniform(0.5, 2, size=c)
    trm, trv = t(rm), t(rv)
    kwargs = {"training": training, "momentum": momentum, "eps": 1e-5}
    try:
        expected = F.batch_norm(t(x), trm, trv, t(gamma), t(beta), **kwargs).numpy()
    except ValueError:
        with pytest.raises(ValueError, match="more than 1 value"):
            ops.batch_norm(x, gamma, beta, rm, rv, **kwargs)
        return
    got = ops.batch_norm(x, gamma, beta, rm, rv, **kwargs)
    np.testing.assert_allclose(got.out, expected, rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(got.running_mean, trm.numpy(), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(got.running_var, trv.numpy(), rtol=1e-12, atol=1e-12)
    np.testing.assert_array_equal(rm, t(rm).numpy())  # ours did not touch its inputs


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 6), st.floats(0.0, 1.0), st.floats(0.0, 1.0), seeds)
def test_penalty_gradients_match_autograd_and_sgd_weight_decay(n: int, lam: float, lr: float,
                                                               seed: int) -> None:
    w = np.random.default_rng(seed).normal(size=n)
    wt = t(w).requires_grad_(True)
    (lam * wt.abs().sum() + lam / 2 * (wt**2).sum()).backward()
    np.testing.assert_allclose(ops.l1_grad(w, lam) + ops.l2_grad(w, lam), wt.grad.numpy(),
                               rtol=1e-12, atol=1e-15)
    assert ops.l1_penalty(w, lam) == pytest.approx(lam * np.abs(w).sum())
    assert ops.l2_penalty(w, lam) == pytest.approx(lam / 2 * (w**2).sum())
    p = torch.nn.Parameter(t(w))
    opt = torch.optim.SGD([p], lr=lr, weight_decay=lam)
    p.grad = torch.zeros_like(p)
    opt.step()
    np.testing.assert_allclose(w + ops.l2_update(w, lam, lr), p.detach().numpy(), rtol=1e-12,
                               atol=1e-15)
    np.testing.assert_allclose(w + ops.l1_update(w, lam, lr), w - lr * lam * np.sign(w))


def torch_run(cls: type, w0: np.ndarray, grads: list[np.ndarray], **kw: object) -> list:
    p = torch.nn.Parameter(t(w0))
    opt = cls([p], **kw)
    out = []
    for g in grads:
        p.grad = t(g)
        opt.step()
        out.append(p.detach().numpy().copy())
    return out


def problem(seed: int, steps: int, n: int) -> tuple[np.ndarray, list[np.ndarray]]:
    rng = np.random.default_rng(seed)
    return rng.normal(size=n), [rng.normal(size=n) for _ in range(steps)]


def assert_same(ours: list, theirs: list) -> None:
    assert len(ours) == len(theirs)
    for a, b in zip(ours, theirs, strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-10, atol=1e-12)


rates = st.floats(1e-3, 1.0)
decays = st.sampled_from([0.0, 0.01, 0.1])
OPT = settings(max_examples=200, deadline=None)


@OPT
@given(seeds, st.integers(3, 5), st.integers(1, 3), rates, st.sampled_from([0.0, 0.5, 0.9]),
       st.sampled_from([0.0, 0.3]), st.booleans(), decays)
def test_sgd_matches_torch(seed, steps, n, lr, momentum, dampening, nesterov, wd) -> None:
    w0, grads = problem(seed, steps, n)
    kw = {"lr": lr, "momentum": momentum, "dampening": dampening, "nesterov": nesterov,
          "weight_decay": wd}
    try:
        expected = torch_run(torch.optim.SGD, w0, grads, **kw)
    except ValueError:
        with pytest.raises(ValueError, match="Nesterov"):
            ops.sgd(w0, grads, **kw)
        return
    trace = ops.sgd(w0, grads, **kw)
    assert_same(trace.weights, expected)
    if momentum:
        np.testing.assert_allclose(trace.steps[0].buf, grads[0] + wd * w0)


@OPT
@given(seeds, st.integers(3, 5), st.integers(1, 3), rates, st.sampled_from([0.0, 0.1]), decays,
       st.sampled_from([0.0, 0.1]), st.sampled_from([1e-10, 1e-3]))
def test_adagrad_matches_torch(seed, steps, n, lr, lr_decay, wd, init, eps) -> None:
    w0, grads = problem(seed, steps, n)
    kw = {"lr": lr, "lr_decay": lr_decay, "weight_decay": wd,
          "initial_accumulator_value": init, "eps": eps}
    trace = ops.adagrad(w0, grads, **kw)
    assert_same(trace.weights, torch_run(torch.optim.Adagrad, w0, grads, **kw))
    assert trace.steps[-1].clr == pytest.approx(lr / (1 + (steps - 1) * lr_decay))


@OPT
@given(seeds, st.integers(3, 5), st.integers(1, 3), rates, st.floats(0.5, 0.999),
       st.sampled_from([1e-8, 1e-3]), decays, st.sampled_from([0.0, 0.9]), st.booleans())
def test_rmsprop_matches_torch(seed, steps, n, lr, alpha, eps, wd, momentum, centered) -> None:
    w0, grads = problem(seed, steps, n)
    kw = {"lr": lr, "alpha": alpha, "eps": eps, "weight_decay": wd, "momentum": momentum,
          "centered": centered}
    trace = ops.rmsprop(w0, grads, **kw)
    assert_same(trace.weights, torch_run(torch.optim.RMSprop, w0, grads, **kw))
    assert (trace.steps[0].grad_avg is None) == (not centered)


@OPT
@given(seeds, st.integers(3, 5), st.integers(1, 3), rates, st.floats(0.0, 0.99),
       st.floats(0.5, 0.9999), st.sampled_from([1e-8, 1e-3]), decays, st.booleans(),
       st.booleans())
def test_adam_matches_torch(seed, steps, n, lr, b1, b2, eps, wd, amsgrad, decoupled) -> None:
    w0, grads = problem(seed, steps, n)
    kw = {"lr": lr, "betas": (b1, b2), "eps": eps, "weight_decay": wd, "amsgrad": amsgrad,
          "decoupled_weight_decay": decoupled}
    trace = ops.adam(w0, grads, **kw)
    assert_same(trace.weights, torch_run(torch.optim.Adam, w0, grads, **kw))
    first = trace.steps[0]  # textbook form: m_hat = g, v_hat = g^2 after one step (no decay)
    if wd == 0:
        np.testing.assert_allclose(first.m_hat, grads[0], rtol=1e-9)
        np.testing.assert_allclose(first.v_hat, grads[0] ** 2, rtol=1e-9)


@pytest.mark.parametrize(
    ("ours", "cls", "kw"),
    [
        (ops.sgd, torch.optim.SGD, {"lr": -0.1}),
        (ops.sgd, torch.optim.SGD, {"lr": 0.1, "momentum": 0.9, "dampening": 0.1,
                                    "nesterov": True}),
        (ops.adam, torch.optim.Adam, {"betas": (1.0, 0.999)}),
        (ops.rmsprop, torch.optim.RMSprop, {"alpha": -0.5}),
        (ops.adagrad, torch.optim.Adagrad, {"lr_decay": -1.0}),
    ],
)
def test_invalid_hyper_parameters_are_rejected_like_torch(ours, cls, kw) -> None:
    with pytest.raises(ValueError):
        cls([torch.nn.Parameter(torch.zeros(1))], **kw)
    with pytest.raises(ValueError):
        ours([0.0], [[1.0]], **kw)
