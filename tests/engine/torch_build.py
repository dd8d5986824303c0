"""Build the PyTorch module a parsed layer means, independently of the engine's arithmetic.

Channel counts come from running torch itself on the meta device, never from cnnquiz.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from cnnquiz.engine.spec import Layer


def as_tensor(a: Any) -> torch.Tensor:
    """A float64 tensor holding a copy of `a` (torch.optim updates its tensors in place, and
    the numpy input given to the engine must stay as it was)."""
    return torch.from_numpy(np.array(a, dtype=np.float64))


class TFPad(nn.Module):
    """TensorFlow padding ('valid'/'same'/'full') as an explicit F.pad before a conv."""

    def __init__(self, k: tuple[int, int], s: tuple[int, int], d: tuple[int, int], mode: str):
        super().__init__()
        self.k, self.s, self.d, self.mode = k, s, d, mode

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        pads: list[int] = []
        for axis in (1, 0):  # F.pad wants (left, right, top, bottom)
            n, k, s, d = x.shape[-2 + axis], self.k[axis], self.s[axis], self.d[axis]
            eff = d * (k - 1) + 1
            if self.mode == "valid":
                lo = hi = 0
            elif self.mode == "full":
                lo = hi = eff - 1
            else:
                out = -(-n // s)
                total = max((out - 1) * s + eff - n, 0)
                lo, hi = total // 2, total - total // 2
            pads += [lo, hi]
        return F.pad(x, pads)


def module_for(layer: Layer, x: torch.Tensor) -> nn.Module:
    a: dict[str, Any] = dict(layer.args)
    c = x.shape[1]
    k = layer.kind
    if k == "conv":
        if isinstance(a["p"], str):
            return nn.Sequential(TFPad(a["k"], a["s"], a["d"], a["p"]),
                                 nn.Conv2d(c, a["out"], a["k"], a["s"], 0, a["d"], a["g"], a["bias"]))
        return nn.Conv2d(c, a["out"], a["k"], a["s"], a["p"], a["d"], a["g"], a["bias"])
    if k == "convT":
        return nn.ConvTranspose2d(c, a["out"], a["k"], a["s"], a["p"], a["op"], a["g"], a["bias"],
                                  a["d"])
    if k == "maxpool":
        return nn.MaxPool2d(a["k"], a["s"], a["p"], a["d"], ceil_mode=a["ceil"])
    if k == "avgpool":
        return nn.AvgPool2d(a["k"], a["s"], a["p"], ceil_mode=a["ceil"])
    if k == "adaptiveavgpool":
        return nn.AdaptiveAvgPool2d(a["n"])
    if k == "adaptivemaxpool":
        return nn.AdaptiveMaxPool2d(a["n"])
    if k == "linear":
        return nn.Sequential(nn.Flatten(), nn.Linear(x[0].numel(), a["out"], a["bias"]))
    if k == "bn":
        return nn.BatchNorm2d(c) if x.dim() == 4 else nn.BatchNorm1d(c)
    if k == "pixelshuffle":
        return nn.PixelShuffle(a["r"])
    if k == "upsample":
        return nn.Upsample(scale_factor=a["scale"], mode="nearest")
    if k == "dropout":
        return nn.Dropout(a["p"])
    return {"relu": nn.ReLU, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "flatten": nn.Flatten,
            "gelu": nn.GELU, "silu": nn.SiLU, "elu": nn.ELU, "selu": nn.SELU,
            "leakyrelu": nn.LeakyReLU, "relu6": nn.ReLU6, "hardswish": nn.Hardswish,
            "hardsigmoid": nn.Hardsigmoid, "mish": nn.Mish, "softplus": nn.Softplus,
            "softmax": lambda: nn.Softmax(dim=1)}[k]()


def run_stack(layers: list[Layer], shape: tuple[int, ...], device: str = "meta"
              ) -> tuple[list[tuple[int, ...]], list[int], nn.Module]:
    """Forward a batch of one through the stack; return per-layer shapes and params."""
    x = torch.zeros((1, *shape), device=device)
    shapes, params, mods = [], [], []
    with torch.device(device):
        for layer in layers:
            m = module_for(layer, x).eval()
            x = m(x)
            mods.append(m)
            shapes.append(tuple(x.shape[1:]))
            params.append(sum(p.numel() for p in m.parameters() if p.requires_grad))
    return shapes, params, nn.Sequential(*mods)
