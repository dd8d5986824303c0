"""`cnnquiz interview --jsonl` driven by a script, as a real subprocess: the script reads
each question event, answers it, and the interview ends in the contract's scorecard,
saved so that `stats` shows it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from cnnquiz.application.questions import resolve_code
from tests.cli.conftest import Run
from tests.study.test_interview import right


def test_a_script_sits_the_interview_and_stats_shows_it(cli: Run, tmp_path: Path) -> None:
    env = {**os.environ, "CNNQUIZ_DB": str(tmp_path / "progress.sqlite"), "CNNQUIZ_LANG": "en",
           "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen([sys.executable, "-m", "cnnquiz", "interview", "--count", "4",
                             "--jsonl"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
    assert proc.stdin is not None and proc.stdout is not None
    events = []
    for line in proc.stdout:
        event = json.loads(line)
        events.append(event)
        if event["event"] == "question":
            proc.stdin.write(right(resolve_code(event["code"], "en")) + "\n")
            proc.stdin.flush()
    proc.stdin.close()
    assert proc.wait(timeout=120) == 0, proc.stderr.read() if proc.stderr else ""
    card = events[-1]
    asked = [e for e in events if e["event"] == "question"]
    follow = [e for e in asked if e["followup"]]
    assert card["event"] == "scorecard" and card["answered"] == card["correct"] == 4
    assert card["followups"] == {"asked": len(follow), "correct": len(follow)}
    assert card["weakest"] == [] and len(asked) == 4 + len(follow)
    assert [e["verdict"] for e in events if e["event"] == "verdict"] == ["correct"] * len(asked)
    stats = json.loads(cli("stats", "--json").stdout)
    assert stats["attempts"] == len(asked) and stats["correct"] == len(asked)
    (mock,) = stats["mock_interviews"]
    assert (mock["answered"], mock["correct"], mock["followups"]) == (4, 4, card["followups"])


def test_a_bad_limit_is_one_line_exit_1(cli: Run) -> None:
    out = cli("interview", "--minutes", "0")
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr == "error: --minutes must be above 0 and at most a day, not 0\n"
