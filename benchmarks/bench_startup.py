"""Start-up time of `cnnquiz --help` and a small `calc`, against a bare Typer app.

Target (issue 2): within 1.5x of the bare Typer app, measured in the same run.
Also checks that the calc path never imports numpy, SQLAlchemy or Textual.
Run: python benchmarks/bench_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
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


def best(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    runs = ap.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE)
        base = best([sys.executable, str(bare), "--help"], runs)
    cases = {
        "cnnquiz --help": [sys.executable, "-m", "cnnquiz", "--help"],
        "cnnquiz calc (small)": [sys.executable, "-m", "cnnquiz", "calc", "conv(8,3) -> relu",
                                 "--input", "3x32x32", "--json"],
    }
    print(f"bare typer --help: {base * 1000:.1f} ms (median of {runs})")
    for name, cmd in cases.items():
        t = best(cmd, runs)
        print(f"{name}: {t * 1000:.1f} ms  ratio {t / base:.2f}x (target <= 1.5x)")
    probe = ("import sys; sys.argv=['cnnquiz','calc','conv(8,3)','--input','3x8x8','--json'];"
             "from cnnquiz.cli.main import run\ntry: run()\nexcept SystemExit: pass\n"
             "print(sorted(m for m in ('numpy','sqlalchemy','textual','torch') if m in sys.modules),"
             " file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    print(f"heavy modules imported on the calc path: {out.stderr.strip()}")


if __name__ == "__main__":
    main()
