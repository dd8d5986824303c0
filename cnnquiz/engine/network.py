"""A layer stack (or a graph of residual and inception blocks) analysed layer by layer."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, Union

from cnnquiz.engine import arith
from cnnquiz.engine.arith import RF
from cnnquiz.engine.explain import Calc
from cnnquiz.engine.layers import Shape, apply
from cnnquiz.engine.spec import Layer, parse
from cnnquiz.errors import SpecError


@dataclass(frozen=True)
class Residual:
    """y = body(x) + shortcut(x); an empty shortcut is the identity."""

    body: tuple[Node, ...]
    shortcut: tuple[Node, ...] = ()
    name: str = ""


@dataclass(frozen=True)
class Concat:
    """Branches applied to the same input, concatenated along channels (inception)."""

    branches: tuple[tuple[Node, ...], ...]
    name: str = ""


Node = Union[Layer, Residual, Concat]  # noqa: UP007 (a runtime alias used in annotations)


@dataclass(frozen=True)
class Row:
    """One line of the calculator: a layer (or a merge) with its output and costs."""

    index: int
    spec: str
    type: str
    output: Shape
    params: int
    macs: int
    rf: int | None
    jump: int | None
    start: float | None = None
    pad: tuple[int, int] | None = None
    explain: Mapping[str, Calc] = field(default_factory=lambda: MappingProxyType({}))
    name: str = ""
    depth: int = 0

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "index": self.index, "spec": self.spec, "type": self.type,
            "output": list(self.output), "params": self.params, "macs": self.macs,
            "rf": self.rf, "jump": self.jump,
        }
        if self.name:
            out["name"] = self.name
        return out


@dataclass(frozen=True)
class Summary:
    input: Shape
    rows: tuple[Row, ...]

    @property
    def output(self) -> Shape:
        return self.rows[-1].output if self.rows else self.input

    @property
    def total_params(self) -> int:
        return sum(r.params for r in self.rows)

    @property
    def total_macs(self) -> int:
        return sum(r.macs for r in self.rows)

    def to_json(self) -> dict[str, Any]:
        return {
            "input": list(self.input), "layers": [r.to_json() for r in self.rows],
            "output": list(self.output), "total_params": self.total_params,
            "total_macs": self.total_macs,
        }


class _Walker:
    def __init__(self) -> None:
        self.rows: list[Row] = []

    def seq(self, nodes: Sequence[Node], shape: Shape, rf: RF | None, depth: int
            ) -> tuple[Shape, RF | None]:
        for node in nodes:
            if isinstance(node, Layer):
                shape, rf = self.layer(node, shape, rf, depth)
            elif isinstance(node, Residual):
                shape, rf = self.residual(node, shape, rf, depth)
            else:
                shape, rf = self.concat(node, shape, rf, depth)
        return shape, rf

    def _row(self, spec: str, type_: str, shape: Shape, rf: RF | None, depth: int,
             name: str = "", *, params: int = 0, macs: int = 0,
             pad: tuple[int, int] | None = None, explain: dict[str, Calc] | None = None) -> None:
        """Add the next row; it keeps `explain` (a dict of the caller's own) read-only."""
        self.rows.append(Row(
            index=len(self.rows) + 1, spec=spec, type=type_, output=shape, params=params,
            macs=macs, rf=rf.r.value if rf else None, jump=rf.j.value if rf else None,
            start=rf.start.value if rf else None, pad=pad,
            explain=MappingProxyType(explain or {}), name=name,
            depth=depth))

    def layer(self, layer: Layer, shape: Shape, rf: RF | None, depth: int
              ) -> tuple[Shape, RF | None]:
        try:
            step = apply(layer, shape, rf)
        except SpecError:
            if layer.index == len(self.rows) + 1:
                raise
            # Layers built outside a parsed spec (the zoo's, a graph's) carry no position:
            # apply again as the table's row so the message names the right layer.
            apply(replace(layer, index=len(self.rows) + 1), shape, rf)
            raise
        explain = dict(step.explain)
        if step.rf is not None:
            explain.update(rf=step.rf.r, jump=step.rf.j)
        self._row(layer.text, layer.kind, step.output, step.rf, depth, layer.name,
                  params=step.params.value, macs=step.macs.value, pad=step.pad, explain=explain)
        return step.output, step.rf

    def residual(self, block: Residual, shape: Shape, rf: RF | None, depth: int
                 ) -> tuple[Shape, RF | None]:
        body_shape, body_rf = self.seq(block.body, shape, rf, depth + 1)
        short_shape, short_rf = self.seq(block.shortcut, shape, rf, depth + 1)
        if body_shape != short_shape:
            raise SpecError(f"{block.name or 'residual block'}: cannot add {body_shape} "
                            f"and shortcut {short_shape}")
        merged = _wider(body_rf, short_rf)
        self._row("add", "add", body_shape, merged, depth, f"{block.name}.add".lstrip("."))
        return body_shape, merged

    def concat(self, block: Concat, shape: Shape, rf: RF | None, depth: int
               ) -> tuple[Shape, RF | None]:
        outs = [self.seq(b, shape, rf, depth + 1) for b in block.branches]
        sizes = {s[1:] for s, _ in outs}
        if len(sizes) != 1:
            raise SpecError(f"{block.name or 'concat'}: branches differ in size {sorted(sizes)}")
        out = (sum(s[0] for s, _ in outs), *outs[0][0][1:])
        merged = outs[0][1]
        for _, r in outs[1:]:
            merged = _wider(merged, r)
        self._row("concat", "concat", out, merged, depth, f"{block.name}.concat".lstrip("."))
        return out, merged


def _wider(a: RF | None, b: RF | None) -> RF | None:
    """The field of a merge: the larger of its inputs' (None once either is not a window)."""
    if a is None or b is None:
        return None
    return a if a.r.value >= b.r.value else b


def analyze(layers: str | Sequence[Node], input_shape: Sequence[int]) -> Summary:
    """Every layer's output, params, MACs, receptive field and jump for an input shape."""
    nodes: Sequence[Node] = parse(layers) if isinstance(layers, str) else layers
    shape = tuple(input_shape)
    if len(shape) not in (1, 3) or min(shape) < 1:
        raise SpecError(f"input must be CxHxW or N with sizes >= 1, not {shape}")
    walker = _Walker()
    walker.seq(nodes, shape, arith.rf_input() if len(shape) == 3 else None, 0)
    return Summary(shape, tuple(walker.rows))
