"""Built-in networks layer by layer against the same graph built from torch modules:
every row's output shape and parameter count, and the network's MACs."""

from __future__ import annotations

import pytest

from cnnquiz.engine.network import Concat, Node, Residual, analyze
from cnnquiz.engine.zoo import NETWORKS

torch = pytest.importorskip("torch")
from torch.utils.flop_counter import FlopCounterMode  # noqa: E402

from tests.engine.torch_build import module_for  # noqa: E402

pytestmark = pytest.mark.oracle


def _params(m: torch.nn.Module) -> int:
    return sum(p.numel() for p in m.parameters() if p.requires_grad)


def run(nodes: tuple[Node, ...] | list[Node], x: torch.Tensor, rows: list[tuple]) -> torch.Tensor:
    """Forward through the graph in the engine's row order, recording (shape, params)."""
    for node in nodes:
        if isinstance(node, Residual):
            body = run(node.body, x, rows)
            short = run(node.shortcut, x, rows) if node.shortcut else x
            x = body + short
            rows.append((tuple(x.shape[1:]), 0))
        elif isinstance(node, Concat):
            x = torch.cat([run(b, x, rows) for b in node.branches], dim=1)
            rows.append((tuple(x.shape[1:]), 0))
        else:
            m = module_for(node, x)
            x = m(x)
            rows.append((tuple(x.shape[1:]), _params(m)))
    return x


@pytest.mark.parametrize("name", sorted(NETWORKS))
def test_every_row_matches_torch(name: str) -> None:
    net = NETWORKS[name]
    ours = analyze(net.build(), net.input)
    rows: list[tuple] = []
    with torch.device("meta"), FlopCounterMode(display=False) as flops:
        run(net.build(), torch.zeros((1, *net.input)), rows)
    assert [(r.output, r.params) for r in ours.rows] == rows
    assert ours.total_macs == flops.get_total_flops() // 2
