"""One printed PyTorch module (`Conv2d(3, 64, kernel_size=(3, 3), ...)`) as a layer-spec
text, with the input size it prints and the parameters it holds.

The parameters are counted from the print alone (`in_channels`, `out_channels`, kernel,
groups, bias...), so `print_model` can say how many parameters a left-out module holds.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from cnnquiz.engine.print_tree import Module
from cnnquiz.engine.spec import MORE_ACTIVATIONS

Reason = Literal["", "identity", "reshapes", "unmapped"]
ACTIVATIONS = {name: name for name in ("relu", "sigmoid", "tanh", *MORE_ACTIVATIONS)}
DROPOUTS = ("Dropout", "Dropout1d", "Dropout2d", "Dropout3d", "AlphaDropout",
            "FeatureAlphaDropout")
UPSAMPLES = ("Upsample", "UpsamplingNearest2d", "UpsamplingBilinear2d")
# modules that keep the shape but have no layer-spec name (left out, named)
SAME_SHAPE = ("LocalResponseNorm", "GroupNorm", "InstanceNorm2d", "LayerNorm", "PReLU",
              "LogSoftmax", "Softmax2d", "Softmin", "Hardtanh", "Threshold", "CELU",
              "Softsign", "Tanhshrink", "Softshrink", "Hardshrink", "LogSigmoid", "RReLU", "GLU")

# modules without parameters that change the shape (left out, named: later sizes are off)
RESHAPES = ("ZeroPad2d", "ConstantPad2d", "ReflectionPad2d", "ReplicationPad2d",
            "CircularPad2d", "Unflatten", "PixelUnshuffle", "Fold", "Unfold", "MaxPool1d",
            "MaxPool3d", "AvgPool1d", "AvgPool3d", "AdaptiveAvgPool1d", "AdaptiveAvgPool3d",
            "AdaptiveMaxPool1d", "AdaptiveMaxPool3d", "LPPool2d", "FractionalMaxPool2d",
            "MaxUnpool2d")


@dataclass(frozen=True)
class Mapped:
    spec: str | None  # None: no layer-spec equivalent (see reason)
    expects: int | None = None  # printed input channels / features
    params: int | None = 0  # None: the print does not tell
    reason: Reason = ""


def _pair(v: Any) -> str:
    if isinstance(v, tuple):
        return str(v[0]) if len(set(v)) == 1 else "x".join(map(str, v))
    return str(v)


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def _whole(*values: Any) -> bool:
    """Every value a positive whole number or a tuple of them (what the formulas need)."""
    for v in values:
        items = v if isinstance(v, tuple) else (v,)
        if not items or not all(isinstance(x, int) and not isinstance(x, bool) and x > 0
                                for x in items):
            return False
    return True


def _conv_params(m: Module, transposed: bool) -> int | None:
    if len(m.args) < 2:
        return None
    cin, cout, g = m.args[0], m.args[1], m.kw("groups", 1)
    k = m.kw("kernel_size", 1)
    if not _whole(cin, cout, g, k):
        return None
    taps = math.prod(k) if isinstance(k, tuple) else k
    weights = cin * (cout // g) * taps if transposed else cout * (cin // g) * taps
    return int(weights + (cout if m.kw("bias", True) else 0))


def _norm_params(m: Module) -> int | None:
    """Parameters of a printed normalisation layer (affine weight and bias)."""
    if m.cls == "LayerNorm":
        shape = m.args[0] if m.args else None
        if not _whole(shape):
            return None
        n: int = math.prod(shape) if isinstance(shape, tuple) else int(shape or 0)
        affine = bool(m.kw("elementwise_affine", True))
        return n * (affine + (affine and bool(m.kw("bias", True))))
    c = m.args[1] if m.cls == "GroupNorm" and len(m.args) > 1 else (m.args[0] if m.args else None)
    if not isinstance(c, int) or not _whole(c):
        return None
    affine = m.kw("affine", m.cls != "InstanceNorm2d")
    return c * (bool(affine) + bool(affine and m.kw("bias", True)))


def to_spec(m: Module) -> Mapped:
    """The layer-spec meaning of one printed leaf module."""
    return _meaning(m.cls, m.args, m.kwargs)


@lru_cache(maxsize=4096)
def _meaning(cls: str, args: tuple[Any, ...], kwargs: tuple[tuple[str, Any], ...]) -> Mapped:
    """`to_spec` by class and arguments (cached: the same module recurs under many names)."""
    m = Module("", cls, args, kwargs)
    kw = m.kw
    if cls in ("Conv2d", "ConvTranspose2d"):
        params = _conv_params(m, cls == "ConvTranspose2d")
        if params is None:
            return Mapped(None, params=None, reason="unmapped")
        parts = [str(m.args[1]), f"k={_pair(kw('kernel_size'))}"]
        for key, short, default in (("stride", "s", 1), ("padding", "p", 0),
                                    ("output_padding", "op", 0), ("dilation", "d", 1),
                                    ("groups", "g", 1)):
            value = kw(key, default)
            value = 0 if value == "valid" else value
            if _pair(value) != str(default):
                parts.append(f"{short}={_pair(value)}")
        if not kw("bias", True):
            parts.append("bias=false")
        name = "convT" if cls == "ConvTranspose2d" else "conv"
        return Mapped(f"{name}({','.join(parts)})", m.args[0], params)
    if cls.startswith("Conv"):  # Conv1d, Conv3d, ConvTranspose1d/3d: other dimensions
        return Mapped(None, params=_conv_params(m, "Transpose" in cls), reason="reshapes")
    if cls in ("BatchNorm2d", "BatchNorm1d"):
        params = _norm_params(m)
        full = params is not None and kw("affine", True) and kw("bias", True)
        return Mapped("bn" if full else None, m.args[0] if full else None, params,
                      "" if full else "unmapped")
    if cls.lower() in ACTIVATIONS:
        return Mapped(ACTIVATIONS[cls.lower()])
    if cls in ("MaxPool2d", "AvgPool2d"):
        k = kw("kernel_size")
        s = kw("stride") or k
        parts = [_pair(k), f"s={_pair(s)}"]
        if _pair(kw("padding", 0)) != "0":
            parts.append(f"p={_pair(kw('padding'))}")
        if cls == "MaxPool2d" and _pair(kw("dilation", 1)) != "1":
            parts.append(f"d={_pair(kw('dilation'))}")
        if kw("ceil_mode", False):
            parts.append("ceil=true")
        return Mapped(f"{cls[:7].lower()}({','.join(parts)})")
    if cls in ("AdaptiveAvgPool2d", "AdaptiveMaxPool2d"):
        n = kw("output_size", m.args[0] if m.args else None)
        if n is None or (isinstance(n, tuple) and None in n):
            return Mapped(None, reason="reshapes")
        return Mapped(f"adaptive{cls[8:11].lower()}pool({_pair(n)})")
    if cls == "Flatten":
        plain = kw("start_dim", 1) == 1 and kw("end_dim", -1) == -1
        return Mapped("flatten" if plain else None, reason="" if plain else "reshapes")
    if cls == "Linear":
        fin, fout = kw("in_features"), kw("out_features")
        if not _whole(fin, fout):
            return Mapped(None, params=None, reason="unmapped")
        bias = bool(kw("bias", True))
        return Mapped(f"linear({fout}{'' if bias else ',bias=false'})", fin,
                      fin * fout + (fout if bias else 0))
    if cls in DROPOUTS:
        return Mapped(f"dropout({_num(kw('p', 0.5))})")
    if cls == "PixelShuffle":
        return Mapped(f"pixelshuffle({kw('upscale_factor', m.args[0] if m.args else 2)})")
    if cls in UPSAMPLES:
        s = kw("scale_factor")
        if isinstance(s, tuple) and len(set(s)) == 1:
            s = s[0]
        if isinstance(s, int | float) and not isinstance(s, bool):
            return Mapped(f"upsample({_num(s)})")
        return Mapped(None, reason="reshapes")
    if cls == "Identity" or (cls in ("Sequential", "ModuleList", "ModuleDict") and not m.args):
        return Mapped(None, reason="identity")
    if cls in RESHAPES:
        return Mapped(None, reason="reshapes")
    if cls in SAME_SHAPE:
        params = (m.kw("num_parameters", 1) if cls == "PReLU" else
                  _norm_params(m) if cls in ("GroupNorm", "InstanceNorm2d", "LayerNorm") else 0)
        return Mapped(None, params=params, reason="unmapped")
    return Mapped(None, params=None, reason="unmapped")
