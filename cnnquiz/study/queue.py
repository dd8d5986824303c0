"""Which skill to practise next.

1. Due skills first: most overdue first; in the last days before an interview,
   weakest first (lowest predicted recall on the interview day).
2. Then new skills, in introduction order (topic map, level, generated/concept
   alternating; see skills.catalogue).
3. When nothing is due and everything has been seen, practise ahead: the skill
   due soonest.

The skill just asked is never asked again straight away while anything else is
available, so a missed skill comes back after others (interleaving), not at once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from cnnquiz.store.scheduler import CardState, Planner
from cnnquiz.study.skills import Skill

Reason = Literal["due", "new", "ahead"]


@dataclass(frozen=True)
class Pick:
    skill: Skill
    reason: Reason


def ordered(skills: Sequence[Skill], cards: Mapping[str, CardState], planner: Planner,
            now: datetime) -> list[Pick]:
    """Every skill of `skills` in the order it would be offered now."""
    known = [(s, cards[s.key]) for s in skills if s.key in cards]
    due = [(s, c) for s, c in known if planner.is_due(c, now)]
    start = planner.interview_start()
    if start is not None and planner.in_final_days(now):
        due.sort(key=lambda sc: (planner.retrievability(sc[1], start), sc[1].due, sc[0].order))
    else:
        due.sort(key=lambda sc: (sc[1].due, sc[0].order))
    due_keys = {s.key for s, _ in due}
    later = sorted(((s, c) for s, c in known if s.key not in due_keys),
                   key=lambda sc: (sc[1].due, sc[0].order))
    return ([Pick(s, "due") for s, _ in due]
            + [Pick(s, "new") for s in skills if s.key not in cards]
            + [Pick(s, "ahead") for s, _ in later])


def choose(skills: Sequence[Skill], cards: Mapping[str, CardState], planner: Planner,
           now: datetime, last: str | None = None) -> Pick | None:
    """The next skill to practise (None when `skills` is empty)."""
    picks = ordered(skills, cards, planner, now)
    for pick in picks:
        if pick.skill.key != last:
            return pick
    return picks[0] if picks else None
