"""Shape-arithmetic templates (sections 1-2) against PyTorch: every answer is recomputed from
the question's `spec` alone, the way someone without cnnquiz would, and must match."""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from typing import Any

import pytest

from cnnquiz.engine.spec import parse
from cnnquiz.questions import generate
from cnnquiz.questions.model import Question

pytestmark = [pytest.mark.oracle,
              pytest.mark.filterwarnings("ignore:Initializing zero-element tensors"),
              pytest.mark.filterwarnings("ignore:Using padding='same'")]

DRAWS = 200
META = "meta"
torch: Any = None  # bound by needs_torch(), which every test that uses torch calls first
F: Any = None
run_stack: Any = None


def needs_torch() -> None:
    """Bind torch for the helpers below, or skip the calling test (torch is test-only)."""
    global torch, F, run_stack
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    from tests.engine.torch_build import run_stack as build

    run_stack = build


def network(spec: dict[str, Any]) -> Any:
    """Output shape (optionally one entry of it) or TF pad of a contract network spec."""
    layers = parse(spec["layers"])
    if spec["ask"] in ("pad_left", "pad_right"):
        return tf_same_pad(spec)[spec["ask"] == "pad_right"]
    shapes, _, _ = run_stack(layers, tuple(spec["input"]))
    shape = list(shapes[spec.get("layer", len(layers)) - 1])
    assert spec["ask"] == "output"
    return shape[spec["at"][0]] if "at" in spec else shape


def tf_same_pad(spec: dict[str, Any]) -> tuple[int, int]:
    """TensorFlow's documented 'same' split, checked to give ceil(n/s) outputs in torch."""
    (layer,) = parse(spec["layers"])
    n, k, s, d = spec["input"][1], layer.args["k"][0], layer.args["s"][0], layer.args["d"][0]
    out = math.ceil(n / s)
    total = max((out - 1) * s + d * (k - 1) + 1 - n, 0)
    left, right = total // 2, total - total // 2
    x = torch.zeros(1, 1, n, n, device=META)
    y = F.conv2d(F.pad(x, (left, right, left, right)), torch.zeros(1, 1, k, k, device=META),
                 stride=s, dilation=d)
    assert y.shape[-1] == out
    return left, right


def conv1d_modes(spec: dict[str, Any]) -> int:
    n, m, mode, s = spec["n"], spec["m"], spec["mode"], spec["stride"]
    x, w = torch.randn(1, 1, n), torch.randn(1, 1, m)
    pad: int | str = {"full": m - 1, "valid": 0, "same": "same"}[mode]
    return F.conv1d(x, w, padding=pad)[0, 0, ::s].numel()


def conv_solve(spec: dict[str, Any]) -> int:
    cfg = {k: spec[k] for k in ("kernel_size", "stride", "padding", "dilation")}
    u, n = spec["unknown"], spec["input_size"]
    for v in range(0 if u == "padding" else 1, 1000):
        c = {**cfg, u: v}
        x = torch.zeros(1, 1, n, n, device=META)
        w = torch.zeros(1, 1, c["kernel_size"], c["kernel_size"], device=META)
        try:
            y = F.conv2d(x, w, stride=c["stride"], padding=c["padding"], dilation=c["dilation"])
        except RuntimeError:
            continue
        if y.shape[-1] == spec["output_size"]:
            return v
    raise AssertionError(f"no {u} solves {spec}")


def conv2d_weight(spec: dict[str, Any]) -> int:
    conv = torch.nn.Conv2d(spec["in_channels"], spec["out_channels"], spec["kernel_size"],
                           groups=spec["groups"], bias=spec["bias"], device=META)
    return {"kernel_depth": conv.weight.shape[1], "num_kernels": conv.weight.shape[0],
            "num_biases": conv.bias.numel(), "weights_per_kernel": conv.weight[0].numel()
            }[spec["ask"]]


def conv_matrix(spec: dict[str, Any], dilation: int = 1) -> Any:
    """C with conv2d(x) = C @ x.flatten(): convolve every one-hot image with an all-ones kernel."""
    n, k = spec["input_size"], spec["kernel_size"]
    basis = torch.eye(n * n).reshape(n * n, 1, n, n)
    y = F.conv2d(basis, torch.ones(1, 1, k, k), stride=spec["stride"], padding=spec["padding"],
                 dilation=spec.get("dilation", dilation))
    return y.reshape(n * n, -1).T  # rows: outputs, columns: inputs


def conv_inputs(spec: dict[str, Any]) -> list[int]:
    c = conv_matrix(spec)
    i, j = spec["at"]
    n, k, s, p, d = (spec[x] for x in ("input_size", "kernel_size", "stride", "padding",
                                       "dilation"))
    wo = (n + 2 * p - d * (k - 1) - 1) // s + 1
    return [int(x) + 1 for x in torch.nonzero(c[i * wo + j]).flatten()]


def conv_matrix_ask(spec: dict[str, Any]) -> int:
    c = conv_matrix(spec)
    nnz = (c != 0).sum(dim=1)
    if spec["ask"] == "nonzeros_per_row":
        assert bool((nnz == nnz[0]).all()), "without padding every row holds the whole kernel"
    return {"rows": c.shape[0], "cols": c.shape[1], "nonzeros": int(nnz.sum()),
            "nonzeros_per_row": int(nnz[0])}[spec["ask"]]


def spp(spec: dict[str, Any]) -> int:
    c, a, _ = spec["input"]
    x = torch.zeros(1, c, a, a, device=META)
    total = 0
    for n in spec["levels"]:
        y = F.max_pool2d(x, math.ceil(a / n), a // n)
        assert tuple(y.shape[-2:]) == (n, n), f"level {n} of {spec} is not {n}x{n}"
        total += y.numel()
    level = spec["level"]
    return {"kernel_size": math.ceil(a / level), "stride": a // level, "length": total
            }[spec["ask"]]


OPS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "conv1d_modes": conv1d_modes, "conv_solve": conv_solve, "conv2d_weight": conv2d_weight,
    "conv_inputs": conv_inputs, "conv_matrix": conv_matrix_ask, "spp": spp,
}

IDS = ["conv.output_size", "conv1d.length", "conv.dilated_height", "conv.find_setting", "padding.tf_output",
       "padding.tf_split", "conv.kernels", "conv.as_fc_inputs", "conv.as_fc_matrix",
       "pool.output_size", "pool.spp", "flatten.size", "stack.output_shape"]


def oracle(q: Question) -> Any:
    spec = q.spec
    return OPS[spec["op"]](spec) if "op" in spec else network(spec)


@pytest.mark.parametrize("level", [1, 2, 3])
@pytest.mark.parametrize("tid", IDS)
def test_answers_match_pytorch(tid: str, level: int) -> None:
    needs_torch()
    rng = random.Random(f"oracle-sizes:{tid}:{level}")
    for _ in range(DRAWS):
        q = generate.make(tid, level, rng.getrandbits(32))
        assert q.answer.value == oracle(q), f"{q.code}: spec {q.spec}"
        for m in q.mistakes:  # a mistake that equals the truth would grade a right answer wrong
            assert m.value != q.answer.value, f"{q.code}: {m.name}"


def test_the_notes_cases() -> None:
    """The figures the topic map quotes, recomputed by torch through the same oracle."""
    needs_torch()
    assert conv_inputs({"input_size": 6, "kernel_size": 3, "stride": 1, "padding": 0,
                        "dilation": 1, "at": [0, 0]}) == [1, 2, 3, 7, 8, 9, 13, 14, 15]
    tf = {"input": [1, 13, 13], "ask": "output", "at": [1]}
    assert network({**tf, "layers": "conv(1,k=6,s=5,p=valid)"}) == 2
    assert network({**tf, "layers": "conv(1,k=6,s=5,p=same)"}) == 3
    assert tf_same_pad({**tf, "layers": "conv(1,k=6,s=5,p=same)"}) == (1, 2)
    full = {"input": [1, 7, 7], "layers": "conv(1,k=3,p=full)", "ask": "output"}
    assert network(full) == [1, 9, 9]
    mnist = "conv(25,k=3) -> maxpool(k=2) -> conv(50,k=3) -> maxpool(k=2) -> flatten"
    assert network({"input": [1, 28, 28], "layers": mnist, "ask": "output"}) == [1250]
    assert spp({"input": [256, 13, 13], "levels": [6, 3, 2, 1], "ask": "length",
                "level": 6}) == 256 * 50
