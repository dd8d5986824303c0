"""Printed codes must regenerate the same question forever: a template edit that changes what
an existing code draws or answers has to ship as a new version instead, and fails here."""

from __future__ import annotations

from typing import Any

import pytest

from cnnquiz.questions import generate

PINS: list[tuple[str, Any]] = [
    ("os.1.2.9ix", [192, 96, 96]),  # conv.output_size: the README's example
    ("os.1.3.2bf", [96, 30, 30]),  # (32 + 2*2 - 3*(3-1) - 1) // 1 + 1 with dilation 3
    ("os.1.1.1k8", [384, 30, 30]),  # a 1x1 convolution keeps the size
    ("c1d.1.2.1k8", 128),  # conv1d.length
    ("c1d.1.3.25", 20),
    ("dlh.1.2.1k8", 22),  # conv.dilated_height
    ("dlh.1.3.25", 11),
    ("fpd.1.2.1k8", 4),  # conv.find_setting
    ("fpd.1.3.25", 4),
    ("fpd.2.2.1k8", 0),  # version 2: a dilated kernel fits in its input
    ("fpd.2.3.25", 2),
    ("tfo.1.2.1k8", 129),  # padding.tf_output
    ("tfo.1.3.25", 23),
    ("tfo.2.2.1k8", 65),  # version 2: dilation only at stride 1, as Keras requires
    ("tfo.2.3.25", 32),
    ("tfs.1.2.1k8", 1),  # padding.tf_split
    ("tfs.1.3.25", 4),
    ("tfs.2.2.1k8", 1),
    ("tfs.2.3.25", 0),
    ("os.2.2.1k8", [384, 5, 5]),  # conv.output_size version 2: padding at most d(k-1)/2
    ("os.2.3.25", [384, 3, 3]),
    ("kcn.1.2.1k8", 1152),  # conv.kernels
    ("kcn.1.3.25", 256),
    ("cfi.1.2.1k8", [12, 13, 14, 17, 18, 19, 22, 23, 24]),  # conv.as_fc_inputs
    ("cfi.1.3.25", [4, 5, 6, 11, 12, 13, 18, 19, 20]),
    ("cfm.1.2.1k8", 9),  # conv.as_fc_matrix
    ("cfm.1.3.25", 25),
    ("pls.1.2.1k8", [128, 56, 56]),  # pool.output_size
    ("pls.1.3.25", [512, 12, 12]),
    ("spp.1.2.1k8", 4),  # pool.spp
    ("spp.1.3.25", 1216),
    ("fln.1.2.1k8", 400),  # flatten.size
    ("fln.1.3.25", 5808),
    ("sto.1.2.1k8", [64, 56, 56]),  # stack.output_shape
    ("sto.1.3.25", [256, 10, 10]),
]


@pytest.mark.parametrize(("code", "answer"), PINS, ids=[c for c, _ in PINS])
def test_code_regenerates_its_pinned_answer(code: str, answer: Any) -> None:
    for lang in ("en", "zh"):
        q = generate.from_code(code, lang)
        assert q.code == code
        assert q.answer.value == answer
