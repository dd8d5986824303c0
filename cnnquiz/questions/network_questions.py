"""Questions about one given network (`drill --network NET`), with codes that find it again.

These templates need a network besides the usual level and seed, so they live beside
the registry rather than in it: the study catalogue never offers them on their own.
A code is the usual `short.version.level.seed` plus the network's reference,
`nwo.1.1.1x9kq3.alexnet` (a built-in on its own input) or `nwo.1.1.1x9kq3.f0a1b2c3d4e`
(a fingerprint, which `show` needs the network itself to regenerate).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from cnnquiz.engine.user_network import resolve
from cnnquiz.engine.zoo import get as builtin
from cnnquiz.i18n import Lang
from cnnquiz.questions import codes
from cnnquiz.questions.model import Question
from cnnquiz.questions.network_asks import RESHAPING, WEIGHTED, layer_macs, layer_params, output_shape
from cnnquiz.questions.network_case import NetworkCase, case_for
from cnnquiz.questions.network_fields import field_rows, find_change, jump, receptive_field, what_if
from cnnquiz.questions.template import Ctx, Draft, Template, realise

Build = Callable[[Ctx, NetworkCase], Draft]


def _unused(t: Ctx) -> Draft:  # pragma: no cover - a network template always gets a case
    raise AssertionError("network templates are built with their network")


@dataclass(frozen=True)
class Ask:
    template: Template
    build: Build
    applies: Callable[[NetworkCase], bool]


def _ask(id: str, short: str, topic: str, level: int, title: tuple[str, str], build: Build,
         applies: Callable[[NetworkCase], bool]) -> Ask:
    return Ask(Template(id, short, 1, topic, _unused, (level,), *title), build, applies)


def _can_change(case: NetworkCase) -> bool:
    import random

    from cnnquiz.errors import SpecError

    try:
        find_change(Ctx(random.Random(0), 3, "en"), case)
    except SpecError:
        return False
    return True


ASKS: dict[str, Ask] = {a.template.id: a for a in (
    _ask("network.output_shape", "nwo", "output-size", 1,
         ("Output shape at a layer of your network", "你的网络中某层的输出形状"), output_shape,
         lambda c: any(r.type in RESHAPING for r in c.rows)),
    _ask("network.layer_params", "nwp", "params", 1,
         ("Parameters of a layer of your network", "你的网络中某层的参数个数"), layer_params,
         lambda c: any(r.type in WEIGHTED and r.params for r in c.rows)),
    _ask("network.layer_macs", "nwm", "macs", 2,
         ("MACs of a layer of your network", "你的网络中某层的乘加次数"), layer_macs,
         lambda c: any(r.macs for r in c.rows)),
    _ask("network.receptive_field", "nwr", "receptive-field", 2,
         ("Receptive field at a layer of your network", "你的网络中某层的感受野"), receptive_field,
         lambda c: bool(field_rows(c))),
    _ask("network.jump", "nwj", "receptive-field", 2,
         ("Jump at a layer of your network", "你的网络中某层的累计步长"), jump,
         lambda c: bool(field_rows(c))),
    _ask("network.what_if", "nww", "output-size", 3,
         ("What changes when one layer's stride or padding changes",
          "改动一层的步长或填充后尺寸如何变化"), what_if, _can_change),
)}
BY_SHORT = {a.template.short: a for a in ASKS.values()}


def asks_for(case: NetworkCase) -> list[Ask]:
    """The questions this network can answer (a plain MLP has no receptive fields...)."""
    return [a for a in ASKS.values() if a.applies(case)]


def make(template_id: str, case: NetworkCase, seed: int, lang: Lang = "en") -> Question:
    ask = ASKS[template_id]
    tpl = replace(ask.template, build=lambda t: ask.build(t, case))
    seed %= codes.MAX_SEED
    level = tpl.levels[0]
    code = f"{tpl.short}.{tpl.version}.{level}.{codes.to36(seed)}.{case.ref}"
    return realise(tpl, level, seed, lang, code)


def is_network_code(code: str) -> bool:
    parts = code.strip().lower().split(".")
    return len(parts) == 5 and parts[0] in BY_SHORT


def from_code(code: str, lang: Lang = "en", case: NetworkCase | None = None) -> Question:
    """Regenerate a network question: a built-in's from its name alone; any other network's
    only with `case`, the network the code's fingerprint was taken of."""
    text = code.strip().lower()
    head, _, ref = text.rpartition(".")
    c = codes.parse(head)
    ask = BY_SHORT.get(c.short)
    if ask is None or ask.template.version != c.version or c.level not in ask.template.levels:
        raise codes.CodeError(f"no network question for code {code.strip()[:60]!r}")
    if case is None:
        net = builtin(ref)
        if net is None:
            raise codes.CodeError(
                f"question {code.strip()} is about a network read from a file (fingerprint "
                f"{ref}); regenerate it with that network: cnnquiz show {code.strip()} "
                "--network FILE (and the same --input)")
        case = case_for(resolve(net.name), net.input)
    elif case.ref != ref:
        raise codes.CodeError(f"question {code.strip()} was asked about another network "
                              f"(fingerprint {ref}, this one is {case.ref})")
    return make(ask.template.id, case, c.seed, lang)
