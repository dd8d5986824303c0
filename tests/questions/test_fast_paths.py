"""The templates' shortcuts give what the plain computation gives.

Question generation has a speed target (benchmarks/bench_questions.py), so the helpers
every template calls take shortcuts: cached number formatting, cached stack analysis,
counting a convolution matrix from its 1-D factor, a value-only output size in searches.
Each test states the plain computation and asks for the same result.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnnquiz.engine import arith, ops, spec
from cnnquiz.engine.explain import Calc
from cnnquiz.engine.network import analyze
from cnnquiz.errors import SpecError
from cnnquiz.questions.template import _norm
from cnnquiz.questions.templates import (
    backprop,
    common,
    conv_as_fc,
    costs_common,
    find_setting,
    hand_common,
    pooling_hand,
    receptive_field,
)


def _plain_ref(x: object) -> int | float:
    v = float(x)  # type: ignore[arg-type]
    r = round(v)
    return int(r) if abs(v - r) < 1e-9 else round(v, 10)


def _fmt_ref(x: object, digits: int = 6) -> str:
    if isinstance(x, float) and math.isinf(x):
        return "-inf" if x < 0 else "inf"
    v = _plain_ref(x)
    return str(v) if isinstance(v, int) else f"{v:.{digits}g}"


numbers = st.one_of(
    st.integers(-(2**60), 2**60),
    st.floats(allow_nan=False, width=64),
    st.floats(-1e6, 1e6).map(lambda v: round(v, 3)),
    st.integers(-50, 50).map(float),
    st.integers(-50, 50).map(lambda v: v + 1e-11),
    st.sampled_from([0.0, -0.0, math.inf, -math.inf, 1e300, -1e-300]),
)


@given(numbers, st.sampled_from([6, 4, 12]), st.sampled_from([float, np.float64, np.int64]))
def test_fmt_prints_what_the_plain_rule_prints(x: float, digits: int, kind: type) -> None:
    if kind is np.int64:
        if not isinstance(x, int) or abs(x) >= 2**63:
            return
    elif isinstance(x, int):
        kind = int
    value = kind(x)
    for _ in range(2):  # the second call may come from the cache
        assert _outcome(hand_common.fmt, value, digits) == _outcome(_fmt_ref, value, digits)
        assert _outcome(hand_common.plain, value) == _outcome(_plain_ref, value)


def _outcome(fn: object, *args: object) -> tuple[object, ...]:
    """What a call returns (value and type), or which exception it raises."""
    try:
        out = fn(*args)  # type: ignore[operator]
    except (ValueError, OverflowError) as e:
        return ("raised", type(e))
    return ("returned", out, type(out))


def test_fmt_caches_zero_and_minus_zero_as_one_text() -> None:
    assert hand_common.fmt(-0.0) == hand_common.fmt(0.0) == hand_common.fmt(np.float64(-0.0)) == "0"
    assert hand_common.fmt(2.0000000000001) == hand_common.fmt(2.0) == "2"


def test_fmt_of_nan_still_raises_and_is_never_cached() -> None:
    for _ in range(2):
        with pytest.raises(ValueError):
            hand_common.fmt(math.nan)
    assert not any(isinstance(k, float) and math.isnan(k) for k in hand_common._FMT_CACHE)


@given(st.lists(st.lists(numbers.filter(lambda v: abs(v) < 1e15), min_size=2, max_size=2),
                min_size=1, max_size=3))
def test_to_list_grid_vec_and_sums_match_the_plain_rules(rows: list[list[float]]) -> None:
    a = np.asarray(rows, dtype=np.float64)
    integral = np.all(np.abs(a - np.round(a)) < 1e-9)
    expected = np.round(a).astype(np.int64).tolist() if integral else np.round(a, 10).tolist()
    assert hand_common.to_list(rows) == expected
    cells = [[_fmt_ref(float(x)) for x in row] for row in a]
    width = max(len(c) for row in cells for c in row)
    assert hand_common.grid(a) == "```\n" + "\n".join(
        "  ".join(c.rjust(width) for c in row) for row in cells) + "\n```"
    assert hand_common.vec(a[0]) == "[" + ", ".join(_fmt_ref(x) for x in a[0]) + "]"
    terms = [_fmt_ref(x) for x in a[0]]
    assert hand_common.sum_text(a[0]) == " + ".join(f"({s})" if s[0] == "-" else s for s in terms)


def _norm_ref(v: object) -> object:
    if type(v) is int or type(v) is str:
        return v
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, (list, tuple)):
        return tuple(_norm_ref(x) for x in v)
    if isinstance(v, dict):
        return tuple(sorted((k, _norm_ref(x)) for k, x in v.items()))
    return v


answers = st.recursive(
    st.one_of(st.integers(-3, 3), st.sampled_from([1.0, 2.0, -0.0, 0.5, "B", True])),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.lists(inner, max_size=3).map(tuple),
                            st.dictionaries(st.sampled_from("ab"), inner, max_size=2)),
    max_leaves=8,
)


@given(answers, answers)
def test_equal_answers_share_a_key_exactly_when_they_did_before(a: object, b: object) -> None:
    """Mistakes equal to the answer (or to an earlier mistake) are dropped by this key."""
    assert (_norm(a) in {_norm(b)}) == (_norm_ref(a) in {_norm_ref(b)})
    hash(_norm(a))


STACKS = ["conv(8,k=3,p=1) -> maxpool(2) -> conv(16,k=3) -> flatten -> linear(10)",
          "conv(4,k=5,s=2) -> avgpool(2,ceil=true)", "conv(6,k=3,p=same) -> relu"]


@pytest.mark.parametrize("spec", STACKS)
def test_cached_network_summaries_equal_a_fresh_analysis(spec: str) -> None:
    first = common.net(spec, (3, 28, 28))
    assert common.net(spec, [3, 28, 28]) is first  # type: ignore[arg-type]
    fresh = analyze(spec, (3, 28, 28))
    assert first.to_json() == fresh.to_json()
    for a, b in zip(first.rows, fresh.rows, strict=True):
        assert a.explain == b.explain and a.start == b.start and a.pad == b.pad


def test_an_invalid_stack_raises_every_time() -> None:
    from cnnquiz.errors import SpecError

    for _ in range(2):
        with pytest.raises(SpecError):
            common.net("conv(8,k=7)", (3, 4, 4))


@given(st.integers(1, 40), st.sampled_from([1, 2, 3, 5]), st.integers(1, 3), st.integers(0, 2))
def test_conv_matrix_counts_equal_those_of_the_full_matrix(n: int, k: int, s: int, p: int) -> None:
    try:
        c = ops.conv_matrix(n, np.ones((k, k)), s, p)
    except ValueError:
        with pytest.raises(ValueError):
            conv_as_fc._matrix_counts(n, k, s, p)
        return
    assert conv_as_fc._matrix_counts(n, k, s, p) == {
        "rows": c.shape[0], "cols": c.shape[1], "nonzeros": int(np.count_nonzero(c)),
        "nonzeros_per_row": int(np.count_nonzero(c[0]))}


@given(st.sampled_from(["padding", "stride", "kernel_size", "dilation"]), st.integers(5, 80),
       st.integers(1, 80), st.sampled_from([1, 3, 5, 7]), st.integers(1, 3), st.integers(0, 4),
       st.integers(1, 4), st.booleans(), st.booleans())
def test_solve_finds_the_smallest_setting_conv_out_agrees_with(
        unknown: str, n: int, target: int, k: int, s: int, p: int, d: int, one_side: bool,
        span_dk: bool) -> None:
    """The plain search: every value in turn (solve stops once the output passed the target)."""
    cfg = {"kernel_size": k, "stride": s, "padding": p, "dilation": d}
    expected = None
    for v in range(0 if unknown == "padding" else 1, n + 64):
        c = {**cfg, unknown: v}
        pads = c["padding"] if one_side else 2 * c["padding"]
        if span_dk:
            span = c["dilation"] * c["kernel_size"]
            if n + pads >= span and (n + pads - span) // c["stride"] + 1 == target:
                expected = v
                break
            continue
        if n + pads < c["dilation"] * (c["kernel_size"] - 1) + 1:
            continue
        pad = (c["padding"], 0) if one_side else c["padding"]
        if arith.conv_out(n, c["kernel_size"], c["stride"], pad, c["dilation"]).value == target:
            expected = v
            break
    assert find_setting.solve(unknown, n, target, cfg, one_side=one_side,
                              span_dk=span_dk) == expected


@given(st.lists(st.lists(numbers.filter(lambda v: abs(v) < 1e15), min_size=3, max_size=3),
                min_size=1, max_size=3), st.integers(1, 3))
def test_unpool_copied_to_window_is_the_kronecker_product(rows: list[list[float]], k: int) -> None:
    y = np.asarray(rows, dtype=np.float64)
    got, expected = pooling_hand.copied_to_window(y, k), np.kron(y, np.ones((k, k)))
    assert got.dtype == expected.dtype and np.array_equal(got, expected)
    assert np.array_equal(np.signbit(got), np.signbit(expected))
    assert hand_common.to_list(got) == hand_common.to_list(expected)


@given(st.integers(1, 400), st.integers(1, 64), st.integers(-400, 400), st.integers(1, 300),
       st.sampled_from([64, 224]))
def test_units_inside_are_those_the_plain_scan_finds(r: int, j: int, start2: int, units: int,
                                                      size: int) -> None:
    rf = costs_common.Field(r, j, start2 / 2)
    expected = [i for i in range(units) if (w := receptive_field._window(rf, i)) is not None
                and w[0] >= 0 and w[1] <= size - 1]
    assert receptive_field.units_inside(rf, units, size) == expected


LAYER_TEXTS = ["conv(64,k=3,p=1)", " conv( 64, k = 3x3 , p=same) ", "maxpool(k=3,s=2,p=1,ceil=true)",
               "relu", "linear(10)", "conv(64,k=3,q=1)", "conv(k=3)", "pool(2)", "conv(0,k=3)",
               "dropout(0.2)", "upsample(scale=2)"]


@pytest.mark.parametrize("text", LAYER_TEXTS)
def test_a_layer_text_read_once_means_the_same_at_every_position(text: str) -> None:
    """parse_layer caches a text's meaning across positions; errors still name the position."""
    for index in (1, 3, 1, 7, 3):
        try:
            expected = spec._parse_layer(text, index)  # the plain, uncached reading
        except SpecError as e:
            with pytest.raises(SpecError) as got:
                spec.parse_layer(text, index)
            assert str(got.value) == str(e) and f"layer {index} " in str(e)
            continue
        assert spec.parse_layer(text, index) == expected


@given(st.integers(1, 12), st.integers(1, 4), st.integers(1, 3), st.integers(0, 2),
       st.integers(1, 3), st.integers(0, 12), st.integers(0, 12))
def test_conv_inputs_are_the_nonzeros_of_a_row_of_the_full_matrix(
        n: int, k: int, s: int, p: int, d: int, i: int, j: int) -> None:
    """The plain route: build C for the n x n input and read the row of output (i, j)."""
    try:
        c = ops.conv_matrix(n, np.ones((k, k)), s, p, d)
    except ValueError:
        assert conv_as_fc._inputs(n, k, s, p, d, (i, j)) is None
        return
    ho = int(arith.conv_out(n, k, s, p, d).value)
    expected = None if i >= ho or j >= ho else [int(x) + 1 for x in np.flatnonzero(c[i * ho + j])]
    for _ in range(2):  # the second time from the cache
        assert conv_as_fc._inputs(n, k, s, p, d, (i, j)) == expected


def _rf_walk_by_rf_step(layers: str, *, dilation: bool = True, stride: bool = True,
                        own_stride: bool = False, padding: bool = True) -> arith.RF:
    """The former route: the engine's rf_step (explained Calcs) layer by layer."""
    rf = arith.rf_input()
    for layer in spec.parse(layers):
        a = layer.args
        if layer.kind not in ("conv", "maxpool", "avgpool"):
            continue
        k, s = a["k"][0], a["s"][0] if stride else 1
        d = a.get("d", (1, 1))[0] if dilation else 1
        p = a["p"][0] if isinstance(a["p"], tuple) and padding else 0
        right = arith.rf_step(rf, k, s, p, d)
        if own_stride:
            wrong = arith.rf_step(arith.RF(rf.r, Calc(rf.j.value * s, "", ""), rf.start), k, 1, p, d)
            right = arith.RF(wrong.r, right.j, right.start)
        rf = right
    return rf


_RF_LAYERS = st.one_of(
    st.builds(lambda k, s, p, d: costs_common.conv_text(8, k, s=s, ph=p, d=d),
              st.sampled_from([1, 3, 5, 7]), st.integers(1, 3), st.integers(0, 3), st.integers(1, 4)),
    st.sampled_from(["maxpool(2)", "maxpool(3,s=2,p=1)", "avgpool(2)", "relu", "bn"]))


@given(st.lists(_RF_LAYERS, min_size=1, max_size=6), st.booleans(), st.booleans(), st.booleans(),
       st.booleans())
def test_rf_walk_gives_the_values_of_the_rf_step_recursion(
        layers: list[str], dilation: bool, stride: bool, own_stride: bool, padding: bool) -> None:
    text = " -> ".join(layers)
    flags = {"dilation": dilation, "stride": stride, "own_stride": own_stride, "padding": padding}
    got, expected = costs_common.rf_walk(text, **flags), _rf_walk_by_rf_step(text, **flags)
    assert got == (expected.r.value, expected.j.value, expected.start.value)
    assert [type(v) for v in got] == [type(expected.r.value), type(expected.j.value),
                                      type(expected.start.value)]


_SMALL_INTS = st.integers(-6, 6)


@given(st.integers(1, 4), st.integers(1, 4), st.data(), st.booleans())
def test_linear_is_the_engines_1x1_convolution(n_in: int, n_out: int, data: st.DataObject,
                                               bias: bool) -> None:
    """backprop.linear against the plain route: conv2d of a C x 1 x 1 input, 1x1 kernels."""
    x = data.draw(st.lists(_SMALL_INTS.map(float), min_size=n_in, max_size=n_in))
    w = data.draw(st.lists(st.lists(_SMALL_INTS, min_size=n_in, max_size=n_in),
                           min_size=n_out, max_size=n_out))
    b = data.draw(st.lists(_SMALL_INTS, min_size=n_out, max_size=n_out)) if bias else None
    xa, wa = np.asarray(x, dtype=float), np.asarray(w, dtype=float)
    expected = ops.conv2d(xa[:, None, None], wa[:, :, None, None], b)[:, 0, 0]
    got = backprop.linear(x, w, b)
    assert got.dtype == expected.dtype and np.array_equal(got, expected)
    assert hand_common.to_list(got) == hand_common.to_list(expected)
    assert [hand_common.fmt(v) for v in got] == [hand_common.fmt(v) for v in expected]
