"""VGG's argument: n stacked 3x3 convolutions see the same (2n+1)x(2n+1) window as one
large kernel with fewer weights (27C^2 against 49C^2 for n = 3, 18C^2 against 25C^2 for
n = 2) and more non-linearities. Savings and ratios use the `difference` / `ratio`
specs of costs_common.
"""

from __future__ import annotations

from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.common import net, net_spec, shape_text, step
from cnnquiz.questions.templates.costs_common import conv_text, difference, ratio, thousands


@template("params.stacked_3x3", "pvg", "params",
          title=("Stacked 3x3 convolutions against one large kernel", "堆叠 3x3 卷积与大卷积核"))
def stacked_params(t: Ctx) -> Draft:
    n = t.choice((2, 3))
    bias = False
    if t.level == 1:
        c, ask = t.choice((4, 8, 16, 24, 32)), t.choice(("stack", "single"))
    elif t.level == 2:
        c, ask = t.choice((64, 128, 256, 512)), t.choice(("stack", "single", "saving"))
    else:
        c, ask, bias = t.choice((32, 64, 96, 128, 256, 512)), t.choice(("saving", "ratio")), True
    k = 2 * n + 1
    h = t.choice((14, 28, 56))
    shape = (c, h, h)
    one = conv_text(c, 3, ph=1, bias=bias)
    stack_layers = " -> ".join([one] * n).replace(" -> ", " -> relu -> ")
    single_layers = conv_text(c, k, ph=n, bias=bias)
    stack, single = net(stack_layers, shape), net(single_layers, shape)
    st_spec, si_spec = net_spec(shape, stack_layers, "params"), net_spec(shape, single_layers, "params")
    bias_txt = t.tr("with biases" if bias else "without biases",
                    "含偏置" if bias else "不含偏置")
    setup = t.tr(
        f"On a {shape_text(shape)} feature map (C x H x W), compare {n} stacked 3x3 convolutions "
        f"(each {c} -> {c} channels, padding 1, ReLU between) with a single {k}x{k} convolution "
        f"({c} -> {c} channels, padding {n}), {bias_txt}.",
        f"在 {shape_text(shape)} 的特征图（C x H x W）上，比较 {n} 个堆叠的 3x3 卷积（每个 {c} -> {c} "
        f"通道，填充 1，中间有 ReLU）与一个 {k}x{k} 卷积（{c} -> {c} 通道，填充 {n}），{bias_txt}。")
    question = {
        "stack": t.tr("How many parameters does the stack have?", "堆叠的 3x3 卷积共有多少个参数？"),
        "single": t.tr(f"How many parameters does the {k}x{k} convolution have?",
                       f"{k}x{k} 卷积有多少个参数？"),
        "saving": t.tr("How many parameters does the stack save?", "堆叠方案少用多少个参数？"),
        "ratio": t.tr(f"How many times more parameters does the {k}x{k} convolution have? "
                      "Give 2 decimals.", f"{k}x{k} 卷积的参数量是堆叠方案的多少倍？保留 2 位小数。"),
    }[ask]
    last = stack.rows[-1]
    solution = [
        step(t, "One 3x3 layer", "一个 3x3 层", stack.rows[0].explain["params"]),
        step(t, f"{n} layers", f"{n} 层", f"{n}*{thousands(stack.rows[0].params)} = "
             f"{thousands(stack.total_params)}"),
        step(t, f"One {k}x{k} layer", f"一个 {k}x{k} 层", single.rows[0].explain["params"]),
        step(t, "Both see the same window (receptive field of the stack)",
             "两者的感受野相同（堆叠后的感受野）", last.explain["rf"]),
    ]
    s_total, l_total = stack.total_params, single.total_params
    per_layer = stack.rows[0].params
    mistakes: list[Wrong]
    if ask == "stack":
        answer, spec = Answer("int", s_total), st_spec
        mistakes = [Wrong("forgot-input-channels", s_total // c), Wrong("counted-one-layer", per_layer),
                    _bias_slip(bias, s_total, s_total + n * c, s_total - n * c)]
    elif ask == "single":
        answer, spec = Answer("int", l_total), si_spec
        mistakes = [Wrong("forgot-input-channels", l_total // c),
                    _bias_slip(bias, l_total, l_total + c, l_total - c)]
    elif ask == "saving":
        answer, spec = Answer("int", l_total - s_total), difference(si_spec, st_spec)
        solution.append(step(t, "Saving", "节省", f"{thousands(l_total)} - {thousands(s_total)} = "
                             f"{thousands(l_total - s_total)}"))
        # with biases the slip drops them (c for the single layer, n*c for the stack);
        # without, it adds them
        mistakes = [Wrong("counted-one-layer", l_total - per_layer),
                    _bias_slip(bias, l_total - s_total, (l_total + c) - (s_total + n * c),
                               (l_total - c) - (s_total - n * c))]
    else:
        answer, spec = Answer("float", l_total / s_total, 0.01), ratio(si_spec, st_spec)
        solution.append(step(t, "Ratio", "倍数", f"{thousands(l_total)} / {thousands(s_total)} = "
                             f"{l_total / s_total:.4f} ≈ {l_total / s_total:.2f}"))
        mistakes = [Wrong("inverted-ratio", s_total / l_total),
                    Wrong("counted-one-layer", l_total / per_layer),
                    Wrong("forgot-bias", (l_total - c) / (s_total - n * c))]
    return Draft(f"{setup} {question}", answer, solution, spec, mistakes)


def _bias_slip(bias: bool, right: int, added: int, dropped: int) -> Wrong:
    """The bias slip a learner can make: forgetting the biases a layer has, or counting
    biases a bias=False layer does not have (`right` is the answer itself)."""
    return Wrong("forgot-bias", dropped) if bias else Wrong("added-bias", added)
