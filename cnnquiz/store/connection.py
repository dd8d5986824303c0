"""Where the store is and how SQLAlchemy connects to it.

A bare path means SQLite; anything with "://" is a SQLAlchemy URL used as is.
Nothing is SQLite-only except what is applied when the URL is SQLite:

- WAL journal (readers never block the writer), a busy timeout (two sessions on
  one file wait for each other instead of failing), foreign keys, and
  `synchronous=NORMAL`: in WAL mode a committed transaction survives any crash of
  the process (kill -9); only an OS crash or power cut can lose the last commits.
  `CNNQUIZ_SQLITE_SYNC=full` trades ~one fsync per answer for that too;
- writes begin with `BEGIN IMMEDIATE`, so a read-modify-write of a card is
  serialised between sessions instead of failing half-way.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from cnnquiz import paths
from cnnquiz.store.errors import StoreError

BUSY_MS = 15_000


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

