"""Looking at a SQLite store file without writing to it, and copying it before a migration.

A corrupt or foreign file must get a clear message and never be modified or replaced,
so before anything is written the file is checked through a read-only connection
(magic header, its tables, a `quick_check` when it is about to be written or
migrated). A store in a folder cnnquiz may not write to (or a read-only file) is
read-only, not damaged: it is opened `immutable`, since a WAL file cannot even be read
where its -shm cannot be created.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from cnnquiz.store import migrate
from cnnquiz.store.errors import StoreError

READ_ONLY_HINT = "make it writable, or choose another --db"
SQLITE_MAGIC = b"SQLite format 3\x00"


def preflight(path: Path, *, deep: bool) -> tuple[str | None, bool]:
    """Check a SQLite file without writing to it: its schema revision (None if empty), and
    whether it can only be read (its folder or the file itself is read-only).

    A read-only open of a WAL file creates its -wal/-shm companions; when the file is
    refused, the companions this check created are removed again, leaving the folder
    exactly as it was.
    """
    if path.is_dir():
        raise StoreError(f"the progress store {path} is a folder, not a file")
    if not path.exists() or path.stat().st_size == 0:
        return None, False
    if not os.access(path, os.R_OK):
        raise StoreError(f"cannot read the progress store {path} (permission denied)")
    with path.open("rb") as f:
        if f.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise StoreError(f"{path} is not a cnnquiz progress store (not an SQLite "
                             "database); it was left untouched")
    tidy = companion_cleanup(path)
    try:
        names, revision, read_only = _inspect(path, deep)
        if names and not {migrate.VERSION_TABLE, "learners"} <= names:
            raise StoreError(f"{path} is an SQLite database of another program, not cnnquiz "
                             "progress; it was left untouched (choose another --db)")
        migrate.check_known(revision, f"the progress store {path}")
    except StoreError:
        tidy()
        raise
    return revision, read_only


def companion_cleanup(path: Path) -> Callable[[], None]:
    """A function that removes the -wal/-shm files opened after this call created, while
    the -wal is empty: what is left after refusing a file must be what was there."""
    companions = [path.with_name(path.name + s) for s in ("-wal", "-shm")]
    existed = [c.exists() for c in companions]

    def tidy() -> None:
        wal = companions[0]
        if not existed[0] and wal.exists() and wal.stat().st_size == 0:
            for companion, was in zip(companions, existed, strict=True):
                if not was:
                    companion.unlink(missing_ok=True)

    return tidy


def _inspect(path: Path, deep: bool) -> tuple[set[str], str | None, bool]:
    """The file's tables and revision, read through a read-only connection, and whether
    only an immutable connection could read it (a read-only folder or file)."""
    try:
        ro, read_only = _connect_read_only(path)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the progress store {path} ({exc})") from None
    try:
        names = {r[0] for r in ro.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if deep and ro.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
            raise sqlite3.DatabaseError("integrity check failed")
        revision = None
        if migrate.VERSION_TABLE in names:
            found = ro.execute(f"SELECT version_num FROM {migrate.VERSION_TABLE}").fetchone()
            revision = found[0] if found else None
        return names, revision, read_only
    except sqlite3.Error as exc:
        raise StoreError(f"the progress store {path} is damaged ({exc}); it was left untouched "
                         "- restore a backup (*.bak-*) or choose another --db") from None
    finally:
        ro.close()


def _connect_read_only(path: Path) -> tuple[sqlite3.Connection, bool]:
    """A `mode=ro` connection; where that cannot read (a WAL file whose -shm cannot be
    created), an `immutable` one, and True."""
    ro = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        ro.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opening is lazy
    except sqlite3.Error as exc:
        if is_read_only_error(str(exc)):
            ro.close()
            return sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True), True
        # anything else (a damaged file) is diagnosed by the caller's own reads
    return ro, False


def is_read_only_error(reason: str) -> bool:
    """SQLite's words for "this file or its folder cannot be written"."""
    return any(w in reason for w in ("readonly", "read-only", "unable to open database file"))


def read_only_error(shown: str) -> StoreError:
    return StoreError(f"the progress store {shown} is read-only (its folder or the file "
                      f"cannot be written): stats and export work, saving does not; "
                      f"{READ_ONLY_HINT}")


def backup(path: Path, revision: str, now: datetime) -> Path:
    """A consistent copy of the file (SQLite's backup API, WAL included) beside it."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    dest = path.with_name(f"{path.name}.bak-{revision}-{stamp}")
    src = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(dest)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    return dest

