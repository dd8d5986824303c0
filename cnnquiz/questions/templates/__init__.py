"""Every template module; importing this package registers them all.

Add a new module here (one import line) so `generate.load()` finds it.
"""

from cnnquiz.questions.templates import output_size  # noqa: F401

from . import conv_as_fc, conv_structure, find_setting, padding, pooling, sizes, stacks  # noqa: F401
from . import inception, inception_params, macs, networks, params, params_layers  # noqa: F401 (costs)
from . import receptive_field, separable, shuffle, stacked, upsampling, vgg  # noqa: F401 (costs)
from . import activations, backprop, by_hand, conv1d_values, divergence, dropout, kernels, losses, normalization, optim_adaptive, optimizers, pooling_hand, regularization, upsample_hand  # noqa: F401,E501 (by hand)
