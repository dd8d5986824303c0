"""Run the real CLI in a subprocess, as a user or a script would."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def cli(tmp_path: Path) -> Run:
    env = {**os.environ, "CNNQUIZ_DB": str(tmp_path / "progress.sqlite"), "CNNQUIZ_LANG": "en",
           "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}

    def run(*args: str, input: str | None = None, timeout: float = 120
            ) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "cnnquiz", *args], input=input, text=True,
                              capture_output=True, env=env, timeout=timeout, cwd=tmp_path)

    return run
