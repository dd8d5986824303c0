"""Issue 12, stats that mean something: recall as FSRS predicts it now, mistakes in
words, the interview date and days left, aligned Chinese columns, known learners."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from cnnquiz.application import parse_interview
from cnnquiz.errors import CnnquizError
from cnnquiz.store.labels import cells, mistake_label
from cnnquiz.store.report import render
from cnnquiz.store.scheduler import INTERVIEW_DATE, Planner
from cnnquiz.store.stats import Progress, summarize
from cnnquiz.store.store import Store
from tests.store.helpers import START, Clock, attempt, cli

PLAN = Planner(fuzzing=False, tz=START.tzinfo)


def test_mastery_shows_recall_now_not_100_percent(store: Store, clock: Clock) -> None:
    lid = store.learner_id()
    store.record(lid, attempt("conv.output_size@1", "wrong", when=clock.t), planner=PLAN)
    store.record(lid, attempt("pool.output@1", "correct", topic="pooling", when=clock.t),
                 planner=PLAN)
    clock.advance(hours=6)
    recall = {k.skill: k.recall for k in summarize(store, now=clock, tz=START.tzinfo).skills}
    assert recall["conv.output_size@1"] < 0.9  # failed six hours ago: not 100%
    assert recall["conv.output_size@1"] < recall["pool.output@1"] < 1.0
    card = store.cards(lid)["conv.output_size@1"]
    assert card.due < clock.t  # overdue, so below the retention FSRS aims for
    assert recall["conv.output_size@1"] < PLAN.desired_retention


def test_recall_is_the_fsrs_forgetting_curve_in_whole_days(store: Store, clock: Clock) -> None:
    lid = store.learner_id()
    store.record(lid, attempt(when=clock.t), planner=PLAN, self_rating=3)
    card = store.cards(lid)["conv.output_size@2"]
    later = clock.t + timedelta(days=3)
    assert PLAN.retrievability(card, later) == pytest.approx(
        PLAN.fsrs.get_card_retrievability(card.to_fsrs(), later), rel=1e-12)


def test_mistakes_are_shown_in_words_in_both_languages() -> None:
    s = Progress("default", attempts=5, correct=1, by_topic={"pooling": (5, 1)},
                mistakes={"forgot-plus-one": 3, "bank:pooling-has-no-parameters:A": 2,
                          "bank:pooling-keeps-channels:B": 1})
    en, zh = render(s, "en"), render(s, "zh")
    assert "bank:" not in en and "forgot-plus-one" not in en
    assert "You forgot the +1" in en
    assert "judged “A 3x3 max-pooling layer learns 9 weights" in en and "” true" in en
    assert re.search(r"chose “[^”]+” for “AlexNet applies", en)
    assert "漏了 +1" in zh and "判为对" in zh and "bank:" not in zh
    assert mistake_label("no-such-slug", "en") == "no such slug"


def test_chinese_stats_are_in_chinese_and_aligned_by_display_width() -> None:
    s = Progress("default", attempts=9, correct=4, streak_days=2,
                by_topic={"conv1d": (4, 2), "receptive-field": (3, 1), "params": (2, 1)})
    zh = render(s, "zh")
    for word in ("学习进度", "作答 9 次", "各主题正确率", "现在到期"):
        assert word in zh
    assert "accuracy by topic" not in zh and "attempts" not in zh
    rows = [line for line in zh.splitlines() if "#" in line or "...." in line]
    assert len(rows) == 3
    starts = {cells(line[:line.index(next(c for c in line if c in "#."))]) for line in rows}
    assert len(starts) == 1  # every bar starts in the same terminal column


def test_interview_date_and_days_left_in_text_and_json(store: Store, clock: Clock) -> None:
    lid = store.learner_id()
    store.set_setting(lid, INTERVIEW_DATE, (START + timedelta(days=10)).date().isoformat())
    store.record(lid, attempt(when=clock.t), planner=PLAN)
    s = summarize(store, now=clock, tz=START.tzinfo)
    assert (s.interview, s.days_left) == (date(2025, 3, 13), 10)
    data = s.to_json()
    assert (data["interview"], data["days_left"]) == ("2025-03-13", 10)
    assert "interview on 2025-03-13: 10 days left" in render(s, "en")
    assert "面试日期 2025-03-13：还剩 10 天" in render(s, "zh")
    none = summarize(store, "nobody", now=clock, tz=START.tzinfo).to_json()
    assert (none["interview"], none["days_left"]) == (None, None)


def test_a_past_interview_date_is_refused() -> None:
    today = date(2025, 3, 3)
    assert parse_interview("2025-03-03", today) == today  # the interview is today
    with pytest.raises(CnnquizError, match="in the past"):
        parse_interview("2025-03-02", today)


def test_cli_interview_past_refused_and_stats_show_days_left(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    past = cli("drill", "--interview", "2001-01-01", db=db, input="")
    assert past.returncode == 1 and "in the past" in past.stderr
    soon = (date.today() + timedelta(days=5)).isoformat()
    assert cli("drill", "--interview", soon, "--count", "1", db=db, input="").returncode == 0
    data = json.loads(cli("stats", "--json", db=db).stdout)
    assert data["interview"] == soon and data["days_left"] in (4, 5)  # midnight may pass
    assert f"interview on {soon}" in cli("stats", db=db).stdout


def test_unknown_learner_lists_the_learners_and_an_empty_name_is_refused(
        tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    for name in ("alice", "bob"):
        assert cli("drill", "--learner", name, "--count", "1", db=db, input="").returncode == 0
    out = cli("stats", "--learner", "alcie", db=db)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "no learner called 'alcie'" in out.stderr and "alice, bob" in out.stderr
    assert cli("stats", "--learner", "bob", db=db).returncode == 0
    empty = cli("stats", "--learner", "", db=db)
    assert empty.returncode == 1 and "--learner needs a name" in empty.stderr
    assert cli("drill", "--learner", " ", db=db, input="").returncode == 1
