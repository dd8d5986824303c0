"""Pinned codes of the by-hand operation templates: a code must regenerate the same answer
forever, so an edit that changes what a template draws or answers without a new version fails
here (two codes per template, one basic and one tricky)."""

from __future__ import annotations

from typing import Any

import pytest

from cnnquiz.questions import generate

PINS: list[tuple[str, Any]] = [
    ("hcv.1.1.rt", -1),
    ("hcv.1.3.2bf", [[4, 2, -2], [2, 6, -2], [2, 3, 1]]),
    ("hkn.1.1.rt", 4),
    ("hkn.1.3.2bf", 96),
    ("h1d.1.1.rt", 0),
    ("h1d.1.3.2bf", [2, 0, -4]),
    ("hpl.1.1.rt", [[7.75, 2.5], [5.25, 5.5]]),
    ("hpl.1.3.2bf", [[8, 9, 2], [9, 8, 8], [5, 8, 0]]),
    ("hup.1.1.rt", [[0, 33, 0, 10], [0, 0, 0, 0], [0, 23, 0, 0], [0, 0, 26, 0]]),
    ("hup.1.3.2bf",
     [[9, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, -2, 0],
      [0, 0, 0, 0, 0, 0], [0, 0, 0, 5, 0, 0], [0, 0, -2, 0, 0, 0]]),
    ("hct.1.1.rt", [[0, -3, 0, -3], [0, 6, 0, 6], [0, -3, 0, -3], [0, 6, 0, 6]]),
    ("hct.1.3.2bf", [[3, -4, 1], [5, 9, 3], [1, -2, 1]]),
    ("hps.1.1.rt", [0, 2, 3]),
    ("hps.1.3.2bf", [5, 7, 7]),
    ("dsc.1.1.rt", 2.0),
    ("dsc.1.3.2bf", 9.8333333333),
    ("dcn.1.1.rt", 150),
    ("dcn.1.3.2bf", 200),
    ("avl.1.1.rt", 0.07585818),
    ("avl.1.3.2bf", 6.68045716425e-05),
    ("ach.1.1.rt", 0.015625),
    ("ach.1.3.2bf", 0.00526085466593),
    ("smx.1.1.rt", 0.0420100661),
    ("smx.1.3.2bf", 0.5761168848),
    ("cel.1.1.rt", 0.4076059644),
    ("cel.1.3.2bf", 0.9689299881),
    ("kld.1.1.rt", 0.1536635868),
    ("kld.1.3.2bf", 0.0248073039),
    ("rgp.1.1.rt", 1.05),
    ("rgp.1.3.2bf", 5.4),
    ("rgu.1.1.rt", -1.88681),
    ("rgu.1.3.2bf", -0.74),
    ("osg.1.1.rt", -1.69),
    ("osg.1.3.2bf", 0.0025),
    ("oag.1.1.rt", -1.2919611614),
    ("oag.1.3.2bf", -0.9591862266),
    ("orm.1.1.rt", -0.8000000588),
    ("orm.1.3.2bf", -0.5121706515),
    ("oam.1.1.rt", -0.999),
    ("oam.1.3.2bf", -1.207273676),
    ("bnm.1.1.rt", 0.878458271),
    ("bnm.1.3.2bf", -1.0),
    ("fcf.1.1.rt", [6, -1]),
    ("fcf.1.3.2bf", [8, 6]),
    ("bpg.1.1.rt", -14),
    ("bpg.1.3.2bf", -0.1437348405),
]


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(map(_same, a, b))
    return type(a) is type(b) and abs(a - b) <= 1e-9 * max(1.0, abs(b))


@pytest.mark.parametrize(("code", "expected"), PINS, ids=[c for c, _ in PINS])
def test_pinned_code_regenerates_its_answer(code: str, expected: Any) -> None:
    for lang in ("en", "zh"):
        q = generate.from_code(code, lang)
        assert _same(q.answer.value, expected), f"{code} ({lang}): {q.answer.value!r}"


def test_pins_cover_every_template_of_the_group() -> None:
    pinned = [generate.from_code(code).template for code, _ in PINS]
    assert len(set(pinned)) == 23 and all(pinned.count(t) == 2 for t in pinned)
