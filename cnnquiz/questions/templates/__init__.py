"""The question templates: every module of this package, found where it lies.

`generate.load()` imports every module here (pkgutil), so a new template file needs
no list to join. A user who asks for one question (`cnnquiz show os.1.2.1x9kq3`, a
drill question) should not wait for all of them, so INDEX names the module that
registers each short code, and `generate` imports just that one; it also says what
a drill needs to choose a template (topic and levels of the newest version), so a
drill imports only the templates it asks. The index is checked against the
discovered registry (tests/questions/test_registry.py, which prints the lines to
paste), so it cannot go stale; a code missing from it still works, by loading
every module.
"""

from __future__ import annotations

# short code -> (template id, module in this package, topic, levels of the newest version)
INDEX: dict[str, tuple[str, str, str, tuple[int, ...]]] = {
    "ach": ("activation.chain", "activations", "activations", (1, 2, 3)),
    "avl": ("activation.value", "activations", "activations", (1, 2, 3)),
    "fcf": ("backprop.fc_forward", "backprop", "backprop", (1, 2, 3)),
    "bpg": ("backprop.neuron_grad", "backprop", "backprop", (1, 2, 3)),
    "hcv": ("conv.by_hand", "by_hand", "conv-by-hand", (1, 2, 3)),
    "h1d": ("conv1d.values", "conv1d_values", "conv1d", (1, 2, 3)),
    "cfi": ("conv.as_fc_inputs", "conv_as_fc", "conv-as-fc", (1, 2, 3)),
    "cfm": ("conv.as_fc_matrix", "conv_as_fc", "conv-as-fc", (1, 2, 3)),
    "kcn": ("conv.kernels", "conv_structure", "channels", (1, 2, 3)),
    "kld": ("loss.divergence", "divergence", "losses", (1, 2, 3)),
    "dcn": ("dropout.count", "dropout", "dropout", (1, 2, 3)),
    "dsc": ("dropout.scale", "dropout", "dropout", (1, 2, 3)),
    "fpd": ("conv.find_setting", "find_setting", "padding", (1, 2, 3)),
    "mic": ("macs.inception", "inception", "macs", (1, 2, 3)),
    "pic": ("params.inception", "inception_params", "params", (1, 2, 3)),
    "hkn": ("conv.classic_kernel", "kernels", "conv-by-hand", (1, 2, 3)),
    "cel": ("loss.cross_entropy", "losses", "losses", (1, 2, 3)),
    "smx": ("loss.softmax", "losses", "losses", (1, 2, 3)),
    "mcv": ("macs.conv", "macs", "macs", (1, 2, 3)),
    "nsm": ("net.small", "networks", "params", (1, 2, 3)),
    "bnm": ("norm.batch_norm", "normalization", "normalization", (1, 2, 3)),
    "oam": ("optim.adam", "optim_adaptive", "optimizers", (1, 2, 3)),
    "orm": ("optim.rmsprop", "optim_adaptive", "optimizers", (1, 2, 3)),
    "oag": ("optim.adagrad", "optimizers", "optimizers", (1, 2, 3)),
    "osg": ("optim.sgd", "optimizers", "optimizers", (1, 2, 3)),
    "os": ("conv.output_size", "output_size", "output-size", (1, 2, 3)),
    "tfo": ("padding.tf_output", "padding", "padding", (1, 2, 3)),
    "tfs": ("padding.tf_split", "padding", "padding", (1, 2, 3)),
    "pcv": ("params.conv", "params", "params", (1, 2, 3)),
    "pgr": ("params.grouped", "params", "params", (1, 2, 3)),
    "pbn": ("params.batchnorm", "params_layers", "params", (1, 2, 3)),
    "pfc": ("params.linear", "params_layers", "params", (1, 2, 3)),
    "pmx": ("params.maxout", "params_layers", "params", (1, 2, 3)),
    "pls": ("pool.output_size", "pooling", "pooling", (1, 2, 3)),
    "spp": ("pool.spp", "pooling", "pooling", (1, 2, 3)),
    "hpl": ("pool.by_hand", "pooling_hand", "pooling", (1, 2, 3)),
    "hup": ("pool.unpool", "pooling_hand", "pooling", (1, 2, 3)),
    "rfj": ("rf.jump", "receptive_field", "receptive-field", (1, 2, 3)),
    "rfs": ("rf.size", "receptive_field", "receptive-field", (1, 2, 3)),
    "rfw": ("rf.window", "receptive_field", "receptive-field", (1, 2, 3)),
    "rgp": ("reg.penalty", "regularization", "regularization", (1, 2, 3)),
    "rgu": ("reg.update", "regularization", "regularization", (1, 2, 3)),
    "pds": ("params.separable", "separable", "params", (1, 2, 3)),
    "ups": ("up.pixel_shuffle", "shuffle", "upsampling", (1, 2, 3)),
    "dlh": ("conv.dilated_height", "sizes", "output-size", (1, 2, 3)),
    "c1d": ("conv1d.length", "sizes", "conv1d", (1, 2, 3)),
    "pvg": ("params.stacked_3x3", "stacked", "params", (1, 2, 3)),
    "fln": ("flatten.size", "stacks", "flatten", (1, 2, 3)),
    "sto": ("stack.output_shape", "stacks", "output-size", (1, 2, 3)),
    "hct": ("convT.by_hand", "upsample_hand", "upsampling", (1, 2, 3)),
    "hps": ("pixelshuffle.position", "upsample_hand", "upsampling", (1, 2, 3)),
    "uct": ("up.convT_size", "upsampling", "upsampling", (1, 2, 3)),
    "ucm": ("up.conv_matrix", "upsampling", "upsampling", (1, 2, 3)),
    "nvg": ("net.vgg", "vgg", "architectures", (1, 2, 3)),
}
