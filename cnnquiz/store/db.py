"""Opening the store: checked, backed up and migrated to the head schema.

Every command that reads or saves progress opens the store here, so one place decides
what may be written when: a SQLite file is checked read-only first (sqlite_file.py)
and never modified or replaced when it is corrupt or foreign; before a migration of
an existing file, a backup copy is written beside it; the pragmas and transaction mode
are connection.py's. A store in a folder cnnquiz may not write to (or a read-only file)
is read-only, not damaged: `stats` and `export` work, and commands that save say that
the store is read-only.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from cnnquiz.store import migrate
from cnnquiz.store.connection import make_engine, resolve
from cnnquiz.store.errors import StoreError
from cnnquiz.store.sqlite_file import (
    READ_ONLY_HINT,
    backup,
    companion_cleanup,
    is_read_only_error,
    preflight,
    read_only_error,
)
from cnnquiz.store.store import Store

Clock = Callable[[], datetime]


def open_store(target: str | None = None, *, write: bool = True, now: Clock | None = None) -> Store:
    """The store at `target`, checked and migrated to the head schema.

    `write=False` (stats, export) skips the full page check and never switches the
    journal mode, so merely reading a store cannot modify it (unless it must migrate).
    """
    clock = now or (lambda: datetime.now(UTC))
    where = resolve(target)
    tidy = companion_cleanup(where.path) if where.path is not None else None
    read_only = False
    if where.path is not None:
        revision, read_only = preflight(where.path, deep=write)
        if read_only and (write or revision != migrate.HEAD):
            raise read_only_error(where.shown)
        if revision != migrate.HEAD:
            if revision is not None:
                preflight(where.path, deep=True)
                backup(where.path, revision, clock())
            write = True
            _make_folder(where.path.parent)
    engine = make_engine(where, write=write, immutable=read_only)
    try:
        _migrate(engine)
    except StoreError:
        engine.dispose()
        raise
    except (SQLAlchemyError, sqlite3.Error) as exc:
        engine.dispose()
        if tidy is not None:
            tidy()
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        if where.path is not None and is_read_only_error(reason):
            if not where.path.exists() or where.path.stat().st_size == 0:
                raise StoreError(f"cannot create the progress store {where.shown}: its folder "
                                 f"cannot be written; {READ_ONLY_HINT}") from None
            raise read_only_error(where.shown) from None
        raise StoreError(f"cannot open the progress store {where.shown}: {reason}") from None
    return Store(engine, where.shown, clock, on_damage=tidy)


def _make_folder(folder: Path) -> None:
    """Create the store's folder (and its parents), or say in one line why not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the data folder {folder}: {exc.strerror or exc}; "
                         "set CNNQUIZ_DATA_DIR or choose another --db") from None


def _migrate(engine: Engine) -> None:
    """Bring the schema to HEAD under the write lock (two first starts cannot race)."""
    with engine.connect() as conn:
        revision = migrate.current(conn)
        conn.rollback()
        migrate.check_known(revision, migrate.describe(conn))
        if revision == migrate.HEAD:
            return
    with engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(7461239)"))
        revision = migrate.current(conn)
        migrate.check_known(revision, migrate.describe(conn))
        if revision != migrate.HEAD:
            migrate.upgrade(conn)
