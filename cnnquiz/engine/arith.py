"""Shape, padding, parameter, compute and receptive-field arithmetic in plain Python.

Every function returns `Calc` objects (value + formula + substituted numbers) so a
worked solution prints exactly what was computed. Semantics are PyTorch's unless
the name says TensorFlow (`tf_padding`). Sizes are one spatial axis at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from cnnquiz.engine.explain import Calc


def ceil_div(a: int, b: int) -> int:
    return -((-a) // b)


def effective_kernel(k: int, d: int = 1) -> Calc:
    """The span of a dilated kernel: d(k-1)+1."""
    return Calc(d * (k - 1) + 1, "D(K-1) + 1", f"{d}*({k}-1) + 1")


def _pad_text(pl: int, pr: int) -> tuple[str, str]:
    if pl == pr:
        return "2P", f"2*{pl}"
    return "P_l + P_r", f"{pl} + {pr}"


def out_size(n: int, k: int, s: int, pad_total: int, d: int = 1) -> int:
    """floor((N + pads - D(K-1) - 1)/S) + 1, the size torch gives a conv along one axis
    (`pad_total`: both sides together); `conv_out` is this with its working shown."""
    return (n + pad_total - d * (k - 1) - 1) // s + 1


def conv_out(n: int, k: int, s: int = 1, p: int | tuple[int, int] = 0, d: int = 1) -> Calc:
    """PyTorch Conv2d output size along one axis: floor((N + 2P - D(K-1) - 1)/S) + 1."""
    pl, pr = (p, p) if isinstance(p, int) else p
    value = out_size(n, k, s, pl + pr, d)
    ptxt, pnum = _pad_text(pl, pr)
    if d == 1:
        return Calc(value, f"floor((W - K + {ptxt})/S) + 1", f"floor(({n} - {k} + {pnum})/{s}) + 1")
    return Calc(value, f"floor((W + {ptxt} - D(K-1) - 1)/S) + 1",
                f"floor(({n} + {pnum} - {d}*({k}-1) - 1)/{s}) + 1")


def pool_out(
    n: int, k: int, s: int | None = None, p: int = 0, d: int = 1, ceil: bool = False
) -> Calc:
    """PyTorch MaxPool2d/AvgPool2d output size, including ceil mode's last-window rule.

    With ceil_mode, a last window that would start inside the right padding is dropped:
    if (out - 1) * S >= N + P then out -= 1.
    """
    s = k if s is None else s
    num = n + 2 * p - d * (k - 1) - 1
    dk = "K" if d == 1 else "D(K-1) - 1"
    dnum = f"{k}" if d == 1 else f"{d}*({k}-1) - 1"
    if not ceil:
        return Calc(num // s + 1, f"floor((W + 2P - {dk})/S) + 1",
                    f"floor(({n} + 2*{p} - {dnum})/{s}) + 1")
    out = ceil_div(num, s) + 1
    formula = f"ceil((W + 2P - {dk})/S) + 1"
    numbers = f"ceil(({n} + 2*{p} - {dnum})/{s}) + 1"
    if (out - 1) * s >= n + p:
        return Calc(
            out - 1,
            formula + " - 1 (last window would start in the padding)",
            numbers + f" - 1 (({out}-1)*{s} >= {n}+{p})",
        )
    return Calc(out, formula, numbers)


def convT_out(n: int, k: int, s: int = 1, p: int = 0, op: int = 0, d: int = 1) -> Calc:
    """PyTorch ConvTranspose2d output size: (N-1)S - 2P + D(K-1) + OP + 1."""
    value = (n - 1) * s - 2 * p + d * (k - 1) + op + 1
    return Calc(
        value,
        "(W - 1)S - 2P + D(K-1) + OP + 1",
        f"({n} - 1)*{s} - 2*{p} + {d}*({k}-1) + {op} + 1",
    )


@dataclass(frozen=True)
class TFPadding:
    """TensorFlow-style padding along one axis: output size and the pad split."""

    mode: str
    out: Calc
    total: Calc
    left: Calc
    right: Calc


def tf_padding(n: int, k: int, s: int = 1, mode: str = "same", d: int = 1) -> TFPadding:
    """TensorFlow 'valid' / 'same' / 'full' padding: out size, pad total, left/right split.

    same: out = ceil(N/S), total = max((out-1)S + D(K-1)+1 - N, 0), left = floor(total/2),
    right = total - left (the odd extra pad goes right/bottom).
    valid: no padding, out = ceil((N - D(K-1)) / S).
    full: D(K-1) on each side.
    """
    eff = d * (k - 1) + 1
    if mode == "valid":
        zero = Calc(0, "0", "0")
        out = Calc(ceil_div(n - eff + 1, s), "ceil((W - K + 1)/S)", f"ceil(({n} - {eff} + 1)/{s})")
        return TFPadding(mode, out, zero, zero, zero)
    if mode == "full":
        side = Calc(eff - 1, "D(K-1)", f"{d}*({k}-1)")
        total = Calc(2 * (eff - 1), "2D(K-1)", f"2*{eff - 1}")
        out = conv_out(n, k, s, eff - 1, d)
        return TFPadding(mode, out, total, side, side)
    if mode != "same":
        raise ValueError(f"padding mode must be valid, same or full, not {mode!r}")
    out_v = ceil_div(n, s)
    out = Calc(out_v, "ceil(W/S)", f"ceil({n}/{s})")
    tot = max((out_v - 1) * s + eff - n, 0)
    total = Calc(tot, "max((out-1)S + K - W, 0)", f"max(({out_v}-1)*{s} + {eff} - {n}, 0)")
    left = Calc(tot // 2, "floor(total/2)", f"floor({tot}/2)")
    right = Calc(tot - tot // 2, "total - left", f"{tot} - {tot // 2}")
    return TFPadding(mode, out, total, left, right)


def conv_params(cin: int, cout: int, kh: int, kw: int, groups: int = 1, bias: bool = True) -> Calc:
    """Conv2d / ConvTranspose2d trainable parameters: out*(in/g)*K*K (+ out biases)."""
    weights = cout * (cin // groups) * kh * kw
    gtxt, gnum = ("C_in", f"{cin}") if groups == 1 else ("(C_in/g)", f"({cin}/{groups})")
    formula, numbers = f"C_out*{gtxt}*K*K", f"{cout}*{gnum}*{kh}*{kw}"
    if bias:
        return Calc(weights + cout, formula + " + C_out", numbers + f" + {cout}")
    return Calc(weights, formula, numbers)


def linear_params(fin: int, fout: int, bias: bool = True) -> Calc:
    if bias:
        return Calc(fin * fout + fout, "in*out + out", f"{fin}*{fout} + {fout}")
    return Calc(fin * fout, "in*out", f"{fin}*{fout}")


def bn_params(c: int) -> Calc:
    """BatchNorm: a scale and a shift per channel (running statistics are not trainable)."""
    return Calc(2 * c, "2C", f"2*{c}")


def conv_macs(cout: int, hout: int, wout: int, cin: int, kh: int, kw: int, groups: int = 1) -> Calc:
    """Multiply-accumulates of a convolution (bias not counted): H_out*W_out*C_out*(C_in/g)*K*K."""
    per = cin // groups
    gtxt, gnum = ("C_in", f"{cin}") if groups == 1 else ("(C_in/g)", f"({cin}/{groups})")
    return Calc(hout * wout * cout * per * kh * kw, f"H_out*W_out*C_out*{gtxt}*K*K",
                f"{hout}*{wout}*{cout}*{gnum}*{kh}*{kw}")


def convT_macs(cin: int, hin: int, win: int, cout: int, kh: int, kw: int, groups: int = 1) -> Calc:
    """Transposed convolution MACs: every input value is scattered through (C_out/g)*K*K weights."""
    per = cout // groups
    gtxt, gnum = ("C_out", f"{cout}") if groups == 1 else ("(C_out/g)", f"({cout}/{groups})")
    return Calc(
        cin * hin * win * per * kh * kw,
        f"C_in*H_in*W_in*{gtxt}*K*K",
        f"{cin}*{hin}*{win}*{gnum}*{kh}*{kw}",
    )


def linear_macs(fin: int, fout: int) -> Calc:
    return Calc(fin * fout, "in*out", f"{fin}*{fout}")


class RF(NamedTuple):
    """Receptive field state after a layer: size `r`, jump `j`, and `start`, the centre of
    the first output unit's field in input coordinates (pixel 0 has centre 0)."""

    r: Calc
    j: Calc
    start: Calc


def rf_input() -> RF:
    return RF(Calc(1, "1", "1"), Calc(1, "1", "1"), Calc(0.0, "0", "0"))


def rf_step(prev: RF, k: int, s: int = 1, p_left: int = 0, d: int = 1) -> RF:
    """One layer of the receptive-field recursion:
    r = r_prev + (K-1)*D*j_prev, j = j_prev*S, start = start_prev + ((D(K-1))/2 - P)*j_prev."""
    r0, j0, st0 = prev.r.value, prev.j.value, prev.start.value
    dtxt, dnum = ("", "") if d == 1 else ("*D", f"*{d}")
    r = Calc(r0 + (k - 1) * d * j0, f"r_prev + (K-1){dtxt}*j_prev", f"{r0} + ({k}-1){dnum}*{j0}")
    j = Calc(j0 * s, "j_prev*S", f"{j0}*{s}")
    st = st0 + (d * (k - 1) / 2 - p_left) * j0
    start = Calc(st, "start_prev + (D(K-1)/2 - P)*j_prev",
                 f"{_num(st0)} + ({d}*({k}-1)/2 - {p_left})*{j0}")
    return RF(r, j, start)


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)
