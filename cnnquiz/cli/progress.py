"""`cnnquiz drill`, `stats`, `export FILE` and `import FILE`: the progress commands.

SQLAlchemy, Alembic and FSRS load inside the command functions, so `cnnquiz
--help` does not pay for them. Store problems (unreadable, damaged, foreign,
newer schema) and bad import files are CnnquizErrors: one line, exit 1.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from cnnquiz.cli import context, terminal

LEARNER_HELP = "Whose progress (profiles on one machine; env CNNQUIZ_LEARNER, default: default)."


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
    learner: str = typer.Option(None, "--learner", help=LEARNER_HELP),
    interview: str = typer.Option(
        None, "--interview", metavar="YYYY-MM-DD",
        help="Plan so every studied skill is fresh on this date (saved; 'none' clears)."),
    network: str = typer.Option(
        None, "--network", metavar="NET",
        help="Questions about one network: a built-in name (see calc --list), or a file "
             "holding a layer spec or PyTorch's print(model)."),
    input: str = typer.Option(None, "--input", "-i", metavar="CxHxW",
                              help="The network's input size (with --network)."),
) -> None:
    """Study line by line: a question, one answer line, the verdict and solution. EOF ends.

    Type ? to see the answer of a question you cannot do. Short concept answers show
    the model answer, then read a rating line: 1 again, 2 hard, 3 good, 4 easy.
    With --network, every question is about that network: a layer's output shape,
    parameters and MACs, receptive field and jump, and what changes with one layer.
    """
    from cnnquiz.application import parse_interview
    from cnnquiz.errors import CnnquizError
    from cnnquiz.study.linemode import Drill

    when = None if interview is None else parse_interview(interview)
    if network is None and input is not None:
        raise CnnquizError("--input goes with --network (the network's input size)")
    if network is not None and topic:
        raise CnnquizError("--topic and --network do not go together: --network picks the topics")
    with context.application(ctx, learner) as app:
        if interview is not None:
            app.set_interview_date(when)
        if network is not None:
            chosen = app.network(network, input)
            for line in chosen.notices:
                typer.echo(line, err=True)
            loop = app.study_network(chosen.case, count)
        else:
            loop = app.study(topic, count)
        for warning in loop.warnings:
            typer.echo(f"warning: {warning}", err=True)
        Drill(loop, terminal.tolerant_stdin(), sys.stdout, jsonl=jsonl,
              interactive=sys.stdin.isatty(), render=terminal.renderer_for(sys.stdout),
              read_line=terminal.line_reader() if sys.stdin.isatty() else None).run()


def stats(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    learner: str = typer.Option(None, "--learner", help=LEARNER_HELP),
) -> None:
    """Progress: attempts, accuracy by topic, streak, due skills, mistakes, mastery."""
    from cnnquiz.store.report import render

    with context.application(ctx, learner) as app:
        summary = app.stats()
        lang = app.settings.lang
    if as_json:
        typer.echo(json.dumps(summary.to_json(), ensure_ascii=False))
    else:
        typer.echo(render(summary, lang, app.settings.bank_dirs))


def export(
    ctx: typer.Context,
    file: str = typer.Argument(..., metavar="FILE", help="Where to write (- for stdout)."),
) -> None:
    """Write all progress (every learner) as one JSON file."""
    with context.application(ctx) as app:
        text = json.dumps(app.export_data(), ensure_ascii=False, indent=1) + "\n"
    if file == "-":
        sys.stdout.write(text)
        return
    from cnnquiz.store.files import write_text

    write_text(Path(file), text)
    typer.echo(f"exported to {file}", err=True)


def import_(
    ctx: typer.Context,
    file: str = typer.Argument(..., metavar="FILE", help="An export file (- for stdin)."),
) -> None:
    """Merge an export into the store (rows already present are skipped, not doubled)."""
    from cnnquiz.store.errors import ImportFileError

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
    with context.application(ctx) as app:
        report = app.import_data(doc, file)
    typer.echo(str(report))
