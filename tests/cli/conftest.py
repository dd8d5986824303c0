"""Run the CLI as a user or a script would: in process (`cli`, `invoke`) or, for a few
smoke tests, as a real subprocess (`cli_process`)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "CNNQUIZ_DB": str(tmp_path / "progress.sqlite"), "CNNQUIZ_LANG": "en",
            "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """`cnnquiz ARGS` in this process, answering as the real command (tests/inprocess.py)."""
    from tests import inprocess

    env = _env(tmp_path)
    monkeypatch.chdir(tmp_path)

    def run(*args: str, input: str | None = None, timeout: float = 120
            ) -> subprocess.CompletedProcess[str]:
        return inprocess.run(args, env=env, input=input)

    return run


@pytest.fixture
def cli_process(tmp_path: Path) -> Run:
    """The real `cnnquiz` in a subprocess, for the few smoke tests of the program itself."""
    env = _env(tmp_path)

    def run(*args: str, input: str | None = None, timeout: float = 120
            ) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "cnnquiz", *args], input=input, text=True,
                              capture_output=True, env=env, timeout=timeout, cwd=tmp_path)

    return run


@dataclass(frozen=True)
class InProcess:
    """A command run in process: exit code, stdout, and the one-line error `run()` would
    print for a user error (None when there was none)."""

    code: int
    stdout: str
    error: str | None


Invoke = Callable[..., InProcess]


@pytest.fixture
def invoke(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """Run `cnnquiz ARGS` in this process (typer's CliRunner), with a fresh store."""
    from typer.testing import CliRunner

    from cnnquiz.cli.main import app
    from cnnquiz.errors import CnnquizError

    monkeypatch.setenv("CNNQUIZ_DB", str(tmp_path / "progress.sqlite"))
    monkeypatch.setenv("CNNQUIZ_LANG", "en")
    monkeypatch.delenv("COLUMNS", raising=False)

    def run(*args: str, env: dict[str, str] | None = None) -> InProcess:
        result = CliRunner().invoke(app, list(args), env=env)
        exc = result.exception
        if exc is not None and not isinstance(exc, (CnnquizError, SystemExit)):
            raise exc
        error = str(exc) if isinstance(exc, CnnquizError) else None
        return InProcess(1 if error is not None else result.exit_code, result.stdout, error)

    return run
