"""Time cnnquiz's numpy conv2d against torch's CPU conv2d on one VGG-style first layer.

1 x 3 x 224 x 224 input, 64 filters of 3 x 3, padding 1, float32, both libraries on all of
the machine's cores, in one process; prints the best (and median) time of each and the
ratio numpy/torch. The target is a ratio <= 1.0.

Runs come in rounds of blocks (a pause, a block of numpy runs, a pause, a block of torch
runs): both libraries keep worker threads spinning for a while after a call, so
interleaving single calls would make OpenBLAS's and torch's OpenMP threads fight over the
cores, and rounds spread a busy neighbour's load over both alike.

Two phases, because glibc's allocator decides a lot here. Large blocks (the 12.8 MB output,
the 5.4 MB im2col matrix) come straight from mmap until malloc's dynamic threshold adapts:
1. "default": the process as it is. numpy's large arrays get fresh transparent huge pages
   (numpy madvises them), while torch's output costs ~6,000 small page faults a call on
   this machine, which is most of its time.
2. "warm heap": mallopt raises the mmap threshold so that both reuse heap memory with no
   page faults at all; torch then runs at its steady-state speed (numpy loses its huge
   pages). This is the stricter, apples-to-apples comparison of the convolutions.
Usage: python benchmarks/bench_conv.py [--rounds R] [--block B]
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import os
import resource
import time
from collections.abc import Callable

import numpy as np
import torch
import torch.nn.functional as F

from cnnquiz.engine.ops import conv2d


def _raise_mmap_threshold() -> bool:
    """Serve blocks up to 256 MB from the heap and never trim it (glibc only)."""
    name = ctypes.util.find_library("c")
    if not name:
        return False
    try:
        libc = ctypes.CDLL(name)
        m_mmap_threshold, m_trim_threshold = -3, -1
        return bool(libc.mallopt(m_mmap_threshold, 256 << 20)) and bool(
            libc.mallopt(m_trim_threshold, 512 << 20))
    except (OSError, AttributeError):
        return False


def _faults() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


def _measure(runs: dict[str, Callable[[], object]], args: argparse.Namespace
             ) -> dict[str, tuple[list[float], float]]:
    """Per library: the run times and the page faults per run."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    faults = dict.fromkeys(runs, 0)
    for fn in runs.values():
        for _ in range(args.warmup):
            fn()
    for _ in range(args.rounds):
        for name, fn in runs.items():
            time.sleep(args.pause)  # let the other library's spinning threads park
            before = _faults()
            for _ in range(args.block):
                start = time.perf_counter()
                fn()
                times[name].append(time.perf_counter() - start)
            faults[name] += _faults() - before
    return {name: (times[name], faults[name] / len(times[name])) for name in runs}


def _report(title: str, result: dict[str, tuple[list[float], float]]) -> None:
    print(f"-- {title}")
    best, median = {}, {}
    for name, (times, faults) in result.items():
        best[name], median[name] = min(times), float(np.median(times))
        print(f"{name:5s}: {best[name] * 1e3:7.3f} ms best, {median[name] * 1e3:7.3f} ms median,"
              f" {faults:6.0f} page faults/run")
    print(f"ratio numpy/torch: {best['numpy'] / best['torch']:.2f} (best)  "
          f"{median['numpy'] / median['torch']:.2f} (median)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=8, help="rounds of one block each")
    parser.add_argument("--block", type=int, default=20, help="timed runs per block")
    parser.add_argument("--warmup", type=int, default=20, help="untimed runs of each first")
    parser.add_argument("--pause", type=float, default=0.3, help="seconds between blocks")
    args = parser.parse_args()

    cores = os.cpu_count() or 1
    torch.set_num_threads(cores)
    rng = np.random.default_rng(0)
    x = rng.standard_normal((1, 3, 224, 224), dtype=np.float32)
    w = rng.standard_normal((64, 3, 3, 3), dtype=np.float32)
    xt, wt = torch.from_numpy(x), torch.from_numpy(w)
    runs: dict[str, Callable[[], object]] = {
        "numpy": lambda: conv2d(x, w, padding=1),
        "torch": lambda: F.conv2d(xt, wt, padding=1),
    }
    with torch.inference_mode():
        diff = float(np.abs(conv2d(x, w, padding=1) - F.conv2d(xt, wt, padding=1).numpy()).max())
        print(f"conv2d 1x3x224x224 * 64x3x3x3, padding 1, float32, {cores} threads, best of "
              f"{args.rounds * args.block} runs each; max |numpy - torch| = {diff:.1e}")
        _report("default allocator", _measure(runs, args))
        if _raise_mmap_threshold():
            _report("warm heap (mmap threshold raised, no page faults)", _measure(runs, args))
        else:
            print("-- warm heap: mallopt unavailable (not glibc); skipped")


if __name__ == "__main__":
    main()
