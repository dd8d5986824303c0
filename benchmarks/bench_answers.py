"""Time to grade one answer: everyday notations and hostile input, per answer kind.

Grading runs on every keystroke-submit of the study app and on every line of a checked
sheet, so typical answers should take microseconds and the worst input a few
milliseconds. Prints the median and worst time per group.
Run: python benchmarks/bench_answers.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import time

from cnnquiz.questions.grading import grade
from cnnquiz.questions.model import Answer, Mistake, Option, Question


def _question(answer: Answer) -> Question:
    return Question(code="bench", template="bench", topic="params", level=2, lang="en",
                    prompt="?", answer=answer, solution=[], spec={},
                    mistakes=(Mistake("m", 1, "x"),),
                    options=(Option("A", "a", True), Option("B", "b", False)))


CASES: dict[str, list[tuple[Answer, str]]] = {
    "everyday": [
        (Answer("int", 34944), "34,944"),
        (Answer("int", 34944), "11*11*3*96 + 96"),
        (Answer("int", 34944, 0.05, allow_rounding=True), "35K params"),
        (Answer("float", 5 / 3, 1e-3), "1/(1-0.4)"),
        (Answer("shape", [96, 55, 55]), "55x55x96"),
        (Answer("shape", [96, 55, 55]), "（96，55，55）"),
        (Answer("matrix", [[1, 2], [3, 4]]), "1 2; 3 4"),
        (Answer("choice", "B"), "(b)"),
    ],
    "hostile": [
        (Answer("int", 1), "9**9**9**9"),
        (Answer("int", 1), "(" * 10_000),
        (Answer("int", 1), "1" * 100_000),
        (Answer("int", 1), "a" * 1998 + "1"),
        (Answer("shape", [1, 2, 3]), "[" * 999 + "1" + "]" * 999),
        (Answer("matrix", [[1]]), "1 " * 999),
        (Answer("choice", "A"), "a a" * 600),
    ],
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    runs = parser.parse_args().runs
    for group, cases in CASES.items():
        times = []
        for answer, text in cases:
            q = _question(answer)
            for _ in range(runs):
                t0 = time.perf_counter()
                grade(q, text)
                times.append(time.perf_counter() - t0)
        print(f"{group:9s} median {statistics.median(times) * 1e6:8.1f} us   "
              f"worst {max(times) * 1e3:7.2f} ms   ({len(cases)} inputs x {runs})")


if __name__ == "__main__":
    main()
