"""`cnnquiz` and `cnnquiz study`: open the Textual study app.

Textual loads only when the app opens (cli/launch.py), so other commands and `--help`
never pay for it. The app needs a terminal; in a pipe the command says so and points
at `drill`, the line mode of the same study loop.
"""

from __future__ import annotations

import typer

from cnnquiz.cli import context, launch


def register(app: typer.Typer) -> None:
    app.command("study")(study)


def study(
    ctx: typer.Context,
    topic: list[str] = typer.Option([], "--topic", metavar="TOPIC",
                                    help="Only this topic slug (repeatable)."),
    count: int = typer.Option(None, "--count", min=1, max=200,
                              help="Questions per session (default: your saved setting, 10)."),
    learner: str = typer.Option(None, "--learner", help="Whose progress (env CNNQUIZ_LEARNER)."),
) -> None:
    """Open the study app: home, study sessions, stats and settings."""
    open_app(ctx, topic, count, learner)


def open_app(ctx: typer.Context, topics: list[str] | None = None, count: int | None = None,
             learner: str | None = None) -> None:
    if topics:  # checked here for a one-line error; the check loads the templates' index
        from cnnquiz.study.skills import check_topics

        topics = check_topics(topics)
    settings = context.settings(ctx).with_learner(learner)
    lang_given = ctx.find_root().params.get("lang") is not None or _lang_in_env()
    launch.open_app(settings, lang_given=lang_given, topics=topics or (), count=count)


def _lang_in_env() -> bool:
    import os

    return bool(os.environ.get("CNNQUIZ_LANG", "").strip())
