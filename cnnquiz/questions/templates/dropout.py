"""Dropout arithmetic: the inverted-dropout training scale, classic dropout's test scale, what a
kept unit carries, and how many units are expected to be zeroed.

Spec (contract): `{"op": "dropout", "p": drop probability, "ask": "train_scale" |
"test_scale" | "expected_zeroed", "n": units}`. Invented asks, with `"x"` an activation:
`"kept_value"` = x / (1-p) (what torch's training-mode dropout outputs for a kept unit),
`"test_value"` = x * (1-p) (classic dropout at test time), `"expected_value"` = the mean of
the training-mode output over masks, (1-p) * x/(1-p) = x; `"expected_kept"` = n * (1-p).
"""

from __future__ import annotations

import math
from typing import Any

from cnnquiz.engine import ops
from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.hand_common import (
    approx,
    decimals_answer,
    decimals_text,
    fmt,
    keep_mistakes,
)

_P = (0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.75)


def _rate(t: Ctx, p: float, keep_style: bool) -> tuple[str, str]:
    if keep_style:
        k = round(1 - p, 10)
        return (f"TensorFlow 1's `tf.nn.dropout` with `keep_prob = {fmt(k)}`",
                f"TensorFlow 1 的 `tf.nn.dropout`，`keep_prob = {fmt(k)}`")
    return f"dropout with p = {fmt(p)} (the probability of dropping a unit)", \
        f"p = {fmt(p)} 的 dropout（p 是丢弃一个单元的概率）"


@template("dropout.scale", "dsc", "dropout", title=("Dropout scaling", "Dropout 的缩放"))
def dropout_scale(t: Ctx) -> Draft:
    p = t.choice(_P)
    a = t.rng.randrange(5, 61) / 10
    ask = t.by_level(t.choice(("train_scale", "test_scale")),
                     t.choice(("kept_value", "test_value")),
                     t.choice(("train_scale", "kept_value", "expected_value")))
    keep_style = t.level == 3
    rate_en, rate_zh = _rate(t, p, keep_style)
    # tf.nn.dropout is inverted dropout too: a TensorFlow question names it, not PyTorch
    impl_en, impl_zh = (("`tf.nn.dropout`", "`tf.nn.dropout`") if keep_style else
                        ("PyTorch's `nn.Dropout`", "PyTorch `nn.Dropout`"))
    scale, keep = ops.train_scale(p), ops.eval_scale(p)
    value = {"train_scale": scale, "test_scale": keep, "kept_value": a * scale,
             "test_value": float(ops.classic_dropout_test([a], p)[0]), "expected_value": a}[ask]
    q_en, q_zh = {
        "train_scale": (f"Under inverted dropout (what {impl_en} does), by what factor are "
                        "the kept units multiplied during training?",
                        f"在 inverted dropout（{impl_zh} 的做法）下，训练时被保留的单元乘以"
                        "多少？"),
        "test_scale": ("Under classic dropout (no scaling during training, as in the original "
                       "paper), by what factor are the outputs multiplied at test time?",
                       "在经典 dropout（训练时不缩放，原论文的做法）下，测试时输出要乘以多少？"),
        "kept_value": (f"A unit's activation is {fmt(a)} and the unit is kept. What value does "
                       f"it pass on during training under inverted dropout ({impl_en})?",
                       f"某单元的激活值为 {fmt(a)}，且它被保留。在 inverted dropout（{impl_zh}）下，"
                       "训练时它输出的值是多少？"),
        "test_value": (f"A unit's activation is {fmt(a)}. Under classic dropout (no scaling "
                       "during training), what does it pass on at test time?",
                       f"某单元的激活值为 {fmt(a)}。在经典 dropout（训练时不缩放）下，测试时它"
                       "输出的值是多少？"),
        "expected_value": (f"A unit's activation is {fmt(a)}. Under inverted dropout, what is the "
                           "expected value of its training-time output, averaged over the random "
                           "masks?",
                           f"某单元的激活值为 {fmt(a)}。在 inverted dropout 下，对随机掩码取平均，"
                           "它在训练时输出的期望值是多少？"),
    }[ask]
    prompt = t.tr(f"A layer uses {rate_en}. {q_en} ", f"某层使用 {rate_zh}。{q_zh}") \
        + decimals_text(t, 4)
    solution = [
        t.tr(f"Drop probability p = {fmt(p)}, keep probability 1 - p = {fmt(keep)}.",
             f"丢弃概率 p = {fmt(p)}，保留概率 1 - p = {fmt(keep)}。"),
        t.tr(f"Inverted dropout scales kept units by 1/(1-p) = 1/{fmt(keep)} = {fmt(scale)} in "
             "training and does nothing at test; classic dropout leaves training alone and "
             f"multiplies by 1-p = {fmt(keep)} at test. Either way the expected output equals "
             "the activation.",
             f"Inverted dropout 训练时把保留的单元乘以 1/(1-p) = 1/{fmt(keep)} = {fmt(scale)}，测试时"
             f"不做处理；经典 dropout 训练时不缩放，测试时乘以 1-p = {fmt(keep)}。两种做法的"
             "期望输出都等于原激活值。"),
    ]
    if ask == "expected_value":
        solution.append(f"E = (1-p) * x/(1-p) + p * 0 = {fmt(keep)} * {fmt(a * scale)} = {fmt(a)}")
    elif ask in ("kept_value", "test_value"):
        factor = scale if ask == "kept_value" else keep
        solution.append(f"{fmt(a)} * {fmt(factor)} = {fmt(value)}")
    solution.append(t.tr(f"Answer: {approx(value, 4)}", f"答案：{approx(value, 4)}"))
    by_ask: dict[str, list[Wrong]] = {
        "train_scale": [Wrong("scaled-by-p", p), Wrong("scaled-by-keep", keep),
                        Wrong("confused-drop-keep", 1 / p)],
        "test_scale": [Wrong("confused-drop-keep", p), Wrong("inverted-rule-at-test", scale)],
        "kept_value": [Wrong("scaled-by-p", a * p), Wrong("scaled-by-keep", a * keep),
                       Wrong("confused-drop-keep", a / p), Wrong("forgot-inverted-scale", a)],
        "test_value": [Wrong("confused-drop-keep", a * p), Wrong("inverted-rule-at-test", a * scale),
                       Wrong("forgot-inverted-scale", a)],
        "expected_value": [Wrong("expectation-not-preserved", a * scale), Wrong("scaled-by-keep", a * keep)],
    }
    mistakes = by_ask[ask]
    answer = decimals_answer(value, 4)
    spec: dict[str, Any] = {"op": "dropout", "p": p, "ask": ask}
    if not ask.endswith("scale"):
        spec["x"] = a
    return Draft(prompt, answer, solution, spec, keep_mistakes(answer, mistakes))


@template("dropout.count", "dcn", "dropout", title=("Dropped units", "被丢弃的单元数"))
def dropout_count(t: Ctx) -> Draft:
    def draw() -> tuple[tuple[int, ...], float, int] | None:
        shape: tuple[int, ...]
        if t.level == 1:
            shape, p = (t.choice((10, 20, 50, 100, 200, 500, 1000)),), t.choice(_P)
        elif t.level == 2:
            shape = t.choice(((4096,), (1024,), (2048,), (512,))) if t.rng.random() < 0.4 else \
                (t.choice((64, 96, 128, 256, 512)), *(t.choice((6, 7, 13, 14)),) * 2)
            p = t.choice((0.5, 0.25, 0.125, 0.75, 0.2, 0.1))
        else:
            shape, p = (t.choice((100, 200, 500, 1000, 4096, 2048)),), t.choice(_P)
        n = math.prod(shape)
        return (shape, p, n) if abs(n * p - round(n * p)) < 1e-9 else None

    shape, p, n = t.redraw(draw, "layer whose expected count is whole")
    ask = "expected_kept" if t.level == 3 and t.rng.random() < 0.5 else "expected_zeroed"
    zeroed = ops.expected_zeroed(n, p)
    value = zeroed if ask == "expected_zeroed" else n - zeroed
    rate_en, rate_zh = _rate(t, p, t.level == 3)
    what_en = f"{shape[0]} units" if len(shape) == 1 else \
        f"a {'x'.join(map(str, shape))} feature map (C x H x W), element by element"
    what_zh = f"对 {shape[0]} 个单元" if len(shape) == 1 else \
        f"对一个 {'x'.join(map(str, shape))} 的特征图（C x H x W）逐元素"
    verb_en = "zeroed" if ask == "expected_zeroed" else "kept"
    verb_zh = "被置零" if ask == "expected_zeroed" else "被保留"
    prompt = t.tr(f"Training applies {rate_en} to {what_en}. How many values are {verb_en} on "
                  "average in one forward pass?",
                  f"训练时{what_zh}使用 {rate_zh}。一次前向传播中平均有多少个值{verb_zh}？")
    solution = [] if len(shape) == 1 else [
        t.tr(f"Units: {' x '.join(map(str, shape))} = {n}", f"单元数：{' x '.join(map(str, shape))} = {n}")]
    solution += [
        t.tr(f"Each is dropped with probability p = {fmt(p)}: expected zeroed = n*p = {n}*{fmt(p)}"
             f" = {fmt(zeroed)}", f"每个以概率 p = {fmt(p)} 被丢弃：期望置零数 = n*p = "
             f"{n}*{fmt(p)} = {fmt(zeroed)}"),
    ]
    if ask == "expected_kept":
        solution.append(t.tr(f"Kept: n - n*p = {n} - {fmt(zeroed)} = {fmt(value)}",
                             f"保留：n - n*p = {n} - {fmt(zeroed)} = {fmt(value)}"))
    mistakes: list[Wrong] = [Wrong("confused-drop-keep", n - value)]
    if len(shape) == 3:
        mistakes.append(Wrong("forgot-channels", value / shape[0]))
    answer = Answer("int", round(value))
    spec = {"op": "dropout", "p": p, "ask": ask, "n": n}
    return Draft(prompt, answer, solution, spec, keep_mistakes(answer, mistakes))
