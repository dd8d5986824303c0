"""The CLI's link to the application layer: the Settings resolved once in the callback,
and the Application each command works through."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer

from cnnquiz.application import Application, Settings, open_application, resolve_settings


def settings(ctx: typer.Context) -> Settings:
    """The Settings of this invocation (from the environment when a command runs alone)."""
    root = ctx.find_root()
    if not isinstance(root.obj, Settings):
        root.obj = resolve_settings()
    return root.obj


@contextmanager
def application(ctx: typer.Context, learner: str | None = None) -> Iterator[Application]:
    """The Application for this command (`learner`: a `--learner` option, if given);
    its store, if a command opened it, is closed when the command ends."""
    with open_application(settings(ctx).with_learner(learner)) as app:
        yield app
