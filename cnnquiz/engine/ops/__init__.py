"""Mini operations in numpy with PyTorch's exact semantics: every operation answer, worked
solution and demo frame is computed here (tests check them against torch as an oracle).

Pure functions, arrays (or nested lists) in, arrays out; no printing, no I/O.
"""

from .activations import (
    leaky_relu,
    leaky_relu_grad,
    relu,
    relu_grad,
    sigmoid,
    sigmoid_grad,
    tanh,
    tanh_grad,
)
from .conv import conv2d, im2col
from .conv1d import conv1d_modes, correlate1d
from .dropout import (
    classic_dropout_test,
    classic_dropout_train,
    dropout_mask,
    eval_scale,
    expected_zeroed,
    inverted_dropout,
    train_scale,
)
from .linear import linear
from .losses import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    cross_entropy,
    js_div,
    kl_div,
    log_softmax,
    mse,
    softmax,
)
from .norm import (
    BatchNormResult,
    batch_norm,
    l1_grad,
    l1_penalty,
    l1_update,
    l2_grad,
    l2_penalty,
    l2_update,
)
from .optim import AdagradStep, SgdStep, Trace, adagrad, sgd
from .optim_adaptive import AdamStep, RmspropStep, adam, rmsprop
from .padding import resolve_padding
from .pool import avg_pool2d, max_pool2d, pool_out_size
from .shuffle import pixel_shuffle, pixel_unshuffle
from .steps import WindowStep, conv2d_steps, pool2d_steps
from .steps_transpose import ScatterStep, conv_transpose2d_steps
from .transpose import conv_matrix, conv_transpose2d, transpose_out_size, zero_inserted
from .unpool import adaptive_avg_pool2d, max_unpool2d, unpool_out_size

__all__ = [
    "AdagradStep",
    "AdamStep",
    "BatchNormResult",
    "RmspropStep",
    "ScatterStep",
    "SgdStep",
    "Trace",
    "WindowStep",
    "adagrad",
    "adam",
    "adaptive_avg_pool2d",
    "avg_pool2d",
    "batch_norm",
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "classic_dropout_test",
    "classic_dropout_train",
    "conv1d_modes",
    "conv2d",
    "conv2d_steps",
    "conv_matrix",
    "conv_transpose2d",
    "conv_transpose2d_steps",
    "correlate1d",
    "cross_entropy",
    "dropout_mask",
    "eval_scale",
    "expected_zeroed",
    "im2col",
    "inverted_dropout",
    "js_div",
    "kl_div",
    "l1_grad",
    "l1_penalty",
    "l1_update",
    "l2_grad",
    "l2_penalty",
    "l2_update",
    "leaky_relu",
    "leaky_relu_grad",
    "linear",
    "log_softmax",
    "max_pool2d",
    "max_unpool2d",
    "mse",
    "pixel_shuffle",
    "pixel_unshuffle",
    "pool2d_steps",
    "pool_out_size",
    "relu",
    "relu_grad",
    "resolve_padding",
    "rmsprop",
    "sgd",
    "sigmoid",
    "sigmoid_grad",
    "softmax",
    "tanh",
    "tanh_grad",
    "train_scale",
    "transpose_out_size",
    "unpool_out_size",
    "zero_inserted",
]
