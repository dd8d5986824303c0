"""`cnnquiz calc` through the real CLI: contract JSON, tables, errors and exit codes."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import Run


def test_alexnet_table_shows_torchvision_total(cli: Run) -> None:
    out = cli("calc", "alexnet", "--input", "3x224x224")
    assert out.returncode == 0, out.stderr
    assert "61,100,840" in out.stdout
    assert "256 x 6 x 6" in out.stdout and "features.0" in out.stdout


def test_json_matches_contract(cli: Run) -> None:
    out = cli("calc", "conv(64,k=3,p=1) -> relu -> maxpool(2) -> flatten -> fc(10)",
              "--input", "3x224x224", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["input"] == [3, 224, 224]
    first = data["layers"][0]
    assert first == {"index": 1, "spec": "conv(64,k=3,p=1)", "type": "conv",
                     "output": [64, 224, 224], "params": 1792, "macs": 86704128, "rf": 3, "jump": 1}
    assert data["layers"][3]["output"] == [64 * 112 * 112]
    assert data["layers"][3]["rf"] is None and data["layers"][3]["jump"] is None
    assert data["output"] == [10]
    assert data["total_params"] == 1792 + 64 * 112 * 112 * 10 + 10
    assert data["total_macs"] == 86704128 + 64 * 112 * 112 * 10


def test_list_names_builtins(cli: Run) -> None:
    out = cli("calc", "--list")
    for name in ("lenet5", "alexnet", "vgg11", "vgg16", "resnet18", "resnet50", "googlenet",
                 "mnist-keras"):
        assert name in out.stdout


@pytest.mark.parametrize(("spec", "size", "needle"), [
    ("conv(64,k=3,q=1)", "3x32x32", 'layer 1 "conv(64,k=3,q=1)": unknown argument'),
    ("conv(64,3) -> maxpool(40)", "3x32x32", 'layer 2 "maxpool(40)": output size'),
    ("__import__('os').system('echo hi')", "3x32x32", "unknown layer"),
    ("conv(64,3", "3x32x32", "expected name or name(args)"),
    ("conv(99999999999999999999,3)", "3x32x32", "too large"),
    ("conv(8,3)", "3x0x32", "--input sizes must be whole numbers"),
    ("conv(8,3)", "banana", "--input must be CxHxW"),
    ("conv(8,3) -> linear(10) -> conv(8,3)", "3x32x32", "needs a CxHxW input"),
    ("pixelshuffle(3)", "8x4x4", "divisible by r^2"),
    ("dropout(1.5)", "3x4x4", "between 0 and 1"),
])
def test_bad_input_is_one_clear_line(cli: Run, spec: str, size: str, needle: str) -> None:
    out = cli("calc", spec, "--input", size)
    assert out.returncode == 1
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and needle in lines[0], out.stderr
    assert "Traceback" not in out.stderr


def test_unknown_command_is_usage_error(cli: Run, cli_process: Run) -> None:
    assert cli_process("frobnicate").returncode == 2  # the real program's exit code
    assert cli("calc", "--bogus").returncode == 2
