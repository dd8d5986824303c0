"""`calc -` and `calc @FILE`: a layer spec or a print(model) read from stdin or a file."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from cnnquiz.cli.main import app
from cnnquiz.errors import SpecError
from tests.cli.conftest import Run

ALEXNET = Path(__file__).parents[1] / "engine" / "fixtures" / "alexnet.txt"
RESNET_PART = """ResNet(
  (conv1): Conv2d(3, 64, kernel_size=(7, 7), stride=(2, 2), padding=(3, 3), bias=False)
  (layer2): Sequential(
    (0): BasicBlock(
      (conv1): Conv2d(64, 128, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), bias=False)
      (bn1): BatchNorm2d(128, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
      (downsample): Sequential(
        (0): Conv2d(64, 128, kernel_size=(1, 1), stride=(2, 2), bias=False)
        (1): BatchNorm2d(128, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
      )
    )
  )
)
"""


def test_print_from_a_file_gives_torchvision_totals_and_one_warning() -> None:
    result = CliRunner().invoke(app, ["calc", f"@{ALEXNET}", "--input", "3x224x224", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["total_params"], data["output"]) == (61_100_840, [1000])
    assert data["layers"][0]["name"] == "features.0"
    assert data["layers"][0]["spec"] == "conv(64,k=11,s=4,p=2)"
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("warning: flatten assumed")


def test_print_from_stdin_without_input_says_which_size_it_took() -> None:
    result = CliRunner().invoke(app, ["calc", "-", "--json"], input=RESNET_PART)
    assert result.exit_code == 0, result.output
    notice, warning = result.stderr.splitlines()
    assert notice.startswith("input size not given: using 3x224x224")
    assert "BasicBlock (layer2.0)" in warning and "layer2.0.downsample (8,448 parameters" in warning
    assert json.loads(result.stdout)["output"] == [128, 56, 56]


def test_layer_spec_from_stdin_and_in_chinese() -> None:
    result = CliRunner().invoke(app, ["--lang", "zh", "calc", "-", "--input", "3x8x8", "--json"],
                                input="conv(8,3)\nrelu\n")
    assert result.exit_code == 0 and result.stderr == ""
    assert json.loads(result.stdout)["total_params"] == 224
    zh = CliRunner().invoke(app, ["--lang", "zh", "calc", "-", "--json"], input=RESNET_PART)
    assert "警告：" in zh.stderr and "未计入的残差分支" in zh.stderr


def test_unreadable_print_is_a_user_error() -> None:
    result = CliRunner().invoke(app, ["calc", "-", "--input", "3x8x8"],
                                input="Net(\n  (a): Conv2d(3, 8, kernel_size=(3, 3)\n)\n")
    assert isinstance(result.exception, SpecError)
    assert "line 2: unbalanced parentheses" in str(result.exception)


def test_missing_file_is_one_line_exit_1(cli: Run, tmp_path: Path) -> None:
    out = cli("calc", f"@{tmp_path / 'nope.txt'}", "--input", "3x8x8")
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.startswith("error: cannot read ") and out.stderr.count("\n") == 1
    piped = cli("calc", "-", input=ALEXNET.read_text())
    assert piped.returncode == 0 and "61,100,840" in piped.stdout
