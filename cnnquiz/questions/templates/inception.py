"""GoogLeNet's 1x1 bottlenecks: the compute and the weights an inception module saves.

The CS231n lecture's module on 28x28x256 (1x1 128, 3x3 192, 5x5 96, 3x3 pool) costs
854M MACs naively; with 1x1 reductions the slide says "358M ops", but its own listed
branches sum to 271,351,808 MACs: a solution drawn on that case says so. Modules use the
`inception` spec of costs_common (every convolution of every branch counts; biases are
left out of parameter counts here so that the notes' figures apply).
"""

from __future__ import annotations

from collections.abc import Callable

from cnnquiz.engine.network import Row, Summary
from cnnquiz.engine.spec import parse_layer
from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.common import net_spec, shape_text, step
from cnnquiz.questions.templates.costs_common import (
    branch_summaries,
    conv_text,
    difference,
    inception_spec,
    thousands,
)

LECTURE = (256, 28, (128, 64, 192, 64, 96, 64))
# (input channels, size, (1x1, 3x3 reduce, 3x3, 5x5 reduce, 5x5, pool proj)) from GoogLeNet
CASES = (LECTURE, (192, 28, (64, 96, 128, 16, 32, 32)), (480, 14, (192, 96, 208, 16, 48, 64)),
         (512, 14, (128, 128, 256, 24, 64, 64)), (832, 7, (256, 160, 320, 32, 128, 128)),
         (512, 14, (160, 112, 224, 24, 64, 64)), (528, 14, (256, 160, 320, 32, 128, 128)))
POOL = "maxpool(3,s=1,p=1)"


def module(sizes: tuple[int, ...], reduced: bool, pool_proj: bool = True,
           bias: bool = True) -> list[str]:
    """The branches (layer specs) of a naive or a reduced inception module."""
    n1, r3, n3, r5, n5, pp = sizes
    c3, c5 = conv_text(n3, 3, ph=1, bias=bias), conv_text(n5, 5, ph=2, bias=bias)
    if not reduced:
        return [conv_text(n1, 1, bias=bias), c3, c5, POOL]
    pool = f"{POOL} -> {conv_text(pp, 1, bias=bias)}" if pool_proj else POOL
    return [conv_text(n1, 1, bias=bias), f"{conv_text(r3, 1, bias=bias)} -> {c3}",
            f"{conv_text(r5, 1, bias=bias)} -> {c5}", pool]


def is_1x1(spec: str) -> bool:
    layer = parse_layer(spec)
    return layer.kind == "conv" and layer.args["k"] == (1, 1)


def branch_lines(t: Ctx, sums: list[Summary], what: str) -> list[str]:
    lines = []
    for i, s in enumerate(sums, 1):
        for r in s.rows:
            if r.type == "conv":
                lines.append(step(t, f"Branch {i}, `{r.spec}`", f"分支 {i}，`{r.spec}`",
                                  r.explain[what]))
    return lines


def describe(t: Ctx, branches: list[str]) -> str:
    """The branches as a Markdown list of layer specs."""
    sep = t.tr(": ", "：")  # the full-width colon after Chinese text
    return "\n".join(f"- {t.tr('branch', '分支')} {i}{sep}`{b}`" for i, b in enumerate(branches, 1))


def total(sums: list[Summary], what: str, keep: Callable[[Row], bool] | None = None) -> int:
    """params or macs summed over every branch (optionally only the rows `keep` accepts)."""
    return sum(getattr(r, what) for s in sums for r in s.rows if keep is None or keep(r))


@template("macs.inception", "mic", "macs",
          title=("Inception module MACs and 1x1 bottlenecks", "Inception 模块的计算量与 1x1 瓶颈"))
def inception_macs(t: Ctx) -> Draft:
    c, h, sizes = LECTURE if t.level == 2 and t.rng.random() < 0.4 else t.choice(CASES)
    ask = t.by_level(t.choice(("branch3", "branch5", "branch1")), t.choice(("naive", "reduced")),
                     t.choice(("saving", "reduced")))
    shape = (c, h, h)
    naive, red = module(sizes, False), module(sizes, True)
    n_sums, r_sums = branch_summaries(shape, naive), branch_summaries(shape, red)
    n_tot, r_tot = total(n_sums, "macs"), total(r_sums, "macs")
    intro = t.tr(f"An inception module gets a {shape_text(shape)} input (C x H x W); its branches "
                 "run in parallel and are concatenated along channels. ",
                 f"一个 Inception 模块的输入为 {shape_text(shape)}（C x H x W）；各分支并行计算，"
                 "结果沿通道拼接。")
    conv_note = t.tr("Count multiply-accumulates (MACs) of the convolutions only (no biases, "
                     "pooling is free).", "只计卷积的乘加次数（MACs），不计偏置，池化不计。")
    if ask.startswith("branch"):
        idx = {"branch1": 0, "branch3": 1, "branch5": 2}[ask]
        row = n_sums[idx].rows[0]
        prompt = intro + t.tr(f"Its naive version has these branches:\n\n{describe(t, naive)}\n\n"
                              f"{conv_note} How many MACs does branch {idx + 1} take?",
                              f"朴素版本的分支如下：\n\n{describe(t, naive)}\n\n{conv_note}"
                              f"分支 {idx + 1} 需要多少次乘加？")
        solution = [step(t, "Padding keeps the spatial size", "填充保持空间尺寸",
                         row.explain["H"]),
                    step(t, "MACs", "乘加次数", row.explain["macs"])]
        answer = row.macs
        spec = net_spec(shape, naive[idx], "macs")
        mistakes = [Wrong("counted-flops-not-macs", 2 * answer),
                    Wrong("macs-ignored-output-size", row.params - row.output[0]),
                    Wrong("forgot-input-channels", answer // c)]
        return Draft(prompt, Answer("int", answer), solution, spec, mistakes)
    prompt = intro + t.tr(
        f"Branches of the naive module:\n\n{describe(t, naive)}\n\nBranches of the module with 1x1 "
        f"reductions:\n\n{describe(t, red)}\n\n{conv_note} ",
        f"朴素模块的分支：\n\n{describe(t, naive)}\n\n带 1x1 降维的模块的分支：\n\n"
        f"{describe(t, red)}\n\n{conv_note}")
    prompt += {"naive": t.tr("How many MACs does the naive module take?", "朴素模块需要多少次乘加？"),
               "reduced": t.tr("How many MACs does the module with 1x1 reductions take?",
                               "带 1x1 降维的模块需要多少次乘加？"),
               "saving": t.tr("How many MACs do the 1x1 reductions save?",
                              "1x1 降维节省了多少次乘加？")}[ask]
    solution = []
    if ask in ("naive", "saving"):
        solution += branch_lines(t, n_sums, "macs")
        solution.append(step(t, "Naive total", "朴素模块合计", f"{thousands(n_tot)}"))
    if ask in ("reduced", "saving"):
        solution += branch_lines(t, r_sums, "macs")
        solution.append(step(t, "Reduced total", "降维模块合计", f"{thousands(r_tot)}"))
    lecture = (c, h, sizes) == LECTURE
    # the reduced module's 3x3 convolution: the CS231n slide's 358M counts it twice
    conv3 = total(r_sums[1:2], "macs", lambda r: r.type == "conv" and not is_1x1(r.spec))
    if lecture and ask != "naive":
        solution.append(t.tr(
            "The CS231n slide quotes 358M ops for the reduced module, but its own branches sum "
            f"to {thousands(r_tot)} MACs (about 271M): its 358M = {thousands(r_tot)} + {thousands(conv3)} = "
            f"{thousands(r_tot + conv3)} counts the 3x3 convolution ({thousands(conv3)}) twice. The naive "
            "module's 854M does add up.",
            "CS231n 的幻灯片说降维模块需要 358M 次运算，但按它列出的各分支相加只有 "
            f"{thousands(r_tot)} 次乘加（约 271M）：358M = {thousands(r_tot)} + "
            f"{thousands(conv3)} = {thousands(r_tot + conv3)}，把 3x3 卷积（{thousands(conv3)}）"
            "算了两次。朴素模块的 854M 是对的。"))
    elif lecture and ask == "naive":
        solution.append(t.tr("This is the CS231n slide's 854M ops.",
                             "这就是 CS231n 幻灯片上的 854M 次运算。"))
    no_1x1 = total(r_sums, "macs", lambda r: r.type == "conv" and not is_1x1(r.spec))
    full_depth = total(r_sums, "macs", lambda r: r.type == "conv" and is_1x1(r.spec)) + \
        total(n_sums, "macs", lambda r: not is_1x1(r.spec))
    n_spec, r_spec = inception_spec(shape, naive, "macs"), inception_spec(shape, red, "macs")
    if ask == "naive":
        answer, spec = n_tot, n_spec
        mistakes = [Wrong("counted-flops-not-macs", 2 * n_tot), Wrong("forgot-input-channels", n_tot // c)]
    elif ask == "reduced":
        answer, spec = r_tot, r_spec
        mistakes = [Wrong("counted-flops-not-macs", 2 * r_tot), Wrong("forgot-1x1-layers", no_1x1),
                    Wrong("reduction-ignored", full_depth), Wrong("counted-3x3-twice", r_tot + conv3)]
    else:
        answer, spec = n_tot - r_tot, difference(n_spec, r_spec)
        solution.append(step(t, "Saving", "节省",
                             f"{thousands(n_tot)} - {thousands(r_tot)} = {thousands(answer)}"))
        mistakes = [Wrong("counted-flops-not-macs", 2 * answer), Wrong("forgot-1x1-layers", n_tot - no_1x1),
                    Wrong("counted-3x3-twice", n_tot - r_tot - conv3)]
    return Draft(prompt, Answer("int", answer), solution, spec, mistakes)
