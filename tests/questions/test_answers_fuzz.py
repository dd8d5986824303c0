"""Hostile and random input: `read` raises only ReadError, `grade` never raises, both fast.

Nothing here catches exceptions around `grade`: any other exception fails the test."""

from __future__ import annotations

import time  # process_time: CPU spent here, whatever else the machine runs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnquiz.errors import ReadError
from cnnquiz.questions.answers import read
from cnnquiz.questions.grading import grade
from cnnquiz.questions.model import Answer, Mistake, Option, Question

OPTIONS = (Option("A", "对", True), Option("B", "错", False))
ANSWERS = [
    Answer("int", 34944),
    Answer("int", 34944, tolerance=0.05, allow_rounding=True),
    Answer("float", 5 / 3, tolerance=1e-3),
    Answer("shape", [96, 55, 55]),
    Answer("shape", [1250]),
    Answer("matrix", [[1, 2], [3, 4]], tolerance=0.01),
    Answer("matrix", [0.1, 0.9], tolerance=0.01),
    Answer("choice", ["A", "B"]),
    Answer("text", "model answer"),
]
QUESTIONS = [
    Question(code=f"fuzz-{i}", template="fuzz", topic="params", level=1, lang="en",
             prompt="?", answer=a, solution=[], spec={},
             mistakes=(Mistake("m", a.value, "equal to the answer"),), options=OPTIONS)
    for i, a in enumerate(ANSWERS)
]
VERDICTS = {"correct", "wrong", "unreadable", "blank"}

ARITHMETIC = st.text(alphabet="0123456789+-*/^().,eExX ×·%Kk萬万pisqrtlnmaxfoo@[];|\n_'",
                     max_size=80)


def _read_all(text: str) -> None:
    for answer in ANSWERS:
        try:
            read(text, answer, OPTIONS)
        except ReadError as err:
            assert err.reason and len(err.reason) < 200


def _grade_all(text: str) -> None:
    for q in QUESTIONS:
        v = grade(q, text)
        assert v.verdict in VERDICTS
        assert len(v.given) <= 200
        if v.verdict == "unreadable":
            assert v.explanation
        assert "could not grade" not in v.explanation  # grading never hides its own failure
        assert v.mistake != "m"  # a mistake equal to the answer is never named


@settings(max_examples=400)
@given(st.text())
def test_arbitrary_text(text: str) -> None:
    _read_all(text)
    _grade_all(text)


@settings(max_examples=400)
@given(ARITHMETIC)
def test_arithmetic_like_text(text: str) -> None:
    _read_all(text)
    _grade_all(text)


@settings(max_examples=100)
@given(st.text(min_size=1, max_size=20).map(lambda s: s * (100_000 // len(s) + 1)))
def test_100kb_random_text_is_refused_fast(text: str) -> None:
    start = time.process_time()
    _read_all(text)
    _grade_all(text)
    assert time.process_time() - start < 1.0


HOSTILE = [
    "9**9**9**9",
    "9^9^9^9",
    "(" * 10_000,
    "(" * 10_000 + "1" + ")" * 10_000,
    "(" * 600 + "1" + ")" * 600,
    "-" * 1999 + "1",
    "[" * 10_000 + "]" * 10_000,
    "[" * 900 + "1" + "]" * 900,
    "1e999999",
    "1e-999999",
    "1" + "0" * 1990,
    "0." + "0" * 1990 + "1",
    "__import__('os').system('touch CANARY')",
    "exec('1')",
    "().__class__.__bases__[0].__subclasses__()",
    "lambda: 1",
    "2" + "^2" * 99,
    "1+" * 999 + "1",
    "; ".join(["1 " * 30] * 30),
    ",".join(["1"] * 999),
    "x".join(["9"] * 999),
    "K" * 1999,
    "\u0000\ud800\uffff",
    "1" * 100_000,
    "9" * 100_000 + "x" + "9" * 100_000,
    "﷽" * 1000,  # NFKC expands each to 18 characters
    "²" * 1000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: repr(t[:20]))
def test_hostile_inputs_are_bounded(text: str, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    start = time.process_time()
    _read_all(text)
    _grade_all(text)
    assert time.process_time() - start < 1.0
    assert not (tmp_path / "CANARY").exists()


def test_100kb_input_returns_well_under_a_second() -> None:
    text = "1" * 100_000
    start = time.process_time()
    v = grade(QUESTIONS[0], text)
    elapsed = time.process_time() - start
    assert v.verdict == "unreadable"
    assert "too long" in v.explanation
    assert elapsed < 1.0
