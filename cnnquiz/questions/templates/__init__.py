"""The question templates: every module of this package, found where it lies.

`generate.load()` imports every module here (pkgutil), so a new template file needs
no list to join. A user who asks for one question (`cnnquiz show os.1.2.1x9kq3`, a
drill question) should not wait for all of them, so INDEX names the module that
registers each short code, and `generate` imports just that one. The index is
checked against the discovered registry (tests/questions/test_registry.py, which
prints the lines to paste), so it cannot go stale; a code missing from it still
works, by loading every module.
"""

from __future__ import annotations

INDEX: dict[str, tuple[str, str]] = {  # short code -> (template id, module in this package)
    "ach": ("activation.chain", "activations"),
    "avl": ("activation.value", "activations"),
    "fcf": ("backprop.fc_forward", "backprop"),
    "bpg": ("backprop.neuron_grad", "backprop"),
    "hcv": ("conv.by_hand", "by_hand"),
    "h1d": ("conv1d.values", "conv1d_values"),
    "cfi": ("conv.as_fc_inputs", "conv_as_fc"),
    "cfm": ("conv.as_fc_matrix", "conv_as_fc"),
    "kcn": ("conv.kernels", "conv_structure"),
    "kld": ("loss.divergence", "divergence"),
    "dcn": ("dropout.count", "dropout"),
    "dsc": ("dropout.scale", "dropout"),
    "fpd": ("conv.find_setting", "find_setting"),
    "mic": ("macs.inception", "inception"),
    "pic": ("params.inception", "inception_params"),
    "hkn": ("conv.classic_kernel", "kernels"),
    "cel": ("loss.cross_entropy", "losses"),
    "smx": ("loss.softmax", "losses"),
    "mcv": ("macs.conv", "macs"),
    "nsm": ("net.small", "networks"),
    "bnm": ("norm.batch_norm", "normalization"),
    "oam": ("optim.adam", "optim_adaptive"),
    "orm": ("optim.rmsprop", "optim_adaptive"),
    "oag": ("optim.adagrad", "optimizers"),
    "osg": ("optim.sgd", "optimizers"),
    "os": ("conv.output_size", "output_size"),
    "tfo": ("padding.tf_output", "padding"),
    "tfs": ("padding.tf_split", "padding"),
    "pcv": ("params.conv", "params"),
    "pgr": ("params.grouped", "params"),
    "pbn": ("params.batchnorm", "params_layers"),
    "pfc": ("params.linear", "params_layers"),
    "pmx": ("params.maxout", "params_layers"),
    "pls": ("pool.output_size", "pooling"),
    "spp": ("pool.spp", "pooling"),
    "hpl": ("pool.by_hand", "pooling_hand"),
    "hup": ("pool.unpool", "pooling_hand"),
    "rfj": ("rf.jump", "receptive_field"),
    "rfs": ("rf.size", "receptive_field"),
    "rfw": ("rf.window", "receptive_field"),
    "rgp": ("reg.penalty", "regularization"),
    "rgu": ("reg.update", "regularization"),
    "pds": ("params.separable", "separable"),
    "ups": ("up.pixel_shuffle", "shuffle"),
    "dlh": ("conv.dilated_height", "sizes"),
    "c1d": ("conv1d.length", "sizes"),
    "pvg": ("params.stacked_3x3", "stacked"),
    "fln": ("flatten.size", "stacks"),
    "sto": ("stack.output_shape", "stacks"),
    "hct": ("convT.by_hand", "upsample_hand"),
    "hps": ("pixelshuffle.position", "upsample_hand"),
    "uct": ("up.convT_size", "upsampling"),
    "ucm": ("up.conv_matrix", "upsampling"),
    "nvg": ("net.vgg", "vgg"),
}
