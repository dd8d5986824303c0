"""`cnnquiz demo` as a learner reads it: every step's window, products and sum, the output
filling in, both views of transposed convolution, and one-line errors."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import Invoke, Run

X3 = "1 2 3; 4 5 6; 7 8 9"


def _steps(text: str) -> list[str]:
    return [chunk for chunk in text.split("\n\n") if chunk.startswith("Step ")]


def test_contract_example_prints_each_step(invoke: Invoke) -> None:
    out = invoke("demo", "conv", "--x", X3, "--w", "1 0; 0 -1", "--stride", "2",
                 "--padding", "1")
    assert out.code == 0
    steps = _steps(out.stdout)
    assert len(steps) == 4
    first = steps[0].splitlines()
    assert first[0] == "Step 1 of 4: output [0, 0]"
    # the window covers the top-left padding corner and the input's 1
    assert first[2].startswith("[.][.] .  .  .") and first[3].startswith("[.][1] 2  3  .")
    assert "products: 0*1 + 0*0 + 0*0 + 1*(-1) = -1" in steps[0]
    assert "products: 5*1 + 6*0 + 8*0 + 9*(-1) = -4" in steps[3]
    assert out.stdout.rstrip().endswith("Output:\n -1  -3\n -7  -4")


def test_the_output_fills_in(invoke: Invoke) -> None:
    out = invoke("demo", "conv", "--x", X3, "--w", "1 1; 1 1")
    steps = _steps(out.stdout)
    for n, step in enumerate(steps, 1):
        assert step.count("?") == 4 - n  # cells not computed yet
    assert "[12]" in steps[0] and "[28]" in steps[3]  # the new value, marked


def test_transposed_convolution_shows_both_views(invoke: Invoke) -> None:
    out = invoke("demo", "convT", "--x", "1 2; 3 4", "--w", "1 0 1; 0 1 0; 1 1 1",
                 "--stride", "2", "--padding", "1", "--output-padding", "1").stdout
    scatter = out.index("View 1, scatter")
    zeros = out.index("View 2, zero insertion")
    assert scatter < zeros < out.index("Both views give the same output:")
    assert "input [1, 1] = 4, times the kernel, added at rows 2-4, columns 2-4" in out
    assert "the output is rows 1-4, columns 1-4 of this canvas" in out
    assert "a gap of s-1 = 2-1 = 1 between input cells" in out and "d(k-1)-p = 1*(3-1)-1 = 1" in out
    assert "kernel, flipped" in out and "o" in out.split("View 2")[1]
    data = json.loads(invoke("demo", "convT", "--x", "1 2; 3 4", "--w", "1 0 1; 0 1 0; 1 1 1",
                             "--stride", "2", "--padding", "1", "--output-padding", "1",
                             "--json").stdout)
    final = out.split("Both views give the same output:\n")[1].split("\n\n")[0]
    assert [[float(v) for v in line.split()] for line in final.splitlines()] == data["output"]


def test_conv1d_draws_two_trains(invoke: Invoke) -> None:
    """The kernel train stands under the input cars it reads and moves one stride a step."""
    out = invoke("demo", "conv1d", "--x", "1 2 3 4 5", "--w", "1 0 -1", "--stride", "2")
    assert out.code == 0
    steps = _steps(out.stdout)
    assert len(steps) == 2
    first, second = (step.splitlines() for step in steps)
    assert first[1] == "input   [ 1]-[ 2]-[ 3]-[ 4]-[ 5]"
    assert first[2] == "kernel  [ 1]-[ 0]-[-1]>"
    assert second[2] == "kernel            [ 1]-[ 0]-[-1]>"  # two cars on
    assert second[3].split() == ["×", "3", "0", "-5"]
    assert second[4] == "output  [-2]-[-2]"
    assert "products: 3*1 + 4*0 + 5*(-1) = -2" in steps[1]


def test_conv1d_flipped_full_is_numpys_convolution(invoke: Invoke) -> None:
    out = invoke("demo", "conv1d", "--x", "1 2 3", "--w", "1 1 0", "--padding", "full",
                 "--flip", "--json")
    data = json.loads(out.stdout)
    assert data["output"] == [1, 3, 5, 3, 0] and len(data["frames"]) == 5
    assert data["frames"][0] == {"out": [0], "window": [[0, 3]], "value": 1.0}


def test_pooling_lines(invoke: Invoke) -> None:
    mx = invoke("demo", "maxpool", "--x", X3, "--kernel", "2", "--padding", "1").stdout
    assert "max(-inf, -inf, -inf, 1) = 1" in mx and "max(5, 6, 8, 9) = 9" in mx
    avg = invoke("demo", "avgpool", "--x", X3, "--kernel", "3", "--stride", "2", "--padding",
                 "1", "--ceil").stdout
    assert "(0 + 0 + 0 + 0 + 1 + 2 + 0 + 4 + 5) / 9 = 1.333" in avg
    assert "ceil mode" in avg


def test_pixelshuffle_maps_indices(invoke: Invoke) -> None:
    out = invoke("demo", "pixelshuffle", "--x", "1|2|3|4", "--r", "2").stdout
    assert "output [0, 1] <- input channel 1 [0, 0] = 2" in out
    assert "output [1, 1] <- input channel 3 [0, 0] = 4" in out
    assert out.rstrip().endswith("Output:\n 1  2\n 3  4")


def test_dropout_scales_and_keeps_the_mean(invoke: Invoke) -> None:
    out = invoke("demo", "dropout", "--x", "2 2 2 2; 2 2 2 2", "--p", "0.5", "--seed",
                 "7").stdout
    data = json.loads(invoke("demo", "dropout", "--x", "2 2 2 2; 2 2 2 2", "--p", "0.5",
                             "--seed", "7", "--json").stdout)
    kept = sum(map(sum, data["mask"]))
    assert out.count("= 2 * 2 = 4 (kept)") == kept and out.count("(dropped)") == 8 - kept
    assert "1/(1-p) = 2" in out and f"of the output {kept * 4 / 8:g}" in out
    assert "mask from seed 7" in out


def test_chinese(invoke: Invoke) -> None:
    out = invoke("--lang", "zh", "demo", "conv", "--x", X3, "--w", "1 0; 0 -1").stdout
    assert "第 1 步（共 4 步）：输出 [0, 0]" in out and "逐元素乘积：" in out


def test_random_matrices_are_replayed_by_their_seed(invoke: Invoke) -> None:
    first = json.loads(invoke("demo", "conv", "--json").stdout)
    again = json.loads(invoke("demo", "conv", "--seed", str(first["seed"]), "--json").stdout)
    assert (again["x"], again["w"], again["output"]) == (first["x"], first["w"], first["output"])
    sized = json.loads(invoke("demo", "maxpool", "--size", "6", "--seed", "1", "--json").stdout)
    assert len(sized["x"]) == 6 and len(sized["output"]) == 3
    assert "seed" not in json.loads(invoke("demo", "conv", "--x", X3, "--w", "1", "--json").stdout)


@pytest.mark.parametrize(("args", "needle"), [
    (("conv", "--x", "1 2; 3", "--w", "1"), "--x: row 2 has 1 number but row 1 has 2 numbers"),
    (("conv", "--x", "1 a", "--w", "1"), "--x: 'a' is not a number"),
    (("conv", "--x", "1 2 | 3", "--w", "1"), "--x: channels differ in size"),
    (("conv", "--x", "1 nan", "--w", "1"), "out of range"),
    (("conv", "--x", ";", "--w", "1"), "--x is empty"),
    (("conv", "--x", "1 2; 3 4", "--w", "1 1 1; 1 1 1; 1 1 1"),
     "padded input 2x2 is smaller than the kernel span 3x3"),
    (("conv", "--x", "1 2 | 3 4", "--w", "1"), "the kernel has 1 channel(s) but the input has 2"),
    (("conv", "--stride", "0"), "--stride must be at least 1"),
    (("conv", "--padding", "lots"), "--padding must be a number or valid, same, full"),
    (("convT", "--padding", "same"), "--padding must be a whole number"),
    (("convT", "--stride", "2", "--output-padding", "2"), "output padding must be smaller"),
    (("maxpool", "--w", "1"), "--w does not apply to maxpool"),
    (("avgpool", "--dilation", "2"), "--dilation does not apply to avgpool"),
    (("maxpool", "--kernel", "2", "--padding", "2"), "pad should be at most half"),
    (("pixelshuffle", "--x", "1|2|3", "--r", "2"), "divisible by r^2 = 4"),
    (("dropout", "--p", "1.5"), "between 0 and 1"),
    (("conv", "--size", "40"), "at most 64 channels of 32x32"),
    (("convT", "--size", "30", "--stride", "4"), "demos show at most 1024"),
    (("conv", "--w", "1", "--kernel", "3"), "either --w or --kernel"),
    (("frobnicate",), "unknown demo 'frobnicate'"),
    (("conv1d", "--x", "1 2; 3 4", "--w", "1"), "takes one row of numbers"),
    (("conv", "--flip"), "--flip does not apply to conv"),
])
def test_bad_input_is_one_line(invoke: Invoke, args: tuple[str, ...], needle: str) -> None:
    out = invoke("demo", *args)
    assert out.code == 1 and out.stdout == ""
    assert out.error is not None and needle in out.error and "\n" not in out.error


def test_real_process(cli: Run) -> None:
    ok = cli("demo", "conv", "--x", X3, "--w", "1 0; 0 -1", "--json")
    assert ok.returncode == 0 and json.loads(ok.stdout)["output"] == [[-4.0, -4.0], [-4.0, -4.0]]
    bad = cli("demo", "conv", "--x", "1 2; 3", "--w", "1")
    assert bad.returncode == 1 and bad.stdout == ""
    assert bad.stderr.startswith("error: --x: row 2") and len(bad.stderr.splitlines()) == 1
    assert cli("demo", "conv", "--bogus").returncode == 2


def test_terminal_colours_are_the_plain_text_plus_escape_codes() -> None:
    import re

    from cnnquiz.cli.demo_grid import ansi, plain
    from cnnquiz.cli.demo_text import frame_lines
    from cnnquiz.demos import DemoRequest, build

    demo = build(DemoRequest("convT", "1 2; 3 4", "1 1; 1 1", stride=2, padding="1"))
    lines = frame_lines(demo, 3, "en")
    coloured = ansi(lines, "standard")
    assert "\x1b[" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain(lines)


def test_edges_draws_the_picture_and_what_the_filter_finds(invoke: Invoke) -> None:
    out = invoke("demo", "edges", "--filter", "sobel-y")
    assert out.code == 0
    lines = out.stdout.splitlines()
    assert lines[0].startswith("Sobel y · finds horizontal edges")
    assert any(" -1  -2  -1" in line for line in lines)  # the kernel
    rows = [line[:24] for line in lines[3:19]]  # the picture, one character a pixel
    assert rows[5][2:10] == "@" * 8 and rows[0].strip() == ""
    data = json.loads(invoke("demo", "edges", "--filter", "blur", "--json").stdout)
    assert data["filter"] == "blur" and data["divisor"] == 16
    assert len(data["response"]) == 16 and len(data["response"][0]) == 24
