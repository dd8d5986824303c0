"""Stats name skills in words: a template's title and level, not its id."""

from __future__ import annotations

from datetime import UTC, datetime

from cnnquiz.store.labels import skill_label
from cnnquiz.store.report import render
from cnnquiz.store.stats import Progress, SkillMastery

DUE = datetime(2025, 3, 1, tzinfo=UTC)


def mastery(skill: str) -> SkillMastery:
    return SkillMastery(skill, "output-size", "learning", 0.4, 1.0, 1, 0, DUE)


def test_the_mastery_list_shows_template_titles_in_both_languages() -> None:
    s = Progress("default", attempts=1, skills=[mastery("conv.output_size@2")])
    en, zh = render(s, "en"), render(s, "zh")
    assert "Convolution output shape, level 2" in en and "conv.output_size@2" not in en
    assert "卷积输出尺寸（难度 2）" in zh


def test_an_unknown_skill_keeps_its_key() -> None:
    assert skill_label("no.such_template@1", "en") == "no.such_template@1"
    assert skill_label("bank:no-such-entry", "zh") == "bank:no-such-entry"
