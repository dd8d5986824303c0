"""The arguments a layer of the spec language takes, and how each typed value is read.

Every number in a spec or an `--input` size comes from a person, so each is checked
here before the engine sees it: whole numbers within MAX_VALUE, `N` or `HxW` pairs,
padding words, booleans, probabilities and scales, each refused with a message that
names the layer and shows the usage. spec.py holds which layers take which arguments.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cnnquiz.errors import SpecError

MAX_VALUE = 10**9

REQ = object()  # marks a required argument

_PAIR_SEP_RE = re.compile(r"\s*[x×*]\s*")
_INT_RE = re.compile(r"^[+-]?\d+$")
_FLOAT_RE = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?$")


@dataclass(frozen=True)
class Arg:
    name: str
    type: str  # int | pair | pad | bool | prob | scale
    default: Any = REQ


@dataclass(frozen=True)
class Signature:
    kind: str
    args: tuple[Arg, ...] = ()
    aliases: Mapping[str, str] = field(default_factory=dict)

    def usage(self) -> str:
        parts = [a.name if a.default is REQ else f"{a.name}={_show(a.default)}" for a in self.args]
        return f"{self.kind}({', '.join(parts)})" if parts else self.kind


def _show(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return "k"
    return str(v)


def default_value(arg: Arg) -> Any:
    if arg.type == "pair" and isinstance(arg.default, int):
        return (arg.default, arg.default)
    if arg.type == "pad" and isinstance(arg.default, int):
        return (arg.default, arg.default)
    return arg.default


def _int(val: str, what: str, where: str, minimum: int) -> int:
    if not _INT_RE.match(val):
        raise SpecError(f"{where}: {what} must be a whole number, not {val[:30]!r}")
    if len(val) > 12 or abs(int(val)) > MAX_VALUE:
        raise SpecError(f"{where}: {what} = {val[:30]} is too large (at most {MAX_VALUE:,})")
    n = int(val)
    if n < minimum:
        raise SpecError(f"{where}: {what} must be at least {minimum}, not {n}")
    return n


_MINIMUM = {"p": 0, "op": 0}


def convert(val: str, arg: Arg, where: str, sig: Signature) -> Any:
    what = arg.name
    minimum = _MINIMUM.get(arg.name, 1)
    if arg.type == "int":
        return _int(val, what, where, minimum)
    if arg.type in ("pair", "pad"):
        low = val.lower()
        if arg.type == "pad" and low in ("valid", "same", "full"):
            return low
        items = _PAIR_SEP_RE.split(low)
        if len(items) == 1:
            n = _int(items[0], what, where, minimum)
            return (n, n)
        if len(items) == 2:
            return (_int(items[0], what, where, minimum), _int(items[1], what, where, minimum))
        extra = " or valid, same, full" if arg.type == "pad" else ""
        raise SpecError(f"{where}: {what} must be N or HxW{extra}, not {val[:30]!r}")
    if arg.type == "bool":
        low = val.lower()
        if low in ("true", "1", "yes"):
            return True
        if low in ("false", "0", "no"):
            return False
        raise SpecError(f"{where}: {what} must be true or false, not {val[:30]!r}")
    if arg.type in ("prob", "scale"):
        if not _FLOAT_RE.match(val):
            raise SpecError(f"{where}: {what} must be a number, not {val[:30]!r}")
        x = float(val)
        if arg.type == "prob" and not 0.0 <= x <= 1.0:
            raise SpecError(f"{where}: dropout probability has to be between 0 and 1, but got {x}")
        if arg.type == "scale" and not 0.0 < x <= 1000:
            raise SpecError(f"{where}: scale must be above 0 and at most 1000, not {x}")
        return x
    raise AssertionError(arg.type)  # pragma: no cover


def parse_input(text: str) -> tuple[int, ...]:
    """Read `--input` as CxHxW (or a flat N); sizes must be positive and bounded."""
    items = [t for t in re.split(r"\s*[x×,*]\s*", text.strip().strip("()[]")) if t]
    if len(items) not in (1, 3) or not all(_INT_RE.match(t) for t in items):
        raise SpecError(f"--input must be CxHxW (like 3x224x224) or a flat size N, not {text[:40]!r}")
    out = []
    for t in items:
        if not _INT_RE.match(t) or len(t) > 12 or int(t) < 1 or int(t) > MAX_VALUE:
            raise SpecError(
                f"--input sizes must be whole numbers from 1 to {MAX_VALUE:,}, not {t[:30]!r}"
            )
        out.append(int(t))
    return tuple(out)
