"""Issue 12, fairness and honesty: a give-up is a miss, an unreadable reply reveals
nothing, bytes that are not UTF-8 are an unreadable reply, Ctrl-C ends like Ctrl-D."""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
from pathlib import Path

from cnnquiz.store.store import Store
from cnnquiz.store.transfer import export_data
from cnnquiz.study.linemode import Drill
from tests.store.helpers import Clock
from tests.study.test_linemode import run
from tests.study.test_loop import CHOICE, SHORT, concept, make, right


def _verdicts(store: Store) -> list[str]:
    return [a["verdict"] for a in export_data(store)["learners"][0]["attempts"]]


def test_give_up_on_a_short_answer_is_saved_wrong_whatever_the_rating(
        store: Store, clock: Clock) -> None:
    loop = make(store, clock, skills=[concept(SHORT)], count=1)
    evs, _ = run(loop, "?\n4\n", store)
    assert [e["event"] for e in evs] == ["question", "reveal", "verdict", "end"]
    assert evs[2]["verdict"] == "wrong" and evs[2]["rating"] == 1
    assert _verdicts(store) == ["wrong"]


def test_the_loop_keeps_a_give_up_wrong_even_if_a_face_rates_it(store: Store,
                                                                clock: Clock) -> None:
    loop = make(store, clock, skills=[concept(SHORT)])
    loop.next()
    loop.reveal()
    o = loop.rate(4, "?")
    assert o.verdict.verdict == "wrong" and o.rating == 1
    assert _verdicts(store) == ["wrong"]


def test_unreadable_reply_reveals_nothing_and_the_retry_grades_normally(
        store: Store, clock: Clock) -> None:
    for n, retry, verdict in ((0, "right", "correct"), (1, "7777777", "wrong")):
        probe = make(store, clock, learner=f"probe{n}", rng=random.Random(11))
        q = probe.next()
        assert q is not None
        loop = make(store, clock, learner=f"l{n}", rng=random.Random(11), count=1)
        given = right(q) if retry == "right" else retry
        evs, _ = run(loop, f"banana\n\n{given}\n", store)
        assert [e["event"] for e in evs] == ["question", "verdict", "question", "verdict",
                                             "question", "verdict", "end"]
        for shown in (evs[1], evs[3]):
            assert shown["verdict"] in ("unreadable", "blank")
            assert shown["expected"] is None and shown["mistake"] is None
            assert shown["solution"] == []
            assert str(q.answer.value) not in str(shown)
        assert evs[1]["explanation"]  # its reason
        assert evs[2] == evs[4] == evs[0]  # the same question again
        assert evs[5]["verdict"] == verdict and evs[5]["expected"] == q.answer.value


def test_text_mode_unreadable_reply_does_not_show_the_answer(store: Store,
                                                            clock: Clock) -> None:
    loop = make(store, clock, skills=[concept(CHOICE)], count=1)
    out = io.StringIO()
    Drill(loop, io.StringIO("Z\nA\n"), out).run()
    first_reply = out.getvalue().split("unreadable", 1)[1].split("\n", 1)[0]
    assert "try again" in first_reply and "expected" not in first_reply
    assert "nothing to learn" not in out.getvalue().split("correct", 1)[0]


def test_undecodable_bytes_are_an_unreadable_reply(store: Store, clock: Clock) -> None:
    loop = make(store, clock, skills=[concept(CHOICE)], count=1)
    evs, _ = run(loop, "caf\udce9\nA\n", store)
    assert evs[1]["verdict"] == "unreadable" and "UTF-8" in evs[1]["explanation"]
    assert evs[3]["verdict"] == "correct"
    given = {a["given"] for a in export_data(store)["learners"][0]["attempts"]}
    assert given == {"caf\ufffd", "A"}


def test_cli_reads_non_utf8_stdin_without_a_traceback(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    out = subprocess.run(
        [*_cnnquiz(), "drill", "--count", "1", "--topic", "output-size"],
        input=b"caf\xe9\n", capture_output=True, env=_env(db), timeout=120)
    assert out.returncode == 0, out.stderr
    assert b"Traceback" not in out.stderr
    assert b"unreadable: the line is not UTF-8 text" in out.stdout


def test_ctrl_c_ends_the_session_with_its_summary(store: Store, clock: Clock) -> None:
    class Interrupted(io.StringIO):
        def readline(self, size: int | None = -1) -> str:
            if self.tell() >= len(self.getvalue()):
                raise KeyboardInterrupt
            return super().readline()

    loop = make(store, clock, skills=[concept(CHOICE)], count=5)
    out = io.StringIO()
    assert Drill(loop, Interrupted("A\n"), out).run() == 1
    assert out.getvalue().rstrip().endswith("session: 1 answered, 1 correct")
    (session,) = export_data(store)["learners"][0]["sessions"]
    assert session["ended_at"] is not None


def _cnnquiz() -> list[str]:
    return [sys.executable, "-m", "cnnquiz"]


def _env(db: Path) -> dict[str, str]:
    return {**os.environ, "CNNQUIZ_DB": str(db), "CNNQUIZ_LANG": "en",
            "PYTHONIOENCODING": "utf-8"}
