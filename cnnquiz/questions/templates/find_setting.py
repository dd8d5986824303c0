"""Solving the output-size formula backwards: which padding (or stride, kernel size,
dilation) turns an n x n map into an m x m one.

Invented operation spec (recomputable without cnnquiz):

- `{"op": "conv_solve", "unknown": "padding|stride|kernel_size|dilation", "input_size": n,
  "output_size": m, "kernel_size": k, "stride": s, "padding": p, "dilation": d}` with the
  unknown's entry null: the smallest value (padding >= 0, the others >= 1) for which a PyTorch
  `Conv2d` with these settings maps an n x n input to an m x m output.
"""

from __future__ import annotations

from typing import Any

from cnnquiz.engine import arith
from cnnquiz.i18n import Lang
from cnnquiz.questions.model import Answer
from cnnquiz.questions.template import Ctx, Draft, Wrong, template
from cnnquiz.questions.templates.common import step

SEARCH_BEYOND_INPUT = 64  # values tried: from the lowest up to the input size plus this

NAMES = {
    "padding": ("padding P", "填充 P"), "stride": ("stride S", "步长 S"),
    "kernel_size": ("kernel size K", "卷积核尺寸 K"), "dilation": ("dilation D", "膨胀率 D"),
}


def solve(unknown: str, n: int, target: int, cfg: dict[str, Any], one_side: bool = False,
          span_dk: bool = False) -> int | None:
    """Smallest value of `unknown` for which the engine's output size equals target.

    `one_side` and `span_dk` solve under a misconception instead: padding added once, or a
    dilated kernel taken to span D*K pixels.
    """
    low = 0 if unknown == "padding" else 1
    for v in range(low, n + SEARCH_BEYOND_INPUT):
        c = {**cfg, unknown: v}
        k, s, p, d = c["kernel_size"], c["stride"], c["padding"], c["dilation"]
        pads, span = (p if one_side else 2 * p), (d * k if span_dk else d * (k - 1) + 1)
        if n + pads < span:
            continue
        out = (n + pads - span) // s + 1 if span_dk else arith.out_size(n, k, s, pads, d)
        if out == target:
            return v
    return None


def _problem(t: Ctx, version: int) -> tuple[str, int, dict[str, int]]:
    """(unknown, input size, full settings); the output size follows from them.

    From version 2 a dilated kernel always fits in the input, d(k-1) + 1 <= n: version 1
    asked for, say, a 7x7 kernel at dilation 12 (73 pixels wide) padded by 36 on a 48x48
    map, where most taps only ever see padding.
    """
    if version >= 2 and t.level >= 2:
        return _problem_v2(t)
    if t.level == 1:
        u = t.choice(("padding", "padding", "kernel_size"))
        n, k = t.rng.randrange(6, 65), t.choice((1, 3, 5, 7, 9, 11))
        same, other = (k - 1) // 2, t.rng.randrange(0, k + 1)  # keep the size, or not
        p = t.choice((same, same, other)) if u == "padding" else t.choice((0, 1, 2))
        return u, n, {"kernel_size": k, "stride": 1, "padding": p, "dilation": 1}
    if t.level == 2 and t.rng.random() < 0.25:  # DeepLab's atrous (ASPP) branches keep the size
        n, d = t.choice((33, 65, 129, 64, 32)), t.choice((2, 4, 6, 12, 18, 24))
        return t.choice(("padding", "dilation")), n, {"kernel_size": 3, "stride": 1, "padding": d,
                                                      "dilation": d}
    if t.level == 2:
        return _real_layer(t)
    u = t.choice(("padding", "padding", "dilation", "stride"))
    n, k = t.rng.randrange(13, 130), t.choice((3, 3, 5, 7))
    d, s = t.choice((2, 3, 4, 6, 12, 18)), t.choice((1, 1, 2)) if u != "stride" else t.choice((2, 3))
    p = d * (k - 1) // 2 - t.choice((0, 0, 1)) * (u != "dilation")
    return u, n, {"kernel_size": k, "stride": s, "padding": p, "dilation": d}


def _real_layer(t: Ctx) -> tuple[str, int, dict[str, int]]:
    """A layer of a well-known network (none dilated)."""
    u = t.choice(("padding", "padding", "stride", "kernel_size"))
    cases = ((224, 7, 2, 3), (112, 3, 2, 1), (56, 3, 2, 1), (227, 11, 4, 0), (224, 11, 4, 2),
             (32, 3, 2, 1), (299, 3, 2, 0), (28, 5, 1, 0), (32, 5, 1, 0), (56, 3, 1, 1),
             (14, 3, 1, 1), (224, 3, 1, 1), (28, 3, 1, 0), (56, 1, 2, 0), (112, 5, 1, 2))
    n, k, s, p = t.choice([c for c in cases if c[2] > 1] if u == "stride" else cases)
    if u == "kernel_size":
        s = 1
    return u, n, {"kernel_size": k, "stride": s, "padding": p, "dilation": 1}


def fits(n: int, k: int, d: int) -> bool:
    """The dilated kernel's span d(k-1) + 1 fits in an n-pixel input."""
    return d * (k - 1) + 1 <= n


def _problem_v2(t: Ctx) -> tuple[str, int, dict[str, int]]:
    if t.level == 2 and t.rng.random() < 0.25:  # DeepLab's atrous (ASPP) branches keep the size
        n = t.choice((33, 65, 129, 64, 32))
        d = t.choice([d for d in (2, 4, 6, 12, 18, 24) if fits(n, 3, d)])
        return t.choice(("padding", "dilation")), n, {"kernel_size": 3, "stride": 1, "padding": d,
                                                      "dilation": d}
    if t.level == 2:
        return _real_layer(t)
    u = t.choice(("padding", "padding", "dilation", "stride"))
    n, k = t.rng.randrange(13, 130), t.choice((3, 3, 5, 7))
    d = t.choice([d for d in (2, 3, 4, 6, 12, 18) if fits(n, k, d)])
    s = t.choice((1, 1, 2)) if u != "stride" else t.choice((2, 3))
    p = d * (k - 1) // 2 - t.choice((0, 0, 1)) * (u != "dilation")
    return u, n, {"kernel_size": k, "stride": s, "padding": p, "dilation": d}


def _given(cfg: dict[str, int], unknown: str, lang: Lang) -> str:
    """The known settings as prose: "kernel 7x7, stride 2, padding 3"."""
    words = {"kernel_size": ("kernel", "卷积核"), "stride": ("stride", "步长"),
             "padding": ("padding", "填充"), "dilation": ("dilation", "膨胀率")}
    parts = []
    for name, v in cfg.items():
        if name == unknown or (name == "dilation" and v == 1):
            continue
        text = f"{v}x{v}" if name == "kernel_size" else str(v)
        parts.append(f"{words[name][lang == 'zh']} {text}")
    return ("，" if lang == "zh" else ", ").join(parts)


TITLE = ("Find the padding (or stride, kernel, dilation)", "反求填充（或步长、卷积核、膨胀率）")


@template("conv.find_setting", "fpd", "padding", title=TITLE)
def conv_find_setting_v1(t: Ctx) -> Draft:
    """Version 1, kept for printed codes (dilated kernels wider than the input)."""
    return _find_setting(t, 1)


@template("conv.find_setting", "fpd", "padding", version=2, title=TITLE)
def conv_find_setting(t: Ctx) -> Draft:
    return _find_setting(t, 2)


def _find_setting(t: Ctx, version: int) -> Draft:
    u, n, cfg = _problem(t, version)
    k, s, p, d = cfg["kernel_size"], cfg["stride"], cfg["padding"], cfg["dilation"]
    while n + 2 * p < d * (k - 1) + 1:
        n += d * (k - 1)
    target = int(arith.conv_out(n, k, s, p, d).value)
    answer = solve(u, n, target, cfg)
    assert answer is not None
    known = {**cfg, u: answer}
    given_en, given_zh = _given(cfg, u, "en"), _given(cfg, u, "zh")
    what_en, what_zh = NAMES[u]
    pad_note = t.tr(" (the same P on every side)", "（四周各填充 P）") if u == "padding" else ""
    prompt = t.tr(
        f"A PyTorch `Conv2d` ({given_en}) turns a {n}x{n} feature map into {target}x{target}. "
        f"What is the smallest {what_en} that does this{pad_note}?",
        f"一个 PyTorch `Conv2d`（{given_zh}）把 {n}x{n} 的特征图变成 {target}x{target}。"
        f"满足条件的{what_zh} 最小是多少{pad_note}？",
    )
    check = arith.conv_out(n, known["kernel_size"], known["stride"], known["padding"],
                           known["dilation"])
    solution = [
        step(t, "Output size formula", "输出尺寸公式",
             "floor((W + 2P - D(K-1) - 1)/S) + 1"),
        step(t, f"Try {what_en} = {answer}", f"令{what_zh} = {answer}", check),
    ]
    if answer > (0 if u == "padding" else 1):
        solution.append(step(t, f"Smaller values do not give {target}, so {what_en} = {answer}",
                             f"更小的取值得不到 {target}，所以{what_zh} = {answer}"))
    mistakes: list[Wrong] = [
        Wrong("forgot-plus-one", solve(u, n, target + 1, cfg)),
        Wrong("padded-one-side", solve(u, n, target, cfg, one_side=True) if p or u == "padding"
         else None),
        Wrong("span-d-times-k", solve(u, n, target, cfg, span_dk=True) if d > 1 or u == "dilation"
         else None),
        Wrong("ignored-dilation", solve(u, n, target, {**cfg, "dilation": 1}) if d > 1 and
         u != "dilation" else None),
        Wrong("ignored-stride", solve(u, n, target, {**cfg, "stride": 1}) if s > 1 and u != "stride"
         else None),
    ]
    mistakes = [m for m in mistakes if m.value is not None]
    spec = {"op": "conv_solve", "unknown": u, "input_size": n, "output_size": target,
            **{x: (None if x == u else v) for x, v in cfg.items()}}
    return Draft(prompt, Answer("int", answer), solution, spec, mistakes)
