"""`cnnquiz demo OP --json` against PyTorch: random small cases of every operation, typed
as a user would type the matrices; PyTorch rejecting a case means the demo rejects it
too. The frames are checked against the grid they index, and transposed convolution's
two views against each other."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cnnquiz.demos import Demo, DemoRequest, build
from tests.cli.conftest import Invoke

torch = pytest.importorskip("torch")
from tests.engine.torch_build import as_tensor  # noqa: E402

F = torch.nn.functional
pytestmark = pytest.mark.oracle
# 60 cases of each of 6 tests: a few hundred in all (the fixture only sets the environment)
SETTINGS = settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
values = st.integers(-5, 9).map(float) | st.sampled_from([0.5, -1.5, 2.25])


def _matrix(a: np.ndarray) -> str:
    return " | ".join("; ".join(" ".join(f"{v:g}" for v in row) for row in ch) for ch in a)


@st.composite
def arrays(draw: st.DrawFn, c: int, h: int, w: int) -> np.ndarray:
    flat = draw(st.lists(values, min_size=c * h * w, max_size=c * h * w))
    return np.array(flat).reshape(c, h, w)


def _run(invoke: Invoke, *args: str) -> dict[str, Any] | None:
    """The JSON of a demo, or None when it was rejected (with one line, exit 1)."""
    out = invoke("demo", *args, "--json")
    if out.code == 1:
        assert out.error is not None and "\n" not in out.error
        return None
    assert out.code == 0, out.stdout
    data: dict[str, Any] = json.loads(out.stdout)
    return data


def _torch(fn: Any, *args: Any, **kwargs: Any) -> np.ndarray | None:
    try:
        y: np.ndarray = fn(*args, **kwargs).numpy()
        return y
    except RuntimeError:
        return None


def _agree(data: dict[str, Any] | None, expected: np.ndarray | None) -> None:
    assert (data is None) == (expected is None), (data, expected)
    if data is not None and expected is not None:
        out = np.array(data["output"])
        assert out.shape == expected.shape
        np.testing.assert_allclose(out, expected, atol=1e-9)
        assert {tuple(f["out"]) for f in data["frames"]} == set(np.ndindex(*out.shape))
        for f in data["frames"]:
            assert out[tuple(f["out"])] == pytest.approx(f["value"], abs=1e-9)


def _frames_read_the_grid(demo: Demo) -> None:
    """Each frame's taps are the grid cells its window names (every d-th one)."""
    for f in demo.frames:
        cells = demo.taps(f)
        rows, cols = [r for r, _ in cells], [c for _, c in cells]
        read = demo.grid[:, rows, cols] if f.products is not None else demo.grid[f.channel][
            rows, cols]
        np.testing.assert_array_equal(read.ravel(), np.asarray(f.taps).ravel())
    np.testing.assert_array_equal(demo.frames[-1].canvas, demo.output)


def _pads(mode: str, n: int, k: int, s: int, d: int) -> tuple[int, int]:
    span = d * (k - 1) + 1
    if mode == "valid":
        return 0, 0
    if mode == "full":
        return span - 1, span - 1
    total = max((-(-n // s) - 1) * s + span - n, 0)
    return total // 2, total - total // 2


@SETTINGS
@given(st.data(), st.integers(1, 2), st.integers(1, 6), st.integers(1, 6), st.integers(1, 3),
       st.integers(1, 3), st.sampled_from(["0", "1", "2", "valid", "same", "full"]),
       st.integers(1, 2))
def test_conv(invoke: Invoke, data: st.DataObject, c: int, h: int, w: int, k: int, s: int,
              p: str, d: int) -> None:
    x, kern = data.draw(arrays(c, h, w)), data.draw(arrays(c, k, k))
    got = _run(invoke, "conv", "--x", _matrix(x), "--w", _matrix(kern), "--stride", str(s),
               "--padding", p, "--dilation", str(d))
    xt = as_tensor(x)[None]
    if p.isdigit():
        expected = _torch(F.conv2d, xt, as_tensor(kern)[None], None, s, int(p), d)
    else:
        (top, bottom), (left, right) = _pads(p, h, k, s, d), _pads(p, w, k, s, d)
        xt = F.pad(xt, (left, right, top, bottom))
        expected = _torch(F.conv2d, xt, as_tensor(kern)[None], None, s, 0, d)
    _agree(got, None if expected is None else expected[0, 0])
    if got is not None:
        _frames_read_the_grid(build(DemoRequest("conv", _matrix(x), _matrix(kern), stride=s,
                                                padding=p, dilation=d)))


@SETTINGS
@given(st.data(), st.integers(1, 8), st.integers(1, 4), st.integers(1, 3),
       st.sampled_from(["0", "1", "2", "valid", "same", "full"]), st.integers(1, 2),
       st.booleans())
def test_conv1d_is_torchs_conv1d(invoke: Invoke, data: st.DataObject, n: int, k: int, s: int,
                                 p: str, d: int, flip: bool) -> None:
    """The two-trains demo equals F.conv1d; --flip equals it with the kernel reversed
    (numpy.convolve's convolution)."""
    x, kern = data.draw(arrays(1, 1, n))[0, 0], data.draw(arrays(1, 1, k))[0, 0]
    args = ["--stride", str(s), "--padding", p, "--dilation", str(d)] + (
        ["--flip"] if flip else [])
    got = _run(invoke, "conv1d", "--x", " ".join(f"{v:g}" for v in x),
               "--w", " ".join(f"{v:g}" for v in kern), *args)
    xt, wt = as_tensor(x)[None, None], as_tensor(kern[::-1] if flip else kern)[None, None]
    if p.isdigit():
        expected = _torch(F.conv1d, xt, wt, None, s, int(p), d)
    else:
        expected = _torch(F.conv1d, F.pad(xt, _pads(p, n, k, s, d)), wt, None, s, 0, d)
    _agree(got, None if expected is None else expected[0, 0])
    if got is not None:
        assert got["x"] == x.tolist() and got["w"] == kern.tolist() and got["flip"] is flip
        for f in got["frames"]:  # the window: the dilated kernel's span in the padded row
            (c0, c1), = f["window"]
            assert c0 == f["out"][0] * s and c1 - c0 == d * (k - 1) + 1
        if flip and p == "full" and s == d == 1:  # the notes' trains, head to tail
            np.testing.assert_allclose(got["output"], np.convolve(x, kern))


@SETTINGS
@given(st.data(), st.integers(1, 2), st.integers(1, 4), st.integers(1, 4), st.integers(1, 3),
       st.integers(1, 3), st.integers(0, 2), st.integers(0, 2), st.integers(1, 2))
def test_convT_and_its_two_views(invoke: Invoke, data: st.DataObject, c: int, h: int, w: int,
                                 k: int, s: int, p: int, op: int, d: int) -> None:
    x, kern = data.draw(arrays(c, h, w)), data.draw(arrays(c, k, k))
    args = ("--stride", str(s), "--padding", str(p), "--output-padding", str(op),
            "--dilation", str(d))
    got = _run(invoke, "convT", "--x", _matrix(x), "--w", _matrix(kern), *args)
    expected = _torch(F.conv_transpose2d, as_tensor(x)[None], as_tensor(kern)[:, None], None,
                      s, p, op, 1, d)
    _agree(got, None if expected is None else expected[0, 0])
    if got is None:
        return
    demo = build(DemoRequest("convT", _matrix(x), _matrix(kern), stride=s, padding=str(p),
                             output_padding=op, dilation=d))
    _frames_read_the_grid(demo)
    assert demo.crop is not None and len(demo.scatter) == c * h * w
    r0, r1, c0, c1 = demo.crop
    np.testing.assert_allclose(demo.scatter[-1].canvas[r0:r1, c0:c1], demo.output, atol=1e-9)
    assert len(got["scatter"]) == c * h * w


@SETTINGS
@given(st.data(), st.sampled_from(["maxpool", "avgpool"]), st.integers(1, 2),
       st.integers(1, 6), st.integers(1, 6), st.integers(1, 3),
       st.one_of(st.none(), st.integers(1, 3)), st.integers(0, 2), st.integers(1, 2),
       st.booleans())
def test_pooling(invoke: Invoke, data: st.DataObject, op: str, c: int, h: int, w: int, k: int,
                 s: int | None, p: int, d: int, ceil: bool) -> None:
    x = data.draw(arrays(c, h, w))
    args = ["--kernel", str(k), "--padding", str(p)] + (["--stride", str(s)] if s else [])
    args += ["--ceil"] if ceil else []
    xt = as_tensor(x)[None]
    if op == "maxpool":
        got = _run(invoke, op, "--x", _matrix(x), *args, "--dilation", str(d))
        expected = _torch(F.max_pool2d, xt, k, s, p, d, ceil)
    else:
        got = _run(invoke, op, "--x", _matrix(x), *args)
        expected = _torch(F.avg_pool2d, xt, k, s, p, ceil, True)
    if expected is not None:
        expected = expected[0, 0] if c == 1 else expected[0]
    _agree(got, expected)
    if got is not None:
        _frames_read_the_grid(build(DemoRequest(
            op, _matrix(x), kernel=k, stride=s, padding=str(p),  # type: ignore[arg-type]
            dilation=d if op == "maxpool" else None, ceil=ceil)))


@SETTINGS
@given(st.data(), st.integers(1, 2), st.integers(1, 3), st.integers(1, 3), st.integers(1, 3),
       st.integers(0, 1))
def test_pixelshuffle(invoke: Invoke, data: st.DataObject, c: int, r: int, h: int, w: int,
                      extra: int) -> None:
    x = data.draw(arrays(c * r * r + extra, h, w))  # extra: channels not divisible by r^2
    got = _run(invoke, "pixelshuffle", "--x", _matrix(x), "--r", str(r))
    expected = _torch(F.pixel_shuffle, as_tensor(x)[None], r)
    if expected is not None:
        expected = expected[0, 0] if expected.shape[1] == 1 else expected[0]
    _agree(got, expected)
    if got is not None:
        _frames_read_the_grid(build(DemoRequest("pixelshuffle", _matrix(x), r=r)))


@SETTINGS
@given(st.data(), st.integers(1, 2), st.integers(1, 4), st.integers(1, 4),
       st.sampled_from([0.0, 0.25, 0.5, 0.8, 1.0]), st.integers(0, 10**6))
def test_dropout_scales_kept_units_like_torch(invoke: Invoke, data: st.DataObject, c: int,
                                              h: int, w: int, p: float, seed: int) -> None:
    x = data.draw(arrays(c, h, w))
    got = _run(invoke, "dropout", "--x", _matrix(x), "--p", str(p), "--seed", str(seed))
    assert got is not None
    mask = np.array(got["mask"], dtype=bool).reshape(x.shape)
    # torch's own dropout keeps units scaled by exactly what the demo reports ...
    torch.manual_seed(seed)
    y = F.dropout(as_tensor(x), p, training=True)
    if p < 1:
        kept = y != 0
        np.testing.assert_allclose(y[kept].numpy(), (as_tensor(x)[kept] / (1 - p)).numpy())
        assert got["scale"] == pytest.approx(1 / (1 - p))
    # ... and the demo's output is torch's formula under the demo's mask
    expected = torch.zeros_like(as_tensor(x)) if p == 1 else (
        as_tensor(x) * torch.from_numpy(mask) / (1 - p))
    out = expected.numpy()
    _agree(got, out[0] if c == 1 else out)
    assert got["mean_in"] == pytest.approx(x.mean())
    assert got["mean_out"] == pytest.approx(out.mean())
