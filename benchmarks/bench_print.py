"""Printing a 100-question set as PDF (sheet plus inline key), in English and Chinese.

Target (issue 11): a 100-question PDF in under 2 s. Reported against a baseline measured
in the same run, rendering the same set as Markdown (the cost every format pays for
walking the set), and as wall and CPU seconds: on a busy machine the wall time includes
waiting for a core, the CPU time is what the print itself costs. The set is built
once beforehand (templates and bank loaded); `--cold` adds one full `cnnquiz print`
run in a fresh process, start-up included.
Run: python benchmarks/bench_print.py [--count N] [--runs R] [--cold]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable


def _best(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Best wall and best CPU seconds of `runs` calls."""
    walls, cpus = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return min(walls), min(cpus)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cold", action="store_true")
    args = ap.parse_args()
    from cnnquiz import printing
    from cnnquiz.application.questions import build_sets
    from cnnquiz.printing import pdf

    for lang in ("en", "zh"):
        [(_, qset)] = build_sets([], args.count, 2026, None, 1, lang)
        try:
            pdf.font_setup(lang)
        except pdf.FontError as err:
            print(f"{lang}: skipped ({err})")
            continue
        md_wall, md_cpu = _best(lambda q=qset: printing.render(q, "md"), args.runs)
        pdf_wall, pdf_cpu = _best(lambda q=qset: printing.render(q, "pdf"), args.runs)
        size = len(printing.render(qset, "pdf")[0].data)
        print(f"{lang}: {args.count}-question PDF with key: {pdf_wall:.2f} s wall, {pdf_cpu:.2f} s CPU "
              f"({size / 1024:.0f} KiB; target < 2 s)")
        print(f"    baseline Markdown of the same set: {md_wall * 1000:.0f} ms wall, "
              f"{md_cpu * 1000:.0f} ms CPU; PDF/Markdown ratio {pdf_wall / md_wall:.0f}x wall, "
              f"{pdf_cpu / md_cpu:.0f}x CPU")
    if args.cold:
        with tempfile.TemporaryDirectory() as tmp:
            cmd = [sys.executable, "-m", "cnnquiz", "print", "--count", str(args.count), "--seed", "7",
                   "--format", "pdf", "-o", os.path.join(tmp, "set.pdf")]
            w = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            print(f"cold `cnnquiz print --count {args.count} --format pdf` (fresh process, "
                  f"start-up and loading included): {time.perf_counter() - w:.2f} s wall")


if __name__ == "__main__":
    main()
