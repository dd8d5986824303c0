"""Start-up time of `cnnquiz --help` and a small `calc`, against a bare Typer app.

Target (issue 2): within 1.5x of the bare Typer app, measured in the same run.
Also checks that the calc path never imports numpy, SQLAlchemy or Textual.
Run: python benchmarks/bench_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import typer
app = typer.Typer()
@app.command()
def hello(name: str = "x") -> None:
    print(name)
@app.command()
def other() -> None:
    pass
app()
"""


def medians(cmds: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall time of each command, run in rounds (one of each per round).

    Interleaving puts a busy neighbour's load on every command alike, so the ratios
    stay put even when the absolute times drift.
    """
    # Compare like with like: the installed libraries start from compiled bytecode, so
    # cnnquiz must too (a checkout under PYTHONDONTWRITEBYTECODE would compile every
    # module on every start); one unmeasured run of each writes the bytecode.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for cmd in cmds.values():
        subprocess.run(cmd, check=True, capture_output=True, env=env)
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            t0 = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True, env=env)
            times[name].append(time.perf_counter() - t0)
    return {name: statistics.median(ts) for name, ts in times.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    runs = ap.parse_args().runs
    cases = {
        "cnnquiz --help": [sys.executable, "-m", "cnnquiz", "--help"],
        "cnnquiz calc (small)": [sys.executable, "-m", "cnnquiz", "calc", "conv(8,3) -> relu",
                                 "--input", "3x32x32", "--json"],
    }
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE)
        times = medians({"bare": [sys.executable, str(bare), "--help"],
                         "bare-run": [sys.executable, str(bare), "hello", "--name", "y"],
                         **cases}, runs)
    base, base_run = times.pop("bare"), times.pop("bare-run")
    print(f"bare typer --help: {base * 1000:.1f} ms (median of {runs}, runs interleaved)")
    print(f"bare typer running a command: {base_run * 1000:.1f} ms (recent typer builds pydantic "
          "adapters for a command's options, which --help skips)")
    for name, t in times.items():
        print(f"{name}: {t * 1000:.1f} ms  ratio {t / base:.2f}x vs bare --help (target <= 1.5x), "
              f"{t / base_run:.2f}x vs bare command")
    probe = ("import sys; sys.argv=['cnnquiz','calc','conv(8,3)','--input','3x8x8','--json'];"
             "from cnnquiz.cli.main import run\ntry: run()\nexcept SystemExit: pass\n"
             "print(sorted(m for m in ('numpy','sqlalchemy','textual','torch') if m in sys.modules),"
             " file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    print(f"heavy modules imported on the calc path: {out.stderr.strip()}")


if __name__ == "__main__":
    main()
