"""The mock interview on a real store: a mixed set, "why" follow-ups on the template just
answered, nothing revealed until the end, the clock, and the scorecard saved for stats."""

from __future__ import annotations

import random

import pytest

from cnnquiz import bank
from cnnquiz.errors import CnnquizError
from cnnquiz.questions.model import Question
from cnnquiz.store.interviews import read_interviews
from cnnquiz.store.stats import summarize
from cnnquiz.store.store import Store
from cnnquiz.store.transfer import export_data
from cnnquiz.study.interview import Interview
from tests.store.helpers import START, Clock


def make(store: Store, clock: Clock, **kw: object) -> Interview:
    opts: dict[str, object] = {"now": clock, "rng": random.Random(7), "tz": START.tzinfo,
                               "fuzzing": False}
    opts.update(kw)
    return Interview(store, **opts)  # type: ignore[arg-type]


def right(q: Question) -> str:
    """The right answer as a learner would type it."""
    v = q.answer.value
    if q.answer.kind == "matrix":
        rows = v if v and isinstance(v[0], list) else [v]
        return "; ".join(" ".join(map(str, row)) for row in rows)
    if q.answer.kind == "choice" and isinstance(v, list):
        return ", ".join(v)
    return "x".join(map(str, v)) if isinstance(v, list) else str(v)


def test_count_mode_asks_followups_on_the_same_template_and_saves_everything(
        store: Store, clock: Clock) -> None:
    iv = make(store, clock, count=6, minutes=None, followup_rate=1.0)
    asked = []
    while (a := iv.next()) is not None:
        asked.append(a)
        clock.advance(seconds=30 if a.n != 3 else 200)
        result = iv.answer(right(a.question))
        assert result.counted and result.verdict == "correct" and result.explanation == ""
    main = [a for a in asked if not a.followup]
    follow = [a for a in asked if a.followup]
    assert len(main) == 6 and follow, "every numeric answer may be followed up at rate 1"
    for f in follow:
        about = asked[f.about - 1].question  # type: ignore[operator]
        entry = bank.find(f.question.code)
        assert about.template in entry.entry.templates and entry.kind in ("choice", "truefalse")
        assert asked[f.n - 2].n == f.about  # straight after the question it is about
    assert len({f.question.code for f in follow}) == len(follow)  # never the same one twice
    assert len({a.question.topic for a in main}) == 6  # six topics, one each
    card = iv.finish()
    assert (card.answered, card.correct) == (6, 6)
    assert (card.followups_asked, card.followups_correct) == (len(follow), len(follow))
    assert card.weakest == () and card.drill_command is None
    assert card.median_seconds == 30 and card.slow == ((3, 200.0),)
    people = export_data(store)["learners"]
    assert len(people[0]["attempts"]) == len(asked)
    assert len(people[0]["interviews"]) == 1
    assert iv.finish() is card  # once
    assert len(export_data(store)["learners"][0]["interviews"]) == 1


def test_nothing_is_revealed_until_the_review(store: Store, clock: Clock) -> None:
    iv = make(store, clock, count=2, followup_rate=0.0)
    a = iv.next()
    assert a is not None
    unreadable = iv.answer("((")
    assert not unreadable.counted and unreadable.verdict == "unreadable"
    assert iv.next() == a  # the same question again
    wrong = iv.answer("0")
    assert wrong.counted and wrong.explanation == "" and not hasattr(wrong, "expected")
    b = iv.next()
    assert b is not None and b.n == 2
    iv.give_up()
    card = iv.finish()
    first, second = card.review
    assert first.given == "0" and first.verdict == "wrong" and first.question.solution
    assert first.expected == a.question.answer.value
    assert second.verdict == "wrong" and second.given == ""
    assert card.weakest and card.drill_command == "cnnquiz drill " + " ".join(
        f"--topic {t}" for t in card.weakest)


def test_the_clock_ends_the_interview_but_the_current_question_may_be_answered(
        store: Store, clock: Clock) -> None:
    iv = make(store, clock, minutes=10, followup_rate=0.0)
    assert iv.remaining == 600
    a = iv.next()
    assert a is not None
    clock.advance(minutes=4)
    assert iv.remaining == 360
    iv.answer(right(a.question))
    b = iv.next()
    assert b is not None
    clock.advance(minutes=7)
    assert iv.remaining == 0.0
    assert iv.answer(right(b.question)).counted  # late, but the question was asked in time
    assert iv.next() is None
    card = iv.finish()
    assert card.answered == 2 and card.seconds == 660
    saved = summarize(store, now=clock).mock_interviews
    assert [(m.answered, m.minutes, m.planned) for m in saved] == [(2, 10, None)]


def test_an_unfinished_question_is_in_the_review_as_not_answered(store: Store,
                                                                 clock: Clock) -> None:
    iv = make(store, clock, count=3, followup_rate=0.0)
    a = iv.next()
    assert a is not None
    card = iv.finish()  # input ended before an answer
    assert card.answered == 0 and [r.verdict for r in card.review] == ["blank"]
    assert card.review[0].given is None


def test_an_interview_never_started_is_not_saved(store: Store, clock: Clock) -> None:
    make(store, clock, count=3).finish()
    with store.reading() as s:
        assert read_interviews(s, store.learner_id("default")) == []


@pytest.mark.parametrize(("kw", "needle"), [
    ({"minutes": None, "count": None}, "needs a time limit"),
    ({"count": 0}, "--count must be at least 1"),
    ({"minutes": -1}, "--minutes must be above 0"),
])
def test_bad_limits_are_user_errors(store: Store, clock: Clock, kw: dict[str, object],
                                    needle: str) -> None:
    with pytest.raises(CnnquizError, match=needle):
        make(store, clock, **kw)
