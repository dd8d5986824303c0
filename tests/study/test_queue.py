"""The queue's order: due before new before ahead, weakest first before an interview."""

from __future__ import annotations

from datetime import timedelta

from cnnquiz.store.scheduler import CardState, Planner
from cnnquiz.study.queue import choose, ordered
from cnnquiz.study.skills import Skill
from tests.store.helpers import START

S = [Skill(f"t{i}@1", "output-size", 1, template=f"t{i}", order=(0, 1, i, 0)) for i in range(4)]


def card(due_days: float, stability: float, reviewed_days_ago: float = 10) -> CardState:
    now = START + timedelta(days=20)
    return CardState(2, None, stability, 5.0, now + timedelta(days=due_days),
                     now - timedelta(days=reviewed_days_ago))


NOW = START + timedelta(days=20)


def test_due_then_new_then_ahead() -> None:
    cards = {"t2@1": card(-1, 5), "t0@1": card(3, 5)}
    picks = ordered(S, cards, Planner(fuzzing=False), NOW)
    assert [(p.skill.key, p.reason) for p in picks] == [
        ("t2@1", "due"), ("t1@1", "new"), ("t3@1", "new"), ("t0@1", "ahead")]


def test_most_overdue_first_normally_weakest_first_before_the_interview() -> None:
    strong_but_overdue, weak = card(-3, 30.0), card(-1, 1.0)
    cards = {"t0@1": strong_but_overdue, "t1@1": weak}
    plain = Planner(fuzzing=False, tz=START.tzinfo)
    assert [p.skill.key for p in ordered(S[:2], cards, plain, NOW)] == ["t0@1", "t1@1"]
    exam = Planner(fuzzing=False, tz=START.tzinfo, interview=(NOW + timedelta(days=2)).date())
    assert exam.in_final_days(NOW)
    assert [p.skill.key for p in ordered(S[:2], cards, exam, NOW)] == ["t1@1", "t0@1"]


def test_the_last_skill_is_not_repeated_while_another_is_available() -> None:
    cards = {"t0@1": card(-1, 5)}
    plan = Planner(fuzzing=False)
    first = choose(S[:2], cards, plan, NOW)
    again = choose(S[:2], cards, plan, NOW, last="t0@1")
    assert first is not None and first.skill.key == "t0@1"
    assert again is not None and again.skill.key == "t1@1"
    alone = choose(S[:1], cards, plan, NOW, last="t0@1")
    assert alone is not None and alone.skill.key == "t0@1"
    assert choose([], {}, plan, NOW) is None
