"""The worked steps the shape engine prints: each expected line spelled out here, so a
change in what a solution prints fails a test."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cnnquiz.engine import arith
from cnnquiz.engine.network import analyze

sizes, kernels, strides = st.integers(1, 300), st.integers(1, 11), st.integers(1, 4)
pads, dils = st.integers(0, 5), st.integers(1, 4)


@given(sizes, kernels, strides, st.one_of(pads, st.tuples(pads, pads)), dils)
def test_conv_out_prints_its_formula_with_the_numbers(n: int, k: int, s: int,
                                                      p: int | tuple[int, int], d: int) -> None:
    pl, pr = (p, p) if isinstance(p, int) else p
    ptxt, pnum = ("2P", f"2*{pl}") if pl == pr else ("P_l + P_r", f"{pl} + {pr}")
    c = arith.conv_out(n, k, s, p, d)
    assert c.value == (n + pl + pr - d * (k - 1) - 1) // s + 1
    if d == 1:
        assert (c.formula, c.numbers) == (f"floor((W - K + {ptxt})/S) + 1",
                                          f"floor(({n} - {k} + {pnum})/{s}) + 1")
    else:
        assert (c.formula, c.numbers) == (f"floor((W + {ptxt} - D(K-1) - 1)/S) + 1",
                                          f"floor(({n} + {pnum} - {d}*({k}-1) - 1)/{s}) + 1")


@given(sizes, kernels, strides, st.integers(0, 2), dils)
def test_pool_out_without_ceil_prints_its_formula(n: int, k: int, s: int, p: int, d: int) -> None:
    c = arith.pool_out(n, k, s, p, d)
    assert c.value == (n + 2 * p - d * (k - 1) - 1) // s + 1
    dk, dnum = ("K", f"{k}") if d == 1 else ("D(K-1) - 1", f"{d}*({k}-1) - 1")
    assert c.formula == f"floor((W + 2P - {dk})/S) + 1"
    assert c.numbers == f"floor(({n} + 2*{p} - {dnum})/{s}) + 1"


@given(st.integers(1, 512), st.integers(1, 512), kernels, kernels, st.sampled_from([1, 2, 4]),
       st.booleans())
def test_conv_params_prints_every_factor(cin: int, cout: int, kh: int, kw: int, g: int,
                                         bias: bool) -> None:
    c = arith.conv_params(cin * g, cout * g, kh, kw, g, bias)
    gtxt, gnum = ("C_in", f"{cin}") if g == 1 else ("(C_in/g)", f"({cin * g}/{g})")
    formula, numbers = f"C_out*{gtxt}*K*K", f"{cout * g}*{gnum}*{kh}*{kw}"
    weights = cout * g * cin * kh * kw
    if bias:
        assert (c.value, c.formula, c.numbers) == (weights + cout * g, formula + " + C_out",
                                                   f"{numbers} + {cout * g}")
    else:
        assert (c.value, c.formula, c.numbers) == (weights, formula, numbers)
    assert str(c) == f"{c.formula} = {c.numbers} = {c.value}"


@given(st.lists(st.tuples(st.sampled_from([1, 3, 5, 7]), st.integers(1, 3), st.integers(0, 3),
                          dils), min_size=1, max_size=5))
def test_rf_step_prints_the_recursion(layers: list[tuple[int, int, int, int]]) -> None:
    rf = arith.rf_input()
    for k, s, p, d in layers:
        r0, j0, st0 = rf.r.value, rf.j.value, rf.start.value
        rf = arith.rf_step(rf, k, s, p, d)
        dtxt, dnum = ("", "") if d == 1 else ("*D", f"*{d}")
        assert (rf.r.value, rf.r.formula, rf.r.numbers) == (
            r0 + (k - 1) * d * j0, f"r_prev + (K-1){dtxt}*j_prev", f"{r0} + ({k}-1){dnum}*{j0}")
        assert (rf.j.value, rf.j.numbers) == (j0 * s, f"{j0}*{s}")
        start = str(int(st0)) if float(st0).is_integer() else str(st0)
        assert rf.start.numbers == f"{start} + ({d}*({k}-1)/2 - {p})*{j0}"
        assert rf.start.value == st0 + (d * (k - 1) / 2 - p) * j0


def test_a_network_row_carries_the_layer_and_its_receptive_field() -> None:
    rows = analyze("conv(8,k=3,s=2,p=1) -> relu -> maxpool(2) -> flatten -> linear(10)",
                   (3, 32, 32)).rows
    conv, relu, pool = rows[0], rows[1], rows[2]
    assert (conv.index, conv.spec, conv.type, conv.output) == (1, "conv(8,k=3,s=2,p=1)", "conv",
                                                               (8, 16, 16))
    assert (conv.params, conv.macs, conv.rf, conv.jump, conv.start, conv.pad) == (
        8 * 3 * 9 + 8, 16 * 16 * 8 * 3 * 9, 3, 2, 0.0, (1, 1))
    assert list(conv.explain) == ["H", "W", "params", "macs", "rf", "jump"]
    assert str(conv.explain["H"]) == "floor((W - K + 2P)/S) + 1 = floor((32 - 3 + 2*1)/2) + 1 = 16"
    assert (relu.rf, relu.jump, relu.explain) == (3, 2, {"rf": conv.explain["rf"],
                                                         "jump": conv.explain["jump"]})
    assert (pool.output, pool.rf, pool.jump, pool.start) == ((8, 8, 8), 5, 4, 1.0)
    assert (rows[3].rf, rows[4].rf, rows[4].output, rows[4].depth) == (None, None, (10,), 0)
