"""`cnnquiz drill`, `stats`, `export FILE` and `import FILE`: the progress commands.

SQLAlchemy, Alembic and FSRS load inside the command functions, so `cnnquiz
--help` does not pay for them. Store problems (unreadable, damaged, foreign,
newer schema) and bad import files are CnnquizErrors: one line, exit 1.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from cnnquiz.cli import context

if TYPE_CHECKING:
    from cnnquiz.store.store import Store

LEARNER_HELP = "Whose progress (profiles on one machine)."


def register(app: typer.Typer) -> None:
    app.command("drill")(drill)
    app.command("stats")(stats)
    app.command("export")(export)
    app.command("import")(import_)


def drill(
    ctx: typer.Context,
    topic: list[str] = typer.Option([], "--topic", metavar="TOPIC",
                                    help="Only this topic slug (repeatable)."),
    count: int = typer.Option(20, "--count", min=1, help="Questions in the session."),
    jsonl: bool = typer.Option(False, "--jsonl", help="One JSON event a line."),
    learner: str = typer.Option("default", "--learner", envvar="CNNQUIZ_LEARNER",
                                help=LEARNER_HELP),
    interview: str = typer.Option(
        None, "--interview", metavar="YYYY-MM-DD",
        help="Plan so every studied skill is fresh on this date (saved; 'none' clears)."),
) -> None:
    """Study line by line: a question, one answer line, the verdict and solution. EOF ends.

    Type ? to see the answer of a question you cannot do. Short concept answers show
    the model answer, then read a rating line: 1 again, 2 hard, 3 good, 4 easy.
    """
    from cnnquiz.store.db import open_store
    from cnnquiz.study.linemode import Drill
    from cnnquiz.study.loop import StudyLoop

    g = context.get(ctx)
    with open_store(g.db) as store:
        if interview is not None:
            _set_interview(store, learner, interview)
        loop = StudyLoop(store, learner, topics=topic, count=count, lang=g.lang,
                         bank_dirs=g.bank_dirs)
        for warning in loop.warnings:
            typer.echo(f"warning: {warning}", err=True)
        Drill(loop, sys.stdin, sys.stdout, jsonl=jsonl, interactive=sys.stdin.isatty()).run()


def _set_interview(store: Store, learner: str, value: str) -> None:
    from datetime import date

    from cnnquiz.errors import CnnquizError
    from cnnquiz.store.scheduler import INTERVIEW_DATE
    text = value.strip().lower()
    if text not in ("none", ""):
        try:
            text = date.fromisoformat(text).isoformat()
        except ValueError:
            raise CnnquizError(f"--interview takes a date like 2025-06-30, not {value!r}") from None
    store.set_setting(store.learner_id(learner), INTERVIEW_DATE,
                      None if text in ("none", "") else text)


def stats(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    learner: str = typer.Option("default", "--learner", envvar="CNNQUIZ_LEARNER",
                                help=LEARNER_HELP),
) -> None:
    """Progress: attempts, accuracy by topic, streak, due skills, mistakes, mastery."""
    from cnnquiz.store.db import open_store
    from cnnquiz.store.report import render
    from cnnquiz.store.stats import summarize

    g = context.get(ctx)
    with open_store(g.db, write=False) as store:
        summary = summarize(store, learner)
    if as_json:
        typer.echo(json.dumps(summary.to_json(), ensure_ascii=False))
    else:
        typer.echo(render(summary, g.lang))


def export(
    ctx: typer.Context,
    file: str = typer.Argument(..., metavar="FILE", help="Where to write (- for stdout)."),
) -> None:
    """Write all progress (every learner) as one JSON file."""
    from cnnquiz.store.db import open_store
    from cnnquiz.store.transfer import export_data

    with open_store(context.get(ctx).db, write=False) as store:
        text = json.dumps(export_data(store), ensure_ascii=False, indent=1) + "\n"
    if file == "-":
        sys.stdout.write(text)
        return
    _write_atomically(Path(file), text)
    typer.echo(f"exported to {file}", err=True)


def _write_atomically(path: Path, text: str) -> None:
    """Never leave a half-written export where a good one was."""
    from cnnquiz.errors import CnnquizError

    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise CnnquizError(f"cannot write {path}: {exc.strerror or exc}") from None


def import_(
    ctx: typer.Context,
    file: str = typer.Argument(..., metavar="FILE", help="An export file (- for stdin)."),
) -> None:
    """Merge an export into the store (rows already present are skipped, not doubled)."""
    from cnnquiz.store.db import open_store
    from cnnquiz.store.errors import ImportFileError
    from cnnquiz.store.transfer import import_data

    try:
        raw = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFileError(f"cannot read {file}: {getattr(exc, 'strerror', None) or exc}"
                              ) from None
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ImportFileError(f"{file} is not JSON (line {exc.lineno}, column {exc.colno}: "
                              f"{exc.msg})") from None
    with open_store(context.get(ctx).db) as store:
        report = import_data(store, doc, file)
    typer.echo(str(report))
