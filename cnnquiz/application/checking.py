"""Checking a filled answer sheet: grade it against its set, then save it as practice.

`check` is what every face calls (the CLI with a file or stdin, the app's check screen
with typed lines): set code or set file plus the sheet's text in, a `Report` out.
`record` turns the graded answers into attempts, so a sheet done on paper counts
like a drill: each correct or wrong answer is a review of its skill. A sheet has no
timing, so its attempts carry 0 seconds (the store leaves them out of answer times).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from cnnquiz.application.questions import read_set
from cnnquiz.i18n import Lang

if TYPE_CHECKING:
    from cnnquiz.questions.sheets import Report
    from cnnquiz.store.store import Store

#: how a paper answer rates as a review: right is Good, wrong is Again (no timing to refine it)
RATING = {"correct": 3, "wrong": 1}


def check(set_ref: str, text: str, lang: Lang, bank_dirs: Sequence[str] = ()) -> Report:
    """Grade the answers in `text` (`N: answer` lines or JSON) against the set that
    `set_ref` names (a set JSON file or a set code). Short concept answers come back as
    "self" with their model answer; the report also says which numbers were repeated
    and which lines were ignored."""
    from cnnquiz.questions import sheets

    qset = read_set(set_ref, lang, bank_dirs)
    return sheets.check(qset, sheets.parse_sheet(text))


def record(store: Store, learner: str, report: Report,
           now: Callable[[], datetime] | None = None) -> int:
    """Save every correct or wrong answer of `report` as an attempt and a review of its
    skill, in one study session; returns how many were saved (blank, unreadable and
    self-checked answers are not practice of anything)."""
    from cnnquiz.store.recording import AttemptIn
    from cnnquiz.store.scheduler import Planner, local_day

    when = (now or (lambda: datetime.now(UTC)))()
    graded = [(q, v) for q, (_, v) in zip(report.questions, report.results, strict=True)
              if v.verdict in RATING]
    if not graded:
        return 0
    learner_id = store.learner_id(learner)
    planner = Planner.from_settings(store.settings(learner_id))
    session = store.start_session(learner_id, sorted({q.topic for q, _ in graded}), len(graded))
    for q, v in graded:
        attempt = AttemptIn(code=q.code, template=q.template, topic=q.topic, level=q.level,
                            skill=q.skill, given=v.given, verdict=v.verdict, mistake=v.mistake,
                            seconds=0.0, answered_at=when, day=local_day(when, planner.zone()),
                            session_uid=session)
        store.record(learner_id, attempt, planner=planner, self_rating=RATING[v.verdict])
    store.end_session(session)
    return len(graded)
