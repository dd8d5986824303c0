"""Mock interviews in the store: saved, read back oldest first with their trend, and
carried losslessly by export and import."""

from __future__ import annotations

from datetime import timedelta

from cnnquiz.store.interviews import InterviewRecord, read_interviews, save_interview, trend
from cnnquiz.store.report import render
from cnnquiz.store.stats import summarize
from cnnquiz.store.store import Store
from cnnquiz.store.transfer import export_data, import_data
from tests.store.helpers import START, Clock, new_store


def record(day: int, correct: int, answered: int = 10) -> InterviewRecord:
    start = START + timedelta(days=day)
    return InterviewRecord(start, start + timedelta(minutes=30), 30.0, None, answered, correct,
                           3, 2, 1800.0, {"output-size": (answered, correct)},
                           ("output-size",) if correct < answered else ())


def test_saved_interviews_come_back_with_their_trend(store: Store, clock: Clock) -> None:
    lid = store.learner_id("ana")
    for day, correct in ((2, 7), (0, 4), (1, 5), (3, 9)):
        save_interview(store, lid, record(day, correct))
    with store.reading() as s:
        got = read_interviews(s, lid)
    assert [r.correct for r in got] == [4, 5, 7, 9]  # oldest first
    assert got[0].by_topic == {"output-size": (10, 4)} and got[-1].weakest == ("output-size",)
    assert trend(got) == 35.0  # (7 + 9)/2 - (4 + 5)/2 tenths = 35 points
    assert trend(got[:1]) is None
    summary = summarize(store, "ana", now=clock)
    assert summary.to_json()["mock_interview_trend"] == 35.0
    assert "trend: +35 points" in render(summary)


def test_export_import_round_trip_keeps_interviews(store: Store, clock: Clock,
                                                   tmp_path: object) -> None:
    save_interview(store, store.learner_id("ana"), record(0, 6))
    doc = export_data(store)
    assert doc["learners"][0]["interviews"][0]["correct"] == 6
    other = new_store(str(tmp_path) + "/other.sqlite3", clock)  # type: ignore[operator]
    try:
        report = import_data(other, doc, "export.json")
        assert report.added["interviews"] == 1
        assert export_data(other) == doc
        again = import_data(other, doc, "export.json")
        assert again.added["interviews"] == 0 and again.skipped["interviews"] == 1
    finally:
        other.close()


def test_an_export_without_interviews_still_imports(store: Store) -> None:
    store.learner_id("ana")
    doc = export_data(store)
    del doc["learners"][0]["interviews"]  # as cnnquiz before mock interviews wrote it
    assert import_data(store, doc, "old.json").added.get("interviews", 0) == 0


def test_a_hand_edited_topic_is_left_out_and_the_others_still_show(store: Store) -> None:
    from sqlalchemy import update

    from cnnquiz.store.models import MockInterview

    lid = store.learner_id("ana")
    save_interview(store, lid, record(0, 6))
    edited = ('{"output-size": {"answered": 10, "correct": 6}, "pooling": {"answered": "ten"},'
              ' "params": [1, 2], "conv1d": {"answered": 3, "correct": true}}')
    store.write(lambda s: s.execute(update(MockInterview).values(by_topic=edited)))
    with store.reading() as s:
        assert read_interviews(s, lid)[0].by_topic == {"output-size": (10, 6)}
    store.write(lambda s: s.execute(update(MockInterview).values(by_topic="{not json")))
    with store.reading() as s:
        got = read_interviews(s, lid)[0]
    assert got.by_topic == {} and got.correct == 6  # the rest of the interview still shows
