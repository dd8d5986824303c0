"""What a convolution layer is made of: kernel depth, kernel count, biases.

Invented operation spec (recomputable without cnnquiz):

- `{"op": "conv2d_weight", "in_channels", "out_channels", "kernel_size", "groups", "bias": true,
  "ask": "kernel_depth|num_kernels|num_biases|weights_per_kernel"}`: of
  `torch.nn.Conv2d(in, out, k, groups=g)` whose weight is out x in/g x k x k: kernel_depth =
  weight.shape[1], num_kernels = weight.shape[0], num_biases = bias.numel(),
  weights_per_kernel = weight[0].numel().
"""

from __future__ import annotations

from cnnquiz.engine import arith
from cnnquiz.engine.explain import Calc
from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.common import net, shape_text, step

ASK_EN = {
    "kernel_depth": "How deep is each kernel (how many channels does one kernel span)?",
    "num_kernels": "How many kernels (filters) does the layer have?",
    "num_biases": "How many bias values does the layer have?",
    "weights_per_kernel": "How many weights does one kernel have (not counting its bias)?",
}
ASK_ZH = {
    "kernel_depth": "每个卷积核的深度（跨越的通道数）是多少？",
    "num_kernels": "这一层有多少个卷积核？",
    "num_biases": "这一层有多少个偏置？",
    "weights_per_kernel": "一个卷积核有多少个权重（不含偏置）？",
}


def _kernel_layer(t: Ctx) -> tuple[int, int, int, int, int, str]:
    """(in channels, out channels, kernel, groups, input size, stride/padding spec text)."""
    if t.level == 1:
        k = t.choice((1, 3, 5))
        return (t.choice((1, 3, 8, 16)), t.choice((4, 6, 8, 16, 32)), k, 1,
                t.rng.randrange(8, 33), f"p={t.choice((0, (k - 1) // 2))}")
    if t.level == 2:  # layers of AlexNet, VGG, ResNet, GoogLeNet
        cin, cout, k, h, sp = t.choice((
            (3, 96, 11, 227, "s=4"), (3, 64, 7, 224, "s=2,p=3"), (64, 128, 3, 56, "p=1"),
            (128, 256, 3, 28, "p=1"), (256, 512, 3, 14, "p=1"), (256, 384, 3, 13, "p=1"),
            (192, 64, 1, 28, "p=0"), (512, 512, 3, 14, "p=1"), (256, 64, 1, 56, "p=0"),
            (3, 64, 3, 224, "p=1"), (64, 64, 3, 56, "p=1"), (96, 256, 5, 27, "p=2"),
            (128, 256, 3, 56, "s=2,p=1"), (64, 256, 1, 56, "p=0")))
        return cin, cout, k, 1, h, sp
    cin, cout, k, g, h = t.choice((
        (96, 256, 5, 2, 27), (128, 128, 3, 32, 56), (32, 32, 3, 32, 112), (64, 64, 3, 64, 56),
        (256, 256, 3, 32, 28), (384, 384, 3, 2, 13), (384, 256, 3, 2, 13), (144, 144, 3, 144, 56),
        (512, 512, 3, 32, 14), (96, 96, 5, 96, 28), (256, 512, 3, 4, 28), (64, 128, 3, 8, 56)))
    return cin, cout, k, g, h, f"s={t.choice((1, 2))},p={(k - 1) // 2}"


@template("conv.kernels", "kcn", "channels",
          title=("Kernel depth, kernel count and biases", "卷积核的深度、个数与偏置"))
def conv_kernels(t: Ctx) -> Draft:
    cin, cout, k, g, h, sp = _kernel_layer(t)
    ask = t.choice(tuple(ASK_EN))
    layers = f"conv({cout},k={k},{sp}" + (f",g={g})" if g > 1 else ")")
    row = net(layers, (cin, h, h)).rows[0]
    group_en = f", groups={g}" if g > 1 else ""
    prompt = t.tr(
        f"A PyTorch `Conv2d` layer with {k}x{k} kernels (bias=True{group_en}) maps a "
        f"{shape_text((cin, h, h))} input to a {shape_text(row.output)} output (C x H x W). "
        + ASK_EN[ask],
        f"一个 PyTorch `Conv2d` 层使用 {k}x{k} 的卷积核（bias=True{group_en}），把 "
        f"{shape_text((cin, h, h))} 的输入变成 {shape_text(row.output)} 的输出（C x H x W）。"
        + ASK_ZH[ask],
    )
    per = cin // g
    depth = Calc(per, "C_in/g" if g > 1 else "C_in", f"{cin}/{g}" if g > 1 else str(cin))
    weights = arith.conv_params(cin, cout, k, k, g, bias=False)
    full = arith.conv_params(cin, cout, k, k, g, bias=True)
    count = Calc(cout, "C_out", str(cout))
    solution = [
        step(t, "Each kernel spans all input channels of its group", "每个卷积核跨越其所在组的全部输入通道",
             depth),
        step(t, "One kernel per output channel", "每个输出通道对应一个卷积核", count),
    ]
    if ask == "num_biases":
        solution += [step(t, "Parameters with bias", "含偏置的参数量", full),
                     step(t, "without bias", "不含偏置", weights),
                     step(t, "The difference is one bias per kernel",
                          "两者之差就是每个卷积核一个偏置",
                          Calc(full.value - weights.value, "C_out", str(cout)))]
        value = full.value - weights.value
    elif ask == "weights_per_kernel":
        value = weights.value // cout
        solution += [step(t, "All weights", "全部权重", weights),
                     step(t, "Per kernel", "每个卷积核",
                          Calc(value, "K*K*C_in" + ("/g" if g > 1 else ""),
                               f"{weights.value}/{cout}"))]
    else:
        value = per if ask == "kernel_depth" else cout
    mistakes: dict[str, list[Wrong]] = {
        "kernel_depth": [Wrong("confused-depth-and-count", cout), Wrong("forgot-input-channels", 1),
                         Wrong("ignored-groups", cin)],
        "num_kernels": [Wrong("confused-depth-and-count", cin), Wrong("counted-2d-slices", cout * per)],
        "num_biases": [Wrong("bias-per-weight", weights.value), Wrong("bias-per-weight", row.output[1]
                        * row.output[2] * cout), Wrong("confused-depth-and-count", cin)],
        "weights_per_kernel": [Wrong("forgot-input-channels", k * k), Wrong("ignored-groups", k * k * cin),
                               Wrong("confused-depth-and-count", k * k * cout // g)],
    }
    spec = {"op": "conv2d_weight", "in_channels": cin, "out_channels": cout, "kernel_size": k,
            "groups": g, "bias": True, "ask": ask}
    return Draft(prompt, Answer("int", int(value)), solution, spec, mistakes[ask])
