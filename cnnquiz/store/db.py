"""Opening the store: where it is, whether it is sound, pragmas, migrations.

A bare path means SQLite; anything with "://" is a SQLAlchemy URL used as is.
Nothing is SQLite-only except what is applied when the URL is SQLite:

- before anything is written, the file is checked read-only (magic header, its
  tables, and a `quick_check` when it is about to be written or migrated), so a
  corrupt or foreign file gets a clear message and is never modified or replaced;
- WAL journal (readers never block the writer), a busy timeout (two sessions on
  one file wait for each other instead of failing), foreign keys, and
  `synchronous=NORMAL`: in WAL mode a committed transaction survives any crash of
  the process (kill -9); only an OS crash or power cut can lose the last commits.
  `CNNQUIZ_SQLITE_SYNC=full` trades ~one fsync per answer for that too;
- writes begin with `BEGIN IMMEDIATE`, so a read-modify-write of a card is
  serialised between sessions instead of failing half-way.

Before a migration of an existing file, a backup copy is written beside it.

A store in a folder cnnquiz may not write to (or a read-only file) is read-only,
not damaged: it is opened `immutable` (a WAL file cannot even be read where its
-shm cannot be created), so `stats` and `export` work, and commands that save
say that the store is read-only.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from cnnquiz import paths
from cnnquiz.store import migrate
from cnnquiz.store.errors import StoreError
from cnnquiz.store.store import Store

BUSY_MS = 15_000
READ_ONLY_HINT = "make it writable, or choose another --db"
SQLITE_MAGIC = b"SQLite format 3\x00"
Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Target:
    url: str
    path: Path | None  # the SQLite file, when the store is one
    shown: str  # for messages (passwords hidden)


def resolve(target: str | None) -> Target:
    """`--db`/`CNNQUIZ_DB` (None: the default file) as a SQLAlchemy URL."""
    if target is None or not target.strip():
        path = paths.default_db_path()
    elif "://" in target:
        try:
            url = make_url(target)
        except ArgumentError as exc:
            raise StoreError(f"not a database URL: {target!r} ({exc})") from None
        shown = url.render_as_string(hide_password=True)
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            return Target(target, Path(url.database).expanduser().resolve(), shown)
        return Target(target, None, shown)
    else:
        path = Path(target).expanduser()
    path = path.resolve()
    return Target(str(make_url("sqlite://").set(database=str(path))), path, str(path))


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


def make_engine(target: Target, *, write: bool, immutable: bool = False) -> Engine:
    """An engine with the pragmas and transaction mode above (SQLite) or plain (others);
    `immutable`: a read-only store that SQLite may not even lock (see the module doc)."""
    try:
        if target.path is None:
            return create_engine(target.url, pool_pre_ping=True)
        url = make_url(target.url)
        if not write:  # reading cannot modify the file, not even by a checkpoint on close
            query = {"mode": "ro", "uri": "true", **({"immutable": "1"} if immutable else {})}
            url = url.set(database=target.path.as_uri(), query=query)
        engine = create_engine(url, connect_args={"timeout": BUSY_MS / 1000})
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise StoreError(f"cannot use the database {target.shown}: {exc}") from None
    sync = "FULL" if os.environ.get("CNNQUIZ_SQLITE_SYNC", "").lower() == "full" else "NORMAL"

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # SQLAlchemy's `begin` event below emits BEGIN
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
        if write:
            cur.execute("PRAGMA journal_mode = WAL")
        cur.execute(f"PRAGMA synchronous = {sync}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql(f"BEGIN {conn.get_execution_options().get('sqlite_begin', '')}")

    return engine


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
