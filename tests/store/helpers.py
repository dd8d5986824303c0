"""Shared by the store and study tests: a settable clock, real stores, the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from cnnquiz.store.db import open_store
from cnnquiz.store.recording import AttemptIn
from cnnquiz.store.store import Store

START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)  # a Monday
PG_ENV = "CNNQUIZ_TEST_PG_URL"


class Clock:
    """A fixed clock the tests move by hand (the store and loop take any `now` callable)."""

    def __init__(self, start: datetime = START) -> None:
        self.t = start

    def __call__(self) -> datetime:
        return self.t

    def advance(self, **delta: float) -> datetime:
        self.t += timedelta(**delta)
        return self.t


def attempt(skill: str = "conv.output_size@2", verdict: str = "correct", *,
            when: datetime = START, topic: str = "output-size", seconds: float = 5.0,
            mistake: str | None = None, given: str = "55") -> AttemptIn:
    template, _, level = skill.partition("@")
    return AttemptIn(code=f"os.1.{level or 1}.abc", template=template, topic=topic,
                     level=int(level or 1), skill=skill, given=given, verdict=verdict,
                     mistake=mistake, seconds=seconds, answered_at=when, day=when.date())


def reset_pg(url: str) -> None:
    """Drop every table of a PostgreSQL test database so each test starts empty."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()


def worker_database(url: str, worker: str | None) -> str:
    """`url` itself, or for a pytest-xdist worker a database of its own on the same server
    (created if missing: the CI role may create databases)."""
    if not worker:
        return url
    from sqlalchemy import create_engine, make_url, text

    base = make_url(url)
    name = f"{base.database}_{worker}"
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        if conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first() is None:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def new_store(target: str, clock: Clock | None = None) -> Store:
    return open_store(target, now=clock or Clock())


def _env(db: Path | str, env: dict[str, str] | None) -> dict[str, str]:
    return {**os.environ, "CNNQUIZ_DB": str(db), "CNNQUIZ_LANG": "en",
            "PYTHONIOENCODING": "utf-8", **(env or {})}


def cli(*args: str, db: Path | str, input: str | None = None, timeout: float = 120,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`cnnquiz` with its store at `db`, in this process (tests/inprocess.py)."""
    from tests import inprocess

    return inprocess.run(args, env=_env(db, env), input=input)


def cli_process(*args: str, db: Path | str, input: str | None = None, timeout: float = 120,
                env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real `cnnquiz` in a subprocess, with its store at `db`."""
    return subprocess.run([sys.executable, "-m", "cnnquiz", *args], input=input, text=True,
                          capture_output=True, env=_env(db, env), timeout=timeout)


def day(d: int) -> date:
    return (START + timedelta(days=d)).date()


def rows(path: Path, sql: str) -> list[Any]:
    import sqlite3

    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()
