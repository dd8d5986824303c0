"""Reading answers as people write them: each everyday notation to its exact value."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnnquiz.errors import ReadError
from cnnquiz.questions.answers import is_blank, read, read_detailed
from cnnquiz.questions.model import Answer, Option
from cnnquiz.questions.read_numbers import SUFFIX_REASON

EXACT = Answer("int", 34944)
ESTIMATE = Answer("int", 34944, tolerance=0.05, allow_rounding=True)
RATIO = Answer("float", 5 / 3, tolerance=0.001)
SHAPE = Answer("shape", [96, 55, 55])
FLAT = Answer("shape", [1250])
MATRIX = Answer("matrix", [[1, 2], [3, 4]])
VECTOR = Answer("matrix", [0.1, 0.2, 0.7], tolerance=0.01)
CHANNELS = Answer("matrix", [[[1, 2], [3, 4]], [[5, 6], [7, 8]]])
ONE_CHANNEL = Answer("matrix", [[[1, 2], [3, 4]]])
CHOICE = Answer("choice", "B")
LETTERS = [Option(x, f"option {x}", x == "B") for x in "ABCD"]
TRUE_FALSE = [Option("A", "对", True), Option("B", "错", False)]
EN_TRUE_FALSE = [Option("A", "False", False), Option("B", "True", True)]

NOTATIONS: list[tuple[Answer, str, Any]] = [
    (EXACT, "34944", 34944),
    (EXACT, "34,944", 34944),
    (EXACT, "34 944", 34944),
    (EXACT, "34_944", 34944),
    (EXACT, "34'944", 34944),
    (EXACT, "3.5e4", 35000),
    (EXACT, "11*11*3*96 + 96", 34944),
    (EXACT, "11x11x3x96+96", 34944),
    (EXACT, "11×11×3×96 + 96", 34944),
    (EXACT, "34944 params", 34944),
    (EXACT, "34944 parameters", 34944),
    (EXACT, "55 px", 55),
    (EXACT, "55px", 55),
    (EXACT, "34944个参数", 34944),
    (EXACT, "３４９４４", 34944),
    (EXACT, "34，944", 34944),
    (EXACT, "= 34944", 34944),
    (EXACT, "answer: 34944", 34944),
    (EXACT, "答：34944", 34944),
    (EXACT, "`34944`", 34944),
    (EXACT, "34944.", 34944),
    (EXACT, "34944.0", 34944),
    (EXACT, "1,234,567", 1234567),
    (EXACT, "1 234 567", 1234567),
    (EXACT, "max(1,234)", 234),  # a comma inside a call is an argument separator
    (EXACT, "-3", -3),
    (ESTIMATE, "35K", 35000),
    (ESTIMATE, "35k", 35000),
    (ESTIMATE, "35 K", 35000),
    (ESTIMATE, "~35K", 35000),
    (ESTIMATE, "≈ 35K params", 35000),
    (ESTIMATE, "about 35k parameters", 35000),
    (ESTIMATE, "1.2M", 1200000),
    (ESTIMATE, "1.2 million", 1200000),
    (ESTIMATE, "3G", 3000000000),
    (ESTIMATE, "15.5G MACs", 15500000000),
    (ESTIMATE, "3.5万", 35000),
    (ESTIMATE, "约3.5万个参数", 35000),
    (ESTIMATE, "1.38亿", 138000000),
    (RATIO, "5/3", Fraction(5, 3)),
    (RATIO, "1/(1-0.4)", Fraction(5, 3)),
    (RATIO, "1.67", Fraction(167, 100)),
    (RATIO, "40%", Fraction(2, 5)),
    (RATIO, "e^2", pytest.approx(7.389056)),
    (SHAPE, "55x55x96", [55, 55, 96]),
    (SHAPE, "55×55×96", [55, 55, 96]),
    (SHAPE, "55 x 55 x 96", [55, 55, 96]),
    (SHAPE, "55X55X96", [55, 55, 96]),
    (SHAPE, "(96, 55, 55)", [96, 55, 55]),
    (SHAPE, "[96,55,55]", [96, 55, 55]),
    (SHAPE, "（96，55，55）", [96, 55, 55]),
    (SHAPE, "96、55、55", [96, 55, 55]),
    (SHAPE, "96@55x55", [96, 55, 55]),
    (SHAPE, "96x55x55", [96, 55, 55]),
    (SHAPE, "96 55 55", [96, 55, 55]),
    (SHAPE, "96*55*55", [96, 55, 55]),
    (SHAPE, "torch.Size([1, 96, 55, 55])", [1, 96, 55, 55]),
    (SHAPE, "96 x (227-11)/4+1 x 55", [96, 55, 55]),
    (SHAPE, "55x55x96 (HxWxC)", [96, 55, 55]),
    (SHAPE, "55x55x96 HWC", [96, 55, 55]),
    (SHAPE, "96x55x55 px", [96, 55, 55]),
    (FLAT, "1250", [1250]),
    (FLAT, "(1250,)", [1250]),
    (FLAT, "[1250]", [1250]),
    (FLAT, "1,250", [1250]),
    (FLAT, "50*5*5", [1250]),
    (FLAT, "50x5x5", [50, 5, 5]),  # `x` always separates sizes in a shape
    (MATRIX, "1 2; 3 4", [[1, 2], [3, 4]]),
    (MATRIX, "1, 2; 3, 4", [[1, 2], [3, 4]]),
    (MATRIX, "[[1,2],[3,4]]", [[1, 2], [3, 4]]),
    (MATRIX, "[[1,2],[3,4],]", [[1, 2], [3, 4]]),
    (MATRIX, "1 2\n3 4", [[1, 2], [3, 4]]),
    (MATRIX, "[[1 2]\n [3 4]]", [[1, 2], [3, 4]]),
    (MATRIX, "tensor([[1., 2.], [3., 4.]])", [[1, 2], [3, 4]]),
    (MATRIX, "array([[1, 2], [3, 4]], dtype=int64)", [[1, 2], [3, 4]]),
    (MATRIX, "2-1 2; 3 2*2", [[1, 2], [3, 4]]),
    (MATRIX, "[[max(1,0), 2], [3, 4]]", [[1, 2], [3, 4]]),
    (MATRIX, "-1 -2; -3 -4", [[-1, -2], [-3, -4]]),
    (VECTOR, "0.1 0.2 0.7", [Fraction(1, 10), Fraction(1, 5), Fraction(7, 10)]),
    (VECTOR, "[0.1, 0.2, 0.7]", [Fraction(1, 10), Fraction(1, 5), Fraction(7, 10)]),
    (VECTOR, "0.1; 0.2; 0.7", [Fraction(1, 10), Fraction(1, 5), Fraction(7, 10)]),
    (VECTOR, "(0.1, 0.2, 0.7)", [Fraction(1, 10), Fraction(1, 5), Fraction(7, 10)]),
    (CHANNELS, "1 2; 3 4 | 5 6; 7 8", [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]),
    (ONE_CHANNEL, "1 2; 3 4", [[[1, 2], [3, 4]]]),
    (CHOICE, "B", "B"),
    (CHOICE, "b", "B"),
    (CHOICE, "(b)", "B"),
    (CHOICE, "B.", "B"),
    (CHOICE, "B)", "B"),
    (CHOICE, "选B", "B"),
    (CHOICE, "option b", "B"),
    (CHOICE, "A, C", ["A", "C"]),
    (CHOICE, "AC", ["A", "C"]),
    (CHOICE, "a c", ["A", "C"]),
    (CHOICE, "C and A", ["A", "C"]),
    (CHOICE, "A、C", ["A", "C"]),
    (CHOICE, "A和C", ["A", "C"]),
    (CHOICE, "c, a, c", ["A", "C"]),
]


@pytest.mark.parametrize(("answer", "text", "value"), NOTATIONS)
def test_everyday_notations(answer: Answer, text: str, value: Any) -> None:
    assert read(text, answer, LETTERS if answer.kind == "choice" else ()) == value


@pytest.mark.parametrize(("text", "letter"), [
    ("对", "A"), ("正确", "A"), ("√", "A"), ("true", "A"), ("T", "A"), ("yes", "A"),
    ("错", "B"), ("错误", "B"), ("×", "B"), ("false", "B"), ("f", "B"), ("No", "B"),
    ("a", "A"), ("B", "B"),
])
def test_true_false_words(text: str, letter: str) -> None:
    assert read(text, Answer("choice", "A"), TRUE_FALSE) == letter


def test_true_false_words_follow_the_options_not_the_letters() -> None:
    assert read("true", Answer("choice", "B"), EN_TRUE_FALSE) == "B"
    assert read("False", Answer("choice", "B"), EN_TRUE_FALSE) == "A"


def test_true_false_words_are_not_letters_on_ordinary_questions() -> None:
    with pytest.raises(ReadError, match="no option T"):
        read("true", CHOICE, LETTERS)


REJECTED: list[tuple[Answer, str, str]] = [
    (EXACT, "35K", SUFFIX_REASON),
    (EXACT, "1.2M params", SUFFIX_REASON),
    (RATIO, "2k", SUFFIX_REASON),
    (EXACT, "34,94", "use '.' for decimals"),
    (EXACT, "five", "unknown name 'five'"),
    (EXACT, "11*11*", "ends too early"),
    (EXACT, "K", "unknown name 'K'"),
    (EXACT, "x" * 2001, "more than 2000 characters"),
    (SHAPE, "96x55.5x55", "whole numbers"),
    (SHAPE, "96x-55x55", "whole numbers"),
    (SHAPE, "96,,55", "missing"),
    (SHAPE, "55x55x96 (CHWN)", "layout"),
    (SHAPE, "(55, 55, 96) NHWC", "layout NHWC names 4 sizes but 3 were given"),
    (MATRIX, "1 2; 3", "rows have different lengths (1 and 2)"),
    (MATRIX, "[[1,2],3]", "mixed"),
    (MATRIX, "[[1,2],[3,4]", "missing ']'"),
    (MATRIX, "[[1,2]]]", "unexpected ']'"),
    (MATRIX, "[]", "empty row"),
    (MATRIX, "[" * 6 + "1" + "]" * 6, "nested too deeply"),
    (MATRIX, "1 2; 3 foo", "unknown name 'foo'"),
    (CHOICE, "E", "no option E (options are A, B, C, D)"),
    (CHOICE, "B2", "not an option letter"),
    (CHOICE, "()", "no option letter"),
]


@pytest.mark.parametrize(("answer", "text", "reason"), REJECTED)
def test_rejected_notations_name_the_reason(answer: Answer, text: str, reason: str) -> None:
    with pytest.raises(ReadError) as info:
        read(text, answer, LETTERS if answer.kind == "choice" else ())
    assert reason in info.value.reason


def test_declared_layout_is_applied_and_recorded() -> None:
    reading = read_detailed("(1, 55, 55, 96) NHWC", SHAPE)
    assert reading.value == [1, 96, 55, 55]
    assert reading.extra == {"declared_layout": "NHWC"}


def test_precision_records_what_was_written() -> None:
    assert read_detailed("1.67", RATIO).precision == (2, 3)
    assert read_detailed("0.070", RATIO).precision == (3, 2)
    assert read_detailed("3.5e-2", RATIO).precision == (3, 2)
    assert read_detailed("40%", RATIO).precision == (2, 2)
    assert read_detailed("5/3", RATIO).precision is None
    assert read_detailed("35K", ESTIMATE).precision == (-3, 2)


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "\u3000", None])
def test_blank_is_detected_separately(text: str | None) -> None:
    assert is_blank(text)
    with pytest.raises(ReadError, match="no answer"):
        read(text or "", EXACT)


def test_text_answers_are_returned_stripped() -> None:
    assert read("  weight sharing \n", Answer("text", "model")) == "weight sharing"


# --- properties over generated numbers ---------------------------------------------------

@given(st.integers(0, 10**15))
def test_grouped_integers_read_back(n: int) -> None:
    for text in (str(n), f"{n:,}", f"{n:_}", f"{n:,}".replace(",", " "),
                 f"{n:,}".replace(",", "，"), f"{n} params"):
        assert read(text, EXACT) == n


@given(st.integers(1, 4096), st.integers(1, 512), st.integers(1, 512))
def test_shape_notations_read_back(c: int, h: int, w: int) -> None:
    for text in (f"{c}x{h}x{w}", f"({c}, {h}, {w})", f"[{c},{h},{w}]", f"{c}@{h}x{w}",
                 f"{c} × {h} × {w}", f"（{c}，{h}，{w}）"):
        assert read(text, Answer("shape", [c, h, w])) == [c, h, w]


@given(st.lists(st.lists(st.integers(-999, 999), min_size=3, max_size=3),
                min_size=1, max_size=4))
def test_matrix_notations_read_back(rows: list[list[int]]) -> None:
    answer = Answer("matrix", rows)
    plain = "; ".join(" ".join(map(str, r)) for r in rows)
    assert read(plain, answer) == rows
    assert read(str(rows), answer) == rows
    assert read("\n".join(", ".join(map(str, r)) for r in rows), answer) == rows


def test_the_answers_own_unit_is_a_unit_not_a_suffix() -> None:
    millions = Answer("float", 138.36, tolerance=0.01, unit="M")
    assert read("138.36M", millions) == Fraction(13836, 100)
    assert read("138.36 M params", millions) == Fraction(13836, 100)
    percent = Answer("float", 40.0, tolerance=0.1, unit="%")
    assert read("40%", percent) == 40
    assert read("40 %", Answer("float", 0.4, tolerance=0.01)) == Fraction(2, 5)
