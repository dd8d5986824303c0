"""Reading a shape answer: `55x55x96`, `(96, 55, 55)`, `96@55x55`, `torch.Size([...])`.

People write shapes in many layouts and may say which (`55x55x96 (HxWxC)`); the sizes
are kept as written, a declared layout is applied, and judging the order is left to
grading, which knows the expected shape.
"""

from __future__ import annotations

import re
from typing import Any

from cnnquiz.errors import ReadError
from cnnquiz.questions.model import Reading
from cnnquiz.questions.read_numbers import GROUPED, strip_words, ungroup
from cnnquiz.questions.reading_bounds import shorten
from cnnquiz.questions.safe_eval import evaluate

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
    if len(expected) == 1 and GROUPED.fullmatch(s):
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

