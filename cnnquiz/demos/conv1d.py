"""1-D convolution as the notes' two trains: the input one train, the kernel another
passing along it, one output per position where they overlap.

The frames are the engine's 2-D trace (`conv2d_steps`) of a one-row input, so a 1-D
demo cannot disagree with the 2-D ones. By default the kernel is applied as given,
like PyTorch's conv1d (a cross-correlation); `flip` reverses it first, which is the
convolution of signal processing (numpy.convolve) where the trains meet head to head:
with padding "full" the frames run from the first car touching to the last one leaving,
n + m - 1 outputs.
"""

from __future__ import annotations

from cnnquiz.demos.checks import check_layer
from cnnquiz.demos.model import Demo, FloatArray, Frame
from cnnquiz.demos.sliding import padded_grid
from cnnquiz.engine.ops import conv2d_steps, resolve_padding
from cnnquiz.errors import DemoError

Padding = int | str


def as_row(a: FloatArray, name: str) -> FloatArray:
    """A 1-D sequence out of a parsed C x H x W matrix of one row."""
    if a.shape[0] != 1 or a.shape[1] != 1:
        raise DemoError(f"{name}: a 1-D convolution takes one row of numbers, like \"1 2 3 4\"")
    row: FloatArray = a[0, 0]
    return row


def conv1d_demo(x: FloatArray, w: FloatArray, stride: int = 1, padding: Padding = 0,
                dilation: int = 1, flip: bool = False, seed: int | None = None) -> Demo:
    """x (N) and w (K) as 1-D arrays; one frame per output position. The frames' `out` is
    (j,), their window ((0, 1), (c0, c1)) in the padded row, their taps K values."""
    n, k = x.size, w.size
    applied = w[::-1].copy() if flip else w
    pad_text = padding if isinstance(padding, str) else str(padding)
    text = f"conv1d(k={k},s={stride},p={pad_text},d={dilation})"
    pad_arg = padding if isinstance(padding, str) else (0, padding)
    check_layer("conv", {"out": 1, "k": (1, k), "s": (1, stride), "p": pad_arg,
                         "d": (1, dilation), "g": 1, "bias": False}, text, (1, 1, n))
    steps = conv2d_steps(x[None], applied[None], None, (1, stride), pad_arg, (1, dilation))
    pads = resolve_padding(pad_arg, (1, n), (1, k), (1, stride), (1, dilation))
    grid, roles = padded_grid(x[None, None], (0, 0, pads[2], pads[3]), 0.0)
    frames = tuple(Frame((st.out[1],), st.window, st.value, st.inputs.ravel(), st.canvas[0],
                         st.products.ravel() if st.products is not None else None)
                   for st in steps)
    return Demo("conv1d", x[None, None], grid, roles, frames, steps[-1].canvas[0],
                kernel=applied[None, None], w=w[None, None], dilation=(1, dilation),
                seed=seed, settings={"stride": stride, "padding": padding,
                                     "dilation": dilation, "flip": flip})

