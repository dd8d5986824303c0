"""`drill` line mode: the contract's JSONL events, verdicts only after saving, EOF ends."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

from cnnquiz.store.store import Store
from cnnquiz.store.transfer import export_data
from cnnquiz.study.linemode import Drill
from cnnquiz.study.loop import StudyLoop
from tests.store.helpers import Clock, cli, cli_process
from tests.study.test_loop import CHOICE, SHORT, concept, make, right


class Watching(io.StringIO):
    """stdout that checks, at the moment a verdict is printed, that it is already saved."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store, self.verdicts, self.saved_at_print = store, 0, []

    def write(self, s: str) -> int:
        if s.startswith('{"event": "verdict"'):
            self.verdicts += 1
            people = export_data(self.store)["learners"]
            self.saved_at_print.append(sum(len(p["attempts"]) for p in people))
        return super().write(s)


def events(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


def run(loop: StudyLoop, lines: str, store: Store) -> tuple[list[dict[str, object]], Watching]:
    out = Watching(store)
    Drill(loop, io.StringIO(lines), out, jsonl=True).run()
    return events(out.getvalue()), out


def test_jsonl_events_follow_the_contract(store: Store, clock: Clock) -> None:
    probe = make(store, clock, learner="probe", rng=random.Random(5))
    q1 = probe.next()
    assert q1 is not None
    loop = make(store, clock, rng=random.Random(5), count=2)
    evs, out = run(loop, f"huh\n{right(q1)}\n?\n", store)
    kinds = [e["event"] for e in evs]
    assert kinds == ["question", "verdict", "question", "verdict", "question", "verdict", "end"]
    first = evs[0]
    assert {"event", "n", "code", "prompt"} <= set(first) and first["code"] == q1.code
    assert evs[1]["verdict"] == "unreadable" and evs[1]["n"] == 1 and evs[1]["solution"] == []
    assert evs[2] == first  # the same question again
    assert evs[3]["verdict"] == "correct" and evs[3]["expected"] == q1.answer.value
    assert {"event", "n", "verdict", "expected", "mistake"} <= set(evs[3])
    assert evs[4]["n"] == 2 and evs[5]["verdict"] == "wrong"  # `?` shows the answer
    assert evs[-1] == {"event": "end", "answered": 2, "correct": 1}
    assert out.saved_at_print == [1, 2, 3]  # each verdict was on disk when printed


def test_eof_ends_the_session_and_closes_it(store: Store, clock: Clock) -> None:
    loop = make(store, clock, count=10)
    evs, _ = run(loop, "1\n", store)
    assert [e["event"] for e in evs] == ["question", "verdict", "question", "end"]
    (session,) = export_data(store)["learners"][0]["sessions"]
    assert session["ended_at"] is not None and session["answered"] == 1


def test_short_answers_reveal_then_read_a_rating(store: Store, clock: Clock) -> None:
    loop = make(store, clock, skills=[concept(SHORT)], count=1)
    evs, out = run(loop, "pooling shrinks\nfive\n2\n", store)
    assert [e["event"] for e in evs] == ["question", "reveal", "error", "verdict", "end"]
    assert evs[1]["key_points"] == ["smaller maps", "invariance"]
    assert evs[3]["rating"] == 2 and evs[3]["verdict"] == "wrong"
    assert out.saved_at_print == [1]
    (a,) = export_data(store)["learners"][0]["attempts"]
    assert a["given"] == "pooling shrinks"


def test_text_mode_reads_like_a_worksheet(store: Store, clock: Clock) -> None:
    loop = make(store, clock, skills=[concept(CHOICE)], count=1)
    out = io.StringIO()
    Drill(loop, io.StringIO("B\n"), out).run()
    text = out.getvalue()
    assert "Q1  [pooling, level 1, bank:zz-choice]" in text
    assert "wrong - expected A" in text and "mistake: has weights" in text
    assert text.count("has weights") == 2  # the mistake once, and the solution's step B
    assert "solution:\n  1. **A** (right)" in text
    assert "session: 1 answered, 0 correct" in text


def test_cli_drill_jsonl(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    out = cli_process("drill", "--jsonl", "--count", "2", "--topic", "output-size", db=db,
                      input="?\n3\n" * 6)  # a smoke test of the real program
    assert out.returncode == 0, out.stderr
    evs = events(out.stdout)
    assert sum(e["event"] == "verdict" and e["verdict"] in ("correct", "wrong") for e in evs) == 2
    assert evs[-1]["event"] == "end"
    stats = json.loads(cli("stats", "--json", db=db).stdout)
    assert stats["attempts"] == 2


def test_cli_drill_interview_option(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    bad = cli("drill", "--interview", "next week", db=db, input="")
    assert bad.returncode == 1 and "--interview takes a date" in bad.stderr
    ok = cli("drill", "--interview", "2030-01-31", "--count", "1", db=db, input="")
    assert ok.returncode == 0, ok.stderr
    out = cli("export", "-", db=db)
    assert json.loads(out.stdout)["learners"][0]["settings"] == {"interview_date": "2030-01-31"}
