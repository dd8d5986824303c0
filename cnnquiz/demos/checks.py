"""A demo's settings checked the way PyTorch checks them, by the engine's layer rules.

The calculator and the question specs already reject what PyTorch rejects (a kernel
larger than the padded input, pool padding above half the kernel, output padding not
below the stride...); a demo asks the same rules about its one layer, so the messages
and the limits are the same everywhere.
"""

from __future__ import annotations

from typing import Any

from cnnquiz.engine.layers import apply
from cnnquiz.engine.spec import Layer
from cnnquiz.errors import DemoError

MAX_OUTPUT_CELLS = 1024  # each frame keeps the output so far; 32 x 32 stays small


def check_layer(kind: str, args: dict[str, Any], text: str, shape: tuple[int, int, int]
                ) -> tuple[int, ...]:
    """The output shape of layer `kind` on `shape`; SpecError naming `text` if PyTorch
    would reject it."""
    step = apply(Layer(kind, args, text), shape, None)
    cells = 1
    for n in step.output:
        cells *= n
    if cells > MAX_OUTPUT_CELLS:
        raise DemoError(f"{text}: the output would have {cells} cells; demos show at most "
                        f"{MAX_OUTPUT_CELLS} (use a smaller input)")
    return step.output
