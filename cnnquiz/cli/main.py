"""The `cnnquiz` command: global options, command registration, error handling.

Every command module exposes `register(app)` and imports numpy, SQLAlchemy and
the like inside its command functions, so `cnnquiz --help` stays fast.
"""

from __future__ import annotations

import os
import sys

import typer

from cnnquiz import __version__
from cnnquiz.application import resolve_settings
from cnnquiz.cli import (
    bank,
    calc,
    check,
    demo,
    interview,
    launch,
    plainargs,
    printing,
    progress,
    questions,
    study,
)
from cnnquiz.cli.usage import RootGroup
from cnnquiz.errors import CnnquizError

app = typer.Typer(
    name="cnnquiz",
    cls=RootGroup,  # says where a global option given after the command goes
    help="Train the arithmetic and ideas of convolutional networks.",
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cnnquiz {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def main(
    ctx: typer.Context,
    db: str = typer.Option(
        None, "--db", help="Progress store: a file path or SQLAlchemy URL (env CNNQUIZ_DB)."
    ),
    lang: str = typer.Option(None, "--lang", help="Language: en or zh (env CNNQUIZ_LANG)."),
    bank: list[str] = typer.Option(
        [], "--bank", help="An extra concept-bank folder (repeatable)."
    ),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version."
    ),
) -> None:
    """Train the arithmetic and ideas of convolutional networks."""
    ctx.obj = resolve_settings(db=db, lang=lang, bank_dirs=bank)
    if ctx.invoked_subcommand is None:
        study.open_app(ctx)


study.register(app)
calc.register(app)
demo.register(app)
bank.register(app)
questions.register(app)
printing.register(app)
check.register(app)
progress.register(app)
interview.register(app)


def run() -> None:
    """Console-script entry point: user errors become one line on stderr and exit 1."""
    plainargs.install()
    try:
        app(standalone_mode=True)
    except CnnquizError as exc:
        typer.echo(f"error: {launch.error_line(exc)}", err=True)  # one line, whatever the source
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:  # e.g. `cnnquiz calc vgg16 | head`: the reader left, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)


if __name__ == "__main__":  # pragma: no cover
    run()
