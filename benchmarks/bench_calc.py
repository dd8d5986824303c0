"""`calc` on a 10,000-layer spec: the table against `--json` in the same run.

    python benchmarks/bench_calc.py [--layers 10000] [--runs 3]

Issue 10: the table took 17 s where `--json` took 1.2 s; the target is a table "near the
speed of --json". Both run in process through the real typer command (the spec is too long
for a command line), output to a string; the figure is best-of-runs, and the ratio
table/json is what to compare across machines. A narrow width (80 columns, wrapping) is
measured too.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cnnquiz.cli.main import app


def run(args: list[str], columns: str | None) -> float:
    if columns is None:
        os.environ.pop("COLUMNS", None)
    else:
        os.environ["COLUMNS"] = columns
    out = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out):
        app(args, standalone_mode=False)
    elapsed = time.perf_counter() - start
    assert len(out.getvalue()) > 1000, out.getvalue()[:300]
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--layers", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    opts = parser.parse_args()
    spec = " -> ".join(["conv(8,k=3,p=1)", "relu"] * (opts.layers // 2))
    base = ["calc", spec, "--input", "8x32x32"]
    cases = {"json": ([*base, "--json"], None), "table": (base, None),
             "table 80 cols": (base, "80"), "explain": ([*base, "--explain"], None)}
    best = {name: min(run(args, cols) for _ in range(opts.runs))
            for name, (args, cols) in cases.items()}
    for name, seconds in best.items():
        print(f"{name:>14}: {seconds:7.3f} s   ratio to json {seconds / best['json']:.2f}")


if __name__ == "__main__":
    main()
