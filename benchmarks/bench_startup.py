"""Start-up where a user waits, as ratios against baselines measured in the same run.

Targets:
- `cnnquiz --help` and a small `calc`: within 1.5x of a bare Typer app's --help (issue 2);
- `cnnquiz show CODE` and `cnnquiz print --count 100`: within 1.3x of
  `python -c "import typer, numpy"` (issue 13);
- `cnnquiz drill` to its first question (stdin at end of file, so the session shows one
  question and ends) on an existing store: within 1.3x of
  `python -c "import typer, numpy, sqlalchemy.orm"` (issue 13).

Each command runs once unmeasured first (that writes bytecode, creates the store and
fills the user cache, as any earlier use would have), then all commands run in rounds,
one of each per round, so a busy neighbour's load falls on every command alike. Wall
time is the figure a user notices; CPU time (user + system of the child) is printed
beside it because it barely moves when other processes compete for the cores.
The store and the user cache live in a temporary folder, found through the XDG
variables as a user's would be (platformdirs included). `drill` on a store holding
100,000 attempts is reported too, without a target: opening a store to write runs
SQLite's `quick_check`, whose cost grows with the file.
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
ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]
CNNQUIZ = [sys.executable, "-m", "cnnquiz"]


def run_once(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run (stdin at end of file, output discarded)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err.strip()[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime


def medians(cmds: dict[str, list[str]], runs: int,
            env: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Median wall and CPU time of each command, run interleaved (one of each per round)."""
    for cmd in cmds.values():
        run_once(cmd, env)
    walls: dict[str, list[float]] = {name: [] for name in cmds}
    cpus: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            wall, cpu = run_once(cmd, env)
            walls[name].append(wall)
            cpus[name].append(cpu)
    return {name: (statistics.median(walls[name]), statistics.median(cpus[name]))
            for name in cmds}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    runs = ap.parse_args().runs
    from bench_store import build_big  # a store with 100,000 attempts over a year

    with tempfile.TemporaryDirectory() as tmp:
        # Compare like with like: the installed libraries start from compiled bytecode, so
        # cnnquiz must too (a checkout under PYTHONDONTWRITEBYTECODE would compile every
        # module on every start). The store and the user cache live in the temporary folder.
        skip = ("PYTHONDONTWRITEBYTECODE", "CNNQUIZ_DB", "CNNQUIZ_DATA_DIR", "CNNQUIZ_CACHE_DIR")
        env = {k: v for k, v in os.environ.items() if k not in skip}
        env.update(XDG_DATA_HOME=str(Path(tmp) / "data"), XDG_CACHE_HOME=str(Path(tmp) / "cache"),
                   CNNQUIZ_LANG="en",
                   PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])))
        big = Path(tmp) / "big.sqlite3"
        build_big(big, 100_000)
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE)
        baselines = {
            "bare typer --help": [sys.executable, str(bare), "--help"],
            "bare typer command": [sys.executable, str(bare), "hello", "--name", "y"],
            "import typer, numpy": [sys.executable, "-c", "import typer, numpy"],
            "import typer, numpy, sqlalchemy.orm":
                [sys.executable, "-c", "import typer, numpy, sqlalchemy.orm"],
        }
        cases: dict[str, tuple[list[str], str, float | None]] = {  # command, baseline, target
            "cnnquiz --help": ([*CNNQUIZ, "--help"], "bare typer --help", 1.5),
            "cnnquiz calc (small)": ([*CNNQUIZ, "calc", "conv(8,3) -> relu", "--input",
                                      "3x32x32", "--json"], "bare typer --help", 1.5),
            "cnnquiz show CODE": ([*CNNQUIZ, "show", "os.1.2.1x9kq3"], "import typer, numpy",
                                  1.3),
            "cnnquiz show bank:CODE": ([*CNNQUIZ, "show", "bank:wide-vs-narrow-convolution"],
                                       "import typer, numpy", 1.3),
            "cnnquiz print --count 100": ([*CNNQUIZ, "print", "--count", "100", "--seed", "7"],
                                          "import typer, numpy", 1.3),
            "cnnquiz drill (first question)": ([*CNNQUIZ, "drill", "--count", "1"],
                                               "import typer, numpy, sqlalchemy.orm", 1.3),
            "cnnquiz drill, 100k attempts": ([*CNNQUIZ, "--db", str(big), "drill", "--count", "1"],
                                             "import typer, numpy, sqlalchemy.orm", None),
        }
        times = medians({**baselines, **{name: c[0] for name, c in cases.items()}}, runs, env)
    print(f"median of {runs} interleaved runs; wall ms (CPU ms)")
    for name in baselines:
        wall, cpu = times[name]
        print(f"  baseline {name}: {wall * 1000:.0f} ({cpu * 1000:.0f})")
    for name, (_, base, target) in cases.items():
        (wall, cpu), (bwall, bcpu) = times[name], times[base]
        goal = "no target" if target is None else \
            f"target <= {target}x {'ok' if wall / bwall <= target else 'OVER'}"
        print(f"  {name}: {wall * 1000:.0f} ({cpu * 1000:.0f})  {wall / bwall:.2f}x wall, "
              f"{cpu / bcpu:.2f}x CPU vs `{base}` ({goal})")
    probe = ("import sys; sys.argv=['cnnquiz','calc','conv(8,3)','--input','3x8x8','--json'];"
             "from cnnquiz.cli.main import run\ntry: run()\nexcept SystemExit: pass\n"
             "print(sorted(m for m in ('numpy','sqlalchemy','textual','torch') if m in sys.modules),"
             " file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    print(f"heavy modules imported on the calc path: {out.stderr.strip()}")


if __name__ == "__main__":
    main()
