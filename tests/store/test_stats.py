"""Stats: the numbers a learner sees match what was recorded."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

from cnnquiz.store.report import render
from cnnquiz.store.scheduler import Planner
from cnnquiz.store.stats import streak, summarize
from cnnquiz.store.store import Store
from tests.store.helpers import START, Clock, attempt, cli, day

PLAN = Planner(fuzzing=False, tz=START.tzinfo)
CONTRACT = {"attempts", "correct", "by_topic", "due", "streak_days", "mistakes"}


def fill(store: Store, clock: Clock) -> None:
    lid = store.learner_id()
    plan = [("conv.output_size@1", "output-size", "correct", None),
            ("conv.output_size@1", "output-size", "wrong", "forgot-plus-one"),
            ("conv.output_size@2", "output-size", "wrong", "forgot-plus-one"),
            ("pool.output@1", "pooling", "correct", None),
            ("pool.output@1", "pooling", "wrong", "ceil-instead-of-floor"),
            ("pool.output@1", "pooling", "unreadable", None)]
    for skill, topic, verdict, mistake in plan:
        clock.advance(seconds=10)
        a = attempt(skill, verdict, topic=topic, mistake=mistake, when=clock.t)
        store.record(lid, a, planner=PLAN if verdict != "unreadable" else None)


def test_summary_counts_attempts_topics_mistakes(store: Store, clock: Clock) -> None:
    fill(store, clock)
    s = summarize(store, now=clock, tz=START.tzinfo)
    assert (s.attempts, s.correct) == (5, 2)  # the unreadable answer is not an attempt
    assert s.by_topic == {"output-size": (3, 1), "pooling": (2, 1)}  # topic-map order
    assert list(s.mistakes.items()) == [("forgot-plus-one", 2), ("ceil-instead-of-floor", 1)]
    assert s.streak_days == 1
    assert (s.due, s.due_later_today) == (0, 3)  # learning steps of minutes
    assert {k.skill for k in s.skills} == {"conv.output_size@1", "conv.output_size@2",
                                           "pool.output@1"}
    clock.advance(hours=1)
    assert summarize(store, now=clock, tz=START.tzinfo).due == 3
    data = s.to_json()
    assert set(data) >= CONTRACT
    assert data["by_topic"]["pooling"] == {"attempts": 2, "correct": 1}


def test_due_in_the_next_days(store: Store, clock: Clock) -> None:
    lid = store.learner_id()
    store.record(lid, attempt(verdict="correct", when=clock.t), planner=PLAN, self_rating=4)
    s = summarize(store, now=clock, tz=START.tzinfo, days=14)
    card = store.cards(lid)["conv.output_size@2"]
    k = (card.due.date() - clock.t.date()).days
    assert k > 1 and dict(s.due_by_day) == {
        clock.t.date() + timedelta(days=i): int(i == k) for i in range(1, 15)}
    assert s.due == 0


def test_streak_counts_consecutive_days() -> None:
    days = {day(0), day(1), day(2), day(5)}
    assert streak(days, day(2)) == 3
    assert streak(days, day(3)) == 3  # today is not over: yesterday's streak still stands
    assert streak(days, day(4)) == 0
    assert streak(days, day(5)) == 1
    assert streak(set(), day(0)) == 0


def test_an_unknown_learner_or_empty_store_has_zeros(store: Store) -> None:
    s = summarize(store, "nobody")
    assert (s.attempts, s.due, s.streak_days, s.mistakes) == (0, 0, 0, {})
    assert "no attempts yet" in render(s)


def test_report_shows_bars_topics_and_mistakes(store: Store, clock: Clock) -> None:
    fill(store, clock)
    text = render(summarize(store, now=clock, tz=START.tzinfo))
    assert "attempts 5, correct 2 (40%)" in text
    assert "Output size" in text and "#######....." in text and "(1/3)" in text
    assert re.search(r"You forgot the \+1 +2\n", text) and "learning (3)" in text


def test_cli_stats_json_is_the_contract(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    out = cli("stats", "--json", db=db)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) >= CONTRACT and data["attempts"] == 0
    out = cli("drill", "--count", "2", "--topic", "output-size", db=db, input="?\n3\n" * 10)
    assert out.returncode == 0, out.stderr
    data = json.loads(cli("stats", "--json", db=db).stdout)
    assert data["attempts"] == 2 and sum(t["attempts"] for t in data["by_topic"].values()) == 2
    text = cli("stats", db=db).stdout
    assert "attempts 2" in text and "accuracy by topic" in text
