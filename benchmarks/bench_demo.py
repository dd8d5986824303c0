"""One demo step on a 16x16 input rendered as text: the issue's budget is 16 ms (a frame
at 60 Hz while a learner steps or plays the demo).

    python benchmarks/bench_demo.py [--runs 200]

A 16x16 input, 3x3 kernel, padding 1: a frame shows the 18x18 padded grid with its window,
the kernel, the 16x16 output so far and the products line. Measured: frame -> plain text
(what a pipe gets), frame -> text with Rich's escape codes (what a terminal gets), and for the
same-run baseline numpy's own printing of the same two matrices (np.array2string), so
the ratio says what laying out the frame costs over printing its numbers at all.
Medians in ms; the 16 ms target is absolute, the ratios are for comparing machines.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

from cnnquiz.cli.demo_grid import ansi, plain
from cnnquiz.cli.demo_text import frame_lines
from cnnquiz.demos import DemoRequest, build


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    opts = parser.parse_args()
    demo = build(DemoRequest("conv", size=16, kernel=3, padding="1", seed=1))
    k = len(demo.frames) // 2 + 7  # a window in the middle of the grid
    frame = demo.frames[k]

    cases = {
        "baseline: np.array2string": lambda: (np.array2string(demo.grid[0]),
                                              np.array2string(frame.canvas)),
        "frame -> plain text": lambda: plain(frame_lines(demo, k, "en")),
        "frame -> ANSI (Rich styles)": lambda: ansi(frame_lines(demo, k, "en"), "truecolor"),
    }
    results = {name: median_ms(fn, opts.runs) for name, fn in cases.items()}
    base = results["baseline: np.array2string"]
    for name, ms in results.items():
        verdict = "" if name.startswith("baseline") else (
            "  ok (< 16 ms)" if ms < 16 else "  OVER 16 ms")
        print(f"{name:>26}: {ms:7.3f} ms   ratio {ms / base:5.2f}{verdict}")


if __name__ == "__main__":
    main()
