"""Reasons for an unreadable or wrong answer in the question's language.

The readers raise their reasons in English (one phrasing per case, some with
values: a position, a name); a zh question's verdict should explain in Chinese,
as its mistakes already do. Each English reason is matched against the
templates of cnnquiz/i18n/reasons.py and the Chinese template is filled with the
same values; a reason that matches none (a bank option's `why`, already in the
question's language) is returned unchanged.
"""

from __future__ import annotations

import re
import string
from functools import cache

from cnnquiz.i18n import Lang, table

FACE = "reasons."


def localize(reason: str, lang: Lang) -> str:
    """`reason` (an English reader message) in `lang`."""
    if lang == "en" or not reason:
        return reason
    for pattern, zh in _patterns():
        found = pattern.fullmatch(reason)
        if found:
            values = {k: v.replace(" and ", "、") for k, v in found.groupdict().items()}
            return zh.format(**values)
    return reason


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for key, (en, zh) in table().items():
        if key.startswith(FACE):
            out.append((_regex(en), zh))
    return tuple(out)


def _regex(template: str) -> re.Pattern[str]:
    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name:
            parts.append(f"(?P<{name}>.+?)")
    return re.compile("".join(parts), re.S)
