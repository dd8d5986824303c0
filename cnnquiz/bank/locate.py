"""Where the concept bank lives, and the per-process cache of loaded banks.

A wheel carries the bank inside the package (`cnnquiz/question_bank`, see
pyproject's force-include); a checkout or editable install has it beside the
package at the repository root. Loading is done once per process and set of
folders, and only when a command needs it, never on the `--help` path; between
processes the validated bank is reused from the user cache (cnnquiz.bank.cache).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import cnnquiz
from cnnquiz.errors import CnnquizError

if TYPE_CHECKING:
    from cnnquiz.bank.records import Bank

FOLDER = "question_bank"
_CACHE: dict[tuple[str, ...], Bank] = {}


def packaged_dir() -> Path:
    """The bank shipped with cnnquiz: inside the package (wheel) or beside it (checkout)."""
    package = Path(cnnquiz.__file__).resolve().parent
    candidates = (package / FOLDER, package.parent / FOLDER)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise CnnquizError(
        f"the built-in concept bank is missing (looked in {', '.join(map(str, candidates))})"
    )


def bank_dirs(extra: Sequence[str | Path] = ()) -> list[Path]:
    """The shipped bank followed by the user's `--bank` folders (each must exist)."""
    dirs = [packaged_dir()]
    seen = {dirs[0].resolve()}
    for item in extra:
        folder = Path(item).expanduser()
        if not folder.is_dir():
            raise CnnquizError(f"--bank folder not found: {item}")
        if folder.resolve() not in seen:
            seen.add(folder.resolve())
            dirs.append(folder)
    return dirs


def get_bank(extra: Sequence[str | Path] = ()) -> Bank:
    """The loaded bank (shipped + `extra`), loaded once per process; CnnquizError if broken."""
    from cnnquiz.bank.cache import cached

    dirs = bank_dirs(extra)
    key = tuple(str(d.resolve()) for d in dirs)
    if key not in _CACHE:
        _CACHE[key] = cached(dirs)
    return _CACHE[key]


def clear_cache() -> None:
    """Forget loaded banks (tests, or an app that lets the user edit a bank)."""
    _CACHE.clear()
