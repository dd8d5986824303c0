"""Questions about a given network's receptive fields and about changing one layer:
the receptive field and jump at a layer, and what a layer's output becomes when one
earlier layer's stride or padding changes."""

from __future__ import annotations

from typing import Any

from cnnquiz.engine.network import Row
from cnnquiz.engine.spec import Layer
from cnnquiz.errors import SpecError
from cnnquiz.questions.model import Answer
from cnnquiz.questions.network_asks import pick, walk
from cnnquiz.questions.network_case import (
    NetworkCase,
    intro,
    row_layers,
    spec_of,
    variant,
    where,
    with_args,
)
from cnnquiz.questions.template import Ctx, Draft, Wrong
from cnnquiz.questions.templates.common import step

WINDOWED = ("conv", "maxpool", "avgpool")


def field_rows(case: NetworkCase) -> list[Row]:
    """Layers with a fixed receptive field that grows it (the first layer is too easy)."""
    return [r for r in case.rows if r.rf is not None and r.type in WINDOWED and r.index > 1]


def _trace(t: Ctx, case: NetworkCase, upto: int) -> list[str]:
    out = [t.tr("r_l = r_{l-1} + (k_l - 1)*d_l*j_{l-1} and j_l = j_{l-1}*s_l, from r_0 = 1, "
                "j_0 = 1 (layers that keep the field are left out; a merge keeps the larger):",
                "r_l = r_{l-1} + (k_l - 1)*d_l*j_{l-1}，j_l = j_{l-1}*s_l，初值 r_0 = 1，j_0 = 1"
                "（不改变感受野的层略去；合并处取较大者）：")]
    for r in case.rows[:upto]:
        if r.type in WINDOWED:
            out.append(t.tr(f"Layer {r.index} `{r.spec}`", f"第 {r.index} 层 `{r.spec}`")
                       + f": `{r.explain['rf']}`; `{r.explain['jump']}`")
        elif r.type in ("add", "concat"):
            out.append(t.tr(f"Layer {r.index} `{r.type}`", f"第 {r.index} 层 `{r.type}`")
                       + f": r = {r.rf}, j = {r.jump}")
    return out


def _sum_of(case: NetworkCase, upto: int, arg: str) -> int:
    """Kernels or strides of the windowed layers up to `upto`, simply added (a slip)."""
    layers = row_layers(case.net.nodes)[:upto]
    return sum(x.args[arg][0] for x in layers if x is not None and x.kind in WINDOWED)


def _rerun(case: NetworkCase, row: Row, what: str, kinds: tuple[str, ...], **args: Any) -> Any:
    other = variant(case, lambda x: with_args(x, **args) if x.kind in kinds else x)
    return None if other is None else getattr(other.rows[row.index - 1], what)


def receptive_field(t: Ctx, case: NetworkCase) -> Draft:
    row = pick(t, field_rows(case))
    prompt = intro(t, case, row.index) + "\n\n" + t.tr(
        f"How large (in input pixels, along H) is the receptive field of one unit of the output "
        f"of {where(t, row)}?",
        f"{where(t, row)}输出的一个单元的感受野有多大（沿 H，单位为输入像素）？")
    mistakes = [Wrong("added-kernel-sizes", _sum_of(case, row.index, "k")),
                Wrong("ignored-stride", _rerun(case, row, "rf", WINDOWED, s=(1, 1))),
                Wrong("ignored-dilation", _rerun(case, row, "rf", ("conv", "maxpool"), d=(1, 1)))]
    return Draft(prompt, Answer("int", row.rf), _trace(t, case, row.index),
                 spec_of(case, "rf", row.index), [m for m in mistakes if m.value is not None])


def jump(t: Ctx, case: NetworkCase) -> Draft:
    row = pick(t, field_rows(case))
    prompt = intro(t, case, row.index) + "\n\n" + t.tr(
        f"What is the jump (effective stride) of {where(t, row)}: how many input pixels apart "
        "are the centres of neighbouring units of its output?",
        f"{where(t, row)}的累计步长（jump）是多少，即其输出中相邻单元的感受野中心在输入上相隔多少像素？")
    mistakes = [Wrong("added-strides", _sum_of(case, row.index, "s")),
                Wrong("ignored-pool-stride", _rerun(case, row, "jump", ("maxpool", "avgpool"),
                                               s=(1, 1)))]
    return Draft(prompt, Answer("int", row.jump), _trace(t, case, row.index),
                 spec_of(case, "jump", row.index), [m for m in mistakes if m.value is not None])


def _changes(layer: Layer) -> list[tuple[str, dict[str, Any], str, str]]:
    """Ways to change a conv or pool: (argument, new args, old value, new value)."""
    s, p = layer.args["s"][0], layer.args["p"]
    out = [("stride", {"s": (2, 2) if s == 1 else (1, 1)}, str(s), "2" if s == 1 else "1")]
    if not isinstance(p, str):
        k = layer.args["k"][0]
        new = 0 if p[0] else max(1, (k - 1) // 2)
        if layer.kind == "conv" or new <= k // 2:
            out.append(("padding", {"p": (new, new)}, str(p[0]), str(new)))
    return out


def find_change(t: Ctx, case: NetworkCase) -> tuple[Row, Layer, tuple[str, dict[str, Any], str, str],
                                                   Any, list[Row]]:
    """A change (in random order, the first that works): a conv or pool whose new stride or
    padding PyTorch accepts and that alters at least one later spatial output."""
    tries = [(r, x, c) for r, x in zip(case.rows, row_layers(case.net.nodes), strict=True)
             if x is not None and x.kind in WINDOWED and r.rf is not None for c in _changes(x)]
    t.rng.shuffle(tries)
    for row, layer, change in tries:
        def changed(x: Layer, target: Layer = layer, new: dict[str, Any] = change[1]) -> Layer:
            return with_args(x, **new) if x is target else x
        other = variant(case, changed)
        if other is None:
            continue
        later = [r for r in case.rows[row.index:] if len(r.output) == 3
                 and other.rows[r.index - 1].output != r.output]
        if later:
            return row, layer, change, other, later
    raise SpecError(f"{case.net.label}: no stride or padding change alters a later layer")


def what_if(t: Ctx, case: NetworkCase) -> Draft:
    row, layer, (arg, new, old_v, new_v), other, later = find_change(t, case)
    target = pick(t, later)
    changed = other.rows[target.index - 1]
    name = t.tr("stride", "步长") if arg == "stride" else t.tr("padding", "填充")
    prompt = intro(t, case, target.index) + "\n\n" + t.tr(
        f"Suppose {where(t, row)} had {name} {new_v} instead of {old_v}, everything else "
        f"unchanged. What would the output shape of {where(t, target)} be?",
        f"假设{where(t, row)}的{name}由 {old_v} 改为 {new_v}，其余不变。{where(t, target)}的输出形状"
        "会是多少？")
    solution = [step(t, f"Changed: layer {row.index} becomes `{with_args(layer, **new).text}`",
                     f"改动：第 {row.index} 层变为 `{with_args(layer, **new).text}`")]
    changed_case = NetworkCase(case.net, case.input, other, case.ref)
    solution += walk(t, changed_case, target.index)
    mistakes: list[Wrong] = [Wrong("ignored-the-change", list(target.output))]
    if len(changed.output) == 3 and target.type in WINDOWED:
        c, h, w = changed.output
        mistakes.append(Wrong("forgot-plus-one", [c, h - 1, w - 1]))
    nodes = [with_args(x, **new) if x is layer else x for x in case.net.nodes] \
        if case.net.plain else None
    change = {"module": row.name, arg: int(new_v)} if not case.net.plain else None
    spec = spec_of(case, "output", target.index, nodes, change)
    return Draft(prompt, Answer("shape", list(changed.output)), solution, spec, mistakes)
