"""What a study loop hands back for one answer: the saved Outcome, or a Reveal to rate.

Every face (the Textual app, `cnnquiz drill`, the interview) shows these values, and
the session summary counts them; they live apart from the loop so that a face or a
summary can name them, and the give-up words, without importing the loop itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cnnquiz.questions.model import Question, Verdict

GAVE_UP = "answer shown without an attempt"
GIVE_UP_LINE = "?"  # what a learner types to see the answer


@dataclass(frozen=True)
class Outcome:
    """A graded, saved answer: what to show the learner."""

    n: int
    question: Question
    verdict: Verdict
    counted: bool  # correct or wrong: a review; False: unreadable/blank, ask again
    rating: int | None  # the FSRS rating this review got (1 Again .. 4 Easy)
    due: datetime | None  # when this skill comes back
    attempt_uid: str
    chosen_why: tuple[str, ...] = ()  # choice questions: why each chosen option is right/wrong
    hinted: bool = False  # a hint was shown before this answer (rated Hard at best)
    mistake_words: str | None = None  # the named mistake in words, as stats lists it

    @property
    def solution(self) -> list[str]:
        return self.question.solution

    @property
    def gave_up(self) -> bool:
        return self.verdict.explanation == GAVE_UP


@dataclass(frozen=True)
class Reveal:
    """A concept short answer's model answer and key points, shown before self-rating."""

    answer: str
    key_points: tuple[str, ...]


def chosen_whys(q: Question, verdict: Verdict) -> tuple[str, ...]:
    """Choice questions: why each option the learner chose is right or wrong."""
    if not q.options or verdict.parsed is None:
        return ()
    chosen = verdict.parsed if isinstance(verdict.parsed, list) else [verdict.parsed]
    letters = {str(c).strip().upper() for c in chosen}
    out: list[str] = []
    for o in q.options:
        if o.letter.upper() in letters and o.why and o.why not in out:
            out.append(o.why)
    return tuple(out)
