"""Worked-solution formulas (`floor((W - K + 2P)/S) + 1 = ... = 46`) as Typst math.

Solutions write their formulas as code spans in a small plain-text notation. A span
that reads as arithmetic with an equals sign becomes Typst math (floor and ceil
brackets, subscripts, a centred dot for `*`); anything else, such as a layer spec
`conv(64,k=3,p=1)` or a Python call, returns None and stays code.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<shape>\d+(?:x\d+)+(?![\w.]))
  | (?P<sci>\d+(?:\.\d+)?[eE][-+]?\d+)
  | (?P<grouped>\d{1,3}(?:,\d{3})+(?![\d.]))
  | (?P<num>\d+(?:\.\d+)?)
  | (?P<name>[A-Za-z]+(?:_[A-Za-z0-9]+)?'?)
  | (?P<op>\.\.\.|->|\|\||<=|>=|!=|[-+*/=()\[\],:;^≈<>|])
""", re.VERBOSE)

#: functions Typst math knows by name (brackets, roots and upright operators)
_FUNCS = {"floor", "ceil", "sqrt", "max", "min", "exp", "log", "ln", "tanh", "sin", "cos"}
_CALLS = {"floor", "ceil", "sqrt"}  # Typst functions: a bare name would not compile
#: short upright names that read as words, not as products of letters
_WORDS = {"in", "out", "prev", "rows", "cols", "total", "left", "right", "start", "params",
          "sigmoid", "relu", "softmax", "KL", "JS", "OP", "mean", "var", "sum", "span", "keep",
          "prob"}
_GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "eta", "lambda", "mu", "sigma", "theta"}
_OPS = {"*": " dot ", "||": " parallel ", "...": " dots ", "->": "->", "!=": "!=", ";": "\\;", ":": '":"',
        "|": "|", "^": "^", ",": ",", "=": "=", "≈": "≈", "<=": "<=", ">=": ">="}


def to_math(code: str) -> str | None:
    """Typst math for `code` (without the dollar signs), or None when it is not a formula."""
    if not re.search(r"\s[=≈]\s", code) or len(code) > 400:
        return None
    code = re.sub(r"\^-(\w+)", r"^(-\1)", code)  # e^-x: the whole exponent is raised
    out: list[str] = []
    pos = depth = 0
    for m in _TOKEN.finditer(code):
        if m.start() != pos:
            return None
        pos = m.end()
        kind, text = m.lastgroup, m.group()
        if kind == "space":
            out.append(" ")
        elif kind == "shape":
            out.append(" times ".join(text.split("x")))
        elif kind == "sci":
            mantissa, exponent = re.split("[eE]", text)
            out.append(f"{mantissa} times 10^({int(exponent)})")
        elif kind == "grouped":
            out.append(f'"{text}"')
        elif kind == "num":
            out.append(text)
        elif kind == "name":
            word = _name(text)
            if word is None or (word in _CALLS and not code.startswith("(", pos)):
                return None
            out.append(word)
        else:
            depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(text, 0)
            out.append(_OPS.get(text, text) + (" quad " if depth == 0 and text in ",;" else ""))
    if pos != len(code) or not _balanced(code):
        return None
    return "".join(out).strip()


def _name(text: str) -> str | None:
    prime = "'" if text.endswith("'") else ""
    base, _, sub = text.rstrip("'").partition("_")
    if len(base) > 1 and base not in _FUNCS | _WORDS | _GREEK:
        return None
    head = base if len(base) == 1 or base in _FUNCS | _GREEK else f'"{base}"'
    if sub:
        head += f"_{sub}" if len(sub) == 1 or sub.isdigit() else f'_"{sub}"'
    return head + prime


def _balanced(code: str) -> bool:
    depth = 0
    for c in code:
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(c, 0)
        if depth < 0:
            return False
    return depth == 0
