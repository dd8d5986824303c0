"""`cnnquiz check SET ANSWERS`: grade a filled sheet, show a readable report, save it.

The grading is `Application.check` (what the app's check screen calls too); this
module reads the sheet (a file, or `-` for stdin), prints the report through Rich
(verdicts, the expected answer, the named mistake, the worked solution of wrong
answers; Markdown rendered, not shown raw) and saves the answers as practice unless
`--no-record`. Exits 0 whatever the score.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from cnnquiz.cli.context import application
from cnnquiz.errors import CnnquizError
from cnnquiz.i18n import Lang, text

if TYPE_CHECKING:
    from rich.text import Text

    from cnnquiz.questions.model import Question, Verdict
    from cnnquiz.questions.sheets import Report

INDENT = " " * 6
STYLES = {"correct": "green", "wrong": "red", "unreadable": "yellow", "blank": "dim", "self": "cyan"}


def register(app: typer.Typer) -> None:
    app.command("check")(check)


def check(
    ctx: typer.Context,
    set_ref: str = typer.Argument(..., metavar="SET", help="A set JSON file or the set code on the sheet."),
    answers: str = typer.Argument(..., metavar="ANSWERS",
                                  help="Answer sheet: `N: answer` lines or JSON; - reads stdin."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    no_record: bool = typer.Option(False, "--no-record", help="Do not save the answers as practice."),
) -> None:
    """Grade a filled answer sheet against a set; exits 0 whatever the score."""
    sheet = read_answers(answers)
    with application(ctx) as app:
        report = app.check(set_ref, sheet)
        saved = None if no_record else app.record_check(report)
        lang = app.settings.lang
    from cnnquiz.application.verdicts import sheet_notes

    for warning in sheet_notes(report, lang):
        typer.echo(f"warning: {warning}", err=True)
    if as_json:
        typer.echo(json.dumps(report.to_json(), ensure_ascii=False))
        return
    show(report, lang, saved)


def read_answers(name: str) -> str:
    """The sheet's text from a file, or from stdin for `-`; a missing file is named."""
    if name == "-":
        return sys.stdin.read()
    path = Path(name)
    if not path.exists():
        raise CnnquizError(f"answer file {name} does not exist")
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CnnquizError(f"cannot read answer file {name}: {exc}") from None


def show(report: Report, lang: Lang, saved: int | None) -> None:
    """The report: score first, then each question's verdict and what it needs. Markdown
    is rendered by Rich on a terminal and as plain text in a pipe (cli.terminal)."""
    from rich.console import Console
    from rich.text import Text

    from cnnquiz.application.verdicts import verdict_body
    from cnnquiz.cli.terminal import renderer_for

    console, render = Console(highlight=False, soft_wrap=True), renderer_for(sys.stdout)
    head = Text(text("printing.set", lang, code=report.code), style="bold")
    head.append("   " + text("check.score", lang, score=report.score, total=report.total))
    console.print(head)
    selfs = sum(v.verdict == "self" for _, v in report.results)
    if selfs:
        console.print(Text(text("check.self_note", lang, count=selfs), style="dim"))
    for q, (n, v) in zip(report.questions, report.results, strict=True):
        console.print()
        console.print(_headline(q, n, v, lang))
        body = verdict_body(q, v, lang)
        if body:
            console.print(Text("\n".join(INDENT + line if line else "" for line in
                                         render(body, len(INDENT)).splitlines())))
    console.print()
    note = text("check.not_saved", lang) if saved is None else text("check.saved", lang, count=saved)
    console.print(Text(note, style="dim"))


def _headline(q: Question, n: int, v: Verdict, lang: Lang) -> Text:
    from rich.text import Text

    from cnnquiz.application.verdicts import MARKS
    from cnnquiz.printing.sheet import colon
    from cnnquiz.questions.answer_text import answer_text

    mark, style = MARKS[v.verdict], STYLES[v.verdict]
    line = Text(f"{n:>3}. ")
    line.append(f"{mark} {text('common.' + v.verdict, lang)}", style=f"bold {style}")
    if v.given:
        line.append(f"   {colon(text('check.you_wrote', lang), lang)} {v.given}")
    if v.verdict not in ("correct", "self"):
        line.append(f"   {colon(text('check.expected', lang), lang)} {answer_text(q.answer)}")
    return line
