"""The skills a learner can practise, in the order they are introduced.

A skill is what the scheduler keeps one card for: a generated template at one
level ("conv.output_size@2"), or one concept-bank entry ("bank:<id>"). New skills
come in topic-map order; within a topic, level by level, alternating generated
and concept questions so a topic's arithmetic and its "why" are learnt together.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cnnquiz.errors import CnnquizError
from cnnquiz.i18n import Lang
from cnnquiz.questions import generate
from cnnquiz.questions.model import Question
from cnnquiz.topics import BY_SLUG, ORDER


@dataclass(frozen=True)
class Skill:
    key: str  # the card key, equal to Question.skill of every instance
    topic: str
    level: int
    template: str | None = None  # generated skills
    bank_id: str | None = None  # concept skills
    order: tuple[int, ...] = ()  # introduction order (smaller first)

    def instance(self, rng: random.Random, lang: Lang,
                 bank_dirs: Sequence[str | Path] = ()) -> Question:
        """A fresh question of this skill: new numbers for generated ones, a new order of
        the options for concept ones."""
        if self.template is not None:
            return generate.make(self.template, self.level, rng.getrandbits(32), lang)
        from cnnquiz import bank

        assert self.bank_id is not None
        return bank.question(self.bank_id, lang, bank_dirs, variant=rng.getrandbits(32))


def check_topics(topics: Sequence[str] | None) -> list[str]:
    """The topic filter, validated (a typo should not silently mean "nothing to study")."""
    chosen = list(topics or ())
    unknown = [t for t in chosen if t not in BY_SLUG]
    if unknown:
        raise CnnquizError(f"unknown topic {unknown[0]!r}; known: {', '.join(BY_SLUG)}")
    return chosen


def catalogue(topics: Sequence[str] | None = None, *, bank_dirs: Sequence[str | Path] = (),
              include_bank: bool = True) -> tuple[list[Skill], list[str]]:
    """Every skill of `topics` (all when empty) in introduction order, and warnings.

    A concept bank that fails to load does not stop practice: its skills are left
    out and the reason is returned as a warning for the caller to show.
    """
    wanted = check_topics(topics) or None
    skills: list[Skill] = []
    rank: dict[tuple[str, int], int] = {}
    for tpl in generate.listing(wanted):
        for level in tpl.levels:
            n = rank[(tpl.topic, level)] = rank.get((tpl.topic, level), -1) + 1
            skills.append(Skill(f"{tpl.id}@{level}", tpl.topic, level, template=tpl.id,
                                order=(ORDER[tpl.topic], level, n, 0)))
    warnings: list[str] = []
    if include_bank:
        try:
            from cnnquiz import bank

            entries = bank.entries(extra=bank_dirs)
            warnings += [f"concept bank: {w}" for w in bank.get_bank(bank_dirs).skipped]
        except CnnquizError as exc:
            entries = []
            warnings.append(f"concept questions left out: {exc}")
        seen: dict[tuple[str, int], int] = {}
        for e in entries:
            if wanted is not None and e.topic not in wanted:
                continue
            n = seen[(e.topic, e.level)] = seen.get((e.topic, e.level), -1) + 1
            skills.append(Skill(f"bank:{e.id}", e.topic, e.level, bank_id=e.id,
                                order=(ORDER[e.topic], e.level, n, 1)))
    skills.sort(key=lambda s: s.order)
    return skills, warnings
