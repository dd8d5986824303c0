"""Generating questions, counted in CPU instructions rather than seconds.

On a shared two-core machine the wall time of bench_questions.py swings by 20-50% with
load; valgrind's instruction count does not, so this is the figure to compare two commits
by (run it in each checkout). It counts a child that makes N questions drawn as
bench_questions.py draws them, minus a child that makes none (the imports), per question.
One BLAS thread in the child: idle BLAS threads spinning would be counted too.
Needs valgrind; prints why and exits 0 without it.
Run: python benchmarks/bench_questions_instr.py [--count 1000]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = """
import random, sys
sys.path.insert(0, {root!r})
from cnnquiz.questions import generate
pool = generate.templates()
rng = random.Random(2026)
for _ in range({n}):
    tpl = pool[rng.randrange(len(pool))]
    generate.make(tpl, tpl.levels[rng.randrange(len(tpl.levels))], rng.getrandbits(32))
"""


def instructions(n: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg", sys.executable,
             "-c", CHILD.format(root=str(ROOT), n=n)],
            capture_output=True, text=True, check=True,
            env={**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"})
    found = re.search(r"Collected : (\d+)", out.stderr)
    if not found:
        raise SystemExit(f"valgrind printed no count: {out.stderr[-300:]}")
    return int(found.group(1))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=1000)
    n = ap.parse_args().count
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: no instruction count (use bench_questions.py)")
        return
    base, total = instructions(0), instructions(n)
    print(f"{n:,} questions: {(total - base) / n / 1e3:,.0f}K instructions each "
          f"(imports alone: {base / 1e6:,.0f}M)")


if __name__ == "__main__":
    main()
