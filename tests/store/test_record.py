"""Recording attempts: committed on return, reviews only for real attempts, learners apart."""

from __future__ import annotations

from cnnquiz.store.db import open_store
from cnnquiz.store.scheduler import Planner
from cnnquiz.store.store import Store
from cnnquiz.store.transfer import export_data
from tests.store.helpers import Clock, attempt

PLAN = Planner(fuzzing=False)


def test_a_recorded_attempt_is_visible_to_another_session(store: Store, target: str) -> None:
    lid = store.learner_id()
    saved = store.record(lid, attempt(), planner=PLAN)
    with open_store(target, write=False) as other:  # a separate engine: only committed data
        doc = export_data(other)
    (person,) = doc["learners"]
    assert [a["uid"] for a in person["attempts"]] == [saved.attempt_uid]
    assert [c["skill"] for c in person["cards"]] == ["conv.output_size@2"]
    assert person["reviews"][0]["attempt_uid"] == saved.attempt_uid


def test_unreadable_and_blank_answers_are_kept_but_not_reviews(store: Store, clock: Clock) -> None:
    lid = store.learner_id()
    for verdict in ("unreadable", "blank"):
        saved = store.record(lid, attempt(verdict=verdict, given="??", when=clock.advance(seconds=1)),
                             planner=None)
        assert saved.rating is None and saved.card is None
    assert store.cards(lid) == {}
    person = export_data(store)["learners"][0]
    assert [a["verdict"] for a in person["attempts"]] == ["unreadable", "blank"]
    assert person["reviews"] == []


def test_rating_follows_the_outcome_and_the_usual_time(store: Store, clock: Clock) -> None:
    lid = store.learner_id()
    ratings = []
    for verdict, secs in [("correct", 20), ("correct", 20), ("correct", 20), ("correct", 60),
                          ("correct", 5), ("wrong", 5)]:
        clock.advance(hours=1)
        ratings.append(store.record(lid, attempt(verdict=verdict, seconds=secs, when=clock.t),
                                    planner=PLAN).rating)
    assert ratings == [3, 3, 3, 2, 4, 1]
    card = store.cards(lid)["conv.output_size@2"]
    assert card.reps == 6 and card.last_review == clock.t


def test_self_rating_is_used_as_given(store: Store) -> None:
    lid = store.learner_id()
    saved = store.record(lid, attempt("bank:why-pool", verdict="correct", topic="pooling"),
                         planner=PLAN, self_rating=4)
    assert saved.rating == 4 and saved.card is not None and saved.card.state == 2


def test_learners_keep_separate_progress(store: Store) -> None:
    ana, ben = store.learner_id("ana"), store.learner_id("ben")
    assert ana != ben and store.learner_id("ana") == ana
    store.record(ana, attempt(), planner=PLAN)
    assert list(store.cards(ana)) == ["conv.output_size@2"] and store.cards(ben) == {}
    store.set_setting(ben, "interview_date", "2025-06-30")
    assert store.settings(ana) == {} and store.settings(ben) == {"interview_date": "2025-06-30"}
    store.set_setting(ben, "interview_date", None)
    assert store.settings(ben) == {}
    assert store.learners() == ["ana", "ben"]


def test_sessions_count_reviews_and_end(store: Store, clock: Clock) -> None:
    lid = store.learner_id()
    uid = store.start_session(lid, ["output-size"], 5)
    a = attempt()
    store.record(lid, type(a)(**{**a.__dict__, "session_uid": uid}), planner=PLAN)
    store.record(lid, type(a)(**{**a.__dict__, "session_uid": uid, "verdict": "unreadable"}),
                 planner=None)
    clock.advance(minutes=3)
    store.end_session(uid)
    (session,) = export_data(store)["learners"][0]["sessions"]
    assert (session["answered"], session["planned"], session["topics"]) == (1, 5, "output-size")
    assert session["ended_at"] == clock.t.isoformat()
