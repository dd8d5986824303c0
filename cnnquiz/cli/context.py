"""State shared by every command: global options resolved once in the callback."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import typer

LANGS = ("en", "zh")


@dataclass
class Globals:
    """Global options (`cnnquiz --db ... --lang ... CMD`), with env fallbacks applied."""

    db: str | None = None
    lang: str = "en"
    bank_dirs: list[str] = field(default_factory=list)


def resolve_lang(value: str | None) -> str:
    lang = (value or os.environ.get("CNNQUIZ_LANG") or "en").strip().lower()
    if lang not in LANGS:
        raise typer.BadParameter(f"language must be one of {', '.join(LANGS)}, not {lang!r}")
    return lang


def get(ctx: typer.Context) -> Globals:
    """The Globals of this invocation (a default one when a command runs standalone)."""
    root = ctx.find_root()
    if not isinstance(root.obj, Globals):
        root.obj = Globals(lang=resolve_lang(None), db=os.environ.get("CNNQUIZ_DB"))
    return root.obj
