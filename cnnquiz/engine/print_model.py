"""A printed PyTorch model (`print(model)`) as a layer stack, in printed order.

The print shows modules, not `forward()`: it cannot show a residual addition, a
branch, or a `torch.flatten` call. So the stack is read in printed order and
everything that is not simply "the next layer" is kept aside and named
(`ReadModel.notes`), for the caller to show in one warning line:

- a module of another class than `Sequential` inside the model (torchvision's
  BasicBlock, a user's block) is read in printed order, and named, since its
  forward may do more (a residual addition);
- a child called `downsample` or `shortcut` is a residual branch: left out, named,
  with the parameters it holds;
- a `Linear` right after a spatial layer gets a `flatten` before it (the forward
  flattens; the print shows no module), named;
- a module with no layer-spec equivalent is left out and named.

The printed input sizes (`in_channels`, `in_features`, `num_features`) are kept, and
`check` compares them with the walked shapes: a mismatch means the forward does not
run the modules in printed order, which is an error, never a silent wrong count.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from cnnquiz.engine import print_layers
from cnnquiz.engine.network import Summary, analyze
from cnnquiz.engine.print_tree import Module, parse_tree
from cnnquiz.engine.spec import Layer, parse_layer
from cnnquiz.errors import SpecError

NoteKind = Literal["custom", "branch", "flatten", "unmapped", "reshapes"]
BRANCH_NAMES = ("downsample", "shortcut")
SPATIAL = ("conv", "convT", "maxpool", "avgpool", "adaptiveavgpool", "adaptivemaxpool",
           "pixelshuffle", "upsample")
TRY_SIZES = (224, 32, 28, 227, 256, 299, 64, 96, 128, 512, 16, 8)


@dataclass(frozen=True)
class Note:
    """Something the stack does not hold as printed: see the module docstring."""

    kind: NoteKind
    path: str
    cls: str
    params: int | None = None  # parameters the module holds, when the print tells


@dataclass(frozen=True)
class ReadModel:
    root: str  # the printed model's class
    layers: tuple[Layer, ...]  # named by module path, texts in the layer-spec language
    expects: tuple[int | None, ...]  # per layer: the printed input channels or features
    notes: tuple[Note, ...]
    print_params: int | None  # every parameter the print shows (None when one is unknown)

    @property
    def spec(self) -> str:
        """The stack as a layer spec (what `calc` and network questions read)."""
        return " -> ".join(layer.text for layer in self.layers)


def read(text: str) -> ReadModel:
    """Map a print(model) text to layers; SpecError if the text is not a print."""
    tree = parse_tree(text)
    walk = _Walk()
    if tree.block:
        walk.children(tree)
    else:
        walk.module(tree, inside_custom=False)
    if not walk.layers:
        raise SpecError(f"print(model): no layer of {tree.cls} could be read as a layer")
    return ReadModel(tree.cls, tuple(walk.layers), tuple(walk.expects), tuple(walk.notes),
                     None if walk.unknown_params else walk.params)


class _Walk:
    def __init__(self) -> None:
        self.layers: list[Layer] = []
        self.expects: list[int | None] = []
        self.notes: list[Note] = []
        self.params = 0
        self.unknown_params = False
        self.flat = False  # the current output is a vector (after flatten or linear)

    def children(self, block: Module, inside_custom: bool = False) -> None:
        for child in block.children:
            self.module(child, inside_custom)

    def module(self, m: Module, inside_custom: bool) -> None:
        name = m.path.rsplit(".", 1)[-1]
        if inside_custom and name in BRANCH_NAMES:
            self.notes.append(Note("branch", m.path, m.cls, _held(m)))
            self._count(_held(m))
            return
        if m.block:
            custom = m.cls not in ("Sequential", "ModuleList")
            if custom:
                self.notes.append(Note("custom", m.path, m.cls))
            self.children(m, inside_custom or custom)
            return
        mapped = print_layers.to_spec(m)
        self._count(mapped.params)
        if mapped.spec is None:
            if mapped.reason != "identity":
                kind: NoteKind = "reshapes" if mapped.reason == "reshapes" else "unmapped"
                self.notes.append(Note(kind, m.path, m.cls, mapped.params))
            return
        try:
            layer = replace(parse_layer(mapped.spec), name=m.path)
        except SpecError as exc:
            raise SpecError(f"print(model) line {m.line}: {m.cls} {m.path}: "
                            f"{str(exc).split(': ', 1)[-1]}") from None
        if layer.kind == "linear" and not self.flat and self.layers:
            self.notes.append(Note("flatten", m.path, m.cls))
            self._add(replace(parse_layer("flatten"), name=""), None)
        self._add(layer, mapped.expects)

    def _add(self, layer: Layer, expects: int | None) -> None:
        self.layers.append(replace(layer, index=len(self.layers) + 1))
        self.expects.append(expects)
        if layer.kind in ("flatten", "linear"):
            self.flat = True
        elif layer.kind in SPATIAL:
            self.flat = False

    def _count(self, params: int | None) -> None:
        if params is None:
            self.unknown_params = True
        else:
            self.params += params


def _held(m: Module) -> int | None:
    """The parameters a printed subtree holds (None when some module's count is unknown)."""
    if not m.block:
        return print_layers.to_spec(m).params
    total = 0
    for child in m.children:
        n = _held(child)
        if n is None:
            return None
        total += n
    return total


def check(model: ReadModel, summary: Summary) -> None:
    """SpecError at the first layer whose printed input size differs from the walked one."""
    shape: tuple[int, ...] = summary.input
    for layer, want, row in zip(model.layers, model.expects, summary.rows, strict=True):
        if want is not None:
            got = math.prod(shape) if layer.kind == "linear" else shape[0]
            if got != want:
                what = "input features" if layer.kind == "linear" else "input channels"
                raise SpecError(
                    f"print(model): {layer.name or layer.text} expects {want} {what} but the "
                    f"layers printed before it give {got}; {_suspect(model, layer)}")
        shape = row.output


def _suspect(model: ReadModel, layer: Layer) -> str:
    owner = next((n for n in model.notes if n.kind == "custom" and
                  layer.name.startswith(n.path + ".")), None)
    if owner is not None:
        return (f"{owner.path} ({owner.cls}) does not run its modules one after another "
                "(branches?), which a print cannot show: write it as a layer spec instead")
    return "its forward() does not run the modules in printed order (or --input is wrong)"


def analyze_model(model: ReadModel, input_shape: Sequence[int]) -> Summary:
    """The walked stack, checked against the printed input sizes."""
    summary = analyze(list(model.layers), input_shape)
    check(model, summary)
    return summary


def guess_input(model: ReadModel) -> tuple[int, ...]:
    """An input size the printed sizes agree with: the first layer's printed channels (or
    features) and the first common image size that passes `check`; SpecError if none."""
    first = model.expects[0] if model.expects else None
    if model.layers[0].kind == "linear" and first is not None:
        return (first,)
    if first is None:
        raise SpecError("print(model): give --input CxHxW (the first layer does not print "
                        "its input channels)")
    sizes = TRY_SIZES if first != 1 else (28, 32, *TRY_SIZES)
    for n in sizes:
        try:
            analyze_model(model, (first, n, n))
        except SpecError:
            continue
        return (first, n, n)
    raise SpecError(f"print(model): no usual image size fits its layers; give --input "
                    f"{first}xHxW")
