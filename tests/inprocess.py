"""`cnnquiz ARGS` run in this process, answering like the real command does.

Most CLI tests run here (typer's CliRunner): a subprocess pays Python's and the
libraries' start-up on every call, which made the CLI tests most of the suite's time.
`run` gives what a script sees from `cnnquiz.cli.main.run`, behind the console entry point:
exit code, stdout, and a user error as one `error: ...` line on stderr. Any other
exception is a bug and is raised, so the test fails on it (a subprocess would print a
traceback). Typer converts the values itself here (`run` also installs cli.plainargs,
whose results tests/cli/test_plainargs.py compares with Typer's). A few smoke tests still
start the real program (`cli_process`).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path


def run(args: Sequence[str], *, env: Mapping[str, str] | None = None,
        input: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`env` is the whole environment, as a subprocess would get it (None: this one)."""
    with contextlib.chdir(cwd or Path.cwd()):
        return _run(args, env, input)


def _run(args: Sequence[str], env: Mapping[str, str] | None,
         input: str | None) -> subprocess.CompletedProcess[str]:
    from typer.testing import CliRunner

    from cnnquiz.cli.launch import error_line
    from cnnquiz.cli.main import app
    from cnnquiz.errors import CnnquizError

    changed: dict[str, str | None] = {}
    if env is not None:
        changed = {k: v for k, v in env.items() if os.environ.get(k) != v}
        changed.update({k: None for k in os.environ if k not in env})
    result = CliRunner().invoke(app, list(args), input=input, env=changed)
    stdout, stderr, code = result.stdout, result.stderr, result.exit_code
    exc = result.exception
    if isinstance(exc, CnnquizError):
        stderr, code = stderr + f"error: {error_line(exc)}\n", 1
    elif isinstance(exc, KeyboardInterrupt):
        code = 130
    elif exc is not None and not isinstance(exc, SystemExit):
        raise exc
    return subprocess.CompletedProcess(["cnnquiz", *args], code, stdout, stderr)
