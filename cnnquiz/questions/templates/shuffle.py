"""Sub-pixel convolution (ESPCN): PixelShuffle(r) turns C*r^2 x H x W into C x rH x rW,
so the convolution before it must output C*r^2 channels. Shapes are per sample (the
batch dimension N is unchanged), in C x H x W order.
"""

from __future__ import annotations

from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.common import net, net_spec, shape_text, step
from cnnquiz.questions.templates.costs_common import conv_text, dsl_note, layer_block


@template("up.pixel_shuffle", "ups", "upsampling",
          title=("PixelShuffle and sub-pixel convolution", "PixelShuffle 与亚像素卷积"))
def pixel_shuffle(t: Ctx) -> Draft:
    r = t.choice((2, 3, 4))
    c = t.choice((1, 3, 8, 16, 32, 64)) if t.level == 1 else t.choice((1, 3, 3, 16, 64))
    h = t.choice((8, 12, 16, 17, 24, 32, 48, 64, 96, 128))
    if t.level == 1:
        shape, layers, ask_layer = (c * r * r, h, h), f"pixelshuffle({r})", None
    elif t.level == 2:
        shape, ask_layer = (t.choice((32, 64)), h, h), 1
        layers = f"{conv_text(c * r * r, 3, ph=1)} -> pixelshuffle({r})"
    else:  # EDSR-style upsamplers: x4 as two x2 stages, x3 as one stage...
        r, stages = t.choice(((2, 2), (2, 3), (3, 1), (3, 2), (4, 1)))
        stage = f"{conv_text(c * r * r, 3, ph=1)} -> pixelshuffle({r})"
        shape, ask_layer = (t.choice((16, 32, 64)), h // 2, h // 2), None
        layers = " -> ".join([stage] * stages)
    summary = net(layers, shape)
    target = summary.rows[(ask_layer or len(summary.rows)) - 1]
    out = list(target.output)
    batch = t.tr("one sample; the batch size N is unchanged", "单个样本，批大小 N 不变")
    if t.level == 2:
        final = summary.rows[-1].output
        prompt = t.tr(
            f"An ESPCN-style upsampler turns a {shape_text(shape)} feature map into a "
            f"{shape_text(final)} image (C x H x W) with a 3x3 convolution (padding 1) followed "
            f"by `PixelShuffle({r})`. What output shape must the convolution have ({batch})?",
            f"一个 ESPCN 式的上采样模块用 3x3 卷积（填充 1）加 `PixelShuffle({r})`，把 "
            f"{shape_text(shape)} 的特征图变成 {shape_text(final)} 的图像（C x H x W）。"
            f"卷积的输出形状必须是多少（{batch}）？")
    else:
        prompt = t.tr(
            f"A {shape_text(shape)} tensor (C x H x W, {batch}) goes through:\n\n"
            f"{layer_block(layers)}\n\n{dsl_note(t)} `pixelshuffle(r)` is `nn.PixelShuffle(r)`. "
            "What is the final output shape?",
            f"一个 {shape_text(shape)} 的张量（C x H x W，{batch}）依次经过：\n\n{layer_block(layers)}"
            f"\n\n{dsl_note(t)}`pixelshuffle(r)` 即 `nn.PixelShuffle(r)`。最终输出的形状是多少？")
    solution = [t.tr("PixelShuffle(r) moves each group of r^2 channels into an r x r block: "
                     "C*r^2 x H x W -> C x rH x rW.",
                     "PixelShuffle(r) 把每 r^2 个通道排成一个 r x r 的块：C*r^2 x H x W -> C x rH x rW。")]
    solution += [t.tr(f"Layer {row.index}", f"第 {row.index} 层")
                 + f" `{row.spec}` -> {shape_text(row.output)}" for row in summary.rows]
    if t.level == 2:
        solution.append(step(t, f"So the convolution outputs C*r^2 = {c}*{r}^2 = {c * r * r} "
                                f"channels at {h}x{h}", f"所以卷积要输出 C*r^2 = {c}*{r}^2 = "
                                f"{c * r * r} 个通道，尺寸 {h}x{h}"))
        mistakes = [Wrong("pixelshuffle-divided-by-r", [c * r, h, h]),
                    Wrong("pixelshuffle-kept-channels", [c, h, h])]
    else:
        cin = summary.rows[-1].output[0] * r * r if t.level == 1 else out[0] * r * r
        mistakes = [Wrong("pixelshuffle-divided-by-r", [cin // r, out[1], out[2]]),
                    Wrong("pixelshuffle-kept-channels", [cin, out[1], out[2]]),
                    Wrong("pixelshuffle-scaled-by-r2", [out[0], out[1] * r, out[2] * r])]
    spec = net_spec(shape, layers, "output", ask_layer)
    return Draft(prompt, Answer("shape", out), solution, spec, mistakes)
