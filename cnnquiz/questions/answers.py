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
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from cnnquiz.questions.model import Answer, Option
from cnnquiz.questions.safe_eval import (
    CONSTANTS,
    FUNCTIONS,
    MAX_CHARS,
    Number,
    ReadError,
    evaluate,
    normalize,
    shorten,
)

SUFFIX_REASON = "K/M suffixes only for questions that ask for an estimate"

#: (decimals written, significant digits) of an answer typed as a plain decimal literal;
#: None for expressions. Grading uses it to accept sensibly rounded answers.
Precision = tuple[int, int] | None

_SUFFIXES: dict[str, int] = {
    "k": 10**3, "thousand": 10**3, "千": 10**3, "m": 10**6, "mil": 10**6, "million": 10**6,
    "万": 10**4, "g": 10**9, "b": 10**9, "bn": 10**9, "billion": 10**9, "亿": 10**8,
}
_PREFIX = re.compile(r"^(?:(?:answer|ans|答案|答)\s*[:=]|[=~≈]|about|approx(?:imately|\.)?|"
                     r"around|roughly|大约|大概|约)\s*", re.IGNORECASE)
_LITERAL = re.compile(r"[+-]?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,6}))?")
_GROUPED = re.compile(r"(?<![\d.])\d{1,3}(?:([,' ])\d{3})(?:\1\d{3})*(?!\d)")
_FUNCTION_CALL = re.compile(r"[A-Za-z]\s*\(")


@dataclass(frozen=True)
class Reading:
    """A read answer: `value` as `read` returns it, plus what grading needs to be fair."""

    value: Any
    precision: Any = None  # Precision for a number; nested lists of Precision for a matrix
    extra: dict[str, Any] = field(default_factory=dict)


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
        return _GROUPED.sub(lambda m: m.group(0) if m.group(1) == "," else
                            m.group(0).replace(m.group(1), ""), s)
    return _GROUPED.sub(lambda m: m.group(0).replace(m.group(1), ""), s)


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


# --- shapes ---------------------------------------------------------------------------

_ANNOTATION = re.compile(r"(?:[(\[]([^()\[\]]*)[)\]]|\s([A-Za-z×*, ]+))\s*$")
_LAYOUT = re.compile(r"[nchw](?:x?[nchw]){2,3}")
_SHAPE_PREFIX = re.compile(r"^(?:torch\.)?size\s*", re.IGNORECASE)


def read_shape(s: str, expected: list[int]) -> Reading:
    """`55x55x96`, `(96, 55, 55)`, `96@55x55`, `1250`, `(1250,)`, `55x55x96 (HxWxC)`.

    Sizes are returned as written; a declared layout (`HWC` after the sizes) is applied,
    so the value is then in C,H,W order and `extra["declared_layout"]` says so.
    """
    s, layout = _layout_annotation(s)
    s = _unwrap(_SHAPE_PREFIX.sub("", strip_words(s, suffixes=False)[0]).strip())
    if not s:
        raise ReadError("no sizes found")
    parts = _shape_parts(s, expected)
    dims = [_dim(p) for p in parts]
    extra: dict[str, Any] = {}
    if layout:
        if len(layout) != len(dims):
            raise ReadError(f"layout {layout.upper()} names {len(layout)} sizes "
                            f"but {len(dims)} were given")
        by_letter = dict(zip(layout, dims, strict=True))
        dims = [by_letter[c] for c in "nchw" if c in by_letter]
        extra["declared_layout"] = layout.upper()
    return Reading(dims, extra=extra)


def _layout_annotation(s: str) -> tuple[str, str]:
    m = _ANNOTATION.search(s)
    if m is None or not s[:m.start()].strip():
        return s, ""
    letters = re.sub(r"[\s,×*]", "", (m.group(1) or m.group(2) or "")).lower()
    if not _LAYOUT.fullmatch(letters):
        return s, ""
    letters = letters.replace("x", "")
    if sorted(letters) not in (sorted("chw"), sorted("nchw")):
        return s, ""
    return s[:m.start()].strip(), letters


def _unwrap(s: str, layers: int = 3) -> str:
    """Remove up to `layers` outer brackets that enclose everything: `((96, 55))` -> `96, 55`.

    Bounded, so `[[[[...` thousands deep costs a few passes; deeper nesting is left to
    the evaluator, which refuses it.
    """
    pairs = {"(": ")", "[": "]", "{": "}"}
    for _ in range(layers):
        if len(s) < 2 or s[0] not in pairs or s[-1] != pairs[s[0]]:
            return s
        depth = 0
        for i, c in enumerate(s):
            depth += c == s[0]
            depth -= c == pairs[s[0]]
            if depth == 0 and i < len(s) - 1:
                return s
        s = s[1:-1].strip()
    return s


def _shape_parts(s: str, expected: list[int]) -> list[str]:
    if "@" in s:  # C@HxW
        channels, _, spatial = s.partition("@")
        return [channels, *re.split(r"[x×X*]", spatial)]
    if len(expected) == 1 and _GROUPED.fullmatch(s):
        return [ungroup(s)]  # `1,250` as a flat size
    if "," in s:
        parts = s.split(",")
        return parts[:-1] if len(parts) > 1 and not parts[-1].strip() else parts
    if re.search(r"[x×X]", s):
        return re.split(r"[x×X]", s)
    if re.fullmatch(r"\d+(?:\s+\d+)+", s):
        return s.split()
    if "*" in s and len(expected) > 1:
        return s.split("*")
    return [s]


def _dim(part: str) -> int:
    part = part.strip()
    if not part:
        raise ReadError("a size is missing between separators")
    value = evaluate(part, allow_x=False)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or value < 0:
        raise ReadError(f"shape sizes must be whole numbers, got '{shorten(part)}'")
    return value


# --- matrices -------------------------------------------------------------------------

_TENSOR = re.compile(r"^(?:torch\.|np\.|numpy\.)?(?:tensor|array)\s*\((.*)\)$",
                     re.IGNORECASE | re.DOTALL)
_KEYWORDS = re.compile(r",\s*(?:dtype|requires_grad|grad_fn|device)\s*=.*$", re.DOTALL)
MAX_MATRIX_DEPTH = 4


def read_matrix(s: str, expected: Any) -> Reading:
    """`1 2; 3 4`, rows on lines, `[[1,2],[3,4]]`, numpy/torch prints, `|` between channels.

    Entries may be expressions. The result is coerced to the expected nesting when the
    intent is clear (a single row for a vector, a single channel for C=1).
    """
    m = _TENSOR.match(s)
    if m:
        s = _KEYWORDS.sub("", m.group(1)).strip()
    if s.startswith("(") and s.endswith(")") and "," in s and not re.search(r"[()\[\]]", s[1:-1]):
        s = f"[{s[1:-1]}]"  # a flat tuple, as Python prints a position: (0, 3, 5)
    cells = _brackets(s) if s.startswith("[") else _plain(s)
    _box_shape(cells)
    values = _map(cells, lambda c: evaluate(c))
    precision = _map(cells, literal_precision)
    values, precision = _coerce(values, expected), _coerce(precision, expected)
    return Reading(values, precision)


def _map(cells: Any, fn: Any) -> Any:
    return [_map(c, fn) for c in cells] if isinstance(cells, list) else fn(cells)


def _split_entries(text: str) -> list[str]:
    """Entries of one row: split at top-level commas if any, else at whitespace."""
    parts: list[str] = []
    buf: list[str] = []
    depth = 0
    for c in text:
        depth += (c == "(") - (c == ")")
        if c == "," and depth == 0:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(c)
    parts.append("".join(buf))
    if len(parts) == 1:
        return text.split()
    if not parts[-1].strip():
        parts.pop()  # a trailing comma, as Python allows
    if any(not p.strip() for p in parts):
        raise ReadError("an entry is missing between commas")
    return [p.strip() for p in parts]


def _brackets(s: str) -> list[Any]:
    stack: list[list[Any]] = [[]]
    buf: list[str] = []
    paren = 0
    for i, c in enumerate(s):
        if paren or c == "(":
            paren += (c == "(") - (c == ")")
            buf.append(c)
        elif c == "[":
            if "".join(buf).strip(" ,\n\t") or (len(stack) == 1 and stack[0]):
                raise ReadError(f"unexpected '[' at position {i + 1}")
            if len(stack) > MAX_MATRIX_DEPTH:
                raise ReadError("matrix nested too deeply")
            buf = []
            stack.append([])
        elif c == "]":
            if len(stack) == 1:
                raise ReadError(f"unexpected ']' at position {i + 1}")
            rows, text = stack.pop(), "".join(buf)
            buf = []
            if rows and text.strip(" ,\n\t"):
                raise ReadError("numbers and rows are mixed in one list")
            entries = [] if rows else _split_entries(text)
            stack[-1].append(rows or entries)
        else:
            if len(stack) == 1 and not c.isspace():
                raise ReadError(f"unexpected '{c}' at position {i + 1}")
            buf.append(c)
    if len(stack) != 1 or paren:
        raise ReadError("missing ']' at the end" if len(stack) != 1 else "missing ')'")
    matrix: list[Any] = stack[0][0]  # the outermost bracket's rows
    return matrix


def _plain(s: str) -> list[Any]:
    channels = []
    for block in s.split("|"):
        rows = [_split_entries(r) for r in re.split(r"[;\n]", block) if r.strip()]
        if not rows:
            raise ReadError("an empty channel between '|'")
        channels.append(rows)
    return channels[0] if len(channels) == 1 else channels


def _box_shape(cells: Any) -> tuple[int, ...]:
    """The dimensions of a rectangular nested list; ragged rows are unreadable."""
    if not isinstance(cells, list):
        return ()
    if not cells:
        raise ReadError("an empty row")
    shapes = [_box_shape(c) for c in cells]
    if any(sh != shapes[0] for sh in shapes):
        lengths = sorted({sh[0] if sh else 0 for sh in shapes})
        raise ReadError(f"rows have different lengths ({' and '.join(map(str, lengths))})")
    return (len(cells), *shapes[0])


def _depth(value: Any) -> int:
    return 1 + _depth(value[0]) if isinstance(value, list) and value else 0


def _coerce(given: Any, expected: Any) -> Any:
    want, have = _depth(expected), _depth(given)
    if want == 1 and have == 2:
        if len(given) == 1:
            return given[0]
        if all(len(row) == 1 for row in given):
            return [row[0] for row in given]
    if want == 2 and have == 1:
        return [given] if len(expected) == 1 else [[v] for v in given]
    if want == 3 and have == 2 and len(expected) == 1:
        return [given]
    return given


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
