"""The layer spec language (contract: "Layer spec"), parsed without ever evaluating Python.

    spec  := layer (SEP layer)*          SEP := "->" | ";" | newline
    layer := name [ "(" arg ("," arg)* ")" ]
    arg   := value | key "=" value
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from cnnquiz.engine.spec_args import REQ, Arg, Signature, convert, default_value
from cnnquiz.errors import SpecError

MAX_LAYERS = 10_000
MAX_SPEC_CHARS = 200_000
PARSED_LAYERS_KEPT = 4096  # distinct (layer text, position) pairs whose parse is kept


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
        given[arg.name] = convert(val.strip(), arg, where, sig)
    for arg in sig.args:
        if arg.name not in given:
            if arg.default is REQ:
                raise SpecError(f"{where}: missing {arg.name}; usage: {sig.usage()}")
            given[arg.name] = default_value(arg)
    if kind in ("maxpool", "avgpool") and given["s"] is None:
        given["s"] = given["k"]
    return Layer(kind, MappingProxyType(given), shown, index)
