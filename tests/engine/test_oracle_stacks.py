"""Random layer stacks: shapes, parameter counts, MACs and rejections against PyTorch."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st

from cnnquiz.engine.network import analyze
from cnnquiz.engine.spec import parse
from cnnquiz.errors import SpecError

torch = pytest.importorskip("torch")
from torch.utils.flop_counter import FlopCounterMode  # noqa: E402

from tests.engine.torch_build import run_stack  # noqa: E402

pytestmark = [pytest.mark.oracle,
              pytest.mark.filterwarnings("ignore:Initializing zero-element tensors")]

small = st.integers(1, 4)


@cache  # built once: a strategy made afresh on every draw cost half this test's time
def size(lo: int, hi: int) -> st.SearchStrategy[str]:
    square = st.integers(lo, hi).map(str)
    pair = st.tuples(st.integers(lo, hi), st.integers(lo, hi)).map(lambda t: f"{t[0]}x{t[1]}")
    return st.one_of(square, square, pair)


conv_groups = st.sampled_from([1, 1, 1, 2, 4])
conv_padding = st.one_of(size(0, 3), st.sampled_from(["valid", "same", "full"]))


@st.composite
def conv(draw: st.DrawFn) -> str:
    g = draw(conv_groups)
    out = g * draw(st.integers(1, 4))
    p = draw(conv_padding)
    bias = draw(st.booleans())
    return (f"conv({out},k={draw(size(1, 5))},s={draw(size(1, 3))},p={p},"
            f"d={draw(size(1, 3))},g={g},bias={str(bias).lower()})")


convT_groups = st.sampled_from([1, 1, 2])


@st.composite
def convT(draw: st.DrawFn) -> str:
    g = draw(convT_groups)
    return (f"convT({g * draw(small)},k={draw(size(1, 4))},s={draw(size(1, 3))},"
            f"p={draw(size(0, 2))},op={draw(size(0, 2))},d={draw(size(1, 2))},g={g})")


pool_kind = st.sampled_from(["maxpool", "avgpool"])


@st.composite
def pool(draw: st.DrawFn) -> str:
    kind = draw(pool_kind)
    k = draw(st.integers(1, 4))
    extra = f",d={draw(small)}" if kind == "maxpool" and draw(st.booleans()) else ""
    return (f"{kind}({k},s={draw(st.integers(1, 3))},p={draw(st.integers(0, 2))}"
            f"{extra},ceil={str(draw(st.booleans())).lower()})")


simple = st.sampled_from(["relu", "bn", "tanh", "sigmoid", "dropout(0.3)", "pixelshuffle(2)",
                          "upsample(2)", "upsample(1.5)", "adaptiveavgpool(3)", "adaptiveavgpool(2x1)",
                          "gelu", "hardswish", "adaptivemaxpool(2x3)"])
layer = st.one_of(conv(), conv(), convT(), pool(), pool(), simple)
tail = st.sampled_from(["", "-> flatten", "-> linear(7)", "-> flatten -> bn -> linear(3,bias=false)"])


layer_lists = st.lists(layer, min_size=1, max_size=5)
channels = st.sampled_from([1, 2, 3, 4, 8])


@st.composite
def stack(draw: st.DrawFn) -> tuple[str, tuple[int, int, int]]:
    layers = draw(layer_lists)
    spec = " -> ".join(layers) + " " + draw(tail)
    c = draw(channels)
    return spec, (c, draw(st.integers(1, 40)), draw(st.integers(1, 40)))


@settings(max_examples=3000)
@given(stack())
def test_random_stacks_match_pytorch(case: tuple[str, tuple[int, int, int]]) -> None:
    spec, shape = case
    note(f"{spec} on {shape}")
    layers = parse(spec)
    try:
        ours = analyze(layers, shape)
    except SpecError as exc:
        ours, why = None, str(exc)
    try:
        with FlopCounterMode(display=False) as flops:
            shapes, params, _ = run_stack(layers, shape, device="cpu")
        if any(0 in s for s in shapes):  # an empty output: the contract rejects it too
            raise RuntimeError(f"empty output {shapes}")
    except Exception as exc:  # PyTorch rejects it (an empty tensor fails in many ways)
        assert ours is None, f"PyTorch rejects what cnnquiz accepts: {exc}"
        return
    assert ours is not None, f"cnnquiz rejects what PyTorch accepts: {why}"
    assert [r.output for r in ours.rows] == shapes
    assert [r.params for r in ours.rows] == params
    assert ours.total_macs == flops.get_total_flops() // 2
