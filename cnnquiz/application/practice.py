"""Narrowing a study session: one level only, or exactly the skills a learner asked for
(the stats screen's "practise the weakest")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cnnquiz.study.skills import Skill


def pick_skills(topics: Sequence[str], bank_dirs: Sequence[str], *, keys: Sequence[str] = (),
                level: int | None = None) -> list[Skill] | None:
    """The skills of `topics` with one of `keys` and at `level` (None: no narrowing asked)."""
    if not keys and level is None:
        return None
    from cnnquiz.errors import CnnquizError
    from cnnquiz.study.skills import catalogue

    wanted = set(keys)
    skills, _ = catalogue(list(topics), bank_dirs=bank_dirs)
    chosen = [s for s in skills
              if (not wanted or s.key in wanted) and (level is None or s.level == level)]
    if not chosen:
        raise CnnquizError("no skill matches that choice of topics, level and skills")
    return chosen
