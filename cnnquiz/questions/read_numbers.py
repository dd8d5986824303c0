"""Reading a typed number the way people write it: `35K`, `34,944`, `40%`, `1.2e3 params`.

Shared by every numeric reader (scalars here, shape sizes and matrix entries in their
own files): unit words and K/M/万 suffixes come off the end, digit groups are joined,
and the precision a person wrote is kept, so grading can accept a sensibly rounded
answer without accepting a wrong one.
"""

from __future__ import annotations

import re
from fractions import Fraction

from cnnquiz.errors import ReadError
from cnnquiz.questions.expr_parser import CONSTANTS, FUNCTIONS
from cnnquiz.questions.model import Answer, Precision, Reading
from cnnquiz.questions.reading_bounds import Number, shorten
from cnnquiz.questions.safe_eval import evaluate

SUFFIX_REASON = "K/M suffixes only for questions that ask for an estimate"

_SUFFIXES: dict[str, int] = {
    "k": 10**3, "thousand": 10**3, "千": 10**3, "m": 10**6, "mil": 10**6, "million": 10**6,
    "万": 10**4, "g": 10**9, "b": 10**9, "bn": 10**9, "billion": 10**9, "亿": 10**8,
}
_LITERAL = re.compile(r"[+-]?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,6}))?")
GROUPED = re.compile(r"(?<![\d.])\d{1,3}(?:([,' ])\d{3})(?:\1\d{3})*(?!\d)")
_FUNCTION_CALL = re.compile(r"[A-Za-z]\s*\(")


def strip_words(s: str, unit: str = "", suffixes: bool = True) -> tuple[str, int]:
    """Remove trailing unit words (`params`, `px`, `个参数`) and read a K/M/万 suffix.

    Returns the remaining text and the suffix multiplier (1 without one). Names the
    evaluator knows (`pi`, `e`, `exp`...) and a lone word are left for it to judge.
    """
    for _ in range(12):
        split = _last_word(s)
        if split is None:
            break
        head, word = split
        low = word.lower()
        if not head or low in FUNCTIONS or low in CONSTANTS or low == "x":
            break
        if unit and low == unit.strip().lower():
            s = head
            continue
        if low in _SUFFIXES:
            if suffixes and (head[-1].isdigit() or head[-1] in ".)"):
                return head, _SUFFIXES[low]
            break
        s = head
    return s, 1


def _last_word(s: str) -> tuple[str, str] | None:
    """(text before, last word) when `s` ends in an ASCII word or one CJK character.

    A backwards scan rather than a `$`-anchored regex search, which is quadratic.
    """
    end = len(s.rstrip().rstrip(".").rstrip())
    start = end
    if start and "\u3400" <= s[start - 1] <= "\u9fff":
        start -= 1
    else:
        while start and s[start - 1].isascii() and s[start - 1].isalpha():
            start -= 1
    if start == end:
        return None
    return s[:start].rstrip(), s[start:end]


def literal_precision(s: str) -> Precision:
    """(decimals, significant digits) when `s` is one plain decimal literal."""
    m = _LITERAL.fullmatch(s.strip())
    if m is None or not (m.group(1) or m.group(2)):
        return None
    whole, frac = m.group(1), m.group(2) or ""
    decimals = len(frac) - int(m.group(3) or 0)
    significant = len((whole + frac).lstrip("0")) or 1
    return decimals, significant


def ungroup(s: str) -> str:
    """`34,944` / `34 944` / `34'944` / `34_944` -> `34944` (commas not inside calls)."""
    s = re.sub(r"(?<=\d)_(?=\d)", "", s)
    if _FUNCTION_CALL.search(s):
        return GROUPED.sub(lambda m: m.group(0) if m.group(1) == "," else
                            m.group(0).replace(m.group(1), ""), s)
    return GROUPED.sub(lambda m: m.group(0).replace(m.group(1), ""), s)


def read_scalar(s: str, answer: Answer) -> Reading:
    """An int or float answer: number, expression, fraction, `35K`, `40%`, with units."""
    s, multiplier = strip_words(s, answer.unit)
    percent = s.endswith("%") and "%" not in answer.unit
    s = s.rstrip("%").rstrip() if s.endswith("%") else s
    if multiplier != 1 and not answer.allow_rounding:
        raise ReadError(SUFFIX_REASON)
    s = ungroup(s)
    if not s:
        raise ReadError("no number found")
    try:
        value: Number = evaluate(s)
    except ReadError as err:
        if re.fullmatch(r"\d+,\d+", s):
            raise ReadError(f"'{shorten(s)}' is not a number here (use '.' for decimals)"
                            ) from err
        raise
    precision = literal_precision(s)
    shift = len(str(multiplier)) - 1 - (2 if percent else 0)
    if multiplier != 1 or percent:
        value = _scale(value, Fraction(multiplier) / (100 if percent else 1))
        if precision is not None:
            precision = (precision[0] - shift, precision[1])
    return Reading(value, precision)


def _scale(value: Number, factor: Fraction) -> Number:
    if isinstance(value, float):
        return value * float(factor)
    scaled = Fraction(value) * factor
    return int(scaled) if scaled.denominator == 1 else scaled

