"""Reading print(model) text without torch: the fixtures (printed by torch, see
test_oracle_print) give torchvision's published counts; what cannot be read is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from cnnquiz.engine import zoo
from cnnquiz.engine.network import analyze
from cnnquiz.engine.print_model import guess_input, read
from cnnquiz.engine.print_tree import looks_like_print, parse_tree
from cnnquiz.engine.user_network import resolve
from cnnquiz.errors import SpecError

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(("name", "params", "macs"), [
    ("alexnet", 61_100_840, 714_188_480), ("vgg16", 138_357_544, 15_470_264_320)])
def test_torchvision_prints_give_the_published_counts(name: str, params: int, macs: int) -> None:
    net = resolve((FIXTURES / f"{name}.txt").read_text())
    summary = net.analyze((3, 224, 224))
    assert (summary.total_params, summary.total_macs, summary.output) == (params, macs, (1000,))
    built = analyze(zoo.get(name).build(), (3, 224, 224))  # type: ignore[union-attr]
    main = ("conv", "maxpool", "adaptiveavgpool", "linear")  # flatten stands elsewhere in alexnet
    assert ([(r.output, r.params) for r in summary.rows if r.type in main]
            == [(r.output, r.params) for r in built.rows if r.type in main])
    assert net.model is not None and net.model.print_params == params
    assert net.warning(summary) == ("warning: flatten assumed before classifier."
                                    f"{1 if name == 'alexnet' else 0} (forward() flattens; the "
                                    "print shows no module)")


def test_input_is_guessed_from_the_printed_sizes() -> None:
    lenet = """Net(
  (conv1): Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1))
  (pool): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
  (conv2): Conv2d(6, 16, kernel_size=(5, 5), stride=(1, 1))
  (pool2): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
  (fc1): Linear(in_features=400, out_features=120, bias=True)
)"""
    assert guess_input(read(lenet)) == (1, 32, 32)  # 28 fails: 16x4x4 is not 400
    assert resolve(lenet).input_for(None) == ((1, 32, 32), True)
    tutorial = lenet.replace("  (pool2): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, "
                             "ceil_mode=False)\n", "")  # forward() applies `pool` twice
    with pytest.raises(SpecError, match="fc1 expects 400 input features but the layers printed "
                                        "before it give 1600"):
        resolve(tutorial).analyze((1, 32, 32))


def test_printed_order_that_is_not_the_data_flow_is_an_error() -> None:
    inception = """Inception(
  (branch1): BasicConv2d(
    (conv): Conv2d(192, 64, kernel_size=(1, 1), stride=(1, 1), bias=False)
  )
  (branch2): BasicConv2d(
    (conv): Conv2d(192, 96, kernel_size=(1, 1), stride=(1, 1), bias=False)
  )
)"""
    net = resolve(inception)
    with pytest.raises(SpecError, match=r"branch2.conv expects 192 input channels but the layers "
                                        r"printed before it give 64; branch2 \(BasicConv2d\)"):
        net.analyze((192, 28, 28))


def test_unknown_and_shape_changing_modules_are_named_with_their_parameters() -> None:
    text = """Sequential(
  (0): ZeroPad2d((1, 1, 1, 1))
  (1): Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1))
  (2): GroupNorm(2, 8, eps=1e-05, affine=True)
  (3): MyAttention(heads=4)
  (4): Identity()
)"""
    net = resolve(text)
    summary = net.analyze((3, 8, 8))
    assert [r.spec for r in summary.rows] == ["conv(8,k=3)"]
    line = net.warning(summary)
    assert line is not None and "\n" not in line
    assert "change the shape, so later sizes may be off: ZeroPad2d 0" in line
    assert "GroupNorm 2 (16 parameters)" in line and "MyAttention 3 (parameters unknown)" in line
    assert "Identity" not in line


def test_collapsed_repeats_are_expanded_with_their_names() -> None:
    tree = parse_tree("""ModuleList(
  (0-2): 3 x Sequential(
    (0): Conv2d(8, 8, kernel_size=(1, 1), stride=(1, 1))
  )
)""")
    assert [c.path for c in tree.children] == ["0", "1", "2"]
    assert tree.children[2].children[0].path == "2.0"


@pytest.mark.parametrize("text", ["conv(64,3) -> relu", "Conv2d(64, k=3)", "alexnet"])
def test_layer_specs_are_not_mistaken_for_prints(text: str) -> None:
    assert not looks_like_print(text)


@pytest.mark.parametrize(("text", "needle"), [
    ("Net(\n  (a): Conv2d(3, 8, kernel_size=(3, 3)\n)", "unbalanced parentheses"),
    ("Net(\n  (a): Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1))\n", "is never closed"),
    ("Net(\n  hello world\n)", "line 2: cannot read"),
    ("Net(\n  (a): Tanh()\n)\nNet(\n)", "text after the end"),
    ("Net(\n  (a): Foo()\n)", "no layer of Net could be read"),
])
def test_bad_prints_are_one_clear_error(text: str, needle: str) -> None:
    with pytest.raises(SpecError, match=needle):
        resolve(text)
