"""Printed problem sets: one question set rendered as md, html, pdf, json or apkg.

A face of its own (like the CLI and the app): it formats `QuestionSet`s and never
decides what is asked. `plan` turns `print`'s options into the files to write (forms
A, B... for `--versions K`, a `-key` file for `--key separate`) and refuses what
cannot go to standard output; `render` produces the bytes of one form.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from cnnquiz.errors import CnnquizError
from cnnquiz.printing.sheet import KeyMode, Sheet, Tick, ticking
from cnnquiz.questions.sets import QuestionSet

Format = Literal["md", "html", "pdf", "json", "apkg"]
FORMATS: tuple[Format, ...] = ("md", "html", "pdf", "json", "apkg")
KEY_MODES: tuple[KeyMode, ...] = ("inline", "separate")
BINARY = ("pdf", "apkg")
KEYED = ("md", "html", "pdf")  # formats with a key that --key separate can move out
MAX_FORMS = 26


class PrintError(CnnquizError):
    """Options that cannot be printed as asked (format, stdout, forms)."""


@dataclass(frozen=True)
class Part:
    """One file's worth of output: the sheet (`suffix` "") or its separate key ("-key")."""

    suffix: str
    data: bytes


@dataclass(frozen=True)
class Job:
    """One form to print: its letter ("" for a single form), where it goes (None: stdout),
    in which format and with the key where."""

    form: str
    path: Path | None
    fmt: Format
    key: KeyMode

    def target(self, part: Part) -> Path | None:
        """`set.pdf` -> `set-A.pdf`, `set-A-key.pdf`: form, then part, before the extension."""
        if self.path is None:
            return None
        tail = (f"-{self.form.upper()}" if self.form else "") + part.suffix
        return self.path.with_name(f"{self.path.stem}{tail}{self.path.suffix}") if tail else self.path


def plan(fmt: str, versions: int, key: str, output: str | None) -> list[Job]:
    """The forms to print and their files; PrintError for what stdout cannot take."""
    chosen = next((f for f in FORMATS if f == fmt), None)  # fmt as a Format
    if chosen is None:
        raise PrintError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    keyed = next((k for k in KEY_MODES if k == key), None)
    if keyed is None:
        raise PrintError(f"--key must be inline or separate, not {key!r}")
    if not 1 <= versions <= MAX_FORMS:
        raise PrintError(f"--versions must be between 1 and {MAX_FORMS}")
    path = None if output in (None, "-") else Path(str(output))
    if path is None:
        if fmt in BINARY:
            raise PrintError(f"{fmt} is a binary format and is not written to the terminal; "
                             f"give a file, e.g. -o set.{fmt}")
        if versions > 1:
            raise PrintError(f"{versions} forms cannot share standard output; give a file, "
                             f"e.g. -o set.{fmt}, to get set-A.{fmt}, set-B.{fmt}, ...")
        if key == "separate" and fmt in KEYED:
            raise PrintError(f"--key separate writes a second file; give one, e.g. -o set.{fmt}")
    forms = [""] if versions == 1 else [chr(ord("a") + i) for i in range(versions)]
    return [Job(form, path, chosen, keyed) for form in forms]


def render(qset: QuestionSet, fmt: Format, key: KeyMode = "inline", form: str = "",
           tick: Tick | None = None) -> list[Part]:
    """The files of one printed form; `tick` is called once per question rendered."""
    s = Sheet(qset, form.upper())
    if fmt == "json":
        tick = ticking(tick)
        for _ in qset.questions:
            tick()
        text = json.dumps(qset.to_json(), ensure_ascii=False, indent=2) + "\n"
        return [Part("", text.encode("utf-8"))]
    if fmt == "apkg":
        from cnnquiz.printing import apkg

        return [Part("", apkg.package(s, tick))]
    if fmt == "pdf":
        from cnnquiz.printing import pdf

        parts = [Part("", pdf.document(s, key == "inline", tick=tick))]
        if key == "separate":
            parts.append(Part("-key", pdf.document(s, False, key_only=True)))
        return parts
    from cnnquiz.printing import html, md

    module = md if fmt == "md" else html
    parts = [Part("", module.document(s, key == "inline", tick=tick).encode("utf-8"))]
    if key == "separate":
        parts.append(Part("-key", module.document(s, False, key_only=True).encode("utf-8")))
    return parts
