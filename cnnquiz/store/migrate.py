"""Schema migrations with Alembic, run at start-up from the package's own scripts.

There is no alembic.ini: the Config is built here and points at
`cnnquiz/store/migrations`, which ships inside the package, so `pip install .`
migrates like a checkout does. The revision check is one plain query (Alembic
itself is imported only when a migration is actually needed), and a store written
by a newer cnnquiz (an unknown revision) is refused, never rewritten.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

from cnnquiz.store.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

REVISIONS = ("0001", "0002", "0003")  # oldest first; must match migrations/versions (tested)
HEAD = REVISIONS[-1]
SCRIPTS = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"


def tables(conn: Connection) -> set[str]:
    return set(inspect(conn).get_table_names())


def current(conn: Connection) -> str | None:
    """The store's revision; None for an empty database."""
    found = tables(conn)
    if found and not {VERSION_TABLE, "learners"} <= found:
        raise StoreError(
            f"{describe(conn)} holds tables of another program ({', '.join(sorted(found)[:4])}),"
            " not cnnquiz progress; it was left untouched (choose another --db)"
        )
    if not found:
        return None
    rows = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    if len(rows) != 1:
        raise StoreError(f"{describe(conn)} has a damaged schema version table; left untouched")
    return str(rows[0])


def check_known(revision: str | None, where: str) -> None:
    if revision is not None and revision not in REVISIONS:
        raise StoreError(
            f"{where} was written by a newer cnnquiz (schema {revision}; this version knows "
            f"up to {HEAD}); upgrade cnnquiz to use it. The store was left untouched."
        )


def describe(conn: Connection) -> str:
    return f"the database at {conn.engine.url.render_as_string(hide_password=True)}"


def config(conn: Connection) -> Config:
    """A programmatic Alembic Config bound to `conn` (no alembic.ini anywhere)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    cfg.attributes["connection"] = conn
    return cfg


def upgrade(conn: Connection, target: str = "head") -> None:
    """Apply migrations on `conn` inside its current transaction."""
    from alembic import command

    command.upgrade(config(conn), target)


def script_revisions() -> list[str]:
    """The revisions the shipped scripts define, oldest first (for the consistency test)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(SCRIPTS))
    return [r.revision for r in reversed(list(script.walk_revisions()))]
