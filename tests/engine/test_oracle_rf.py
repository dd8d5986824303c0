"""Receptive field, jump and start checked independently: the gradient of one output unit
with respect to the input is non-zero exactly on that unit's field."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, note, settings
from hypothesis import strategies as st

from cnnquiz.engine.network import analyze
from cnnquiz.engine.spec import parse
from cnnquiz.errors import SpecError

torch = pytest.importorskip("torch")
from tests.engine.torch_build import module_for  # noqa: E402

pytestmark = pytest.mark.oracle


@st.composite
def window_layer(draw: st.DrawFn) -> str:
    k, s = draw(st.integers(1, 5)), draw(st.integers(1, 3))
    if draw(st.booleans()):
        d = draw(st.integers(1, 3))
        p = draw(st.one_of(st.integers(0, 3).map(str), st.sampled_from(["same", "valid", "full"])))
        return f"conv(2,k={k},s={s},p={p},d={d},bias=false)"
    p = draw(st.integers(0, k // 2))
    # average pooling: its gradient reaches every pixel of the window (max pooling's does not)
    return f"avgpool({k},s={s},p={p},ceil={str(draw(st.booleans())).lower()})"


def field_from_gradient(spec: str, h: int, i: int) -> tuple[int, int]:
    x = torch.ones((1, 2, h, h), dtype=torch.float64, requires_grad=True)
    y = x
    for layer in parse(spec):
        m = module_for(layer, y).double()
        for p in m.parameters():
            torch.nn.init.ones_(p)
        y = m(y)
    y[0, 0, i, y.shape[-1] // 2].backward()
    rows = (x.grad[0].abs().sum(dim=(0, 2)) > 0).nonzero().flatten()
    return int(rows.min()), int(rows.max())


@settings(max_examples=400)
@given(st.lists(window_layer(), min_size=1, max_size=4), st.integers(24, 80), st.data())
def test_field_matches_gradient_support(layers: list[str], h: int, data: st.DataObject) -> None:
    spec = " -> ".join(layers)
    try:
        last = analyze(spec, (2, h, h)).rows[-1]
    except SpecError:
        assume(False)
        return
    assert last.rf is not None and last.jump is not None and last.start is not None
    i = data.draw(st.integers(0, last.output[1] - 1))
    lo = last.start + i * last.jump - (last.rf - 1) / 2
    hi = lo + last.rf - 1
    assume(lo >= 0 and hi <= h - 1)  # a field clipped by the border is not the full window
    note(f"{spec} on H={h}, unit {i}: field [{lo}, {hi}]")
    assert field_from_gradient(spec, h, i) == (lo, hi)
