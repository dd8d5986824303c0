"""Oracle test for the by-hand operation templates: every answer is recomputed from the
question's `spec` ALONE with PyTorch (functional ops, autograd, torch.optim), never with
cnnquiz's engine, and every listed mistake must be a genuinely wrong answer."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from cnnquiz.questions import generate

DRAWS = 200
torch: Any = None  # bound by needs_torch(), which every test that uses torch calls first
F: Any = None


def needs_torch() -> None:
    """Bind torch for the helpers below, or skip the calling test (torch is test-only)."""
    global torch, F
    torch = pytest.importorskip("torch")
    F = torch.nn.functional

TEMPLATES = ("conv.by_hand", "conv.classic_kernel", "conv1d.values", "pool.by_hand",
             "pool.unpool", "convT.by_hand", "pixelshuffle.position", "dropout.scale",
             "dropout.count", "activation.value", "activation.chain", "loss.softmax",
             "loss.cross_entropy", "loss.divergence", "reg.penalty", "reg.update", "optim.sgd",
             "optim.adagrad", "optim.rmsprop", "optim.adam", "norm.batch_norm",
             "backprop.fc_forward", "backprop.neuron_grad")


def T(v: Any) -> Any:
    """A float64 tensor, the way a torch user would write it."""
    return torch.tensor(v, dtype=torch.float64)


def _at(y: Any, spec: dict[str, Any]) -> Any:
    return y[tuple(spec["at"])] if "at" in spec else y


def conv2d(s: dict[str, Any]) -> Any:
    y = F.conv2d(T(s["x"])[None, None], T(s["w"])[None, None], stride=s.get("stride", 1),
                 padding=s.get("padding", 0), dilation=s.get("dilation", 1))[0, 0]
    return _at(y, s)


def conv1d_modes(s: dict[str, Any]) -> Any:
    x, w = T(s["x"]), T(s["w"])
    n, m = len(x), len(w)
    full = F.conv1d(x[None, None], w.flip(0)[None, None], padding=m - 1)[0, 0]
    start, length = {"full": (0, n + m - 1), "valid": (m - 1, n - m + 1),
                     "same": ((m - 1) // 2, n)}[s["mode"]]
    return _at(full[start:start + length][::s["stride"]], s)


def pool(s: dict[str, Any]) -> Any:
    fn = F.max_pool2d if s["op"] == "max_pool2d" else F.avg_pool2d
    return fn(T(s["x"])[None, None], s["kernel_size"], s["stride"], s["padding"],
              ceil_mode=s["ceil_mode"])[0, 0]


def max_unpool2d(s: dict[str, Any]) -> Any:
    k, st = s["kernel_size"], s["stride"]
    _, idx = F.max_pool2d(T(s["pool_input"])[None, None], k, st, return_indices=True)
    assert idx[0, 0].tolist() == s["indices"], "spec indices must be what max_pool2d returns"
    size = list(np.asarray(s["pool_input"]).shape)
    return F.max_unpool2d(T(s["x"])[None, None], idx, k, st, output_size=size)[0, 0]


def conv_transpose2d(s: dict[str, Any]) -> Any:
    return F.conv_transpose2d(T(s["x"])[None, None], T(s["w"])[None, None], stride=s["stride"],
                              padding=s["padding"], output_padding=s["output_padding"])[0, 0]


def pixel_shuffle(s: dict[str, Any]) -> Any:
    x = torch.arange(int(np.prod(s["x_shape"]))).reshape(s["x_shape"])
    y = F.pixel_shuffle(x[None], s["r"])[0]
    if s["ask"] == "position":
        return (y == x[tuple(s["from"])]).nonzero()[0]
    return (x == y[tuple(s["to"])]).nonzero()[0]


def dropout(s: dict[str, Any]) -> Any:
    p = s["p"]
    out = F.dropout(torch.ones(20000, dtype=torch.float64), p, training=True)
    scale = out.max()  # what a kept unit carries (inverted dropout)
    if s["ask"] == "train_scale":
        return scale
    if s["ask"] == "test_scale":
        return 1 - p
    if s["ask"] == "kept_value":
        return s["x"] * scale
    if s["ask"] == "test_value":
        return s["x"] * (1 - p)
    if s["ask"] == "expected_value":
        return (1 - p) * s["x"] * scale + p * 0.0
    return s["n"] * p if s["ask"] == "expected_zeroed" else s["n"] * (1 - p)


def activation(s: dict[str, Any]) -> Any:
    x = T(s["x"]).requires_grad_()
    fn: dict[str, Callable[[Any], Any]] = {
        "sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu,
        "leaky_relu": lambda v: F.leaky_relu(v, s.get("negative_slope", 0.01))}
    y = fn[s["op"]](x)
    return y if s["ask"] == "value" else torch.autograd.grad(y, x)[0]


def chain_grad(s: dict[str, Any]) -> Any:
    x = T(s["x"]).requires_grad_()
    h = x
    for w in s["w"]:
        h = (torch.sigmoid if s["act"] == "sigmoid" else torch.tanh)(w * h)
    return torch.autograd.grad(h, x)[0]


def sigmoid_chain_bound(s: dict[str, Any]) -> Any:
    z = torch.linspace(-20, 20, 40001, dtype=torch.float64, requires_grad=True)
    top = torch.autograd.grad(torch.sigmoid(z).sum(), z)[0].max()
    return (abs(s["w"]) * top) ** s["n"]


def softmax(s: dict[str, Any]) -> Any:
    return _at(torch.softmax(T(s["z"]), dim=-1), s)


def cross_entropy(s: dict[str, Any]) -> Any:
    z, t = T(s["z"]), torch.tensor(s["target"])
    if z.ndim == 1:
        z, t = z[None], t[None]
    return F.cross_entropy(z, t, label_smoothing=s.get("label_smoothing", 0.0))


def divergence(s: dict[str, Any]) -> Any:
    p, q = T(s["p"]), T(s["q"])
    if s["op"] == "kl_div":
        return F.kl_div(q.log(), p, reduction="sum")
    m = (p + q) / 2
    return (F.kl_div(m.log(), p, reduction="sum") + F.kl_div(m.log(), q, reduction="sum")) / 2


def penalty(s: dict[str, Any]) -> Any:
    w = T(s["w"])
    return s["l1"] * w.abs().sum() + s["l2"] / 2 * (w**2).sum()


def optimizer(s: dict[str, Any]) -> Any:
    w = T(s["w0"]).requires_grad_()
    kw = {k: v for k, v in s.items() if k not in ("op", "w0", "grads", "at", "l1")}
    if "betas" in kw:
        kw["betas"] = tuple(kw["betas"])
    cls = {"sgd": torch.optim.SGD, "sgd_l1": torch.optim.SGD, "adagrad": torch.optim.Adagrad,
           "rmsprop": torch.optim.RMSprop, "adam": torch.optim.Adam,
           "adamw": torch.optim.AdamW}[s["op"]]
    opt = cls([w], **kw)
    for g in s["grads"]:
        grad = T(g)
        if s["op"] == "sgd_l1":
            grad = grad + s["l1"] * torch.sign(w.detach())
        w.grad = grad
        opt.step()
    return _at(w.detach(), s)


def batch_norm(s: dict[str, Any]) -> Any:
    y = F.batch_norm(T(s["x"]), None, None, T(s["weight"]), T(s["bias"]),
                     training=s["training"], eps=s["eps"])
    return _at(y, s)


def mlp(s: dict[str, Any]) -> Any:
    h = T(s["x"])
    for layer in s["layers"]:
        h = F.linear(h, T(layer["weight"]), T(layer["bias"]))
        if layer["act"] == "relu":
            h = torch.relu(h)
    return h


def neuron_grad(s: dict[str, Any]) -> Any:
    x, w, b = T(s["x"]).requires_grad_(), T(s["w"]).requires_grad_(), T(s["b"]).requires_grad_()
    z = (w * x).sum() + b
    y = {"identity": z, "relu": torch.relu(z), "sigmoid": torch.sigmoid(z)}[s["act"]]
    loss = (y - s["target"]) ** 2 / 2
    gx, gw, gb = torch.autograd.grad(loss, (x, w, b))
    return _at({"x": gx, "w": gw, "b": gb}[s["wrt"]], s)


ORACLE: dict[str, Callable[[dict[str, Any]], Any]] = {
    "conv2d": conv2d, "conv1d_modes": conv1d_modes, "max_pool2d": pool, "avg_pool2d": pool,
    "max_unpool2d": max_unpool2d, "conv_transpose2d": conv_transpose2d,
    "pixel_shuffle": pixel_shuffle, "dropout": dropout, "sigmoid": activation,
    "tanh": activation, "relu": activation, "leaky_relu": activation, "chain_grad": chain_grad,
    "sigmoid_chain_bound": sigmoid_chain_bound, "softmax": softmax,
    "cross_entropy": cross_entropy, "kl_div": divergence, "js_div": divergence,
    "penalty": penalty, "sgd": optimizer, "sgd_l1": optimizer, "adagrad": optimizer,
    "rmsprop": optimizer, "adam": optimizer, "adamw": optimizer, "batch_norm": batch_norm,
    "mlp": mlp, "neuron_grad": neuron_grad,
}


def _close(a: Any, b: Any, tol: float) -> bool:
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return x.shape == y.shape and bool(np.all(np.abs(x - y) <= tol))


CASES = [(tid, lv) for tid in TEMPLATES for lv in (1, 2, 3)]


@pytest.mark.oracle
@pytest.mark.parametrize(("tid", "level"), CASES, ids=[f"{t}@{lv}" for t, lv in CASES])
def test_answer_recomputed_from_spec_by_torch(tid: str, level: int) -> None:
    needs_torch()
    rng = random.Random(f"oracle-ops:{tid}:{level}")
    for _ in range(DRAWS):
        q = generate.make(tid, level, rng.getrandbits(32), "en")
        truth = ORACLE[q.spec["op"]](q.spec)
        truth = truth.detach().numpy() if hasattr(truth, "detach") else np.asarray(truth)
        a = q.answer
        exact = 1e-8 * max(1.0, float(np.abs(truth).max()))
        assert _close(a.value, truth, exact), f"{q.code}: {a.value} != torch {truth.tolist()}"
        if a.kind == "int":
            assert isinstance(a.value, int)
        for m in q.mistakes:  # a mistake that torch says is right would mark a right answer wrong
            assert not _close(m.value, truth, a.tolerance + 1e-12), f"{q.code}: {m.name}"
