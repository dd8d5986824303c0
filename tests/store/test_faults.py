"""Damaged, foreign and odd store files: a clear one-line error, exit 1, file untouched."""

from __future__ import annotations

import hashlib
import os
import pwd
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from cnnquiz.store.db import open_store
from cnnquiz.store.errors import StoreError
from cnnquiz.store.stats import summarize
from tests.store.helpers import Clock, attempt, cli, cli_process


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


def good_store(path: Path, n: int = 400) -> None:
    clock = Clock()
    with open_store(str(path), now=clock) as store:
        lid = store.learner_id()
        for i in range(n):
            store.record(lid, attempt(f"t{i % 40}@1", given="x" * 200, when=clock.t),
                         planner=None)


def garbage(path: Path) -> None:
    path.write_bytes(os.urandom(8192))


def damaged_pages(path: Path) -> None:
    good_store(path)
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 8 * page
    data[2 * page:] = bytes(range(256)) * ((len(data) - 2 * page) // 256)
    path.write_bytes(bytes(data))


def truncated(path: Path) -> None:
    good_store(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def foreign(path: Path) -> None:
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        con.execute("INSERT INTO notes (body) VALUES ('not yours')")
    con.close()


def foreign_alembic(path: Path) -> None:
    """Another program that also uses Alembic: its version table is not ours."""
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        con.execute("INSERT INTO alembic_version VALUES ('3f2a9c')")
        con.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)")
    con.close()


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "garbage": (garbage, "not an SQLite database"),
    "damaged": (damaged_pages, "damaged"),
    "truncated": (truncated, "damaged"),
    "foreign": (foreign, "another program"),
    "foreign-alembic": (foreign_alembic, "another program"),
}


def use(path: Path, write: bool) -> None:
    """Open and do what a command would: record an answer, or read the stats."""
    with open_store(str(path), write=write) as store:
        if write:
            store.record(store.learner_id(), attempt(), planner=None)
        else:
            summarize(store)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("write", [True, False])
def test_bad_files_are_refused_and_left_alone(tmp_path: Path, case: str, write: bool) -> None:
    make, message = CASES[case]
    path = tmp_path / "p.sqlite3"
    make(path)
    before = snapshot(tmp_path)
    with pytest.raises(StoreError, match=message):
        use(path, write)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("case", ["garbage", "damaged", "foreign"])
@pytest.mark.parametrize("command", [["stats"], ["stats", "--json"], ["drill", "--count", "1"],
                                     ["export", "out.json"], ["import", "in.json"]])
def test_cli_says_one_line_and_exits_1(tmp_path: Path, case: str, command: list[str]) -> None:
    path = tmp_path / "p.sqlite3"
    CASES[case][0](path)
    (tmp_path / "in.json").write_text('{"format": "cnnquiz-progress", "version": 1, '
                                      '"learners": []}')
    before = snapshot(tmp_path)
    out = cli(*command, db=path, input="1\n")
    assert out.returncode == 1, out.stdout + out.stderr
    assert out.stderr.startswith("error: ") and out.stderr.count("\n") == 1, out.stderr
    assert "Traceback" not in out.stderr
    assert snapshot(tmp_path) == before


def test_a_folder_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder"):
        open_store(str(tmp_path))


def _cannot_read(path: Path) -> str:
    """The StoreError opening `path` gives (empty if it opened)."""
    try:
        open_store(str(path)).close()
    except StoreError as exc:
        return str(exc)
    return ""


def _as_nobody(check: Callable[[], str]) -> str:
    """`check()` run by the unprivileged user 'nobody' in a forked child (root reads any
    file, so as root the test would prove nothing); the child reports through a pipe."""
    nobody = pwd.getpwnam("nobody")
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop privileges, run, report, and leave without cleanup
        code = 1
        try:
            os.setgid(nobody.pw_gid)
            os.setuid(nobody.pw_uid)
            os.write(write_end, check().encode())
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        message = pipe.read().decode()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, "the check failed in the child"
    return message


def test_an_unreadable_file_is_reported() -> None:
    with tempfile.TemporaryDirectory() as folder:  # under /tmp, so 'nobody' can reach it
        Path(folder).chmod(0o755)
        path = Path(folder) / "p.sqlite3"
        good_store(path, 3)
        assert _cannot_read(path) == ""  # readable: opens (and imports what opening needs)
        path.chmod(0)
        message = _as_nobody(lambda: _cannot_read(path)) if os.geteuid() == 0 \
            else _cannot_read(path)
        path.chmod(0o600)
    assert "cannot read" in message


def test_a_bad_url_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        open_store("nosuchdb://x/y")
    out = cli_process("stats", db="nosuchdb://x/y")  # the real program
    assert out.returncode == 1 and out.stderr.startswith("error: ")


def test_an_empty_file_becomes_a_store(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    path.touch()
    with open_store(str(path)) as store:
        assert store.learners() == []
