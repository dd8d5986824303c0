"""VGG blocks layer by layer: only 3x3 convolutions with padding 1 (the size stays) and
2x2 max pools with stride 2 (the size halves). VGG-16 on 224 and small CIFAR-style
variants; a question asks a drawn layer's output or parameters, or the total.
"""

from __future__ import annotations

from cnnquiz.engine.zoo import VGG_BLOCKS
from cnnquiz.questions.template import Ctx, Draft, template
from cnnquiz.questions.templates.networks import Case, ask_network

VGG16, VGG13, VGG11 = VGG_BLOCKS["vgg16"], VGG_BLOCKS["vgg13"], VGG_BLOCKS["vgg11"]


def vgg_layers(blocks: tuple[tuple[int, int], ...], head: str = "") -> str:
    parts: list[str] = []
    for width, n in blocks:
        parts += [f"conv({width},k=3,p=1)"] * n + ["maxpool(2)"]
    return " -> ".join(parts) + (f" -> {head}" if head else "")


def vgg_case(shape: tuple[int, int, int], blocks: tuple[tuple[int, int], ...], head: str = ""
             ) -> Case:
    layers = vgg_layers(blocks, head)
    return Case("This VGG-style network", "这个 VGG 风格的网络", shape, layers,
                (("ignored-padding", layers.replace(",p=1)", ")")),))


@template("net.vgg", "nvg", "architectures", title=("VGG blocks", "VGG 网络逐层计算"))
def vgg_network(t: Ctx) -> Draft:
    if t.level == 1:
        size = t.choice((32, 64, 28, 48))
        w = t.choice((8, 16, 32, 64))
        blocks = tuple((w * 2**i, t.choice((1, 2))) for i in range(t.choice((1, 2))))
        case, ask = vgg_case((3, size, size), blocks), t.choice(("output", "params"))
    elif t.level == 2:
        case = vgg_case((3, 224, 224), VGG16[:t.rng.randrange(2, 6)])
        ask = t.choice(("output", "params"))
    else:
        cfg = t.choice((VGG16, VGG13, VGG11))
        if t.rng.random() < 0.4:
            size, out = t.choice(((224, 4096), (32, 10), (32, 100), (32, 512)))
            case = vgg_case((3, size, size), cfg, f"flatten -> linear({out})")
            return ask_network(t, case, "params", len(case.layers.split(" -> ")))
        case, ask = vgg_case((3, 224, 224), cfg[:t.rng.randrange(2, 6)]), "total"
    if ask == "total":
        return ask_network(t, case, "params", None)
    kinds = ("conv", "maxpool") if ask == "output" else ("conv", "conv", "conv", "maxpool")
    n_layers = case.layers.split(" -> ")
    idx = t.choice([i for i, text in enumerate(n_layers, 1) if text.split("(")[0] in kinds])
    return ask_network(t, case, ask, idx)
