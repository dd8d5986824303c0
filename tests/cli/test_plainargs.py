"""Plain option values skip Typer's pydantic converter, and nothing a user sees changes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer import core
from typer.testing import CliRunner

from cnnquiz.cli import plainargs
from cnnquiz.cli.main import app

CASES = [
    ["show", "os.1.2.9ix"],
    ["--lang", "zh", "show", "os.1.2.9ix", "--json"],
    ["print", "--count", "2", "--seed", "3", "--level", "2"],
    ["print", "-n", "2", "--seed", "3", "-t", "output-size", "-t", "padding"],
    ["print", "--count", "abc"],
    ["print", "--count", "2", "--seed", "-4"],
    ["print", "--count", "+2", "--seed", "007"],
    ["print", "--count", " 2", "--seed", "1_0"],
    ["print", "--level", "5"],
    ["print", "--level", "0"],
    ["print", "--versions", "27"],
    ["--lang", "fr", "show", "os.1.2.9ix"],
    ["print", "--count", "1", "--seed", "1", "--versions", "2", "--lang", "zh"],
]


def _invoke(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(app, args)
    out = re.sub(r'"created": "[^"]*"', '"created": ""', result.output)
    return result.exit_code, out


@pytest.mark.parametrize("args", CASES, ids=[" ".join(a) for a in CASES])
def test_same_values_and_messages_as_typer(args: list[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    typer_says = _invoke(args)
    original = core.build_runtime_param
    monkeypatch.setattr(core, "build_runtime_param", original)  # put back after the test
    plainargs.install()
    assert core.build_runtime_param is not original
    assert _invoke(args) == typer_says


def test_a_command_with_plain_values_does_not_load_pydantic() -> None:
    probe = ("import sys\nsys.argv = ['cnnquiz', 'show', 'os.1.2.9ix']\n"
             "from cnnquiz.cli.main import run\ntry:\n    run()\nexcept SystemExit:\n    pass\n"
             "print('pydantic' in sys.modules, file=sys.stderr)")
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         cwd=root, timeout=120)
    assert "Answer: 192 x 96 x 96" in out.stdout
    assert out.stderr.strip() == "False"
