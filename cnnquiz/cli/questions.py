"""`cnnquiz show`: one question regenerated from its code, with answer and solution."""

from __future__ import annotations

import json

import typer

from cnnquiz.cli.context import application


def register(app: typer.Typer) -> None:
    app.command("show")(show)


def show(
    ctx: typer.Context,
    code: str = typer.Argument(..., help="A question code such as os.1.2.1x9kq3 or bank:<id>."),
    as_json: bool = typer.Option(False, "--json", help="Print the question as JSON."),
    network: str = typer.Option(
        None, "--network", metavar="NET",
        help="The network a `drill --network` question was about, when it came from a file."),
    input: str = typer.Option(None, "--input", "-i", metavar="CxHxW",
                              help="That network's input size, if it was given then."),
) -> None:
    """Regenerate one question from its code, with its answer and worked solution."""
    from cnnquiz.questions.answer_text import answer_text
    from cnnquiz.questions.grading import to_plain

    with application(ctx) as app:
        q = app.question(code, network, input)
    if as_json:
        out = q.to_json()
        out["mistakes"] = [{"name": m.name, "value": to_plain(m.value),
                            "explanation": m.explanation} for m in q.mistakes]
        typer.echo(json.dumps(out, ensure_ascii=False))
        return
    zh = q.lang == "zh"
    typer.echo(f"[{q.code}] {q.template} · {q.topic} · level {q.level}\n")
    typer.echo(q.prompt)
    for o in q.options:
        if f"{o.letter}." not in q.prompt:
            typer.echo(f"  {o.letter}. {o.text}")
    typer.echo(f"\n{'答案：' if zh else 'Answer: '}{answer_text(q.answer)}")  # as printed keys
    typer.echo(f"\n{'解答：' if zh else 'Solution:'}")
    for i, s in enumerate(q.solution, 1):
        typer.echo(f"  {i}. {s}")
