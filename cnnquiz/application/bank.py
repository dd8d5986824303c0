"""The concept bank as the CLI and the app see it: listing and validation.

Validation needs the ids of the generated templates (an entry may name the
templates that drill the same skill); they are read here and passed to the bank
validator, so the bank never imports the question templates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cnnquiz.errors import CnnquizError

if TYPE_CHECKING:
    from cnnquiz.bank.loader import Problem
    from cnnquiz.bank.records import Bank, BankEntry


@dataclass(frozen=True)
class BankCheck:
    """What `bank validate` found: the valid entries, every problem, the folders read."""

    bank: Bank
    problems: list[Problem]
    folders: list[Path]


def template_ids() -> frozenset[str]:
    """Ids of the generated question templates (what an entry's `templates` may name)."""
    from cnnquiz.questions import generate

    return frozenset(t.id for t in generate.templates())


def validate_bank(folder: Path | None, bank_dirs: Sequence[str] = ()) -> BankCheck:
    """Check `folder` (None: the shipped bank and `bank_dirs`); CnnquizError if no files."""
    from cnnquiz.bank.loader import check
    from cnnquiz.bank.locate import bank_dirs as all_dirs
    from cnnquiz.bank.locate import packaged_dir

    known: list[Path] = []
    if folder is None:
        folders = all_dirs(bank_dirs)
    else:
        try:
            shipped: Path | None = packaged_dir()
        except CnnquizError:
            shipped = None
        folders = [folder]
        # A user's bank is loaded beside the shipped one, so its ids must not clash with it.
        if shipped is not None and folder.resolve() != shipped.resolve():
            known = [shipped]
    bank, problems = check(folders, known=known, templates=template_ids(),
                           own_sections=folders if known else [])  # a user's extra bank
    if not bank.files and not problems:
        raise CnnquizError(f"no *.yaml files in {', '.join(map(str, folders))}")
    return BankCheck(bank, problems, folders)


def bank_entries(topic: str | None, bank_dirs: Sequence[str] = ()) -> list[BankEntry]:
    """The concept questions (shipped bank and `bank_dirs`), optionally of one topic."""
    from cnnquiz import bank

    return bank.entries(topic=topic, extra=bank_dirs)


def bank_rows(topic: str | None, bank_dirs: Sequence[str] = ()) -> list[dict[str, Any]]:
    """`bank list --json` rows (see cnnquiz.bank.list_rows)."""
    from cnnquiz import bank

    return bank.list_rows(bank_dirs, topic=topic)
