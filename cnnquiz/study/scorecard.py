"""The end of a mock interview: every question with its solution (the review), and the
scorecard - score, follow-ups, per-topic results, time per question against the median,
and the weakest topics with the command that drills exactly those."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cnnquiz.questions.model import Question

SLOW = 2.0  # a question that took this many times the median is named
WEAKEST = 3


@dataclass(frozen=True)
class ReviewItem:
    """One question as the review shows it, after the interview."""

    n: int
    question: Question
    followup: bool
    given: str | None  # None: not answered (time ran out or input ended)
    verdict: str  # correct | wrong | blank (not answered)
    expected: Any
    mistake: str | None
    explanation: str
    seconds: float

    def to_json(self) -> dict[str, Any]:
        q = self.question
        return {"event": "review", "n": self.n, "code": q.code, "topic": q.topic,
                "level": q.level, "followup": self.followup, "given": self.given,
                "verdict": self.verdict, "expected": self.expected, "mistake": self.mistake,
                "explanation": self.explanation, "solution": list(q.solution),
                "seconds": round(self.seconds, 1)}


@dataclass(frozen=True)
class Scorecard:
    answered: int  # main questions answered (correct or wrong)
    correct: int
    followups_asked: int
    followups_correct: int
    by_topic: dict[str, tuple[int, int]]  # main questions: topic -> (answered, correct)
    seconds: float  # the whole interview, wall clock
    median_seconds: float  # per answered question
    slow: tuple[tuple[int, float], ...]  # (n, seconds) of questions over SLOW x the median
    weakest: tuple[str, ...]  # topics, weakest first
    review: tuple[ReviewItem, ...]

    @property
    def drill_command(self) -> str | None:
        """The command that drills exactly the weakest topics."""
        if not self.weakest:
            return None
        return "cnnquiz drill " + " ".join(f"--topic {t}" for t in self.weakest)

    def to_json(self) -> dict[str, Any]:
        """The contract's scorecard event, plus the median time, slow questions and the
        drill command."""
        return {"event": "scorecard", "answered": self.answered, "correct": self.correct,
                "followups": {"asked": self.followups_asked, "correct": self.followups_correct},
                "by_topic": {t: {"answered": n, "correct": r}
                             for t, (n, r) in self.by_topic.items()},
                "seconds": round(self.seconds, 1), "weakest": list(self.weakest),
                "median_seconds": round(self.median_seconds, 1),
                "slow": [{"n": n, "seconds": round(s, 1)} for n, s in self.slow],
                "drill": self.drill_command}


def weakest(by_topic: dict[str, tuple[int, int]]) -> tuple[str, ...]:
    """Topics with a wrong answer, lowest accuracy first (more misses first on a tie)."""
    missed = [(r / n, -(n - r), t) for t, (n, r) in by_topic.items() if n > r]
    return tuple(t for *_, t in sorted(missed)[:WEAKEST])


def score(review: Sequence[ReviewItem], seconds: float) -> Scorecard:
    """The scorecard of an interview's review."""
    main = [r for r in review if not r.followup and r.verdict in ("correct", "wrong")]
    follow = [r for r in review if r.followup]
    by_topic: dict[str, tuple[int, int]] = {}
    for r in main:
        n, right = by_topic.get(r.question.topic, (0, 0))
        by_topic[r.question.topic] = (n + 1, right + (r.verdict == "correct"))
    timed = [(r.n, r.seconds) for r in review if r.verdict in ("correct", "wrong")]
    median = statistics.median(s for _, s in timed) if timed else 0.0
    slow = tuple((n, s) for n, s in timed if median and s >= SLOW * median)
    return Scorecard(len(main), sum(r.verdict == "correct" for r in main), len(follow),
                     sum(r.verdict == "correct" for r in follow), by_topic, seconds, median,
                     slow, weakest(by_topic), tuple(review))
