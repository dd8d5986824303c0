"""Store fixtures: a real SQLite file per test, and PostgreSQL too when a URL is given."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from cnnquiz.store.store import Store
from tests.store.helpers import PG_ENV, Clock, new_store, reset_pg, worker_database

BACKENDS = ["sqlite", *(["postgresql"] if os.environ.get(PG_ENV) else [])]


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real user data dir."""
    monkeypatch.setenv("CNNQUIZ_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("CNNQUIZ_DB", raising=False)


@pytest.fixture(scope="session")
def _pg_url() -> str:
    """The PostgreSQL test database; under pytest-xdist one per worker (created beside it,
    named `<database>_gw0`, ...) so that one worker's reset never empties another's tables."""
    return worker_database(os.environ[PG_ENV], os.environ.get("PYTEST_XDIST_WORKER"))


@pytest.fixture(params=BACKENDS)
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a store lives: a fresh SQLite file, or the (emptied) PostgreSQL test database."""
    if request.param == "postgresql":
        url = request.getfixturevalue("_pg_url")
        reset_pg(url)
        return url
    return str(tmp_path / "progress.sqlite3")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(target: str, clock: Clock) -> Iterator[Store]:
    s = new_store(target, clock)
    yield s
    s.close()
