"""Concept-bank statements corrected against the engine and PyTorch (issue 12): each one says
only what the numbers and the operations bear out."""

from __future__ import annotations

import re

import pytest

from cnnquiz import bank
from cnnquiz.engine.network import analyze
from cnnquiz.engine.zoo import NETWORKS


def _texts(entry_id: str, lang: str = "en") -> tuple[str, str]:
    """(question, everything else) of an entry in one language."""
    q = bank.question(entry_id, lang)
    return q.prompt, "\n".join([*q.solution, *(o.text for o in q.options)])


def _params(name: str) -> int:
    net = NETWORKS[name]
    return analyze(net.build(), net.input).total_params


def test_googlenet_against_alexnet_uses_calcs_counts() -> None:
    googlenet, alexnet = _params("googlenet"), _params("alexnet")
    assert (googlenet, alexnet) == (6_624_904, 61_100_840)
    ratio = round(alexnet / googlenet)
    for lang, fewer in (("en", f"about {ratio} times fewer"), ("zh", "九分之一")):
        question, why = _texts("googlenet-global-average-pooling", lang)
        assert fewer in question + why and "12 times fewer parameters than" not in question
        assert f"{googlenet:,}" in why and f"{alexnet:,}" in why
        assert "5 million" not in why and "500 万" not in why


def test_overlapping_pooling_is_not_a_rare_exception() -> None:
    question, why = _texts("pool-size-usually-equals-stride")
    assert not question.lower().startswith("**true or false?** in most cnns")
    assert all(net in why for net in ("AlexNet", "GoogLeNet", "ResNet"))
    assert "exception is overlapping" not in why


def test_weight_scaling_is_exact_or_approximate_never_both() -> None:
    for lang, geometric in (("en", "geometric mean"), ("zh", "几何平均")):
        q = bank.question("dropout-weight-scaling-approximates-ensemble", lang)
        right = next(o for o in q.options if o.correct)
        assert geometric in right.text and geometric in right.why
        # softmax is named as an exact case only together with the mean it is exact for
        assert not re.search(r"linear or softmax layer\)", right.text)


def test_bilinear_as_a_transposed_convolution_says_where_it_holds() -> None:
    for lang, where in (("en", "border"), ("zh", "边界")):
        question, why = _texts("bilinear-as-fixed-tconv", lang)
        assert where in question and where in why


@pytest.mark.oracle
def test_bilinear_equals_the_fixed_transposed_convolution_except_on_the_border() -> None:
    torch = pytest.importorskip("torch")
    x = torch.arange(1.0, 37.0).reshape(1, 1, 6, 6)
    k = torch.tensor([0.25, 0.75, 0.75, 0.25])
    conv_t = torch.nn.functional.conv_transpose2d(x, torch.outer(k, k)[None, None], stride=2,
                                                  padding=1)
    bilinear = torch.nn.functional.interpolate(x, scale_factor=2, mode="bilinear",
                                               align_corners=False)
    assert torch.allclose(conv_t[..., 1:-1, 1:-1], bilinear[..., 1:-1, 1:-1])
    assert not torch.allclose(conv_t[..., 0, :], bilinear[..., 0, :])
