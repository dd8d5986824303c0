"""Stacks PyTorch would reject are rejected, naming the layer (no PyTorch needed)."""

from __future__ import annotations

import pytest

from cnnquiz.engine.network import analyze
from cnnquiz.errors import SpecError


def test_rejections_name_the_layer() -> None:
    with pytest.raises(SpecError, match=r'layer 2 "maxpool\(3,p=2\)": pad should be at most half'):
        analyze("conv(8,3) -> maxpool(3,p=2)", (3, 32, 32))
    with pytest.raises(SpecError, match=r"layer 1 .*in_channels \(3\) must be divisible by groups"):
        analyze("conv(8,3,g=2)", (3, 32, 32))
    with pytest.raises(SpecError, match="output padding must be smaller"):
        analyze("convT(8,3,s=2,op=2)", (3, 8, 8))
    with pytest.raises(SpecError, match="kernel span"):
        analyze("conv(8,5)", (3, 4, 4))
