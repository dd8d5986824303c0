"""Issue 12: `check` on a Chinese set explains unreadable answers in Chinese."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.cli.conftest import Run

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_check_on_a_zh_set_explains_in_chinese(cli: Run, tmp_path: Path) -> None:
    made = cli("--lang", "zh", "print", "--format", "json", "--count", "3", "--seed", "7",
               "--topic", "output-size", "-o", "set.json")
    assert made.returncode == 0, made.stderr
    (tmp_path / "sheet.txt").write_text("1: B\n2: (3\n3: 1/0\n", encoding="utf-8")
    out = cli("check", "set.json", "sheet.txt", "--json")
    assert out.returncode == 0, out.stderr
    results = json.loads(out.stdout)["results"]
    assert [r["verdict"] for r in results] == ["unreadable"] * 3
    assert all(CJK.search(r["explanation"]) for r in results), results
