"""The study loop on a real store: what comes next, what is saved, how concepts are asked."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

import pytest

from cnnquiz.errors import CnnquizError
from cnnquiz.questions import grading
from cnnquiz.questions.model import Answer, Mistake, Option, Question
from cnnquiz.store.scheduler import INTERVIEW_DATE
from cnnquiz.store.store import Store
from cnnquiz.store.transfer import export_data
from cnnquiz.study.loop import StudyLoop
from cnnquiz.study.skills import Skill, catalogue
from tests.store.helpers import START, Clock

TOPICS = ["output-size"]


def make(store: Store, clock: Clock, **kw: object) -> StudyLoop:
    opts: dict[str, object] = {"topics": TOPICS, "include_bank": False, "now": clock,
                               "rng": random.Random(3), "tz": START.tzinfo, "fuzzing": False}
    opts.update(kw)
    return StudyLoop(store, **opts)  # type: ignore[arg-type]


def right(q: Question) -> str:
    v = q.answer.value
    return "x".join(map(str, v)) if isinstance(v, list) else str(v)


def test_new_skills_come_in_catalogue_order_then_due_ones_first(store: Store,
                                                                 clock: Clock) -> None:
    loop = make(store, clock)
    expected = [s.key for s in catalogue(TOPICS, include_bank=False)[0]]
    assert len(expected) >= 2
    q = loop.next()
    assert q is not None and q.skill == expected[0]
    assert loop.answer("1").verdict.verdict == "wrong"  # due again in a minute
    q2 = loop.next()
    assert q2 is not None and q2.skill == expected[1]  # not the missed one straight away
    loop.answer(right(q2))
    clock.advance(minutes=5)
    q3 = loop.next()
    assert q3 is not None and q3.skill == expected[0]  # due comes before the new ones


def test_every_review_draws_a_fresh_instance(store: Store, clock: Clock) -> None:
    first = Skill("conv.output_size@2", "output-size", 2, template="conv.output_size")
    loop = make(store, clock, skills=[first])
    codes = set()
    for _ in range(4):
        q = loop.next()
        assert q is not None
        codes.add(q.code)
        loop.answer(right(q))
        clock.advance(days=30)
    assert len(codes) == 4


def test_everything_shown_is_in_the_store(store: Store, clock: Clock) -> None:
    loop = make(store, clock, count=4)
    shown = []
    while (q := loop.next()) is not None:
        clock.advance(seconds=12)
        for given in ("", "banana", right(q) if len(shown) % 2 else "7"):
            clock.advance(seconds=1)
            o = loop.answer(given)
            shown.append((o.attempt_uid, q.code, o.verdict.verdict, o.verdict.given))
            if o.counted:
                break
    loop.close()
    person = export_data(store)["learners"][0]
    stored = [(a["uid"], a["code"], a["verdict"], a["given"]) for a in person["attempts"]]
    assert stored == shown
    assert [v for *_, v, _g in stored].count("blank") == 4
    assert [a["seconds"] for a in person["attempts"]][:3] == [13.0, 14.0, 15.0]
    assert loop.answered == 4 and len(person["reviews"]) == 4
    (session,) = person["sessions"]
    assert session["answered"] == 4 and session["ended_at"] is not None


def test_unreadable_keeps_the_question_and_the_session_length(store: Store,
                                                              clock: Clock) -> None:
    loop = make(store, clock, count=1)
    q = loop.next()
    assert q is not None
    o = loop.answer("what?")
    assert o.verdict.verdict == "unreadable" and not o.counted and o.rating is None
    assert loop.current is q and not loop.done
    assert loop.answer(right(q)).counted and loop.done and loop.next() is None


def test_give_up_is_a_miss(store: Store, clock: Clock) -> None:
    loop = make(store, clock)
    loop.next()
    o = loop.give_up()
    assert o.counted and o.verdict.verdict == "wrong" and o.rating == 1


def test_same_seed_same_clock_same_session(store: Store, clock: Clock, target: str) -> None:
    def session(learner: str) -> list[tuple[str, str]]:
        c = Clock()
        loop = make(store, c, learner=learner)
        out = []
        for i in range(8):
            q = loop.next()
            assert q is not None
            o = loop.answer(right(q) if i % 3 else "1")
            out.append((q.code, o.due.isoformat() if o.due else ""))
            c.advance(minutes=3)
        return out
    assert session("ana") == session("ben")


@dataclass(frozen=True)
class FixedSkill(Skill):
    """A concept skill whose question is given (independent of the shipped bank)."""

    q: Question | None = None

    def instance(self, rng: random.Random, lang: str, bank_dirs: object = ()) -> Question:
        assert self.q is not None
        return self.q


CHOICE = Question(
    code="bank:zz-choice", template="bank", topic="pooling", level=1, lang="en",
    prompt="Which pooling has no parameters?\n\nA. max\n\nB. conv", answer=Answer("choice", "A"),
    solution=["**A** (right): nothing to learn", "**B** (wrong): has weights"],
    spec={"bank": "t.yaml#zz-choice"}, mistakes=(Mistake("bank:zz-choice:B", "B", "has weights"),),
    options=(Option("A", "max", True, "nothing to learn"), Option("B", "conv", False, "has weights")))
SHORT = Question(
    code="bank:zz-short", template="bank", topic="pooling", level=1, lang="en",
    prompt="Why pool?", answer=Answer("text", "To shrink maps and add invariance."),
    solution=["To shrink maps and add invariance.", "smaller maps", "invariance"],
    spec={"bank": "t.yaml#zz-short"}, key_points=("smaller maps", "invariance"))


def concept(q: Question) -> FixedSkill:
    return FixedSkill(q.code, q.topic, q.level, bank_id=q.code[5:], q=q)


def test_a_choice_shows_why_the_chosen_option_is_wrong(store: Store, clock: Clock) -> None:
    loop = make(store, clock, skills=[concept(CHOICE)])
    loop.next()
    assert not loop.self_rated
    o = loop.answer("b")
    assert o.verdict.verdict == "wrong" and o.verdict.mistake == "bank:zz-choice:B"
    assert o.chosen_why == ("has weights",) and o.rating == 1
    clock.advance(minutes=2)
    loop.next()
    assert loop.answer("A").chosen_why == ("nothing to learn",)


@pytest.mark.parametrize(("rating", "verdict"), [(1, "wrong"), (2, "wrong"), (3, "correct"),
                                                 (4, "correct")])
def test_a_short_answer_is_revealed_then_self_rated(store: Store, clock: Clock, rating: int,
                                                    verdict: str) -> None:
    loop = make(store, clock, skills=[concept(SHORT)])
    loop.next()
    assert loop.self_rated
    shown = loop.reveal()
    assert shown.answer.startswith("To shrink") and shown.key_points == ("smaller maps",
                                                                         "invariance")
    with pytest.raises(ValueError):
        loop.answer("anything")
    o = loop.rate(rating, "because")
    assert o.rating == rating and o.verdict.verdict == verdict and o.counted
    (a,) = export_data(store)["learners"][0]["attempts"]
    assert (a["rating"], a["skill"], a["given"]) == (rating, "bank:zz-short", "because")


def test_the_interview_setting_shapes_the_loop(store: Store, clock: Clock) -> None:
    lid = store.learner_id()
    store.set_setting(lid, INTERVIEW_DATE, (START + timedelta(days=6)).date().isoformat())
    loop = make(store, clock)
    q = loop.next()
    assert q is not None
    loop.answer(right(q))
    for _ in range(3):  # long intervals would reach past the interview; none does
        clock.advance(days=1)
        q = loop.next()
        assert q is not None
        o = loop.answer(right(q))
        assert o.due is not None and o.due <= START + timedelta(days=5)


def test_unknown_topic_and_empty_session_are_user_errors(store: Store, clock: Clock) -> None:
    with pytest.raises(CnnquizError, match="unknown topic"):
        make(store, clock, topics=["convolution-ish"])
    with pytest.raises(CnnquizError, match="at least 1"):
        make(store, clock, count=0)
    with pytest.raises(CnnquizError, match="nothing to study"):
        make(store, clock, skills=[])


def test_a_malformed_stored_interview_date_is_reported_not_dropped(store: Store,
                                                                   clock: Clock) -> None:
    store.set_setting(store.learner_id(), INTERVIEW_DATE, "next week")
    with pytest.raises(CnnquizError, match="interview_date = 'next week'"):
        make(store, clock)


def test_a_bug_while_grading_stops_the_loop_instead_of_asking_again(
        store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch) -> None:
    loop = make(store, clock)
    q = loop.next()
    assert q is not None

    def broken(*args: object) -> object:
        raise IndexError("injected bug")

    monkeypatch.setattr(grading, "compare", broken)
    with pytest.raises(IndexError):
        loop.answer(right(q))
