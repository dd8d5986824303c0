"""Reading a given answer the way a person writes it, according to the expected kind.

The same text means different things for different questions: `55x55x96` is a shape
for a shape question but the product 290400 for a count, `35K` is fine for an estimate
and refused for an exact count. So reading always takes the expected `Answer`.
Arithmetic goes through `safe_eval` (never Python's eval). Anything unreadable raises
`ReadError` whose reason is shown to the person; blank answers are detected separately
with `is_blank` so callers can grade them "blank" rather than "unreadable".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from cnnquiz.errors import ReadError
from cnnquiz.questions.model import Answer, Option, Reading
from cnnquiz.questions.read_matrices import read_matrix
from cnnquiz.questions.read_numbers import read_scalar
from cnnquiz.questions.read_shapes import read_shape
from cnnquiz.questions.reading_bounds import MAX_CHARS, shorten
from cnnquiz.questions.safe_eval import normalize

_PREFIX = re.compile(r"^(?:(?:answer|ans|答案|答)\s*[:=]|[=~≈]|about|approx(?:imately|\.)?|"
                     r"around|roughly|大约|大概|约)\s*", re.IGNORECASE)


def is_blank(text: str | None) -> bool:
    """Empty or whitespace-only (full-width spaces included): graded "blank", not read."""
    return text is None or not str(text).strip()


def read(text: str, answer: Answer, options: Sequence[Option] = ()) -> Any:
    """The value of `text` read as an answer of `answer.kind`.

    int/float: int, Fraction or float (exact when the text is exact); shape: list[int]
    as written (layout is judged by grading); matrix: nested lists of numbers; choice:
    a letter "B" or a sorted list of letters; text: the stripped text. `options` lets a
    True/False question accept `true`, `对`, `√`... Raises ReadError with a reason.
    """
    return read_detailed(text, answer, options).value


def read_detailed(text: str, answer: Answer, options: Sequence[Option] = ()) -> Reading:
    """Like `read`, also returning the precision written (for rounding leeway)."""
    if is_blank(text):
        raise ReadError("no answer given")
    if len(text) > MAX_CHARS:
        raise ReadError(f"answer too long (more than {MAX_CHARS} characters)")
    s = clean(normalize(text))
    if answer.kind in ("int", "float"):
        return read_scalar(s, answer)
    if answer.kind == "shape":
        return read_shape(s, list(answer.value))
    if answer.kind == "matrix":
        return read_matrix(s, answer.value)
    if answer.kind == "choice":
        return Reading(read_choice(s, options))
    return Reading(s)


def clean(s: str) -> str:
    """Drop wrapping quotes/backticks, `answer:` and `≈`/`about` prefixes, a final `。`."""
    s = s.strip().strip("`\"").strip().rstrip("。").strip()
    for _ in range(3):
        stripped = _PREFIX.sub("", s, count=1)
        if stripped == s:
            break
        s = stripped
    return s.strip()


# --- choices --------------------------------------------------------------------------

_TRUE = frozenset({"true", "t", "yes", "y", "对", "正确", "是", "√", "✓", "✔", "right",
                   "correct"})
_FALSE = frozenset({"false", "f", "no", "n", "错", "错误", "否", "不对", "×", "✗", "✘", "x",
                    "wrong", "incorrect"})
_CHOICE_PREFIX = re.compile(r"^(?:options?|choice|选项|选)\s*", re.IGNORECASE)
_CHOICE_SPLIT = re.compile(r"[\s,;/&+]+|\band\b|和|与|及", re.IGNORECASE)


def read_choice(s: str, options: Sequence[Option] = ()) -> str | list[str]:
    """`B`, `(b)`, `B.`, `A, C`, `AC`, `a c`; True/False questions also `true`, `对`, `√`."""
    word = s.strip().rstrip("。.!").strip().lower()
    truth = _true_false_letters(options)
    if truth is not None and (word in _TRUE or word in _FALSE):
        return truth[0] if word in _TRUE else truth[1]
    valid = sorted(o.letter.upper() for o in options) or [chr(c) for c in range(65, 91)]
    letters: set[str] = set()
    for piece in _CHOICE_SPLIT.split(_CHOICE_PREFIX.sub("", s.strip())):
        piece = re.sub(r"^[(\[{]+|[)\]}.:]+$", "", piece.strip())
        if not piece:
            continue
        if not (piece.isascii() and piece.isalpha()):
            raise ReadError(f"'{shorten(piece)}' is not an option letter")
        for letter in piece.upper():
            if letter not in valid:
                raise ReadError(f"no option {letter} (options are {', '.join(valid)})")
            letters.add(letter)
    if not letters:
        raise ReadError("no option letter found")
    chosen = sorted(letters)
    return chosen[0] if len(chosen) == 1 else chosen


def _true_false_letters(options: Sequence[Option]) -> tuple[str, str] | None:
    """(letter of True, letter of False) when the options are exactly True and False."""
    if len(options) != 2:
        return None
    true_letter = false_letter = ""
    for o in options:
        text = normalize(o.text).strip().rstrip("。.").strip().lower()
        if text in ("true", "对", "正确", "是"):
            true_letter = o.letter.upper()
        elif text in ("false", "错", "错误", "否"):
            false_letter = o.letter.upper()
    return (true_letter, false_letter) if true_letter and false_letter else None
