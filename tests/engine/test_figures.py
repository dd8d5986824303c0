"""Figures from the notes and from torchvision, reproduced by the engine."""

from __future__ import annotations

import pytest

from cnnquiz.engine import arith
from cnnquiz.engine.network import analyze
from cnnquiz.engine.zoo import NETWORKS


def test_alexnet_conv1_and_pool1_from_the_notes() -> None:
    s = analyze("conv(96, k=11, s=4) -> maxpool(3, s=2)", (3, 227, 227))
    conv, pool = s.rows
    assert conv.output == (96, 55, 55)
    assert conv.params == 34_944
    assert conv.params - 96 == 34_848  # weights alone, "about 35K"
    assert pool.output == (96, 27, 27) and pool.params == 0
    assert str(conv.explain["H"]) == "floor((W - K + 2P)/S) + 1 = floor((227 - 11 + 2*0)/4) + 1 = 55"


def test_keras_mnist_net_shapes() -> None:
    s = analyze(NETWORKS["mnist-keras"].build(), (1, 28, 28))
    shapes = [r.output for r in s.rows]
    assert shapes == [(25, 26, 26), (25, 26, 26), (25, 13, 13), (50, 11, 11), (50, 11, 11),
                      (50, 5, 5), (1250,), (100,), (100,), (10,)]
    assert s.rows[0].params == 25 * 9 + 25  # 9 weights per filter
    assert s.rows[3].params == 50 * 25 * 9 + 50  # 225 weights per filter


@pytest.mark.parametrize("c", [1, 16, 64, 512])
def test_three_3x3_convs_see_7_with_27c2_weights(c: int) -> None:
    s = analyze(f"conv({c},3,p=1,bias=false);" * 3, (c, 32, 32))
    assert s.rows[-1].rf == 7 and s.total_params == 27 * c * c
    one = analyze(f"conv({c},7,p=3,bias=false)", (c, 32, 32))
    assert one.rows[-1].rf == 7 and one.total_params == 49 * c * c
    two = analyze(f"conv({c},3,p=1,bias=false);" * 2, (c, 32, 32))
    assert two.rows[-1].rf == 5 and two.total_params == 18 * c * c


def test_tensorflow_padding_case_from_the_notes() -> None:
    valid = arith.tf_padding(13, 6, 5, "valid")
    same = arith.tf_padding(13, 6, 5, "same")
    assert valid.out.value == 2
    assert (same.out.value, same.left.value, same.right.value) == (3, 1, 2)
    assert arith.tf_padding(7, 3, 1, "full").out.value == 9


def test_naive_and_reduced_inception_macs() -> None:
    naive = analyze("conv(128,1)", (256, 28, 28)).total_macs \
        + analyze("conv(192,3,p=1)", (256, 28, 28)).total_macs \
        + analyze("conv(96,5,p=2)", (256, 28, 28)).total_macs
    assert naive == 854_196_224  # the lecture's "854M"
    reduced = sum(analyze(spec, (256, 28, 28)).total_macs for spec in (
        "conv(128,1)", "conv(64,1) -> conv(192,3,p=1)", "conv(64,1) -> conv(96,5,p=2)",
        "maxpool(3,s=1,p=1) -> conv(64,1)"))
    assert reduced == 271_351_808  # the slide's "358M" does not add up


# torchvision's published parameter counts and GFLOPS (MACs without bias)
TORCHVISION = {
    "alexnet": (61_100_840, 0.714), "vgg11": (132_863_336, 7.609),
    "vgg16": (138_357_544, 15.47), "resnet18": (11_689_512, 1.814),
    "resnet50": (25_557_032, 4.089), "googlenet": (6_624_904, 1.498),
}


@pytest.mark.parametrize("name", sorted(TORCHVISION))
def test_builtin_networks_match_torchvision(name: str) -> None:
    params, gflops = TORCHVISION[name]
    s = analyze(NETWORKS[name].build(), (3, 224, 224))
    assert s.total_params == params
    digits = len(str(gflops).split(".")[1])
    assert round(s.total_macs / 1e9, digits) == gflops
    assert s.output == (1000,)


def test_lenet5_classic_count() -> None:
    assert analyze(NETWORKS["lenet5"].build(), (1, 32, 32)).total_params == 61_706


def test_pool_ceil_mode_drops_window_starting_in_padding() -> None:
    # 5 + 2*1 - 2 = 5, ceil(5/2) + 1 = 4, but the 4th window would start at 6 >= 5 + 1
    assert arith.pool_out(5, 2, 2, 1, ceil=True).value == 3
    assert arith.pool_out(6, 3, 2, 0, ceil=True).value == 3
    assert arith.pool_out(6, 3, 2, 0, ceil=False).value == 2


def test_receptive_field_start_offset() -> None:
    s = analyze("conv(8,3,p=1) -> maxpool(2) -> conv(8,3,p=1)", (1, 16, 16))
    assert [(r.rf, r.jump, r.start) for r in s.rows] == [(3, 1, 0.0), (4, 2, 0.5), (8, 2, 0.5)]
