"""A bounded arithmetic evaluator for answers typed by people.

Answers like `11*11*3*96 + 96` or `1/(1-0.4)` must be read, but user text is never
handed to Python's `eval`, `compile` or `ast`: a hand-written tokenizer and a
recursive-descent parser compute the value directly. Every resource is bounded
before it is spent (characters, tokens, nesting, exponents, magnitudes), so
`9**9**9**9` or `1e999999` are refused at once instead of being computed.

Exact rationals (`fractions.Fraction`) are used while possible, so `1/(1-0.4)` is
exactly 5/3 and an integer result comes back as a Python `int`; only the
transcendental functions (exp, ln, irrational sqrt...) produce floats.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from fractions import Fraction
from typing import NoReturn

from cnnquiz.errors import CnnquizError

Number = int | Fraction | float

MAX_CHARS = 2000
MAX_TOKENS = 200
MAX_DEPTH = 32
MAX_EXPONENT = 64
MAX_MAGNITUDE = 10**18
_MAX_EXACT_BITS = 256  # beyond this numerator/denominator size a Fraction becomes a float

_NUMBER = re.compile(r"(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?")
_NAME = re.compile(r"[A-Za-z]+")
_LOG_RADIX = re.compile(r"(?:2|10)(?=\s*\()")  # log2( / log10( : digits belong to the name
_OPERATORS = {"**": "^", "^": "^", "+": "+", "-": "-", "*": "*", "/": "/", "(": "(",
              ")": ")", ",": ",", "×": "*", "·": "*", "⋅": "*", "∙": "*", "÷": "/",
              "−": "-", "–": "-"}
CONSTANTS: dict[str, float] = {"e": math.e, "pi": math.pi}
FUNCTIONS = frozenset({"exp", "ln", "log", "sqrt", "log2", "log10", "floor", "ceil", "max",
                       "min"})


class ReadError(CnnquizError, ValueError):
    """An answer that cannot be read; `reason` is a short sentence for the person."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_SUPERSCRIPT_RUN = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+")
_SYMBOLS = str.maketrans({"−": "-", "–": "-", "⁄": "/", "π": "pi", "、": ",", "‚": ","})


def shorten(text: str, limit: int = 24) -> str:
    """User text quoted in a reason, cut so a reason stays one short line."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


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
    value = _Parser(tokens, allow_x).parse()
    return _simplify(value)


def _simplify(value: Number) -> Number:
    if isinstance(value, Fraction) and value.denominator == 1:
        return int(value.numerator)
    return value


# --- tokens: (kind, payload, 1-based position); kind is "num", "name" or an operator


Token = tuple[str, Number | str, int]


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
            tokens.append(("num", _literal(m), i + 1))
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


def _literal(m: re.Match[str]) -> Number:
    """A number literal, refusing huge exponents before any big integer is built."""
    whole, frac, exp_text = m.group(1), m.group(2) or "", m.group(3)
    if exp_text is not None and len(exp_text.lstrip("+-")) > 6:
        raise ReadError("number too large" if not exp_text.startswith("-")
                        else "number too small")
    exp = int(exp_text or 0)
    digits = (whole + frac).lstrip("0")
    if not digits:
        return 0
    order = len(digits) - len(frac) + exp - 1  # power of ten of the leading digit
    if order > 18:
        raise ReadError("number too large")
    if order < -60:
        raise ReadError("number too small")
    return _check(Fraction(int(whole + frac)) * Fraction(10) ** (exp - len(frac)))


def _check(value: Number) -> Number:
    """Refuse magnitudes beyond 1e18; turn unwieldy fractions into floats."""
    if isinstance(value, float):
        if not math.isfinite(value) or abs(value) > MAX_MAGNITUDE:
            raise ReadError("number too large")
        return value
    if not -MAX_MAGNITUDE <= value <= MAX_MAGNITUDE:
        raise ReadError("number too large")
    if isinstance(value, Fraction) and (value.denominator.bit_length() > _MAX_EXACT_BITS
                                        or value.numerator.bit_length() > _MAX_EXACT_BITS):
        return float(value)
    return value


def _power(base: Number, exp: Number) -> Number:
    if not -MAX_EXPONENT <= exp <= MAX_EXPONENT:
        raise ReadError(f"exponent too large (at most {MAX_EXPONENT})")
    if isinstance(exp, float) and exp.is_integer():
        exp = int(exp)
    integral = isinstance(exp, int) or (isinstance(exp, Fraction) and exp.denominator == 1)
    if base == 0:
        if exp < 0:
            raise ReadError("division by zero")
        return 1 if exp == 0 else 0
    if base < 0 and not integral:
        raise ReadError("power of a negative number with a fractional exponent")
    if math.log10(abs(float(base))) * float(exp) > 18.5:
        raise ReadError("number too large")
    if integral:
        exact = base if isinstance(base, float) else Fraction(base)
        return _check(exact ** int(exp))
    return _check(float(base) ** float(exp))


def _exact_log(value: Number, radix: int) -> Number | None:
    """log_radix of an exact power of radix (log2(8) = 3), else None."""
    if not isinstance(value, (int, Fraction)) or value <= 0:
        return None
    frac = Fraction(value)
    top, flip = (frac.numerator, 1) if frac.denominator == 1 else (frac.denominator, -1)
    if frac.denominator != 1 and frac.numerator != 1:
        return None
    k = 0
    while top % radix == 0:
        top //= radix
        k += 1
    return flip * k if top == 1 else None


def _sqrt(v: Number) -> Number:
    if v < 0:
        raise ReadError("square root of a negative number")
    if isinstance(v, (int, Fraction)):
        f = Fraction(v)
        rn, rd = math.isqrt(f.numerator), math.isqrt(f.denominator)
        if rn * rn == f.numerator and rd * rd == f.denominator:
            return Fraction(rn, rd)
    return math.sqrt(float(v))


def _log(v: Number, radix: int | None) -> Number:
    if v <= 0:
        raise ReadError("logarithm of a number that is not positive")
    if radix is not None:
        exact = _exact_log(v, radix)
        if exact is not None:
            return exact
        return math.log2(float(v)) if radix == 2 else math.log10(float(v))
    return 0 if v == 1 else math.log(float(v))


def _exp(v: Number) -> Number:
    if v > 41.5:  # e**41.5 > 1e18
        raise ReadError("number too large")
    return 1 if v == 0 else math.exp(float(v))


_UNARY: dict[str, Callable[[Number], Number]] = {
    "exp": _exp, "ln": lambda v: _log(v, None), "log": lambda v: _log(v, None),
    "log2": lambda v: _log(v, 2), "log10": lambda v: _log(v, 10), "sqrt": _sqrt,
    "floor": lambda v: math.floor(v), "ceil": lambda v: math.ceil(v),
}


class _Parser:
    """expr := term (('+'|'-') term)*;  term := unary (('*'|'/'|'x') unary)*;
    unary := ('+'|'-') unary | power;  power := primary [('^'|'**') unary]  (right-assoc);
    primary := number | constant | function '(' expr (',' expr)* ')' | '(' expr ')'."""

    def __init__(self, tokens: list[Token], allow_x: bool) -> None:
        self.tokens = tokens
        self.i = 0
        self.allow_x = allow_x

    def parse(self) -> Number:
        value = self.expr(0)
        if self.i < len(self.tokens):
            self.fail()
        return value

    def peek(self) -> Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def fail(self, missing: str = "") -> NoReturn:
        tok = self.peek()
        if tok is None:
            raise ReadError(f"missing '{missing}' at the end" if missing
                            else "the expression ends too early")
        shown = "number" if tok[0] == "num" else f"'{tok[1]}'"
        raise ReadError(f"unexpected {shown} at position {tok[2]}")

    def expect(self, kind: str) -> None:
        tok = self.peek()
        if tok is None or tok[0] != kind:
            self.fail(kind)
        self.i += 1

    def expr(self, depth: int) -> Number:
        if depth > MAX_DEPTH:
            raise ReadError("expression nested too deeply")
        value = self.term(depth)
        while (tok := self.peek()) is not None and tok[0] in "+-":
            self.i += 1
            rhs = self.term(depth)
            value = _check(value + rhs if tok[0] == "+" else value - rhs)
        return value

    def is_times(self, tok: Token) -> bool:
        return tok[0] == "*" or (self.allow_x and tok[0] == "name" and tok[1] in ("x", "X"))

    def term(self, depth: int) -> Number:
        value = self.unary(depth)
        while (tok := self.peek()) is not None and (self.is_times(tok) or tok[0] == "/"):
            self.i += 1
            rhs = self.unary(depth)
            if tok[0] == "/":
                if rhs == 0:
                    raise ReadError("division by zero")
                value = _check(Fraction(value) / rhs if not isinstance(value, float)
                               and not isinstance(rhs, float) else value / rhs)
            else:
                value = _check(value * rhs)
        return value

    def unary(self, depth: int) -> Number:
        if depth > MAX_DEPTH:
            raise ReadError("expression nested too deeply")
        tok = self.peek()
        if tok is not None and tok[0] in "+-":
            self.i += 1
            value = self.unary(depth + 1)
            return -value if tok[0] == "-" else value
        base = self.primary(depth)
        tok = self.peek()
        if tok is not None and tok[0] == "^":
            self.i += 1
            return _power(base, self.unary(depth + 1))
        return base

    def primary(self, depth: int) -> Number:
        tok = self.peek()
        if tok is None:
            self.fail()
        kind, payload, pos = tok
        if kind == "num" and not isinstance(payload, str):
            self.i += 1
            return payload
        if kind == "(":
            self.i += 1
            value = self.expr(depth + 1)
            self.expect(")")
            return value
        if kind == "name":
            name = str(payload).lower()
            if name in CONSTANTS:
                self.i += 1
                return CONSTANTS[name]
            if name in FUNCTIONS:
                self.i += 1
                return self.call(name, pos, depth)
            if name != "x":
                raise ReadError(f"unknown name '{shorten(str(payload))}' at position {pos}")
        self.fail()

    def call(self, name: str, pos: int, depth: int) -> Number:
        self.expect("(")
        args = [self.expr(depth + 1)]
        while (tok := self.peek()) is not None and tok[0] == ",":
            self.i += 1
            args.append(self.expr(depth + 1))
        self.expect(")")
        if name in ("max", "min"):
            return max(args) if name == "max" else min(args)
        if len(args) != 1:
            raise ReadError(f"{name} takes one argument (position {pos})")
        return _check(_UNARY[name](args[0]))
