"""The frame model the demo faces step through: windows, the cells an input feeds, the
roles of grid cells, and what the frames carry."""

from __future__ import annotations

import numpy as np
import pytest

from cnnquiz.demos import INPUT, INSERTED, PAD, DemoRequest, build, op_named
from cnnquiz.errors import DemoError

X3 = "1 2 3; 4 5 6; 7 8 9"


def test_clicking_cells_links_windows_and_outputs() -> None:
    demo = build(DemoRequest("conv", X3, "1 0; 0 -1", stride=2, padding="1"))
    frame = demo.frame_at((1, 1))
    assert frame is not None and frame.window == ((2, 4), (2, 4)) and frame.value == -4
    assert demo.feeds(0, 2, 2) == [(1, 1)]  # input 5, at grid (2, 2), feeds only [1, 1]
    assert demo.feeds(0, 0, 0) == [(0, 0)]  # a padding corner
    dense = build(DemoRequest("conv", X3, "1 1; 1 1"))
    assert dense.feeds(0, 1, 1) == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert dense.frame_at((5, 5)) is None


def test_dilated_windows_read_every_dth_cell() -> None:
    x = "; ".join(" ".join(str(5 * r + c) for c in range(5)) for r in range(5))
    demo = build(DemoRequest("conv", x, "1 1; 1 1", dilation=3))
    first = demo.frames[0]
    assert first.window == ((0, 4), (0, 4))
    assert demo.taps(first) == [(0, 0), (0, 3), (3, 0), (3, 3)]
    assert first.value == 0 + 3 + 15 + 18
    assert demo.feeds(0, 1, 1) == [(1, 1)] and demo.feeds(0, 2, 2) == []


def test_grid_roles() -> None:
    conv = build(DemoRequest("conv", "1 2; 3 4", "1", padding="same"))
    assert (conv.roles == INPUT).all()
    full = build(DemoRequest("conv", "1 2; 3 4", "1 1; 1 1", padding="full"))
    assert full.roles.tolist() == [[PAD] * 4, [PAD, INPUT, INPUT, PAD],
                                   [PAD, INPUT, INPUT, PAD], [PAD] * 4]
    convT = build(DemoRequest("convT", "1 2; 3 4", "1 0 1; 0 1 0; 1 1 1", stride=2,
                              padding="1", output_padding=1))
    assert convT.roles[1].tolist() == [PAD, INPUT, INSERTED, INPUT, PAD, PAD]
    assert convT.roles[2].tolist() == [PAD, INSERTED, INSERTED, INSERTED, PAD, PAD]
    assert convT.grid[0, 3, 1:4].tolist() == [3, 0, 4]
    assert convT.kernel is not None and convT.kernel[0, 0].tolist() == [1, 1, 1]  # flipped


def test_scatter_frames_add_each_input_times_the_kernel() -> None:
    demo = build(DemoRequest("convT", "1 2; 3 4", "1 1; 1 1", stride=2))
    assert [f.source for f in demo.scatter] == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert demo.scatter[1].window == ((0, 2), (2, 4))
    assert demo.scatter[1].products.tolist() == [[2, 2], [2, 2]]
    assert demo.scatter[0].canvas[0:2, 2:4].tolist() == [[0, 0], [0, 0]]
    assert demo.output.tolist() == [[1, 1, 2, 2], [1, 1, 2, 2], [3, 3, 4, 4], [3, 3, 4, 4]]


def test_multichannel_pooling_indexes_outputs_as_torch_returns_them() -> None:
    demo = build(DemoRequest("maxpool", "1 2; 3 4 | 8 7; 6 5", kernel=2))
    assert [f.out for f in demo.frames] == [(0, 0, 0), (1, 0, 0)]
    assert [f.channel for f in demo.frames] == [0, 1]
    assert demo.output.tolist() == [[[4]], [[8]]]
    assert np.isnan(demo.frames[0].canvas[1]).all()  # channel 1 not computed yet
    assert demo.feeds(1, 0, 0) == [(1, 0, 0)]


def test_json_shape() -> None:
    data = build(DemoRequest("conv", X3, "1 0; 0 -1")).to_json()
    assert set(data) == {"op", "frames", "output", "x", "w"}
    assert data["frames"][0] == {"out": [0, 0], "window": [[0, 2], [0, 2]], "value": -4.0}
    drop = build(DemoRequest("dropout", "1 2; 3 4", p=0.5, seed=1)).to_json()
    assert {"mask", "scale", "mean_in", "mean_out", "seed"} <= set(drop)
    assert drop["scale"] == 2.0


def test_op_names() -> None:
    assert op_named("ConvT") == "convT" and op_named("pool") == "maxpool"
    with pytest.raises(DemoError, match="unknown demo"):
        op_named("softmax")
