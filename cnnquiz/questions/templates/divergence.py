"""KL and JS divergence of two small discrete distributions, natural log.

Invented operation specs: `{"op": "kl_div", "p": [...], "q": [...]}` is KL(p || q) =
sum p_i ln(p_i / q_i) (torch: `F.kl_div(q.log(), p, reduction="sum")`, note the swapped
argument order); `{"op": "js_div", "p": [...], "q": [...]}` is (KL(p||m) + KL(q||m))/2
with m = (p + q)/2.
"""

from __future__ import annotations

import math

import numpy as np

from cnnquiz.engine import ops
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.hand_common import (
    approx,
    decimals_answer,
    decimals_text,
    fmt,
    keep_mistakes,
    vec,
)


def _dist(t: Ctx, n: int) -> list[float]:
    """n positive multiples of 0.1 adding up to 1."""
    cuts = sorted(t.rng.sample(range(1, 10), n - 1))
    parts = [b - a for a, b in zip([0, *cuts], [*cuts, 10], strict=True)]
    return [v / 10 for v in parts]


def _kl_terms(p: list[float], q: list[float]) -> str:
    return " + ".join(f"{fmt(a)}*ln({fmt(a)}/{fmt(b)})" for a, b in zip(p, q, strict=True))


@template("loss.divergence", "kld", "losses",
          title=("KL and JS divergence", "KL 散度与 JS 散度"))
def divergence(t: Ctx) -> Draft:
    n = t.by_level(2, t.choice((3, 4)), t.choice((2, 3)))
    p = _dist(t, n)
    q = t.redraw(lambda: d if (d := _dist(t, n)) != p else None, "distribution unlike p")
    kind = "js" if t.level == 3 else "kl"
    reverse = t.level == 2 and t.rng.random() < 0.5
    a, b = (q, p) if reverse else (p, q)
    kl_ab, kl_ba = ops.kl_div(a, b), ops.kl_div(b, a)
    m = ((np.asarray(p) + np.asarray(q)) / 2).tolist()
    if kind == "kl":
        value = kl_ab
        what_en = "KL(Q || P)" if reverse else "KL(P || Q)"
        rule = "KL(A || B) = sum_i A_i ln(A_i / B_i)"
        solution = [f"`{rule}`", f"{what_en} = {_kl_terms(a, b)} = {fmt(value)}"]
    else:
        value = ops.js_div(p, q)
        what_en = "JS(P, Q)"
        kpm, kqm = ops.kl_div(p, m), ops.kl_div(q, m)
        solution = [
            "`JS(P, Q) = (KL(P || M) + KL(Q || M)) / 2, M = (P + Q)/2`",
            f"M = {vec(m)}",
            f"KL(P || M) = {_kl_terms(p, m)} = {fmt(kpm)}",
            f"KL(Q || M) = {_kl_terms(q, m)} = {fmt(kqm)}",
            f"JS = ({fmt(kpm)} + {fmt(kqm)})/2 = {fmt(value)}",
        ]
    prompt = t.tr(
        f"Two distributions over {n} outcomes: P = {vec(p)}, Q = {vec(q)}. Compute {what_en} "
        "using the natural log. ",
        f"两个定义在 {n} 个结果上的分布：P = {vec(p)}，Q = {vec(q)}。用自然对数计算 {what_en}。",
    ) + decimals_text(t, 4)
    solution.append(t.tr(f"Answer: {approx(value, 4)}", f"答案：{approx(value, 4)}"))
    base = t.tr("The divergence is asked in nats: use the natural logarithm, not log2 or log10.",
                "这里的散度以 nat 为单位：用自然对数，而不是 log2 或 log10。")
    mistakes: list[Wrong] = [Wrong("wrong-log-base", value / math.log(2), base),
                          Wrong("wrong-log-base", value / math.log(10), base)]
    if kind == "kl":
        mistakes.append(Wrong("kl-reversed", kl_ba))
    else:
        mistakes += [Wrong("js-symmetrised-kl", (ops.kl_div(p, q) + ops.kl_div(q, p)) / 2),
                     Wrong("forgot-half", 2 * value)]
    answer = decimals_answer(value, 4)
    spec = {"op": "js_div" if kind == "js" else "kl_div", "p": a, "q": b}
    return Draft(prompt, answer, solution, spec, keep_mistakes(answer, mistakes))
