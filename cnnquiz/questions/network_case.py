"""One network as the subject of questions (`drill --network`): the network, its input,
its analysis, and what a question code carries to find it again.

A built-in network on its own input is named in the code (`alexnet`); any other network
(a layer-spec file, a print(model) file, a built-in on another input) by a fingerprint
(`f` and ten hex digits) that `show` matches against the network it is given.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from cnnquiz.engine.network import Concat, Node, Residual, Row, Summary, analyze
from cnnquiz.engine.spec import Layer
from cnnquiz.engine.user_network import UserNetwork
from cnnquiz.errors import SpecError
from cnnquiz.questions.template import Ctx
from cnnquiz.questions.templates.common import shape_text

Shape = tuple[int, ...]


@dataclass(frozen=True)
class NetworkCase:
    net: UserNetwork
    input: Shape
    summary: Summary
    ref: str  # what a question code carries: a built-in name or a fingerprint

    @property
    def rows(self) -> tuple[Row, ...]:
        return self.summary.rows

    def layer(self, row: Row) -> Layer | None:
        """The layer a row shows (None for an add or concat row)."""
        return row_layers(self.net.nodes)[row.index - 1]

    def name(self, t: Ctx) -> str:
        if self.net.builtin:
            return f"`{self.net.builtin}`"
        if self.net.model is not None:
            return t.tr(f"Your printed model `{self.net.model.root}`",
                        f"你打印的模型 `{self.net.model.root}`")
        return t.tr("Your network", "你的网络")


def case_for(net: UserNetwork, shape: Sequence[int]) -> NetworkCase:
    """The case of `net` on `shape` (SpecError if the network rejects that input)."""
    shape = tuple(shape)
    summary = net.analyze(shape)
    ref = net.builtin if net.builtin and shape == net.default_input else "f" + net.fingerprint(shape)
    return NetworkCase(net, shape, summary, ref)


def row_layers(nodes: Sequence[Node]) -> list[Layer | None]:
    """The layer behind each row of `analyze(nodes)` (None for add and concat rows), in the
    walker's order: a block's body, its shortcut or branches, then its merge row."""
    out: list[Layer | None] = []
    for n in nodes:
        if isinstance(n, Residual):
            out += [*row_layers(n.body), *row_layers(n.shortcut), None]
        elif isinstance(n, Concat):
            for branch in n.branches:
                out += row_layers(branch)
            out.append(None)
        else:
            out.append(n)
    return out


def listing(case: NetworkCase, upto: int) -> str:
    """Rows 1..upto as a numbered code block, with module names and block indentation."""
    rows = case.rows[:upto]
    width = max((len(r.name) for r in rows), default=0)
    lines = []
    for r in rows:
        name = f"{r.name:<{width}}  " if width else ""
        lines.append(f"{r.index:>3}  {name}{'  ' * r.depth}{r.spec}")
    return "```\n" + "\n".join(lines) + "\n```"


def intro(t: Ctx, case: NetworkCase, upto: int) -> str:
    """The prompt's opening: the network, its input and its first `upto` rows."""
    graph = t.tr(" An `add` row sums a residual block's body and its shortcut; a `concat` row "
                 "joins branches along channels.",
                 "`add` 行把残差块的主体与捷径相加；`concat` 行把各分支沿通道拼接。") \
        if not case.net.plain else ""
    return t.tr(
        f"{case.name(t)} takes a {shape_text(case.input)} input (C x H x W). Its first {upto} "
        f"layers, numbered as `cnnquiz calc` numbers them:\n\n{listing(case, upto)}\n\n"
        "`conv(out,k,s,p,d,g)` is PyTorch `Conv2d` (stride s, padding p, dilation d, groups g; "
        "defaults 1, 0, 1, 1); pools use stride k unless `s` is given; `linear(n)` acts on the "
        f"flattened input.{graph}",
        f"{case.name(t)}的输入为 {shape_text(case.input)}（C x H x W）。前 {upto} 层如下，"
        f"编号与 `cnnquiz calc` 相同：\n\n{listing(case, upto)}\n\n"
        "`conv(out,k,s,p,d,g)` 即 PyTorch 的 `Conv2d`（步长 s、填充 p、膨胀率 d、分组 g，默认 1、0、1、1）；"
        f"池化未写 `s` 时步长为 k；`linear(n)` 作用在展平后的输入上。{graph}")


def where(t: Ctx, row: Row) -> str:
    if not row.name:
        return t.tr(f"layer {row.index}", f"第 {row.index} 层")
    return t.tr(f"layer {row.index} (`{row.name}`)", f"第 {row.index} 层（`{row.name}`）")


def variant(case: NetworkCase, change: Callable[[Layer], Layer]) -> Summary | None:
    """The network re-analysed with every layer passed through `change` (None when the
    changed network is one PyTorch would reject)."""
    try:
        return analyze(_mapped(case.net.nodes, change), case.input)
    except SpecError:
        return None


def _mapped(nodes: Sequence[Node], change: Callable[[Layer], Layer]) -> list[Node]:
    out: list[Node] = []
    for n in nodes:
        if isinstance(n, Residual):
            out.append(Residual(tuple(_mapped(n.body, change)),
                                tuple(_mapped(n.shortcut, change)), n.name))
        elif isinstance(n, Concat):
            out.append(Concat(tuple(tuple(_mapped(b, change)) for b in n.branches), n.name))
        else:
            out.append(change(n))
    return out


def with_args(layer: Layer, **args: Any) -> Layer:
    """A conv or pool layer with some arguments changed, its text rewritten to match."""
    new = {**layer.args, **args}
    return replace(layer, args=new, text=layer_text(layer.kind, new))


def _pair(v: Any) -> str:
    if isinstance(v, str):
        return v
    return str(v[0]) if v[0] == v[1] else f"{v[0]}x{v[1]}"


def layer_text(kind: str, a: dict[str, Any]) -> str:
    """The layer-spec text of a conv or pool layer's arguments (defaults left out)."""
    if kind == "conv":
        parts = [str(a["out"]), f"k={_pair(a['k'])}"]
        defaults = (("s", "1"), ("p", "0"), ("d", "1"))
    else:
        parts = [_pair(a["k"])]
        defaults = (("s", _pair(a["k"])), ("p", "0"), ("d", "1"))
    parts += [f"{key}={_pair(a[key])}" for key, default in defaults
              if key in a and _pair(a[key]) != default]
    if kind == "conv" and a["g"] != 1:
        parts.append(f"g={a['g']}")
    if kind == "conv" and not a["bias"]:
        parts.append("bias=false")
    if kind != "conv" and a.get("ceil"):
        parts.append("ceil=true")
    return f"{kind}({','.join(parts)})"


def spec_of(case: NetworkCase, ask: str, layer: int | None,
            nodes: Sequence[Node] | None = None, change: dict[str, Any] | None = None
            ) -> dict[str, Any]:
    """The contract's network-question spec: the layer spec of a plain stack; a graph
    network (resnet, googlenet) by its torchvision name and module."""
    out: dict[str, Any] = {"input": list(case.input)}
    if case.net.plain:
        stack = nodes if nodes is not None else case.net.nodes
        out["layers"] = " -> ".join(n.text for n in stack if isinstance(n, Layer))
    else:
        out["network"] = case.net.builtin or case.net.label
        if change:
            out["change"] = change
    out["ask"] = ask
    if layer is not None:
        out["layer"] = layer
        if not case.net.plain and case.rows[layer - 1].name:
            out["module"] = case.rows[layer - 1].name
    return out
