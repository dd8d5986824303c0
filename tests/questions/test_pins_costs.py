"""Pinned question codes of the parameter, compute, receptive-field and upsampling templates.

A printed code must regenerate the same question forever: if one of these answers changes,
the template changed without a new `version` (register the edit as version 2 instead).
The first codes are the notes' own cases, so they also pin the figures we teach.
"""

from __future__ import annotations

from typing import Any

import pytest

from cnnquiz.questions import generate

PINS: list[tuple[str, Any]] = [
    ("pcv.1.2.2", 34944),  # AlexNet CONV1 with biases
    ("pcv.1.2.6", 34848),  # ... its weights, "about 35K"
    ("mic.1.2.0", 271351808),  # the lecture's reduced inception module (slide: "358M")
    ("mic.1.2.2", 854196224),  # the lecture's naive module (854M)
    ("pic.1.2.2", 4864),  # C1 = 16, C2 = 8, layer by layer
    ("pic.1.1.7", 8960),  # (1+9+25)*16*16
    ("pic.1.3.b", 3840),  # 8,960 - 5,120 with the pool projection
    ("uct.1.1.4", [3, 7, 7]),  # 2x2 input, 4x4 kernel, stride 3
    ("ucm.1.1.4", [4, 16]),  # 4x4 input, 3x3 kernel: C is 4x16
    ("pvg.1.2.a", 200704),  # one 7x7 on 64 channels: 49*64^2
    ("rfs.1.1.h", 7),  # three 3x3 stride-1 convolutions
    ("nsm.1.1.2i", [1250]),  # Keras MNIST net after flatten
    ("nsm.1.2.k", [96, 27, 27]),  # AlexNet POOL1
    ("ups.1.2.d", [27, 64, 64]),  # ESPCN: 3 channels x 3^2 before PixelShuffle(3)
    ("pgr.1.3.q7", 25600),
    ("pgr.1.2.3x", 4672),
    ("pds.1.3.q7", 326528),
    ("pds.1.2.3x", 67840),
    ("pfc.1.3.q7", 15690),
    ("pfc.1.2.3x", 1048576),
    ("pbn.1.3.q7", 49440),
    ("pbn.1.2.3x", 663936),
    ("pmx.1.3.q7", 1573248),
    ("pmx.1.2.3x", 250200),
    ("pvg.1.3.q7", 1.3885032537960955),
    ("mcv.1.3.q7", 260112384),
    ("mcv.1.2.3x", 346816512),
    ("mcv.1.1.k2", 61952),
    ("nvg.1.3.q7", 1145408),
    ("nvg.1.2.3x", 0),
    ("rfs.1.3.q7", 59),
    ("rfj.1.3.q7", 16.0),
    ("rfj.1.2.3x", 222),
    ("rfj.1.1.k2", 16),
    ("rfw.1.3.q7", [176, 186]),
    ("rfw.1.2.3x", [69, 83]),
    ("rfw.1.1.k2", [14, 32]),
    ("uct.1.3.q7", [32, 10, 10]),
    ("uct.2.1.4", [128, 7, 7]),  # version 2: the kernel is never smaller than the stride
    ("uct.2.3.q7", [64, 58, 58]),
    ("ucm.1.3.q7", [108, 72]),
    ("ups.1.3.q7", [1, 108, 108]),
]


@pytest.mark.parametrize(("code", "answer"), PINS, ids=[c for c, _ in PINS])
def test_code_regenerates_its_answer(code: str, answer: Any) -> None:
    for lang in ("en", "zh"):
        assert generate.from_code(code, lang).answer.value == answer


def test_every_template_of_the_group_is_pinned_twice() -> None:
    shorts = {c.split(".")[0] for c, _ in PINS}
    for short in shorts:
        assert sum(c.startswith(f"{short}.") for c, _ in PINS) >= 2, short


def test_lecture_inception_solution_says_the_slide_is_wrong() -> None:
    q = generate.from_code("mic.1.2.0")
    text = " ".join(q.solution)
    assert "358M" in text and "271,351,808" in text


def test_about_question_accepts_35k_only_as_an_estimate() -> None:
    from cnnquiz.questions.grading import grade

    about, exact = generate.from_code("pcv.1.2.6"), generate.from_code("pcv.1.2.2")
    assert grade(about, "35K").verdict == "correct"
    assert grade(exact, "35K").verdict != "correct"
    assert grade(exact, "11*11*3*96 + 96").verdict == "correct"
