"""Pinned codes of the by-hand operation templates: a code must regenerate the same answer
forever, so an edit that changes what a template draws or answers without a new version fails
here (two codes per template, one basic and one tricky). Also: answers typed the way a person
rounds them grade as correct, and a typed mistake is named."""

from __future__ import annotations

import math
import random
from typing import Any

import numpy as np
import pytest

from cnnquiz.questions import generate
from cnnquiz.questions.grading import grade

GROUP = ("conv.by_hand", "conv.classic_kernel", "conv1d.values", "pool.by_hand", "pool.unpool",
         "convT.by_hand", "pixelshuffle.position", "dropout.scale", "dropout.count",
         "activation.value", "activation.chain", "loss.softmax", "loss.cross_entropy",
         "loss.divergence", "reg.penalty", "reg.update", "optim.sgd", "optim.adagrad",
         "optim.rmsprop", "optim.adam", "norm.batch_norm", "backprop.fc_forward",
         "backprop.neuron_grad")

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
    ("bpg.2.1.rt", -1),  # version 2: no sigmoid gradient that rounds to 0
    ("bpg.2.3.2bf", 0.0125155422),
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
    assert set(pinned) == set(GROUP) and all(pinned.count(t) >= 2 for t in pinned)


def _typed(value: Any, tolerance: float) -> str:
    """A value written the way a person answers: rounded as asked, matrices as `a b; c d`."""
    if isinstance(value, list):
        if value and isinstance(value[0], list):
            return "; ".join(_typed(row, tolerance) for row in value)
        return " ".join(_typed(v, tolerance) for v in value)
    if isinstance(value, int) or tolerance == 0:
        return str(value)
    decimals = max(0, round(-math.log10(2 * tolerance)))
    return f"{value:.{decimals}f}"


DRAW_CASES = [(tid, lv) for tid in GROUP for lv in (1, 2, 3)]


@pytest.mark.parametrize(("tid", "level"), DRAW_CASES, ids=[f"{t}@{lv}" for t, lv in DRAW_CASES])
def test_typed_answers_and_mistakes_are_graded_as_a_person_expects(tid: str, level: int) -> None:
    rng = random.Random(f"typed-ops:{tid}:{level}")
    named = 0
    for _ in range(40):
        q = generate.make(tid, level, rng.getrandbits(32), rng.choice(["en", "zh"]))
        tol = q.answer.tolerance
        right = grade(q, _typed(q.answer.value, tol))
        assert right.verdict == "correct", f"{q.code}: {_typed(q.answer.value, tol)!r}"
        for m in q.mistakes:
            if not isinstance(m.value, type(q.answer.value)) or _near(m.value, q.answer.value, tol):
                continue  # a different kind, or rounding would bring it onto the answer
            v = grade(q, _typed(m.value, tol))
            assert v.verdict == "wrong" and v.mistake is not None, f"{q.code}: {m.name}"
            named += 1
    assert named, f"{tid}@{level}: no typed mistake was ever recognised"


def _near(a: Any, b: Any, tol: float) -> bool:
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return x.shape == y.shape and bool(np.all(np.abs(x - y) <= 2 * tol + 1e-12))
