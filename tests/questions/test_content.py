"""Content corrections a demanding reader asked for (issue 12): every mistake can fire, every
key reads as asked, mistakes carry the names of the slips they are, and drawn layers are ones
a real network could have."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

import numpy as np
import pytest
from typer.testing import CliRunner

from cnnquiz.cli.main import app
from cnnquiz.engine import ops
from cnnquiz.engine.spec import parse_layer
from cnnquiz.questions import generate
from cnnquiz.questions.grading import counts_as_answer, grade
from cnnquiz.questions.model import Question
from cnnquiz.questions.templates.hand_common import decimals_tol

SEEDS = 30


def draws(tid: str, level: int, n: int = SEEDS, lang: str = "en") -> Iterator[Question]:
    rng = random.Random(f"content:{tid}:{level}")
    for _ in range(n):
        yield generate.make(tid, level, rng.getrandbits(32), lang)


def every(n: int = SEEDS) -> Iterator[Question]:
    for tpl in generate.templates():
        for level in tpl.levels:
            yield from draws(tpl.id, level, n)


# --- fairness: mistakes that can fire, keys at the precision asked for -----------------------

def test_no_mistake_lies_within_the_answers_tolerance() -> None:
    dead = [(q.code, m.name) for q in every() for m in q.mistakes
            if counts_as_answer(q.answer, m.value)]
    assert dead == []
    for code, gone in (("pvg.1.3.653", "forgot-bias"), ("pcv.1.2.16sk", "added-bias")):
        assert gone not in [m.name for m in generate.from_code(code).mistakes]


def test_round_to_four_decimals_never_makes_zero_correct_by_accident() -> None:
    # an answer that rounds to 0 is only ever an exact 0 but for the eps its question states
    # (BatchNorm's 1e-5, Adam's 1e-8): there "0" is the right 4-decimal answer
    tol = decimals_tol(4)
    tiny = [(q.code, q.answer.value) for q in every() if q.answer.kind == "float"
            and q.answer.tolerance == tol and 0 < abs(q.answer.value) < tol
            and not re.search(r"\beps\b", q.prompt)]
    assert tiny == []
    for q in draws("backprop.neuron_grad", 3, 200):  # a saturated sigmoid gave 4.1e-09
        assert abs(q.answer.value) >= 1e-3, q.code
        assert grade(q, "0").verdict == "wrong"


def test_keys_show_the_decimals_the_question_asks_for() -> None:
    for lang, label in (("en", "Answer: "), ("zh", "答案：")):
        out = CliRunner().invoke(app, ["--lang", lang, "show", "pvg.1.3.653"])  # "give 2 decimals"
        assert out.exit_code == 0, out.output
        assert f"{label}1.81\n" in out.output, out.output
        assert "1.813102" not in out.output


# --- mistakes named for the slip they are ----------------------------------------------------

def _named(q: Question, value: object) -> str | None:
    return next((m.name for m in q.mistakes if m.value == value), None)


def test_the_slides_inception_figure_names_its_mistake() -> None:
    q = generate.from_code("mic.1.2.zujhbq")
    assert q.answer.value == 271_351_808  # CS231n's reduced module, branch by branch
    conv3x3 = 28 * 28 * 192 * 3 * 3 * 64
    verdict = grade(q, "358,055,936")
    assert verdict.mistake == "counted-3x3-twice" and "358M" in verdict.explanation
    assert 271_351_808 + conv3x3 == 358_055_936
    assert any("358,055,936" in s and "twice" in s for s in q.solution)


def test_bias_slips_match_whether_the_layers_have_biases() -> None:
    for level in (1, 2, 3):
        for q in draws("params.stacked_3x3", level, 60):
            names = {m.name for m in q.mistakes}
            if "without biases" in q.prompt:
                assert "forgot-bias" not in names, q.code
            else:
                assert "added-bias" not in names, q.code
    q = generate.from_code("pvg.1.2.c8p")  # 3 stacked 3x3 vs 7x7 on 256 channels, no bias
    assert grade(q, str(q.answer.value - 2 * 256)).mistake == "added-bias"


def test_input_channels_kept_in_an_output_shape_is_named_so() -> None:
    for q in draws("conv.output_size", 2):
        c = q.spec["input"][0]
        if c != q.answer.value[0]:
            assert _named(q, [c, *q.answer.value[1:]]) == "kept-input-channels"


def test_relabelled_mistakes() -> None:
    for q in draws("pool.spp", 3, 60):
        if q.spec["ask"] == "length":
            c, levels = q.spec["input"][0], q.spec["levels"]
            assert _named(q, c * sum(levels)) == "spp-n-bins-not-n-squared"
    for q in draws("reg.update", 2):  # level 2 is the L1 update
        assert q.spec["op"] == "sgd_l1"
        names = {m.name for m in q.mistakes}
        assert "forgot-weight-decay" not in names and "forgot-l1-term" in names
    adamw: set[str] = set()
    for q in draws("optim.adam", 3, 80):
        if q.spec["op"] == "adamw":
            adamw |= {m.name for m in q.mistakes}
    assert "forgot-weight-decay" not in adamw and "forgot-decoupled-decay" in adamw
    for q in draws("convT.by_hand", 2):
        s = q.spec
        flipped = ops.conv_transpose2d(s["x"], np.flip(np.asarray(s["w"])), stride=s["stride"],
                                       padding=s["padding"], output_padding=s["output_padding"])
        name = _named(q, np.asarray(flipped).tolist())
        assert name in (None, "convt-flipped-kernel"), q.code


@pytest.mark.parametrize(("level", "kernel", "used"), [(1, "Laplacian", "8-neighbour"),
                                                      (1, "edge detection", "4-neighbour")])
def test_classic_kernel_slips_name_the_kernel_used(level: int, kernel: str, used: str) -> None:
    seen = 0
    for q in draws("conv.classic_kernel", level, 80):
        if f"**{kernel}" in q.prompt:
            (m,) = [m for m in q.mistakes if m.name == "wrong-classic-kernel"] or [None]
            if m is not None:
                assert m.explanation.startswith(f"You used the {used}"), q.code
                seen += 1
    assert seen


# --- realism: layers a real network could have -----------------------------------------------

def _conv_args(q: Question) -> dict[str, object]:
    return parse_layer(q.spec["layers"].split("->")[-1].strip()).args


@pytest.mark.parametrize("tid", ["padding.tf_output", "padding.tf_split"])
def test_keras_never_sees_stride_and_dilation_together(tid: str) -> None:
    dilated = 0
    for level in (1, 2, 3):
        for q in draws(tid, level, 80):
            a = _conv_args(q)
            assert a["s"] == (1, 1) or a["d"] == (1, 1), q.code
            dilated += a["d"] != (1, 1)
    assert dilated > 20


def test_full_padding_is_not_called_a_tensorflow_mode() -> None:
    fulls = [q for lv in (1, 3) for lang in ("en", "zh")
             for q in draws("padding.tf_output", lv, 60, lang) if "full" in q.spec["layers"]]
    assert fulls
    for q in fulls:
        assert "padding='full'" not in q.prompt and "In TensorFlow" not in q.prompt
        assert "numpy" in q.prompt and ("only 'valid' and 'same'" in q.prompt
                                        or "只有 'valid' 和 'same'" in q.prompt)


def test_padding_never_exceeds_same_padding() -> None:
    for level in (1, 2, 3):
        for q in draws("conv.output_size", level, 100):
            a = _conv_args(q)
            (k, _), (p, _), (d, _) = a["k"], a["p"], a["d"]
            assert p <= d * (k - 1) // 2, q.code


def test_transposed_kernels_are_never_smaller_than_their_stride() -> None:
    for level in (1, 2, 3):
        for q in draws("up.convT_size", level, 100):
            if "layers" in q.spec:
                a = _conv_args(q)
            else:
                a = {"k": (q.spec["kernel_size"],) * 2, "s": (q.spec["stride"],) * 2}
            assert a["k"][0] >= a["s"][0], q.code


def test_a_dilated_kernel_to_solve_for_fits_in_its_input() -> None:
    for level in (2, 3):
        for q in draws("conv.find_setting", level, 100):
            s = q.spec
            known = {**s, s["unknown"]: q.answer.value}
            span = known["dilation"] * (known["kernel_size"] - 1) + 1
            assert span <= s["input_size"], q.code


# --- wording ---------------------------------------------------------------------------------

def test_derivatives_are_asked_in_words() -> None:
    for lang, words in (("en", "the derivative of"), ("zh", "处的导数")):
        for q in draws("activation.value", 3, 40, lang):
            if q.spec["ask"] == "grad":
                assert words in q.prompt and "'(" not in q.prompt, q.prompt
                assert " at x = " in q.prompt or "在 x = " in q.prompt
            if q.spec["op"] == "tanh":
                assert not any("- -" in s for s in q.solution), q.solution


def test_the_chain_bound_is_called_a_bound() -> None:
    for q in draws("activation.chain", 1, 5):
        assert "upper bound" in q.prompt and "largest possible" not in q.prompt
    for q in draws("activation.chain", 1, 5, "zh"):
        assert "上界" in q.prompt and "最大可能" not in q.prompt


def test_penalty_questions_in_chinese_ask_for_the_penalty() -> None:
    for level in (1, 2, 3):
        for q in draws("reg.penalty", level, 10, "zh"):
            assert re.search(r"正则项 [^。]*的值是多少", q.prompt), q.prompt
            assert not re.search(r"= [\d.]+ ?的值是多少", q.prompt), q.prompt


def test_only_the_notes_widths_are_the_keras_example_net() -> None:
    seen = set()
    for level in (1, 2, 3):
        for q in draws("net.small", level, 60):
            if "conv(" in q.spec["layers"] and q.spec["input"] == [1, 28, 28]:
                notes = q.spec["layers"].startswith("conv(25,k=3) -> maxpool(2) -> conv(50,k=3)") \
                    and "linear(100)" in q.spec["layers"]
                assert ("The Keras MNIST example net" in q.prompt) == notes, q.code
                seen.add(notes)
    assert seen == {True, False}


def test_tensorflow_dropout_questions_do_not_mention_pytorch() -> None:
    for q in draws("dropout.scale", 3, 60):
        assert "tf.nn.dropout" in q.prompt and "PyTorch" not in q.prompt, q.prompt
