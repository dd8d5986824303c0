"""The limits every answer reader enforces, and the arithmetic that keeps to them.

A person's answer is read by a hand-written evaluator (safe_eval), and every resource
it could spend is bounded before it is spent: characters, tokens, nesting, exponents,
magnitudes and the size of exact fractions. The limits and the few operations that can
grow a number (a literal's exponent, a power, a function) live here together, so one
file says how big anything read from a person may get.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from fractions import Fraction

from cnnquiz.errors import ReadError

Number = int | Fraction | float

MAX_CHARS = 2000
MAX_TOKENS = 200
MAX_DEPTH = 32
MAX_EXPONENT = 64
MAX_MAGNITUDE = 10**18
_MAX_EXACT_BITS = 256  # beyond this numerator/denominator size a Fraction becomes a float


def shorten(text: str, limit: int = 24) -> str:
    """User text quoted in a reason, cut so a reason stays one short line."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def literal(m: re.Match[str]) -> Number:
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
    return checked(Fraction(int(whole + frac)) * Fraction(10) ** (exp - len(frac)))


def checked(value: Number) -> Number:
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


def power(base: Number, exp: Number) -> Number:
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
        return checked(exact ** int(exp))
    return checked(float(base) ** float(exp))


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


UNARY: dict[str, Callable[[Number], Number]] = {
    "exp": _exp, "ln": lambda v: _log(v, None), "log": lambda v: _log(v, None),
    "log2": lambda v: _log(v, 2), "log10": lambda v: _log(v, 10), "sqrt": _sqrt,
    "floor": lambda v: math.floor(v), "ceil": lambda v: math.ceil(v),
}
