"""Durability on a real SQLite file: kill -9 of a drill mid-session loses no shown verdict and
leaves a sound file; two sessions writing one file at once lose nothing."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any

import pytest

from cnnquiz.application.questions import resolve_code
from cnnquiz.store.db import open_store
from cnnquiz.store.scheduler import Planner
from tests.store.helpers import Clock, attempt, cli, rows

TOPIC = "output-size"


def spawn(db: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "CNNQUIZ_DB": str(db), "PYTHONIOENCODING": "utf-8"}
    return subprocess.Popen(
        [sys.executable, "-m", "cnnquiz", "drill", "--jsonl", "--count", "500", "--topic", TOPIC],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        env=env, bufsize=1)


def event(out: IO[str]) -> dict[str, Any]:
    line = out.readline()
    assert line, "drill ended early"
    return json.loads(line)


def reply(rng: random.Random, q: dict[str, Any]) -> list[str]:
    """Lines that answer question event `q`: right or wrong, or a self-rating."""
    if q["kind"] == "text":
        return ["my answer", str(rng.randint(1, 4))]
    answer = resolve_code(q["code"], "en").answer
    sep = "x" if answer.kind == "shape" else ","
    right = sep.join(map(str, answer.value)) if isinstance(answer.value, list) else str(answer.value)
    wrong = "Z" if answer.kind == "choice" else "12345"
    return [right if rng.random() < 0.6 else wrong]


def send(proc: subprocess.Popen[str], lines: list[str]) -> None:
    assert proc.stdin is not None
    for line in lines:
        proc.stdin.write(line + "\n")
        proc.stdin.flush()


def verdicts(proc: subprocess.Popen[str], rng: random.Random,
             q: dict[str, Any]) -> list[tuple[str, str]]:
    """Answer `q` until it counts (an unreadable answer is followed by `?`); what was shown."""
    assert proc.stdout is not None
    send(proc, reply(rng, q))
    seen = []
    while True:
        e = event(proc.stdout)
        if e["event"] != "verdict":
            continue
        seen.append((q["code"], e["verdict"]))
        if e["verdict"] in ("correct", "wrong"):
            return seen
        send(proc, ["?"])


@pytest.mark.slow
def test_kill_9_mid_session_loses_no_shown_verdict(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    rng = random.Random(7)
    shown: list[tuple[str, str]] = []  # (code, verdict) of every verdict the learner saw
    for _round in range(8):
        proc = spawn(db)
        assert proc.stdout is not None
        q = event(proc.stdout)
        for _ in range(rng.randint(1, 12)):
            shown += verdicts(proc, rng, q)
            q = event(proc.stdout)
        send(proc, reply(rng, q))  # this answer may or may not be saved when we kill
        time.sleep(rng.choice([0, 0, 0.001, 0.005, 0.02]))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        saved = rows(db, "SELECT code, verdict FROM attempts ORDER BY id")
        assert rows(db, "PRAGMA integrity_check") == [("ok",)]
        # everything shown is saved, in order; at most the unshown last answer is extra
        assert saved[: len(shown)] == shown
        assert len(saved) - len(shown) <= 1
        shown = [(c, v) for c, v in saved]
    out = cli("stats", "--json", db=db)
    assert out.returncode == 0, out.stderr
    counted = [v for _, v in shown if v in ("correct", "wrong")]
    assert json.loads(out.stdout)["attempts"] == len(counted)
    assert json.loads(out.stdout)["correct"] == counted.count("correct")


@pytest.mark.slow
def test_two_drills_on_one_file_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    n = 25
    lines = "".join(f"{i}\n" for i in range(n))
    env = {**os.environ, "CNNQUIZ_DB": str(db), "PYTHONIOENCODING": "utf-8"}
    cmd = [sys.executable, "-m", "cnnquiz", "drill", "--jsonl", "--count", str(n),
           "--topic", TOPIC]
    procs = [subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env) for _ in range(2)]
    outs = [p.communicate(lines, timeout=120) for p in procs]
    verdicts = 0
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
        verdicts += sum(json.loads(x)["event"] == "verdict" for x in out.splitlines())
    assert verdicts > 0
    assert rows(db, "SELECT count(*) FROM attempts") == [(verdicts,)]
    assert rows(db, "SELECT count(*) FROM study_sessions WHERE ended_at IS NOT NULL") == [(2,)]
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]


def test_concurrent_reviews_of_one_skill_all_count(tmp_path: Path) -> None:
    """Two stores (two sessions) review the same card at once: no review is lost."""
    db = str(tmp_path / "p.sqlite3")
    open_store(db).close()
    per_thread, errors = 40, []

    def work(verdict: str) -> None:
        try:
            with open_store(db, now=Clock()) as store:
                lid = store.learner_id()
                for _ in range(per_thread):
                    store.record(lid, attempt(verdict=verdict), planner=Planner(fuzzing=False))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(v,)) for v in ("correct", "wrong")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    path = Path(db)
    assert rows(path, "SELECT reps FROM cards") == [(2 * per_thread,)]
    assert rows(path, "SELECT count(*) FROM review_logs") == [(2 * per_thread,)]
    assert rows(path, "SELECT count(*) FROM attempts") == [(2 * per_thread,)]
