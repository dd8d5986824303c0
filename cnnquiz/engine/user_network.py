"""One network the learner names: a built-in, a layer spec, or PyTorch's print(model) text.

`calc`, `drill --network` and the calculator screen all resolve what the learner gave
through `resolve`, so the three read the same text the same way. Reading files or
stdin is the caller's job (the engine does no I/O).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from cnnquiz.engine import zoo
from cnnquiz.engine.network import Concat, Node, Residual, Summary, analyze
from cnnquiz.engine.print_model import ReadModel, analyze_model, guess_input, read
from cnnquiz.engine.print_notes import warning
from cnnquiz.engine.print_tree import looks_like_print
from cnnquiz.engine.spec import Layer, parse
from cnnquiz.errors import SpecError
from cnnquiz.i18n import Lang

Shape = tuple[int, ...]


@dataclass(frozen=True)
class UserNetwork:
    label: str  # what to call it: the built-in's name, or the printed model's class
    nodes: tuple[Node, ...]
    builtin: str | None = None  # a zoo name
    model: ReadModel | None = None  # set when read from print(model)
    default_input: Shape | None = None  # a built-in's input size

    @property
    def plain(self) -> bool:
        """A plain stack (no residual or inception blocks): expressible as a layer spec."""
        return all(isinstance(n, Layer) for n in self.nodes)

    @property
    def spec(self) -> str:
        """The layer spec of a plain stack (SpecError for a graph network)."""
        if not self.plain:
            raise SpecError(f"{self.label} has residual or inception blocks: no layer spec")
        return " -> ".join(n.text for n in self.nodes if isinstance(n, Layer))

    def input_for(self, given: Shape | None) -> tuple[Shape, bool]:
        """The input size to use and whether it was guessed (a print without --input)."""
        if given is not None:
            return given, False
        if self.default_input is not None:
            return self.default_input, False
        if self.model is not None:
            return guess_input(self.model), True
        raise SpecError("--input is required for a layer spec, e.g. --input 3x224x224")

    def analyze(self, shape: Sequence[int]) -> Summary:
        """Every layer's numbers; a print is also checked against its printed sizes."""
        if self.model is not None:
            return analyze_model(self.model, shape)
        return analyze(list(self.nodes), shape)

    def warning(self, summary: Summary, lang: Lang = "en") -> str | None:
        """The one warning line of a print (None for built-ins and layer specs)."""
        return None if self.model is None else warning(self.model, summary.total_params, lang)

    def fingerprint(self, shape: Sequence[int]) -> str:
        """A short stable id of this network and input (what a question code can carry
        when the network is not a built-in)."""
        text = f"{'x'.join(map(str, shape))}|{_describe(self.nodes)}"
        return hashlib.sha256(text.encode()).hexdigest()[:10]


def _describe(nodes: Sequence[Node]) -> str:
    parts = []
    for n in nodes:
        if isinstance(n, Residual):
            parts.append(f"res[{_describe(n.body)}|{_describe(n.shortcut)}]")
        elif isinstance(n, Concat):
            parts.append("cat[" + "|".join(_describe(b) for b in n.branches) + "]")
        else:
            parts.append(n.text)
    return "->".join(parts)


def resolve(text: str) -> UserNetwork:
    """A built-in name, a print(model) text or a layer spec (SpecError when none)."""
    if not text or not text.strip():
        raise SpecError("give a layer spec, a print(model) text or a network name "
                        "(cnnquiz calc --list names them)")
    net = zoo.find(text)  # a bare unknown word is a mistyped network, not a spec
    if net is not None:
        return UserNetwork(net.name, tuple(net.build()), builtin=net.name,
                           default_input=net.input)
    if looks_like_print(text):
        model = read(text)
        return UserNetwork(model.root, model.layers, model=model)
    return UserNetwork("network", tuple(parse(text)))
