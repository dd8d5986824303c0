"""The skills of one given network (`drill --network`): one per kind of question it can
answer, each instance a fresh question about that same network."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cnnquiz.i18n import Lang
from cnnquiz.questions import network_questions
from cnnquiz.questions.model import Question
from cnnquiz.questions.network_case import NetworkCase
from cnnquiz.study.skills import Skill
from cnnquiz.topics import ORDER


@dataclass(frozen=True)
class NetworkSkill(Skill):
    case: NetworkCase | None = field(default=None, compare=False, repr=False)

    def instance(self, rng: random.Random, lang: Lang,
                 bank_dirs: Sequence[str | Path] = ()) -> Question:
        assert self.template is not None and self.case is not None
        return network_questions.make(self.template, self.case, rng.getrandbits(32), lang)


def network_skills(case: NetworkCase) -> list[Skill]:
    """The questions `case` can be asked, in introduction order (by level, then topic)."""
    out: list[Skill] = []
    for i, ask in enumerate(network_questions.asks_for(case)):
        tpl = ask.template
        level = tpl.levels[0]
        out.append(NetworkSkill(f"{tpl.id}@{level}", tpl.topic, level, template=tpl.id,
                                order=(level, ORDER[tpl.topic], i, 0), case=case))
    return sorted(out, key=lambda s: s.order)
