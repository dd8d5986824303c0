"""`cnnquiz show`, `cnnquiz print` and `cnnquiz check`: questions, sets and self-check."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from cnnquiz.cli.context import application
from cnnquiz.errors import CnnquizError

FORMATS = ("json",)


def register(app: typer.Typer) -> None:
    app.command("show")(show)
    app.command("print")(print_set)
    app.command("check")(check)


def show(
    ctx: typer.Context,
    code: str = typer.Argument(..., help="A question code such as os.1.2.1x9kq3 or bank:<id>."),
    as_json: bool = typer.Option(False, "--json", help="Print the question as JSON."),
) -> None:
    """Regenerate one question from its code, with its answer and worked solution."""
    from cnnquiz.questions.grading import to_plain

    with application(ctx) as app:
        q = app.question(code)
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
    typer.echo(f"\n{'答案' if zh else 'Answer'}: {_answer_text(q.answer.value)}")
    typer.echo(f"\n{'解答' if zh else 'Solution'}:")
    for i, s in enumerate(q.solution, 1):
        typer.echo(f"  {i}. {s}")


def _answer_text(value: object) -> str:
    if isinstance(value, list) and value and all(isinstance(v, int) for v in value):
        return "x".join(map(str, value)) if len(value) <= 4 else str(value)
    return str(value)


def print_set(
    ctx: typer.Context,
    topic: list[str] = typer.Option([], "--topic", "-t", metavar="TOPIC", help="Topic slug (repeatable)."),
    count: int = typer.Option(10, "--count", "-n", help="Number of questions."),
    seed: int = typer.Option(None, "--seed", help="Seed: the same seed prints the same set."),
    level: int = typer.Option(None, "--level", min=1, max=3, help="1 basic, 2 interview, 3 tricky."),
    lang: str = typer.Option(None, "--lang", help="en or zh (default: the global --lang)."),
    fmt: str = typer.Option("json", "--format", "-f", help="Output format: json."),
    versions: int = typer.Option(1, "--versions", min=1, max=26, help="K forms of the same set."),
    key: str = typer.Option("inline", "--key", help="inline or separate answer key."),
    output: Path = typer.Option(None, "-o", "--output", help="Write to FILE instead of stdout."),
) -> None:
    """A printable problem set with its answer key (the set code regenerates it)."""
    if fmt not in FORMATS:
        raise CnnquizError(f"format {fmt!r} is not available yet; available: {', '.join(FORMATS)}")
    if key not in ("inline", "separate"):
        raise CnnquizError("--key must be inline or separate")
    with application(ctx) as app:
        forms = app.build_sets(topic, count, seed, level, versions, lang)
    for form, qset in forms:
        text = json.dumps(qset.to_json(), ensure_ascii=False, indent=2)
        if output is None:
            typer.echo(text)
            continue
        path = output if not form else output.with_name(f"{output.stem}-{form.upper()}{output.suffix}")
        path.write_text(text + "\n", encoding="utf-8")
        typer.echo(f"wrote {path} (set {qset.code})", err=True)


def check(
    ctx: typer.Context,
    set_ref: str = typer.Argument(..., metavar="SET", help="A set JSON file or a set code."),
    answers: Path = typer.Argument(..., help="Answer sheet: `N: answer` lines or JSON."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Grade a filled answer sheet against a set; exits 0 whatever the score."""
    with application(ctx) as app:
        report = app.check(set_ref, answers)
    if as_json:
        typer.echo(json.dumps(report.to_json(), ensure_ascii=False))
        return
    for n, v in report.results:
        line = f"{n:>3}. {v.verdict:<10}"
        if v.verdict != "correct":
            line += f" expected {_answer_text(v.expected)}"
            if v.given:
                line += f", you wrote {v.given!r}"
        typer.echo(line)
        if v.mistake or (v.explanation and v.verdict != "correct"):
            typer.echo(f"      {v.mistake + ': ' if v.mistake else ''}{v.explanation}")
    typer.echo(f"score {report.score}/{len(report.results)}  (set {report.code})")
