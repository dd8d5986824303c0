"""Parameter, compute, receptive-field and upsampling templates (sections 3-5) against
PyTorch: every answer is recomputed from the question's `spec` alone, the way someone
without cnnquiz would, and must match.

Receptive fields and jumps come from a recursion written here; the window of one output
unit from autograd (which input rows get a gradient); MACs from FlopCounterMode (FLOPs/2);
the convolution matrix C from the Jacobian of conv2d.
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from typing import Any

import pytest

from cnnquiz.engine.spec import Layer, parse
from cnnquiz.questions import generate
from cnnquiz.questions.model import Question

pytestmark = [pytest.mark.oracle,
              pytest.mark.filterwarnings("ignore:Initializing zero-element tensors")]

DRAWS = 200
torch: Any = None  # bound by needs_torch(), which every test that uses torch calls first
F: Any = None
nn: Any = None
FlopCounterMode: Any = None
module_for: Any = None
run_stack: Any = None


def needs_torch() -> None:
    """Bind torch for the helpers below, or skip the calling test (torch is test-only)."""
    global torch, F, nn, FlopCounterMode, module_for, run_stack
    torch = pytest.importorskip("torch")
    F, nn = torch.nn.functional, torch.nn
    from torch.utils.flop_counter import FlopCounterMode as counter

    from tests.engine import torch_build

    FlopCounterMode, module_for, run_stack = counter, torch_build.module_for, torch_build.run_stack
SHORTS = ("pcv", "pgr", "pds", "pfc", "pbn", "pmx", "pvg", "mcv", "mic", "pic", "nsm", "nvg",
          "rfs", "rfj", "rfw", "uct", "ucm", "ups")


def per_layer(layers: list[Layer], shape: list[int]) -> list[dict[str, Any]]:
    """Output shape, trainable parameters and MACs of every layer, as torch reports them."""
    x = torch.zeros((1, *shape), device="meta")
    out = []
    with torch.device("meta"):
        for layer in layers:
            m = module_for(layer, x).eval()
            with FlopCounterMode(display=False) as counter:
                x = m(x)
            out.append({"output": list(x.shape[1:]), "macs": counter.get_total_flops() // 2,
                        "params": sum(p.numel() for p in m.parameters() if p.requires_grad)})
    return out


def field(layers: list[Layer]) -> tuple[int, int, float]:
    """(receptive field, jump, centre of unit 0) along H, by the textbook recursion."""
    r, j, start = 1, 1, 0.0
    for layer in layers:
        a = layer.args
        assert layer.kind in ("conv", "maxpool", "avgpool"), layer.kind
        k, s, d, p = a["k"][0], a["s"][0], a.get("d", (1, 1))[0], a["p"][0]
        start += (d * (k - 1) / 2 - p) * j
        r += (k - 1) * d * j
        j *= s
    return r, j, start


def window(spec: dict[str, Any]) -> list[int]:
    """Input rows with a non-zero gradient for output row `unit` (one channel, all-ones
    weights, average pools standing in for max pools: the same windows)."""
    n = spec["input"][1]
    mods: list[nn.Module] = []
    for layer in parse(spec["layers"]):
        a = layer.args
        if layer.kind == "conv":
            conv = nn.Conv2d(1, 1, a["k"], a["s"], a["p"], a["d"], bias=False)
            nn.init.ones_(conv.weight)
            mods.append(conv)
        else:
            mods.append(nn.AvgPool2d(a["k"], a["s"], a["p"]))
    x = torch.ones(1, 1, n, n, requires_grad=True)
    y = nn.Sequential(*mods)(x)
    y[0, 0, spec["unit"], y.shape[-1] // 2].backward()
    rows = torch.nonzero(x.grad[0, 0].abs().sum(dim=1)).flatten().tolist()
    return [rows[0], rows[-1]]


def network(spec: dict[str, Any]) -> Any:
    layers = parse(spec["layers"])
    upto = spec.get("layer", len(layers))
    ask = spec["ask"]
    if ask in ("rf", "jump"):
        r, j, _ = field(layers[:upto])
        return r if ask == "rf" else j
    rows = per_layer(layers, spec["input"])
    if ask == "output":
        shapes, _, _ = run_stack(layers, tuple(spec["input"]))  # the shared builder agrees
        assert list(shapes[upto - 1]) == rows[upto - 1]["output"]
        return rows[upto - 1]["output"]
    if "layer" in spec:
        return rows[upto - 1][ask]
    return sum(row[ask] for row in rows)


def convT_input(spec: dict[str, Any]) -> int:
    found = []
    for n in range(1, spec["out"] + 1):
        y = F.conv_transpose2d(torch.zeros(1, 1, n, n, device="meta"),
                               torch.zeros(1, 1, spec["kernel_size"], spec["kernel_size"],
                                           device="meta"),
                               stride=spec["stride"], padding=spec["padding"],
                               output_padding=spec["output_padding"], dilation=spec["dilation"])
        if y.shape[-1] == spec["out"]:
            found.append(n)
    assert len(found) == 1, found
    return found[0]


def conv_matrix(spec: dict[str, Any]) -> list[int]:
    cin, cout, k = spec["in_channels"], spec["out_channels"], spec["kernel_size"]
    w = torch.randn(cout, cin, k, k, dtype=torch.float64)
    x = torch.randn(cin, *spec["in_hw"], dtype=torch.float64)

    def conv(v: Any) -> Any:
        return F.conv2d(v[None], w, stride=spec["stride"], padding=spec["padding"])[0]

    jac = torch.autograd.functional.jacobian(conv, x, vectorize=True)
    c = jac.reshape(conv(x).numel(), x.numel())
    assert torch.allclose(c @ x.flatten(), conv(x).flatten())
    return list((c.T if spec["transpose"] else c).shape)


def maxout(spec: dict[str, Any]) -> int:
    (layer,) = parse(spec["layers"])
    wide = replace(layer, args={**layer.args, "out": layer.args["out"] * spec["pieces"]})
    return per_layer([wide], spec["input"])[0]["params"]


def inception(spec: dict[str, Any]) -> int:
    outs = [per_layer(parse(b), spec["input"]) for b in spec["branches"]]
    assert len({tuple(o[-1]["output"][1:]) for o in outs}) == 1, "branches must concatenate"
    return sum(row[spec["ask"]] for o in outs for row in o)


def oracle(spec: dict[str, Any]) -> Any:
    op = spec.get("op")
    if op is None:
        return network(spec)
    if op == "difference":
        return oracle(spec["a"]) - oracle(spec["b"])
    if op == "ratio":
        return oracle(spec["a"]) / oracle(spec["b"])
    if op == "rf_center":
        _, j, start = field(parse(spec["layers"]))
        return start + spec["unit"] * j
    if op == "rf_window":
        r, _, _ = field(parse(spec["layers"]))
        rows = window(spec)
        assert rows[1] - rows[0] + 1 == r
        return rows
    return {"convT_input_size": convT_input, "conv_matrix_shape": conv_matrix,
            "maxout": maxout, "inception": inception}[op](spec)


def check(q: Question, known: dict[str, Any] | None = None) -> None:
    """`known` keeps the oracle's results by spec: a spec drawn twice is recomputed once."""
    known = {} if known is None else known
    key = json.dumps(q.spec, sort_keys=True)
    if key not in known:
        known[key] = oracle(q.spec)
    got = known[key]
    if q.answer.kind == "float":
        assert abs(got - q.answer.value) < 1e-9, (q.code, got, q.answer.value)
    else:
        assert got == q.answer.value, (q.code, q.spec, got, q.answer.value)


CASES = [(s, lv) for s in SHORTS for lv in (1, 2, 3)]


@pytest.mark.parametrize(("short", "level"), CASES, ids=[f"{s}@{lv}" for s, lv in CASES])
def test_answers_match_pytorch(short: str, level: int) -> None:
    needs_torch()
    tpl = next(t for t in generate.templates() if t.short == short)
    rng = random.Random(f"oracle-costs:{short}:{level}")
    known: dict[str, Any] = {}
    for _ in range(DRAWS):
        check(generate.make(tpl, level, rng.getrandbits(32)), known)


def test_oracle_reproduces_the_notes_figures() -> None:
    """The oracle itself, on the notes' cases (so a wrong oracle cannot bless wrong answers)."""
    needs_torch()
    conv1 = {"input": [3, 227, 227], "layers": "conv(96,k=11,s=4)"}
    assert oracle({**conv1, "ask": "params"}) == 34944
    assert oracle({**conv1, "layers": "conv(96,k=11,s=4,bias=false)", "ask": "params"}) == 34848
    assert oracle({**conv1, "layers": "conv(96,k=11,s=4) -> maxpool(3,s=2)", "ask": "output"}
                  ) == [96, 27, 27]
    mnist = ("conv(25,k=3) -> maxpool(2) -> conv(50,k=3) -> maxpool(2) -> flatten -> linear(100)"
             " -> linear(10)")
    assert oracle({"input": [1, 28, 28], "layers": mnist, "ask": "output", "layer": 5}) == [1250]
    assert oracle({"input": [1, 28, 28], "layers": mnist, "ask": "params"}) == 137660
    naive = ["conv(128,k=1)", "conv(192,k=3,p=1)", "conv(96,k=5,p=2)", "maxpool(3,s=1,p=1)"]
    reduced = ["conv(128,k=1)", "conv(64,k=1) -> conv(192,k=3,p=1)",
               "conv(64,k=1) -> conv(96,k=5,p=2)", "maxpool(3,s=1,p=1) -> conv(64,k=1)"]
    lecture = {"op": "inception", "input": [256, 28, 28], "ask": "macs"}
    assert oracle({**lecture, "branches": naive}) == 854196224
    assert oracle({**lecture, "branches": reduced}) == 271351808  # the slide says 358M
    c1 = ["conv(16,k=1,bias=false)", "conv(16,k=3,p=1,bias=false)", "conv(16,k=5,p=2,bias=false)"]
    assert oracle({"op": "inception", "input": [16, 28, 28], "branches": c1, "ask": "params"}) == 8960
    three = "conv(8,k=3,p=1) -> conv(8,k=3,p=1) -> conv(8,k=3,p=1)"
    assert oracle({"input": [8, 32, 32], "layers": three, "ask": "rf"}) == 7
    assert oracle({"input": [1, 2, 2], "layers": "convT(1,k=4,s=3)", "ask": "output"}) == [1, 7, 7]
    assert oracle({"op": "conv_matrix_shape", "in_hw": [4, 4], "in_channels": 1,
                   "out_channels": 1, "kernel_size": 3, "stride": 1, "padding": 0,
                   "transpose": False}) == [4, 16]


def test_a_wrong_answer_is_caught() -> None:
    needs_torch()
    q = generate.from_code("mic.1.2.0")
    bad = replace(q, answer=replace(q.answer, value=358_000_000))
    with pytest.raises(AssertionError):
        check(bad)
