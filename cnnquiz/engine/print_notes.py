"""The one warning line that names what a printed model's stack does not hold as printed.

`print_model.read` keeps the notes; this turns them into a single line in the learner's
language, short enough for a terminal: lists are cut after a few items.
"""

from __future__ import annotations

from collections.abc import Sequence

from cnnquiz.engine.print_model import Note, ReadModel
from cnnquiz.i18n import Lang, text

SHOWN = 3


def _items(names: Sequence[str], lang: Lang) -> str:
    if len(names) <= SHOWN + 1:
        return ", ".join(names)
    more = text("network.more", lang, n=len(names) - SHOWN)
    return ", ".join(names[:SHOWN]) + f", {more}"


def _with_params(note: Note, lang: Lang) -> str:
    if note.params is None:
        return f"{note.cls} {note.path} ({text('network.unknown_params', lang)})"
    if note.params:
        return f"{note.cls} {note.path} ({text('network.params', lang, params=f'{note.params:,}')})"
    return f"{note.cls} {note.path}"


def _custom(notes: Sequence[Note], lang: Lang) -> str:
    """Custom modules grouped by class: `BasicBlock x8 (layer1.0 ... layer4.1)`."""
    groups: dict[str, list[str]] = {}
    for n in notes:
        groups.setdefault(n.cls, []).append(n.path)
    parts = []
    for cls, paths in groups.items():
        where = paths[0] if len(paths) == 1 else f"{paths[0]} ... {paths[-1]}"
        parts.append(f"{cls} x{len(paths)} ({where})" if len(paths) > 1 else f"{cls} ({where})")
    return ", ".join(parts)


def warning(model: ReadModel, read_params: int, lang: Lang = "en") -> str | None:
    """One line naming everything not read as printed (None when there is nothing):
    `read_params` is what the read layers hold, compared with what the print holds."""
    by: dict[str, list[Note]] = {}
    for note in model.notes:
        by.setdefault(note.kind, []).append(note)
    parts: list[str] = []
    if "custom" in by:
        parts.append(text("network.custom", lang, items=_custom(by["custom"], lang)))
    if "branch" in by:
        held = [n.params for n in by["branch"]]
        total = f"{sum(p for p in held if p is not None):,}" + ("+" if None in held else "")
        parts.append(text("network.branch", lang, params=total,
                          items=_items([n.path for n in by["branch"]], lang)))
    for kind in ("reshapes", "unmapped"):
        if kind in by:
            parts.append(text(f"network.{kind}", lang,
                              items=_items([_with_params(n, lang) for n in by[kind]], lang)))
    if "flatten" in by:
        parts.append(text("network.flatten", lang,
                          items=_items([n.path for n in by["flatten"]], lang)))
    if not parts:
        return None
    if model.print_params is not None and model.print_params != read_params:
        parts.append(text("network.totals", lang, held=f"{model.print_params:,}",
                          read=f"{read_params:,}"))
    return text("network.warning", lang, parts=text("network.sep", lang).join(parts))
