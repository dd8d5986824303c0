"""`cnnquiz interview`: a timed mock interview in line mode, ending in a review and a
scorecard (the rules live in cnnquiz.study.interview; this only wires the streams)."""

from __future__ import annotations

import sys

import typer

from cnnquiz.cli import context, terminal

LEARNER_HELP = "Whose progress (profiles on one machine; env CNNQUIZ_LEARNER, default: default)."


def register(app: typer.Typer) -> None:
    app.command("interview")(interview)


def interview(
    ctx: typer.Context,
    minutes: float = typer.Option(None, "--minutes", help="Time limit (default 30 without "
                                                          "--count)."),
    count: int = typer.Option(None, "--count", min=1, help="Number of main questions."),
    jsonl: bool = typer.Option(False, "--jsonl", help="One JSON event a line."),
    learner: str = typer.Option(None, "--learner", help=LEARNER_HELP),
) -> None:
    """A mock interview: a timed mixed set across topics and levels, sometimes a "why"
    follow-up after a numeric answer, no solutions until the review at the end, then a
    scorecard naming your weakest topics and the command to drill them. EOF ends early.
    """
    from cnnquiz.study.interview_linemode import InterviewLines

    with context.application(ctx, learner) as app:
        iv = app.interview(minutes, count)
        for warning in iv.warnings:
            typer.echo(f"warning: {warning}", err=True)
        InterviewLines(iv, terminal.tolerant_stdin(), sys.stdout, jsonl=jsonl,
                       interactive=sys.stdin.isatty(), render=terminal.renderer_for(sys.stdout),
                       read_line=terminal.line_reader() if sys.stdin.isatty() else None).run()
