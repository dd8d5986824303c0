"""`cnnquiz` alone opens the app without Typer; anything else is the Typer CLI's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cnnquiz.cli.launch import app_only

ROOT = Path(__file__).parents[2]


@pytest.mark.parametrize(("args", "options"), [
    ([], {}),
    (["--db", "x.db"], {"--db": ["x.db"]}),
    (["--lang=zh", "--bank", "a", "--bank=b"], {"--lang": ["zh"], "--bank": ["a", "b"]}),
    (["study"], None),
    (["--help"], None),
    (["--db"], None),  # a missing value: Typer's usage error
    (["--db", "--lang", "zh"], None),
    (["--db", "x.db", "stats"], None),
    (["--dbx", "x.db"], None),
])
def test_only_global_options_open_the_app_directly(args: list[str],
                                                   options: dict[str, list[str]] | None) -> None:
    assert app_only(args) == options


def cnnquiz(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("CNNQUIZ_LANG", None)
    return subprocess.run([sys.executable, "-m", "cnnquiz", *args], capture_output=True,
                          text=True, env=env, stdin=subprocess.DEVNULL, timeout=120)


def test_in_a_pipe_the_app_says_what_to_use_instead(tmp_path: Path) -> None:
    for args in ([], ["study"]):  # the direct road and Typer's say the same
        run = cnnquiz("--db", str(tmp_path / "p.db"), *args)
        assert run.returncode == 1 and run.stdout == ""
        assert run.stderr.strip().splitlines() == [
            "error: the study app needs a terminal; for line by line study (pipes, scripts, "
            "screen readers) use `cnnquiz drill`"]


def test_a_bad_language_is_one_line_and_help_still_comes_from_typer(tmp_path: Path) -> None:
    run = cnnquiz("--lang", "fr")
    assert run.returncode == 1 and run.stderr.startswith("error: language must be one of")
    assert len(run.stderr.strip().splitlines()) == 1
    helped = cnnquiz("--help")
    assert helped.returncode == 0 and "drill" in helped.stdout


def test_the_direct_road_loads_no_typer() -> None:
    code = ("import sys, cnnquiz.cli.launch as l\n"
            "print(sorted(m for m in ('typer', 'click', 'textual') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120, check=True)
    assert run.stdout.strip() == "[]"
