"""Reading a matrix answer: `1 2; 3 4`, rows on lines, `[[1,2],[3,4]]`, numpy/torch prints.

By-hand questions (a convolution, a pooling window) ask for grids of numbers. A person
may paste what Python printed or type rows by hand; both are read into nested lists of
the same rectangular shape, each entry an expression with its written precision.
"""

from __future__ import annotations

import re
from typing import Any

from cnnquiz.errors import ReadError
from cnnquiz.questions.model import Reading
from cnnquiz.questions.read_numbers import literal_precision
from cnnquiz.questions.safe_eval import evaluate

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
