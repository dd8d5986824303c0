"""Every UI string of cnnquiz in English and Chinese, in one package.

Faces (drill, the app, printing, check, demos, interview) each keep their
strings in one module here (`cnnquiz/i18n/<face>.py` holding a `STRINGS` dict of
key -> (English, Chinese)), so two faces never edit the same table, and a test
checks that every entry has both languages. Look a string up with
`text("drill.answer_prompt", lang, n=3)`.

This is a shared leaf module: any layer may import it; it imports nothing of
cnnquiz but its own tables and cnnquiz.errors.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from typing import Literal, TypeGuard

from cnnquiz.errors import LangError

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")


def is_lang(value: object) -> TypeGuard[Lang]:
    return value in LANGS


def as_lang(value: object) -> Lang:
    """`value` if it is a language cnnquiz speaks; LangError otherwise (a question in
    "fr" would be English labelled "fr")."""
    if not is_lang(value):
        raise LangError(f"language must be one of {', '.join(LANGS)}, not {value!r}")
    return value


@cache
def table() -> dict[str, tuple[str, str]]:
    """All strings: key -> (en, zh), gathered from the face modules of this package."""
    out: dict[str, tuple[str, str]] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, pair in module.STRINGS.items():
            full = f"{info.name}.{key}"
            if full in out:
                raise KeyError(f"UI string {full!r} defined twice")
            out[full] = pair
    return out


def text(key: str, lang: Lang, /, **values: object) -> str:
    """The string `key` ("face.name") in `lang`, formatted with `values`."""
    en, zh = table()[key]
    template = zh if lang == "zh" else en
    return template.format(**values) if values else template
