"""`cnnquiz bank validate [DIR]` and `cnnquiz bank list [--json]`.

`validate` is the question author's tool: every problem of every file, one line
each (`file:line: field: reason`), exit 1 when there is any, so it fits an
editor's error list and CI alike. PyYAML, pydantic and Rich load inside the
commands so `cnnquiz --help` stays fast.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

from cnnquiz.cli import context

app = typer.Typer(
    name="bank",
    help="Check and list the concept questions (question_bank/*.yaml).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.command("validate")
def validate(
    ctx: typer.Context,
    folder: Path = typer.Argument(
        None, metavar="[DIR]", help="A bank folder to check (default: the shipped bank and --bank)."
    ),
) -> None:
    """Check bank files: print `ok: N entries in M files`, or one line per problem and exit 1."""
    with context.application(ctx) as application:
        found = application.validate_bank(folder)
    bank, problems = found.bank, found.problems
    for problem in problems:
        typer.echo(str(problem))
    if problems:
        bad = len({p.file for p in problems})
        typer.echo(f"error: {len(problems)} problem(s) in {bad} file(s)", err=True)
        raise typer.Exit(1)
    typer.echo(f"ok: {len(bank.entries)} entries in {len(bank.files)} files")


@app.command("list")
def list_entries(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print the list as JSON."),
    topic: str = typer.Option(None, "--topic", help="Only entries of this topic slug."),
) -> None:
    """List the concept questions (shipped bank and --bank folders)."""
    from cnnquiz.i18n import LANGS

    with context.application(ctx) as application:
        for warning in application.bank_warnings():
            typer.echo(f"warning: {warning}", err=True)
        if as_json:
            rows = application.bank_rows(topic)
            typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        found = application.bank_entries(topic)
    from rich.console import Console
    from rich.table import Table

    table = Table("id", "topic", "kind", "level", "langs", caption=f"{len(found)} entries")
    for e in found:
        table.add_row(e.id, e.topic, e.kind, str(e.level), ", ".join(LANGS))
    Console().print(table)


def register(parent: typer.Typer) -> None:
    """Add the `bank` command group to the main app."""
    parent.add_typer(app, name="bank")
