"""`calc`: a layer stack or built-in network summarised layer by layer.

Only the engine's pure-integer modules load here (no numpy, no database, no YAML),
so the calculator starts as fast as the CLI itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cnnquiz.errors import SpecError

if TYPE_CHECKING:
    from cnnquiz.engine.network import Summary
    from cnnquiz.engine.zoo import Network


@dataclass(frozen=True)
class CalcResult:
    summary: Summary
    title: str | None  # the built-in network's name; None for a layer spec


def networks() -> list[Network]:
    """The built-in networks (`calc --list`)."""
    from cnnquiz.engine import zoo

    return list(zoo.NETWORKS.values())


def calc_summary(spec: str | None, input_size: str | None) -> CalcResult:
    """The per-layer summary of `spec` (a layer spec or network name) on `input_size`
    (`CxHxW`; optional for a built-in network, which has its own)."""
    from cnnquiz.engine import zoo
    from cnnquiz.engine.network import analyze
    from cnnquiz.engine.spec import parse_input

    if not spec or not spec.strip():
        raise SpecError("give a layer spec or a network name (cnnquiz calc --list names them)")
    net = zoo.get(spec)
    if net is None:
        if input_size is None:
            raise SpecError("--input is required for a layer spec, e.g. --input 3x224x224")
        return CalcResult(analyze(spec, parse_input(input_size)), None)
    shape = parse_input(input_size) if input_size else net.input
    return CalcResult(analyze(net.build(), shape), net.name)
