"""Generating questions: 10,000 drawn at random across every template and level.

Target (issue 3): under 2 s for 10,000. Reported with a baseline measured in the same run
(building 10,000 `random.Random` objects and a bare dataclass each, the floor any
generator pays), so the figure can be compared across machines.
Templates are drawn uniformly and levels uniformly within a template, as a mixed
`print` set does (the benchmark draws itself, so it measures `generate.make` only).
Run: python benchmarks/bench_questions.py [--count N]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


@dataclass(frozen=True)
class _Bare:
    seed: int
    text: str


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=10_000)
    n = ap.parse_args().count
    from cnnquiz.questions import generate

    pool = generate.templates()
    t0 = time.perf_counter()
    for i in range(n):
        r = random.Random(f"base:{i}")
        _Bare(r.getrandbits(32), f"question {i}")
    base = time.perf_counter() - t0

    rng = random.Random(2026)
    per: Counter[str] = Counter()
    slow: Counter[str] = Counter()
    t0 = time.perf_counter()
    for _ in range(n):
        s = time.perf_counter()
        tpl = pool[rng.randrange(len(pool))]
        q = generate.make(tpl, tpl.levels[rng.randrange(len(tpl.levels))], rng.getrandbits(32))
        slow[q.template] += time.perf_counter() - s  # type: ignore[assignment]
        per[q.template] += 1
    total = time.perf_counter() - t0
    print(f"{n:,} questions from {len(per)} templates: {total:.2f} s "
          f"({total / n * 1e6:.0f} us each; target < 2 s for 10,000)")
    print(f"baseline (Random + dataclass per question): {base:.3f} s; ratio {total / base:.1f}x")
    print("slowest templates (mean us per question):")
    for tid, t in sorted(slow.items(), key=lambda kv: -kv[1] / per[kv[0]])[:5]:
        print(f"  {tid:<24} {t / per[tid] * 1e6:8.0f}")


if __name__ == "__main__":
    main()
