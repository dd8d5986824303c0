"""Worked examples of the operations, by hand as the notes compute them (no PyTorch needed)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from cnnquiz.engine import ops
from cnnquiz.engine.ops import (
    classic_dropout_test,
    classic_dropout_train,
    conv1d_modes,
    conv2d,
    conv2d_steps,
    correlate1d,
    dropout_mask,
    eval_scale,
    expected_zeroed,
    inverted_dropout,
    max_pool2d,
    max_unpool2d,
    resolve_padding,
    train_scale,
)


def test_frames_of_a_small_by_hand_example() -> None:
    x = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    steps = conv2d_steps(x, [[1, 0], [0, -1]], padding=1, stride=2)
    assert [s.out for s in steps] == [(0, 0), (0, 1), (1, 0), (1, 1)]
    first = steps[0]
    assert first.window == ((0, 2), (0, 2))  # half-open, padded coordinates
    assert first.inputs.tolist() == [[0, 0], [0, 1]]
    assert first.products.tolist() == [[0, 0], [0, -1]]
    assert first.value == -1.0
    assert np.isnan(first.canvas).sum() == 3
    assert steps[-1].canvas.tolist() == [[-1.0, -3.0], [-7.0, -4.0]]
    dil = conv2d_steps(np.arange(25.0).reshape(5, 5), np.ones((2, 2)), dilation=3)
    assert dil[0].inputs.tolist() == [[0.0, 3.0], [15.0, 18.0]]
    assert dil[0].window == ((0, 4), (0, 4))


def test_dropout_numbers_from_the_notes() -> None:
    assert expected_zeroed(1000, 0.4) == pytest.approx(400)
    assert train_scale(0.4) == pytest.approx(1 / 0.6)
    assert eval_scale(0.4) == pytest.approx(0.6)
    mask = dropout_mask(100_000, 0.4, seed=1)
    assert mask.dtype == bool and abs((~mask).mean() - 0.4) < 0.01
    assert (dropout_mask((3, 4), 0.3, seed=7) == dropout_mask((3, 4), 0.3, seed=7)).all()


def test_both_conventions_preserve_the_expected_activation() -> None:
    x, p = np.full(200_000, 2.0), 0.3
    mask = dropout_mask(x.shape, p, seed=0)
    assert inverted_dropout(x, p, mask).mean() == pytest.approx(2.0, rel=0.01)
    assert classic_dropout_train(x, mask).mean() == pytest.approx(
        classic_dropout_test(x, p).mean(), rel=0.01)
    assert classic_dropout_test([1.0, 2.0], 0.5).tolist() == [0.5, 1.0]


def test_unpooling_by_hand_4x4() -> None:
    x = np.array([[1, 5, 2, 0], [3, 4, 8, 1], [0, 2, 1, 1], [7, 1, 3, 6]], dtype=float)
    vals, idx = max_pool2d(x, 2, return_indices=True)
    assert vals.tolist() == [[5, 8], [7, 6]]
    assert idx.tolist() == [[1, 6], [12, 15]]
    back = max_unpool2d(vals, idx, 2)
    assert back.tolist() == [[0, 5, 0, 0], [0, 0, 8, 0], [0, 0, 0, 0], [7, 0, 0, 6]]


def test_batch_norm_by_hand() -> None:
    res = ops.batch_norm([[1.0], [3.0]], eps=0.0)
    assert res.mean.tolist() == [2.0] and res.var.tolist() == [1.0]
    assert res.out.ravel().tolist() == [-1.0, 1.0]


def test_scalar_weights_and_worked_adam_step() -> None:
    trace = ops.adam(1.0, [0.5], lr=0.1)
    step = trace.steps[0]
    assert float(step.m) == pytest.approx(0.05) and float(step.v) == pytest.approx(0.00025)
    assert float(trace.final) == pytest.approx(1.0 - 0.1 * 0.5 / (0.5 + 1e-8))
    assert ops.sgd([1.0, 2.0], [], lr=0.1).final.tolist() == [1.0, 2.0]


def test_divergence_edge_cases() -> None:
    assert ops.kl_div([0.5, 0.5], [1.0, 0.0]) == math.inf
    assert ops.js_div([1.0, 0.0], [0.0, 1.0]) == pytest.approx(math.log(2))
    assert ops.js_div([1.0, 0.0], [0.0, 1.0], base=2) == pytest.approx(1.0)


def test_sigmoid_derivative_peaks_at_a_quarter() -> None:
    assert ops.sigmoid_grad(0.0) == 0.25
    assert ops.sigmoid_grad(np.linspace(-10, 10, 1001)).max() <= 0.25
    assert ops.tanh_grad(0.0) == 1.0


def test_worked_padding_case_from_the_notes() -> None:
    """in 13, k 6, s 5: valid keeps 2 outputs, same 3 with pad 1 left and 2 right."""
    x = np.ones((1, 13))
    w = np.ones((1, 6))
    assert conv2d(x, w, stride=(1, 5), padding="valid").shape == (1, 2)
    assert conv2d(x, w, stride=(1, 5), padding="same").shape == (1, 3)
    assert resolve_padding("same", (1, 13), (1, 6), (1, 5), (1, 1))[2:] == (1, 2)
    assert conv2d(np.ones((7, 7)), np.ones((3, 3)), padding="full").shape == (9, 9)


def test_by_hand_shapes_and_values() -> None:
    x = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    got = conv2d(x, [[1, 0], [0, -1]])
    assert got.tolist() == [[-4.0, -4.0], [-4.0, -4.0]]
    assert conv2d(np.ones((3, 4, 4)), np.ones((3, 3, 3))).shape == (1, 2, 2)
    assert conv2d(np.ones((6, 6)), np.ones((3, 3)), stride=2).shape == (2, 2)


def test_float32_stays_float32() -> None:
    x = np.ones((1, 3, 5, 5), dtype=np.float32)
    w = np.ones((2, 3, 3, 3), dtype=np.float32)
    assert conv2d(x, w, padding=1).dtype == np.float32


def test_conv1d_flips_and_correlate_does_not() -> None:
    assert conv1d_modes([1, 2, 3], [0, 1, 0.5], "full").tolist() == [0, 1, 2.5, 4, 1.5]
    assert correlate1d([1, 2, 3], [1, 0]).tolist() == [1, 2]
    assert conv1d_modes([1, 2, 3], [1, 0], "valid").tolist() == [2, 3]
