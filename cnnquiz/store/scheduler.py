"""FSRS scheduling of skills: ratings from outcomes, and the interview-date plan.

One FSRS card per skill ("template@level", or "bank:<id>"); every review of a skill
draws a fresh instance, so what FSRS models is the skill, not a memorised number.

Ratings come from the outcome, since nobody should have to rate an arithmetic
answer: wrong -> Again; right -> Good, Hard when clearly slower than the learner's
usual time on that skill, Easy when clearly faster. Concept short answers are
rated by the learner (1-4).

With an interview date, no interval reaches past the day before the interview
(or the interview morning, once that day has begun), so every studied skill is
reviewed shortly before it; in the last FINAL_DAYS days the queue also counts as
due every studied skill that would not be fresh on the day, weakest first.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TypeVar

from fsrs import Card, Rating, Scheduler, State

from cnnquiz.store.errors import SettingsError

FINAL_DAYS = 3
SLOW_FACTOR, SLOW_MARGIN_S = 1.5, 10.0  # slower than this vs. the usual time -> Hard
FAST_FACTOR = 0.6  # faster than this fraction of the usual time -> Easy
MIN_HISTORY = 2  # correct answers on a skill before its speed says anything

# Setting keys (text values) that shape the plan; see Planner.from_settings.
INTERVIEW_DATE = "interview_date"  # YYYY-MM-DD
FUZZING = "fuzzing"  # "on" (default) | "off"
RETENTION = "desired_retention"  # 0.7-0.97, default 0.9

T = TypeVar("T")


@dataclass(frozen=True)
class CardState:
    """What the store keeps per skill: the `fsrs.Card` fields plus counters."""

    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    reps: int = 0
    lapses: int = 0

    @property
    def studied(self) -> bool:
        return self.last_review is not None

    def to_fsrs(self) -> Card:
        return Card(card_id=1, state=State(self.state), step=self.step, stability=self.stability,
                    difficulty=self.difficulty, due=self.due, last_review=self.last_review)


def rate(verdict: str, seconds: float, usual: Sequence[float]) -> Rating:
    """The FSRS rating an auto-graded outcome earns; `usual`: earlier correct times."""
    if verdict != "correct":
        return Rating.Again
    if len(usual) < MIN_HISTORY:
        return Rating.Good
    median = statistics.median(usual)
    if seconds > max(SLOW_FACTOR * median, median + SLOW_MARGIN_S):
        return Rating.Hard
    if seconds < FAST_FACTOR * median:
        return Rating.Easy
    return Rating.Good


def interview_date(settings: Mapping[str, str]) -> date | None:
    """The saved interview date (None when unset); SettingsError when it is not a date."""
    if not settings.get(INTERVIEW_DATE):
        return None
    return _setting(settings, INTERVIEW_DATE, date.fromisoformat, "a date like 2025-06-30")


def _on_off(text: str) -> bool:
    word = text.strip().lower()
    if word not in _SWITCH:
        raise ValueError(text)
    return _SWITCH[word]


_SWITCH = {"on": True, "true": True, "1": True, "off": False, "false": False, "0": False}


def _setting(settings: Mapping[str, str], key: str, read: Callable[[str], T], want: str,
             default: str = "") -> T:
    text = settings.get(key, default)
    try:
        return read(text)
    except ValueError:
        raise SettingsError(f"the stored setting {key} = {text[:40]!r} is not {want}; "
                            "set it again") from None


def local_day(when: datetime, tz: tzinfo | None = None) -> date:
    """The learner's calendar date of `when` (`tz` None: the machine's zone)."""
    return when.astimezone(tz).date()


class Planner:
    """FSRS with the learner's settings: fuzzing, desired retention, interview date."""

    def __init__(self, *, fuzzing: bool = True, desired_retention: float = 0.9,
                 interview: date | None = None, tz: tzinfo | None = None) -> None:
        self.fsrs = Scheduler(desired_retention=desired_retention, enable_fuzzing=fuzzing)
        self.interview = interview
        self.tz = tz
        self.desired_retention = desired_retention

    @classmethod
    def from_settings(cls, settings: Mapping[str, str], *, tz: tzinfo | None = None,
                      fuzzing: bool | None = None) -> Planner:
        """The plan a learner's settings describe; a malformed value is a SettingsError
        (a plan without the interview date the learner set would mislead them)."""
        interview = interview_date(settings)
        retention = _setting(settings, RETENTION, float, "a number like 0.9", "0.9")
        if fuzzing is None:
            fuzzing = _setting(settings, FUZZING, _on_off, "on or off", "on")
        return cls(fuzzing=fuzzing, desired_retention=min(0.97, max(0.7, retention)),
                   interview=interview, tz=tz)

    def zone(self) -> tzinfo:
        """The learner's time zone (the machine's when none was given)."""
        return self.tz or datetime.now().astimezone().tzinfo or UTC

    def today_start(self, now: datetime) -> datetime:
        return datetime.combine(local_day(now, self.zone()), time(0), tzinfo=self.zone())

    def interview_start(self) -> datetime | None:
        """The interview day's local midnight, in UTC."""
        if self.interview is None:
            return None
        return datetime.combine(self.interview, time(0), tzinfo=self.zone()).astimezone(UTC)

    def review(self, card: CardState | None, rating: int, when: datetime,
               duration_ms: int | None = None) -> CardState:
        """The card after one review at `when` (a new card when `card` is None)."""
        when = when.astimezone(UTC)
        before = card or CardState(State.Learning.value, 0, None, None, when, None)
        after, _log = self.fsrs.review_card(before.to_fsrs(), Rating(rating), when, duration_ms)
        lapsed = rating == Rating.Again and before.state == State.Review.value
        return CardState(
            int(after.state), after.step, after.stability, after.difficulty,
            self._cap(after.due, when), after.last_review, before.reps + 1,
            before.lapses + int(lapsed),
        )

    def _cap(self, due: datetime, when: datetime) -> datetime:
        start = self.interview_start()
        if start is None or when >= start:
            return due
        eve = start - timedelta(days=1)
        return min(due, eve if when < eve else start)

    def retrievability(self, card: CardState, at: datetime) -> float:
        """Predicted chance of getting this skill right at `at` (0 for unstudied).

        FSRS's forgetting curve, R = (1 + F * t / S) ** D with py-fsrs's own F and D,
        at the time elapsed to the second: `Scheduler.get_card_retrievability` counts
        whole days, so every skill reviewed less than a day ago read as 100%, even one
        failed hours ago whose stability is a few hours.
        """
        if card.last_review is None or not card.stability:
            return 0.0
        decay = -float(self.fsrs.parameters[20])
        factor = 0.9 ** (1 / decay) - 1
        days = max(0.0, (at.astimezone(UTC) - card.last_review).total_seconds() / 86400)
        return float((1 + factor * days / card.stability) ** decay)

    def in_final_days(self, now: datetime) -> bool:
        start = self.interview_start()
        return start is not None and start - timedelta(days=FINAL_DAYS) <= now < start

    def is_due(self, card: CardState, now: datetime) -> bool:
        """Due by FSRS; or, in the last days, not going to be fresh on the interview day
        and not yet reviewed today (so a weak skill comes back once a day, not in a loop)."""
        if card.due <= now:
            return True
        start = self.interview_start()
        if start is None or not card.studied or not self.in_final_days(now):
            return False
        assert card.last_review is not None
        return card.last_review < self.today_start(now) and (
            card.due > start or self.retrievability(card, start) < self.desired_retention
        )
