"""`interview` line mode in process: the contract's JSONL (followup flags, a scorecard
last), nothing revealed before the review, and the text form's review and scorecard."""

from __future__ import annotations

import io
import json
import random

from cnnquiz.questions.model import Question
from cnnquiz.store.store import Store
from cnnquiz.study.interview import Interview
from cnnquiz.study.interview_linemode import InterviewLines
from tests.store.helpers import START, Clock
from tests.study.test_interview import right

SCORECARD_KEYS = {"event", "answered", "correct", "followups", "by_topic", "seconds", "weakest"}


class Script(io.StringIO):
    """stdin answering each question as `reply(question)` says, from what was printed."""

    def __init__(self, out: io.StringIO, iv: Interview, reply: object) -> None:
        super().__init__()
        self.out, self.iv, self.reply = out, iv, reply

    def readline(self, size: int | None = -1) -> str:
        q = self.iv.current.asked.question if self.iv.current else None
        return "" if q is None else f"{self.reply(q)}\n"  # type: ignore[operator]


def run(store: Store, clock: Clock, reply: object, **kw: object) -> list[dict[str, object]]:
    iv = Interview(store, now=clock, rng=random.Random(11), tz=START.tzinfo, fuzzing=False,
                   **kw)  # type: ignore[arg-type]
    out = io.StringIO()
    InterviewLines(iv, Script(out, iv, reply), out, jsonl=True).run()
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_jsonl_follows_the_contract(store: Store, clock: Clock) -> None:
    seen: list[str] = []

    def reply(q: Question) -> str:
        clock.advance(seconds=20)
        seen.append(q.code)
        return right(q) if len(seen) % 3 else "0"  # every third answer wrong
    events = run(store, clock, reply, count=5, minutes=None, followup_rate=1.0)
    # a question asked again after an unreadable reply ("0" to a choice) counts once
    questions = list({e["n"]: e for e in events if e["event"] == "question"}.values())
    follow = [e for e in questions if e["followup"] is True]
    assert follow and all(isinstance(e["about"], int) for e in follow)
    assert all(e["followup"] is False and e["about"] is None for e in questions if e not in follow)
    for v in (e for e in events if e["event"] == "verdict"):
        assert v["expected"] is None and v["mistake"] is None and v["solution"] == []
    reviews = [e for e in events if e["event"] == "review"]
    assert [r["n"] for r in reviews] == [q["n"] for q in questions]
    assert all(r["solution"] for r in reviews) and reviews[2]["verdict"] == "wrong"
    card = events[-1]
    assert card["event"] == "scorecard" and set(card) >= SCORECARD_KEYS
    assert card["answered"] == 5 and card["followups"]["asked"] == len(follow)
    main_right = sum(r["verdict"] == "correct" for r in reviews if not r["followup"])
    assert card["correct"] == main_right
    assert sum(t["answered"] for t in card["by_topic"].values()) == 5  # type: ignore[union-attr]
    assert card["weakest"] and card["drill"].startswith("cnnquiz drill --topic ")  # type: ignore[union-attr]


def test_text_form_reviews_then_scores(store: Store, clock: Clock) -> None:
    iv = Interview(store, now=clock, rng=random.Random(3), count=2, minutes=None,
                   followup_rate=0.0, tz=START.tzinfo, fuzzing=False)
    out = io.StringIO()
    InterviewLines(iv, Script(out, iv, lambda q: "?"), out).run()
    text = out.getvalue()
    during, after = text.split("\nreview\n")
    assert during.count("noted (") == 2
    assert "passed - expected" not in during and "solution:" not in during
    assert after.count("passed - expected ") == 2 and "solution:" in after
    assert "score 0/2 (0%)" in after and "drill them: cnnquiz drill --topic " in after


def test_chinese_line_mode(store: Store, clock: Clock) -> None:
    iv = Interview(store, now=clock, rng=random.Random(3), count=1, minutes=15, lang="zh",
                   followup_rate=0.0, tz=START.tzinfo, fuzzing=False)
    out = io.StringIO()
    InterviewLines(iv, Script(out, iv, lambda q: "?"), out).run()
    text = out.getvalue()
    assert "模拟面试：1 道题或 15 分钟，先到为止" in text and "剩余 15 分 0 秒" in text
    assert "成绩单" in text and "得分 0/1（0%）" in text
