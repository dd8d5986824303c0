"""Every UI string exists in both languages and formats with the same fields."""

from __future__ import annotations

import string

from cnnquiz.i18n import LANGS, table, text


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_string_has_english_and_chinese() -> None:
    for key, (en, zh) in table().items():
        assert en.strip() and zh.strip(), key
        assert _fields(en) == _fields(zh), f"{key}: {en!r} vs {zh!r} take different fields"


def test_lookup_picks_the_language() -> None:
    assert text("common.correct", "en") == "correct"
    assert text("common.correct", "zh") == "正确"
    assert LANGS == ("en", "zh")
