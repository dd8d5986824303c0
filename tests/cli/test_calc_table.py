"""`calc` as a new user met it (issue 10): errors that name the right layer, unknown
networks, `--list --json`, tables that wrap rather than cut, sensible units, and the
flatten that `linear` implies."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnnquiz.engine import zoo
from cnnquiz.engine.calc_rows import scaled
from tests.cli.conftest import Invoke, Run


def test_builtin_network_error_names_the_real_layer(invoke: Invoke) -> None:
    out = invoke("calc", "alexnet", "-i", "3x32x32")
    assert out.code == 1
    assert out.error is not None and out.error.startswith(
        'layer 13 features.12 "maxpool(3,s=2)": output size 0x0')
    # the index is the table's: row 13 of the same network on its own input is that layer
    rows = json.loads(invoke("calc", "alexnet", "--json").stdout)["layers"]
    assert (rows[12]["index"], rows[12]["name"], rows[12]["spec"]) == (
        13, "features.12", "maxpool(3,s=2)")


@pytest.mark.parametrize(("name", "size"), [("googlenet", "3x8x8"), ("vgg11", "3x16x16")])
def test_nested_network_errors_name_their_row(invoke: Invoke, name: str, size: str) -> None:
    out = invoke("calc", name, "-i", size)  # googlenet: after inception blocks and concats
    assert out.code == 1 and out.error is not None
    index, layer, spec = re.match(r'layer (\d+) (\S+) "([^"]+)"', out.error).groups()  # type: ignore[union-attr]
    row = json.loads(invoke("calc", name, "--json").stdout)["layers"][int(index) - 1]
    assert (row["name"], row["spec"]) == (layer, spec)


def test_a_spec_error_still_counts_its_own_layers(invoke: Invoke) -> None:
    out = invoke("calc", "conv(8,3) -> relu -> maxpool(9)", "-i", "3x8x8")
    assert out.error is not None and out.error.startswith('layer 3 "maxpool(9)"')


@pytest.mark.parametrize("word", ["NOSUCHNET", "resnet34", "vgg-19"])
def test_unknown_network_is_named_with_the_builtin_list(invoke: Invoke, word: str) -> None:
    for args in (("calc", word), ("calc", word, "-i", "3x32x32")):
        out = invoke(*args)
        assert out.code == 1 and out.error is not None
        assert f"unknown network {word!r}" in out.error and "--input" not in out.error
        assert all(name in out.error for name in zoo.NETWORKS)


def test_a_layer_name_alone_still_asks_for_input(invoke: Invoke) -> None:
    out = invoke("calc", "relu")
    assert out.error is not None and "--input is required" in out.error


def test_list_json_is_json(invoke: Invoke) -> None:
    data = json.loads(invoke("calc", "--list", "--json").stdout)
    assert [d["name"] for d in data] == list(zoo.NETWORKS)
    assert {"name": "alexnet", "input": [3, 224, 224], "about": "torchvision alexnet"} in data


@pytest.mark.parametrize("columns", ["40", "60", "80"])
def test_narrow_tables_wrap_without_cutting(invoke: Invoke, columns: str) -> None:
    table = invoke("calc", "alexnet", env={"COLUMNS": columns}).stdout
    rows = json.loads(invoke("calc", "alexnet", "--json").stdout)["layers"]
    assert "…" not in table
    tokens = set(table.split())
    for row in rows:
        assert f"{row['params']:,}" in tokens
    assert "61,100,840" in tokens
    # each layer cell, its wrapped pieces joined again, is the layer's name and spec
    assert _layer_cells(table)[: len(rows)] == [row.get("name", "") + row["spec"] for row in rows]
    # the layer column shrank: at 80 columns alexnet's table fits
    if columns == "80":
        assert max(len(line) for line in table.splitlines()) <= 80


def _layer_cells(table: str) -> list[str]:
    """The layer column of a numbered table, read by the column spans of its rule line."""
    lines = table.splitlines()
    spans = [m.span() for m in re.finditer(r"-+", lines[2])]
    cells: list[str] = []
    for line in lines[3:]:
        if line.startswith("-"):
            break
        index, layer = (line[a:b].strip() if a < len(line) else "" for a, b in spans[:2])
        if index:
            cells.append("")
        cells[-1] += layer.replace(" ", "")
    return cells


def test_pipes_get_whole_lines(invoke: Invoke) -> None:
    table = invoke("calc", "alexnet").stdout
    line = next(x for x in table.splitlines() if "features.0" in x)
    assert "conv(64,k=11,s=4,p=2)" in line and "23,296" in line and "70.28M" in line


def test_huge_macs_use_a_larger_unit(invoke: Invoke) -> None:
    table = invoke("calc", "conv(4096,k=3,p=1)", "-i", "4096x4096x4096").stdout
    assert re.search(r"\d{4,}\.\d+[KMGTPE]\b", table) is None  # no 1727999993088.000G
    assert "2.533P" in table  # 4096 outputs x 4096^2 positions x 4096*9 taps = 2.533e15


@given(st.integers(0, 10**24))
def test_scaled_keeps_four_digits_below_1000(n: int) -> None:
    text = scaled(n)
    if n < 1000:
        assert text == str(n)
    elif "e" in text:
        assert n >= 999_950 * 10**15
    else:
        mantissa, unit = float(text[:-1]), text[-1]
        assert 1 <= mantissa < 1000 and unit in "KMGTPE"
        size = 1000 ** ("KMGTPE".index(unit) + 1)
        assert abs(mantissa * size - n) <= 0.0005 * n


def test_linear_on_a_map_shows_the_implied_flatten(invoke: Invoke) -> None:
    table = invoke("calc", "conv(8,3) -> linear(10)", "-i", "3x8x8").stdout
    assert "(flatten 8 x 6 x 6 -> 288, implied by linear)" in table
    explicit = invoke("calc", "conv(8,3) -> flatten -> linear(10)", "-i", "3x8x8").stdout
    assert "implied" not in explicit
    data = json.loads(invoke("calc", "conv(8,3) -> linear(10)", "-i", "3x8x8", "--json").stdout)
    assert [row["index"] for row in data["layers"]] == [1, 2]  # JSON keeps the contract's rows


def test_chinese_table_lines_up(invoke: Invoke) -> None:
    table = invoke("--lang", "zh", "calc", "lenet5").stdout
    assert "合计" in table and "参数总数 61,706" in table


def test_real_process_unknown_network(cli: Run) -> None:
    out = cli("calc", "NOSUCHNET")
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.startswith("error: unknown network 'NOSUCHNET'")
    assert len(out.stderr.strip().splitlines()) == 1
