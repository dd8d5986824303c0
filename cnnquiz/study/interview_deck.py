"""What a mock interview asks: a mixed set across topics and levels, and "why" follow-ups.

Main questions are generated ones, topics taken in a shuffled round so a short
interview still covers many, each topic's templates in a shuffled round too, levels
weighted towards the interview level (2). A follow-up is a concept question of the
bank that names the template just answered (its `templates` field), auto-graded
(choice or true/false: no solution may be shown during the interview), and never
asked twice in one interview.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

from cnnquiz.errors import CnnquizError
from cnnquiz.i18n import Lang
from cnnquiz.questions import generate
from cnnquiz.questions.model import Question
from cnnquiz.questions.template import Template

LEVEL_WEIGHTS = {1: 1, 2: 2, 3: 1}
FOLLOWUP_KINDS = ("choice", "truefalse")
NUMERIC = ("int", "float", "shape", "matrix")


class InterviewDeck:
    def __init__(self, rng: random.Random, lang: Lang, *, topics: Sequence[str] = (),
                 bank_dirs: Sequence[str | Path] = ()) -> None:
        self.rng, self.lang, self.bank_dirs = rng, lang, list(bank_dirs)
        by_topic: dict[str, list[Template]] = {}
        for tpl in generate.templates(topics or None):
            by_topic.setdefault(tpl.topic, []).append(tpl)
        if not by_topic:
            raise CnnquizError("no questions for those topics")
        self.by_topic = by_topic
        self._topics: list[str] = []
        self._templates: dict[str, list[Template]] = {}
        self.warnings: list[str] = []
        self.followups = self._followups()
        self._used: set[str] = set()

    def main(self) -> Question:
        """The next main question: the next topic of the round, one of its templates."""
        if not self._topics:
            self._topics = list(self.by_topic)
            self.rng.shuffle(self._topics)
        topic = self._topics.pop()
        pool = self._templates.get(topic)
        if not pool:
            pool = self._templates[topic] = list(self.by_topic[topic])
            self.rng.shuffle(pool)
        tpl = pool.pop()
        levels = list(tpl.levels)
        level = self.rng.choices(levels, [LEVEL_WEIGHTS.get(lv, 1) for lv in levels])[0]
        return generate.make(tpl, level, self.rng.getrandbits(32), self.lang)

    def followup(self, q: Question) -> Question | None:
        """A "why" question on the skill `q` drills (None when the bank has none left)."""
        if q.answer.kind not in NUMERIC:
            return None
        fresh = [e for e in self.followups.get(q.template, ()) if e not in self._used]
        if not fresh:
            return None
        entry = self.rng.choice(sorted(fresh))
        self._used.add(entry)
        from cnnquiz import bank

        return bank.question(entry, self.lang, self.bank_dirs, variant=self.rng.getrandbits(32))

    def _followups(self) -> dict[str, list[str]]:
        """Template id -> ids of the auto-graded concept entries that name it."""
        try:
            from cnnquiz import bank

            entries = bank.entries(extra=self.bank_dirs)
        except CnnquizError as exc:  # a broken extra bank: interview without follow-ups
            self.warnings.append(f"follow-up questions left out: {exc}")
            return {}
        out: dict[str, list[str]] = {}
        for e in entries:
            if e.kind in FOLLOWUP_KINDS:
                for tid in e.entry.templates:
                    out.setdefault(tid, []).append(e.id)
        return out
