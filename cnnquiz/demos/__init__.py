"""Live mini-operation demos (issue 10): conv, conv1d (the two trains), convT, pooling,
pixel shuffle, dropout replayed step by step on the engine's traces. No UI here: the `demo`
command renders frames as text, the app's demo screen as grids.

    demo = build(DemoRequest("conv", x="1 2 3; 4 5 6; 7 8 9", w="1 0; 0 -1", padding="1"))
    for frame in demo.frames: ...   # out, window, value, taps, products, canvas
"""

from cnnquiz.demos.build import DemoRequest, build, op_named
from cnnquiz.demos.model import INPUT, INSERTED, OPS, PAD, Demo, Frame, Op, ScatterFrame

__all__ = ["INPUT", "INSERTED", "OPS", "PAD", "Demo", "DemoRequest", "Frame", "Op",
           "ScatterFrame", "build", "op_named"]
