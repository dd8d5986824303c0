"""The ops' shortcuts for tiny inputs give exactly what the general routes give.

Question generation runs the ops on 4x4 maps thousands of times, so some of them take a
cheaper route there: pooling windows from one filled canvas, im2col as one strided copy,
the convolution matrix in one scatter. Each test rebuilds the general (or the former)
route and asks for identical arrays, bit for bit, not merely close ones.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from numpy.lib.stride_tricks import sliding_window_view

from cnnquiz.engine.ops import _util, conv, conv_matrix, max_unpool2d, pool
from cnnquiz.engine.ops.padding import check_fits, resolve_padding

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _same(a: np.ndarray, b: np.ndarray) -> None:
    assert a.shape == b.shape and a.dtype == b.dtype
    assert np.array_equal(a, b, equal_nan=True)
    assert np.array_equal(np.signbit(a), np.signbit(b))  # no -0.0 where the other has 0.0


@st.composite
def geometries(draw: st.DrawFn) -> tuple[np.ndarray, pool.PoolGeometry]:
    h, w = draw(st.integers(1, 7)), draw(st.integers(1, 7))
    k = (draw(st.integers(1, 4)), draw(st.integers(1, 4)))
    p = (draw(st.integers(0, k[0] // 2)), draw(st.integers(0, k[1] // 2)))
    s = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    d = (draw(st.integers(1, 2)), draw(st.integers(1, 2)))
    ceil = draw(st.booleans())
    try:
        g = pool.pool_geometry((h, w), k, s, p, d, ceil)
    except ValueError:
        g = pool.pool_geometry((h + 8, w + 8), k, s, p, d, ceil)
    n, c = draw(st.integers(1, 2)), draw(st.integers(1, 3))
    dtype = draw(st.sampled_from([np.float64, np.float32]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    return rng.normal(size=(n, c, *g.in_hw)).astype(dtype), g


def _windows_by_np_pad(x: np.ndarray, g: pool.PoolGeometry, fill: float) -> np.ndarray:
    """The former route: np.pad, sliding_window_view, then slicing strides and dilation."""
    extra = [max(0, int(g.starts(a)[-1]) + g.dilation[a] * (g.kernel[a] - 1) + 1 - g.in_hw[a])
             for a in (0, 1)]
    xp = np.pad(x, ((0, 0), (0, 0), (g.padding[0], extra[0]), (g.padding[1], extra[1])),
                constant_values=fill)
    span = [g.dilation[a] * (g.kernel[a] - 1) + 1 for a in (0, 1)]
    view = sliding_window_view(xp, (span[0], span[1]), axis=(2, 3))
    view = view[:, :, :: g.stride[0], :: g.stride[1], :: g.dilation[0], :: g.dilation[1]]
    return view[:, :, : g.out_hw[0], : g.out_hw[1]]


@SETTINGS
@given(geometries(), st.sampled_from([-np.inf, 0.0, -1.0]))
def test_pool_windows_match_np_pad_and_sliding_window_view(case: tuple, fill: float) -> None:
    x, g = case
    got, expected = pool.windows(x, g, fill), _windows_by_np_pad(x, g, fill)
    _same(got, expected)
    assert got.strides == expected.strides  # same layout, so reductions add in the same order
    assert not got.flags.writeable
    _same(got.max(axis=(-2, -1)), expected.max(axis=(-2, -1)))
    _same(got.sum(axis=(-2, -1)), expected.sum(axis=(-2, -1)))


@st.composite
def im2col_cases(draw: st.DrawFn) -> tuple:
    n, c = draw(st.integers(1, 2)), draw(st.integers(1, 3))
    h, w = draw(st.integers(1, 7)), draw(st.integers(1, 7))
    k = (draw(st.integers(1, 4)), draw(st.integers(1, 4)))
    s = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    d = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    pads = (draw(st.integers(0, 3)), draw(st.integers(0, 3)), draw(st.integers(0, 3)),
            draw(st.integers(0, 3)))
    span = (d[0] * (k[0] - 1) + 1, d[1] * (k[1] - 1) + 1)
    h, w = max(h, span[0]), max(w, span[1])
    out = check_fits((h, w), k, pads, s, d)
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    x = rng.normal(size=(n, c, h, w)).astype(draw(st.sampled_from([np.float64, np.float32])))
    return x, k, out, s, d, (pads[0], pads[2])


_SMALL = conv._SMALL_COLS


@SETTINGS
@given(im2col_cases())
def test_small_im2col_matches_the_per_tap_loop(case: tuple) -> None:
    x, k, out, s, d, top_left = case
    small = conv.im2col(x, k, out, s, d, top_left)
    conv._SMALL_COLS = 0  # force the loop over kernel taps
    try:
        looped = conv.im2col(x, k, out, s, d, top_left)
    finally:
        conv._SMALL_COLS = _SMALL
    _same(small, looped)
    assert small.flags.c_contiguous  # the matmul sees the same layout either way


def test_by_hand_sized_convolutions_take_the_small_route(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple] = []
    real = conv._im2col_small
    monkeypatch.setattr(conv, "_im2col_small", lambda *a: calls.append(a) or real(*a))
    conv.conv2d(np.ones((6, 6)), np.ones((3, 3)), padding=1)
    assert calls
    calls.clear()
    conv.conv2d(np.ones((3, 64, 64)), np.ones((8, 3, 3, 3)))  # a real layer: the per-tap loop
    assert not calls


def _conv_matrix_per_tap(in_hw: tuple[int, int], w: np.ndarray, s: tuple[int, int],
                         padding: tuple[int, int] | str, d: tuple[int, int], groups: int
                         ) -> np.ndarray:
    """The former route: one scatter per kernel tap."""
    o, depth, kh, kw = w.shape
    pads = resolve_padding(padding, in_hw, (kh, kw), s, d)
    ho, wo = check_fits(in_hw, (kh, kw), pads, s, d)
    m = np.zeros((o, ho, wo, depth * groups, in_hw[0], in_hw[1]), dtype=w.dtype)
    out_ch = np.arange(o)[:, None, None]
    in_ch = (np.arange(o) // (o // groups) * depth)[:, None, None] + np.arange(depth)[:, None]
    for i in range(kh):
        rows = np.arange(ho)[:, None] * s[0] - pads[0] + i * d[0]
        for j in range(kw):
            cols = np.arange(wo)[None, :] * s[1] - pads[2] + j * d[1]
            inside = (rows >= 0) & (rows < in_hw[0]) & (cols >= 0) & (cols < in_hw[1])
            oh, ow = np.nonzero(inside)
            m[out_ch, oh, ow, in_ch, rows[oh, 0], cols[0, ow]] = w[:, :, i, j][:, :, None]
    return m.reshape(o * ho * wo, depth * groups * in_hw[0] * in_hw[1])


@SETTINGS
@given(st.data())
def test_conv_matrix_matches_one_scatter_per_tap(data: st.DataObject) -> None:
    g = data.draw(st.integers(1, 2))
    o, depth = g * data.draw(st.integers(1, 2)), data.draw(st.integers(1, 2))
    k = (data.draw(st.integers(1, 3)), data.draw(st.integers(1, 3)))
    s = (data.draw(st.integers(1, 3)), data.draw(st.integers(1, 3)))
    d = (data.draw(st.integers(1, 2)), data.draw(st.integers(1, 2)))
    padding = data.draw(st.one_of(st.tuples(st.integers(0, 2), st.integers(0, 2)),
                                  st.sampled_from(["same", "full", "valid"])))
    span = (d[0] * (k[0] - 1) + 1, d[1] * (k[1] - 1) + 1)
    in_hw = (data.draw(st.integers(span[0], 7)), data.draw(st.integers(span[1], 7)))
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1)))
    w = rng.normal(size=(o, depth, *k))
    got = conv_matrix(in_hw, w, s, padding, d, g)
    _same(got, _conv_matrix_per_tap(in_hw, w, s, padding, d, g))


def test_strided_view_is_read_only_and_stays_inside_its_base() -> None:
    base = np.arange(12.0).reshape(3, 4)
    view = _util.strided_view(base, (2, 2, 2, 2), (32, 8, 32, 8))
    assert view[1, 1].tolist() == [[5.0, 6.0], [9.0, 10.0]]
    assert not view.flags.writeable
    with pytest.raises(ValueError):
        view[0, 0, 0, 0] = 1.0
    with pytest.raises(ValueError, match="incompatible"):
        _util.strided_view(base, (3, 3, 2, 2), (32, 8, 32, 8))  # would read past the end


@given(st.lists(st.sampled_from(["float32", "float64", "int64", "float16", ">f8"]),
                min_size=1, max_size=3))
def test_common_float_agrees_with_numpy_promotion(names: list[str]) -> None:
    arrays = [np.zeros(2, dtype=n) for n in names]
    assert _util.common_float(*arrays) == np.result_type(*arrays, np.float32)


@given(st.sampled_from([[1, 2], [1.5, 2.0], np.zeros(2, np.float32), np.zeros(2, ">f8"),
                        np.arange(3), [True, False]]))
def test_as_float_keeps_float32_and_float64_and_converts_the_rest(x: object) -> None:
    got = _util.as_float(x)
    arr = np.asarray(x)
    expected = arr.dtype if arr.dtype in (np.float32, np.float64) else np.dtype(np.float64)
    assert got.dtype == expected
    assert np.array_equal(got, arr.astype(expected))


@pytest.mark.parametrize(("value", "minimum", "expected"), [
    (3, 1, (3, 3)), (0, 0, (0, 0)), ((2, 3), 1, (2, 3)), ([4], 1, (4, 4)),
    (np.int64(2), 1, (2, 2)),
])
def test_pair_reads_ints_and_pairs(value: object, minimum: int, expected: tuple) -> None:
    got = _util.pair(value, "stride", minimum)  # type: ignore[arg-type]
    assert got == expected and all(type(v) is int for v in got)


@pytest.mark.parametrize("value", [0, -1, True, (1, 0), (1.0, 2), (1, 2, 3)])
def test_pair_rejects_what_torch_rejects(value: object) -> None:
    if value is True:  # a bool is an int to Python, and 1 >= 1: accepted like torch does
        assert _util.pair(value, "stride", 1) == (1, 1)  # type: ignore[arg-type]
        return
    with pytest.raises(ValueError):
        _util.pair(value, "stride", 1)  # type: ignore[arg-type]


def _max_indices_by_index_windows(g: pool.PoolGeometry, win: np.ndarray, vals: np.ndarray
                                  ) -> np.ndarray:
    """The former route: a second set of windows over the flat indices, read at argmax."""
    h, w = g.in_hw
    flat = np.arange(h * w, dtype=np.float64).reshape(1, 1, h, w)
    idx_win = pool.windows(flat, g, -1.0)
    n, c, ho, wo, kh, kw = win.shape
    pos = win.reshape(n, c, ho, wo, kh * kw).argmax(axis=-1)
    idx = np.take_along_axis(idx_win.reshape(1, 1, ho, wo, kh * kw), pos[..., None], -1)[..., 0]
    first = [np.where(s < 0, s + (-s + d - 1) // d * d, s)
             for s, d in ((g.starts(0), g.dilation[0]), (g.starts(1), g.dilation[1]))]
    start_idx = first[0][:, None] * w + first[1][None, :]
    return np.where(vals == -np.inf, start_idx, idx).astype(np.int64)


@SETTINGS
@given(geometries(), st.integers(0, 2**32 - 1), st.sampled_from([0.0, 0.3, 1.0]))
def test_max_indices_match_the_index_windows(case: tuple, seed: int, special: float) -> None:
    x, g = case
    rng = np.random.default_rng(seed)
    x = x.copy()
    # ties, -inf cells (whole windows of them too) and NaN, where argmax rules matter
    x[rng.random(x.shape) < special * 0.5] = -np.inf
    x[rng.random(x.shape) < special * 0.2] = 1.0
    x[rng.random(x.shape) < special * 0.05] = np.nan
    win = pool.windows(x, g, -np.inf)
    vals = win.max(axis=(-2, -1))
    got, expected = pool._max_indices(g, win, vals), _max_indices_by_index_windows(g, win, vals)
    _same(got, expected)


def _unpool_by_put_along_axis(x: np.ndarray, idx: np.ndarray, k: int) -> np.ndarray:
    """The former route: np.put_along_axis into zeros."""
    n, c, h, w = x.shape
    out = np.zeros((n, c, h * k * w * k), dtype=x.dtype)
    np.put_along_axis(out, idx.reshape(n, c, -1).astype(np.int64), x.reshape(n, c, -1), axis=-1)
    return out.reshape(n, c, h * k, w * k)


@SETTINGS
@given(st.integers(1, 2), st.integers(1, 3), st.integers(1, 3), st.integers(1, 3),
       st.integers(1, 3), st.integers(0, 2**32 - 1), st.booleans())
def test_max_unpool2d_matches_put_along_axis(n: int, c: int, h: int, w: int, k: int,
                                             seed: int, repeat: bool) -> None:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, c, h, w))
    cells = h * k * w * k
    # distinct positions like max_pool2d gives, or repeated ones (the last write wins)
    idx = (rng.integers(0, min(cells, 3), size=x.shape) if repeat
           else np.stack([rng.permutation(cells)[: h * w] for _ in range(n * c)]).reshape(x.shape))
    _same(max_unpool2d(x, idx, k), _unpool_by_put_along_axis(x, idx, k))


def _avg_divisors_plain(g: pool.PoolGeometry, count_include_pad: bool) -> np.ndarray:
    """Each window's divisor counted cell by cell: the window clipped to the padded input
    (count_include_pad) or to the input itself."""
    h, w = g.in_hw
    (kh, kw), (ph, pw) = g.kernel, g.padding
    lo = (-ph, -pw) if count_include_pad else (0, 0)
    hi = (h + ph, w + pw) if count_include_pad else (h, w)
    out = np.zeros(g.out_hw, dtype=np.int64)
    for i, r0 in enumerate(g.starts(0).tolist()):
        for j, c0 in enumerate(g.starts(1).tolist()):
            out[i, j] = sum(lo[0] <= r < hi[0] and lo[1] <= c < hi[1]
                            for r in range(r0, r0 + kh) for c in range(c0, c0 + kw))
    return out


@SETTINGS
@given(geometries(), st.booleans())
def test_cached_avg_divisors_count_the_window_cells(case: tuple, count_include_pad: bool) -> None:
    _, g = case
    if g.dilation != (1, 1):
        return  # average pooling has no dilation
    for _ in range(2):  # the second from the cache
        got = pool.avg_divisors(g, count_include_pad)
        _same(got, _avg_divisors_plain(g, count_include_pad))
        assert not got.flags.writeable
