"""The console entry point: `cnnquiz` on its own opens the study app without loading Typer.

The app is what `cnnquiz` opens, and its first frame is what a learner waits for each
evening; Typer and the command modules cost about a fifth of a bare Textual app's whole
start. So a command line of global options only (`--db`, `--lang`, `--bank`, as
`--opt VALUE` or `--opt=VALUE`) opens the app from here; anything else (a command,
`--help`, `--version`, a typo, a missing value) goes to the Typer CLI, which answers it
as always. Both roads open the app through `open_app`.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence

from cnnquiz.application import Settings, resolve_settings
from cnnquiz.errors import CnnquizError

GLOBAL = ("--db", "--lang", "--bank")  # the options of `cnnquiz` itself, before a command


def run() -> None:
    options = app_only(sys.argv[1:])
    if options is None:
        # Typer and the command modules are loaded once and live as long as the process:
        # the collector need not scan them on their way in, nor in every later full pass
        # (print --count 100: 4% fewer instructions, callgrind).
        gc.disable()
        from cnnquiz.cli.main import run as cli

        gc.freeze()
        gc.enable()
        cli()
        return
    import os

    try:
        settings = resolve_settings(db=_last(options, "--db"), lang=_last(options, "--lang"),
                                    bank_dirs=options.get("--bank", []))
        lang_given = "--lang" in options or bool(os.environ.get("CNNQUIZ_LANG", "").strip())
        open_app(settings, lang_given=lang_given)
    except CnnquizError as exc:
        print(f"error: {error_line(exc)}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)


def app_only(args: Sequence[str]) -> dict[str, list[str]] | None:
    """The global options of a command line that has nothing else, or None."""
    options: dict[str, list[str]] = {}
    rest = list(args)
    while rest:
        name, eq, value = rest.pop(0).partition("=")
        if name not in GLOBAL:
            return None
        if not eq:
            if not rest or rest[0].startswith("-"):
                return None  # a missing value: Typer says so
            value = rest.pop(0)
        options.setdefault(name, []).append(value)
    return options


def error_line(exc: CnnquizError) -> str:
    """A user error as one line, whatever line breaks its message has."""
    return " ".join(line.strip() for line in str(exc).splitlines() if line.strip())


def open_app(settings: Settings, *, lang_given: bool, topics: Sequence[str] = (),
             count: int | None = None) -> None:
    """Run the study app over `settings` in this terminal (`lang_given`: the language was
    chosen on the command line or in the environment, so it wins over the saved one)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise CnnquizError("the study app needs a terminal; for line by line study "
                           "(pipes, scripts, screen readers) use `cnnquiz drill`")
    from cnnquiz.tui import make_app

    app = make_app(settings.db, settings.lang if lang_given else None,
                   learner=settings.learner, bank_dirs=settings.bank_dirs,
                   length=count or 10, topics=topics)
    app.run()


def _last(options: dict[str, list[str]], name: str) -> str | None:
    values = options.get(name)
    return values[-1] if values else None
