"""print(model) text read back against PyTorch: the fixtures are what torch prints for
torchvision's alexnet and vgg16 structures, and random plain sequential models give
torch's own parameter counts and output shapes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st

from cnnquiz.engine.user_network import resolve

torch = pytest.importorskip("torch")
from torch import nn  # noqa: E402

from tests.engine.torch_models import VGG, AlexNet, ResNet18  # noqa: E402

pytestmark = pytest.mark.oracle
FIXTURES = Path(__file__).parent / "fixtures"


def _params(m: nn.Module) -> int:
    return sum(p.numel() for p in m.parameters() if p.requires_grad)


def _out(m: nn.Module, shape: tuple[int, ...]) -> tuple[int, ...]:
    with torch.device("meta"):
        return tuple(m.to("meta").eval()(torch.zeros((1, *shape)))[0].shape)


@pytest.mark.parametrize(("name", "build"), [("alexnet", AlexNet), ("vgg16", VGG)])
def test_torchvision_structures_print_the_fixtures_and_read_back(name: str, build: type) -> None:
    model = build()
    assert str(model) + "\n" == (FIXTURES / f"{name}.txt").read_text()
    summary = resolve(str(model)).analyze((3, 224, 224))
    assert summary.total_params == _params(model)
    assert summary.output == _out(model, (3, 224, 224))


def test_resnet_print_names_what_it_leaves_out() -> None:
    model = ResNet18()
    net = resolve(str(model))
    summary = net.analyze((3, 224, 224))
    branches = sum(_params(getattr(model, f"layer{i}")[0].downsample) for i in (2, 3, 4))
    assert net.model is not None and net.model.print_params == _params(model) == 11_689_512
    assert summary.total_params == _params(model) - branches
    assert summary.output == _out(model, (3, 224, 224))
    line = net.warning(summary)
    assert line is not None and "\n" not in line
    assert "BasicBlock x8 (layer1.0 ... layer4.1)" in line
    assert (f"residual branches left out: layer2.0.downsample, layer3.0.downsample, "
            f"layer4.0.downsample ({branches:,} parameters not counted)") in line


def _module(draw: st.DrawFn, kind: str, shape: tuple[int, ...], flat: bool) -> nn.Module:
    ch = shape[0]
    k, s, p = draw(st.integers(1, 4)), draw(st.integers(1, 3)), draw(st.integers(0, 2))
    g = draw(st.sampled_from([1, 1, 2]))
    if kind == "conv":
        g = g if ch % g == 0 else 1
        return nn.Conv2d(ch, g * draw(st.integers(1, 4)), k, s, p, draw(st.integers(1, 2)), g,
                         bias=draw(st.booleans()))
    if kind == "convT":
        return nn.ConvTranspose2d(ch, draw(st.integers(1, 4)), k, s, min(p, k - 1),
                                  min(p, s - 1), bias=draw(st.booleans()))
    if kind == "maxpool":
        return nn.MaxPool2d(k, s, min(p, k // 2), draw(st.integers(1, 2)),
                            ceil_mode=draw(st.booleans()))
    if kind == "linear":
        return nn.Linear(ch if flat else shape[0] * shape[1] * shape[2],
                         draw(st.integers(1, 16)), bias=draw(st.booleans()))
    return {
        "bn": lambda: nn.BatchNorm1d(ch) if flat else nn.BatchNorm2d(ch),
        "relu": lambda: nn.ReLU(inplace=draw(st.booleans())),
        "gelu": nn.GELU,
        "avgpool": lambda: nn.AvgPool2d(k, s, min(p, k // 2)),
        "adaptive": lambda: nn.AdaptiveAvgPool2d(draw(st.integers(1, 4))),
        "dropout": lambda: nn.Dropout(draw(st.sampled_from([0.1, 0.25, 0.5]))),
        "shuffle": lambda: nn.PixelShuffle(2),
        "upsample": lambda: nn.Upsample(scale_factor=draw(st.sampled_from([2, 1.5]))),
        "flatten": nn.Flatten,
    }[kind]()


@st.composite
def sequential(draw: st.DrawFn) -> tuple[nn.Sequential, tuple[int, ...]]:
    """A random valid nn.Sequential: each candidate layer is tried on torch's meta device
    with the current shape and kept only if torch accepts it."""
    c, n = draw(st.integers(1, 4)), draw(st.integers(4, 40))
    shape: tuple[int, ...] = (c, n, n)
    mods: list[nn.Module] = []
    flat = False
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["conv", "conv", "convT", "bn", "relu", "maxpool", "avgpool",
                                     "adaptive", "dropout", "shuffle", "upsample", "gelu",
                                     "flatten", "linear"]))
        if flat and kind not in ("linear", "relu", "dropout", "bn", "gelu"):
            continue
        m = _module(draw, kind, shape, flat)
        extra = [nn.Flatten()] if kind == "linear" and not flat else []  # as forward() would
        try:
            out = _out(nn.Sequential(*mods, *extra, m), (c, n, n))
        except (RuntimeError, ValueError):
            continue
        mods += [*extra, m]
        shape, flat = out, len(out) == 1
    if not mods:
        mods.append(nn.ReLU())
    return nn.Sequential(*mods), (c, n, n)


@settings(max_examples=100)
@given(sequential())
def test_random_sequential_models_read_back_with_torchs_counts(case: tuple[nn.Sequential,
                                                                         tuple[int, ...]]) -> None:
    model, shape = case
    text = str(model)
    note(text)
    net = resolve(text)
    summary = net.analyze(shape)
    assert summary.total_params == _params(model)
    assert summary.output == _out(model, shape)
    assert net.warning(summary) is None
