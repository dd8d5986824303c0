"""The layer spec language (contract: "Layer spec"), parsed without ever evaluating Python.

    spec  := layer (SEP layer)*          SEP := "->" | ";" | newline
    layer := name [ "(" arg ("," arg)* ")" ]
    arg   := value | key "=" value
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from cnnquiz.errors import SpecError

MAX_VALUE = 10**9
MAX_LAYERS = 10_000
MAX_SPEC_CHARS = 200_000
PARSED_LAYERS_KEPT = 4096  # distinct (layer text, position) pairs whose parse is kept

REQ = object()  # marks a required argument


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


_CONV_ALIASES = {
    "out_channels": "out", "kernel_size": "k", "stride": "s", "padding": "p",
    "dilation": "d", "groups": "g",
}
_POOL_ALIASES = {"kernel_size": "k", "stride": "s", "padding": "p", "dilation": "d",
                 "ceil_mode": "ceil"}

# Element-wise activations beyond relu/sigmoid/tanh (named as PyTorch's modules, lower case):
# shape-preserving and parameter-free, so a printed model's GELU or SiLU keeps its name.
MORE_ACTIVATIONS = ("gelu", "silu", "elu", "selu", "leakyrelu", "relu6", "hardswish",
                    "hardsigmoid", "mish", "softplus", "softmax")

SIGNATURES: dict[str, Signature] = {
    "conv": Signature("conv", (
        Arg("out", "int"), Arg("k", "pair"), Arg("s", "pair", 1), Arg("p", "pad", 0),
        Arg("d", "pair", 1), Arg("g", "int", 1), Arg("bias", "bool", True)), _CONV_ALIASES),
    "convT": Signature("convT", (
        Arg("out", "int"), Arg("k", "pair"), Arg("s", "pair", 1), Arg("p", "pair", 0),
        Arg("op", "pair", 0), Arg("d", "pair", 1), Arg("g", "int", 1), Arg("bias", "bool", True)),
        {**_CONV_ALIASES, "output_padding": "op"}),
    "maxpool": Signature("maxpool", (
        Arg("k", "pair"), Arg("s", "pair", None), Arg("p", "pair", 0), Arg("d", "pair", 1),
        Arg("ceil", "bool", False)), _POOL_ALIASES),
    "avgpool": Signature("avgpool", (
        Arg("k", "pair"), Arg("s", "pair", None), Arg("p", "pair", 0),
        Arg("ceil", "bool", False)), _POOL_ALIASES),
    "adaptiveavgpool": Signature("adaptiveavgpool", (Arg("n", "pair"),), {"output_size": "n"}),
    "adaptivemaxpool": Signature("adaptivemaxpool", (Arg("n", "pair"),), {"output_size": "n"}),
    "linear": Signature("linear", (Arg("out", "int"), Arg("bias", "bool", True)),
                        {"out_features": "out"}),
    "bn": Signature("bn"),
    "relu": Signature("relu"),
    "sigmoid": Signature("sigmoid"),
    "tanh": Signature("tanh"),
    **{name: Signature(name) for name in MORE_ACTIVATIONS},
    "dropout": Signature("dropout", (Arg("p", "prob", 0.5),)),
    "flatten": Signature("flatten"),
    "pixelshuffle": Signature("pixelshuffle", (Arg("r", "int"),), {"upscale_factor": "r"}),
    "upsample": Signature("upsample", (Arg("scale", "scale"),), {"scale_factor": "scale"}),
}

NAME_ALIASES = {
    "conv": "conv", "conv2d": "conv",
    "convt": "convT", "convtranspose2d": "convT", "conv_transpose2d": "convT", "deconv": "convT",
    "maxpool": "maxpool", "maxpool2d": "maxpool", "max_pool2d": "maxpool",
    "avgpool": "avgpool", "avgpool2d": "avgpool", "avg_pool2d": "avgpool",
    "adaptiveavgpool": "adaptiveavgpool", "adaptiveavgpool2d": "adaptiveavgpool",
    "adaptive_avg_pool2d": "adaptiveavgpool", "gap": "adaptiveavgpool",
    "adaptivemaxpool": "adaptivemaxpool", "adaptivemaxpool2d": "adaptivemaxpool",
    "linear": "linear", "fc": "linear", "dense": "linear",
    "bn": "bn", "batchnorm": "bn", "batchnorm2d": "bn", "batchnorm1d": "bn",
    "relu": "relu", "sigmoid": "sigmoid", "tanh": "tanh", "dropout": "dropout",
    "flatten": "flatten", "pixelshuffle": "pixelshuffle", "pixel_shuffle": "pixelshuffle",
    "upsample": "upsample", "swish": "silu",
    **{name: name for name in MORE_ACTIVATIONS},
}


@dataclass(frozen=True)
class Layer:
    """One parsed layer: canonical kind and arguments (pairs as (h, w)), text as written."""

    kind: str
    args: Mapping[str, Any]
    text: str
    index: int = 0
    name: str = ""

    def where(self) -> str:
        """How an error names this layer: 'layer 13 features.12 "maxpool(3,s=2)"'.

        A layer outside any stack (index 0, e.g. a demo's single operation) is just its text.
        """
        head = f"layer {self.index} " if self.index else ""
        name = f"{self.name} " if self.name else ""
        return f'{head}{name}"{self.text}"'


_LAYER_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?$", re.S)
_SPACE_RE = re.compile(r"\s+")
_SPECIAL_RE = re.compile(r"->|[;\n()]")
_PAIR_SEP_RE = re.compile(r"\s*[x×*]\s*")
_INT_RE = re.compile(r"^[+-]?\d+$")
_FLOAT_RE = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?$")


def split_layers(spec: str) -> list[str]:
    """Split at top-level separators ("->", ";", newline), keeping parentheses intact."""
    if len(spec) > MAX_SPEC_CHARS:
        raise SpecError(f"spec is too long ({len(spec)} characters; at most {MAX_SPEC_CHARS})")
    parts, depth, start = [], 0, 0
    for m in _SPECIAL_RE.finditer(spec):  # only parentheses and separators matter
        mark = m.group()
        if mark in "()":
            depth += 1 if mark == "(" else -1
        elif depth == 0:
            parts.append(spec[start : m.start()])
            start = m.end()
    parts.append(spec[start:])
    return [p.strip() for p in parts if p.strip()]


def parse(spec: str) -> tuple[Layer, ...]:
    """Parse a layer spec; raise SpecError naming the layer (1-based index and text)."""
    texts = split_layers(spec)
    if not texts:
        raise SpecError("the spec is empty; write layers like conv(64,k=3,p=1) -> relu")
    if len(texts) > MAX_LAYERS:
        raise SpecError(f"too many layers ({len(texts)}; at most {MAX_LAYERS})")
    return tuple(parse_layer(t, i) for i, t in enumerate(texts, 1))


@lru_cache(maxsize=PARSED_LAYERS_KEPT)
def parse_layer(text: str, index: int = 1) -> Layer:
    """One layer of a spec at its 1-based position.

    Kept per (text, position): questions draw their stacks from a few layers (three
    quarters of the layers that benchmarks/bench_questions.py parses were parsed
    before), and a Layer, its arguments included, cannot change.
    """
    shown = _SPACE_RE.sub("", text)
    where = f'layer {index} "{shown if len(shown) <= 60 else shown[:57] + "..."}"'
    m = _LAYER_RE.match(text.strip())
    if not m:
        raise SpecError(f"{where}: expected name or name(args), e.g. conv(64, k=3, p=1)")
    raw_name, body = m.group(1), m.group(2)
    kind = NAME_ALIASES.get(raw_name.lower())
    if kind is None:
        raise SpecError(f"{where}: unknown layer {raw_name!r}; known: {', '.join(SIGNATURES)}")
    sig = SIGNATURES[kind]
    given: dict[str, Any] = {}
    raw_args = [] if body is None or not body.strip() else body.split(",")
    positional_done = False
    for pos, raw in enumerate(raw_args):
        raw = raw.strip()
        if not raw:
            raise SpecError(f"{where}: empty argument; usage: {sig.usage()}")
        if "=" in raw:
            key, _, val = raw.partition("=")
            key = key.strip().lower()
            key = sig.aliases.get(key, key)
            arg = next((a for a in sig.args if a.name == key), None)
            if arg is None:
                raise SpecError(f"{where}: unknown argument {key!r}; usage: {sig.usage()}")
            positional_done = True
        else:
            if positional_done:
                raise SpecError(f"{where}: positional argument after a keyword; usage: {sig.usage()}")
            if pos >= len(sig.args):
                raise SpecError(f"{where}: too many arguments; usage: {sig.usage()}")
            arg, val = sig.args[pos], raw
        if arg.name in given:
            raise SpecError(f"{where}: {arg.name} given twice; usage: {sig.usage()}")
        given[arg.name] = _convert(val.strip(), arg, where, sig)
    for arg in sig.args:
        if arg.name not in given:
            if arg.default is REQ:
                raise SpecError(f"{where}: missing {arg.name}; usage: {sig.usage()}")
            given[arg.name] = _convert_default(arg)
    if kind in ("maxpool", "avgpool") and given["s"] is None:
        given["s"] = given["k"]
    return Layer(kind, MappingProxyType(given), shown, index)


def _convert_default(arg: Arg) -> Any:
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


def _convert(val: str, arg: Arg, where: str, sig: Signature) -> Any:
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
