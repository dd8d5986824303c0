"""`cnnquiz print`: a printable problem set (md, html, pdf, json, apkg) with its key.

The command only reads options and writes files: which forms, which files and what
standard output may take are decided by `cnnquiz.printing.plan`, the rendering by
`cnnquiz.printing.render`. A progress bar shows on stderr when it is a terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from cnnquiz.cli.context import application
from cnnquiz.errors import CnnquizError


def register(app: typer.Typer) -> None:
    app.command("print")(print_set)


def print_set(
    ctx: typer.Context,
    topic: list[str] = typer.Option([], "--topic", "-t", metavar="TOPIC", help="Topic slug (repeatable)."),
    count: int = typer.Option(10, "--count", "-n", help="Number of questions."),
    seed: int = typer.Option(None, "--seed", help="Seed: the same seed prints the same set."),
    level: int = typer.Option(None, "--level", min=1, max=3, help="1 basic, 2 interview, 3 tricky."),
    lang: str = typer.Option(None, "--lang", help="en or zh (default: the global --lang)."),
    fmt: str = typer.Option("json", "--format", "-f", help="md, html, pdf, json or apkg."),
    versions: int = typer.Option(1, "--versions", help="K forms of the set (files FILE-A, FILE-B, ...)."),
    key: str = typer.Option("inline", "--key", help="inline (at the end) or separate (FILE-key)."),
    output: str = typer.Option(None, "-o", "--output", metavar="FILE",
                               help="Write to FILE; '-' or none: standard output (text formats)."),
) -> None:
    """A printable problem set with its answer key (the set code regenerates it)."""
    from cnnquiz import printing

    fmt = fmt.lower()
    jobs = printing.plan(fmt, versions, key, output)
    with application(ctx) as app:
        forms = app.build_sets(topic, count, seed, level, versions, lang)
    with _progress(sum(len(qset.questions) for _, qset in forms)) as tick:
        for job, (form, qset) in zip(jobs, forms, strict=True):
            for part in printing.render(qset, job.fmt, job.key, form, tick):
                target = job.target(part)
                if target is None:
                    sys.stdout.write(part.data.decode("utf-8"))
                    sys.stdout.flush()
                    continue
                _write(target, part.data)
                typer.echo(f"wrote {target} (set {qset.code})", err=True)


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise CnnquizError(f"cannot write {path}: {exc.strerror or exc}") from None


@contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A tick per question rendered: a Rich bar on a terminal's stderr, else nothing."""
    if not sys.stderr.isatty() or total < 2:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("printing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("print", total=total)
        yield lambda: bar.advance(task)
