"""An installed wheel carries the concept bank and finds it inside the package.

Builds the real wheel with pip and installs it into a folder (about 7 s here).
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]  # the checkout these tests belong to


def test_wheel_ships_and_finds_the_bank(tmp_path: Path) -> None:
    shipped = sorted(p.name for p in (REPO / "question_bank").glob("*.yaml"))
    assert shipped, "no bank files to ship"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "-q", "-w",
         str(tmp_path / "dist")], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("cnnquiz-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    packed = sorted(n.rsplit("/", 1)[1] for n in names
                    if n.startswith("cnnquiz/question_bank/") and n.endswith(".yaml"))
    assert packed == shipped
    assert "cnnquiz/question_bank/README.md" in names

    target = tmp_path / "site"
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
         str(wheel)], capture_output=True, text=True, timeout=300)
    assert installed.returncode == 0, installed.stderr
    probe = ("import cnnquiz; from cnnquiz.bank.locate import packaged_dir; "
             "from cnnquiz.bank.loader import check; d = packaged_dir(); "
             "print(cnnquiz.__file__); print(d); print(len(check([d])[0].files))")
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    module, folder, files = out.stdout.split("\n")[:3]
    assert Path(module).is_relative_to(target)
    assert Path(folder) == target / "cnnquiz" / "question_bank"
    assert int(files) == len(shipped)
