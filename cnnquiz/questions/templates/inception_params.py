"""The weights an inception module saves with 1x1 reductions (no biases).

Module: a C1-channel input; 1x1, 3x3 and 5x5 branches each give C1 channels. Naive:
(1 + 9 + 25)*C1*C1 (8,960 for C1 = 16). Reduced: the 3x3 and 5x5 branches first reduce
to C2 channels with a 1x1 convolution (level 3 adds a pool branch whose 1x1 projection
gives C1 channels). A popular answer key prints (1*(3C1 + C2) + 9C2 + 25C2)*C1 = 5,248
for C1 = 16, C2 = 8; its 1x1 term matches no set of layers here, so we count layer by
layer with the engine (4,864 without the pool projection, 5,120 with it) and say so.
"""

from __future__ import annotations

from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.common import step
from cnnquiz.questions.templates.costs_common import (
    branch_summaries,
    difference,
    inception_spec,
    thousands,
)
from cnnquiz.questions.templates.inception import branch_lines, describe, is_1x1, module, total


@template("params.inception", "pic", "params",
          title=("Inception parameters with 1x1 reductions", "Inception 模块 1x1 降维的参数节省"))
def inception_params(t: Ctx) -> Draft:
    if t.level == 1:
        c1, ask, pool = t.choice((4, 8, 12, 16, 20, 24, 32, 40, 48, 64, 96)), "naive", False
        c2 = c1 // 2
    elif t.level == 2:
        c1 = t.choice((8, 16, 16, 16, 24, 32, 48, 64, 96, 128))
        c2, ask, pool = t.choice((c1 // 2, c1 // 4)), "reduced", False
    else:
        c1 = t.choice((16, 32, 64, 96, 128, 192, 256))
        c2, ask, pool = t.choice((c1 // 2, c1 // 4, c1 // 8)), t.choice(("saving", "reduced")), True
    sizes = (c1, c2, c1, c2, c1, c1)
    shape = (c1, 28, 28)
    naive = module(sizes, False, bias=False)[:3 + pool]
    red = module(sizes, True, pool_proj=True, bias=False)[:3 + pool]
    n_sums, r_sums = branch_summaries(shape, naive), branch_summaries(shape, red)
    n_tot, r_tot = total(n_sums, "params"), total(r_sums, "params")
    pool_txt = t.tr(" Both modules also have a 3x3 max-pool branch (stride 1, padding 1); in the "
                    f"reduced one it is followed by a 1x1 convolution to C1 = {c1} channels.",
                    "两个模块都还有一个 3x3 最大池化分支（步长 1，填充 1）；降维模块在池化后再接一个输出 "
                    f"C1 = {c1} 通道的 1x1 卷积。") if pool else ""
    prompt = t.tr(
        f"An inception-style module has a {c1}x28x28 input (C1 = {c1}). Naive version: parallel "
        f"1x1, 3x3 and 5x5 convolutions, each with C1 = {c1} output channels:\n\n"
        f"{describe(t, naive)}\n\nReduced version: the 3x3 and 5x5 branches first shrink the "
        f"input to C2 = {c2} channels with a 1x1 convolution:\n\n{describe(t, red)}\n\n"
        f"No biases anywhere.{pool_txt} ",
        f"一个 Inception 式模块的输入为 {c1}x28x28（C1 = {c1}）。朴素版本：并行的 1x1、3x3、5x5 卷积，"
        f"各输出 C1 = {c1} 个通道：\n\n{describe(t, naive)}\n\n降维版本：3x3 和 5x5 分支先用 1x1 卷积把输入"
        f"压缩到 C2 = {c2} 个通道：\n\n{describe(t, red)}\n\n都不带偏置。{pool_txt}")
    prompt += {"naive": t.tr("How many weights does the naive module have?", "朴素模块有多少个权重？"),
               "reduced": t.tr("How many weights does the reduced module have?",
                               "降维模块有多少个权重？"),
               "saving": t.tr("How many weights do the 1x1 reductions save?",
                              "1x1 降维节省了多少个权重？")}[ask]
    solution = []
    if ask != "reduced":
        solution += branch_lines(t, n_sums, "params")
        solution.append(step(t, "Naive total, (1+9+25)*C1*C1", "朴素模块合计 (1+9+25)*C1*C1",
                             thousands(n_tot)))
    if ask != "naive":
        solution += branch_lines(t, r_sums, "params")
        solution.append(step(t, "Reduced total", "降维模块合计", thousands(r_tot)))
    if ask != "naive" and (c1, c2) == (16, 8):
        solution.append(t.tr(
            "A popular answer key gives (1*(3*C1+C2) + 9*C2 + 25*C2)*C1 = 5,248 here; its 1x1 "
            f"term does not match the layers listed, which add up to {thousands(r_tot)}.",
            "流行的答案给出 (1*(3*C1+C2) + 9*C2 + 25*C2)*C1 = 5,248；其中 1x1 项与上面列出的层对不上，"
            f"逐层相加应为 {thousands(r_tot)}。"))
    n_spec, r_spec = inception_spec(shape, naive, "params"), inception_spec(shape, red, "params")
    no_1x1 = total(r_sums, "params", lambda r: r.type == "conv" and not is_1x1(r.spec))
    if ask == "naive":
        answer, spec = n_tot, n_spec
        mistakes = [Wrong("forgot-input-channels", n_tot // c1),
                    Wrong("counted-one-layer", total(n_sums[2:3], "params"))]
    elif ask == "reduced":
        answer, spec = r_tot, r_spec
        mistakes = [Wrong("forgot-1x1-layers", no_1x1), Wrong("reduction-ignored", n_tot + r_tot - no_1x1
                                                   - total(n_sums[:1], "params"))]
    else:
        answer, spec = n_tot - r_tot, difference(n_spec, r_spec)
        solution.append(step(t, "Saving", "节省",
                             f"{thousands(n_tot)} - {thousands(r_tot)} = {thousands(answer)}"))
        mistakes = [Wrong("forgot-1x1-layers", n_tot - no_1x1)]
    return Draft(prompt, Answer("int", answer), solution, spec, mistakes)
