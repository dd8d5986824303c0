"""Helpers shared by the parameter, compute, receptive-field and upsampling templates.

Composite specs (documented here once, used by several templates) let a question that
compares two stacks stay recomputable without cnnquiz:

- `{"op": "difference", "a": SPEC, "b": SPEC}`: answer(a) - answer(b) (a saving);
- `{"op": "ratio", "a": SPEC, "b": SPEC}`: answer(a) / answer(b);
- `{"op": "inception", "input": [C, H, W], "branches": [layer spec, ...], "ask":
  "params|macs"}`: branches applied to the same input and concatenated along channels;
  the answer sums every branch (all convolutions in every branch count).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cnnquiz.engine import arith
from cnnquiz.engine.arith import RF
from cnnquiz.engine.explain import const
from cnnquiz.engine.network import Summary
from cnnquiz.engine.spec import parse
from cnnquiz.questions.template import Ctx
from cnnquiz.questions.templates.common import net


def thousands(n: int | float) -> str:
    """34944 -> '34,944' (the way the notes write counts)."""
    if isinstance(n, float) and not n.is_integer():
        return f"{n:,.2f}"
    return f"{int(n):,}"


def layer_block(layers: str) -> str:
    """A numbered code block of a layer spec, one layer a line (1-based like `calc`)."""
    lines = [f"{i:>2}  {text}" for i, text in enumerate(_split(layers), 1)]
    return "```\n" + "\n".join(lines) + "\n```"


def _split(layers: str) -> list[str]:
    return [p.strip() for p in layers.split("->")]


def dsl_note(t: Ctx) -> str:
    """How to read the layer spec in a prompt."""
    return t.tr(
        "`conv(out,k,s,p)` is PyTorch `Conv2d` with `out` filters of size k x k, stride s "
        "(default 1), padding p (default 0); `maxpool(k)`/`avgpool(k)` use stride k unless "
        "`s` is given; `linear(n)` acts on the flattened input.",
        "`conv(out,k,s,p)` 即 PyTorch 的 `Conv2d`：`out` 个 k x k 卷积核，步长 s（默认 1），"
        "填充 p（默认 0）；`maxpool(k)`/`avgpool(k)` 未写 `s` 时步长为 k；`linear(n)` 作用在展平后的输入上。",
    )


def difference(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    return {"op": "difference", "a": a, "b": b}


def ratio(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    return {"op": "ratio", "a": a, "b": b}


def inception_spec(shape: Sequence[int], branches: Sequence[str], ask: str) -> dict[str, Any]:
    return {"op": "inception", "input": list(shape), "branches": list(branches), "ask": ask}


def branch_summaries(shape: tuple[int, ...], branches: Sequence[str]) -> list[Summary]:
    return [net(b, shape) for b in branches]


def rf_walk(layers: str, *, dilation: bool = True,
            stride: bool = True, own_stride: bool = False, padding: bool = True) -> RF:
    """The receptive-field recursion over a plain stack, optionally with a misconception.

    The right answer comes from `analyze`; this variant exists to compute what a
    student gets by ignoring dilation or strides, by multiplying in the layer's own
    stride, or by forgetting that padding shifts the window.
    """
    rf = arith.rf_input()
    for layer in parse(layers) if layers.strip() else []:
        a = layer.args
        if layer.kind not in ("conv", "maxpool", "avgpool"):
            continue
        k, s = a["k"][0], a["s"][0] if stride else 1
        d = a.get("d", (1, 1))[0] if dilation else 1
        p = a["p"][0] if isinstance(a["p"], tuple) else 0
        p = p if padding else 0
        right = arith.rf_step(rf, k, s, p, d)
        if own_stride:  # (K-1) times the jump AFTER this layer: r grows too fast, j is right
            wrong = arith.rf_step(RF(rf.r, const(rf.j.value * s), rf.start), k, 1, p, d)
            right = RF(wrong.r, right.j, right.start)
        rf = right
    return rf


def conv_text(out: int, kh: int, kw: int | None = None, *, s: int = 1, ph: int = 0,
              pw: int | None = None, d: int = 1, g: int = 1, bias: bool = True) -> str:
    """The layer-spec text of a convolution, writing only non-default arguments."""
    kw = kh if kw is None else kw
    pw = ph if pw is None else pw
    k = f"{kh}" if kh == kw else f"{kh}x{kw}"
    parts = [str(out), f"k={k}"]
    if s != 1:
        parts.append(f"s={s}")
    if ph or pw:
        parts.append(f"p={ph}" if ph == pw else f"p={ph}x{pw}")
    if d != 1:
        parts.append(f"d={d}")
    if g != 1:
        parts.append(f"g={g}")
    if not bias:
        parts.append("bias=false")
    return f"conv({','.join(parts)})"
