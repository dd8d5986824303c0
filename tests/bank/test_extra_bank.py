"""Issue 12: one bad file in a `--bank` folder leaves out that file alone (named in a
warning) and the shipped concept questions still load; an extra bank numbers its
own sections."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from cnnquiz.bank.loader import check, load
from cnnquiz.bank.locate import packaged_dir
from tests.bank.conftest import DROPOUT, write

BROKEN = "section: 2\nentries:\n  - id: y\n"


def _extra(tmp_path: Path) -> Path:
    folder = tmp_path / "mine"
    # its own numbering: section 12 (beyond the topic map's 10) in a file named 01-...
    write(folder, "01-mine.yaml", DROPOUT.replace("section: 6", "section: 12")
          .replace("id: dropout-at-test", "id: mine-at-test"))
    write(folder, "02-broken.yaml", BROKEN)
    return folder


def test_a_bad_extra_file_leaves_out_only_itself(tmp_path: Path) -> None:
    shipped = load([packaged_dir()])
    both = load([packaged_dir(), _extra(tmp_path)])
    assert len(shipped.entries) >= 200 and not shipped.skipped
    assert [e.id for e in both.entries] == [e.id for e in shipped.entries] + ["mine-at-test"]
    (warning,) = both.skipped
    assert "02-broken.yaml left out" in warning and "01-mine" not in warning


def test_own_sections_only_for_extra_banks(tmp_path: Path) -> None:
    folder = _extra(tmp_path)
    (folder / "02-broken.yaml").unlink()
    assert check([folder], own_sections=[folder])[1] == []
    assert {p.where for p in check([folder])[1]} == {"section"}  # the shipped bank's rules


def test_cli_drill_with_a_bad_extra_file_keeps_the_shipped_questions(tmp_path: Path) -> None:
    _extra(tmp_path)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("CNNQUIZ_")},
           "CNNQUIZ_DB": str(tmp_path / "p.sqlite3")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "cnnquiz", "--bank", "mine", *args],
                              cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=120, input="")

    listed = run("bank", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    ids = [r["id"] for r in json.loads(listed.stdout)]
    assert len(ids) == len(load([packaged_dir()]).entries) + 1 and "mine-at-test" in ids
    drill = run("drill", "--topic", "dropout", "--count", "1", "--jsonl")
    assert drill.returncode == 0, drill.stderr
    assert "02-broken.yaml left out" in drill.stderr
    assert "concept questions left out" not in drill.stderr
