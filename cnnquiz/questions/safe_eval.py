"""A bounded arithmetic evaluator for answers typed by people.

Answers like `11*11*3*96 + 96` or `1/(1-0.4)` must be read, but user text is never
handed to Python's `eval`, `compile` or `ast`: the tokenizer here and the
recursive-descent parser of expr_parser compute the value directly. Every resource
is bounded before it is spent (characters, tokens, nesting, exponents, magnitudes:
reading_bounds), so `9**9**9**9` or `1e999999` are refused at once instead of being
computed.

Exact rationals (`fractions.Fraction`) are used while possible, so `1/(1-0.4)` is
exactly 5/3 and an integer result comes back as a Python `int`; only the
transcendental functions (exp, ln, irrational sqrt...) produce floats.
"""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction

from cnnquiz.errors import ReadError
from cnnquiz.questions.expr_parser import Parser, Token
from cnnquiz.questions.reading_bounds import MAX_CHARS, MAX_TOKENS, Number, literal

_NUMBER = re.compile(r"(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?")
_NAME = re.compile(r"[A-Za-z]+")
_LOG_RADIX = re.compile(r"(?:2|10)(?=\s*\()")  # log2( / log10( : digits belong to the name
_OPERATORS = {"**": "^", "^": "^", "+": "+", "-": "-", "*": "*", "/": "/", "(": "(",
              ")": ")", ",": ",", "×": "*", "·": "*", "⋅": "*", "∙": "*", "÷": "/",
              "−": "-", "–": "-"}

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_SUPERSCRIPT_RUN = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+")
_SYMBOLS = str.maketrans({"−": "-", "–": "-", "⁄": "/", "π": "pi", "、": ",", "‚": ","})


def normalize(text: str) -> str:
    """Fold the ways people type symbols into ASCII-ish text.

    Superscripts become powers *before* NFKC (which would turn `3²` into `32`);
    NFKC then folds full-width digits and Chinese punctuation (`（96，55，55）`).
    """
    if len(text) > MAX_CHARS:
        raise ReadError(f"answer too long (more than {MAX_CHARS} characters)")
    text = _SUPERSCRIPT_RUN.sub(lambda m: "^(" + m.group(0).translate(_SUPERSCRIPTS) + ")",
                                text)
    return unicodedata.normalize("NFKC", text).translate(_SYMBOLS)


def evaluate(text: str, *, allow_x: bool = True) -> Number:
    """The value of an arithmetic expression; `x`/`X` multiply when `allow_x`.

    Raises ReadError with a human reason for anything unreadable or out of bounds.
    """
    text = normalize(text)
    if len(text) > MAX_CHARS:
        raise ReadError(f"answer too long (more than {MAX_CHARS} characters)")
    tokens = _tokenize(text)
    if not tokens:
        raise ReadError("no number found")
    value = Parser(tokens, allow_x).parse()
    return _simplify(value)


def _simplify(value: Number) -> Number:
    if isinstance(value, Fraction) and value.denominator == 1:
        return int(value.numerator)
    return value



def _tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if len(tokens) >= MAX_TOKENS:
            raise ReadError(f"expression too long (more than {MAX_TOKENS} symbols)")
        if c.isascii() and (c.isdigit() or (c == "." and text[i + 1:i + 2].isdigit())):
            m = _NUMBER.match(text, i)
            assert m is not None  # the pattern matches the digit or '.' at i
            tokens.append(("num", literal(m), i + 1))
            i = m.end()
        elif c.isascii() and c.isalpha():
            m = _NAME.match(text, i)
            assert m is not None
            name, i_next = m.group(0), m.end()
            if name.lower() == "log" and (radix := _LOG_RADIX.match(text, i_next)):
                name, i_next = name + radix.group(0), radix.end()
            tokens.append(("name", name, i + 1))
            i = i_next
        elif text.startswith("**", i):
            tokens.append(("^", "**", i + 1))
            i += 2
        elif c in _OPERATORS:
            tokens.append((_OPERATORS[c], c, i + 1))
            i += 1
        else:
            shown = f'"{c}"' if c == "'" else f"'{c}'"
            raise ReadError(f"unexpected {shown} at position {i + 1}")
    return tokens
