"""Load bank folders into validated entries, or say exactly what is wrong and where.

`check` collects every problem of every file (for `cnnquiz bank validate`, so an
author fixes them in one pass); `load` is for use and refuses a bank with any
problem. Each problem is one line: `file:line: field.path: reason`. What passes
becomes plain records (cnnquiz.bank.records), the form the rest of cnnquiz reads.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from cnnquiz.bank.messages import describe
from cnnquiz.bank.records import Bank, BankEntry, Concept
from cnnquiz.bank.schema import validate_file
from cnnquiz.bank.yamlsrc import Loc, Parsed, YamlSyntaxError, parse
from cnnquiz.errors import CnnquizError

_SECTION_PREFIX = re.compile(r"^(\d+)-")


def show_path(path: Path) -> str:
    """`path` as a user can open it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path) if path.resolve().is_relative_to(Path.cwd()) else str(path)
    except (OSError, ValueError):
        return str(path)


def dotted(loc: Loc) -> str:
    """("entries", 5, "why", "zh") -> "entries[5].why.zh"."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a bank file, printable as one line."""

    file: str
    line: int
    where: str
    reason: str

    def __str__(self) -> str:
        where = f" {self.where}:" if self.where else ""
        return f"{self.file}:{self.line}:{where} {self.reason}"


def yaml_files(folder: Path) -> list[Path]:
    """The `*.yaml` files of `folder` (not hidden ones); CnnquizError when it is no folder."""
    if not folder.is_dir():
        raise CnnquizError(f"concept-bank folder not found: {folder}")
    return sorted(p for p in folder.glob("*.yaml") if not p.name.startswith("."))


def check(
    folders: Sequence[Path], known: Sequence[Path] = (), portable: bool = True,
    templates: Collection[str] | None = None, own_sections: Collection[Path] = (),
) -> tuple[Bank, list[Problem]]:
    """Load every file of `folders`; return the valid entries and all problems found.

    Ids in the `known` folders (e.g. the shipped bank, when checking a user's extra
    one) count as taken, but problems inside those folders are not reported.
    `portable` parses with pure-Python PyYAML, the strictest parser (see yamlsrc).
    `templates`, when given, are the template ids an entry's `templates` may name.
    Files in the `own_sections` folders (a user's extra banks) number their sections
    as they like: neither the file name nor the topics must match the topic map's.
    """
    own = {f.resolve() for f in own_sections}
    problems: list[Problem] = []
    entries: list[BankEntry] = []
    files: list[Path] = []
    first_seen: dict[str, str] = {}
    for folder in known:
        for path in yaml_files(folder):
            _duplicate_ids(path, _check_file(path, False, None)[2], first_seen)  # ids only: fast parser
    for folder in folders:
        for stray in sorted(folder.glob("*.yml")) if folder.is_dir() else ():
            problems.append(Problem(show_path(stray), 1, "", "not loaded: name it *.yaml"))
        for path in yaml_files(folder):
            files.append(path)
            found, file_problems, raw = _check_file(path, portable, templates,
                                                    folder.resolve() in own)
            entries.extend(found)
            file_problems += _duplicate_ids(path, raw, first_seen)
            problems.extend(sorted(file_problems, key=lambda p: p.line))
    return Bank(tuple(entries), tuple(files)), problems


def load(folders: Sequence[Path]) -> Bank:
    """The bank of `folders` (the shipped one first, then a user's extra banks, which
    may number their own sections). A file with a problem is left out, alone, and
    named in `Bank.skipped`: one broken file must not take every concept question
    with it."""
    bank, problems = check(folders, portable=False, own_sections=folders[1:])
    bad: dict[str, list[Problem]] = {}
    for p in problems:
        bad.setdefault(p.file, []).append(p)
    if not bad:
        return bank
    skipped = tuple(
        f"{name} left out ({len(found)} problem{'s' if len(found) > 1 else ''}, first: "
        f"{found[0]}); run `cnnquiz bank validate` to see them all"
        for name, found in bad.items())
    return Bank(tuple(e for e in bank.entries if show_path(e.path) not in bad),
                tuple(f for f in bank.files if show_path(f) not in bad), skipped)


def _check_file(
    path: Path, portable: bool, templates: Collection[str] | None, own_sections: bool = False
) -> tuple[list[BankEntry], list[Problem], Parsed | None]:
    name = show_path(path)
    try:
        raw = path.read_bytes()
        parsed = parse(raw.decode("utf-8-sig"), portable)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return [], [Problem(name, line, "", f"not UTF-8 text ({exc.reason})")], None
    except YamlSyntaxError as exc:
        return [], [Problem(name, exc.line, "", exc.reason)], None
    except OSError as exc:
        return [], [Problem(name, 1, "", f"cannot read: {exc.strerror or exc}")], None
    problems = [Problem(name, line, dotted(loc), why) for loc, line, why in parsed.duplicates]
    try:
        model = validate_file(parsed.data, templates, own_sections=own_sections)
    except ValidationError as exc:
        for loc, reason in describe(exc):
            problems.append(Problem(name, parsed.line_of(loc), dotted(loc), reason))
        return [], problems, parsed
    match = None if own_sections else _SECTION_PREFIX.match(path.name)
    if match and int(match.group(1)) != model.section:
        problems.append(Problem(name, parsed.line_of(("section",)), "section",
                                f"is {model.section} but the file name says {match.group(1)}"))
    found = [BankEntry(Concept.from_plain(e.model_dump()), path, parsed.line_of(("entries", i)))
             for i, e in enumerate(model.entries)]
    return found, problems, parsed


def _duplicate_ids(path: Path, parsed: Parsed | None, first_seen: dict[str, str]) -> list[Problem]:
    """Ids seen before (in this file or an earlier one), read from the raw data so
    duplicates are reported even in entries that fail other checks."""
    if parsed is None or not isinstance(parsed.data, dict):
        return []
    raw = parsed.data.get("entries")
    out: list[Problem] = []
    name = show_path(path)
    for i, item in enumerate(raw if isinstance(raw, list) else ()):
        ident = item.get("id") if isinstance(item, dict) else None
        if not isinstance(ident, str):
            continue
        line = parsed.line_of(("entries", i, "id"))
        if ident in first_seen:
            out.append(Problem(name, line, dotted(("entries", i, "id")),
                               f"duplicate id {ident!r} (first at {first_seen[ident]})"))
        else:
            first_seen[ident] = f"{name}:{line}"
    return out

