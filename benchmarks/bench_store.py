"""Store benchmarks: record-and-schedule one attempt, and `stats` over 100,000 attempts.

    python benchmarks/bench_store.py [--attempts 100000] [--records 400]

Targets (issue 4): record-and-schedule < 5 ms median; stats over 100k attempts < 150 ms.
Disk speed varies between machines, so each figure is also given as a ratio against
baselines measured in the same run on the same disk with the same pragmas: a bare
sqlite3 INSERT + COMMIT, and a bare sqlite3 GROUP BY over the attempts table.
`CNNQUIZ_SQLITE_SYNC=full` is measured too (one fsync per commit).
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cnnquiz.store.db import open_store
from cnnquiz.store.recording import AttemptIn
from cnnquiz.store.scheduler import Planner
from cnnquiz.store.stats import summarize
from cnnquiz.topics import TOPICS

START = datetime(2024, 1, 1, 8, tzinfo=UTC)


def median_ms(fn: Callable[[], object], n: int) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return 1000 * statistics.median(times)


def baseline_insert(folder: Path, n: int, sync: str) -> float:
    path = folder / f"baseline-{sync}-{uuid.uuid4().hex[:6]}.sqlite3"
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute(f"PRAGMA synchronous={sync}")
    con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, uid TEXT UNIQUE, v TEXT, at TEXT)")

    def one() -> None:
        con.execute("BEGIN IMMEDIATE")
        con.execute("INSERT INTO t (uid, v, at) VALUES (?, ?, ?)",
                    (uuid.uuid4().hex, "55", datetime.now().isoformat()))
        con.execute("COMMIT")
    ms = median_ms(one, n)
    con.close()
    return ms


def bench_record(folder: Path, n: int, sync: str) -> float:
    os.environ["CNNQUIZ_SQLITE_SYNC"] = sync.lower()
    clock = [START]
    store = open_store(str(folder / f"record-{sync}.sqlite3"), now=lambda: clock[0])
    lid = store.learner_id()
    planner = Planner(fuzzing=False)
    rng = random.Random(1)
    skills = [f"tpl{i}@{1 + i % 3}" for i in range(60)]

    def one() -> None:
        clock[0] += timedelta(minutes=rng.randint(1, 600))
        skill = rng.choice(skills)
        a = AttemptIn("os.1.2.abc", skill.split("@")[0], "output-size", 2, skill, "55",
                      rng.choice(["correct", "correct", "wrong"]), None, rng.uniform(3, 40),
                      clock[0], clock[0].date())
        store.record(lid, a, planner=planner)
    for _ in range(20):  # warm up: caches, prepared statements
        one()
    ms = median_ms(one, n)
    store.close()
    os.environ.pop("CNNQUIZ_SQLITE_SYNC", None)
    return ms


def build_big(path: Path, n: int) -> None:
    """A store with `n` attempts over a year, 25 topics' worth of skills and their cards."""
    open_store(str(path)).close()
    rng = random.Random(2)
    topics = [t.slug for t in TOPICS]
    mistakes = [None] * 6 + ["forgot-plus-one", "ceil-instead-of-floor", "ignored-stride",
                             "forgot-bias", "forgot-channels"]
    con = sqlite3.connect(path)
    con.execute("INSERT INTO learners (name, created_at) VALUES ('default', ?)",
                (START.replace(tzinfo=None).isoformat(" "),))
    rows = []
    for i in range(n):
        at = START + timedelta(seconds=i * 300 + rng.randint(0, 200))
        topic = rng.choice(topics)
        verdict = rng.choice(["correct", "correct", "wrong", "unreadable"])
        rows.append((uuid.uuid4().hex, 1, "os.1.2.abc", f"t.{topic}", topic, 2,
                     f"t.{topic}@{rng.randint(1, 3)}", "55", verdict,
                     rng.choice(mistakes) if verdict == "wrong" else None,
                     rng.uniform(2, 60), 3, at.replace(tzinfo=None).isoformat(" "),
                     at.date().isoformat()))
    con.executemany(
        "INSERT INTO attempts (uid, learner_id, code, template, topic, level, skill, given,"
        " verdict, mistake, seconds, rating, answered_at, day) VALUES"
        " (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    end = START + timedelta(seconds=n * 300)
    for topic in topics:
        for level in (1, 2, 3):
            due = end + timedelta(hours=rng.randint(-48, 400))
            con.execute("INSERT INTO cards (learner_id, skill, topic, state, step, stability,"
                        " difficulty, due, last_review, reps, lapses) VALUES"
                        " (1, ?, ?, 2, NULL, ?, 5.0, ?, ?, 12, 1)",
                        (f"t.{topic}@{level}", topic, rng.uniform(1, 60),
                         due.replace(tzinfo=None).isoformat(" "),
                         (end - timedelta(days=2)).replace(tzinfo=None).isoformat(" ")))
    con.commit()
    con.close()


def bench_stats(path: Path, runs: int) -> tuple[float, float, float]:
    now = START + timedelta(days=400)
    store = open_store(str(path), write=False, now=lambda: now)
    summarize(store, now=lambda: now)  # warm the page cache, as a second `stats` would
    ms = median_ms(lambda: summarize(store, now=lambda: now), runs)
    store.close()
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    scan = median_ms(lambda: con.execute(
        "SELECT topic, count(*), sum(verdict = 'correct') FROM attempts"
        " WHERE learner_id = 1 AND verdict IN ('correct', 'wrong') GROUP BY topic").fetchall(),
        runs)
    con.close()
    env = {**os.environ, "CNNQUIZ_DB": str(path)}
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cnnquiz", "stats", "--json"], env=env, check=True,
                   capture_output=True)
    whole = 1000 * (time.perf_counter() - t)
    return ms, scan, whole


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--attempts", type=int, default=100_000)
    ap.add_argument("--records", type=int, default=400)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"record-and-schedule one attempt (median of {args.records}):")
        for sync in ("NORMAL", "FULL"):
            base = baseline_insert(folder, args.records, sync)
            rec = bench_record(folder, args.records, sync)
            tag = " (default)" if sync == "NORMAL" else ""
            verdict = "ok" if rec < 5 else "over the 5 ms target"
            print(f"  synchronous={sync}{tag}: {rec:.2f} ms; bare insert+commit {base:.3f} ms; "
                  f"ratio {rec / base:.1f}x; {verdict}")
        big = folder / "big.sqlite3"
        t = time.perf_counter()
        build_big(big, args.attempts)
        print(f"\nstats over {args.attempts:,} attempts (built in {time.perf_counter() - t:.1f} s,"
              f" {big.stat().st_size / 1e6:.0f} MB):")
        ms, scan, whole = bench_stats(big, 15)
        base = baseline_insert(folder, 100, "NORMAL")
        verdict = "ok" if ms < 150 else "over the 150 ms target"
        print(f"  summarize(): {ms:.1f} ms median; {verdict}")
        print(f"  vs bare GROUP BY over attempts {scan:.1f} ms: ratio {ms / scan:.2f}x; "
              f"vs bare insert+commit {base:.3f} ms: ratio {ms / base:.0f}x")
        print(f"  whole `cnnquiz stats --json` process (Python start-up included): {whole:.0f} ms")


if __name__ == "__main__":
    main()
