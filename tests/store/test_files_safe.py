"""Issue 12, files are never damaged: an export writes through devices, pipes and
symlinks (only a regular file is replaced, atomically), a failed write leaves no temp
file; a read-only data folder is read-only, not damaged; a folder that cannot be
created is one line."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from cnnquiz.errors import CnnquizError
from cnnquiz.store.files import write_text
from tests.store.helpers import cli


def test_a_symlink_stays_a_link_and_its_target_gets_the_text(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_text(link, "new\n")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new\n"


def test_a_pipe_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    write_text(fifo, "through\n")
    reader.join(timeout=10)
    assert got == ["through\n"] and stat.S_ISFIFO(fifo.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


def test_a_full_device_gives_an_error_and_stays_a_device(tmp_path: Path) -> None:
    full = tmp_path / "full"
    try:
        os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # what /dev/full is
    except (PermissionError, OSError):
        pytest.skip("cannot make a device node here")
    with pytest.raises(CnnquizError, match="No space left on device"):
        write_text(full, "x" * 10_000)
    assert stat.S_ISCHR(full.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["full"]


def test_a_failed_write_removes_its_temp_file_and_keeps_the_old_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "x.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)

    def no_space(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(CnnquizError, match=r"cannot write .*x\.json: No space left on device"):
        write_text(target, "new")
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]
    assert target.read_text(encoding="utf-8") == "old"
    monkeypatch.undo()
    write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # its permissions are kept


def test_cli_export_to_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    real, link = tmp_path / "real.json", tmp_path / "link.json"
    real.write_text("{}", encoding="utf-8")
    link.symlink_to(real)
    out = cli("export", str(link), db=db)
    assert out.returncode == 0, out.stderr
    assert link.is_symlink() and "learners" in json.loads(real.read_text(encoding="utf-8"))


def _unprivileged() -> list[str]:
    """A prefix that runs a command without root's power to write anywhere."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("root without setpriv cannot be denied a write")
    caps = "-dac_override,-dac_read_search,-fowner"
    return ["setpriv", "--bounding-set", caps, "--inh-caps", caps]


def _run(prefix: list[str], data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("CNNQUIZ_")},
           "CNNQUIZ_DATA_DIR": str(data), "CNNQUIZ_LANG": "en", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([*prefix, sys.executable, "-m", "cnnquiz", *args], env=env,
                          input="", capture_output=True, text=True, timeout=120)


def test_a_read_only_data_folder_is_read_only_not_damaged(tmp_path: Path) -> None:
    prefix = _unprivileged()
    data = tmp_path / "data"
    made = _run([], data, "drill", "--count", "1", "--topic", "pooling")
    assert made.returncode == 0, made.stderr
    data.chmod(0o555)
    try:
        stats = _run(prefix, data, "stats", "--json")
        assert stats.returncode == 0, stats.stderr
        assert json.loads(stats.stdout)["attempts"] == 0
        exported = _run(prefix, data, "export", "-")
        assert exported.returncode == 0 and "learners" in json.loads(exported.stdout)
        drill = _run(prefix, data, "drill", "--count", "1")
        assert drill.returncode == 1 and "read-only" in drill.stderr
        assert "damaged" not in drill.stderr and drill.stderr.count("\n") == 1
        assert sorted(p.name for p in data.iterdir()) == ["progress.sqlite3"]
        deeper = _run(prefix, data / "sub" / "dir", "drill", "--count", "1")
        assert deeper.returncode == 1 and "Traceback" not in deeper.stderr
        assert deeper.stderr.startswith("error: cannot create the data folder ")
        assert deeper.stderr.count("\n") == 1
    finally:
        data.chmod(0o755)
