"""Built-in networks, layer for layer as torchvision defines them (plus LeNet-5 and the
small Keras MNIST net of the notes). `calc --list` names them."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from cnnquiz.engine.network import Concat, Node, Residual
from cnnquiz.engine.spec import NAME_ALIASES, Layer, parse_layer
from cnnquiz.errors import SpecError


def L(text: str, name: str = "") -> Layer:
    return replace(parse_layer(text), name=name)


def seq(spec: str, prefix: str = "", start: int = 0) -> list[Node]:
    """Layers of a '->'-separated spec, named prefix.N (torchvision's Sequential indices)."""
    parts = [p.strip() for p in spec.split("->")]
    return [L(p, f"{prefix}.{start + i}" if prefix else "") for i, p in enumerate(parts)]


def lenet5() -> list[Node]:
    return seq("conv(6,5) -> tanh -> avgpool(2) -> conv(16,5) -> tanh -> avgpool(2) -> flatten"
               " -> linear(120) -> tanh -> linear(84) -> tanh -> linear(10)")


def mnist_keras() -> list[Node]:
    return seq("conv(25,3) -> relu -> maxpool(2) -> conv(50,3) -> relu -> maxpool(2) -> flatten"
               " -> linear(100) -> relu -> linear(10)")


def alexnet() -> list[Node]:
    features = seq(
        "conv(64,k=11,s=4,p=2) -> relu -> maxpool(3,s=2) -> conv(192,k=5,p=2) -> relu"
        " -> maxpool(3,s=2) -> conv(384,k=3,p=1) -> relu -> conv(256,k=3,p=1) -> relu"
        " -> conv(256,k=3,p=1) -> relu -> maxpool(3,s=2)", "features")
    return [*features, L("adaptiveavgpool(6)", "avgpool"), L("flatten"),
            *seq("dropout(0.5) -> linear(4096) -> relu -> dropout(0.5) -> linear(4096) -> relu"
                 " -> linear(1000)", "classifier")]


# torchvision's VGG configurations A (11), B (13) and D (16) as blocks of (width,
# convolutions); every block ends in a 2x2 max pool. The VGG templates use them too.
VGG_BLOCKS: dict[str, tuple[tuple[int, int], ...]] = {
    "vgg11": ((64, 1), (128, 1), (256, 2), (512, 2), (512, 2)),
    "vgg13": ((64, 2), (128, 2), (256, 2), (512, 2), (512, 2)),
    "vgg16": ((64, 2), (128, 2), (256, 3), (512, 3), (512, 3)),
}


def vgg(blocks: tuple[tuple[int, int], ...]) -> list[Node]:
    parts: list[str] = []
    for width, convs in blocks:
        parts += [f"conv({width},k=3,p=1)", "relu"] * convs + ["maxpool(2,s=2)"]
    return [*seq(" -> ".join(parts), "features"), L("adaptiveavgpool(7)", "avgpool"),
            L("flatten"),
            *seq("linear(4096) -> relu -> dropout(0.5) -> linear(4096) -> relu -> dropout(0.5)"
                 " -> linear(1000)", "classifier")]


def _stem() -> list[Node]:
    return [L("conv(64,k=7,s=2,p=3,bias=false)", "conv1"), L("bn", "bn1"), L("relu", "relu"),
            L("maxpool(3,s=2,p=1)", "maxpool")]


def _basic(name: str, planes: int, stride: int, down: bool) -> list[Node]:
    body = (L(f"conv({planes},k=3,s={stride},p=1,bias=false)", f"{name}.conv1"),
            L("bn", f"{name}.bn1"), L("relu", f"{name}.relu"),
            L(f"conv({planes},k=3,p=1,bias=false)", f"{name}.conv2"), L("bn", f"{name}.bn2"))
    short = (L(f"conv({planes},k=1,s={stride},bias=false)", f"{name}.downsample.0"),
             L("bn", f"{name}.downsample.1")) if down else ()
    return [Residual(body, short, name), L("relu", f"{name}.relu")]


def _bottleneck(name: str, planes: int, stride: int, down: bool) -> list[Node]:
    body = (L(f"conv({planes},k=1,bias=false)", f"{name}.conv1"), L("bn", f"{name}.bn1"),
            L("relu", f"{name}.relu"),
            L(f"conv({planes},k=3,s={stride},p=1,bias=false)", f"{name}.conv2"),
            L("bn", f"{name}.bn2"), L("relu", f"{name}.relu"),
            L(f"conv({planes * 4},k=1,bias=false)", f"{name}.conv3"), L("bn", f"{name}.bn3"))
    short = (L(f"conv({planes * 4},k=1,s={stride},bias=false)", f"{name}.downsample.0"),
             L("bn", f"{name}.downsample.1")) if down else ()
    return [Residual(body, short, name), L("relu", f"{name}.relu")]


def resnet(blocks: list[int], bottleneck: bool) -> list[Node]:
    nodes = _stem()
    inplanes = 64
    expansion = 4 if bottleneck else 1
    make = _bottleneck if bottleneck else _basic
    for i, (n, planes) in enumerate(zip(blocks, (64, 128, 256, 512), strict=True)):
        for b in range(n):
            stride = 2 if (i > 0 and b == 0) else 1
            down = b == 0 and (stride != 1 or inplanes != planes * expansion)
            nodes += make(f"layer{i + 1}.{b}", planes, stride, down)
            inplanes = planes * expansion
    return [*nodes, L("adaptiveavgpool(1)", "avgpool"), L("flatten"), L("linear(1000)", "fc")]


def _basic_conv(name: str, out: int, args: str = "k=1") -> list[Node]:
    """torchvision's BasicConv2d: conv without bias, BatchNorm (eps 0.001), ReLU."""
    return [L(f"conv({out},{args},bias=false)", f"{name}.conv"), L("bn", f"{name}.bn"),
            L("relu", name and f"{name}.relu")]


def _inception(name: str, c1: int, c3r: int, c3: int, c5r: int, c5: int, pp: int) -> Node:
    # torchvision's branch3 uses a 3x3 kernel where the paper has 5x5; its weights and
    # published counts follow the code, so do we.
    return Concat((
        tuple(_basic_conv(f"{name}.branch1", c1)),
        tuple(_basic_conv(f"{name}.branch2.0", c3r) + _basic_conv(f"{name}.branch2.1", c3, "k=3,p=1")),
        tuple(_basic_conv(f"{name}.branch3.0", c5r) + _basic_conv(f"{name}.branch3.1", c5, "k=3,p=1")),
        (L("maxpool(3,s=1,p=1,ceil=true)", f"{name}.branch4.0"),
         *_basic_conv(f"{name}.branch4.1", pp)),
    ), name)


def googlenet() -> list[Node]:
    pool = "maxpool(3,s=2,ceil=true)"
    return [
        *_basic_conv("conv1", 64, "k=7,s=2,p=3"), L(pool, "maxpool1"),
        *_basic_conv("conv2", 64), *_basic_conv("conv3", 192, "k=3,p=1"), L(pool, "maxpool2"),
        _inception("inception3a", 64, 96, 128, 16, 32, 32),
        _inception("inception3b", 128, 128, 192, 32, 96, 64), L(pool, "maxpool3"),
        _inception("inception4a", 192, 96, 208, 16, 48, 64),
        _inception("inception4b", 160, 112, 224, 24, 64, 64),
        _inception("inception4c", 128, 128, 256, 24, 64, 64),
        _inception("inception4d", 112, 144, 288, 32, 64, 64),
        _inception("inception4e", 256, 160, 320, 32, 128, 128),
        L("maxpool(2,s=2,ceil=true)", "maxpool4"),
        _inception("inception5a", 256, 160, 320, 32, 128, 128),
        _inception("inception5b", 384, 192, 384, 48, 128, 128),
        L("adaptiveavgpool(1)", "avgpool"), L("flatten"), L("dropout(0.2)", "dropout"),
        L("linear(1000)", "fc"),
    ]


@dataclass(frozen=True)
class Network:
    name: str
    build: Callable[[], list[Node]]
    input: tuple[int, int, int]
    about: str


NETWORKS: dict[str, Network] = {n.name: n for n in (
    Network("lenet5", lenet5, (1, 32, 32), "LeNet-5 (LeCun 1998), tanh and average pooling"),
    Network("mnist-keras", mnist_keras, (1, 28, 28), "the small Keras MNIST net of the notes"),
    Network("alexnet", alexnet, (3, 224, 224), "torchvision alexnet"),
    Network("vgg11", lambda: vgg(VGG_BLOCKS["vgg11"]), (3, 224, 224), "torchvision vgg11"),
    Network("vgg16", lambda: vgg(VGG_BLOCKS["vgg16"]), (3, 224, 224), "torchvision vgg16"),
    Network("resnet18", lambda: resnet([2, 2, 2, 2], False), (3, 224, 224), "torchvision resnet18"),
    Network("resnet50", lambda: resnet([3, 4, 6, 3], True), (3, 224, 224), "torchvision resnet50"),
    Network("googlenet", googlenet, (3, 224, 224),
            "torchvision googlenet, without auxiliary classifiers"),
)}


def get(name: str) -> Network | None:
    return NETWORKS.get(name.strip().lower())


_NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]*$")


def find(spec: str) -> Network | None:
    """The built-in network `spec` names; None when `spec` is a layer spec.

    A single bare word that is neither a network nor a layer name ("NOSUCHNET",
    "resnet34") is a mistyped network, not a spec: say so and list the built-in ones,
    rather than asking for the --input a spec would need.
    """
    net = get(spec)
    word = spec.strip()
    if net is None and _NAME_RE.match(word) and word.lower() not in NAME_ALIASES:
        raise SpecError(f"unknown network {word!r}; built-in networks: {', '.join(NETWORKS)} "
                        "(or give a layer spec such as conv(64,k=3) -> relu)")
    return net
