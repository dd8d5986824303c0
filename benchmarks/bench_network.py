"""Reading print(model) text, and asking questions about a network, against same-run
baselines.

    python benchmarks/bench_network.py [--layers 10000] [--runs 3]

1. A Sequential of N printed modules read and analysed (`calc -` on a print) against the
   same stack written as a layer spec: the ratio print/spec is the cost of the print
   reader (tree, arguments, mapping, size checks).
2. One question about a built-in network (`drill --network`), each kind, against one
   question of the ordinary template that asks the same thing of a small drawn stack
   (stack.output_shape): the ratio says how much the network's size costs a question.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cnnquiz.engine import print_layers, print_tree, spec
from cnnquiz.engine.user_network import resolve
from cnnquiz.engine.zoo import get
from cnnquiz.questions import generate
from cnnquiz.questions import network_questions as nq
from cnnquiz.questions.network_case import case_for


def cold() -> None:
    """Forget the readers' caches, so both parse every layer text anew."""
    spec.parse_layer.cache_clear()
    print_tree._arguments.cache_clear()
    print_layers._meaning.cache_clear()


def best(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        cold()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def printed(n: int) -> tuple[str, str]:
    lines, spec = ["Sequential("], []
    for i in range(n // 2):
        lines.append(f"  ({2 * i}): Conv2d(8, 8, kernel_size=(3, 3), stride=(1, 1), "
                     "padding=(1, 1))")
        lines.append(f"  ({2 * i + 1}): ReLU(inplace=True)")
        spec += ["conv(8,k=3,p=1)", "relu"]
    return "\n".join([*lines, ")"]), " -> ".join(spec)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--layers", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    opts = parser.parse_args()
    text, stack = printed(opts.layers)
    t_print = best(lambda: resolve(text).analyze((8, 32, 32)), opts.runs)
    t_spec = best(lambda: resolve(stack).analyze((8, 32, 32)), opts.runs)
    print(f"{opts.layers} layers: print {t_print:.3f} s, spec {t_spec:.3f} s, "
          f"ratio print/spec {t_print / t_spec:.2f}")
    generate.load()
    seeds = range(20)
    base = best(lambda: [generate.make("stack.output_shape", 2, s) for s in seeds], opts.runs)
    print(f"baseline stack.output_shape: {1000 * base / len(seeds):.2f} ms a question")
    for name in ("alexnet", "vgg16", "resnet50"):
        net = get(name)
        assert net is not None
        case = case_for(resolve(name), net.input)
        for ask in nq.asks_for(case):
            t = best(lambda a=ask, c=case: [nq.make(a.template.id, c, s) for s in seeds],
                     opts.runs)
            print(f"{name:>9} {ask.template.id:<24} {1000 * t / len(seeds):7.2f} ms a question"
                  f"   ratio {t / base:.1f}")


if __name__ == "__main__":
    main()
