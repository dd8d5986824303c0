"""Usage errors that say how to fix them: a global option given after the command.

`cnnquiz drill --lang zh` is a usage error (global options belong to `cnnquiz`
itself, before the command); click would only say "No such option: --lang".
The root group adds where the option goes, with the corrected command line.
"""

from __future__ import annotations

from typing import Any

from typer._click.exceptions import NoSuchOption
from typer.core import TyperGroup

GLOBAL_OPTIONS = ("--db", "--lang", "--bank")


class RootGroup(TyperGroup):
    def invoke(self, ctx: Any) -> Any:
        args = [*ctx._protected_args, *ctx.args]
        try:
            return super().invoke(ctx)
        except NoSuchOption as exc:
            hint = global_option_hint(exc.option_name, args)
            if hint is not None and exc.ctx is not None and exc.ctx.command is not self:
                exc.message = f"{exc.message}; global options go before the command: {hint}"
                exc.possibilities = None
            raise


def global_option_hint(option: str, args: list[str]) -> str | None:
    """`cnnquiz OPTION VALUE COMMAND` for a global option found after the command."""
    if option not in GLOBAL_OPTIONS:
        return None
    for i, arg in enumerate(args):
        name, eq, value = arg.partition("=")
        if name != option:
            continue
        if not eq:
            value = args[i + 1] if i + 1 < len(args) else "VALUE"
        command = " ".join(a for a in args[:i] if not a.startswith("-"))
        return f"cnnquiz {option} {value} {command}".rstrip()
    return None
