"""The arithmetic evaluator: exact values, human error reasons, bounds, and no code execution."""

from __future__ import annotations

import ast
import math
import time  # process_time: CPU spent here, whatever else the machine runs
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnnquiz.errors import ReadError
from cnnquiz.questions import safe_eval
from cnnquiz.questions.safe_eval import evaluate

VALUES = [
    ("34944", 34944),
    ("11*11*3*96 + 96", 34944),
    ("(11*11*3 + 1) * 96", 34944),
    ("1/(1-0.4)", Fraction(5, 3)),
    ("3.5e4", 35000),
    ("3.5E4", 35000),
    ("2.5e-1", Fraction(1, 4)),
    (".5", Fraction(1, 2)),
    ("5.", 5),
    ("2^3^2", 512),
    ("2**3**2", 512),
    ("-2^2", -4),
    ("(-2)^2", 4),
    ("2^-1", Fraction(1, 2)),
    ("- -3", 3),
    ("55x55x96", 290400),
    ("11 × 11 × 3", 363),
    ("4·5", 20),
    ("6÷4", Fraction(3, 2)),
    ("7 − 2", 5),
    ("3²", 9),
    ("10⁻²", Fraction(1, 100)),
    ("１２＋３", 15),
    ("sqrt(16)", 4),
    ("sqrt(9/4)", Fraction(3, 2)),
    ("log2(8)", 3),
    ("log2(1/4)", -2),
    ("log10(1000)", 3),
    ("ln(1)", 0),
    ("exp(0)", 1),
    ("floor(7/2)", 3),
    ("ceil(7/2)", 4),
    ("floor((13-6)/5)+1", 2),
    ("max(1, 5, 3)", 5),
    ("min(2, 1/2)", Fraction(1, 2)),
    ("10^18", 10**18),
    ("0.1 + 0.2", Fraction(3, 10)),
]


@pytest.mark.parametrize(("text", "value"), VALUES)
def test_values_are_exact(text: str, value: int | Fraction) -> None:
    got = evaluate(text)
    assert got == value
    assert type(got) is type(value)  # integers come back as int, not Fraction or float


def test_transcendental_functions_give_floats() -> None:
    assert evaluate("exp(1)") == pytest.approx(math.e)
    assert evaluate("ln(e^2)") == pytest.approx(2)
    assert evaluate("log(10)") == pytest.approx(math.log(10))
    assert evaluate("sqrt(2)") == pytest.approx(math.sqrt(2))
    assert evaluate("2*pi") == pytest.approx(2 * math.pi)
    assert evaluate("PI") == math.pi
    assert evaluate("2^0.5") == pytest.approx(math.sqrt(2))


ERRORS = [
    ("(1+2))", "unexpected ')' at position 6"),
    ("1+2)*3", "unexpected ')' at position 4"),
    ("(1+2", "missing ')'"),
    ("1 +", "ends too early"),
    ("1 2", "unexpected number at position 3"),
    ("1/0", "division by zero"),
    ("1/(2-2)", "division by zero"),
    ("0^-1", "division by zero"),
    ("10^19", "number too large"),
    ("1e19", "number too large"),
    ("1e999999", "number too large"),
    ("1e-999999", "number too small"),
    ("9**9**9**9", "exponent too large"),
    ("2^65", "exponent too large"),
    ("exp(100)", "number too large"),
    ("ln(0)", "not positive"),
    ("sqrt(-1)", "negative"),
    ("(-8)^(1/3)", "fractional exponent"),
    ("foo(2)", "unknown name 'foo'"),
    ("sqrt(1, 2)", "takes one argument"),
    ("__import__('os')", "unexpected '_' at position 1"),
    ("open('x')", "unexpected \"'\" at position 6"),
    ("open(1)", "unknown name 'open' at position 1"),
    ("1; 2", "unexpected ';'"),
    ("", "no number found"),
    ("(" * 40 + "1" + ")" * 40, "nested too deeply"),
    ("-" * 100 + "1", "nested too deeply"),
    ("1+" * 150 + "1", "more than 200 symbols"),
    ("1" * 2001, "more than 2000 characters"),
    ("2x3", "unexpected 'x'"),  # only with allow_x=False, see below
]


@pytest.mark.parametrize(("text", "reason"), ERRORS)
def test_errors_have_a_human_reason(text: str, reason: str) -> None:
    with pytest.raises(ReadError) as info:
        evaluate(text, allow_x=text != "2x3")
    assert reason in info.value.reason


@pytest.mark.parametrize("text", ["9**9**9**9", "(10^18)^64", "1e999999", "2^64^64^64",
                                  "(1/3)^64^64", "exp(exp(exp(100)))"])
def test_huge_computations_are_refused_instantly(text: str) -> None:
    start = time.process_time()
    with pytest.raises(ReadError):
        evaluate(text)
    assert time.process_time() - start < 0.05


def test_tiny_intermediate_fractions_stay_cheap() -> None:
    start = time.process_time()
    value = evaluate("((1/3)^64)^64 * 3")
    assert time.process_time() - start < 0.05
    assert value == pytest.approx(0.0)


# --- property: random arithmetic trees agree with an independent Fraction computation ----

def _trees() -> st.SearchStrategy[tuple[str, Fraction]]:
    leaves = st.integers(0, 999).map(lambda n: (str(n), Fraction(n)))

    def combine(children: st.SearchStrategy[tuple[str, Fraction]]
                ) -> st.SearchStrategy[tuple[str, Fraction]]:
        def build(op: str, a: tuple[str, Fraction], b: tuple[str, Fraction]
                  ) -> tuple[str, Fraction]:
            if op == "/" and b[1] == 0:
                op = "+"
            value = {"+": a[1] + b[1], "-": a[1] - b[1], "*": a[1] * b[1],
                     "/": a[1] / b[1] if b[1] else a[1]}[op]
            return f"({a[0]} {op} {b[0]})", value
        return st.builds(build, st.sampled_from("+-*/"), children, children)

    return st.recursive(leaves, combine, max_leaves=12)


@given(_trees())
def test_random_expressions_match_fraction_arithmetic(tree: tuple[str, Fraction]) -> None:
    text, value = tree
    try:
        got = evaluate(text)
    except ReadError as err:
        assert "too large" in err.reason or "nested" in err.reason
        return
    assert got == value


@given(st.integers(-(10**12), 10**12), st.integers(1, 10**6))
def test_fractions_are_exact(a: int, b: int) -> None:
    assert evaluate(f"{a}/{b}") == Fraction(a, b)


# --- user text is never executed -----------------------------------------------------------

FORBIDDEN = {"eval", "exec", "compile", "__import__", "literal_eval", "getattr", "globals"}


@pytest.mark.parametrize("module", ["safe_eval", "expr_parser", "reading_bounds", "answers",
                                    "read_numbers", "read_shapes", "read_matrices",
                                    "grading", "comparison"])
def test_reading_code_never_calls_eval_or_compile(module: str) -> None:
    path = Path(safe_eval.__file__).with_name(f"{module}.py")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [node.func for node in ast.walk(tree) if isinstance(node, ast.Call)]
    called = {f.id for f in calls if isinstance(f, ast.Name)}
    called |= {f.attr for f in calls if isinstance(f, ast.Attribute)
               and not (f.attr == "compile" and getattr(f.value, "id", "") == "re")}
    imported = {alias.name for node in ast.walk(tree)
                if isinstance(node, ast.Import | ast.ImportFrom) for alias in node.names}
    assert not called & FORBIDDEN
    assert not imported & {"ast", "builtins"}
