"""What one study session came to, for the screen that ends it.

Built from the session's own outcomes (already saved), so it needs no store
query: the score, the help used (hints, answers shown), each topic's score in
the order the topics came, the mistakes named most often (in words), and when
the first of the skills just reviewed comes back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cnnquiz.study.outcome import Outcome


@dataclass(frozen=True)
class SessionSummary:
    answered: int
    correct: int
    hinted: int  # answers given after a hint
    gave_up: int  # answers shown with `?`
    seconds: float  # from the first question shown to now
    by_topic: tuple[tuple[str, int, int], ...]  # (topic, answered, correct), first seen first
    mistakes: tuple[tuple[str, int], ...]  # (mistake in words, times), most frequent first
    next_due: datetime | None  # the earliest return of a skill reviewed in this session


def summarize(outcomes: Sequence[Outcome], seconds: float) -> SessionSummary:
    """The summary of the counted `outcomes` (correct or wrong) of one session."""
    topics: dict[str, list[int]] = {}
    for o in outcomes:
        row = topics.setdefault(o.question.topic, [0, 0])
        row[0] += 1
        row[1] += o.verdict.verdict == "correct"
    named = Counter(o.mistake_words for o in outcomes if o.mistake_words)
    dues = [o.due for o in outcomes if o.due is not None]
    return SessionSummary(
        answered=len(outcomes),
        correct=sum(o.verdict.verdict == "correct" for o in outcomes),
        hinted=sum(o.hinted for o in outcomes),
        gave_up=sum(o.gave_up for o in outcomes),
        seconds=max(0.0, seconds),
        by_topic=tuple((t, n, r) for t, (n, r) in topics.items()),
        mistakes=tuple(named.most_common()),
        next_due=min(dues) if dues else None)
