"""A question's spec to its demo: the same numbers, or no demo when none fits."""

from __future__ import annotations

import numpy as np
import pytest

from cnnquiz.demos import build
from cnnquiz.demos.from_spec import demo_request
from cnnquiz.questions.generate import make


@pytest.mark.parametrize("template", ["conv.by_hand", "pool.by_hand", "convT.by_hand",
                                      "conv1d.values"])
@pytest.mark.parametrize("seed", range(6))
def test_a_by_hand_questions_demo_computes_its_answer(template: str, seed: int) -> None:
    q = make(template, 2, seed)
    req = demo_request(q.spec)
    if req is None:  # only numpy's own centring of an even kernel has no demo
        assert q.spec.get("mode") == "same" and len(q.spec["w"]) % 2 == 0
        return
    demo = build(req)
    if "at" in q.spec:
        assert demo.output[tuple(q.spec["at"])] == pytest.approx(float(q.answer.value))  # type: ignore[arg-type]
    else:
        np.testing.assert_allclose(demo.output, np.array(q.answer.value, dtype=float),
                                   atol=0.006)


def test_a_filter_of_a_bank_of_four_is_the_one_asked() -> None:
    x = np.arange(2 * 3 * 3).reshape(2, 3, 3).tolist()
    w = np.arange(4 * 2 * 2 * 2).reshape(4, 2, 2, 2).tolist()
    req = demo_request({"op": "conv2d", "x": x, "w": w, "at": [2, 0, 1]})
    assert req is not None
    demo = build(req)
    assert demo.w is not None
    np.testing.assert_array_equal(demo.w, np.array(w[2], dtype=float))


def test_output_size_questions_get_the_asked_layers_numbers() -> None:
    req = demo_request({"input": [3, 28, 28], "layers": "conv(8,k=3) -> maxpool(k=2,p=1)",
                        "ask": "output", "layer": 2})
    assert req is not None and (req.op, req.size, req.kernel, req.stride) == ("maxpool", 26, 2, 2)
    assert req.padding == "1" and req.x is None  # random values at the layer's input size
    same = demo_request({"input": [1, 9, 9], "layers": "conv(4,k=3,s=2,p=same,d=2)",
                         "ask": "pad_right"})
    assert same is not None and (same.padding, same.dilation) == ("same", 2)


@pytest.mark.parametrize("spec", [
    {"bank": "01-convolution.yaml#conv1d-two-trains"},
    {"input": [3, 224, 224], "layers": "conv(64,k=7,s=2,p=3)", "ask": "output"},  # too big
    {"input": [3, 8, 12], "layers": "conv(64,k=3)", "ask": "output"},  # not square
    {"input": [3, 8, 8], "layers": "conv(64,k=3) -> flatten -> linear(10)", "ask": "output"},
    {"input": [3, 8, 8], "layers": "conv(64,k=3)", "ask": "params"},
    {"op": "conv1d_modes", "x": [1, 2, 3], "w": [1, 1], "mode": "same"},
    {"op": "softmax", "z": [1, 2]},
])
def test_no_demo_where_none_fits(spec: dict[str, object]) -> None:
    assert demo_request(spec) is None
